"""Python binding of the newsparse C API (``include/newsparse.h``), through ctypes.

Build the library first (``cargo build --release --features ffi``), then::

    import newsparse
    with newsparse.parse(open("story.txt", "rb").read()) as article:
        print(article.headline, article.headline.offset)
        print(article.to_json())

The library is looked up in ``$NEWSPARSE_LIB`` (a file path), else in
``$CARGO_TARGET_DIR`` and the repository's ``target/`` (``release`` before ``debug``).

Parsing is zero-copy: an :class:`Article` views the input bytes, which it keeps
alive itself. Every string it returns is a :class:`Span`, a ``str`` that also
knows its byte offset in the UTF-8 input (``None`` for canonical names such as
``UPI`` that are not written in the input).
"""

from __future__ import annotations

import ctypes
import enum
import json
import os
import sys
from ctypes import POINTER, Structure, byref, c_bool, c_char_p, c_size_t, c_uint8, c_uint16, c_uint32, c_void_p
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Union

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Code",
    "Dateline",
    "DatelineDate",
    "NewsparseError",
    "Span",
    "library_version",
    "parse",
]

NO_OFFSET = ctypes.c_size_t(-1).value


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


class NewsparseError(Exception):
    """A failed call: its :class:`Code`, the library's message and the byte offset
    in the input where the problem lies (``None`` when it has no position)."""

    def __init__(self, code: int, message: str, offset: Optional[int]):
        super().__init__(f"{message} ({_code_name(code)})")
        self.code = code
        self.message = message
        self.offset = offset


class Span(str):
    """A string from the article, with ``offset``: where its bytes start in the
    UTF-8 input, or ``None`` for a canonical name not written in the input."""

    offset: Optional[int]

    def __new__(cls, value: str, offset: Optional[int]) -> "Span":
        span = super().__new__(cls, value)
        span.offset = offset
        return span


@dataclass(frozen=True)
class Byline:
    """The byline: as written, the authors' names, and what it says besides them."""

    text: Span
    authors: List[Span]
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


class _Str(Structure):
    # `ptr` is a void pointer on purpose: c_char_p would stop at the first NUL.
    _fields_ = [("ptr", c_void_p), ("len", c_size_t)]


class _Date(Structure):
    _fields_ = [("month", c_uint8), ("day", c_uint8), ("year", c_uint16), ("has_year", c_bool)]


_ARTICLE = c_void_p
_FIELD = [_ARTICLE, POINTER(_Str), POINTER(c_size_t)]
_ITEM = [_ARTICLE, c_size_t, POINTER(_Str), POINTER(c_size_t)]

# Every function of include/newsparse.h: (name, restype, argtypes).
_SIGNATURES = [
    ("newsparse_parse", c_uint32, [c_char_p, c_size_t, POINTER(_ARTICLE)]),
    ("newsparse_article_free", None, [_ARTICLE]),
    ("newsparse_last_error_code", c_uint32, []),
    ("newsparse_last_error_offset", c_size_t, []),
    ("newsparse_last_error_message", c_size_t, [c_char_p, c_size_t]),
    ("newsparse_result_name", c_char_p, [c_uint32]),
    ("newsparse_version", c_char_p, []),
    ("newsparse_article_headline", c_uint32, _FIELD),
    ("newsparse_article_published", c_uint32, _FIELD),
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
    # The JSON string is owned by us and must go back through newsparse_string_free,
    # so it comes as a void pointer, not as c_char_p (which would copy and lose it).
    ("newsparse_article_to_json", c_uint32, [_ARTICLE, POINTER(c_void_p), POINTER(c_size_t)]),
    ("newsparse_string_free", None, [c_void_p]),
]


def _library_name() -> str:
    if sys.platform == "win32":
        return "newsparse.dll"
    if sys.platform == "darwin":
        return "libnewsparse.dylib"
    return "libnewsparse.so"


