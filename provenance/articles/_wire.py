"""Wire copy: datelines and credits that name a news agency as the source of the piece.

The shapes read (the agency is any registry outlet, found by its name, alias or
acronym, or by a well-known short form in :data:`SHORT_FORMS` that resolves to
one of them):

- cue ``dateline``, opening the body: ``MOSCOW, March 3. /TASS/.``,
  ``MINSK, March 3 (TASS) -``, ``LONDON (Reuters) -``, ``(Reuters) -``,
  ``Madrid, 13 ene (EFE).-``, ``МОСКВА, 3 мар — РИА Новости.``,
  ``新华社北京1月13日电``, ``الرياض (واس) -``;
- cue ``credit``, ending the body: ``(Xinhua)``, ``(dpa/AFP)``, ``(avec AFP)``,
  ``—Reuters``, ``/ТАСС/``, a last sentence ``dpa/AFP``, ``With AFP`` or
  ``With reporting by AFP``, a news agency's name alone; and a byline
  ``By CNN Wire``;
- cue ``copyright``, ending the body: ``© AFP``, ``© dpa-infocom, dpa:...``,
  ``Copyright 2024 The Associated Press. All rights reserved.``

A credit naming several agencies (``dpa/AFP``, ``AFP, Reuters``) credits each.
A credit *with* an agency ("with AFP", "with reporting by AFP", "mit Material
von dpa") beside a staff byline makes the piece partly the agency's: certainty
``possible``. A story that quotes an agency ("Reuters reported", "according to
TASS", "told Reuters", "据新华社") has none of these shapes, and a shape that
is neither at the start nor at the end of the body counts for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from provenance.articles._mentions import NameEntry, NameMatch, matcher_for, valid_at
from provenance.articles._text import Line, Spans, collapse, words
from provenance.dates import PartialDate
from provenance.model import Mention, Outlet
from provenance.registry import Registry

SHORT_FORMS: Mapping[str, str] = {
    "afp": "AFP",
    "rtr": "Reuters",
    "ap": "AP",
    "dpa-infocom": "dpa",
    "dpa-AFX": "dpa",
    "CNN Wire": "CNN",
    "Agence France Presse": "Agence France-Presse",
    "Франс Пресс": "Agence France-Presse",
    "Франс-Пресс": "Agence France-Presse",
    "Рейтер": "Reuters",
    "Рейтерс": "Reuters",
    "Синьхуа": "Xinhua",
    "路透社": "Reuters",
    "法新社": "Agence France-Presse",
    "美联社": "Associated Press",
    "رويترز": "Reuters",
    "واس": "Saudi Press Agency",
    "وام": "Emirates News Agency",
    "سانا": "Syrian Arab News Agency",
    "أ ف ب": "Agence France-Presse",
    "ا ف ب": "Agence France-Presse",
    "د ب أ": "Deutsche Presse-Agentur",
}
"""Short forms agencies are credited by, each mapped to a name the registry knows (skipped where it does not)."""

_PARTIAL = re.compile(
    r"(?:(?:with|avec|mit|con|с|совместно\s+с)\s+)?(?:(?:additional\s+)?reporting\s+(?:by|from)\s+"
    r"|(?:material|information)\s+(?:from|by)\s+|material\s+von\s+|información\s+de\s+|l['’]"
    r"|les\s+agences\s+)"
    r"|(?:with|avec|mit|con|с|совместно\s+с|по\s+материалам)\s+",
    re.IGNORECASE,
)
_PARTS = re.compile(r"[^/,;&+、，]+")
_AND = re.compile(r"\s+(?:and|et|und|y|e|и)\s+", re.IGNORECASE)
_FILLERS = frozenset(words("agencies agences agenturen agencias агентства wires staff redacción redaktion rédaction"))
_INITIALS = re.compile(r"[a-zäöüß]{1,3}")
_HEAD = r"(?P<head>[^\W\d_][^()\n/]{0,79}?)"
_PAREN_DATELINE = re.compile(
    rf"(?:{_HEAD}\s*[,،]?\s*)?(?P<lead>[-–—]\s*)?\(\s*(?P<credit>[^()\n]{{1,60}}?)\s*\)"
    r"(?P<trail>\s*\.?\s*(?:[-–—‒―]{1,3}|:))?"
)
_SLASH_DATELINE = re.compile(rf"{_HEAD}\s*[.,]?\s*/\s*(?P<credit>[^/\n]{{1,60}}?)\s*/\s*[.,:]?")
_DASH_DATELINE = re.compile(rf"{_HEAD}\s+[-–—]\s+(?P<credit>[^\W\d_][^.,:\n]{{0,40}}?)\s*[.,:]")
_CJK_DATELINE = re.compile(r"(?P<run>[\u3400-\u9fff]{3,16}?)(?:\d{1,2}月\d{1,2}日)?电")
_MAX_HEAD_WORDS = 12
_PLACE_PARTICLES = frozenset(words("de del da do dos das la le les el al am an der den im sur upon on en di y"))
_CORRESPONDENT = re.compile(r"(?:корр\.|corr\.|correspondent)\s*", re.IGNORECASE)
_CLOSING_PAREN = re.compile(r"\(\s*(?P<credit>[^()\n]{1,60}?)\s*\)\s*\.?\s*$")
_CLOSING_SLASH = re.compile(r"/\s*(?P<credit>[^/\n:]{1,40}?)\s*/\s*\.?\s*$")
_DASH_CREDIT = r"[-–—]\s*(?P<credit>[^\W\d_][^\n]{0,40}?)\s*\.?\s*$"
_CLOSING_DASH = re.compile(rf"(?<=[.!?»”\"'])\s*{_DASH_CREDIT}")
_SENTENCE_DASH = re.compile(_DASH_CREDIT)
_BARE = re.compile(r"\s*(?P<credit>[^\n]{1,60}?)\s*\.?\s*$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<credit>[^\W\d_][^\n]{0,100})$",
    re.IGNORECASE,
)
_PHOTO = re.compile(r"\b(?:photo|foto|image|picture|pic|getty|фото|imago|bild)", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,;:.()]+(?:\.[^\s,;:.()]+)*")
_MAX_NAME_TOKENS = 5
_BYLINE_WIRE = re.compile(r"by\s+(?P<credit>.+?)\s+(?:wire(?:\s+service)?|newswire)\s*", re.IGNORECASE)
_SHORT_OPENING = 200
_MAX_OPENINGS = 12


class _Agencies:
    """Registry names by how a credit writes them: acronyms as written (or in capitals), other names case-folded."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.exact: dict[str, list[NameEntry]] = {}
        self.folded: dict[str, list[NameEntry]] = {}
        for surface, entries in matcher_for(registry).surface_entries.items():
            for entry in entries:
                if entry.kind == "acronym":
                    for key in {surface, surface.upper()}:
                        self.exact.setdefault(key, []).append(entry)
                else:
                    self.folded.setdefault(surface.casefold(), []).append(entry)
        for form, target in SHORT_FORMS.items():
            entries = self._entries(target)
            if entries:
                self.exact.setdefault(form, []).extend(entries)

    def _entries(self, written: str) -> list[NameEntry]:
        return [*self.exact.get(written, ()), *self.folded.get(written.casefold(), ())]

    def resolve(self, written: str, when: PartialDate | None) -> NameEntry | None:
        """The one registry name a credit's text stands for (names valid at the date preferred), else ``None``."""
        written = collapse(written).strip(" .,:;-–—\"'«»“”")
        if written[:4].casefold() == "the ":
            written = written[4:]
        entries = self._entries(written)
        current = [entry for entry in entries if valid_at(entry, when)]
        entries = current or entries
        if len({entry.outlet for entry in entries}) != 1:
            return None
        return min(entries, key=lambda entry: (entry.rank, entry.surface))

    def is_agency(self, entry: NameEntry) -> bool:
        """Whether the name's outlet is a news agency."""
        outlet = self.registry.get(entry.outlet)
        return isinstance(outlet, Outlet) and outlet.kind == "news-agency"


