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

from provenance.dates import PartialDate
from provenance.layout import Record
from provenance.model import Source
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry

from ._common import (
    Host,
    ImportResult,
    Input,
    RowSkip,
    Tally,
    finish,
    open_lines,
    outlet_claiming,
    raters_to_emit,
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


def _rater(source: Source) -> Rater:
    return Rater(
        id="wikipedia-perennial-sources",
        name="Wikipedia: Reliable sources/Perennial sources",
        scales=(RSP_SCALE,),
        methodology_url=RSP_PAGE,
        licence="CC BY-SA 4.0",
        sources=(source,),
    )


RSP_RATER = _rater(
    Source(
        RSP_DATASET_URL,
        "wiki-reliable-sources-parser: sources.jsonl",
        publisher="GitHub (audiodude)",
        accessed=RSP_ACCESSED,
        kind="reference",
    )
)
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


def _no_surrogates(line: str, value: Any) -> None:
    if "\\ud" not in line.lower():
        return
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise RowSkip("text holds an unpaired surrogate (\\ud800-\\udfff)") from None


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
    dataset = Source(
        RSP_DATASET_URL,
        "wiki-reliable-sources-parser: sources.jsonl",
        publisher="GitHub (audiodude)",
        accessed=accessed,
        kind="reference",
    )
    rater = _rater(dataset)
    ratings: list[Record] = []
    seen: set[Rating] = set()
    with open_lines(source) as (name, lines):
        tally.file = name
        for number, raw_line in enumerate(lines, 1):
            line = raw_line.strip()
            if not line:
                continue
            tally.read += 1
            try:
                try:
                    entry = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as error:
                    raise RowSkip(f"not valid JSON ({error})") from None
                if not isinstance(entry, dict):
                    raise RowSkip(f"expected a JSON object, got {type(entry).__name__}")
                _no_surrogates(line, entry)
                status = entry.get("status")
                if status == "m":
                    raise RowSkip("status 'm' (multiple): the list gives no single status")
                if status not in RSP_STATUSES:
                    raise RowSkip(f"unknown status {status!r}")
                hosts: list[Host] = []
                for item in _domains(entry):
                    try:
                        host = read_host(item)
                    except RowSkip as bad:
                        tally.note(number, f"domain {item!r} dropped: {bad}", line)
                        continue
                    if host.path_matters:
                        tally.note(
                            number,
                            f"domain {item!r} dropped: the entry rates only part of "
                            f"{host.host}, and a rating covers a whole host",
                            line,
                        )
                        continue
                    hosts.append(host)
                if not hosts:
                    raise RowSkip("lists no usable domain")
            except RowSkip as skip:
                tally.skip(number, str(skip), line)
                continue
            title = entry.get("id") if isinstance(entry.get("id"), str) else None
            entry_name = entry.get("name") if isinstance(entry.get("name"), str) else None
            shown = display_name(entry["alltext"]) if isinstance(entry.get("alltext"), str) else None
            label = shown or entry_name or title
            sources = [dataset]
            if title and title.strip():
                anchor = quote(title.strip().replace(" ", "_"), safe="()_-.,:'!~*")
                sources.append(
                    Source(
                        f"{RSP_PAGE}#{anchor}",
                        f"Reliable sources/Perennial sources: {title.strip()}",
                        publisher="Wikipedia",
                        accessed=accessed,
                        kind="reference",
                    )
                )
            raw = RSP_STATUSES[status]
            for rated in dict.fromkeys(h.host for h in hosts):
                outlet = outlet_claiming(base, rated)
                rating = Rating(
                    rater=rater.id,
                    scale=RSP_SCALE.id,
                    axis="reliability",
                    raw=raw,
                    normalized=RSP_SCALE.normalize(raw),
                    outlet=outlet.id if outlet else None,
                    host=None if outlet else rated,
                    name=label,
                    as_of=_as_of(entry),
                    via=VIA,
                    sources=tuple(sources),
                )
                if rating not in seen:
                    seen.add(rating)
                    ratings.append(rating)
            tally.imported += 1
    return finish(tally, [*raters_to_emit(base, [rater], name), *ratings], base, FORMAT)
