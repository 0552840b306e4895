"""Policies: how the facts about an outlet become state-media labels.

One fact base, many policies. Every policy reads the same
:class:`OutletFacts` (the outlet's control chain at a date, what the state
funds, governs and controls editorially, and the assessments others made)
and returns labels. The shipped policies:

- ``typology`` (default): the State Media Monitor typology (SC, CaPu, CaPr,
  ISFM, ISF, ISM, IP); taken from a recorded assessment of the outlet, or of
  the company that owns or operates it, when there is one, derived from the
  facts otherwise, and the basis says which. A derived code never claims
  editorial independence as certain (:func:`derived_typologies`).
- ``x-2020``: X/Twitter's "<Country> state-affiliated media" labels
  (6 August 2020 to 21 April 2023, country by country).
- ``meta-2020``: Meta's "<Country> state-controlled media" labels (from
  4 June 2020).
- ``youtube-2018``: YouTube's notices (from 2 February 2018): "<Outlet> is
  funded in whole or in part by the <adjective> government", or "<Outlet> is
  a <adjective> public broadcast service".

A platform policy shows first the labels the platform is recorded to have
applied (``platform-label`` assessments by ``x``, ``meta`` or ``youtube``),
in its own wording; a label derived from the facts under the platform's rule
says so and is only ever ``possible``; and it holds only within the
platform's :class:`Rollout` phases. Definitions and sources are in
``docs/policies.md``. A policy of your own is a name and a function::

    >>> from provenance.dates import Truth
    >>> def any_state_money(facts):
    ...     if facts.funding is not Truth.NO:
    ...         yield facts.make_label("platform-label", "state money", "Paid for by a state.",
    ...                                facts.funding, rule="the state funds it", basis=facts.evidence("funds"))
    >>> mine = Policy("state-money", "Labels any state funding.", any_state_money)
"""

from __future__ import annotations

from provenance.policies._codes import TYPOLOGY_NAMES, derive_typology, derived_typologies
from provenance.policies._facts import AppliedTypology, OutletFacts, certainty_of
from provenance.policies._policy import POLICIES, Policy, get_policy
from provenance.policies._rollouts import Rollout
from provenance.policies._typology import listed_as_of
from provenance.policies._wording import ASSESSOR_NAMES, describe_relation, with_article

__all__ = [
    "ASSESSOR_NAMES",
    "POLICIES",
    "TYPOLOGY_NAMES",
    "AppliedTypology",
    "OutletFacts",
    "Policy",
    "Rollout",
    "certainty_of",
    "derive_typology",
    "derived_typologies",
    "describe_relation",
    "get_policy",
    "listed_as_of",
    "with_article",
]
