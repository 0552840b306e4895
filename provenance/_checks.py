"""Field validators and converters the record classes share: ids, text, URLs, codes, shares, tuples."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from provenance.countries import is_country_code
from provenance.errors import RecordError

__all__ = [
    "as_tuple",
    "country",
    "identifier",
    "instance_of",
    "one_of",
    "optional_text",
    "share",
    "text",
    "tuple_of",
    "url",
]

_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+\S*")


def _fail(instance: object, attribute: attrs.Attribute[Any], value: object, why: str) -> RecordError:
    return RecordError(f"{type(instance).__name__}.{attribute.name} = {value!r}: {why}")


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _fail(instance, attribute, value, "ids are lower-case kebab-case, e.g. 'voice-of-russia'")


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(instance, attribute, value, "must be non-empty text")


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        text(instance, attribute, value)


def one_of(choices: frozenset[str]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise _fail(instance, attribute, value, f"must be one of {', '.join(sorted(choices))}")

    return check


def country(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not is_country_code(value)):
        raise _fail(instance, attribute, value, "not an ISO 3166-1 alpha-2 code (upper case, 'GB' not 'UK')")


def url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _URL.fullmatch(value):
        raise _fail(instance, attribute, value, "must be an http(s) URL")


def share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise _fail(instance, attribute, value, "a share is a number from 0 to 1")


def instance_of(kind: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise _fail(instance, attribute, value, f"must be a {kind.__name__}")

    return check


def tuple_of(kind: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(item, kind) for item in value):
            raise _fail(instance, attribute, value, f"must be a tuple of {kind.__name__}")

    return check


def as_tuple(value: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(value)
