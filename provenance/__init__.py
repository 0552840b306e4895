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

from provenance._gc import paused_gc
from provenance._version import __version__

# The public API, listed once: each module and the names it gives. `__all__` and the lazy
# attributes (PEP 562: `import provenance` costs almost nothing until a name is used) come from
# it; the imports for type checkers below are checked against it by tests/test_package.py.
_EXPORTS_BY_MODULE: dict[str, tuple[str, ...]] = {
    "provenance.articles": (
        "ArticleInputError",
        "decode_html",
        "genre_vocabulary",
        "GenreTerms",
        "parse_article",
    ),
    "provenance.bods": ("to_bods",),
    "provenance.batch": ("label_many",),
    "provenance.dates": (
        "Interval",
        "ONGOING",
        "OpenEnd",
        "parse_date",
        "PartialDate",
        "Truth",
        "UNKNOWN",
    ),
    "provenance.domains": (
        "normalize_host",
        "registrable_domain",
    ),
    "provenance.errors": (
        "DateParseError",
        "IntervalError",
        "InvalidURLError",
        "ProvenanceError",
        "RecordError",
        "RegistryError",
        "SnapshotError",
        "SourcePolicyError",
        "UnknownIdError",
        "UnknownLayerError",
        "UnknownPolicyError",
    ),
    "provenance.examples": (
        "example_path",
        "example_registry",
        "example_registry_path",
        "seed_article",
        "UnknownExampleError",
    ),
    "provenance.extras.spark": ("label_spark",),
    "provenance.labelling": (
        "disclosure",
        "explain",
        "label_outlet",
        "label_url",
    ),
    "provenance.flat": (
        "FLAT_COLUMNS",
        "flat_rows",
    ),
    "provenance.links": (
        "SHORTENERS",
        "unwrap_link",
        "UnwrappedLink",
    ),
    "provenance.labels": (
        "Evidence",
        "Label",
        "LabelSet",
    ),
    "provenance.model": (
        "Article",
        "Assessment",
        "DomainClaim",
        "Mention",
        "Name",
        "Organization",
        "Outlet",
        "Relation",
        "Source",
        "Succession",
    ),
    "provenance.ownership": (
        "control_chain",
        "ControlChain",
        "ControlPath",
    ),
    "provenance.policies": (
        "get_policy",
        "OutletFacts",
        "POLICIES",
        "Policy",
    ),
    "provenance.ratings": (
        "Rater",
        "Rating",
        "Scale",
    ),
    "provenance.registry": (
        "data_version",
        "data_versions",
        "default_registry",
        "load_registry",
        "Registry",
    ),
    "provenance.reports": (
        "build_report",
        "Report",
    ),
    "provenance.source_policy": (
        "audit_sources",
        "load_source_policy",
        "SourceAudit",
        "SourcePolicy",
    ),
}

