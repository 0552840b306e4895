"""Reading an HTML page: its visible text (block elements become paragraphs), metadata and JSON-LD blobs.

Nothing is fetched and bad markup never raises: what the parser could read is kept.
"""

from __future__ import annotations

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


class _PageParser(HTMLParser):
    """Visible text (block elements become paragraphs), metadata, JSON-LD blobs; never raises on bad markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.jsonld: list[str] = []
        self.h1: str | None = None
        self._lines: list[str] = []
        self._parts: list[str] = []
        self._skip: list[str] = []  # elements whose content is not visible, innermost last
        self._depth: list[int] = []  # how many same-named elements are open inside each
        self._jsonld_buffer: list[str] | None = None
        self._h1_buffer: list[str] | None = None
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
        self._break()
        return "\n\n".join(self.blocks)

    # Parser callbacks.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in _VOID_TAGS:
                self._depth[-1] += 1
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            self._read_meta(values)
        elif tag == "link":
            self._read_link(values)
        elif tag in _SKIP_TAGS or "hidden" in values:
            if tag not in _VOID_TAGS:
                self._start_skip(tag, values)
        else:
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
        if tag == "h1" and self._h1_buffer is not None:
            self.h1 = collapse("".join(self._h1_buffer)) or None
            self._h1_buffer = None

    # Steps of the callbacks.
    def _read_meta(self, values: Mapping[str, str]) -> None:
        """Keep the first ``<meta>`` content under each property, name or itemprop (lower-cased)."""
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
        content = values.get("content", "").strip()
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

    def _start_visible(self, tag: str) -> None:
        if tag == "br":
            self._newline()
        elif tag in _BLOCK_TAGS:
            self._break()
        elif tag in ("td", "th"):
            self._parts.append(" ")
        if tag == "pre":
            self._pre += 1
        if tag == "h1" and self.h1 is None and self._h1_buffer is None:
            self._h1_buffer = []

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
        if self._h1_buffer is not None:
            self._h1_buffer.append(data)
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
        h1: The first ``<h1>`` text.
        meta: ``<meta>`` content by lower-cased property, name or itemprop (the first of each).
        canonical: The ``<link rel=canonical>`` address as written.
        jsonld: The JSON-LD blobs that could be read, loaded.
    """

    text: str
    title: str | None
    h1: str | None
    meta: Mapping[str, str]
    canonical: str | None
    jsonld: tuple[object, ...]


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
    return Page(text, title, parser.h1, dict(parser.meta), parser.canonical, tuple(blobs))


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
