"""Outlet mentions: where a text names registry outlets, acronyms counted only where defined or unambiguous.

The name matcher indexes every written form of every outlet name by its
first word; it is built once per registry and kept with it
(:meth:`Registry.derived <provenance.registry.Registry.derived>`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from provenance.articles._text import Spans
from provenance.dates import Interval, PartialDate, Truth
from provenance.model import Name
from provenance.registry import Registry

_WORD = re.compile(r"\w+")
_MAX_RAW_MATCHES = 10_000
_KEEP_FIRST_MATCHES = 2_000


@attrs.frozen(slots=True)
class NameEntry:
    """One registry name of an outlet, with the forms it is matched in.

    Attributes:
        outlet: The outlet's id.
        surface: The name as the registry writes it (white space folded, a leading "The " dropped).
        kind: ``name``, ``alias`` or ``acronym``.
        interval: When the outlet bore the name.
        variants: The forms matched: as written, title-cased and (four letters or more) in capitals.
        needs_article: Whether the one-word name counts only after "the" ("the Times").
        rank: Names before aliases before acronyms, where one span names the same outlet twice.
    """

    outlet: str
    surface: str
    kind: str
    interval: Interval
    variants: tuple[str, ...]
    needs_article: bool
    rank: int


class NameMatch(NamedTuple):
    """A span of the text that matches a registry name."""

    start: int
    end: int
    entry: NameEntry


_KIND_RANK = {"name": 0, "alias": 1, "acronym": 2}


class Matcher:
    """Every registry name, indexed by the lower-cased first word of each written form.

    Attributes:
        index: First word -> (written form, entry), longest form first.
        surface_entries: Name as written -> its entries (one per outlet bearing it).
        outlet_names: Case-folded outlet name or alias -> outlet id (acronyms left out).
    """

    def __init__(self, registry: Registry) -> None:
        self.index: dict[str, list[tuple[str, NameEntry]]] = {}
        self.surface_entries: dict[str, list[NameEntry]] = {}
        self.outlet_names: dict[str, str] = {}
        for outlet in registry.outlets():
            for name in outlet.all_names():
                entry = _entry(outlet.id, name)
                if entry is not None:
                    self._add(entry)
        for candidates in self.index.values():
            candidates.sort(key=lambda pair: (-len(pair[0]), pair[1].outlet, pair[1].rank))

    def _add(self, entry: NameEntry) -> None:
        self.surface_entries.setdefault(entry.surface, []).append(entry)
        for variant in entry.variants:
            first = _WORD.match(variant)
            if first is not None:
                self.index.setdefault(first.group().lower(), []).append((variant, entry))
        if entry.kind != "acronym":
            self.outlet_names.setdefault(entry.surface.casefold(), entry.outlet)


def _entry(outlet: str, name: Name) -> NameEntry | None:
    """How one name of an outlet is matched; ``None`` for a name that does not start with a letter or digit."""
    surface = " ".join(name.name.split())
    needs_article = False
    if surface.startswith("The ") and len(surface) > 4:
        surface = surface[4:]
        needs_article = " " not in surface
    if not surface or not surface[0].isalnum():
        return None
    if len(surface) == 1:  # a one-letter name ("i", the newspaper) is matched as written and after "the" only
        variants: tuple[str, ...] = (surface,)
        needs_article = True
    elif name.kind == "acronym":
        variants = (surface,)
    else:
        title = " ".join(word[:1].upper() + word[1:] for word in surface.split(" "))
        upper = surface.upper() if len(surface) >= 4 else surface
        variants = tuple(dict.fromkeys((surface, title, upper)))
    return NameEntry(outlet, surface, name.kind, name.interval, variants, needs_article, _KIND_RANK[name.kind])


def matcher_for(registry: Registry) -> Matcher:
    """The registry's name matcher, built on first use and kept with the registry."""
    return registry.derived(("provenance.articles", "matcher"), Matcher)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _preceded_by_the(text: str, start: int) -> bool:
    position = start
    while position > 0 and start - position < 3 and text[position - 1] in " \t\u00a0":
        position -= 1
    if position == start or position < 3 or text[position - 3 : position].lower() != "the":
        return False
    return position == 3 or not _is_word_char(text[position - 4])