def _agencies(registry: Registry) -> _Agencies:
    return registry.derived(("provenance.articles", "wire"), _Agencies)


@attrs.frozen(slots=True)
class WireCredit:
    """An agency named by a dateline or credit: its name's span, the shape's span, the cue and certainty."""

    start: int
    end: int
    entry: NameEntry
    cue: str
    evidence: tuple[int, int]
    certainty: str = "certain"


@attrs.frozen(slots=True)
class _Named:
    """The agencies a credit's text names (spans and names), and whether it says the piece is only partly theirs."""

    spans: tuple[tuple[int, int, NameEntry], ...]
    partial: bool


class _Reader:
    """Reads the shapes in one text, resolving credits against the registry at the article's date."""

    def __init__(self, spans: Spans, agencies: _Agencies, when: PartialDate | None, staff: bool) -> None:
        self.text = spans.text
        self.spans = spans
        self.agencies = agencies
        self.when = when
        self.staff = staff
        self.found: list[WireCredit] = []

    def add(self, named: _Named, cue: str, evidence: tuple[int, int]) -> None:
        certainty = "possible" if named.partial and self.staff else "certain"
        self.found.extend(WireCredit(s, e, entry, cue, evidence, certainty) for s, e, entry in named.spans)

    def credit(self, start: int, end: int) -> _Named | None:
        """The agencies a credit's text names: every part must name one (editors' initials and fillers aside)."""
        text = self.text
        partial = _PARTIAL.match(text, start, end)
        if partial is not None:
            start = partial.end()
        found: list[tuple[int, int, NameEntry]] = []
        for part in _PARTS.finditer(text, start, end):
            for piece in _split_and(text, *part.span()):
                written = text[piece[0] : piece[1]]
                entry = self.agencies.resolve(written, self.when)
                if entry is not None:
                    found.append((*_trimmed(text, *piece), entry))
                elif written.strip().casefold() not in _FILLERS and not (
                    found and _INITIALS.fullmatch(written.strip())
                ):
                    return None
        return _Named(tuple(found), partial is not None) if found else None

    def leading_name(self, start: int, end: int) -> _Named | None:
        """The agency named by the longest run of words (five at most) that opens the text."""
        tokens = list(_TOKEN.finditer(self.text, start, end))[:_MAX_NAME_TOKENS]
        for count in range(len(tokens), 0, -1):
            span = (tokens[0].start(), tokens[count - 1].end())
            entry = self.agencies.resolve(self.text[span[0] : span[1]], self.when)
            if entry is not None:
                return _Named(((*span, entry),), False)
        return None

    def opening(self, line: Line) -> None:
        """A dateline opening the line."""
        for read in (self._paren_dateline, self._slash_dateline, self._dash_dateline, self._cjk_dateline):
            found = read(line)
            if found is not None:
                self.add(found[0], "dateline", found[1])
                return

    def _head_ok(self, match: re.Match[str]) -> bool:
        """Whether a dateline's head is a place (capitalised words and particles), then maybe a date after a comma."""
        head = match.group("head")
        if head is None:
            return True
        place = re.split(r"[,،]", head, maxsplit=1)[0].split()
        return len(head.split()) <= _MAX_HEAD_WORDS and all(
            not word[0].islower() or word in _PLACE_PARTICLES for word in place
        )

    def _paren_dateline(self, line: Line) -> tuple[_Named, tuple[int, int]] | None:
        match = _PAREN_DATELINE.match(self.text, line.start, line.end)
        if match is None or not (match.group("lead") or match.group("trail")) or not self._head_ok(match):
            return None
        named = self.credit(*match.span("credit"))
        return (named, (line.start, match.end())) if named else None

    def _slash_dateline(self, line: Line) -> tuple[_Named, tuple[int, int]] | None:
        match = _SLASH_DATELINE.match(self.text, line.start, line.end)
        if match is None or not self._head_ok(match):
            return None
        start, end = match.span("credit")
        named = self.credit(start, end)
        if named is None:
            correspondent = _CORRESPONDENT.match(self.text, start, end)
            named = self.leading_name(correspondent.end() if correspondent else start, end)
        return (named, (line.start, match.end())) if named else None

    def _dash_dateline(self, line: Line) -> tuple[_Named, tuple[int, int]] | None:
        match = _DASH_DATELINE.match(self.text, line.start, line.end)
        if match is None or not self._head_ok(match) or len(match.group("credit").split()) > 4:
            return None
        named = self.credit(*match.span("credit"))
        return (named, (line.start, match.end())) if named else None

    def _cjk_dateline(self, line: Line) -> tuple[_Named, tuple[int, int]] | None:
        match = _CJK_DATELINE.match(self.text, line.start, line.end)
        if match is None:
            return None
        run = match.group("run")
        for length in range(2, len(run)):
            entry = self.agencies.resolve(run[:length], self.when)
            if entry is not None:
                return _Named(((line.start, line.start + length, entry),), False), (line.start, match.end())
        return None

    def closing(self, line: Line) -> None:
        """A credit or copyright ending the line (the body's last)."""
        text = self.text
        if self.copyright(line):
            return
        last = max(self.spans.sentence_of(max(line.start, line.end - 1), line.end)[0], line.start)
        for match in (
            _CLOSING_PAREN.search(text, line.start, line.end),
            _CLOSING_SLASH.search(text, line.start, line.end),
            _CLOSING_DASH.search(text, line.start, line.end),
            _SENTENCE_DASH.match(text, last, line.end),
        ):
            if match is not None and (named := self.credit(*match.span("credit"))) is not None:
                self.add(named, "credit", _shown(text, *match.span()))
                return
        bare = _BARE.fullmatch(text, last, line.end)
        if bare is not None and (named := self.credit(*bare.span("credit"))) and self._marked_or_agencies(named):
            self.add(named, "credit", _shown(text, *bare.span()))

    def _marked_or_agencies(self, named: _Named) -> bool:
        """Whether a bare last sentence is a credit: "with" one, several names, or news agencies only."""
        return named.partial or len(named.spans) > 1 or all(self.agencies.is_agency(e) for *_, e in named.spans)

    def copyright(self, line: Line) -> bool:
        """A copyright notice of a news agency ending the line (not a photo's); whether one was found."""
        text = self.text
        match = _COPYRIGHT.search(text, line.start, line.end)
        if match is None or _PHOTO.search(text, line.start, line.end):
            return False
        before = text[line.start : match.start()].rstrip()
        if before and before[-1] not in ".!?»”\"')":
            return False
        named = self.leading_name(*match.span("credit"))
        if named is None or "|" in match.group("credit") or not self._marked_or_agencies(named):
            return False  # a site's own notice (a broadcaster's, a newspaper's, with its links) credits no agency
        self.add(named, "copyright", _shown(text, match.start(), line.end))
        return True

    def byline(self, line: Line) -> None:
        """A byline crediting an agency's wire: ``By CNN Wire``."""
        match = _BYLINE_WIRE.fullmatch(self.text, line.start, line.end)
        if match is not None:
            named = self.credit(match.start("credit"), match.end()) or self.credit(*match.span("credit"))
            if named is not None:
                self.add(named, "credit", (line.start, line.end))