if TYPE_CHECKING:
    from provenance.articles import (
        ArticleInputError as ArticleInputError,
    )
    from provenance.articles import (
        GenreTerms as GenreTerms,
    )
    from provenance.articles import (
        decode_html as decode_html,
    )
    from provenance.articles import (
        genre_vocabulary as genre_vocabulary,
    )
    from provenance.articles import (
        parse_article as parse_article,
    )
    from provenance.batch import (
        label_many as label_many,
    )
    from provenance.bods import to_bods as to_bods
    from provenance.dates import (
        ONGOING as ONGOING,
    )
    from provenance.dates import (
        UNKNOWN as UNKNOWN,
    )
    from provenance.dates import (
        Interval as Interval,
    )
    from provenance.dates import (
        OpenEnd as OpenEnd,
    )
    from provenance.dates import (
        PartialDate as PartialDate,
    )
    from provenance.dates import (
        Truth as Truth,
    )
    from provenance.dates import (
        parse_date as parse_date,
    )
    from provenance.domains import (
        normalize_host as normalize_host,
    )
    from provenance.domains import (
        registrable_domain as registrable_domain,
    )
    from provenance.errors import (
        DateParseError as DateParseError,
    )
    from provenance.errors import (
        IntervalError as IntervalError,
    )
    from provenance.errors import (
        InvalidURLError as InvalidURLError,
    )
    from provenance.errors import (
        ProvenanceError as ProvenanceError,
    )
    from provenance.errors import (
        RecordError as RecordError,
    )
    from provenance.errors import (
        RegistryError as RegistryError,
    )
    from provenance.errors import (
        SnapshotError as SnapshotError,
    )
    from provenance.errors import (
        SourcePolicyError as SourcePolicyError,
    )
    from provenance.errors import (
        UnknownIdError as UnknownIdError,
    )
    from provenance.errors import (
        UnknownLayerError as UnknownLayerError,
    )
    from provenance.errors import (
        UnknownPolicyError as UnknownPolicyError,
    )
    from provenance.examples import (
        UnknownExampleError as UnknownExampleError,
    )
    from provenance.examples import (
        example_path as example_path,
    )
    from provenance.examples import (
        example_registry as example_registry,
    )
    from provenance.examples import (
        example_registry_path as example_registry_path,
    )
    from provenance.examples import (
        seed_article as seed_article,
    )
    from provenance.extras.spark import label_spark as label_spark
    from provenance.flat import FLAT_COLUMNS as FLAT_COLUMNS
    from provenance.flat import flat_rows as flat_rows
    from provenance.labelling import (
        disclosure as disclosure,
    )
    from provenance.labelling import (
        explain as explain,
    )
    from provenance.labelling import (
        label_outlet as label_outlet,
    )
    from provenance.labelling import (
        label_url as label_url,
    )
    from provenance.labels import (
        Evidence as Evidence,
    )
    from provenance.labels import (
        Label as Label,
    )
    from provenance.labels import (
        LabelSet as LabelSet,
    )
    from provenance.links import SHORTENERS as SHORTENERS
    from provenance.links import UnwrappedLink as UnwrappedLink
    from provenance.links import unwrap_link as unwrap_link
    from provenance.model import (
        Article as Article,
    )
    from provenance.model import (
        Assessment as Assessment,
    )
    from provenance.model import (
        DomainClaim as DomainClaim,
    )
    from provenance.model import (
        Mention as Mention,
    )
    from provenance.model import (
        Name as Name,
    )
    from provenance.model import (
        Organization as Organization,
    )
    from provenance.model import (
        Outlet as Outlet,
    )
    from provenance.model import (
        Relation as Relation,
    )
    from provenance.model import (
        Source as Source,
    )
    from provenance.model import (
        Succession as Succession,
    )
    from provenance.ownership import (
        ControlChain as ControlChain,
    )
    from provenance.ownership import (
        ControlPath as ControlPath,
    )
    from provenance.ownership import (
        control_chain as control_chain,
    )
    from provenance.policies import (
        POLICIES as POLICIES,
    )
    from provenance.policies import (
        OutletFacts as OutletFacts,
    )
    from provenance.policies import (
        Policy as Policy,
    )
    from provenance.policies import (
        get_policy as get_policy,
    )
    from provenance.ratings import (
        Rater as Rater,
    )
    from provenance.ratings import (
        Rating as Rating,
    )
    from provenance.ratings import (
        Scale as Scale,
    )
    from provenance.registry import (
        Registry as Registry,
    )
    from provenance.registry import (
        data_version as data_version,
    )
    from provenance.registry import (
        data_versions as data_versions,
    )
    from provenance.registry import (
        default_registry as default_registry,
    )
    from provenance.registry import (
        load_registry as load_registry,
    )
    from provenance.reports import (
        Report as Report,
    )
    from provenance.reports import (
        build_report as build_report,
    )
    from provenance.source_policy import (
        SourceAudit as SourceAudit,
    )
    from provenance.source_policy import (
        SourcePolicy as SourcePolicy,
    )
    from provenance.source_policy import (
        audit_sources as audit_sources,
    )
    from provenance.source_policy import (
        load_source_policy as load_source_policy,
    )

_EXPORTS = {name: module for module, names in _EXPORTS_BY_MODULE.items() for name in names}
__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    with paused_gc():  # importing the registry's modules makes thousands of objects, no garbage
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
