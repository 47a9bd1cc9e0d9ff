"""Parse plain-text news articles: headline, byline, dateline, body, captions, links.

A ctypes binding of the newsparse C library (``include/newsparse.h``), which
``pip install .`` builds and installs inside this package::

    import newsparse
    article = newsparse.parse(open("story.txt", "rb"))
    print(article.headline, article.headline.offset, article.published_at)
    print(article.to_json())

Each call parses in Rust and returns an :class:`Article`: a frozen dataclass of
plain Python values, built once from one C call, that holds no reference to
the library or the input. Every string of it is a :class:`Span`, a ``str``
that also knows its byte ``offset`` in the UTF-8 text parsed (``None`` for a
canonical name such as ``UPI`` that is not written in the input).

:func:`parse_many` parses many inputs on several threads, with the GIL
released while Rust works; :func:`parse_arrow` gives them as a ``pyarrow.Table``
built in Rust (the columns of the CLI's Parquet output), with no Python object
per field. Set ``$NEWSPARSE_LIB`` to load another build of the
library (a file path).
"""

from __future__ import annotations

import ctypes
import enum
import gc
import importlib.machinery
import json
import os
import tempfile
import threading
from ctypes import POINTER, Structure, byref, c_bool, c_char_p, c_int16, c_int64, c_size_t, c_uint8, c_uint16, c_uint32, c_void_p
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:
    import pyarrow

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Byline",
    "Caption",
    "Code",
    "Dateline",
    "DatelineDate",
    "NewsparseError",
    "PublishedAt",
    "Span",
    "__version__",
    "library_version",
    "parse",
    "parse_arrow",
    "parse_file",
    "parse_many",
]

NO_OFFSET = ctypes.c_size_t(-1).value

#: What :func:`parse` accepts: text, UTF-8 (or ``encoding``) bytes, a path, or a file object.
Input = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", BinaryIO]


class Code(enum.IntEnum):
    """The ``newsparse_result`` codes of the C API."""

    OK = 0
    NOT_FOUND = 1
    NULL_ARGUMENT = 2
    EMPTY_INPUT = 3
    BLANK_INPUT = 4
    INVALID_UTF8 = 5
    INDEX_OUT_OF_RANGE = 6
    INVALID_ARGUMENT = 7
    PANIC = 8
    UNKNOWN_ENCODING = 9
    IO_ERROR = 10


class NewsparseError(ValueError):
    """An input that cannot be parsed: its :class:`Code`, the library's message,
    and the byte offset where the problem lies (``None`` when it has none)."""

    def __init__(self, code: int, message: str, offset: Optional[int]):
        super().__init__(f"{message} ({_code_name(code)})")
        self.code = code
        self.message = message
        self.offset = offset

    def __reduce__(self) -> Tuple[Any, ...]:
        return (NewsparseError, (self.code, self.message, self.offset))


class Span(str):
    """A string of the article, with ``offset``: where its bytes start in the
    UTF-8 text parsed (the decoded text, for input given an ``encoding``), or
    ``None`` for a canonical name not written in the input."""

    offset: Optional[int]

    def __new__(cls, value: str, offset: Optional[int]) -> "Span":
        span = str.__new__(cls, value)
        span.offset = offset
        return span

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Span, (str(self), self.offset))


@dataclass(frozen=True)
class Byline:
    """The byline: as written, the authors' names, and what it says besides them."""

    text: Span
    authors: Tuple[Span, ...]
    affiliation: Optional[Span]


@dataclass(frozen=True)
class DatelineDate:
    """A dateline's date as written, and its numbers (``year`` is ``None`` when not written)."""

    text: Span
    month: int
    day: int
    year: Optional[int]


@dataclass(frozen=True)
class Dateline:
    """The dateline opening the body, its place split into parts, its date and agency."""

    text: Span
    location: Optional[Span]
    city: Optional[Span]
    region: Optional[Span]
    state: Optional[Span]
    date: Optional[DatelineDate]
    agency: Optional[Span]


@dataclass(frozen=True)
class Caption:
    """A photo or video caption, and its credit when one is given."""

    text: Span
    credit: Optional[Span]