def _find_library() -> Path:
    explicit = os.environ.get("NEWSPARSE_LIB")
    if explicit:
        return Path(explicit)
    roots = []
    if os.environ.get("CARGO_TARGET_DIR"):
        roots.append(Path(os.environ["CARGO_TARGET_DIR"]))
    roots.append(Path(__file__).resolve().parent.parent / "target")
    candidates = [root / profile / _library_name() for root in roots for profile in ("release", "debug")]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise OSError(
        f"newsparse library not found (tried {tried}); build it with "
        "`cargo build --release --features ffi` or set NEWSPARSE_LIB"
    )


def _load() -> ctypes.CDLL:
    path = _find_library()
    lib = ctypes.CDLL(str(path))
    for name, restype, argtypes in _SIGNATURES:
        try:
            function = getattr(lib, name)
        except AttributeError:
            raise OSError(f"{path} lacks {name}: was it built with `--features ffi`?") from None
        function.restype = restype
        function.argtypes = argtypes
    return lib


_lib = _load()


def _code_name(code: int) -> str:
    return _lib.newsparse_result_name(code).decode("ascii")


def _last_error() -> NewsparseError:
    code = _lib.newsparse_last_error_code()
    size = _lib.newsparse_last_error_message(None, 0)
    buf = ctypes.create_string_buffer(size + 1)
    _lib.newsparse_last_error_message(buf, size + 1)
    offset = _lib.newsparse_last_error_offset()
    return NewsparseError(code, buf.value.decode("utf-8"), None if offset == NO_OFFSET else offset)


def _check(code: int) -> None:
    if code not in (Code.OK, Code.NOT_FOUND):
        raise _last_error()


def library_version() -> str:
    """The version of the loaded library, ``MAJOR.MINOR.PATCH``."""
    return _lib.newsparse_version().decode("ascii")


def parse(text: Union[str, bytes, bytearray, memoryview]) -> "Article":
    """Parses one article. ``str`` is encoded as UTF-8; bytes must be UTF-8.

    Raises :class:`NewsparseError` for empty or white-space-only input and for
    bytes that are not UTF-8 (``offset`` is the first bad byte).
    """
    if isinstance(text, str):
        data = text.encode("utf-8")
    elif isinstance(text, bytes):
        data = text
    else:
        # A mutable buffer could change under the article: take a copy.
        data = bytes(text)
    handle = _ARTICLE()
    code = _lib.newsparse_parse(data, len(data), byref(handle))
    if code != Code.OK:
        raise _last_error()
    return Article(handle, data)


