"""Text layout: an article's non-blank lines, paragraphs and sentences, as spans looked up by offset."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_LINE = re.compile(r"[^\r\n]+")
_MAX_SENTENCE = 1000


def words(text: str) -> list[str]:
    """The white-space separated words of a text (to write word sets on one line)."""
    return text.split()


def collapse(text: str) -> str:
    """The text with each run of white space made one space, and stripped."""
    return _SPACES.sub(" ", text).strip()


def norm(text: str) -> str:
    """The text collapsed and case-folded, for comparing titles."""
    return collapse(text).casefold()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@attrs.frozen(slots=True)
class Line:
    """A non-blank line: its span without surrounding white space, and its paragraph number."""

    start: int
    end: int
    para: int


def _lines(text: str) -> list[Line]:
    """Non-blank lines (stripped spans) with paragraph numbers; a blank line starts a new paragraph."""
    found: list[Line] = []
    para = 0
    previous_end = 0
    for match in _LINE.finditer(text):
        start, end = _strip_span(text, *match.span())
        if start == end:
            continue
        if found:
            gap = text[previous_end:start]
            breaks = gap.count("\n") or gap.count("\r")
            if breaks >= 2:
                para += 1
        found.append(Line(start, end, para))
        previous_end = end
    if len(found) > 3 and found[-1].para == 0:
        # No blank lines at all: read every line as a paragraph.
        found = [Line(line.start, line.end, number) for number, line in enumerate(found)]
    return found


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_ABBREVIATIONS = frozenset(
    words(
        "mr mrs ms dr st prof gen sen rep gov lt col sgt capt cpt maj adm jr sr vs etc inc ltd co corp no nos "
        "vol fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft pres rev hon messrs dept est approx"
    )
)


def _sentences(text: str, lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Sentence spans, line by line, none longer than about ``_MAX_SENTENCE`` characters."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        start = line.start
        for match in _SENTENCE_END.finditer(text, line.start, line.end):
            end = match.end()
            if end < line.end and not text[end].isspace():
                continue
            if match.group() == "." and _after_abbreviation(text, line.start, match.start()):
                continue
            following = end
            while following < line.end and text[following].isspace():
                following += 1
            if following < line.end and text[following].islower():
                continue
            _add_sentence(text, start, end, spans)
            start = following
        if start < line.end:
            _add_sentence(text, start, line.end, spans)
    return spans


def _after_abbreviation(text: str, line_start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("Mr.") or an initial ("J.") rather than a sentence."""
    word_start = dot
    while word_start > line_start and word_start > dot - 12 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _add_sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _strip_span(text, start, end)
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        piece = _strip_span(text, start, cut)
        if piece[0] < piece[1]:
            spans.append(piece)
        start, end = _strip_span(text, cut, end)
    if start < end:
        spans.append((start, end))


class Spans:
    """A text's non-blank lines and sentences, looked up by offset.

    Attributes:
        text: The text.
        lines: Its non-blank lines, in order.
        sentences: Its sentence spans, in order.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.sentences = _sentences(text, self.lines)
        self._line_starts = [line.start for line in self.lines]
        self._sentence_starts = [span[0] for span in self.sentences]

    def line_text(self, number: int) -> str:
        """The text of line ``number``."""
        line = self.lines[number]
        return self.text[line.start : line.end]

    def line_of(self, position: int) -> int:
        """The number of the line holding ``position`` (the first line for a position before any line)."""
        return max(0, bisect.bisect_right(self._line_starts, position) - 1)

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence holding ``start``, stretched to cover ``end``."""
        number = bisect.bisect_right(self._sentence_starts, start) - 1
        if number < 0 or self.sentences[number][1] < start:
            line = self.lines[self.line_of(start)]
            return line.start, max(line.end, end)
        sentence_start, sentence_end = self.sentences[number]
        while sentence_end < end and number + 1 < len(self.sentences):
            number += 1
            sentence_end = self.sentences[number][1]
        return sentence_start, max(sentence_end, end)
