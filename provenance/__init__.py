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
    from provenance.articles import ArticleInputError, GenreTerms, genre_vocabulary, parse_article
    from provenance.dates import ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate, Truth, parse_date
    from provenance.domains import normalize_host, registrable_domain
    from provenance.errors import (
        DateParseError,
        IntervalError,
        InvalidURLError,
        ProvenanceError,
        RecordError,
        RegistryError,
        SnapshotError,
        SourcePolicyError,
        UnknownIdError,
        UnknownPolicyError,
    )
    from provenance.labelling import disclosure, explain, label_outlet, label_url
    from provenance.labels import Evidence, Label, LabelSet
    from provenance.model import (
        Article,
        Assessment,
        DomainClaim,
        Mention,
        Name,
        Organization,
        Outlet,
        Relation,
        Source,
        Succession,
    )
    from provenance.ownership import ControlChain, ControlPath, control_chain
    from provenance.policies import POLICIES, OutletFacts, Policy, get_policy
    from provenance.ratings import Rater, Rating, Scale
    from provenance.registry import Registry, data_version, default_registry, load_registry
    from provenance.reports import Report, build_report
    from provenance.source_policy import SourceAudit, SourcePolicy, audit_sources, load_source_policy

# Public name -> module that defines it; imported on first attribute access (PEP 562),
# so `import provenance` costs almost nothing until something is used.
_EXPORTS: dict[str, str] = {
    "Article": "provenance.model",
    "ArticleInputError": "provenance.articles",
    "Assessment": "provenance.model",
    "ControlChain": "provenance.ownership",
    "ControlPath": "provenance.ownership",
    "DateParseError": "provenance.errors",
    "DomainClaim": "provenance.model",
    "Evidence": "provenance.labels",
    "GenreTerms": "provenance.articles",
    "Interval": "provenance.dates",
    "IntervalError": "provenance.errors",
    "InvalidURLError": "provenance.errors",
    "Label": "provenance.labels",
    "LabelSet": "provenance.labels",
    "Mention": "provenance.model",
    "Name": "provenance.model",
    "ONGOING": "provenance.dates",
    "OpenEnd": "provenance.dates",
    "Organization": "provenance.model",
    "Outlet": "provenance.model",
    "OutletFacts": "provenance.policies",
    "POLICIES": "provenance.policies",
    "PartialDate": "provenance.dates",
    "Policy": "provenance.policies",
    "ProvenanceError": "provenance.errors",
    "Rater": "provenance.ratings",
    "Rating": "provenance.ratings",
    "RecordError": "provenance.errors",
    "Registry": "provenance.registry",
    "RegistryError": "provenance.errors",
    "Relation": "provenance.model",
    "Report": "provenance.reports",
    "Scale": "provenance.ratings",
    "SnapshotError": "provenance.errors",
    "SourceAudit": "provenance.source_policy",
    "SourcePolicy": "provenance.source_policy",
    "SourcePolicyError": "provenance.errors",
    "Source": "provenance.model",
    "Succession": "provenance.model",
    "Truth": "provenance.dates",
    "UNKNOWN": "provenance.dates",
    "UnknownIdError": "provenance.errors",
    "UnknownPolicyError": "provenance.errors",
    "build_report": "provenance.reports",
    "control_chain": "provenance.ownership",
    "data_version": "provenance.registry",
    "default_registry": "provenance.registry",
    "audit_sources": "provenance.source_policy",
    "disclosure": "provenance.labelling",
    "explain": "provenance.labelling",
    "genre_vocabulary": "provenance.articles",
    "get_policy": "provenance.policies",
    "label_outlet": "provenance.labelling",
    "label_url": "provenance.labelling",
    "load_registry": "provenance.registry",
    "load_source_policy": "provenance.source_policy",
    "normalize_host": "provenance.domains",
    "parse_article": "provenance.articles",
    "parse_date": "provenance.dates",
    "registrable_domain": "provenance.domains",
}

__all__ = [
    "Article",
    "ArticleInputError",
    "Assessment",
    "ControlChain",
    "ControlPath",
    "DateParseError",
    "DomainClaim",
    "Evidence",
    "GenreTerms",
    "Interval",
    "IntervalError",
    "InvalidURLError",
    "Label",
    "LabelSet",
    "Mention",
    "Name",
    "ONGOING",
    "OpenEnd",
    "Organization",
    "Outlet",
    "OutletFacts",
    "POLICIES",
    "PartialDate",
    "Policy",
    "ProvenanceError",
    "Rater",
    "Rating",
    "RecordError",
    "Registry",
    "RegistryError",
    "Relation",
    "Report",
    "Scale",
    "SnapshotError",
    "Source",
    "SourceAudit",
    "SourcePolicy",
    "SourcePolicyError",
    "Succession",
    "Truth",
    "UNKNOWN",
    "UnknownIdError",
    "UnknownPolicyError",
    "__version__",
    "audit_sources",
    "build_report",
    "control_chain",
    "data_version",
    "default_registry",
    "disclosure",
    "explain",
    "genre_vocabulary",
    "get_policy",
    "label_outlet",
    "label_url",
    "load_registry",
    "load_source_policy",
    "normalize_host",
    "parse_article",
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
