"""What every importer shares: result and report records, the typed error, reading inputs row by row, hosts.

Importers read a file (or any iterable of text lines), never the network, and
write nothing: :func:`~provenance.importers.write_overlay` writes, and only
into the folder its caller names.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

import attrs

from provenance.dates import Truth
from provenance.domains import candidate_hosts, normalize_host
from provenance.errors import InvalidURLError, ProvenanceError
from provenance.layout import Record
from provenance.model import DomainClaim, Outlet
from provenance.ratings import Rater
from provenance.registry import Registry

__all__ = [
    "ImportFileError",
    "ImportReport",
    "ImportResult",
    "Input",
    "SkippedRow",
]

Input = str | os.PathLike[str] | Iterable[str]
"""What an importer reads: a file path, or the lines of a file (any iterable of strings)."""

_TEXT_LIMIT = 200

Item = TypeVar("Item")
Value = TypeVar("Value")


class ImportFileError(ProvenanceError):
    """A file an importer cannot read as a whole: missing, undecodable, wrong header, not JSON.

    A single bad row never raises this: it becomes a :class:`SkippedRow` and
    the import goes on.

    Attributes:
        file: The file, as the caller named it (``"<lines>"`` for lines given in code).
        line: The line the problem was found on, or ``None``.
        reason: What is wrong.
    """

    def __init__(self, file: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = file if line is None else f"{file}, line {line}"
        super().__init__(f"{where}: {_one_line(reason)}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def clip(text: str, limit: int = _TEXT_LIMIT) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = _one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@attrs.frozen(slots=True)
class SkippedRow:
    """One input row that was not imported (or one part of a row that was dropped), and why."""

    line: int
    """The line of the input the row starts on (1 is the first line of the file)."""
    reason: str
    """Why it was not imported."""
    text: str
    """The row as read, on one line, cut to 200 characters."""

    def describe(self) -> str:
        """``line 12: no URL: Asia,Afghanistan,...`` on one line."""
        return f"line {self.line}: {self.reason}: {self.text}"


@attrs.frozen(slots=True)
class ImportReport:
    """What an import read, imported and skipped. The counts always add up.

    ``rows_read == rows_imported + rows_skipped``, and every skipped row has
    an entry in :attr:`skipped` saying which line and why. A row counts as
    imported when it contributed at least one record (or merged into one, for
    rows that repeat a host). Parts of imported rows that were dropped (a
    domain with a path, a statement whose target is unknown) are listed in
    :attr:`notes`. Per-value accounting (for files with several ratings per
    row) is in :attr:`values`.
    """

    format: str
    """The importer's format name (``state-media-matrix``, ...)."""
    file: str
    """The file read, as the caller named it."""
    rows_read: int
    """Data rows read (the header and blank lines are not rows)."""
    rows_imported: int
    """Rows that contributed to the imported records."""
    rows_skipped: int
    """Rows that contributed nothing; each is in :attr:`skipped`."""
    skipped: tuple[SkippedRow, ...] = ()
    """Each skipped row, in file order."""
    notes: tuple[SkippedRow, ...] = ()
    """Parts of imported rows that were dropped or changed, and why."""
    values: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    """For files with several values per row: how many values were ``read``
    and what became of them (``imported``, ``empty``, ``imputed``...), over the
    imported rows. The outcomes add up to ``read``."""

    def __attrs_post_init__(self) -> None:
        if self.rows_read != self.rows_imported + self.rows_skipped:
            raise AssertionError(f"import report does not add up: {self!r}")
        if self.rows_skipped != len(self.skipped):
            raise AssertionError(f"import report lists {len(self.skipped)} skips: {self!r}")
        if self.values and self.values.get("read", 0) != sum(
            count for key, count in self.values.items() if key != "read"
        ):
            raise AssertionError(f"import report values do not add up: {dict(self.values)}")

    def summary(self) -> str:
        """One line: ``sources.jsonl: 505 rows read, 497 imported, 8 skipped``."""
        text = f"{self.file}: {self.rows_read} rows read, {self.rows_imported} imported, {self.rows_skipped} skipped"
        if self.notes:
            text += f", {len(self.notes)} notes"
        return text


@attrs.frozen(slots=True)
class ImportResult:
    """What an importer returns: the new records, the base registry extended with them, a report."""

    records: tuple[Record, ...]
    """Only the imported records, in a deterministic order; write them with
    :func:`~provenance.importers.write_overlay`."""
    registry: Registry
    """The base registry (or an empty one) extended with :attr:`records`, validated."""
    report: ImportReport
    """What was read, imported and skipped."""


