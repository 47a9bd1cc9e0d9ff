"""pytest tests of the newsparse package, and through it of the C API's misuse matrix.

CI runs them in a fresh virtual environment after `pip install .`:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install . pytest
    /tmp/venv/bin/python -m pytest python/tests
"""

import ctypes
import dataclasses
import gc
import io
import json
import os
import pathlib
import pickle
import re
import subprocess
import sys
import threading
import time
from ctypes import byref, c_size_t, c_void_p

import pytest

import newsparse
from newsparse import Article, Code, NewsparseError, PublishedAt, Span

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "tests" / "fixtures" / "upi-kislyak.txt"
SEED = SEED_PATH.read_bytes()
STYLES = sorted((ROOT / "tests" / "fixtures" / "styles").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"
lib = newsparse._lib


def c_json(data: bytes) -> str:
    """The C library's own JSON of an input, for comparison with the package's values."""
    handle = c_void_p()
    assert lib.newsparse_parse(data, len(data), byref(handle)) == Code.OK
    out, size = c_void_p(), c_size_t()
    try:
        assert lib.newsparse_article_to_json(handle, byref(out), byref(size)) == Code.OK
        return ctypes.string_at(out, size.value).decode("utf-8")
    finally:
        lib.newsparse_string_free(out)
        lib.newsparse_article_free(handle)


def spans(article: Article):
    """Every Span of an article."""
    out = [article.headline, article.published, article.agency, article.credits]
    out += list(article.paragraphs + article.related + article.boilerplate)
    for caption in article.captions:
        out += [caption.text, caption.credit]
    if article.byline:
        out += [article.byline.text, article.byline.affiliation, *article.byline.authors]
    if article.dateline:
        d = article.dateline
        out += [d.text, d.location, d.city, d.region, d.state, d.agency, d.date and d.date.text]
    return [s for s in out if s is not None]


def test_the_package_is_the_installed_one():
    # CI installs with pip: the library ships inside the package, not in the repository.
    if "NEWSPARSE_LIB" not in os.environ:
        here = pathlib.Path(newsparse.__file__).parent
        assert list(here.glob("_native*")), f"no library in {here}"
        assert (here / "py.typed").is_file()


def test_the_seed():
    article = newsparse.parse(SEED)
    assert article.headline == "Russia's ambassador to leave post in U.S."
    assert article.headline.offset == 0
    assert article.byline.authors == ("Allen Cone",)
    assert article.agency == "UPI" and article.agency.offset is None  # a canonical name
    assert article.dateline.date.text == "June 26"
    assert (article.dateline.date.month, article.dateline.date.day, article.dateline.date.year) == (6, 26, None)
    assert len(article.related) == 5 and len(article.paragraphs) > 5
    assert [c.credit for c in article.captions] == ["Joel Kowsky/NASA"]


def test_an_article_is_a_frozen_dataclass_of_plain_values():
    article = newsparse.parse(SEED)
    assert dataclasses.is_dataclass(article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.headline = "x"
    assert isinstance(article.paragraphs, tuple) and all(type(p) is Span for p in article.paragraphs)
    assert dataclasses.asdict(article)["headline"] == article.headline
    assert pickle.loads(pickle.dumps(article)) == article
    assert hash(article) == hash(newsparse.parse(SEED))


@pytest.mark.parametrize("path", [SEED_PATH, *STYLES], ids=lambda p: p.name)
def test_values_match_the_c_librarys_json_and_offsets_the_input(path):
    data = path.read_bytes()
    article = newsparse.parse(data)
    assert article.to_json() == c_json(data)
    assert article.to_dict() == json.loads(article.to_json())
    for span in spans(article):
        if span.offset is not None:
            assert data[span.offset : span.offset + len(span.encode("utf-8"))].decode("utf-8") == span


def test_every_corpus_article_matches_the_c_librarys_json():
    dirs = [CORPUS / "dev", CORPUS / "extra"]
    files = sorted(f for d in dirs if d.is_dir() for f in d.rglob("*.txt"))
    if not files:
        pytest.skip("no ../shared/corpus")
    for path, article in zip(files, newsparse.parse_many(files)):
        data = path.read_bytes()
        if isinstance(article, NewsparseError):
            with pytest.raises(NewsparseError):
                newsparse.parse(data)
            continue
        assert article.to_json() == c_json(data), path


def test_every_kind_of_input_gives_the_same_article():
    want = newsparse.parse(SEED)
    text = SEED.decode("utf-8")
    inputs = [text, bytearray(SEED), memoryview(SEED), SEED_PATH, io.BytesIO(SEED), io.StringIO(text)]
    for data in inputs:
        assert newsparse.parse(data) == want, type(data)
    with open(SEED_PATH, "rb") as f:
        assert newsparse.parse(f) == want
    assert newsparse.parse_file(SEED_PATH) == want
    assert newsparse.parse_file(str(SEED_PATH)) == want
    with pytest.raises(TypeError):
        newsparse.parse(12)


def test_the_article_outlives_its_input():
    text = bytearray(SEED * 3)
    article = newsparse.parse(text)
    expected = article.to_dict()
    text[:] = b"x" * len(text)
    del text
    gc.collect()
    junk = [bytes([i % 256]) * 4096 for i in range(2000)]  # reuse freed memory
    assert article.to_dict() == expected
    del junk


def expect_error(data, code, offset, message=None):
    with pytest.raises(NewsparseError) as info:
        newsparse.parse(data)
    assert (info.value.code, info.value.offset) == (code, offset)
    assert isinstance(info.value, ValueError)
    if message is not None:
        assert info.value.message == message
    return info.value


def test_errors():
    expect_error(b"", Code.EMPTY_INPUT, 0, "input is empty")
    expect_error("", Code.EMPTY_INPUT, 0)
    expect_error(" \n\t\r\n", Code.BLANK_INPUT, 5, "input holds only white space (5 bytes)")
    expect_error("\ufeff  ", Code.BLANK_INPUT, 5)
    e = expect_error(b"Headline\n\nBody \xc3\x28 more", Code.INVALID_UTF8, 15)
    assert e.message == "invalid UTF-8 at byte offset 15" and "NEWSPARSE_INVALID_UTF8" in str(e)
    expect_error(SEED + b"\xe2\x80", Code.INVALID_UTF8, len(SEED))  # cut short at the end
    assert pickle.loads(pickle.dumps(e)).offset == 15


def test_nul_bytes_are_ordinary_text():
    text = "Head\0line\n\nWASHINGTON (Reuters) - Officials said on \0Monday.\n"
    article = newsparse.parse(text)
    assert "\\u0000" in article.to_json()
    assert any("\0" in s for s in spans(article))


def test_published_at():
    article = newsparse.parse(ROOT / "tests" / "fixtures" / "styles" / "timestamp.txt")
    assert article.published == "July 24, 2012 12:11 AM"
    assert article.published_at == PublishedAt(2012, 7, 24, 0, 11, None, None)
    assert str(article.published_at) == "2012-07-24T00:11"
    assert article.to_dict()["published_at"] == "2012-07-24T00:11"
    assert newsparse.parse(SEED).published_at is None
    zoned = PublishedAt(2019, 11, 19, 8, 3, None, -300)
    assert zoned.isoformat() == "2019-11-19T08:03-05:00"
    assert PublishedAt(2019, 11, 18, 20, 51, 19, 0).isoformat() == "2019-11-18T20:51:19Z"
    assert PublishedAt(2019, 11, 19).isoformat() == "2019-11-19"


def test_published_at_of_every_corpus_timestamp_is_the_librarys():
    dirs = [CORPUS / "dev", CORPUS / "extra"]
    files = sorted(f for d in dirs if d.is_dir() for f in d.rglob("*.txt"))
    if not files:
        pytest.skip("no ../shared/corpus")
    typed = 0
    for path, article in zip(files, newsparse.parse_many(files)):
        if isinstance(article, Article) and article.published_at is not None:
            typed += 1
            assert json.loads(c_json(path.read_bytes()))["published_at"] == article.published_at.isoformat()
    assert typed > 100


def test_encodings():
    latin1 = "Café owner “wins”\n\nPARIS (Reuters) - The café won on Monday.\n"
    data = latin1.encode("windows-1252")
    with pytest.raises(NewsparseError) as info:
        newsparse.parse(data)
    assert info.value.code == Code.INVALID_UTF8
    article = newsparse.parse(data, encoding="windows-1252")
    assert article.headline == "Café owner “wins”"
    assert article.paragraphs == ("The café won on Monday.",)
    decoded = latin1.encode("utf-8")  # offsets count the decoded text's UTF-8 bytes
    p = article.paragraphs[0]
    assert decoded[p.offset : p.offset + len(p.encode())].decode() == p
    assert newsparse.parse(data, encoding="auto") == article
    assert newsparse.parse(latin1.encode("utf-8"), encoding="auto") == newsparse.parse(latin1)
    assert newsparse.parse_many([data, data], encoding="latin1") == [article, article]
    with pytest.raises(NewsparseError) as info:
        newsparse.parse(data, encoding="klingon")
    assert info.value.code == Code.UNKNOWN_ENCODING
    with pytest.raises(TypeError):
        newsparse.parse("text", encoding="latin1")


def test_parse_many_keeps_order_and_puts_errors_in_place(tmp_path):
    missing = tmp_path / "missing.txt"
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n")
    inputs = [SEED, b"", "Storm\n\nSchools closed.\n", b"\xff", SEED_PATH, missing, blank, *STYLES]
    results = newsparse.parse_many(inputs, threads=2)
    assert len(results) == len(inputs)
    assert results[0] == newsparse.parse(SEED) == results[4]
    assert [r.code for r in (results[1], results[3], results[5], results[6])] == [
        Code.EMPTY_INPUT,
        Code.INVALID_UTF8,
        Code.IO_ERROR,
        Code.BLANK_INPUT,
    ]
    assert results[3].offset == 0 and "No such file" in results[5].message
    for path, result in zip(STYLES, results[7:]):
        assert result == newsparse.parse(path)
    assert newsparse.parse_many([]) == []
    with pytest.raises(ValueError):
        newsparse.parse_many([SEED], threads=0)


def test_parse_many_over_more_than_one_batch(monkeypatch):
    monkeypatch.setattr(newsparse, "_CHUNK", 7)
    inputs = [SEED if i % 5 else b" " for i in range(40)]
    results = newsparse.parse_many(inputs, threads=3)
    want = newsparse.parse(SEED)
    for i, r in enumerate(results):
        assert (r == want) if i % 5 else (r.code == Code.BLANK_INPUT)


def test_parse_many_releases_the_gil():
    # While the library parses, another Python thread keeps running.
    data = [SEED] * 3000
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        handles = (c_void_p * len(data))()
        codes = (ctypes.c_uint32 * len(data))()
        joined = b"".join(data)
        lens = (c_size_t * len(data))(*map(len, data))
        start = time.perf_counter()
        assert lib.newsparse_parse_many(joined, lens, len(data), None, 1, handles, codes) == Code.OK
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
        for h in handles:
            lib.newsparse_article_free(h)
    during = [x for x in ticks if start < x < end]
    assert end - start < 0.01 or during, "no tick while the library parsed"


def test_versions_agree():
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == version
    assert newsparse.__version__ == newsparse.library_version() == version


def test_result_names():
    assert [newsparse._code_name(c) for c in Code] == [f"NEWSPARSE_{c.name}" for c in Code]
    assert newsparse._code_name(999) == "NEWSPARSE_UNKNOWN"


def test_every_header_function_has_a_signature():
    header = (ROOT / "include" / "newsparse.h").read_text()
    declared = set(re.findall(r"\b(newsparse_\w+)\(", header))
    bound = {name for name, _, _ in newsparse._SIGNATURES}
    assert declared == bound
    for name in bound:
        assert getattr(lib, name).argtypes is not None


def test_a_missing_library_is_reported(tmp_path):
    env = {**os.environ, "NEWSPARSE_LIB": str(tmp_path / "nowhere.so")}
    run = subprocess.run([sys.executable, "-c", "import newsparse"], env=env, capture_output=True, text=True)
    assert run.returncode != 0 and "nowhere.so" in run.stderr


def readme_blocks(section, lang):
    readme = (ROOT / "README.md").read_text()
    part = readme.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", part, re.S)


def test_the_readme_c_example_is_the_file_ci_compiles():
    examples = [ROOT / "examples" / "c" / name for name in ("quickstart.c", "arrow_batch.c")]
    assert readme_blocks("C API", "c") == [e.read_text() for e in examples]


def test_the_readme_python_example_is_this_file_and_runs_from_another_folder(tmp_path):
    script = ROOT / "examples" / "python" / "quickstart.py"
    assert readme_blocks("Python", "python") == [script.read_text()]
    run = subprocess.run(
        [sys.executable, str(script), str(SEED_PATH)], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Russia's ambassador to leave post in U.S. at byte 0"
    assert lines[1].startswith("('Allen Cone',) UPI ")
    assert json.loads(lines[2]) == newsparse.parse(SEED).to_dict()


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
    handle = c_void_p()
    assert lib.newsparse_parse(SEED, len(SEED), byref(handle)) == Code.OK
    try:
        h = handle
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
    finally:
        lib.newsparse_article_free(handle)


def test_null_article_and_free_of_null():
    s = newsparse._Str()
    assert lib.newsparse_article_headline(None, byref(s), None) == Code.NULL_ARGUMENT
    assert lib.newsparse_article_paragraph_count(None) == 0
    assert lib.newsparse_last_error_code() == Code.NULL_ARGUMENT
    lib.newsparse_article_free(None)
    lib.newsparse_string_free(None)


def test_blocks_cover_the_text_with_roles_in_order():
    article = newsparse.parse(SEED)
    blocks = article.blocks
    assert blocks[0] == newsparse.Block(0, len("Russia's ambassador to leave post in U.S."), "headline", "frame.headline", "text")
    at = 0
    for b in blocks:
        assert at <= b.start < b.end
        assert SEED[at : b.start].strip() == b""
        assert b.role in {"headline", "repeat", "dek", "published", "byline", "dateline", "body", "subheading",
                          "caption", "related", "credits", "signoff", "boilerplate", "other"}
        assert b.why and b.kind
        at = b.end
    assert SEED[at:].strip() == b""
    # Every paragraph lies in a body block, every related title in a related one.
    for p in article.paragraphs:
        assert any(b.role == "body" and b.start <= p.offset < b.end for b in blocks)
    for r in article.related:
        assert any(b.role == "related" and b.start <= r.offset < b.end for b in blocks)
    assert "blocks" not in article.to_dict()


def test_subheadings_are_kept_apart_from_paragraphs():
    para = "The council met on Monday to discuss the bridge and its repairs over the coming year."
    text = f"Storm closes bridge\n\nBy Jane Roe\n\n{para}\n\nWhat happens next\n\n{para}\n\n{para}\n"
    article = newsparse.parse(text)
    assert article.subheadings == ("What happens next",)
    assert "What happens next" not in article.paragraphs
    assert [b.role for b in article.blocks if b.why == "body.subheading"] == ["subheading"]
    assert article.to_dict() == json.loads(article.to_json())


# ---- parse_arrow: the Arrow batch of the C library ----


def arrow_row_of(article: Article) -> dict:
    """The row parse_arrow gives for an article: its JSON, with the byline's
    authors as their names (the Parquet schema's list<string>)."""
    row = article.to_dict()
    if row["byline"] is not None:
        row["byline"]["authors"] = [a["name"] for a in row["byline"]["authors"]]
    return row


ERROR_KINDS = {Code.EMPTY_INPUT: "empty", Code.BLANK_INPUT: "blank", Code.INVALID_UTF8: "invalid_utf8"}


def test_parse_arrow_rows_equal_parse_many():
    pyarrow = pytest.importorskip("pyarrow")
    texts = [SEED, *(p.read_bytes() for p in STYLES), b"", b" \n\t", b"ok\xffno", "Headline\n\nBody text here.\n"]
    names = [f"input-{i}.txt" for i in range(len(texts))]
    table = newsparse.parse_arrow(texts, paths=names, threads=2)
    assert isinstance(table, pyarrow.Table)
    assert table.num_rows == len(texts)
    assert table.column_names == [
        "path", "headline", "published", "published_at", "byline", "dateline", "agency",
        "paragraphs", "subheadings", "captions", "related", "credits", "boilerplate", "error",
    ]
    assert not table.schema.field("path").nullable
    assert table.schema.field("dateline").type.field("date").type.field("year").type == pyarrow.uint16()
    rows = table.to_pylist()
    failed = 0
    for name, row, expected in zip(names, rows, newsparse.parse_many(texts)):
        assert row.pop("path") == name
        error = row.pop("error")
        if isinstance(expected, NewsparseError):
            failed += 1
            assert error == {
                "kind": ERROR_KINDS[expected.code],
                "message": expected.message,
                "offset": expected.offset or 0,
            }
            assert all(value is None for value in row.values()), row
        else:
            assert error is None
            assert row == arrow_row_of(expected)
    assert failed == 3


def test_parse_arrow_paths_default_and_batches():
    pytest.importorskip("pyarrow")
    table = newsparse.parse_arrow([SEED_PATH, SEED])
    assert table.column("path").to_pylist() == [str(SEED_PATH), ""]
    empty = newsparse.parse_arrow([])
    assert empty.num_rows == 0 and empty.schema == table.schema
    with pytest.raises(ValueError, match="1 paths for 2 texts"):
        newsparse.parse_arrow([SEED, SEED], paths=["a"])
    # Inputs past one call's share of text go in several batches of one table.
    big = SEED * (newsparse._ARROW_BYTES // len(SEED) // 3)
    table = newsparse.parse_arrow([big] * 4, threads=1)
    assert table.num_rows == 4 and len(table.to_batches()) >= 2
    assert table.column("headline").to_pylist() == [newsparse.parse(big).headline] * 4


def test_parse_arrow_without_pyarrow_says_what_to_install():
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "import newsparse\n"
        "try:\n"
        "    newsparse.parse_arrow([b'x'])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "newsparse.parse_arrow needs pyarrow: pip install pyarrow"


def test_parse_arrow_c_misuse():
    array, schema = newsparse._ArrowArray(), newsparse._ArrowSchema()
    lens = (c_size_t * 1)(len(SEED))
    call = lib.newsparse_parse_arrow
    assert call(SEED, lens, 1, None, 1, None, byref(schema)) == Code.NULL_ARGUMENT
    assert call(SEED, lens, 1, None, 1, byref(array), None) == Code.NULL_ARGUMENT
    assert call(None, lens, 1, None, 1, byref(array), byref(schema)) == Code.NULL_ARGUMENT
    assert not array.release and not schema.release
    assert call(SEED, None, 1, None, 1, byref(array), byref(schema)) == Code.NULL_ARGUMENT
    paths = (ctypes.c_char_p * 1)(None)
    assert call(SEED, lens, 1, paths, 1, byref(array), byref(schema)) == Code.NULL_ARGUMENT
    assert "paths[i]" in newsparse._last_error().message
    huge = (c_size_t * 2)(1 << 30, 1)
    assert call(SEED, huge, 2, None, 1, byref(array), byref(schema)) == Code.INVALID_ARGUMENT
    assert not array.release and not schema.release
    # A good call hands out structs the caller releases (here without pyarrow).
    assert call(SEED, lens, 1, None, 1, byref(array), byref(schema)) == Code.OK
    assert array.length == 1 and array.release and schema.release
    for struct in (array, schema):
        ctypes.CFUNCTYPE(None, c_void_p)(struct.release)(ctypes.addressof(struct))
    assert not array.release and not schema.release


def test_the_package_imports_from_a_zip_as_spark_py_files_ship_it(tmp_path):
    import zipfile

    package = pathlib.Path(newsparse.__file__).parent
    if not any(package.glob("_native*")):
        pytest.skip("the package is not installed with its library (NEWSPARSE_LIB run)")
    archive = tmp_path / "newsparse.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in package.iterdir():
            if f.is_file():
                z.write(f, f"newsparse/{f.name}")
    code = (
        f"import sys; sys.path.insert(0, {str(archive)!r})\n"
        "import newsparse, tempfile, os\n"
        "assert newsparse.__file__.startswith(sys.path[0]), newsparse.__file__\n"
        f"print(newsparse.parse(open({str(SEED_PATH)!r}, 'rb')).headline)\n"
        "print(sorted(n for n in os.listdir(tempfile.gettempdir()) if n.startswith('newsparse-')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NEWSPARSE_LIB"}
    env["TMPDIR"] = str(tmp_path)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    # The library loads from its copy, which is then removed.
    assert run.stdout.splitlines() == ["Russia's ambassador to leave post in U.S.", "[]"]
