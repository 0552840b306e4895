"""Reading an HTML page: its visible text (block elements become paragraphs), metadata and JSON-LD blobs.

Nothing is fetched and bad markup never raises: what the parser could read is kept.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser

import attrs

from provenance.articles._text import collapse, words

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "svg", "math", "button", "select", "textarea", "iframe"}
    | {"object", "canvas"}
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCK_TAGS = frozenset(
    words(
        "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
        "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p pre section summary table tbody "
        "thead tfoot tr ul"
    )
)
_TITLE_OPEN = re.compile(r"<title\b[^<>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|(?:html|head|body|title|meta|article)(?=[\s>/]))|</(?:p|div|h[1-6]|span|a|li|section)\s*>",
    re.IGNORECASE,
)


_COMMENT_CLOSE = re.compile(r"--\s*>")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{2,40})""", re.IGNORECASE)
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|credit|(?:author|autor|auteur|autore)(?:s|es|en|name|-name|_name)?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BYLINE_WORDS = ("byline", "by-line", "credit", "author", "autor", "auteur")
_NOT_BYLINE_CLASS = re.compile(
    r"avatar|image|img|photo|bio|comment|box|share|about|social|caption|cutline", re.IGNORECASE
)
_AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autores|auteur|auteurs|autore|autori|people|staff|reporters?|journalists?|columnists?)"
    r"/[\w.%-]+/?$",
    re.IGNORECASE,
)
_KICKER_CLASS = re.compile(
    r"kicker|overline|dachzeile|spitzmarke|eyebrow|topline|roofline|supertitle|surtitre|antetitulo|volanta",
    re.IGNORECASE,
)
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
}
"""Labels whose decoder is a superset, as browsers use them (the WHATWG Encoding Standard)."""
_INLINE_TAGS = frozenset(words("a abbr b bdi bdo cite em font i mark q s small span strong sub sup time u"))
_MAX_CAPTURES = 40
_MAX_OPEN_CAPTURES = 8
_IMPLIED_END = frozenset(words("p li dd dt td th tr option"))
_MAX_CAPTURE_TEXT = 300


def decode_html(data: bytes) -> str:
    r"""The text of a page's bytes: by its byte-order mark, else its ``<meta charset>``, else UTF-8.

    Bytes that do not decode are replaced, never raised on.

    >>> decode_html('<meta charset="gb2312"><title>新华网</title>'.encode("gb2312"))
    '<meta charset="gb2312"><title>新华网</title>'
    >>> decode_html(b'<meta charset="iso-8859-1">f\xfcr')
    '<meta charset="iso-8859-1">für'

    Args:
        data: The page as it was saved or received.

    Returns:
        The page as text.
    """
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _CHARSET.search(data[:8192])
    if declared is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    try:
        encoding = codecs.lookup(declared.group(1).decode("ascii").lower()).name
        encoding = _CHARSET_ALIASES.get(encoding, encoding)
        if encoding.startswith("utf-16"):  # a page that declares UTF-16 without a byte-order mark is ASCII-compatible
            encoding = "utf-8"
        return data.decode(encoding, errors="replace")
    except LookupError:  # an unknown label, or a codec that is not a text encoding
        return data.decode("utf-8", errors="replace")


