"""Policies: how the facts about an outlet become state-media labels.

One fact base, many policies. Every policy reads the same
:class:`OutletFacts` (the outlet's control chain at a date, what the state
funds, governs and controls editorially, and the assessments others made)
and returns labels. The shipped policies:

- ``typology`` (default): the State Media Monitor typology (SC, CaPu, CaPr,
  ISFM, ISF, ISM, IP); taken from a recorded assessment when there is one,
  derived from the facts otherwise, and the basis says which.
- ``x-2020``: X/Twitter's 2020 "<Country> state-affiliated media" rule, which
  exempted state-financed outlets with editorial independence.
- ``meta-2020``: Meta's 2020 "state-controlled media" rule: wholly or partly
  under a government's editorial control.
- ``youtube-2018``: YouTube's 2018 notices: "<Outlet> is funded in whole or
  in part by the <adjective> government", or "<Outlet> is a <adjective>
  public broadcast service".

Their definitions, with citations, are in ``docs/policies.md``. A policy of
your own is a name and a function::

    >>> from provenance.labels import Label
    >>> def any_state_money(facts):
    ...     if facts.funding is not Truth.NO:
    ...         yield facts.make_label("platform-label", "state money", "Paid for by a state.",
    ...                                facts.funding, rule="the state funds it", basis=facts.evidence("funds"))
    >>> mine = Policy("state-money", "Labels any state funding.", any_state_money)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from provenance.countries import country_adjective, country_name
from provenance.dates import ONGOING, Interval, Truth
from provenance.errors import UnknownPolicyError
from provenance.labels import CERTAIN, POSSIBLE, Evidence, Label
from provenance.model import Assessment, Organization, Outlet, Relation
from provenance.ownership import ControlChain, ControlPath, control_chain, covers
from provenance.registry import Registry

__all__ = [
    "ASSESSOR_NAMES",
    "POLICIES",
    "TYPOLOGY_NAMES",
    "OutletFacts",
    "Policy",
    "certainty_of",
    "derive_typology",
    "describe_relation",
    "get_policy",
    "with_article",
]

TYPOLOGY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "SC": "state-controlled media",
        "CaPu": "captured public media",
        "CaPr": "captured private media",
        "ISFM": "independent state-funded and state-managed media",
        "ISF": "independent state-funded media",
        "ISM": "independent state-managed media",
        "IP": "independent public media",
    }
)
"""What each State Media Monitor code means."""

ASSESSOR_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "state-media-monitor": "State Media Monitor",
        "x": "X",
        "meta": "Meta",
        "youtube": "YouTube",
        "eu": "The European Union",
        "us": "The United States",
        "uk": "The United Kingdom",
        "ca": "Canada",
        "ru": "Russia",
    }
)
"""Display names of the assessors the shipped data uses; other ids are shown as they are."""

_INDEPENDENT = frozenset({"ISFM", "ISF", "ISM", "IP"})
_CAPTURED = frozenset({"SC", "CaPu", "CaPr"})
_VERBS = {
    "owns": "owns",
    "funds": "funds",
    "governs": "governs",
    "controls-editorially": "controls the editorial line of",
    "operates": "operates",
    "parent-of": "is the parent of",
}


def certainty_of(truth: Truth) -> str | None:
    """``certain`` for ``YES``, ``possible`` for ``MAYBE``, ``None`` for ``NO``."""
    return {Truth.YES: CERTAIN, Truth.MAYBE: POSSIBLE}.get(truth)


def describe_relation(registry: Registry, relation: Relation) -> str:
    """A relation in words: ``Russian Federation owns Rossiya Segodnya (100%, since 2013-12-09)``."""
    subject, object = registry.lookup(relation.subject).name, registry.lookup(relation.object).name
    notes = [f"{relation.share:.0%}"] if relation.share is not None else []
    if relation.interval != Interval():
        notes.append(relation.interval.describe())
    suffix = f" ({', '.join(notes)})" if notes else ""
    return f"{subject} {_VERBS[relation.kind]} {object}{suffix}"


def derive_typology(funding: Truth, governance: Truth, editorial: Truth, public_service: bool) -> str | None:
    """The State Media Monitor code that three facts imply, or ``None``.

    ``MAYBE`` counts as present. An outlet with no link to the state gets no
    code, unless it is a public-service broadcaster (``IP``).

    >>> derive_typology(Truth.YES, Truth.YES, Truth.YES, False)
    'SC'
    >>> derive_typology(Truth.YES, Truth.NO, Truth.NO, True)
    'ISF'
    >>> derive_typology(Truth.NO, Truth.NO, Truth.NO, False) is None
    True
    """
    f, g, e = (truth is not Truth.NO for truth in (funding, governance, editorial))
    if e:
        if not g:
            return "CaPr"
        return "SC" if f else "CaPu"
    if f and g:
        return "ISFM"
    if f:
        return "ISF"
    if g:
        return "ISM"
    return "IP" if public_service else None


@attrs.frozen(slots=True)
class OutletFacts:
    """What a policy may read about an outlet over a window, gathered once."""

    registry: Registry
    """Where the facts come from."""
    outlet: Outlet
    """The outlet."""
    window: Interval
    """The days the article or URL could date from, within the outlet's lifetime."""
    chain: ControlChain
    """Every control path at that time."""

    @classmethod
    def gather(cls, registry: Registry, outlet: Outlet, window: Interval) -> OutletFacts:
        """Collect the facts about ``outlet`` over ``window``."""
        return cls(registry, outlet, window, control_chain(registry, outlet.id, window))

    @property
    def state(self) -> Organization | None:
        """The state at the top of the chain (the first found), or ``None``."""
        states = self.chain.states(self.registry)
        return states[0] if states else None

    @property
    def country(self) -> str:
        """The controlling state's country, else the outlet's own."""
        state = self.state
        return state.country if state is not None and state.country else self.outlet.country

    def _state_paths(self, kinds: frozenset[str]) -> tuple[ControlPath, ...]:
        return tuple(path for path in self.chain.to_state(self.registry) if path.kinds & kinds)

    def _truth(self, kinds: frozenset[str]) -> Truth:
        paths = self._state_paths(kinds)
        truth = Truth.combine_any(path.certainty for path in paths)
        if truth is Truth.MAYBE and covers(paths, self.window):
            return Truth.YES  # different paths hand over, together holding every day
        return truth

    @property
    def funding(self) -> Truth:
        """Whether a state funds the outlet, directly or through bodies above it."""
        return self._truth(frozenset({"funds"}))

    @property
    def governance(self) -> Truth:
        """Whether a state owns or governs the outlet, directly or through bodies above it."""
        return self._truth(frozenset({"owns", "governs"}))

    @property
    def editorial_control(self) -> Truth:
        """Whether a state controls what the outlet publishes."""
        return self._truth(frozenset({"controls-editorially"}))

    def evidence(self, *kinds: str) -> tuple[Evidence, ...]:
        """The relations on state paths of these kinds (all kinds if none given), as evidence."""
        wanted = frozenset(kinds) if kinds else frozenset(_VERBS)
        relations = dict.fromkeys(r for path in self._state_paths(wanted) for r in path.relations)
        return tuple(Evidence(describe_relation(self.registry, r), r.sources) for r in relations)

    def assessments(self, kind: str, assessor: str | None = None) -> tuple[tuple[Assessment, Truth], ...]:
        """Assessments of the outlet that may hold in the window, with how surely they do."""
        found = []
        for assessment in self.registry.assessments(self.outlet.id, self.window, kind):
            if assessor is None or assessment.assessor == assessor:
                found.append((assessment, assessment.interval.contains(self.window)))
        return tuple(found)

    def typologies(self) -> tuple[tuple[Assessment, Truth], ...]:
        """State Media Monitor typology assessments in the window."""
        return self.assessments("typology", "state-media-monitor")

    def independent(self) -> bool:
        """Whether a typology assessment records editorial independence (ISFM, ISF, ISM, IP)."""
        return any(a.value in _INDEPENDENT for a, _ in self.typologies())

    def is_past(self) -> bool:
        """Whether the outlet no longer exists."""
        return self.outlet.lifetime.end is not ONGOING

    def name(self) -> str:
        """The outlet's name in the window."""
        return self.outlet.name_at(self.window)

    def make_label(
        self,
        kind: str,
        value: str,
        text: str,
        truth: Truth,
        *,
        rule: str,
        basis: Iterable[Evidence] = (),
        policy: str | None = None,
        details: Mapping[str, str | int | float | bool | None] | None = None,
    ) -> Label:
        """A label about this outlet with certainty from ``truth`` (``NO`` is an error)."""
        certainty = certainty_of(truth)
        if certainty is None:
            raise ValueError("a label needs a truth of YES or MAYBE")
        return Label(
            kind=kind,
            value=value,
            subject=self.outlet.id,
            text=text,
            certainty=certainty,
            policy=policy,
            rule=rule,
            basis=tuple(basis),
            details=details or {},
        )