class Article:
    """A parsed article, viewing its input. Use it as a context manager, or call
    :meth:`close`, to free it early; otherwise it is freed when collected.

    Every attribute reads the C article again; once closed, reading one raises
    ``ValueError``.
    """

    def __init__(self, handle: c_void_p, data: bytes):
        self._handle = handle
        # The C article points into these bytes: they must live as long as it does.
        self._data = data

    def close(self) -> None:
        """Frees the C article. Further attribute reads raise ``ValueError``."""
        handle, self._handle = self._handle, None
        if handle is not None:
            _lib.newsparse_article_free(handle)

    def __enter__(self) -> "Article":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self) -> None:
        # At interpreter exit the module's globals may already be gone.
        if getattr(self, "_handle", None) is not None and _lib is not None:
            self.close()

    def _live(self) -> c_void_p:
        if self._handle is None:
            raise ValueError("the article is closed")
        return self._handle

    def _span(self, s: _Str, offset: c_size_t) -> Span:
        value = ctypes.string_at(s.ptr, s.len).decode("utf-8")
        return Span(value, None if offset.value == NO_OFFSET else offset.value)

    def _field(self, getter: Callable) -> Optional[Span]:
        s, offset = _Str(), c_size_t()
        code = getter(self._live(), byref(s), byref(offset))
        _check(code)
        return None if code == Code.NOT_FOUND else self._span(s, offset)

    def _item(self, getter: Callable, index: int) -> Optional[Span]:
        s, offset = _Str(), c_size_t()
        code = getter(self._live(), index, byref(s), byref(offset))
        _check(code)
        return None if code == Code.NOT_FOUND else self._span(s, offset)

    def _list(self, count: Callable, getter: Callable) -> List[Span]:
        return [self._item(getter, i) for i in range(count(self._live()))]

    @property
    def headline(self) -> Optional[Span]:
        """The headline."""
        return self._field(_lib.newsparse_article_headline)

    @property
    def published(self) -> Optional[Span]:
        """The publication timestamp shown outside the body, as written."""
        return self._field(_lib.newsparse_article_published)

    @property
    def byline(self) -> Optional[Byline]:
        """The byline."""
        text = self._field(_lib.newsparse_article_byline_text)
        if text is None:
            return None
        authors = self._list(_lib.newsparse_article_byline_author_count, _lib.newsparse_article_byline_author)
        return Byline(text, authors, self._field(_lib.newsparse_article_byline_affiliation))

    @property
    def dateline(self) -> Optional[Dateline]:
        """The dateline opening the body."""
        text = self._field(_lib.newsparse_article_dateline_text)
        if text is None:
            return None
        date = None
        date_text = self._field(_lib.newsparse_article_dateline_date)
        if date_text is not None:
            parts = _Date()
            _check(_lib.newsparse_article_dateline_date_parts(self._live(), byref(parts)))
            year = parts.year if parts.has_year else None
            date = DatelineDate(date_text, parts.month, parts.day, year)
        return Dateline(
            text=text,
            location=self._field(_lib.newsparse_article_dateline_location),
            city=self._field(_lib.newsparse_article_dateline_city),
            region=self._field(_lib.newsparse_article_dateline_region),
            state=self._field(_lib.newsparse_article_dateline_state),
            date=date,
            agency=self._field(_lib.newsparse_article_dateline_agency),
        )

    @property
    def agency(self) -> Optional[Span]:
        """The wire service credited by the story, by its canonical name."""
        return self._field(_lib.newsparse_article_agency)

    @property
    def paragraphs(self) -> List[Span]:
        """Body paragraphs in order; the first without its dateline."""
        return self._list(_lib.newsparse_article_paragraph_count, _lib.newsparse_article_paragraph)

    @property
    def captions(self) -> List[Caption]:
        """Photo and video captions."""
        n = _lib.newsparse_article_caption_count(self._live())
        return [
            Caption(
                self._item(_lib.newsparse_article_caption, i),
                self._item(_lib.newsparse_article_caption_credit, i),
            )
            for i in range(n)
        ]

    @property
    def related(self) -> List[Span]:
        """Titles of related-story links."""
        return self._list(_lib.newsparse_article_related_count, _lib.newsparse_article_related)

    @property
    def credits(self) -> Optional[Span]:
        """The credit line closing the story."""
        return self._field(_lib.newsparse_article_credits)

    @property
    def boilerplate(self) -> List[Span]:
        """Site furniture: share prompts, navigation, copyright notices."""
        return self._list(_lib.newsparse_article_boilerplate_count, _lib.newsparse_article_boilerplate)

    def to_json(self) -> str:
        """The article as JSON, as the library (and the `newsparse` CLI) writes it."""
        out, size = c_void_p(), c_size_t()
        _check(_lib.newsparse_article_to_json(self._live(), byref(out), byref(size)))
        try:
            return ctypes.string_at(out, size.value).decode("utf-8")
        finally:
            _lib.newsparse_string_free(out)

    def to_dict(self) -> dict:
        """The article as plain Python data, shaped like :meth:`to_json`."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        if self._handle is None:
            return "<newsparse.Article (closed)>"
        return f"<newsparse.Article headline={self.headline!r}>"
