"""pytest tests of the ctypes binding, and through it of the C API's misuse matrix.

Run from the repository root after `cargo build --release --features ffi`:
    python3 -m pytest python
"""

import ctypes
import gc
import json
import os
import re
import subprocess
import sys
import weakref
from ctypes import byref, c_size_t, c_void_p
from pathlib import Path

import pytest

import newsparse
from newsparse import Code, NewsparseError

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "fixtures" / "upi-kislyak.txt").read_bytes()
lib = newsparse._lib


def test_the_seed():
    with newsparse.parse(SEED) as article:
        assert article.headline == "Russia's ambassador to leave post in U.S."
        assert article.headline.offset == 0
        assert article.byline.authors == ["Allen Cone"]
        assert article.agency == "UPI"
        assert article.agency.offset is None  # a canonical name, not a view of the input
        assert article.dateline.date.text == "June 26"
        assert (article.dateline.date.month, article.dateline.date.day) == (6, 26)
        assert article.dateline.date.year is None
        assert len(article.related) == 5
        assert len(article.paragraphs) > 5
        assert [c.credit for c in article.captions] == ["Joel Kowsky/NASA"]


def spans(article):
    """Every Span the article's attributes give."""
    out = [article.headline, article.published, article.agency, article.credits]
    out += article.paragraphs + article.related + article.boilerplate
    for caption in article.captions:
        out += [caption.text, caption.credit]
    if article.byline:
        out += [article.byline.text, article.byline.affiliation] + article.byline.authors
    if article.dateline:
        d = article.dateline
        out += [d.text, d.location, d.city, d.region, d.state, d.agency, d.date and d.date.text]
    return [s for s in out if s is not None]


STORY = (
    "Storm closes schools\n\nBy Jane Roe and John Doe, UPI Staff Writers\n\n"
    "PITTSBURG, Calif., May 5, 2025 (UPI) -- Schools in the Bay Area closed on Monday. \u00e9t\u00e9\n\n"
    "A firefighter walks past a burning home. Photo by Joel Kowsky/NASA\n\n"
    "RELATED Snow to last all week\n\nReporting by Jane Roe; Editing by Sam Poe\n"
)


