"""Attribution: which mentions say where the piece came from (byline, source line, statement, footer).

A mention is an attribution only in an attribution statement: a "Source: X"
line, a sentence about this piece such as "This article was originally
published by X", an outlet credited in the byline, or the disclosure footer.
A mere mention in the body ("Lavrov told RT") never is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Sequence

import attrs

from provenance.articles._mentions import NameMatch
from provenance.articles._text import Line, Spans

_SOURCE_LINE = re.compile(
    r"[\W_]*(?:sources?|via|originally\s+published(?:\s+(?:by|in|on|at))?)\s*[:：]", re.IGNORECASE
)
_MAX_SOURCE_LINE = 200
_MAX_FOOTER_PARAGRAPHS = 3
_MAX_FOOTER_PARAGRAPH = 800
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "originally-published",
        re.compile(
            r"\b(?:originally|first|initially)\s+(?:published|posted|printed|carried|ran|run|aired|broadcast)"
            r"(?:\s+in\s+\w+)?\s+(?:by|in|on|at|with)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "first-appeared",
        re.compile(
            r"\b(?:(?:originally|first|initially)\s+appeared|appeared\s+(?:originally|first))(?:\s+in\s+\w+)?"
            r"\s+(?:in|on|at)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "republished",
        re.compile(
            r"\bre-?(?:published|printed|posted)(?:\s+here)?(?:\s+with\s+(?:the\s+)?(?:kind\s+)?permission)?"
            r"(?:\s+(?:from|by|of|courtesy\s+of))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "provided-by",
        re.compile(r"\b(?:provided|supplied|contributed|syndicated)(?:\s+to\s+\w+(?:\s+\w+)?)?\s+by\b", re.IGNORECASE),
    ),
    ("courtesy", re.compile(r"\bcourtesy\s+of\b", re.IGNORECASE)),
    ("came-from", re.compile(r"\b(?:comes|came)\s+from\b", re.IGNORECASE)),
)
_CUE_REACH = 80
# What may stand before a cue in a sentence about this piece: nothing, or "This article/op-ed/... (was)".
_PIECE_PREFIX = re.compile(
    r"[\W_]*(?:(?:this\s+(?:article|story|piece|op-?ed|column|commentary|essay|post|item|text|content|editorial"
    r"|analysis|blog\s+post|interview|report|version)|the\s+(?:article|story|piece|op-?ed|column|post|text|editorial)"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|piece))\b[^.!?]{0,80})?",
    re.IGNORECASE,
)
_COPULA = re.compile(
    r"\b(?:is|was|are|were|has\s+been|had\s+been)\s+(?:a|an|the|one|formerly|previously|now|owned|funded|run"
    r"|operated|financed|controlled|part|based|established|founded|launched|created|set\s+up|known)\b",
    re.IGNORECASE,
)
_SUBJECT_PREFIX = re.compile(r"[\W_]*(?:the\s+)?", re.IGNORECASE)


def _sentence_cues(sentence: str, offset: int) -> list[tuple[str, int]]:
    """The attribution statements a sentence makes about this piece: (cue, where it ends in the text)."""
    return [
        (cue, offset + match.end())
        for cue, pattern in _CUES
        for match in pattern.finditer(sentence)
        if _PIECE_PREFIX.fullmatch(sentence, 0, match.start())
    ]


def statement_cues(
    spans: Spans, raws: Sequence[NameMatch], region: tuple[int, int], byline_index: int, header_lines: Container[int]
) -> dict[int, str]:
    """Attribution cues of the mentions in the article's region: byline credits, source lines, statements.

    Args:
        spans: The article's text, lines and sentences.
        raws: The mentions, in text order.
        region: The span of the article between its title and the site's boilerplate.
        byline_index: The byline's line number (-1 if none).
        header_lines: The numbers of the byline and dateline lines.

    Returns:
        Index into ``raws`` -> cue, for the mentions that are attributions.
    """
    text = spans.text
    cues: dict[int, str] = {}
    by_sentence: dict[int, list[tuple[str, int]]] = {}
    for number, raw in enumerate(raws):
        if not region[0] <= raw.start < region[1]:
            continue
        line_number = spans.line_of(raw.start)
        line = spans.lines[line_number]
        if line_number == byline_index:
            cues[number] = "byline"
            continue
        if line_number in header_lines:
            continue
        if line.end - line.start <= _MAX_SOURCE_LINE and _SOURCE_LINE.match(text, line.start, line.end):
            cues[number] = "source-line"
            continue
        sentence_start, sentence_end = spans.sentence_of(raw.start, raw.end)
        if sentence_start not in by_sentence:
            by_sentence[sentence_start] = _sentence_cues(text[sentence_start:sentence_end], sentence_start)
        for cue, cue_end in by_sentence[sentence_start]:
            if cue_end <= raw.start <= cue_end + _CUE_REACH:
                cues[number] = cue
                break
    return cues


@attrs.frozen(slots=True)
class _FooterCandidate:
    """A paragraph that may belong to the footer: its start, its mentions, the outlets it attributes to."""

    start: int
    mentions: range
    cued: frozenset[str]
    subject: str | None
    """The outlet the paragraph opens by describing, if it does."""


def mark_footer(
    spans: Spans,
    paragraphs: Sequence[Sequence[Line]],
    raws: Sequence[NameMatch],
    cues: dict[int, str],
    byline_index: int,
) -> int:
    """How many of the last paragraphs form the disclosure footer; marks their attributions in ``cues``.

    A paragraph belongs to the footer when it makes an attribution statement,
    or when it opens by describing an outlet ("VOR, or the Voice of Russia,
    was ...") that the article does not name before the footer (outside the
    byline): a news piece that explains "RT is funded by the state" after
    reporting on RT is not republishing RT. In a describing paragraph only the
    described outlet is an attribution.

    Args:
        spans: The article's text, lines and sentences.
        paragraphs: The body's paragraphs (header lines and boilerplate left out).
        raws: The mentions, in text order.
        cues: The attribution cues found so far (see :func:`statement_cues`); footer ones are added.
        byline_index: The byline's line number (-1 if none).

    Returns:
        The number of footer paragraphs.
    """
    run = _footer_candidates(spans, paragraphs, raws, cues)
    run = _without_named_subjects(run, _first_seen(spans, raws, byline_index), len(spans.text))
    for candidate in run:
        attributed = candidate.cued | ({candidate.subject} if candidate.subject else set())
        for number in candidate.mentions:
            if raws[number].entry.outlet in attributed and number not in cues:
                cues[number] = "footer"
    return len(run)


def _first_seen(spans: Spans, raws: Sequence[NameMatch], byline_index: int) -> dict[str, int]:
    """Outlet -> where the text first names it outside the byline."""
    first_seen: dict[str, int] = {}
    for raw in raws:
        if spans.line_of(raw.start) != byline_index:
            first_seen.setdefault(raw.entry.outlet, raw.start)
    return first_seen


def _footer_candidates(
    spans: Spans, paragraphs: Sequence[Sequence[Line]], raws: Sequence[NameMatch], cues: Container[int]
) -> list[_FooterCandidate]:
    """The run of last paragraphs (three at most, in text order) that attribute or describe an outlet."""
    raw_starts = [raw.start for raw in raws]
    candidates: list[_FooterCandidate] = []
    for paragraph in reversed(paragraphs[-_MAX_FOOTER_PARAGRAPHS:]):
        start, end = paragraph[0].start, paragraph[-1].end
        if end - start > _MAX_FOOTER_PARAGRAPH:
            break
        inside = range(bisect.bisect_left(raw_starts, start), bisect.bisect_left(raw_starts, end))
        cued = frozenset(raws[number].entry.outlet for number in inside if number in cues)
        subject = _described_outlet(spans, start, raws[inside.start]) if inside else None
        if not cued and subject is None:
            break
        candidates.append(_FooterCandidate(start, inside, cued, subject))
    return candidates[::-1]


def _described_outlet(spans: Spans, start: int, first: NameMatch) -> str | None:
    """The outlet a paragraph opens by describing ("VOR, or the Voice of Russia, was ..."), if it does."""
    text = spans.text
    sentence_end = spans.sentence_of(first.start, first.end)[1]
    opens = _SUBJECT_PREFIX.fullmatch(text, start, first.start) is not None
    if opens and _COPULA.search(text, first.end, min(sentence_end, first.end + 200)):
        return first.entry.outlet
    return None


def _without_named_subjects(
    run: list[_FooterCandidate], first_seen: dict[str, int], text_length: int
) -> list[_FooterCandidate]:
    """The footer run, where a describing paragraph counts only if its outlet is not named before the footer."""
    changed = True
    while changed and run:
        changed = False
        for number, candidate in enumerate(run):
            if candidate.subject is not None and first_seen.get(candidate.subject, text_length) < run[0].start:
                if not candidate.cued:
                    run = run[number + 1 :]
                    changed = True
                    break
                run[number] = attrs.evolve(candidate, subject=None)
    return run