def _defuse(source: str) -> str:
    """Escape each ``<`` that html.parser could only read by rescanning the rest of the page.

    The html.parser of older Python releases rescans the remaining input for
    every unterminated ``</``, ``<!``, ``<a ...`` or comment (quadratic time on
    hostile pages) and raises on some ``<![`` forms. Such a ``<`` is text to a
    browser as well, so it becomes ``&lt;``; one left-to-right pass, each
    terminator searched for at most once.
    """
    pieces: list[str] = []
    done = 0
    next_gt = -2  # index of the next ">" after the last search, -1 when there is none, -2 before any search
    unclosed_comments = False  # no comment closes after this point
    position = source.find("<")
    while position != -1:
        escape = False
        if source.startswith("<!--", position):
            close = None if unclosed_comments else _COMMENT_CLOSE.search(source, position + 4)
            if close is None:
                escape = unclosed_comments = True
            else:
                position = source.find("<", close.end())
                continue
        elif source.startswith("<![", position):
            escape = True
        elif position + 1 < len(source) and (source[position + 1].isalpha() or source[position + 1] in "/!?"):
            if next_gt != -1 and next_gt <= position:
                next_gt = source.find(">", position + 1)
            escape = next_gt == -1
        if escape:
            pieces.append(source[done:position])
            pieces.append("&lt;")
            done = position + 1
        position = source.find("<", position + 1)
    if not pieces:
        return source
    pieces.append(source[done:])
    return "".join(pieces)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page (or fragment) rather than plain text."""
    return _HTML_HINT.search(text) is not None


def _capture_kind(tag: str, values: Mapping[str, str], in_heading: bool) -> str | None:
    """Why an element's text is kept (``h1``, ``kicker``, ``rel``, ``itemprop``, ``class``, ``href``), or ``None``."""
    if tag == "h1":
        return "h1"
    if in_heading and _KICKER_CLASS.search(values.get("class", "")):
        return "kicker"  # a kicker inside the headline ("Interne Unterlagen im Netz"): not the title's text
    if "author" in values.get("rel", "").lower().split():
        return "rel"
    if "author" in values.get("itemprop", "").lower().split():
        return "itemprop"
    if any(_is_byline_class(values.get(name, "")) for name in ("class", "id", "data-testid")):
        return "class"
    if tag == "a" and _AUTHOR_HREF.search(values.get("href", "")):
        return "href"
    return None


def _is_byline_class(value: str) -> bool:
    """Whether a class, id or test id marks a byline ("byline", "article-author"), not a photo or comment."""
    lowered = value.lower()
    if not any(word in lowered for word in _BYLINE_WORDS):
        return False  # the common case, without a regular expression
    return _BYLINE_CLASS.search(value) is not None and _NOT_BYLINE_CLASS.search(value) is None


class _Capture:
    """An open element whose text is kept: its tag, why it is kept, how many same-named elements are open."""

    __slots__ = ("depth", "kind", "parts", "size", "tag", "title")

    def __init__(self, tag: str, kind: str, title: str = "") -> None:
        self.tag = tag
        self.kind = kind
        self.title = title
        self.depth = 1
        self.parts: list[str] = []
        self.size = 0

    def boundary(self, tag: str) -> None:
        """A tag inside the element: a line break, or a space if the tag is inline."""
        if self.size < _MAX_CAPTURE_TEXT:
            self.parts.append(" " if tag in _INLINE_TAGS else "\n")
            self.size += 1

    def text(self) -> str:
        """The kept text, one line per block inside the element."""
        lines = (collapse(line) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line) or collapse(self.title)