@pytest.mark.parametrize("text", [SEED, STORY])
def test_offsets_are_byte_offsets_of_the_same_text(text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    with newsparse.parse(text) as article:
        found = spans(article)
        assert found
        for span in found:
            if span.offset is not None:
                assert data[span.offset : span.offset + len(span.encode("utf-8"))].decode("utf-8") == span


@pytest.mark.parametrize("text", [SEED, STORY])
def test_attributes_agree_with_to_dict(text):
    with newsparse.parse(text) as article:
        d = article.to_dict()
        assert d == json.loads(article.to_json())
        assert d["headline"] == article.headline
        assert d["published"] == article.published
        assert d["agency"] == article.agency
        assert d["paragraphs"] == article.paragraphs
        assert d["related"] == article.related
        assert d["credits"] == article.credits
        assert d["boilerplate"] == article.boilerplate
        assert d["captions"] == [{"text": c.text, "credit": c.credit} for c in article.captions]
        b = article.byline
        assert d["byline"] == (b and {"text": b.text, "authors": [{"name": n} for n in b.authors], "affiliation": b.affiliation})
        dl = article.dateline
        if dl is None:
            assert d["dateline"] is None
        else:
            date = dl.date and {"text": dl.date.text, "month": dl.date.month, "day": dl.date.day, "year": dl.date.year}
            assert d["dateline"] == {
                "text": dl.text,
                "location": dl.location,
                "city": dl.city,
                "region": dl.region,
                "state": dl.state,
                "date": date,
                "agency": dl.agency,
            }


def test_str_and_bytes_give_the_same_article():
    text = SEED.decode("utf-8")
    assert newsparse.parse(text).to_dict() == newsparse.parse(SEED).to_dict()
    assert newsparse.parse(bytearray(SEED)).to_dict() == newsparse.parse(memoryview(SEED)).to_dict()


def test_the_article_survives_garbage_collection_of_the_input_name():
    text = (SEED * 3).decode("utf-8")
    article = newsparse.parse(text)
    expected = article.to_dict()
    del text
    gc.collect()
    # Churn the allocator so freed memory would be reused and overwritten.
    junk = [bytes([i % 256]) * 4096 for i in range(2000)]
    assert article.to_dict() == expected
    assert article.headline == "Russia's ambassador to leave post in U.S."
    del junk


def test_the_article_is_freed_by_del_and_by_the_context_manager():
    article = newsparse.parse(SEED)
    ref = weakref.ref(article)
    del article
    gc.collect()
    assert ref() is None
    with newsparse.parse(SEED) as article:
        assert article.headline
    with pytest.raises(ValueError):
        article.headline
    article.close()  # closing twice is harmless
    assert repr(article) == "<newsparse.Article (closed)>"


def expect_error(text, code, offset, message=None):
    with pytest.raises(NewsparseError) as info:
        newsparse.parse(text)
    assert (info.value.code, info.value.offset) == (code, offset)
    if message is not None:
        assert info.value.message == message
    return info.value


def test_empty_input():
    expect_error(b"", Code.EMPTY_INPUT, 0, "input is empty")
    expect_error("", Code.EMPTY_INPUT, 0)


def test_white_space_only_input():
    expect_error(" \n\t\r\n", Code.BLANK_INPUT, 5, "input holds only white space (5 bytes)")
    expect_error("\ufeff  ", Code.BLANK_INPUT, 5)


def test_invalid_utf8_gives_the_offset_in_the_message():
    e = expect_error(b"Headline\n\nBody \xc3\x28 more", Code.INVALID_UTF8, 15)
    assert e.message == "invalid UTF-8 at byte offset 15"
    assert "NEWSPARSE_INVALID_UTF8" in str(e)
    expect_error(b"\xff", Code.INVALID_UTF8, 0)
    expect_error(SEED + b"\xe2\x80", Code.INVALID_UTF8, len(SEED))  # cut short at the end


def test_nul_bytes_are_ordinary_text():
    text = "Head\0line\n\nWASHINGTON (Reuters) - Officials said on \0Monday.\n"
    with newsparse.parse(text) as article:
        assert "\\u0000" in article.to_json()
        assert any("\0" in s for s in spans(article))
    with newsparse.parse(b"\0") as article:  # a NUL is not white space
        assert json.loads(article.to_json()) == article.to_dict()


def test_very_large_input():
    head = b"Storm closes schools\n\nBy Jane Roe\n\nPROVO, Utah, Dec. 23 (UPI) -- Schools closed on Monday.\n\n"
    sentence = b"Officials said on Monday that the plan would go ahead and that classes would resume soon. "
    paragraph = sentence * 10 + b"\n\n"
    data = head + paragraph * (100_000_000 // len(paragraph) + 1)
    assert len(data) >= 100_000_000
    with newsparse.parse(data) as article:
        assert article.headline == "Storm closes schools"
        n = lib.newsparse_article_paragraph_count(article._handle)
        assert n > 1000
        last = article._item(lib.newsparse_article_paragraph, n - 1)
        assert last.offset > 99_000_000
        assert data[last.offset :].decode("utf-8").startswith(last)
        s = newsparse._Str()
        assert lib.newsparse_article_paragraph(article._handle, n, byref(s), None) == Code.INDEX_OUT_OF_RANGE


# The raw C API, for the calls the Python layer never makes.


def last_message():
    size = lib.newsparse_last_error_message(None, 0)
    buf = ctypes.create_string_buffer(size + 1)
    lib.newsparse_last_error_message(buf, size + 1)
    return buf.value.decode()


def test_null_text_with_len_zero_is_empty_and_with_len_is_a_null_argument():
    out = c_void_p(1)
    assert lib.newsparse_parse(None, 0, byref(out)) == Code.EMPTY_INPUT
    assert out.value is None
    assert lib.newsparse_parse(None, 5, byref(out)) == Code.NULL_ARGUMENT
    assert out.value is None
    assert lib.newsparse_last_error_code() == Code.NULL_ARGUMENT
    assert last_message() == "argument `text` is NULL with len 5"
    assert lib.newsparse_last_error_offset() == newsparse.NO_OFFSET


def test_null_out_pointer():
    assert lib.newsparse_parse(b"Headline", 8, None) == Code.NULL_ARGUMENT
    assert last_message() == "argument `out` is NULL"


def test_index_past_the_end_of_every_list():
    with newsparse.parse(SEED) as article:
        h = article._handle
        s, off = newsparse._Str(), c_size_t()
        lists = [
            ("byline_author_count", "byline_author"),
            ("paragraph_count", "paragraph"),
            ("caption_count", "caption"),
            ("caption_count", "caption_credit"),
            ("related_count", "related"),
            ("boilerplate_count", "boilerplate"),
        ]
        for count, item in lists:
            n = getattr(lib, f"newsparse_article_{count}")(h)
            for index in (n, n + 1, newsparse.NO_OFFSET):
                code = getattr(lib, f"newsparse_article_{item}")(h, index, byref(s), byref(off))
                assert code == Code.INDEX_OUT_OF_RANGE
                assert s.ptr is None and s.len == 0
            assert re.fullmatch(r"index \d+ is past the end of \w+ \(\d+ items\)", last_message())
        with pytest.raises(NewsparseError) as info:
            article._item(lib.newsparse_article_related, 5)
        assert info.value.code == Code.INDEX_OUT_OF_RANGE


def test_null_article_and_free_of_null():
    s = newsparse._Str()
    assert lib.newsparse_article_headline(None, byref(s), None) == Code.NULL_ARGUMENT
    assert lib.newsparse_article_paragraph_count(None) == 0
    assert lib.newsparse_last_error_code() == Code.NULL_ARGUMENT
    lib.newsparse_article_free(None)
    lib.newsparse_string_free(None)


def test_every_header_function_has_a_signature():
    header = (ROOT / "include" / "newsparse.h").read_text()
    declared = set(re.findall(r"\b(newsparse_\w+)\(", header))
    bound = {name for name, _, _ in newsparse._SIGNATURES}
    assert declared == bound
    for name in bound:
        assert getattr(lib, name).argtypes is not None


def test_versions_agree():
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert newsparse.library_version() == version


def test_result_names():
    assert [newsparse._code_name(c) for c in Code] == [f"NEWSPARSE_{c.name}" for c in Code]
    assert newsparse._code_name(999) == "NEWSPARSE_UNKNOWN"


def test_a_missing_library_is_reported(tmp_path):
    env = {"NEWSPARSE_LIB": str(tmp_path / "nowhere.so"), "PATH": ""}
    code = "import sys; sys.path.insert(0, %r); import newsparse" % str(Path(__file__).parent)
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "nowhere.so" in run.stderr


def readme_blocks(section, lang):
    readme = (ROOT / "README.md").read_text()
    part = readme.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", part, re.S)


def test_the_readme_c_example_is_the_file_ci_compiles():
    assert readme_blocks("C API", "c") == [(ROOT / "examples" / "c" / "quickstart.c").read_text()]


def test_the_readme_python_example_is_this_file_and_runs():
    script = ROOT / "examples" / "python" / "quickstart.py"
    assert readme_blocks("Python", "python") == [script.read_text()]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    run = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Russia's ambassador to leave post in U.S. at byte 0"
    assert lines[1].startswith("['Allen Cone'] UPI ")
    assert json.loads(lines[2]) == newsparse.parse(SEED).to_dict()
