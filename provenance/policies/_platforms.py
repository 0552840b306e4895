"""The platform policies' rules: recorded X, Meta and YouTube labels first, then one derived within the roll-out."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from provenance.countries import country_adjective, country_name
from provenance.dates import Interval, Truth
from provenance.labels import CERTAIN, Evidence, Label
from provenance.model import Source
from provenance.policies._codes import CAPTURED_CODES
from provenance.policies._facts import OutletFacts, span, together
from provenance.policies._rollouts import Rollout
from provenance.policies._wording import ASSESSOR_NAMES, assessment_evidence, with_article

__all__ = ["Derivation", "PlatformRule", "meta_2020_derive", "x_2020_derive", "youtube_2018_derive"]


def _editorial_basis(facts: OutletFacts) -> tuple[Truth, list[Evidence], str]:
    """Editorial control from relations or from a captured typology code (the outlet's own or its owner's)."""
    truth = facts.editorial_control
    basis = list(facts.evidence("controls-editorially"))
    reason = "the state controls its editorial line"
    captured = [item for item in facts.applicable_typologies() if item.code in CAPTURED_CODES]
    if captured and truth is not Truth.YES:
        truth = Truth.combine_any([truth, *(item.truth for item in captured)])
        basis.extend(assessment_evidence(facts.registry, item.assessment) for item in captured)
        reason = "State Media Monitor records state editorial control"
    return truth, basis, reason


Derivation = tuple[Truth, str, str, list[Evidence]]
"""What a platform's rule gives: truth, label text, the rule in words, and the facts it rests on."""


def x_2020_derive(facts: OutletFacts) -> Derivation | None:
    """X's 2020 rule: the state controls editorial content; state-financed media with independence are exempt."""
    if facts.independent():
        return None  # state-financed with editorial independence: exempt
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO:
        return None
    text = f"{country_name(facts.country)} state-affiliated media"
    return truth, text, f"X 2020: the state exercises control over editorial content; here {reason}", basis


def meta_2020_derive(facts: OutletFacts) -> Derivation | None:
    """Meta's 2020 rule: editorial control, or state ownership or governance and funding without independence."""
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO and not facts.independent():
        # Meta weighs ownership, funding and governance too: a state that both
        # owns or governs and funds an outlet, with no record of independence.
        truth = Truth.combine_all((facts.funding, facts.governance))
        basis = list(facts.evidence("funds", "owns", "governs"))
        reason = "the state owns or governs and funds it, with no record of editorial independence"
    if truth is Truth.NO:
        return None
    text = f"{country_name(facts.country)} state-controlled media"
    return truth, text, f"Meta 2020: wholly or partially under a government's editorial control; here {reason}", basis


def youtube_2018_derive(facts: OutletFacts) -> Derivation | None:
    """YouTube's 2018 notices: a public broadcast service, or funded in whole or in part by a government."""
    adjective = country_adjective(facts.country)
    name = facts.name()
    if facts.outlet.public_service:
        text = f"{name} is {with_article(adjective or country_name(facts.country))} public broadcast service."
        basis = [Evidence(f"{facts.outlet.name} is a public-service broadcaster.", facts.outlet.sources)]
        return Truth.YES, text, "YouTube 2018: public broadcaster notice", basis
    if facts.funding is Truth.NO:
        return None
    government = f"the {adjective} government" if adjective else f"the government of {country_name(facts.country)}"
    text = f"{name} is funded in whole or in part by {government}."
    rule = "YouTube 2018: funded in whole or in part by a government"
    return facts.funding, text, rule, list(facts.evidence("funds"))


@attrs.frozen(slots=True)
class PlatformRule:
    """A platform policy's rule: recorded labels first, then a derived one within the roll-out, never certain."""

    platform: str
    policy: str
    rollouts: tuple[Rollout, ...]
    definition: Source
    derive: Callable[[OutletFacts], Derivation | None]

    def __call__(self, facts: OutletFacts) -> Iterable[Label]:
        recorded = self._recorded(facts)
        yield from recorded
        if any(label.certainty == CERTAIN for label in recorded):
            return  # what the platform showed on every day of the window is known: nothing to derive
        derived = self._derived(facts)
        if derived is not None:
            yield derived

    @property
    def platform_name(self) -> str:
        """The platform's display name."""
        return ASSESSOR_NAMES.get(self.platform, self.platform)

    def _programme(self) -> Interval:
        spans = [span(rollout.interval) for rollout in self.rollouts]
        return Interval.from_days(min(first for first, _ in spans), max(last for _, last in spans))

    def _recorded(self, facts: OutletFacts) -> list[Label]:
        """The labels the platform is recorded to have applied in the window, within its programme."""
        programme = self._programme()
        labels = []
        for assessment, _ in facts.assessments("platform-label", self.platform):
            truth = together((assessment.interval, programme), facts.window)
            if truth is Truth.NO:
                continue
            when = assessment.interval.describe()
            note = f" Note: {assessment.note}" if assessment.note else ""
            labels.append(
                facts.make_label(
                    "platform-label",
                    assessment.value,
                    f'{self.platform_name} labelled {facts.name()} "{assessment.value}" ({when}).',
                    truth,
                    rule=f"{self.platform_name} is recorded to have applied this label",
                    basis=[
                        Evidence(
                            f"Recorded: {self.platform_name} labelled {facts.outlet.name} "
                            f"{assessment.value!r} ({when}).{note}",
                            assessment.sources,
                        )
                    ],
                    policy=self.policy,
                    details={"country": facts.country, "platform": self.platform_name, "label_source": "recorded"},
                )
            )
        return labels

    def _phases(self, facts: OutletFacts) -> tuple[tuple[Rollout, ...], OutletFacts] | None:
        """The phases covering the outlet's state in the window, and the facts over the days they ran."""
        window = span(facts.window)
        phases = tuple(r for r in self.rollouts if r.interval.overlaps(facts.window) is not Truth.NO)
        for _ in range(2):  # the state (and so the phases) can change once the window is narrowed
            if not phases:
                return None
            first = max(window[0], min(span(r.interval)[0] for r in phases))
            last = min(window[1], max(span(r.interval)[1] for r in phases))
            narrowed = Interval.from_days(first, last)
            if narrowed != facts.window:
                facts = OutletFacts.gather(facts.registry, facts.outlet, narrowed)
            covering = tuple(r for r in phases if r.covers(facts.country))
            if covering == phases:
                return phases, facts
            phases = covering
        return (phases, facts) if phases else None

    def _derived(self, facts: OutletFacts) -> Label | None:
        found = self._phases(facts)
        if found is None:
            return None
        phases, narrowed = found
        derivation = self.derive(narrowed)
        if derivation is None:
            return None
        truth, text, rule, basis = derivation
        if truth is Truth.NO:
            return None
        platform = self.platform_name
        return narrowed.make_label(
            "platform-label",
            text,
            f"{text.rstrip('.')} (derived from the facts under {platform}'s rule, not a label {platform} is "
            "recorded to have applied).",
            Truth.MAYBE,  # a derived platform label is never certain
            rule=f"derived: {rule}",
            basis=[
                Evidence(
                    f"Derived, not recorded: {platform}'s rule applied to the facts below.",
                    (self.definition,),
                ),
                *(Evidence(phase.summary, phase.sources) for phase in phases),
                *basis,
            ],
            policy=self.policy,
            details={"country": narrowed.country, "platform": platform, "label_source": "derived"},
        )