class RowSkip(Exception):
    """Raised inside an importer when the current row cannot be imported; never escapes."""


@attrs.define
class Tally:
    """Counts rows and collects skips and notes while an importer runs."""

    format: str
    file: str
    read: int = 0
    imported: int = 0
    skipped: list[SkippedRow] = attrs.field(factory=list)
    notes: list[SkippedRow] = attrs.field(factory=list)
    values: dict[str, int] = attrs.field(factory=dict)

    def skip(self, line: int, reason: str, text: str) -> None:
        """Record a skipped row."""
        self.skipped.append(SkippedRow(line, reason, clip(text)))

    def note(self, line: int, reason: str, text: str) -> None:
        """Record a part of an imported row that was dropped or changed."""
        self.notes.append(SkippedRow(line, reason, clip(text)))

    def count(self, key: str, number: int = 1) -> None:
        """Add to a per-value count."""
        self.values[key] = self.values.get(key, 0) + number

    def report(self) -> ImportReport:
        """The finished report."""
        return ImportReport(
            format=self.format,
            file=self.file,
            rows_read=self.read,
            rows_imported=self.imported,
            rows_skipped=len(self.skipped),
            skipped=tuple(sorted(self.skipped, key=lambda s: s.line)),
            notes=tuple(sorted(self.notes, key=lambda s: s.line)),
            values=dict(self.values),
        )


@attrs.frozen(slots=True)
class Row(Generic[Item]):
    """One row of an input: where it starts, its text for skip entries, and what the importer reads."""

    line: int
    """The line the row starts on."""
    text: str
    """The row as read (a CSV row written back on one line, a JSON line)."""
    item: Item
    """What the importer reads from the row: CSV cells, a parsed JSON value."""


def accepted(
    tally: Tally, rows: Iterable[Row[Item]], read: Callable[[Row[Item]], Value]
) -> Iterator[tuple[Row[Item], Value]]:
    """Each row that ``read`` accepts, with what it read; every row is counted, every other one skipped.

    ``read`` rejects a row by raising :class:`RowSkip`; the row then becomes a
    skip entry of ``tally`` with the reason, and the import goes on.
    """
    for row in rows:
        tally.read += 1
        try:
            value = read(row)
        except RowSkip as skip:
            tally.skip(row.line, str(skip), row.text)
            continue
        yield row, value


# -- reading ------------------------------------------------------------------


def input_name(source: Input) -> str:
    """What to call an input in messages: its path, or ``<lines>``."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return "<lines>"


@contextmanager
def open_lines(source: Input) -> Iterator[tuple[str, Iterator[str]]]:
    """Open an input and yield its name and an iterator of its lines.

    Files are read as UTF-8 (a byte-order mark is ignored), lazily, so large
    files stream.

    Raises:
        ImportFileError: If the file cannot be opened, or a line is not UTF-8.
    """
    name = input_name(source)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError(name, f"cannot open: {error.strerror or error}") from None
        with handle:
            yield name, _not_empty(_decoded(handle, name), name)
    else:
        if isinstance(source, bytes | bytearray):
            raise ImportFileError(name, "give lines of text (str), not bytes")
        yield name, _not_empty(_checked(iter(source), name), name)


def _not_empty(lines: Iterator[str], name: str) -> Iterator[str]:
    """The lines; at their end, an error if none had anything but white space (an empty input imports nothing)."""
    blank = True
    for line in lines:
        blank = blank and not line.strip()
        yield line
    if blank:
        raise ImportFileError(name, "empty: nothing to import", 1)


def _decoded(handle: Iterable[bytes], name: str) -> Iterator[str]:
    number = 0
    try:
        for raw in handle:
            number += 1
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ImportFileError(name, f"not UTF-8 text ({error.reason})", number) from None
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
            yield line
    except OSError as error:
        raise ImportFileError(name, f"cannot read: {error}", number + 1) from None


def _checked(lines: Iterator[str], name: str) -> Iterator[str]:
    for number, line in enumerate(lines, 1):
        if not isinstance(line, str):
            raise ImportFileError(name, f"expected lines of text, got {type(line).__name__}", number)
        yield line


def has_lone_surrogate(text: str, value: object) -> bool:
    r"""Whether a JSON value read from ``text`` holds an unpaired surrogate (``\ud800``-``\udfff``): UTF-8 has none."""
    if "\\ud" not in text.lower():
        return False
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def csv_rows(name: str, lines: Iterator[str]) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV text with the line each starts on; blank lines are left out.

    Raises:
        ImportFileError: If the CSV module cannot parse the text at all.
    """
    reader = csv.reader(lines, strict=False)
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(name, f"not readable as CSV: {error}", previous + 1) from None
        start, previous = previous + 1, reader.line_num
        if not row:
            continue
        yield start, row