class _PageParser(HTMLParser):
    """Visible text (block elements become paragraphs), metadata, JSON-LD blobs; never raises on bad markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.jsonld: list[str] = []
        self.headings: list[str] = []  # the <h1> texts, in order
        self.bylines: list[tuple[str, str]] = []  # (how it was marked, its text) of author and byline elements
        self.times: list[tuple[str, str]] = []  # (its itemprop and class, its datetime) of each <time datetime>
        self._captures: list[_Capture] = []  # the elements whose text is being kept, innermost last
        self._lines: list[str] = []
        self._parts: list[str] = []
        self._skip: list[str] = []  # elements whose content is not visible, innermost last
        self._depth: list[int] = []  # how many same-named elements are open inside each
        self._jsonld_buffer: list[str] | None = None
        self._pre = 0

    # Text assembly.
    def _newline(self) -> None:
        line = collapse("".join(self._parts))
        self._parts = []
        if line:
            self._lines.append(line)

    def _break(self) -> None:
        self._newline()
        if self._lines:
            self.blocks.append("\n".join(self._lines))
            self._lines = []

    def finish(self) -> str:
        """Flush what is pending and return the visible text."""
        for capture in list(self._captures):
            self._close(capture)
        self._break()
        return "\n\n".join(self.blocks)

    # Parser callbacks.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in _VOID_TAGS:
                self._depth[-1] += 1
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        for capture in list(self._captures):
            if capture.tag == tag and tag in _IMPLIED_END:  # "<p class=byline>By Ann Lee<p>...": the first p ended
                self._close(capture)
                continue
            capture.depth += capture.tag == tag and tag not in _VOID_TAGS
            capture.boundary(tag)
        if tag == "meta":
            self._read_meta(values)
        elif tag == "link":
            self._read_link(values)
        elif tag in _SKIP_TAGS or "hidden" in values:
            if tag not in _VOID_TAGS:
                self._start_skip(tag, values)
        else:
            self._start_capture(tag, values)
            self._start_visible(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._end_skipped(tag)
            return
        if tag in _BLOCK_TAGS:
            self._break()
        elif tag in ("td", "th"):
            self._parts.append(" ")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        for capture in self._captures:
            capture.boundary(tag)
        for capture in [capture for capture in self._captures if capture.tag == tag]:
            capture.depth -= 1
            if capture.depth <= 0:
                self._close(capture)

    # Steps of the callbacks.
    def _read_meta(self, values: Mapping[str, str]) -> None:
        """Keep the first ``<meta>`` content under each property, name or itemprop (lower-cased)."""
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
        content = (values.get("content") or values.get("datetime") or "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    def _read_link(self, values: Mapping[str, str]) -> None:
        """Keep the first ``<link rel=canonical>``."""
        if "canonical" in values.get("rel", "").lower().split() and values.get("href") and self.canonical is None:
            self.canonical = values["href"].strip()

    def _start_skip(self, tag: str, values: Mapping[str, str]) -> None:
        """Open an element whose content is not visible (a JSON-LD script's content is kept)."""
        self._skip.append(tag)
        self._depth.append(1)
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            self._jsonld_buffer = []

    def _close(self, capture: _Capture) -> None:
        self._captures.remove(capture)
        self._keep(capture)

    def _keep(self, capture: _Capture) -> None:
        text = capture.text()
        if text and capture.kind == "h1":
            self.headings.append(collapse(text))
        elif text and capture.kind != "kicker" and len(self.bylines) < _MAX_CAPTURES:
            self.bylines.append((capture.kind, text))

    def _start_capture(self, tag: str, values: Mapping[str, str]) -> None:
        """Keep the text of an ``<h1>``, a ``rel=author`` link, an ``itemprop=author`` or byline element."""
        if values.get("itemprop") and (values.get("content") or values.get("datetime")):
            self._read_meta(values)
        if tag == "time" and values.get("datetime"):
            hint = f"{values.get('itemprop', '')} {values.get('class', '')} {'pubdate' if 'pubdate' in values else ''}"
            self.times.append((collapse(hint).lower(), values["datetime"].strip()))
        if tag in _VOID_TAGS:
            return
        kind = _capture_kind(tag, values, any(capture.kind == "h1" for capture in self._captures))
        if kind is not None and (kind == "h1" or len(self._captures) < _MAX_OPEN_CAPTURES):
            self._captures.append(_Capture(tag, kind, values.get("title", "")))

    def _start_visible(self, tag: str) -> None:
        if tag == "br":
            self._newline()
        elif tag in _BLOCK_TAGS:
            self._break()
        elif tag in ("td", "th"):
            self._parts.append(" ")
        if tag == "pre":
            self._pre += 1

    def _end_skipped(self, tag: str) -> None:
        """Close a tag inside (or closing) the invisible elements."""
        if tag == self._skip[-1]:
            self._depth[-1] -= 1
            if self._depth[-1] <= 0:
                self._pop_skip()
        elif tag in self._skip:  # a skipped element closed with others still open inside it
            while self._skip[-1] != tag:
                self._pop_skip()
            self._pop_skip()
        elif tag in ("body", "html"):
            while self._skip:
                self._pop_skip()

    def _pop_skip(self) -> None:
        tag = self._skip.pop()
        self._depth.pop()
        if tag == "script" and self._jsonld_buffer is not None:
            self.jsonld.append("".join(self._jsonld_buffer))
            self._jsonld_buffer = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._jsonld_buffer is not None and self._skip[-1] == "script":
                self._jsonld_buffer.append(data)
            return
        muted = any(capture.kind == "kicker" for capture in self._captures)
        for capture in self._captures:
            if capture.size < _MAX_CAPTURE_TEXT and not (muted and capture.kind == "h1"):
                capture.parts.append(data)
                capture.size += len(data)
        if self._pre:
            pieces = data.split("\n")
            for number, piece in enumerate(pieces):
                if number:
                    self._newline()
                self._parts.append(piece)
        else:
            self._parts.append(data)


@attrs.frozen(slots=True)
class Page:
    """What a page says: its visible text, ``<title>``, first ``<h1>``, metadata, canonical link and JSON-LD.

    Attributes:
        text: The visible text, paragraphs separated by blank lines.
        title: The ``<title>`` text, white space folded.
        headings: The ``<h1>`` texts, in page order.
        meta: ``<meta>`` content by lower-cased property, name or itemprop (the first of each).
        canonical: The ``<link rel=canonical>`` address as written.
        jsonld: The JSON-LD blobs that could be read, loaded.
        bylines: The texts of the elements that name authors (a ``rel=author`` link, an ``itemprop=author``
            element, an element whose class, id or test id says byline, author or credit, a link to an author's
            page), each with how it was marked (``rel``, ``itemprop``, ``class`` or ``href``), in page order.
        times: The ``datetime`` of each ``<time>`` element, with its itemprop, class and ``pubdate`` flag.
    """

    text: str
    title: str | None
    headings: tuple[str, ...]
    meta: Mapping[str, str]
    canonical: str | None
    jsonld: tuple[object, ...]
    bylines: tuple[tuple[str, str], ...] = ()
    times: tuple[tuple[str, str], ...] = ()

    @property
    def h1(self) -> str | None:
        """The first ``<h1>`` text."""
        return self.headings[0] if self.headings else None


def read_page(source: str) -> Page:
    """Read an HTML page; never raises on malformed markup."""
    title = None
    opening = _TITLE_OPEN.search(source)
    if opening is not None:
        closing = _TITLE_CLOSE.search(source, opening.end())
        content_end = closing.start() if closing else opening.end()
        if closing is not None:
            # <title> holds text only (RCDATA): whatever markup is inside is literal text.
            title = collapse(html.unescape(source[opening.end() : content_end])) or None
        source = source[: opening.end()] + source[content_end:]
    parser = _PageParser()
    try:
        parser.feed(_defuse(source))
        parser.close()
    except Exception:  # html.parser is lenient, yet a malformed page must never crash ingestion: keep what was read
        pass
    text = parser.finish()
    blobs: list[object] = []
    for blob in parser.jsonld:
        loaded = _load_json(blob)
        if loaded is not None:
            blobs.append(loaded)
    return Page(
        text,
        title,
        tuple(parser.headings),
        dict(parser.meta),
        parser.canonical,
        tuple(blobs),
        tuple(parser.bylines),
        tuple(parser.times),
    )


def _load_json(blob: str) -> object | None:
    text = blob.strip()
    if text.startswith("<!--"):
        text = text[4:].removesuffix("-->")
    text = text.strip()
    if text.startswith("<![CDATA["):
        text = text[9:].removesuffix("]]>")
    try:
        return json.loads(text)  # type: ignore[no-any-return]
    except (ValueError, RecursionError):
        return None
