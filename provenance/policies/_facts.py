"""What a policy may read about an outlet over a window: :class:`OutletFacts`, gathered once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from provenance.dates import ONGOING, Interval, Truth
from provenance.labels import CERTAIN, POSSIBLE, Evidence, Label
from provenance.model import Assessment, Organization, Outlet, Relation
from provenance.ownership import ControlChain, ControlPath, control_chain, covers
from provenance.policies._codes import INDEPENDENT_CODES
from provenance.policies._wording import describe_relation
from provenance.registry import Registry

__all__ = ["AppliedTypology", "OutletFacts", "certainty_of", "span", "together"]

_SMM = "state-media-monitor"


def certainty_of(truth: Truth) -> str | None:
    """``certain`` for ``YES``, ``possible`` for ``MAYBE``, ``None`` for ``NO``."""
    return {Truth.YES: CERTAIN, Truth.MAYBE: POSSIBLE}.get(truth)


def span(interval: Interval) -> tuple[int, int]:
    """The first and last ordinal day an interval may cover."""
    bounds = interval.bounds()
    return bounds[0], bounds[3]


def together(intervals: Iterable[Interval], window: Interval) -> Truth:
    """Whether all the intervals hold on each day of the window (``YES``), on none together (``NO``), or maybe."""
    intervals = tuple(intervals)
    truths = [interval.contains(window) for interval in intervals]
    if all(truth is Truth.YES for truth in truths):
        return Truth.YES
    if Truth.NO in truths:
        return Truth.NO
    first, last = span(window)
    for interval in intervals:
        start, end = span(interval)
        first, last = max(first, start), min(last, end)
    return Truth.NO if first > last else Truth.MAYBE


@attrs.frozen(slots=True)
class AppliedTypology:
    """A State Media Monitor code that applies to an outlet, and how it came to apply."""

    assessment: Assessment
    """The assessment: of the outlet itself, or of the company that owns or operates it."""
    truth: Truth
    """Whether it applies on every day of the window (``YES``) or only on some (``MAYBE``)."""
    via: Relation | None = None
    """The ``owns`` or ``operates`` relation through which a company's code applies; ``None`` for the outlet's own."""

    @property
    def code(self) -> str:
        """The typology code."""
        return self.assessment.value


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
        """The state (or government body standing for one) at the top of the chain, the first found, or ``None``."""
        states = self.chain.states(self.registry)
        return states[0] if states else None

    @property
    def country(self) -> str:
        """The controlling state's country, else the outlet's own."""
        state = self.state
        return state.country if state is not None and state.country else self.outlet.country

    def _state_paths(self, kinds: frozenset[str]) -> tuple[ControlPath, ...]:
        return tuple(path for path in self.chain.to_state(self.registry) if path.carries(kinds))

    def _truth(self, kinds: frozenset[str]) -> Truth:
        paths = self._state_paths(kinds)
        truth = Truth.combine_any(path.certainty for path in paths)
        if truth is Truth.MAYBE and covers(paths, self.window):
            return Truth.YES  # different paths hand over, together holding every day
        return truth

    @property
    def funding(self) -> Truth:
        """Whether a state funds the outlet, directly or through bodies it controls or funds."""
        return self._truth(frozenset({"funds"}))

    @property
    def governance(self) -> Truth:
        """Whether a state owns or governs the outlet, directly or through bodies it controls.

        Funding a body passes no control: a state that funds a foundation
        which governs the outlet does not govern the outlet.
        """
        return self._truth(frozenset({"owns", "governs"}))

    @property
    def editorial_control(self) -> Truth:
        """Whether a recorded fact says a state controls what the outlet publishes (``NO``: none says so)."""
        return self._truth(frozenset({"controls-editorially"}))

    def evidence(self, *kinds: str) -> tuple[Evidence, ...]:
        """The relations on state paths that carry these kinds (every state path if none given), as evidence."""
        paths = self.chain.to_state(self.registry) if not kinds else self._state_paths(frozenset(kinds))
        relations = dict.fromkeys(r for path in paths for r in path.relations)
        return tuple(Evidence(describe_relation(self.registry, r), r.sources) for r in relations)

    def assessments(self, kind: str, assessor: str | None = None) -> tuple[tuple[Assessment, Truth], ...]:
        """Assessments of the outlet that may hold in the window, with how surely they do."""
        found = []
        for assessment in self.registry.assessments(self.outlet.id, self.window, kind):
            if assessor is None or assessment.assessor == assessor:
                found.append((assessment, assessment.interval.contains(self.window)))
        return tuple(found)

    def typologies(self) -> tuple[tuple[Assessment, Truth], ...]:
        """State Media Monitor typology assessments of the outlet itself in the window."""
        return self.assessments("typology", _SMM)

    def owner_typologies(self) -> tuple[AppliedTypology, ...]:
        """Codes assessed for the companies that directly own or operate the outlet, while they do.

        The State Media Monitor assesses media companies; a company's code
        applies to the outlets it owns or operates on the days when both the
        assessment and the ``owns`` / ``operates`` relation hold.
        """
        found = []
        for relation in self.registry.relations(object=self.outlet.id, at=self.window, kinds=("owns", "operates")):
            holder = self.registry.lookup(relation.subject)
            for assessment in self.registry.assessments(holder.id, self.window, "typology"):
                if assessment.assessor != _SMM:
                    continue
                truth = together((assessment.interval, relation.interval, holder.lifetime), self.window)
                if truth is not Truth.NO:
                    found.append(AppliedTypology(assessment, truth, relation))
        return tuple(found)

    def applicable_typologies(self) -> tuple[AppliedTypology, ...]:
        """The outlet's own State Media Monitor codes, or, when it has none, those of its owners and operators."""
        own = tuple(AppliedTypology(a, t) for a, t in self.typologies())
        return own or self.owner_typologies()

    def independent(self) -> bool:
        """Whether an applicable typology code records editorial independence (ISFM, ISF, ISM, IP)."""
        return any(applied.code in INDEPENDENT_CODES for applied in self.applicable_typologies())

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