@dataclass(frozen=True)
class PublishedAt:
    """The typed publication time: the date, and the time of day and UTC offset
    when written (``None`` otherwise). ``str()`` gives ISO 8601 at the precision
    written: ``2019-11-19``, ``2012-07-24T00:11``, ``2019-11-19T08:03-05:00``."""

    year: int
    month: int
    day: int
    hour: Optional[int] = None
    minute: Optional[int] = None
    second: Optional[int] = None
    #: Minutes east of UTC (``-300`` for EST).
    utc_offset_minutes: Optional[int] = None

    def isoformat(self) -> str:
        """ISO 8601 at the precision written, as the library's JSON gives it."""
        out = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is None:
            return out
        out += f"T{self.hour:02d}:{self.minute:02d}"
        if self.second is not None:
            out += f":{self.second:02d}"
        m = self.utc_offset_minutes
        if m is None:
            return out
        if m == 0:
            return out + "Z"
        sign = "-" if m < 0 else "+"
        return out + f"{sign}{abs(m) // 60:02d}:{abs(m) % 60:02d}"

    def __str__(self) -> str:
        return self.isoformat()


class Block(NamedTuple):
    """A block of the text and the role the parser gave it (the explain view):
    ``text[start:end]`` in bytes of the UTF-8 text, its ``role`` (``headline``,
    ``body``, ... ``other``), the rule that decided it (``why``) and what it
    reads as on its own (``kind``). A named tuple rather than a dataclass: an
    article has a block per line, and a tuple is built several times faster."""

    start: int
    end: int
    role: str
    why: str
    kind: str


