"""Tiny registries from plain dicts, in the registry file format: :func:`make_registry`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from provenance.errors import RegistryError
from provenance.registry import Registry, read_document

__all__ = ["FIXTURE_SOURCE", "make_registry"]

FIXTURE_SOURCE: Mapping[str, str] = MappingProxyType(
    {
        "url": "https://example.org/provenance-test-fixture",
        "title": "Test fixture",
        "publisher": "provenance.testing",
        "accessed": "2026-01-01",
    }
)
"""The source cited by :func:`make_registry` records that name none."""

_DEFAULTS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "organizations": {"kind": "company"},
        "outlets": {"kind": "website"},
        "domains": {"role": "primary"},
        "relations": {},
        "successions": {},
        "assessments": {},
    }
)


def make_registry(
    *,
    outlets: Sequence[Mapping[str, Any]] = (),
    organizations: Sequence[Mapping[str, Any]] = (),
    domains: Sequence[Mapping[str, Any]] = (),
    relations: Sequence[Mapping[str, Any]] = (),
    successions: Sequence[Mapping[str, Any]] = (),
    assessments: Sequence[Mapping[str, Any]] = (),
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> Registry:
    """A small registry from plain dicts, in the registry file format.

    Each dict takes the keys of its table in ``docs/data-format.md``. Handy
    defaults fill what tests rarely care about: outlets are ``website``s,
    organisations ``company``s, domain claims ``primary``, and a record that
    cites no source cites :data:`FIXTURE_SOURCE` (key ``"fixture"``).

    Args:
        outlets: Outlet tables.
        organizations: Organisation tables.
        domains: Domain-claim tables.
        relations: Relation tables.
        successions: Succession tables.
        assessments: Assessment tables.
        sources: Extra ``[sources.KEY]`` tables, cited by key.

    Returns:
        The validated registry.

    Raises:
        RegistryError: Listing every problem, as for a data folder.
    """
    tables = {
        "organizations": organizations,
        "outlets": outlets,
        "domains": domains,
        "relations": relations,
        "successions": successions,
        "assessments": assessments,
    }
    document: dict[str, Any] = {"sources": {"fixture": dict(FIXTURE_SOURCE), **(sources or {})}}
    for table, entries in tables.items():
        document[table] = [{**_DEFAULTS[table], "sources": ["fixture"], **entry} for entry in entries]
    read = read_document(document, "make_registry")
    if read.problems:
        raise RegistryError(read.problems)
    return Registry(read.records, locations=read.locations)