def _raw_matches(text: str, matcher: Matcher) -> list[NameMatch]:
    found: list[NameMatch] = []
    index = matcher.index
    length = len(text)
    for token in _WORD.finditer(text):
        candidates = index.get(token.group().lower())
        if not candidates:
            continue
        start = token.start()
        for variant, entry in candidates:
            if not text.startswith(variant, start):
                continue
            end = start + len(variant)
            if end < length and (text[end].isalnum() or text[end] == "_") and _is_word_char(variant[-1]):
                continue
            if entry.needs_article:
                if not _preceded_by_the(text, start):
                    continue
                if end + 1 < length and text[end] == " " and text[end + 1].isupper():
                    continue
            found.append(NameMatch(start, end, entry))
    if len(found) > _MAX_RAW_MATCHES:
        # Bound the work on pathological input; keep the start and, mostly, the end (footers, source lines).
        found = found[:_KEEP_FIRST_MATCHES] + found[len(found) - (_MAX_RAW_MATCHES - _KEEP_FIRST_MATCHES) :]
    return found


_GAP_NAME_THEN_ACRONYM = re.compile(r"\s*(?:\(\s*|,\s*(?:or|aka|a\.k\.a\.|also known as|known as)\s+|\s+or\s+)")
_GAP_ACRONYM_THEN_NAME = re.compile(
    r"\s*(?:,\s*(?:or\s+|i\.e\.\s*|aka\s+|short for\s+)?|\(\s*|\s+or\s+|\s*[-–—:]\s*|\s+(?:is\s+)?short for\s+)"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_DEFINITION_REACH = 30


def _defined_acronyms(text: str, raws: Sequence[NameMatch]) -> dict[str, str]:
    """Acronyms the text defines next to a full name: ``VOR, or the Voice of Russia``, ``Voice of Russia (VOR)``.

    Returns:
        Acronym as written -> the outlet it stands for here.
    """
    names_by_end: dict[int, list[NameMatch]] = {}
    names_by_start: dict[int, list[NameMatch]] = {}
    for raw in raws:
        if raw.entry.kind != "acronym":
            names_by_end.setdefault(raw.end, []).append(raw)
            names_by_start.setdefault(raw.start, []).append(raw)
    defined: dict[str, str] = {}
    for raw in raws:
        if raw.entry.kind != "acronym" or raw.entry.surface in defined:
            continue
        if _defined_after_name(text, raw, names_by_end) or _defined_before_name(text, raw, names_by_start):
            defined[raw.entry.surface] = raw.entry.outlet
    return defined


def _defined_after_name(text: str, acronym: NameMatch, names_by_end: dict[int, list[NameMatch]]) -> bool:
    """Whether the acronym follows its outlet's full name: ``Voice of Russia (VOR``."""
    return any(
        name.entry.outlet == acronym.entry.outlet and _GAP_NAME_THEN_ACRONYM.fullmatch(text, name.end, acronym.start)
        for position in range(max(0, acronym.start - _DEFINITION_REACH), acronym.start + 1)
        for name in names_by_end.get(position, ())
    )


def _defined_before_name(text: str, acronym: NameMatch, names_by_start: dict[int, list[NameMatch]]) -> bool:
    """Whether the acronym comes before its outlet's full name: ``VOR, or the Voice of Russia``."""
    return any(
        name.entry.outlet == acronym.entry.outlet and _GAP_ACRONYM_THEN_NAME.fullmatch(text, acronym.end, name.start)
        for position in range(acronym.end, min(len(text), acronym.end + _DEFINITION_REACH) + 1)
        for name in names_by_start.get(position, ())
    )


def valid_at(entry: NameEntry, when: PartialDate | None) -> bool:
    """Whether the name may have been in use at the date (always, with no date)."""
    return when is None or entry.interval.contains(when) is not Truth.NO


def _unambiguous(surface: str, matcher: Matcher, when: PartialDate | None) -> bool:
    entries = matcher.surface_entries.get(surface, [])
    outlets = {entry.outlet for entry in entries}
    if len(outlets) > 1 and when is not None:
        current = {entry.outlet for entry in entries if valid_at(entry, when)}
        if current:
            outlets = current
    return len(outlets) == 1


_CAPITAL_WORD_BEFORE = re.compile(r"(?:^|\W)([^\W\d_]{2,}) $")
_CAPITAL_WORD_AFTER = re.compile(r" ([^\W\d_]{2,})(?:\W|$)")


def _in_capitals_phrase(text: str, start: int, end: int) -> bool:
    """Whether a word next to this span (one space away) is in capitals too, as in "AIR FORCE ONE"."""
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _CAPITAL_WORD_AFTER.match(text, end, min(len(text), end + 30))
    return any(match is not None and match.group(1).isupper() for match in (before, after))


class _Acronyms:
    """Which acronym matches count: those the text defines, or unambiguous ones written as acronyms."""

    def __init__(self, spans: Spans, raws: Sequence[NameMatch], matcher: Matcher, when: PartialDate | None) -> None:
        self.spans = spans
        self.matcher = matcher
        self.when = when
        self.defined = _defined_acronyms(spans.text, raws)
        self._has_lower: dict[int, bool] = {}

    def count(self, raw: NameMatch) -> bool:
        """Whether this acronym match names its outlet.

        Undefined, it must be three capitals or more, name one outlet (at the
        date, when there is one), stand on a line that is not all capitals and
        not inside a phrase in capitals.
        """
        entry = raw.entry
        if entry.surface in self.defined:
            return self.defined[entry.surface] == entry.outlet
        return (
            len(entry.surface) >= 3
            and entry.surface.isupper()
            and _unambiguous(entry.surface, self.matcher, self.when)
            and self._in_cased_line(raw.start)
            and not _in_capitals_phrase(self.spans.text, raw.start, raw.end)
        )

    def _in_cased_line(self, position: int) -> bool:
        number = self.spans.line_of(position)
        if number not in self._has_lower:
            line = self.spans.line_text(number) if self.spans.lines else self.spans.text
            self._has_lower[number] = any(char.islower() for char in line)
        return self._has_lower[number]


def _one_outlet(group: list[NameMatch], when: PartialDate | None) -> NameMatch | None:
    """The match to keep for one span: names valid at the date preferred; ``None`` if still several outlets."""
    outlets = {raw.entry.outlet for raw in group}
    if len(outlets) > 1 and when is not None:
        current = [raw for raw in group if valid_at(raw.entry, when)]
        if current:
            group = current
            outlets = {raw.entry.outlet for raw in group}
    if len(outlets) > 1:
        return None
    return min(group, key=lambda raw: (raw.entry.rank, raw.entry.surface))


def _longest_first(raws: list[NameMatch], length: int) -> list[NameMatch]:
    """The matches left where overlapping spans give way to the longest, in text order."""
    raws.sort(key=lambda raw: (-(raw.end - raw.start), raw.start, raw.entry.outlet))
    covered = bytearray(length)
    result: list[NameMatch] = []
    for raw in raws:
        if covered.find(1, raw.start, raw.end) != -1:
            continue
        covered[raw.start : raw.end] = b"\x01" * (raw.end - raw.start)
        result.append(raw)
    result.sort(key=lambda raw: (raw.start, raw.end))
    return result


def find_mentions(spans: Spans, matcher: Matcher, when: PartialDate | None) -> list[NameMatch]:
    """The places where the text names registry outlets.

    Args:
        spans: The text and its lines.
        matcher: The registry's names.
        when: The article's date, to prefer names in use then; ``None`` if unknown.

    Returns:
        The matches that count, in text order: acronyms only where defined or
        unambiguous, one outlet per span, the longest of overlapping spans.
    """
    raws = _raw_matches(spans.text, matcher)
    acronyms = _Acronyms(spans, raws, matcher, when)
    by_span: dict[tuple[int, int], list[NameMatch]] = {}
    for raw in raws:
        if raw.entry.kind != "acronym" or acronyms.count(raw):
            by_span.setdefault((raw.start, raw.end), []).append(raw)
    chosen = [kept for group in by_span.values() if (kept := _one_outlet(group, when)) is not None]
    return _longest_first(chosen, len(spans.text))