def _assessment_evidence(facts: OutletFacts, assessment: Assessment) -> Evidence:
    when = "" if assessment.interval == Interval() else f" ({assessment.interval.describe()})"
    note = f" Note: {assessment.note}" if assessment.note else ""
    return Evidence(
        f"{ASSESSOR_NAMES.get(assessment.assessor, assessment.assessor)} assessed {facts.outlet.name} "
        f"as {assessment.value}{when}.{note}",
        assessment.sources,
    )


def _typology_rule(facts: OutletFacts) -> Iterable[Label]:
    verb = "was" if facts.is_past() else "is"
    adjective = country_adjective(facts.country) or country_name(facts.country)
    recorded = facts.typologies()
    by_code: dict[str, list[tuple[Assessment, Truth]]] = {}
    for assessment, truth in recorded:
        by_code.setdefault(assessment.value, []).append((assessment, truth))
    # Conflicting assessments are all kept, one label per code, never merged.
    for code, group in sorted(by_code.items()):
        truth = Truth.combine_any(t for _, t in group)
        yield facts.make_label(
            "state-media",
            code,
            f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} (State Media Monitor: {code}).",
            truth,
            rule="State Media Monitor typology, as assessed",
            basis=[*(_assessment_evidence(facts, a) for a, _ in group), *facts.evidence()],
            policy="typology",
            details={"country": facts.country, "typology_source": "assessment"},
        )
    if recorded:
        return
    flags = (facts.funding, facts.governance, facts.editorial_control)
    derived = derive_typology(*flags, public_service=facts.outlet.public_service)
    if derived is None:
        return
    code = derived
    truth = Truth.MAYBE if Truth.MAYBE in flags else Truth.YES
    found = ", ".join(
        f"{name}: {flag.value}"
        for name, flag in zip(("state funding", "state governance", "state editorial control"), flags, strict=True)
    )
    yield facts.make_label(
        "state-media",
        code,
        f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} (derived from ownership and funding facts: {code}).",
        truth,
        rule=f"no State Media Monitor assessment; typology derived from the facts ({found})",
        basis=facts.evidence(),
        policy="typology",
        details={"country": facts.country, "typology_source": "derived"},
    )


