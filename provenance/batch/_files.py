"""Label CSV and JSON Lines files, streaming: :func:`label_file` and its summary."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

import attrs

from provenance._outputs import replacing_text, same_file
from provenance.batch._csv_rows import CsvRows
from provenance.batch._json_rows import JsonRows, bad_line, jsonl_line
from provenance.batch._labeller import Labeller, check_bad_dates, labeller_for
from provenance.batch._results import (
    ADDED_COLUMNS,
    COMPACT_COLUMNS,
    BatchInputError,
    BatchResult,
    OutputFields,
    clip,
)
from provenance.policies import Policy
from provenance.registry import Registry

_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_DIALECTS: dict[str, type[csv.Dialect]] = {".tsv": csv.excel_tab}
_PROGRESS_EVERY = 4096  # rows between progress updates (a power of two)


@attrs.define(slots=True)
class BatchSummary:
    """What a batch run met.

    ``rows == labelled + unknown + bad``.
    """

    rows: int = 0
    """Rows read."""
    labelled: int = 0
    """Rows whose host an outlet claims at the date."""
    unknown: int = 0
    """Readable rows whose host no outlet claims (it may still carry host ratings)."""
    bad: int = 0
    """Rows whose URL or date could not be read."""
    seconds: float = 0.0
    """Wall-clock time."""
    problems: list[str] = attrs.field(factory=list)
    """The first bad rows, ``"line N: message"`` (and rows labelled without their unreadable date)."""
    undated: int = 0
    """Rows labelled as undated because their date could not be read (``bad_dates="unknown"``);
    they are counted in ``labelled`` or ``unknown`` too."""

    def describe(self) -> str:
        """One line: ``1,000 rows, 250 labelled, 740 unknown hosts, 10 bad rows in 1.2 s``."""
        rate = f" ({self.rows / self.seconds:,.0f} rows/s)" if self.seconds > 0 else ""
        undated = f", {self.undated:,} labelled without their unreadable date" if self.undated else ""
        return (
            f"{self.rows:,} rows, {self.labelled:,} labelled, {self.unknown:,} unknown hosts, "
            f"{self.bad:,} bad rows{undated} in {self.seconds:.1f} s{rate}"
        )


def label_file(
    source: str,
    target: str,
    *,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    format: str | None = None,
    progress: TextIO | None = None,
    max_problems: int = 20,
    compact: bool = False,
    dayfirst: bool | None = None,
    bad_dates: str = "error",
) -> BatchSummary:
    """Label every row of a CSV or JSON Lines file into a new file, streaming.

    Output rows keep the input's columns (or keys) and add ``outlet_id``,
    ``outlet_name``, ``labels`` and ``error``; CSV output also has
    ``labels_json``. In CSV ``labels`` is compact (``state-media=SC;sanctioned=EU``,
    see :func:`~provenance.batch.compact_labels`); in JSON Lines it is the full list of labels
    in JSON form. An empty (or missing, or ``null``) date means the date is
    unknown. Bad rows are written with empty labels and their ``error``, and
    the first ``max_problems`` are listed in the summary with their line
    numbers. With ``compact``, the labels are only written compact (CSV
    loses ``labels_json``; JSON Lines gets the compact text as ``labels``):
    files several times smaller, written several times faster, without the
    explanations and sources.

    A numeric date that could be day-first or month-first (``10.11.2014``)
    makes a bad row unless ``dayfirst`` gives the order. With
    ``bad_dates="unknown"``, a row whose URL can be read but not its date is
    labelled as undated (as with an empty date), written without an error,
    listed among the problems and counted in :attr:`BatchSummary.undated`.

    Every output row lines up with its input row, under the right headers.
    A CSV row shorter than the header is padded with empty cells; a longer
    one is cut to it when its extra fields are empty, and is otherwise a bad
    row (written with its first cells, not labelled); a row the csv module
    cannot read (a field over :func:`csv.field_size_limit`) is a bad row
    written with empty cells; blank lines are skipped. A JSON Lines line that
    is not a JSON object, holds ``NaN``, ``Infinity``, a number too large to
    write back, an escaped lone surrogate, or a key the output adds is a bad
    row written as ``{"line": N, "error": "..."}``. The summary's messages
    quote at most a few hundred characters of input; the ``error`` cells keep
    the whole message.

    A file output is written to a temporary file beside it, which replaces
    it only when complete: after an error, ``KeyboardInterrupt`` or a kill,
    an old output is left as it was.

    Args:
        source: Input path, or ``-`` for standard input.
        target: Output path, or ``-`` for standard output.
        url_column: The column (key) holding URLs.
        date_column: The column holding dates, or ``None`` to label without dates.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        format: ``csv`` or ``jsonl``; default: from the input's extension.
        progress: Where to show progress (a terminal), or ``None``.
        max_problems: How many bad rows to list in the summary.
        compact: Write only the compact labels.
        dayfirst: ``True`` to read numeric dates day-first, ``False`` month-first,
            ``None`` to refuse those that could be either.
        bad_dates: ``"error"`` (a bad row) or ``"unknown"`` (labelled as undated):
            what a row whose date cannot be read becomes.

    Returns:
        The counts.

    Raises:
        BatchInputError: If the format is unknown, a column is missing, the
            input already has a column the output adds (in JSON Lines: its
            first object has such a key), or the output is the input's file
            (also through a link).
        UnknownPolicyError: If the policy name is unknown.
        OSError: If a file cannot be read or written.
        ValueError: If ``bad_dates`` is neither ``"error"`` nor ``"unknown"``.
    """
    check_bad_dates(bad_dates)
    chosen = _infer_format(source if source != "-" else target, format)
    if _same_file(source, target):
        raise BatchInputError(f"the output {clip(target, 120)!r} is the input: write the labelled rows to another file")
    labeller = labeller_for(registry, policy)
    started = time.monotonic()
    summary = BatchSummary()
    with _open_text(source, "r") as reader:
        run = _Run(labeller, summary, max_problems, compact, reader, _Progress(progress, _size(source, progress)))
        run.dayfirst, run.bad_dates = dayfirst, bad_dates
        try:
            with _open_text(target, "w") as writer:
                if chosen == "csv":
                    _label_csv(
                        run, writer, url_column, date_column, _DIALECTS.get(Path(source).suffix.lower(), csv.excel)
                    )
                else:
                    _label_jsonl(run, writer, url_column, date_column)
        finally:
            run.meter.close()
    summary.seconds = time.monotonic() - started
    return summary


def _infer_format(path: str, format: str | None) -> str:
    if format is not None:
        if format not in ("csv", "jsonl"):
            raise BatchInputError(f"unknown format {format!r}: expected csv or jsonl")
        return format
    found = _FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise BatchInputError(f"cannot tell the format of {path!r} from its extension: pass --format csv or jsonl")
    return found


def _same_file(source: str, target: str) -> bool:
    """Whether the output names the input's file (through links too; ``-`` as input: standard input's file)."""
    if target == "-":
        return False
    if source != "-":
        return same_file(source, target)
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(target))
    except (OSError, ValueError, AttributeError):
        return False


def _size(source: str, progress: TextIO | None) -> int | None:
    """The input's size in bytes, for the progress display (``None`` when not shown or not known)."""
    if progress is None or source == "-":
        return None
    try:
        return os.path.getsize(source)
    except OSError:
        return None