def csv_text(row: Sequence[str]) -> str:
    """A row written back as one CSV line, for skip entries."""
    return ",".join(f'"{cell}"' if "," in cell or '"' in cell else cell for cell in row)


def read_header(name: str, rows: Iterator[tuple[int, list[str]]]) -> list[str]:
    """The header row, stripped, lower-cased.

    Raises:
        ImportFileError: If the file has no rows.
    """
    first = next(rows, None)
    if first is None:
        raise ImportFileError(name, "empty: expected a header row", 1)
    return [cell.strip().lower() for cell in first[1]]


@attrs.frozen(slots=True)
class CsvTable:
    """A CSV input once its header is read: the file's name, the header, each column's position, the rows."""

    name: str
    """The file, as the caller named it."""
    header: list[str]
    """The header row, stripped, lower-cased."""
    at: dict[str, int]
    """The position of each column, by lower-case name."""
    rows: Iterator[tuple[int, list[str]]]
    """The data rows still to read, each with the line it starts on."""

    def accepted(self, tally: Tally, read: Callable[[list[str]], Value]) -> Iterator[tuple[Row[list[str]], Value]]:
        """Each row with as many cells as the header that ``read`` accepts (see :func:`accepted`)."""

        def checked(row: Row[list[str]]) -> Value:
            if len(row.item) != len(self.header):
                raise RowSkip(f"expected {len(self.header)} fields, found {len(row.item)}")
            return read(row.item)

        return accepted(tally, (Row(line, csv_text(cells), cells) for line, cells in self.rows), checked)


@contextmanager
def csv_table(
    source: Input, tally: Tally, required: Iterable[str], allowed: Iterable[str] | None = None
) -> Iterator[CsvTable]:
    """Open a CSV input, read and check its header (see :func:`check_columns`), and name the file in ``tally``.

    Raises:
        ImportFileError: If the file cannot be read, is empty, or its header is wrong.
    """
    with open_lines(source) as (name, lines):
        tally.file = name
        rows = csv_rows(name, lines)
        header = read_header(name, rows)
        yield CsvTable(name, header, check_columns(name, header, required, allowed), rows)


# -- hosts and ids ------------------------------------------------------------

_INDEX_PAGE = re.compile(r"/(?:index|default|home)\.(?:html?|php|aspx?)", re.IGNORECASE)
_LOCALE_PATH = re.compile(
    r"/(?:[a-z]{2}(?:[-_][a-z]{2,4})?|english|russian|arabic|french|spanish|german|chinese"
    r"|korean|japanese|persian|farsi|turkish|portuguese|ukrainian|hindi|urdu)/?",
    re.IGNORECASE,
)


@attrs.frozen(slots=True)
class Host:
    """A host read from a URL or domain cell, and the path that came with it."""

    host: str
    path: str

    @property
    def path_matters(self) -> bool:
        """Whether the path narrows the address to part of a site (not ``/``, ``/en/``, an index page)."""
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("", "/"):
            return False
        return not (_INDEX_PAGE.fullmatch(path) or _LOCALE_PATH.fullmatch(path))


def read_host(text: str) -> Host:
    """The normalised host of a URL or domain cell, and its path.

    Raises:
        RowSkip: If no host can be read.
    """
    value = text.strip()
    try:
        host = normalize_host(value)
    except InvalidURLError as error:
        raise RowSkip(str(error)) from None
    rest = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", value)
    rest = rest[2:] if rest.startswith("//") else rest
    cut = min((rest.find(c) for c in "/?#" if c in rest), default=len(rest))
    return Host(host, rest[cut:])


