"""The :class:`Policy` type and the shipped policies by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from provenance.errors import UnknownPolicyError
from provenance.labels import Label
from provenance.model import Source
from provenance.policies._facts import OutletFacts
from provenance.policies._platforms import (
    Derivation,
    PlatformRule,
    meta_2020_derive,
    x_2020_derive,
    youtube_2018_derive,
)
from provenance.policies._rollouts import (
    META_DEFINITION,
    META_ROLLOUTS,
    X_DEFINITION,
    X_ROLLOUTS,
    YOUTUBE_DEFINITION,
    YOUTUBE_ROLLOUTS,
    Rollout,
)
from provenance.policies._typology import typology_rule

__all__ = ["POLICIES", "Policy", "get_policy"]


@attrs.frozen(slots=True)
class Policy:
    """A named way of turning facts into labels.

    Attributes:
        name: Stable id, e.g. ``"typology"``.
        description: One line saying what it labels.
        rule: A function from :class:`OutletFacts` to labels.
        definition_url: Where the rule it reproduces is defined, if anywhere.
        rollouts: For a platform's policy, the phases of its labelling
            programme: when, and for whose media; empty for a policy that
            holds at any date.
        segment_shareable: Whether the rule reads the date only through the
            interval tests of :class:`OutletFacts` (never the window itself),
            so that its labels are the same on every day between two changes
            of the facts and :mod:`provenance.batch` may share one result
            across those days. ``False`` (no sharing, always exact) unless you
            set it; ``True`` for the shipped policies. Set it back to
            ``False`` when you evolve a shipped policy with a rule that reads
            the window.
    """

    name: str
    description: str
    rule: Callable[[OutletFacts], Iterable[Label]]
    definition_url: str | None = None
    rollouts: tuple[Rollout, ...] = ()
    segment_shareable: bool = False

    def label(self, facts: OutletFacts) -> tuple[Label, ...]:
        """The labels this policy gives, each stamped with the policy's name."""
        return tuple(
            label if label.policy == self.name else attrs.evolve(label, policy=self.name) for label in self.rule(facts)
        )


def _platform_policy(
    name: str,
    description: str,
    platform: str,
    rollouts: tuple[Rollout, ...],
    definition: Source,
    derive: Callable[[OutletFacts], Derivation | None],
    definition_url: str,
) -> Policy:
    rule = PlatformRule(platform, name, rollouts, definition, derive)
    return Policy(name, description, rule, definition_url, rollouts, segment_shareable=True)


POLICIES: Mapping[str, Policy] = MappingProxyType(
    {
        policy.name: policy
        for policy in (
            Policy(
                "typology",
                "State Media Monitor typology, assessed or derived from funding, governance and editorial control.",
                typology_rule,
                "https://statemediamonitor.com/methodology/",
                segment_shareable=True,
            ),
            _platform_policy(
                "x-2020",
                "X (Twitter) state-affiliated media labels, 6 August 2020 to 21 April 2023, country by country.",
                "x",
                X_ROLLOUTS,
                X_DEFINITION,
                x_2020_derive,
                "https://blog.x.com/en_us/topics/product/2020/new-labels-for-government-and-state-affiliated-media-accounts",
            ),
            _platform_policy(
                "meta-2020",
                "Meta (Facebook) state-controlled media labels, from 4 June 2020.",
                "meta",
                META_ROLLOUTS,
                META_DEFINITION,
                meta_2020_derive,
                "https://about.fb.com/news/2020/06/labeling-state-controlled-media/",
            ),
            _platform_policy(
                "youtube-2018",
                "YouTube publisher-context notices on publicly funded channels, from 2 February 2018.",
                "youtube",
                YOUTUBE_ROLLOUTS,
                YOUTUBE_DEFINITION,
                youtube_2018_derive,
                "https://blog.youtube/news-and-events/greater-transparency-for-users-around/",
            ),
        )
    }
)
"""The shipped policies, by name."""


def get_policy(policy: str | Policy) -> Policy:
    """A policy by name (or the policy itself).

    Raises:
        UnknownPolicyError: If no shipped policy has that name.
    """
    if isinstance(policy, Policy):
        return policy
    try:
        return POLICIES[policy]
    except KeyError:
        raise UnknownPolicyError(f"no policy {policy!r}; known: {', '.join(POLICIES)}") from None