def _trimmed(text: str, start: int, end: int, strip: str = " \t/(.,:;)") -> tuple[int, int]:
    """The span without the given characters at either end (a name's: spaces, slashes, brackets, punctuation)."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _shown(text: str, start: int, end: int) -> tuple[int, int]:
    """A shape's span as evidence: white space and a closing full stop left out."""
    return _trimmed(text, start, end, " \t.")


def _split_and(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """A credit part split at "and" (in the agencies' languages): ``AFP and Reuters``."""
    position = start
    for match in _AND.finditer(text, start, end):
        yield position, match.start()
        position = match.end()
    yield position, end


@attrs.frozen(slots=True)
class WireCredits:
    """The datelines and credits found in an article, to merge into its mentions and their cues."""

    text: str
    credits: tuple[WireCredit, ...]

    def merged(self, raws: Sequence[NameMatch]) -> list[NameMatch]:
        """The mentions with each credited agency's name in place of any mention overlapping it, in text order."""
        if not self.credits:
            return list(raws)
        kept = [raw for raw in raws if not any(c.start < raw.end and raw.start < c.end for c in self.credits)]
        kept.extend(NameMatch(c.start, c.end, c.entry) for c in {(c.start, c.end): c for c in self.credits}.values())
        return sorted(kept, key=lambda raw: (raw.start, raw.end))

    def cues(self, raws: Sequence[NameMatch]) -> dict[int, str]:
        """Index into the merged mentions -> the dateline or credit cue of each credited agency."""
        by_span = {(credit.start, credit.end): credit.cue for credit in self.credits}
        return {
            number: by_span[raw.start, raw.end] for number, raw in enumerate(raws) if (raw.start, raw.end) in by_span
        }

    def records(self, mentions: Iterable[Mention]) -> list[Mention]:
        """The mention records, each credited agency's with the dateline or credit as its evidence and certainty."""
        by_span = {(credit.start, credit.end): credit for credit in self.credits}
        result = []
        for mention in mentions:
            credit = by_span.get((mention.start, mention.end))
            if credit is not None:
                start, end = credit.evidence
                mention = attrs.evolve(
                    mention, sentence=self.text[start:end], sentence_start=start, certainty=credit.certainty
                )
            result.append(mention)
        return result


def find_wire(
    registry: Registry,
    spans: Spans,
    paragraphs: Sequence[Sequence[Line]],
    when: PartialDate | None,
    *,
    openings: Sequence[int] = (),
    byline_index: int = -1,
    cut_index: int = -1,
    staff: bool = False,
) -> WireCredits:
    """The datelines opening the body and the credits ending it.

    Args:
        registry: The outlets agencies are looked up in.
        spans: The article's text, lines and sentences.
        paragraphs: The body's paragraphs (header lines and boilerplate left out).
        when: The article's date, to prefer names in use then.
        openings: Other line numbers a dateline may open (the title line of plain text, whose first line it is).
        byline_index: The byline's line number (-1 if none), for ``By CNN Wire``.
        cut_index: The first line of site boilerplate, read for a copyright notice when after the body.
        staff: Whether the article has a staff byline (a credit "with" an agency then makes it partly theirs).

    Returns:
        The credits found.
    """
    reader = _Reader(spans, _agencies(registry), when, staff)
    lines = spans.lines
    first_lines = [lines[number] for number in openings if 0 <= number < len(lines)]
    for paragraph in paragraphs[:_MAX_OPENINGS]:  # up to the first paragraph of text: past a dek, captions, links
        first_lines.append(paragraph[0])
        if paragraph[-1].end - paragraph[0].start > _SHORT_OPENING:
            break
    for line in first_lines:
        reader.opening(line)
        if reader.found:
            break
    if 0 <= byline_index < len(lines):
        reader.byline(lines[byline_index])
    if paragraphs:
        reader.closing(paragraphs[-1][-1])
    if paragraphs and 0 <= cut_index < len(lines) and lines[cut_index].start > paragraphs[0][-1].end:
        following = lines[cut_index + 1 : cut_index + 2]
        if not any(line.end - line.start > _SHORT_OPENING for line in following):  # the story goes on: a caption's
            reader.copyright(lines[cut_index])
    return WireCredits(spans.text, tuple(reader.found))