def rated_host(domain: str) -> Host:
    """The host a rating of the (stripped) ``domain`` cell covers.

    Raises:
        RowSkip: If the cell is empty, has no host, or names part of a site.
    """
    if not domain:
        raise RowSkip("no domain")
    host = read_host(domain)
    if host.path_matters:
        raise RowSkip(f"rates part of a site ({domain}); a rating covers the whole host {host.host}")
    return host


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case kebab-case: ``'Radio Free Europe/Radio Liberty'`` -> ``'radio-free-europe-radio-liberty'``."""
    return _SLUG.sub("-", text.lower()).strip("-")


def base_or_empty(base: Registry | None) -> Registry:
    """The base registry, or an empty one."""
    return base if base is not None else Registry.from_records(())


def outlet_claiming(base: Registry | None, host: str) -> Outlet | None:
    """The outlet of ``base`` that claims ``host`` (or a domain above it) at any time."""
    if base is None:
        return None
    return base.outlet_for_url(host)


@attrs.frozen(slots=True)
class RatingTarget:
    """What a rating of a host names: the outlet of the base registry that claims the host, else the host."""

    outlet: str | None
    """The id of the outlet claiming the host, or ``None``."""
    host: str | None
    """The host, when no outlet claims it."""


def rating_target(base: Registry | None, host: str) -> RatingTarget:
    """What a rating of ``host`` names: the outlet of ``base`` claiming it, else the host itself."""
    outlet = outlet_claiming(base, host)
    return RatingTarget(outlet.id, None) if outlet else RatingTarget(None, host)


def raters_to_emit(base: Registry | None, raters: Iterable[Rater], name: str) -> list[Rater]:
    """The raters an import must add: those the base registry does not already define.

    Raises:
        ImportFileError: If the base defines a rater with the same id but
            without an identical scale for each scale the import uses.
    """
    emitted = []
    for rater in raters:
        existing = base.rater(rater.id) if base is not None else None
        if existing is None:
            emitted.append(rater)
        elif existing != rater and any(existing.scale(s.id) != s for s in rater.scales):
            raise ImportFileError(
                name,
                f"the base registry already defines rater {rater.id!r} with other scales; "
                "import into a registry without it, or give the rater the same scales",
            )
    return emitted


def finish(tally: Tally, records: Sequence[Record], base: Registry | None, label: str) -> ImportResult:
    """Build the result: extend the base with the records, validated together.

    A claim on a host below another outlet's claim (of the records or the base,
    at times both may hold) is taken explicitly: it gets ``under`` that outlet.
    """
    unique = tuple(dict.fromkeys(_with_under(records, base)))
    registry = base_or_empty(base).extended(unique, name=label)
    return ImportResult(unique, registry, tally.report())


def _with_under(records: Sequence[Record], base: Registry | None) -> list[Record]:
    """The records, each claim below another outlet's claim saying so (see ``docs/data-format.md``)."""
    own: dict[str, list[DomainClaim]] = {}
    for record in records:
        if isinstance(record, DomainClaim):
            own.setdefault(record.host, []).append(record)
    if not own:
        return list(records)

    def above(claim: DomainClaim) -> DomainClaim | None:
        for key in candidate_hosts(claim.host)[1:]:
            claims = [*own.get(key, ()), *(base.host_claims(key) if base is not None else ())]
            near = [other for other in claims if _together(other, claim)]
            if near:
                return next((other for other in near if other.outlet != claim.outlet), None)
        return None

    found: list[Record] = []
    for record in records:
        if isinstance(record, DomainClaim) and record.under is None:
            other = above(record)
            record = attrs.evolve(record, under=other.outlet) if other is not None else record
        found.append(record)
    return found


def _together(a: DomainClaim, b: DomainClaim) -> bool:
    """Whether two claims may hold on one day other than a hand-over day (as validation reads it)."""
    x, y = a.interval, b.interval
    touching = (x.end == y.start and y.start is not None) or (y.end == x.start and x.start is not None)
    return x.overlaps(y) is not Truth.NO and not touching


def check_columns(
    name: str, header: Sequence[str], required: Iterable[str], allowed: Iterable[str] | None = None
) -> dict[str, int]:
    """The position of each column, by lower-case name.

    Raises:
        ImportFileError: If a required column is missing, a column appears
            twice, or (with ``allowed``) a column is unknown.
    """
    positions: dict[str, int] = {}
    for index, column in enumerate(header):
        if column in positions:
            raise ImportFileError(name, f"column {column!r} appears twice in the header", 1)
        positions[column] = index
    missing = [column for column in required if column not in positions]
    if missing:
        raise ImportFileError(
            name,
            f"header lacks column(s) {', '.join(map(repr, missing))}; found {', '.join(header)}",
            1,
        )
    if allowed is not None:
        known = set(allowed)
        unknown = [column for column in header if column not in known]
        if unknown:
            raise ImportFileError(
                name,
                f"unknown column(s) {', '.join(map(repr, unknown))}; expected some of " + ", ".join(sorted(known)),
                1,
            )
    return positions