class _Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO | None, size: int | None) -> None:
        self.stream = stream
        self.size = size
        self.started = self.shown = time.monotonic()

    def update(self, rows: int, position: int | None) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.shown < 0.25:
            return
        self.shown = now
        rate = rows / max(now - self.started, 1e-9)
        share = f"{100 * position / self.size:5.1f}%  " if self.size and position is not None else ""
        self.stream.write(f"\r{share}{rows:,} rows  {rate:,.0f} rows/s")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@attrs.define(slots=True)
class _Run:
    """What one file run shares: the labeller, the counts, the output fields and the progress display."""

    labeller: Labeller
    summary: BatchSummary
    max_problems: int
    compact: bool
    reader: TextIO
    meter: _Progress
    fields: OutputFields = attrs.field(factory=OutputFields)
    dayfirst: bool | None = None
    bad_dates: str = "error"

    def label(self, pairs: Iterator[tuple[object, object]]) -> Iterator[BatchResult]:
        """The results of the rows' ``(url, date)`` pairs, dates read as the run says."""
        return self.labeller.label_many(pairs, dayfirst=self.dayfirst, bad_dates=self.bad_dates)

    def problem(self, line: int, message: object, bad: bool = True) -> None:
        """Count a bad row (or, not ``bad``, a row labelled undated) and list it among the first ``max_problems``."""
        if bad:
            self.summary.bad += 1
        else:
            self.summary.undated += 1
        if len(self.summary.problems) < self.max_problems:
            self.summary.problems.append(f"line {line}: {clip(str(message))}")

    def count(self, result: BatchResult, line: int) -> None:
        """Count a result (its row read from ``line``)."""
        if not result.ok:
            self.problem(line, result.error)
            return
        if result.date_error is not None:
            self.problem(line, f"labelled as undated: {result.date_error}", bad=False)
        if result.outlet is None:
            self.summary.unknown += 1
        else:
            self.summary.labelled += 1

    def written(self) -> None:
        """Note that a row was written; now and then, show the progress."""
        self.summary.rows += 1
        if not self.summary.rows % _PROGRESS_EVERY:
            self.meter.update(self.summary.rows, _raw_position(self.reader))


