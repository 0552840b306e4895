"""Wikipedia's perennial sources list, as parsed to JSON lines: a reliability status per domain.

One JSON object per line, as written by wiki-reliable-sources-parser: the
entry's ``status`` (``gr``, ``nc``, ``gu``, ``d``, ``m``), its wikitext row
``alltext`` with every domain in ``{{WP:RSPUSES|...}}`` templates and the year
of the last discussion in ``{{WP:RSPLAST|YYYY}}``. Each domain becomes one
:class:`~provenance.ratings.Rating` by the rater
``wikipedia-perennial-sources``. See ``docs/importers.md``.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import attrs

from provenance.dates import PartialDate
from provenance.model import Source
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry

from ._common import (
    Host,
    ImportResult,
    Input,
    Row,
    RowSkip,
    Tally,
    accepted,
    finish,
    has_lone_surrogate,
    open_lines,
    raters_to_emit,
    rating_target,
    read_host,
)

__all__ = [
    "RSP_ACCESSED",
    "RSP_RATER",
    "RSP_SCALE",
    "RSP_STATUSES",
    "import_perennial_sources",
]

FORMAT = "perennial-sources"
RSP_ACCESSED = PartialDate(2026, 4, 19)
"""Default access date: the commit date of the parsed list (audiodude/wiki-reliable-sources-parser @ ae050a6c0741)."""
RSP_PAGE = "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources"
RSP_DATASET_URL = "https://github.com/audiodude/wiki-reliable-sources-parser"
VIA = "wiki-reliable-sources-parser"

RSP_STATUSES = {
    "d": "deprecated",
    "gu": "generally unreliable",
    "nc": "no consensus",
    "gr": "generally reliable",
}
"""Status codes of the list and the category each stands for."""
RSP_SCALE = Scale(
    "rsp-status",
    axis="reliability",
    kind="ordinal",
    categories=("deprecated", "generally unreliable", "no consensus", "generally reliable"),
)
"""The list's statuses, least reliable first."""

_USES = re.compile(r"\{\{\s*WP:RSPUSES\s*\|([^{}]*)\}\}", re.IGNORECASE)
_LAST = re.compile(r"\{\{\s*WP:RSPLAST\s*\|\s*(\d{4})\b", re.IGNORECASE)
_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
_DASH_TEMPLATES = {"snd": " – ", "ndash": "–", "spaced ndash": " – ", "mdash": "—"}


def _dataset(accessed: PartialDate) -> Source:
    return Source(
        RSP_DATASET_URL,
        "wiki-reliable-sources-parser: sources.jsonl",
        publisher="GitHub (audiodude)",
        accessed=accessed,
        kind="reference",
    )


def _rater(source: Source) -> Rater:
    return Rater(
        id="wikipedia-perennial-sources",
        name="Wikipedia: Reliable sources/Perennial sources",
        scales=(RSP_SCALE,),
        methodology_url=RSP_PAGE,
        licence="CC BY-SA 4.0",
        sources=(source,),
    )


RSP_RATER = _rater(_dataset(RSP_ACCESSED))
"""The rater record, with its source at the default access date."""


def display_name(alltext: str) -> str | None:
    r"""The source's name as the list's first cell shows it, without wiki markup.

    >>> display_name("|- id=x\n| ''[[Polygon (website)|Polygon]]'' (May 2025{{snd}}present) "
    ...              "{{WP:RSPSHORTCUT|WP:POLYGON}}\n| {{WP:RSPSTATUS|m}}")
    'Polygon (May 2025 – present)'
    """
    lines = alltext.split("\n")
    if len(lines) < 2:
        return None
    cell = lines[1].strip()
    cell = cell.lstrip("|").strip()
    cell = re.sub(r'^data-sort-value="[^"]*"\s*\|', "", cell).lstrip("|").strip()
    previous = None
    while previous != cell:
        previous = cell
        cell = _TEMPLATE.sub(lambda m: _DASH_TEMPLATES.get(m.group(1).strip().lower(), " "), cell)
    cell = re.sub(r"<small>.*?</small>", " ", cell, flags=re.DOTALL)
    cell = re.sub(r"<span[^>]*>.*?</span>", " ", cell, flags=re.DOTALL)
    cell = re.sub(r"<[^>]+>", " ", cell)
    cell = _LINK.sub(lambda m: m.group(1), cell).replace("'''", "").replace("''", "")
    cell = re.sub(r"\s+", " ", cell).strip()
    cell = re.sub(r"\s+([)\],])", r"\1", cell)
    return cell or None


def _domains(entry: dict[str, Any]) -> list[str]:
    alltext = entry.get("alltext")
    items: list[str] = []
    if isinstance(alltext, str):
        for params in _USES.findall(alltext):
            items.extend(part.strip() for part in params.split("|"))
    if not items and isinstance(entry.get("domain"), str):
        items.append(entry["domain"])
    return [item for item in items if item and "=" not in item]


def _as_of(entry: dict[str, Any]) -> PartialDate | None:
    alltext = entry.get("alltext")
    match = _LAST.search(alltext) if isinstance(alltext, str) else None
    year = match.group(1) if match else entry.get("rsp_last")
    if isinstance(year, str) and re.fullmatch(r"\d{4}", year) and int(year) >= 1:
        return PartialDate(int(year))
    return None