def _editorial_basis(facts: OutletFacts) -> tuple[Truth, list[Evidence], str]:
    """Editorial control from relations or from a captured typology code."""
    truth = facts.editorial_control
    basis = list(facts.evidence("controls-editorially"))
    reason = "the state controls its editorial line"
    captured = [(a, t) for a, t in facts.typologies() if a.value in _CAPTURED]
    if captured and truth is not Truth.YES:
        truth = Truth.combine_any([truth, *(t for _, t in captured)])
        basis.extend(_assessment_evidence(facts, a) for a, _ in captured)
        reason = "State Media Monitor records state editorial control"
    return truth, basis, reason


def _x_2020_rule(facts: OutletFacts) -> Iterable[Label]:
    if facts.independent():
        return  # state-financed with editorial independence: exempt
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO:
        return
    yield _platform_label(
        facts,
        "x",
        f"{country_name(facts.country)} state-affiliated media",
        truth,
        f"X 2020: the state exercises control over editorial content; here {reason}",
        basis,
    )


def _meta_2020_rule(facts: OutletFacts) -> Iterable[Label]:
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO and not facts.independent():
        # Meta weighs ownership, funding and governance too: a state that both
        # owns or governs and funds an outlet, with no record of independence.
        truth = Truth.combine_all((facts.funding, facts.governance))
        basis = list(facts.evidence("funds", "owns", "governs"))
        reason = "the state owns or governs and funds it, with no record of editorial independence"
    if truth is Truth.NO:
        return
    yield _platform_label(
        facts,
        "meta",
        f"{country_name(facts.country)} state-controlled media",
        truth,
        f"Meta 2020: wholly or partially under a government's editorial control; here {reason}",
        basis,
    )


