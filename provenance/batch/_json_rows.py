r"""The objects of a JSON Lines file for batch labelling, and each one's output line: always JSON, never overwritten.

A line is a bad row when it is not a JSON object, holds ``NaN`` or
``Infinity`` (not JSON) or a number too large to write back as JSON, is
nested too deeply to read, holds an escaped lone surrogate (``"\ud800"``:
not Unicode text, and it cannot be written as UTF-8), or has a key the output
adds (``outlet_id``, ``outlet_name``, ``labels``, ``error``): the first object
having one refuses the whole input, as the CSV header does. Blank lines are
no rows.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any, TextIO

from provenance.batch._results import COMPACT_COLUMNS, BatchInputError, BatchResult

__all__ = ["JsonRows", "bad_line", "jsonl_line"]

_ADDED_KEYS = COMPACT_COLUMNS  # the keys JSON Lines output adds
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # a surrogate written as an escape, perhaps paired


class _TooLarge(ValueError):
    pass


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _TooLarge(f"number {text} is too large to write back as JSON")
    return value


_DECODE = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite).decode


class JsonRows:
    """The ``(url, date)`` pairs of a JSON Lines file, keeping the current object (or why there is none)."""

    def __init__(self, reader: TextIO, url_column: str, date_column: str | None) -> None:
        self.reader = reader
        self.url_column = url_column
        self.date_column = date_column
        self.current: dict[str, Any] | None = None
        self.problem: str | None = None
        self.line = 0
        self.checked = False

    def pairs(self) -> Iterator[tuple[object, object]]:
        """Each object's URL and date; ``(None, None)`` for a bad row, its ``problem`` set."""
        for text in self.reader:
            self.line += 1
            if text.strip():
                self.current, self.problem = self._object(text)
                yield self._pair(self.current)

    def _object(self, text: str) -> tuple[dict[str, Any] | None, str | None]:
        current, problem = _read(text)
        if current is None:
            return None, problem
        clash = ", ".join(repr(key) for key in _ADDED_KEYS if key in current)
        if not self.checked:
            self.checked = True
            self._check_first(current, clash)
        if clash:
            return None, f"the object already has key(s) {clash}, which the output adds"
        return current, None

    def _check_first(self, current: dict[str, Any], clash: str) -> None:
        """The first object has the URL key and none the output adds, or the input is refused."""
        if self.url_column not in current:
            keys = ", ".join(current)[:200]
            raise BatchInputError(f"line {self.line}: no URL key {self.url_column[:80]!r} (keys: {keys})")
        if clash:
            raise BatchInputError(f"line {self.line}: the input already has key(s) {clash}, which the output adds")

    def _pair(self, current: dict[str, Any] | None) -> tuple[object, object]:
        if current is None:
            return None, None  # reported as a bad row by the writer
        at = None if self.date_column is None else current.get(self.date_column)
        if isinstance(at, str):
            at = at.strip() or None
        return current.get(self.url_column), at


def _read(text: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        value = _DECODE(text)
    except _TooLarge as error:
        return None, str(error)
    except ValueError as error:
        return None, f"not JSON ({error})"
    except RecursionError:
        return None, "not JSON (nested too deeply)"
    if not isinstance(value, dict):
        return None, f"not a JSON object but {type(value).__name__}"
    if _SURROGATE_ESCAPE.search(text) is not None:
        lone = _lone_surrogate(value, text)
        if lone is not None:
            return None, f"a lone surrogate {lone!r}, not Unicode text"
    return value, None


def _lone_surrogate(value: dict[str, Any], text: str) -> str | None:
    """A surrogate an escape put in the object's strings, if any (undecodable bytes of the line may be others)."""
    raw = set(_SURROGATE.findall(text))
    return next((char for char in _SURROGATE.findall(json.dumps(value, ensure_ascii=False)) if char not in raw), None)


def bad_line(line: int, problem: str | None) -> str:
    """The output line of a line that is no object to label: ``{"line": N, "error": "..."}``."""
    return json.dumps({"line": line, "error": problem}, ensure_ascii=False) + "\n"


def jsonl_line(current: dict[str, Any], result: BatchResult, fields: tuple[str, str, str, str], compact: bool) -> str:
    """The output line of a JSON object: its keys as they came, then the added ones."""
    outlet_id, outlet_name, compact_text, labels_json = fields
    if compact:
        labels_json = json.dumps(compact_text, ensure_ascii=False)
    body = json.dumps(current, ensure_ascii=False, allow_nan=False)
    error = "null" if result.ok else json.dumps(str(result.error), ensure_ascii=False)
    extra = (
        f'"outlet_id": {json.dumps(outlet_id or None)}, '
        f'"outlet_name": {json.dumps(outlet_name or None, ensure_ascii=False)}, '
        f'"labels": {labels_json}, "error": {error}'
    )
    return body[:-1] + (", " if len(body) > 2 else "") + extra + "}\n"
