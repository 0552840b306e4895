"""JSON-ready dicts from records and back, through cattrs.

Dates become ISO strings, intervals ``{"start": ..., "end": ...}`` with the
data-file conventions (no key for an open start or an ongoing end,
``"unknown"`` for an unknown end).

>>> from provenance.model import Succession
>>> from provenance.dates import PartialDate
>>> s = Succession("voice-of-russia", "radio-sputnik", "replaced-by", PartialDate(2014, 11, 10))
>>> to_dict(s)["date"]
'2014-11-10'
>>> from_dict(Succession, to_dict(s)) == s
True
"""

from __future__ import annotations

import threading
from typing import Any, TypeVar

from provenance.dates import Interval, PartialDate, parse_iso
from provenance.errors import RecordError

__all__ = ["from_dict", "to_dict"]

T = TypeVar("T")

_CONVERTER: Any = None
_LOCK = threading.Lock()


def _interval_to_dict(interval: Interval) -> dict[str, str]:
    start, end = interval.to_strings()
    data = {}
    if start is not None:
        data["start"] = start
    if end is not None:
        data["end"] = end
    return data


def _interval_from_dict(data: Any, _: type) -> Interval:
    return Interval.parse(data.get("start"), data.get("end"))


def _converter() -> Any:
    global _CONVERTER
    if _CONVERTER is None:
        with _LOCK:
            if _CONVERTER is None:
                import cattrs  # lazy: keeps `import provenance` light

                converter = cattrs.Converter(forbid_extra_keys=True)
                converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
                converter.register_structure_hook(PartialDate, lambda value, _: parse_iso(value))
                converter.register_unstructure_hook(Interval, _interval_to_dict)
                converter.register_structure_hook(Interval, _interval_from_dict)
                _CONVERTER = converter
    return _CONVERTER


def to_dict(record: Any) -> Any:
    """A JSON-ready dict (or list, or value) of a record.

    Args:
        record: Any record of :mod:`provenance.model`, or a collection of them.

    Returns:
        Plain dicts, lists, strings and numbers.
    """
    return _converter().unstructure(record)


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record from :func:`to_dict` output.

    Args:
        cls: The record class.
        data: What :func:`to_dict` produced (or the same read from JSON).

    Returns:
        The record, validated.

    Raises:
        RecordError: If the data does not fit the class.
    """
    try:
        result: T = _converter().structure(data, cls)
    except Exception as error:  # cattrs wraps field errors in its own groups
        raise RecordError(f"cannot build {cls.__name__} from {data!r}: {error}") from None
    return result