def _entry(line: str) -> dict[str, Any]:
    """The JSON object of a line, with a status the list gives.

    Raises:
        RowSkip: If the line is not a JSON object, holds an unpaired surrogate, or has no single known status.
    """
    try:
        entry = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        raise RowSkip(f"not valid JSON ({error})") from None
    if not isinstance(entry, dict):
        raise RowSkip(f"expected a JSON object, got {type(entry).__name__}")
    if has_lone_surrogate(line, entry):
        raise RowSkip("text holds an unpaired surrogate (\\ud800-\\udfff)")
    status = entry.get("status")
    if status == "m":
        raise RowSkip("status 'm' (multiple): the list gives no single status")
    if status not in RSP_STATUSES:
        raise RowSkip(f"unknown status {status!r}")
    return entry


def _string(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) else None


def _label(entry: dict[str, Any]) -> str | None:
    """What the ratings call the source: the list's first cell, else the entry's name, else its id."""
    alltext = _string(entry, "alltext")
    shown = display_name(alltext) if alltext is not None else None
    return shown or _string(entry, "name") or _string(entry, "id")


@attrs.frozen(slots=True)
class _EntryReader:
    """Reads the entries of the list into ratings by one rater, against the base registry."""

    base: Registry | None
    dataset: Source
    tally: Tally

    def read(self, row: Row[None]) -> tuple[dict[str, Any], list[Host]]:
        """The entry of a line and the hosts it rates; each domain it drops is noted.

        Raises:
            RowSkip: If the line is not a usable entry, or lists no usable domain.
        """
        entry = _entry(row.text)
        hosts: list[Host] = []
        for item in _domains(entry):
            host = self._host(row, item)
            if host is not None:
                hosts.append(host)
        if not hosts:
            raise RowSkip("lists no usable domain")
        return entry, hosts

    def _host(self, row: Row[None], item: str) -> Host | None:
        try:
            host = read_host(item)
        except RowSkip as bad:
            self.tally.note(row.line, f"domain {item!r} dropped: {bad}", row.text)
            return None
        if host.path_matters:
            self.tally.note(
                row.line,
                f"domain {item!r} dropped: the entry rates only part of {host.host}, and a rating covers a whole host",
                row.text,
            )
            return None
        return host

    def sources(self, entry: dict[str, Any]) -> tuple[Source, ...]:
        """The data set, and the entry's section of the list when the entry names it."""
        title = _string(entry, "id")
        if not (title and title.strip()):
            return (self.dataset,)
        anchor = quote(title.strip().replace(" ", "_"), safe="()_-.,:'!~*")
        section = Source(
            f"{RSP_PAGE}#{anchor}",
            f"Reliable sources/Perennial sources: {title.strip()}",
            publisher="Wikipedia",
            accessed=self.dataset.accessed,
            kind="reference",
        )
        return (self.dataset, section)

    def ratings(self, entry: dict[str, Any], hosts: list[Host]) -> list[Rating]:
        """One rating per host an entry lists."""
        raw = RSP_STATUSES[entry["status"]]
        label, as_of, sources = _label(entry), _as_of(entry), self.sources(entry)
        ratings = []
        for rated in dict.fromkeys(h.host for h in hosts):
            target = rating_target(self.base, rated)
            ratings.append(
                Rating(
                    rater=RSP_RATER.id,
                    scale=RSP_SCALE.id,
                    axis="reliability",
                    raw=raw,
                    normalized=RSP_SCALE.normalize(raw),
                    outlet=target.outlet,
                    host=target.host,
                    name=label,
                    as_of=as_of,
                    via=VIA,
                    sources=sources,
                )
            )
        return ratings


def import_perennial_sources(
    source: Input, base: Registry | None = None, *, accessed: PartialDate = RSP_ACCESSED
) -> ImportResult:
    r"""Import the perennial-sources JSON lines as reliability ratings, one per listed domain.

    Args:
        source: The JSONL file, or its lines.
        base: Registry whose outlets claim the rated hosts (ratings then name
            the outlet); ``None`` to rate hosts only.
        accessed: When the data set was obtained; by default the commit date
            of the parsed list, 2026-04-19.

    Returns:
        The rater and the ratings, the extended registry, and the report.

    Raises:
        ImportFileError: If the file cannot be read.
        RegistryError: If the base registry defines the rater differently.

    >>> line = json.dumps({"id": "Sputnik", "name": "Sputnik (news agency)", "status": "d",
    ...     "alltext": "|-\n| [[Sputnik (news agency)|Sputnik]]\n| {{WP:RSPLAST|2022}}\n"
    ...                "| {{WP:RSPUSES|sputniknews.com|sputnikglobe.com}}"})
    >>> result = import_perennial_sources([line])
    >>> [(r.host, r.raw, str(r.as_of)) for r in result.registry.ratings(host="sputnikglobe.com")]
    [('sputnikglobe.com', 'deprecated', '2022')]
    """
    tally = Tally(FORMAT, "<lines>")
    dataset = _dataset(accessed)
    reader = _EntryReader(base, dataset, tally)
    ratings: dict[Rating, None] = {}
    with open_lines(source) as (name, lines):
        tally.file = name
        stripped = ((number, line.strip()) for number, line in enumerate(lines, 1))
        rows = (Row(number, line, None) for number, line in stripped if line)  # the text is what is read
        for _, (entry, hosts) in accepted(tally, rows, reader.read):
            ratings.update(dict.fromkeys(reader.ratings(entry, hosts)))
            tally.imported += 1
    return finish(tally, [*raters_to_emit(base, [_rater(dataset)], name), *ratings], base, FORMAT)
