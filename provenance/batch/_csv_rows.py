"""The rows of a CSV file for batch labelling: each fitted to the header or reported bad, never shifted.

A row with fewer fields than the header is padded with empty cells; a row
with more is cut to the header when the extra fields are all empty, and is
otherwise a bad row (its cells may be shifted: a comma in an unquoted
field), written with its first cells and not labelled. A blank line is no
row, as in JSON Lines. A row the csv module cannot read (a field over its
field limit) is a bad row written with empty cells, and reading goes on at
the next row: the rest of that record is skipped, following its quotes
across lines, so no part of it is read as rows of its own.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from typing import TextIO

from provenance.batch._results import ADDED_COLUMNS, BatchInputError, clip

__all__ = ["CsvRows"]

# Where a record stands after some of its characters: at a field's start, in an unquoted field, in a quoted
# field, or just after a quote inside a quoted field (its end, or the first of a doubled quote).
_START, _FIELD, _QUOTED, _QUOTE_IN_QUOTED = range(4)
_ORDINARY = {_START: _FIELD, _FIELD: _FIELD, _QUOTED: _QUOTED, _QUOTE_IN_QUOTED: _FIELD}
_QUOTE = {_START: _QUOTED, _FIELD: _FIELD, _QUOTED: _QUOTE_IN_QUOTED, _QUOTE_IN_QUOTED: _QUOTED}
_DELIMITER = {_START: _START, _FIELD: _START, _QUOTED: _QUOTED, _QUOTE_IN_QUOTED: _START}


class _Lines:
    """The physical lines of a file, counted, keeping those of the record being read."""

    def __init__(self, reader: TextIO) -> None:
        self.reader = reader
        self.count = 0
        self.record: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self.reader)
        self.count += 1
        self.record.append(line)
        return line


class CsvRows:
    """The ``(url, date)`` pairs of a CSV file's rows, keeping the current row, its line and what is wrong with it.

    For a bad row, :meth:`pairs` yields ``(None, None)`` and sets ``problem``;
    ``current`` is then the cells to write (empty when the row could not be
    read), always exactly as many as the header has.
    """

    def __init__(self, reader: TextIO, dialect: type[csv.Dialect], url_column: str, date_column: str | None) -> None:
        self.lines = _Lines(reader)
        self.rows = csv.reader(self.lines, dialect)
        self.specials = re.compile("[" + re.escape(f"{dialect.delimiter}{dialect.quotechar}") + "]")
        self.quote = dialect.quotechar
        self.header = self._header()
        self.width = len(self.header)
        self.url_index = _column(self.header, url_column, "URL")
        self.date_index = None if date_column is None else _column(self.header, date_column, "date")
        clash = [name for name in ADDED_COLUMNS if name in self.header]
        if clash:
            raise BatchInputError(
                f"the input already has column(s) {clip(', '.join(map(repr, clash)))}, which the output adds"
            )
        self.current: list[str] = []
        self.problem: str | None = None
        self.line = 1

    def _header(self) -> list[str]:
        try:
            return next(self.rows)
        except StopIteration:
            raise BatchInputError("the input is empty: expected a header row") from None
        except csv.Error as error:
            raise BatchInputError(f"line 1: {error}") from None

    def pairs(self) -> Iterator[tuple[object, object]]:
        """Each row's URL and date (``None`` for an empty cell), setting ``current``, ``problem`` and ``line``."""
        while True:
            self.line = self.lines.count + 1
            self.lines.record.clear()
            problem: str | None
            try:
                row = next(self.rows)
            except StopIteration:
                return
            except csv.Error as error:
                self._skip_rest_of_record()
                row, problem = [""] * self.width, f"{error}"
            else:
                if not row:
                    continue  # a blank line: no row
                row, problem = self._fit(row)
            self.current, self.problem = row, problem
            if problem is None:
                yield self._cell(self.url_index), self._cell(self.date_index).strip() or None
            else:
                yield None, None

    def _fit(self, row: list[str]) -> tuple[list[str], str | None]:
        """The row padded or cut to the header's width, and what is wrong with it (``None`` if nothing)."""
        missing = self.width - len(row)
        if missing >= 0:
            return (row + [""] * missing if missing else row), None
        if not any(row[self.width :]):
            return row[: self.width], None
        return row[: self.width], (
            f"{len(row)} fields where the header has {self.width}: not labelled, as the cells may be shifted"
        )

    def _skip_rest_of_record(self) -> None:
        """After a record the csv module refused, read on to its end (its last quoted field may span lines)."""
        inside = False
        for line in self.lines.record:
            inside = self._inside_quotes(line, inside)
        if not inside:
            return
        for line in self.lines:
            if not self._inside_quotes(line, True):
                return

    def _inside_quotes(self, line: str, inside: bool) -> bool:
        """Whether a record is inside a quoted field at the end of a physical line (``inside``: at its start).

        The csv module's reading of the excel dialects: a quote opens a quoted
        field only at a field's start, a doubled quote inside one is a quote,
        and a line break ends the record unless inside quotes.
        """
        state = _QUOTED if inside else _START
        position = 0
        for match in self.specials.finditer(line):
            if match.start() > position:
                state = _ORDINARY[state]
            state = (_QUOTE if match.group() == self.quote else _DELIMITER)[state]
            position = match.end()
        return state == _QUOTED  # what follows the last quote or delimiter never opens or closes quotes

    def _cell(self, index: int | None) -> str:
        return self.current[index] if index is not None else ""


def _column(header: Sequence[str], name: str, what: str) -> int:
    try:
        return list(header).index(name)
    except ValueError:
        known = clip(", ".join(repr(column) for column in header[:12]), 160)
        raise BatchInputError(f"no {what} column {clip(repr(name), 80)} in the header (columns: {known})") from None
