"""How a snapshot stores its columns: runs of a repeated value, rows checked for shape, records built from columns.

Shared by the snapshot's writer and reader (``_snapshot``); nothing here reads
files or knows the record classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = ["as_list", "check_indexes", "expand", "index_of", "maker", "row_of", "runs"]


def runs(values: list[Any]) -> list[Any] | dict[str, list[list[Any]]]:
    """A column as ``{"runs": [[value, count], ...]}`` when that is under a quarter of its length, else as it is.

    Columns such as a rating's rater or axis repeat one value thousands of
    times; as runs they are shorter to store and faster to read.
    """
    found: list[list[Any]] = []
    for value in values:
        if found and found[-1][0] == value and type(found[-1][0]) is type(value):
            found[-1][1] += 1
        else:
            found.append([value, 1])
            if len(found) * 4 > len(values):
                return values
    return {"runs": found}


def expand(column: object, limit: int) -> list[Any]:
    """A column as stored: a list, or its runs (:func:`runs`) expanded to at most ``limit`` values."""
    if type(column) is not dict:
        return as_list(column)
    if set(column) != {"runs"}:
        raise KeyError("a column is a list or its runs")
    pairs = [(value, index_of(count)) for value, count in map(row_of(2), as_list(column["runs"]))]
    if sum(count for _, count in pairs) > limit:
        raise ValueError("a column has more values than the snapshot has records")
    values: list[Any] = []
    for value, count in pairs:
        values.extend([value] * count)
    return values


def maker(cls: type, names: Sequence[str]) -> Callable[..., Iterator[Any]]:
    """A function building instances of ``cls`` from columns, field by field, without ``__init__``.

    The values were checked when the snapshot's registry was built, and by
    type when it was read; attrs' validators are not run again.
    """
    arguments = ", ".join(f"v{number}" for number in range(len(names)))
    sets = "; ".join(f"s{number}(o, v{number})" for number in range(len(names)))
    source = f"def make(columns):\n    for {arguments}, in zip(*columns, strict=True):\n        o = new(cls); {sets}\n"
    source += "        yield o\n"
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    for number, name in enumerate(names):
        namespace[f"s{number}"] = cls.__dict__[name].__set__  # the slot's descriptor
    exec(source, namespace)
    make: Callable[..., Iterator[Any]] = namespace["make"]
    return make


def as_list(value: object) -> list[Any]:
    """The value, checked to be a list."""
    if type(value) is not list:
        raise TypeError(f"a {type(value).__name__} where a list belongs")
    return value


def row_of(length: int) -> Callable[[object], list[Any]]:
    """A check that a value is a list of ``length`` items."""

    def check(value: object) -> list[Any]:
        if type(value) is not list or len(value) != length:
            raise TypeError(f"a {type(value).__name__} where a list of {length} belongs")
        return value

    return check


def index_of(value: object) -> int:
    """The value, checked to be an index: an int (not a bool), not negative."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"bad index {value!r}")
    return value


def check_indexes(values: list[Any], what: str) -> list[int]:
    """The values, checked to be indexes (ints, not bools, not negative: a negative one would pick from the end)."""
    if values and (not set(map(type, values)) <= {int} or min(values) < 0):
        raise ValueError(f"bad {what} index")
    return values
