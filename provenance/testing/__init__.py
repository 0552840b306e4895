"""Tools for tests, ours and downstream projects': registries, strategies and assertions.

Three kinds of tools, all public and documented in ``docs/testing.md``:

- :func:`make_registry`: a tiny registry from plain dicts in a few lines;
- Hypothesis strategies: :func:`partial_dates`, :func:`intervals`,
  :func:`sources`, :func:`organizations`, :func:`outlets`, whole consistent
  :func:`registries`, :func:`urls` for a registry's hosts, and plain-text
  :func:`articles`;
- assertion helpers, :func:`assert_labelled` and :func:`assert_not_labelled`,
  whose failures show every label found and why it was given.

Hypothesis is imported inside the strategy functions only: importing this
module (or using :func:`make_registry` and the assertions) does not need it.

>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "rt", "name": "RT", "country": "RU", "kind": "broadcaster"}],
...     relations=[{"subject": "state-ru", "kind": "funds", "object": "rt"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}],
... )
>>> len(reg), reg.relations(object="rt")[0].kind
(1, 'funds')
>>> assert_labelled("https://de.rt.com/x", "state-media", "ISF", registry=reg).certainty
'possible'
"""

from __future__ import annotations

from provenance.testing._articles import ATTRIBUTION_TEMPLATES, ArticleSample, articles
from provenance.testing._assertions import assert_labelled, assert_not_labelled
from provenance.testing._records import intervals, organizations, outlets, partial_dates, sources
from provenance.testing._registries import FIXTURE_SOURCE, make_registry
from provenance.testing._registry_strategies import registries, urls

__all__ = [
    "ATTRIBUTION_TEMPLATES",
    "FIXTURE_SOURCE",
    "ArticleSample",
    "articles",
    "assert_labelled",
    "assert_not_labelled",
    "intervals",
    "make_registry",
    "organizations",
    "outlets",
    "partial_dates",
    "registries",
    "sources",
    "urls",
]