def _youtube_2018_rule(facts: OutletFacts) -> Iterable[Label]:
    adjective = country_adjective(facts.country)
    name = facts.name()
    if facts.outlet.public_service:
        text = f"{name} is {with_article(adjective or country_name(facts.country))} public broadcast service."
        truth, rule = Truth.YES, "YouTube 2018: public broadcaster notice"
        basis = [Evidence(f"{facts.outlet.name} is a public-service broadcaster.", facts.outlet.sources)]
    else:
        truth = facts.funding
        if truth is Truth.NO:
            return
        government = f"the {adjective} government" if adjective else f"the government of {country_name(facts.country)}"
        text = f"{name} is funded in whole or in part by {government}."
        rule, basis = (
            "YouTube 2018: funded in whole or in part by a government",
            list(facts.evidence("funds")),
        )
    yield _platform_label(facts, "youtube", text, truth, rule, basis)


def _platform_label(
    facts: OutletFacts, platform: str, text: str, truth: Truth, rule: str, basis: Iterable[Evidence]
) -> Label:
    """A ``platform-label`` whose value is its text, with what the platform actually applied in the basis."""
    return facts.make_label(
        "platform-label",
        text,
        text,
        truth,
        rule=rule,
        basis=[*basis, *_platform_record(facts, platform)],
        policy=_PLATFORM_POLICIES[platform],
        details={"country": facts.country, "platform": ASSESSOR_NAMES[platform]},
    )


_PLATFORM_POLICIES = {"x": "x-2020", "meta": "meta-2020", "youtube": "youtube-2018"}


def with_article(word: str) -> str:
    """The word with its indefinite article: ``a Russian``, ``an American``.

    >>> with_article("American"), with_article("opinion"), with_article("Russian")
    ('an American', 'an opinion', 'a Russian')
    """
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


def _platform_record(facts: OutletFacts, platform: str) -> list[Evidence]:
    """The label the platform actually applied, when recorded: shown beside the derived one."""
    return [
        Evidence(
            f"Recorded: {ASSESSOR_NAMES.get(platform, platform)} labelled it {a.value!r} ({a.interval.describe()}).",
            a.sources,
        )
        for a, _ in facts.assessments("platform-label", platform)
    ]


@attrs.frozen(slots=True)
class Policy:
    """A named way of turning facts into labels.

    Attributes:
        name: Stable id, e.g. ``"typology"``.
        description: One line saying what it labels.
        rule: A function from :class:`OutletFacts` to labels.
        definition_url: Where the rule it reproduces is defined, if anywhere.
    """

    name: str
    description: str
    rule: Callable[[OutletFacts], Iterable[Label]]
    definition_url: str | None = None

    def label(self, facts: OutletFacts) -> tuple[Label, ...]:
        """The labels this policy gives, each stamped with the policy's name."""
        return tuple(
            label if label.policy == self.name else attrs.evolve(label, policy=self.name) for label in self.rule(facts)
        )


POLICIES: Mapping[str, Policy] = MappingProxyType(
    {
        policy.name: policy
        for policy in (
            Policy(
                "typology",
                "State Media Monitor typology, assessed or derived from funding, governance and editorial control.",
                _typology_rule,
                "https://statemediamonitor.com/methodology/",
            ),
            Policy(
                "x-2020",
                "X (Twitter) 2020 state-affiliated media labels.",
                _x_2020_rule,
                "https://blog.x.com/en_us/topics/product/2020/new-labels-for-government-and-state-affiliated-media-accounts",
            ),
            Policy(
                "meta-2020",
                "Meta (Facebook) 2020 state-controlled media labels.",
                _meta_2020_rule,
                "https://about.fb.com/news/2020/06/labeling-state-controlled-media/",
            ),
            Policy(
                "youtube-2018",
                "YouTube 2018 publisher-context notices on publicly funded channels.",
                _youtube_2018_rule,
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