@contextlib.contextmanager
def _open_text(path: str, mode: str) -> Iterator[TextIO]:
    """A file as UTF-8 text (``-``: standard input or output, left open afterwards)."""
    encoding = "utf-8-sig" if mode == "r" else "utf-8"
    if path != "-" and mode == "w":
        with replacing_text(path, encoding=encoding, errors="surrogateescape", newline="") as written:
            yield written
        return
    if path != "-":
        with open(path, mode, encoding=encoding, errors="surrogateescape", newline="") as handle:
            yield cast(TextIO, handle)
        return
    stream = sys.stdin if mode == "r" else sys.stdout
    wrapper = io.TextIOWrapper(stream.buffer, encoding=encoding, errors="surrogateescape", newline="")
    try:
        yield cast(TextIO, wrapper)
        wrapper.flush()
    finally:
        with contextlib.suppress(OSError, ValueError):
            wrapper.detach()  # never close the process's own standard streams


def _raw_position(handle: TextIO) -> int | None:
    try:
        return handle.buffer.raw.tell()  # type: ignore[attr-defined, no-any-return]
    except (AttributeError, OSError, ValueError):
        return None


# -- writing ----------------------------------------------------------------------------------


def _label_csv(run: _Run, writer: TextIO, url_column: str, date_column: str | None, dialect: type[csv.Dialect]) -> None:
    source = CsvRows(run.reader, dialect, url_column, date_column)
    out = csv.writer(writer, dialect)
    out.writerow([*source.header, *(COMPACT_COLUMNS if run.compact else ADDED_COLUMNS)])
    for result in run.label(source.pairs()):
        if source.problem is None:
            run.count(result, source.line)
            error = "" if result.ok else str(result.error)
        else:
            run.problem(source.line, source.problem)
            error = source.problem
        added = run.fields.of(result)
        out.writerow([*source.current, *(added[:3] if run.compact else added), error])
        run.written()


def _label_jsonl(run: _Run, writer: TextIO, url_column: str, date_column: str | None) -> None:
    source = JsonRows(run.reader, url_column, date_column)
    for result in run.label(source.pairs()):
        if source.current is None:
            run.problem(source.line, source.problem)
            writer.write(bad_line(source.line, source.problem))
        else:
            run.count(result, source.line)
            writer.write(jsonl_line(source.current, result, run.fields.of(result), run.compact))
        run.written()
