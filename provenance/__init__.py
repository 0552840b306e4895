"""provenance: where a news article comes from, and who stands behind the outlet.

The public API is what ``__all__`` lists. Typical use::

    >>> import provenance
    >>> reg = provenance.default_registry()
    >>> reg.outlet_for_url("https://www.rt.com/news/1").name
    'RT'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from provenance._version import __version__

if TYPE_CHECKING:
    from provenance.dates import ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate, Truth, parse_date
    from provenance.domains import normalize_host, registrable_domain
    from provenance.errors import (
        DateParseError,
        IntervalError,
        InvalidURLError,
        ProvenanceError,
        RecordError,
        RegistryError,
        UnknownIdError,
        UnknownPolicyError,
    )
    from provenance.model import (
        Assessment,
        DomainClaim,
        Name,
        Organization,
        Outlet,
        Relation,
        Source,
        Succession,
    )
    from provenance.registry import Registry, data_version, default_registry

# Public name -> module that defines it; imported on first attribute access (PEP 562),
# so `import provenance` costs almost nothing until something is used.
_EXPORTS: dict[str, str] = {
    "Assessment": "provenance.model",
    "DateParseError": "provenance.errors",
    "DomainClaim": "provenance.model",
    "Interval": "provenance.dates",
    "IntervalError": "provenance.errors",
    "InvalidURLError": "provenance.errors",
    "Name": "provenance.model",
    "ONGOING": "provenance.dates",
    "OpenEnd": "provenance.dates",
    "Organization": "provenance.model",
    "Outlet": "provenance.model",
    "PartialDate": "provenance.dates",
    "ProvenanceError": "provenance.errors",
    "RecordError": "provenance.errors",
    "Registry": "provenance.registry",
    "RegistryError": "provenance.errors",
    "Relation": "provenance.model",
    "Source": "provenance.model",
    "Succession": "provenance.model",
    "Truth": "provenance.dates",
    "UNKNOWN": "provenance.dates",
    "UnknownIdError": "provenance.errors",
    "UnknownPolicyError": "provenance.errors",
    "data_version": "provenance.registry",
    "default_registry": "provenance.registry",
    "normalize_host": "provenance.domains",
    "parse_date": "provenance.dates",
    "registrable_domain": "provenance.domains",
}

__all__ = [
    "ONGOING",
    "UNKNOWN",
    "Assessment",
    "DateParseError",
    "DomainClaim",
    "Interval",
    "IntervalError",
    "InvalidURLError",
    "Name",
    "OpenEnd",
    "Organization",
    "Outlet",
    "PartialDate",
    "ProvenanceError",
    "RecordError",
    "Registry",
    "RegistryError",
    "Relation",
    "Source",
    "Succession",
    "Truth",
    "UnknownIdError",
    "UnknownPolicyError",
    "__version__",
    "data_version",
    "default_registry",
    "normalize_host",
    "parse_date",
    "registrable_domain",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