@dataclass(frozen=True)
class Article:
    """A parsed article: plain values, independent of the input and the library.

    The fields are the keys of the library's JSON; lists are tuples.
    """

    headline: Optional[Span]
    published: Optional[Span]
    published_at: Optional[PublishedAt]
    byline: Optional[Byline]
    dateline: Optional[Dateline]
    agency: Optional[Span]
    paragraphs: Tuple[Span, ...]
    subheadings: Tuple[Span, ...]
    captions: Tuple[Caption, ...]
    related: Tuple[Span, ...]
    credits: Optional[Span]
    boilerplate: Tuple[Span, ...]
    #: Every block of the text with its role; not part of the JSON.
    blocks: Tuple[Block, ...]

    def to_dict(self) -> Dict[str, Any]:
        """The article as JSON-shaped data: ``json.loads(article.to_json())``."""
        b, d = self.byline, self.dateline
        date = d and d.date
        return {
            "headline": self.headline,
            "published": self.published,
            "published_at": self.published_at and self.published_at.isoformat(),
            "byline": b
            and {"text": b.text, "authors": [{"name": n} for n in b.authors], "affiliation": b.affiliation},
            "dateline": d
            and {
                "text": d.text,
                "location": d.location,
                "city": d.city,
                "region": d.region,
                "state": d.state,
                "date": date and {"text": date.text, "month": date.month, "day": date.day, "year": date.year},
                "agency": d.agency,
            },
            "agency": self.agency,
            "paragraphs": list(self.paragraphs),
            "subheadings": list(self.subheadings),
            "captions": [{"text": c.text, "credit": c.credit} for c in self.captions],
            "related": list(self.related),
            "credits": self.credits,
            "boilerplate": list(self.boilerplate),
        }

    def to_json(self) -> str:
        """The article as JSON, byte for byte what the library (and the CLI) writes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


# ---- the C library ----


class _Str(Structure):
    # `ptr` is a void pointer on purpose: c_char_p would stop at the first NUL.
    _fields_ = [("ptr", c_void_p), ("len", c_size_t)]


class _Date(Structure):
    _fields_ = [("month", c_uint8), ("day", c_uint8), ("year", c_uint16), ("has_year", c_bool)]


class _Time(Structure):
    _fields_ = [
        ("year", c_uint16),
        ("month", c_uint8),
        ("day", c_uint8),
        ("has_time", c_bool),
        ("hour", c_uint8),
        ("minute", c_uint8),
        ("has_second", c_bool),
        ("second", c_uint8),
        ("has_utc_offset", c_bool),
        ("utc_offset_minutes", c_int16),
    ]


_ARTICLE = c_void_p
_FIELD = [_ARTICLE, POINTER(_Str), POINTER(c_size_t)]
_ITEM = [_ARTICLE, c_size_t, POINTER(_Str), POINTER(c_size_t)]

class _Block(Structure):
    _fields_ = [("start", c_size_t), ("end", c_size_t), ("role", c_uint32), ("why", _Str), ("kind", _Str)]


# The structs of the Arrow C Data Interface, as its specification lays them out.
class _ArrowSchema(Structure):
    _fields_ = [
        ("format", c_void_p),
        ("name", c_void_p),
        ("metadata", c_void_p),
        ("flags", c_int64),
        ("n_children", c_int64),
        ("children", c_void_p),
        ("dictionary", c_void_p),
        ("release", c_void_p),
        ("private_data", c_void_p),
    ]


class _ArrowArray(Structure):
    _fields_ = [
        ("length", c_int64),
        ("null_count", c_int64),
        ("offset", c_int64),
        ("n_buffers", c_int64),
        ("n_children", c_int64),
        ("buffers", c_void_p),
        ("children", c_void_p),
        ("dictionary", c_void_p),
        ("release", c_void_p),
        ("private_data", c_void_p),
    ]


# Every function of include/newsparse.h: (name, restype, argtypes).
_SIGNATURES = [
    ("newsparse_parse", c_uint32, [c_void_p, c_size_t, POINTER(_ARTICLE)]),
    ("newsparse_parse_encoded", c_uint32, [c_void_p, c_size_t, c_char_p, POINTER(_ARTICLE)]),
    ("newsparse_parse_many", c_uint32, [c_void_p, c_void_p, c_size_t, c_char_p, c_size_t, c_void_p, c_void_p]),
    ("newsparse_parse_files", c_uint32, [c_void_p, c_size_t, c_char_p, c_size_t, c_void_p, c_void_p]),
    (
        "newsparse_parse_arrow",
        c_uint32,
        [c_void_p, c_void_p, c_size_t, c_void_p, c_size_t, POINTER(_ArrowArray), POINTER(_ArrowSchema)],
    ),
    ("newsparse_article_free", None, [_ARTICLE]),
    ("newsparse_last_error_code", c_uint32, []),
    ("newsparse_last_error_offset", c_size_t, []),
    ("newsparse_last_error_message", c_size_t, [c_char_p, c_size_t]),
    ("newsparse_result_name", c_char_p, [c_uint32]),
    ("newsparse_version", c_char_p, []),
    ("newsparse_article_text", c_uint32, [_ARTICLE, POINTER(_Str)]),
    ("newsparse_article_flatten", c_size_t, [_ARTICLE, c_void_p, c_size_t]),
    ("newsparse_article_headline", c_uint32, _FIELD),
    ("newsparse_article_published", c_uint32, _FIELD),
    ("newsparse_article_published_at", c_uint32, [_ARTICLE, POINTER(_Time)]),
    ("newsparse_article_byline_text", c_uint32, _FIELD),
    ("newsparse_article_byline_affiliation", c_uint32, _FIELD),
    ("newsparse_article_byline_author_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_byline_author", c_uint32, _ITEM),
    ("newsparse_article_dateline_text", c_uint32, _FIELD),
    ("newsparse_article_dateline_location", c_uint32, _FIELD),
    ("newsparse_article_dateline_city", c_uint32, _FIELD),
    ("newsparse_article_dateline_region", c_uint32, _FIELD),
    ("newsparse_article_dateline_state", c_uint32, _FIELD),
    ("newsparse_article_dateline_date", c_uint32, _FIELD),
    ("newsparse_article_dateline_date_parts", c_uint32, [_ARTICLE, POINTER(_Date)]),
    ("newsparse_article_dateline_agency", c_uint32, _FIELD),
    ("newsparse_article_agency", c_uint32, _FIELD),
    ("newsparse_article_paragraph_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_paragraph", c_uint32, _ITEM),
    ("newsparse_article_caption_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_caption", c_uint32, _ITEM),
    ("newsparse_article_caption_credit", c_uint32, _ITEM),
    ("newsparse_article_related_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_related", c_uint32, _ITEM),
    ("newsparse_article_credits", c_uint32, _FIELD),
    ("newsparse_article_boilerplate_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_boilerplate", c_uint32, _ITEM),
    ("newsparse_article_subheading_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_subheading", c_uint32, _ITEM),
    ("newsparse_article_block_count", c_size_t, [_ARTICLE]),
    ("newsparse_article_block", c_uint32, [_ARTICLE, c_size_t, POINTER(_Block)]),
    ("newsparse_role_name", c_char_p, [c_uint32]),
    # The JSON string is owned by us and must go back through newsparse_string_free,
    # so it comes as a void pointer, not as c_char_p (which would copy and lose it).
    ("newsparse_article_to_json", c_uint32, [_ARTICLE, POINTER(c_void_p), POINTER(c_size_t)]),
    ("newsparse_string_free", None, [c_void_p]),
]


# Functions of a build's features, missing from a library built without them
# (capi/ `--no-default-features`): the Python function that needs one says so.
_OPTIONAL = {"newsparse_parse_arrow"}


def _find_library() -> Tuple[Path, bool]:
    """The library's path, and whether it is a copy out of an archive."""
    explicit = os.environ.get("NEWSPARSE_LIB")
    if explicit:
        return Path(explicit), False
    here = Path(__file__).resolve().parent
    candidates = [here / f"_native{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    for candidate in candidates:
        if candidate.is_file():
            return candidate, False
    extracted = _extract_library()
    if extracted is not None:
        return extracted, True
    raise OSError(
        f"the newsparse library is not installed in {here} (looked for _native with "
        f"{', '.join(importlib.machinery.EXTENSION_SUFFIXES)}): install the package with "
        "`pip install .`, or set NEWSPARSE_LIB to a libnewsparse.so"
    )


def _extract_library() -> Optional[Path]:
    """The library copied out of the archive the package was imported from (a
    wheel on ``sys.path``, as Spark's ``--py-files`` ships it), since the
    dynamic loader reads only real files; ``None`` when there is none."""
    files = getattr(importlib.import_module("importlib.resources"), "files", None)
    if files is None:
        return None
    package = files(__name__)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        resource = package / f"_native{suffix}"
        if resource.is_file():
            target = Path(tempfile.mkdtemp(prefix="newsparse-")) / resource.name
            target.write_bytes(resource.read_bytes())
            return target
    return None


def _load() -> ctypes.CDLL:
    path, copied = _find_library()
    # CDLL, not PyDLL: every call releases the GIL while the library works.
    lib = ctypes.CDLL(str(path))
    if copied:
        # Loaded, the copy out of the archive is no longer needed on disk.
        path.unlink()
        path.parent.rmdir()
    for name, restype, argtypes in _SIGNATURES:
        try:
            function = getattr(lib, name)
        except AttributeError:
            if name in _OPTIONAL:
                continue
            raise OSError(f"{path} lacks {name}: it is not a newsparse {__version__} C library") from None
        function.restype = restype
        function.argtypes = argtypes
    return lib


_lib = _load()

# Layout of newsparse_article_flatten (NEWSPARSE_FLAT_HEADER, NEWSPARSE_FLAT_FIELDS).
_HEADER = 18
_FIELDS = 13
_SIGN = 1 << (8 * ctypes.sizeof(c_size_t))


def _code_name(code: int) -> str:
    return _lib.newsparse_result_name(code).decode("ascii")


def _last_error() -> NewsparseError:
    code = _lib.newsparse_last_error_code()
    size = _lib.newsparse_last_error_message(None, 0)
    buf = ctypes.create_string_buffer(size + 1)
    _lib.newsparse_last_error_message(buf, size + 1)
    offset = _lib.newsparse_last_error_offset()
    return NewsparseError(code, buf.value.decode("utf-8"), None if offset == NO_OFFSET else offset)


def library_version() -> str:
    """The version of the loaded C library, ``MAJOR.MINOR.PATCH``."""
    return _lib.newsparse_version().decode("ascii")


def _bytes_of(data: Input) -> Union[bytes, str]:
    """The input as bytes (or as the ``str`` given), read from a path or file object."""
    if isinstance(data, (bytes, str)):
        return data
    if isinstance(data, (bytearray, memoryview)):
        # A mutable buffer could change while Rust reads it: take a copy.
        return bytes(data)
    if isinstance(data, os.PathLike):
        return Path(data).read_bytes()
    read = getattr(data, "read", None)
    if callable(read):
        content = read()
        if isinstance(content, (bytes, str)):
            return content
        if isinstance(content, (bytearray, memoryview)):
            return bytes(content)
        raise TypeError(f"the file object's read() gave {type(content).__name__}, not bytes or str")
    raise TypeError(
        f"cannot parse {type(data).__name__}: give str, bytes, bytearray, memoryview, "
        "an os.PathLike or a file object"
    )


def _prepare(data: Input, encoding: Optional[str]) -> bytes:
    content = _bytes_of(data)
    if isinstance(content, str):
        if encoding is not None:
            raise TypeError("encoding is for bytes: a str is already decoded")
        return content.encode("utf-8", "surrogatepass")
    return content


_local = threading.local()


#: Role names by code, as the library names them (newsparse_role_name).
_ROLES = tuple(_lib.newsparse_role_name(code).decode("ascii") for code in range(14))

_static_names: Dict[int, str] = {}


def _static_name(ptr: int, length: int) -> str:
    """A rule or kind name, a static string of the library: read once per address."""
    name = _static_names.get(ptr)
    if name is None:
        name = _static_names[ptr] = ctypes.string_at(ptr, length).decode("ascii")
    return name


def _flat_words(handle: int) -> List[int]:
    """The article's words (newsparse_article_flatten), through a per-thread buffer."""
    buf = getattr(_local, "buf", None)
    if buf is None:
        buf = _local.buf = (c_size_t * 4096)()
    n = _lib.newsparse_article_flatten(handle, buf, len(buf))
    if n > len(buf):
        buf = _local.buf = (c_size_t * (2 * n))()
        _lib.newsparse_article_flatten(handle, buf, len(buf))
    # Through the buffer protocol: several times faster than slicing the ctypes array.
    return memoryview(buf).cast("B").cast("N")[:n].tolist()


def _build(handle: int, text: bytes, base: int) -> Article:
    """An :class:`Article` of plain values from one flattened C article, whose
    strings lie in ``text`` from byte ``base`` on."""
    w = _flat_words(handle)
    new_span = str.__new__
    # Every string of the article, in the flat order, by one loop: this is the
    # binding's hot path (a function call per string would double its cost).
    values: List[Optional[Span]] = []
    append = values.append
    n_blocks = w[17]
    strings_end = len(w) - 7 * n_blocks
    for i in range(_HEADER, strings_end, 3):
        ptr = w[i]
        if not ptr:
            append(None)
            continue
        offset = w[i + 2]
        if offset == NO_OFFSET:
            s = new_span(Span, ctypes.string_at(ptr, w[i + 1]).decode("utf-8"))
            s.offset = None
        else:
            start = base + offset
            s = new_span(Span, text[start : start + w[i + 1]].decode("utf-8"))
            s.offset = offset
        append(s)
    (
        headline,
        published,
        byline_text,
        affiliation,
        dateline_text,
        location,
        city,
        region,
        state,
        date_text,
        dateline_agency,
        agency,
        credits,
    ) = values[:_FIELDS]
    n_authors, n_paragraphs, n_captions, n_related, n_boilerplate = w[0:5]
    at = _FIELDS
    authors = tuple(values[at : at + n_authors])
    at += n_authors
    paragraphs = tuple(values[at : at + n_paragraphs])
    at += n_paragraphs
    captions = tuple(Caption(values[k], values[k + 1]) for k in range(at, at + 2 * n_captions, 2))
    at += 2 * n_captions
    related = tuple(values[at : at + n_related])
    at += n_related
    boilerplate = tuple(values[at : at + n_boilerplate])
    at += n_boilerplate
    subheadings = tuple(values[at : at + w[16]])
    names = _static_names
    new_block = tuple.__new__
    blocks = tuple(
        new_block(
            Block,
            (
                w[k],
                w[k + 1],
                _ROLES[w[k + 2]],
                names.get(w[k + 3]) or _static_name(w[k + 3], w[k + 4]),
                names.get(w[k + 5]) or _static_name(w[k + 5], w[k + 6]),
            ),
        )
        for k in range(strings_end, len(w), 7)
    )

    byline = None if byline_text is None else Byline(byline_text, authors, affiliation)
    dateline = None
    if dateline_text is not None:
        date = None if date_text is None else DatelineDate(date_text, w[5], w[6], w[7] or None)
        dateline = Dateline(dateline_text, location, city, region, state, date, dateline_agency)
    published_at = None
    if w[8]:
        hour, minute, second = (None if v == NO_OFFSET else v for v in w[11:14])
        utc_offset = None
        if w[14]:
            utc_offset = w[15] - _SIGN if w[15] >= _SIGN // 2 else w[15]
        published_at = PublishedAt(w[8], w[9], w[10], hour, minute, second, utc_offset)
    return Article(
        headline,
        published,
        published_at,
        byline,
        dateline,
        agency,
        paragraphs,
        subheadings,
        captions,
        related,
        credits,
        boilerplate,
        blocks,
    )


def _parse_one(data: bytes, encoding: Optional[str]) -> Article:
    """Parses one input's bytes in C and builds its article, or raises its error."""
    handle = _ARTICLE()
    if encoding is None:
        code = _lib.newsparse_parse(data, len(data), byref(handle))
    else:
        code = _lib.newsparse_parse_encoded(data, len(data), encoding.encode("ascii", "replace"), byref(handle))
    if code != Code.OK:
        raise _last_error()
    try:
        if encoding is None:
            return _build(handle.value, data, 0)
        return _build(handle.value, _article_text(handle.value), 0)
    finally:
        _lib.newsparse_article_free(handle)


def _article_text(handle: int) -> bytes:
    """The (decoded) text an article's offsets refer to."""
    view = _Str()
    if _lib.newsparse_article_text(handle, byref(view)) != Code.OK:
        raise _last_error()
    return ctypes.string_at(view.ptr, view.len)


def parse(data: Input, encoding: Optional[str] = None) -> Article:
    """Parses one article.

    ``data`` is a ``str``; ``bytes``, ``bytearray`` or ``memoryview`` (UTF-8,
    or in ``encoding``); an ``os.PathLike`` naming a file; or a file object
    (binary, or text) to read to its end. ``encoding`` is a WHATWG label
    (``"windows-1252"``, ``"latin1"``, ``"iso-8859-15"``, ``"shift_jis"``, ...)
    or ``"auto"`` (UTF-8 when valid, else Windows-1252); offsets then count the
    bytes of the decoded text in UTF-8.

    Raises :class:`NewsparseError` for empty or white-space-only input, for
    bytes that are not UTF-8 without an ``encoding`` (``offset`` is the first
    bad byte) and for an unknown ``encoding``.
    """
    return _parse_one(_prepare(data, encoding), encoding)


def parse_file(path: Union[str, "os.PathLike[str]"], encoding: Optional[str] = None) -> Article:
    """Parses the article in the file at ``path`` (see :func:`parse`)."""
    return _parse_one(Path(path).read_bytes(), encoding)


# Inputs handed to the library per call of parse_many: enough to keep the
# threads busy, few enough to bound the memory of the batch.
_CHUNK = 4096


def parse_many(
    texts: Iterable[Input], threads: Optional[int] = None, encoding: Optional[str] = None
) -> List[Union[Article, NewsparseError]]:
    """Parses many inputs (each as :func:`parse` takes it) on ``threads``
    threads (``None``: as many as the machine runs at once), and returns their
    results in input order: an :class:`Article`, or for an input that cannot be
    parsed its :class:`NewsparseError`, in its place rather than raised (a
    file that cannot be read gets code ``Code.IO_ERROR``).

    The library reads the files named by ``os.PathLike`` items and parses each
    batch with the GIL released, so other Python threads run meanwhile; only
    building the Python values holds it.
    """
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1")
    label = None if encoding is None else encoding.encode("ascii", "replace")
    results: List[Union[Article, NewsparseError]] = []
    chunks = _chunks(texts, encoding)
    # While Python builds one batch's values, the library parses the next on
    # another thread (the GIL is released during its call).
    with ThreadPoolExecutor(max_workers=1) as library:
        pending: Optional[Future[_Batch]] = None
        try:
            for chunk in chunks:
                parsed = library.submit(_parse_batch, chunk, label, threads or 0)
                if pending is not None:
                    results += _build_batch(pending.result())
                pending = parsed
            if pending is not None:
                batch, pending = pending.result(), None
                results += _build_batch(batch)
        finally:
            # A failure (or an interrupt) while a batch waits: its articles are freed.
            if pending is not None:
                pending.result().free()
    return results


class _File:
    """A file for the library to read: its name as the OS takes it, and the
    path as given (read again only for a failure's message)."""

    __slots__ = ("name", "path")

    def __init__(self, path: "os.PathLike[str]") -> None:
        # os.fsencode, not Path(): building a Path cost as much as parsing the file.
        self.name = os.fsencode(path)
        self.path = path


def _chunks(texts: Iterable[Input], encoding: Optional[str]) -> Iterator[List[Union[bytes, _File]]]:
    """The inputs in batches: paths kept for the library to read, the rest as bytes."""
    chunk: List[Union[bytes, _File]] = []
    for item in texts:
        chunk.append(_File(item) if isinstance(item, os.PathLike) else _prepare(item, encoding))
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Batch:
    """Parsed C articles of a batch of inputs, waiting for their Python values:
    for each part (the buffers, the files) the inputs' places in the batch,
    the handles, the text holding their strings (``None`` when each article
    owns its text), each input's start in it, and how to get a failure's error."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.parts: List[Tuple[List[int], Any, Optional[bytes], Optional[List[int]], Any]] = []

    def free(self) -> None:
        for _, handles, _, _, _ in self.parts:
            for handle in handles:
                if handle:
                    _lib.newsparse_article_free(handle)
        self.parts = []


def _parse_batch(chunk: List[Union[bytes, _File]], label: Optional[bytes], threads: int) -> _Batch:
    """Parses a batch in the library: its buffers in one call, its files in another."""
    batch = _Batch(len(chunk))
    try:
        buffers = [i for i, x in enumerate(chunk) if isinstance(x, bytes)]
        files = [i for i, x in enumerate(chunk) if isinstance(x, _File)]
        if buffers:
            batch.parts.append(_parse_buffers(buffers, [chunk[i] for i in buffers], label, threads))
        if files:
            batch.parts.append(_parse_files(files, [chunk[i] for i in files], label, threads))
    except BaseException:
        batch.free()
        raise
    return batch


def _parse_buffers(places: List[int], chunk: List[Any], label: Optional[bytes], threads: int) -> Tuple[Any, ...]:
    data = b"".join(chunk)
    count = len(chunk)
    lens = (c_size_t * count)(*map(len, chunk))
    handles = (c_void_p * count)()
    codes = (c_uint32 * count)()
    # ctypes releases the GIL for the whole call: Rust parses the batch on its threads.
    if _lib.newsparse_parse_many(data, lens, count, label, threads, handles, codes) != Code.OK:
        raise _last_error()

    def error(i: int) -> NewsparseError:
        return _error_of(chunk[i], label, codes[i])

    starts = [0] * count
    for i in range(1, count):
        starts[i] = starts[i - 1] + lens[i - 1]
    return (places, handles, data if label is None else None, starts, error)


def _parse_files(places: List[int], paths: List[Any], label: Optional[bytes], threads: int) -> Tuple[Any, ...]:
    count = len(paths)
    names = (c_char_p * count)(*(f.name for f in paths))
    handles = (c_void_p * count)()
    codes = (c_uint32 * count)()
    if _lib.newsparse_parse_files(names, count, label, threads, handles, codes) != Code.OK:
        raise _last_error()

    def error(i: int) -> NewsparseError:
        try:
            data = Path(paths[i].path).read_bytes()
        except OSError as e:
            return NewsparseError(Code.IO_ERROR, str(e), None)
        return _error_of(data, label, codes[i])

    return (places, handles, None, None, error)


def _build_batch(batch: _Batch) -> List[Union[Article, NewsparseError]]:
    """The Python values of a parsed batch, in input order; frees its C articles."""
    out: List[Any] = [None] * batch.size
    # Collections are paused while the values are built: each string is an
    # object the collector tracks, and its passes over a growing heap would
    # otherwise cost as much as the building itself.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for places, handles, text, starts, error in batch.parts:
            for i, handle in enumerate(handles):
                if not handle:
                    out[places[i]] = error(i)
                elif text is None:
                    out[places[i]] = _build(handle, _article_text(handle), 0)
                else:
                    out[places[i]] = _build(handle, text, starts[i])
    finally:
        if collecting:
            gc.enable()
        batch.free()
    return out


def _error_of(data: bytes, label: Optional[bytes], code: int) -> NewsparseError:
    """The error of an input the batch could not parse: parsed again alone for
    its message and offset (the batch gives only its code)."""
    try:
        _parse_one(data, None if label is None else label.decode("ascii"))
    except NewsparseError as e:
        return e
    # Only a panic in the batch (a bug) can fail where the input alone parses.
    return NewsparseError(code, f"parsing failed in the batch ({_code_name(code)})", None)


# Text handed to the library per newsparse_parse_arrow call at most: its limit
# is 1 GiB, and smaller batches bound the memory of the copies.
_ARROW_BYTES = 64 << 20


def parse_arrow(
    texts: Iterable[Input],
    paths: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
    threads: Optional[int] = None,
) -> "pyarrow.Table":
    """Parses many inputs (each as :func:`parse` takes it, UTF-8) on ``threads``
    threads (``None``: as many as the machine runs at once) into a
    ``pyarrow.Table``, one row per input in input order, with the columns of
    the CLI's ``--format parquet`` (README, "Parquet output").

    The library builds the Arrow columns and hands them over through the Arrow
    C Data Interface, so no Python object is made per field. A row whose input
    fails has null article columns and its ``error`` struct set (``kind``,
    ``message``, ``offset``) rather than raising. ``paths`` gives the ``path``
    column, one per input; without it an ``os.PathLike`` input's path is its
    own and any other input's is ``""``. Needs pyarrow.
    """
    try:
        import pyarrow
    except ImportError as e:
        raise ImportError("newsparse.parse_arrow needs pyarrow: pip install pyarrow") from e
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1")
    if not hasattr(_lib, "newsparse_parse_arrow"):
        raise OSError("this newsparse library was built without its arrow feature (capi/ --no-default-features)")
    items = list(texts)
    if paths is None:
        names = [os.fspath(x) if isinstance(x, os.PathLike) else "" for x in items]
    else:
        names = [os.fspath(p) for p in paths]
        if len(names) != len(items):
            raise ValueError(f"{len(names)} paths for {len(items)} texts")
    batches = []
    chunk: List[bytes] = []
    chunk_names: List[str] = []
    size = 0
    for item, name in zip(items, names):
        data = _prepare(item, None)
        if chunk and size + len(data) > _ARROW_BYTES:
            batches.append(_arrow_batch(pyarrow, chunk, chunk_names, threads or 0))
            chunk, chunk_names, size = [], [], 0
        chunk.append(data)
        chunk_names.append(name)
        size += len(data)
    if chunk or not batches:
        batches.append(_arrow_batch(pyarrow, chunk, chunk_names, threads or 0))
    return pyarrow.Table.from_batches(batches)


def _arrow_batch(pyarrow: Any, chunk: List[bytes], names: List[str], threads: int) -> "pyarrow.RecordBatch":
    """One newsparse_parse_arrow call: the batch of ``chunk``, moved into pyarrow."""
    data = b"".join(chunk)
    count = len(chunk)
    lens = (c_size_t * count)(*map(len, chunk))
    paths = (c_char_p * count)(*(n.encode("utf-8", "surrogateescape") for n in names))
    array, schema = _ArrowArray(), _ArrowSchema()
    # ctypes releases the GIL for the whole call: Rust parses and builds the columns.
    if _lib.newsparse_parse_arrow(data, lens, count, paths, threads, byref(array), byref(schema)) != Code.OK:
        raise _last_error()
    try:
        # Moves both structs into pyarrow, which marks them released.
        return pyarrow.RecordBatch._import_from_c(ctypes.addressof(array), ctypes.addressof(schema))
    finally:
        # What pyarrow did not take (it failed) is released here, not leaked.
        for struct in (array, schema):
            if struct.release:
                ctypes.CFUNCTYPE(None, c_void_p)(struct.release)(ctypes.addressof(struct))
