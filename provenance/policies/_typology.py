"""The ``typology`` policy's rule: assessed State Media Monitor codes, else the codes the facts allow."""

from __future__ import annotations

from collections.abc import Iterable

from provenance.countries import country_adjective, country_name
from provenance.dates import Interval, PartialDate, Truth
from provenance.labels import Evidence, Label
from provenance.model import Assessment, Relation
from provenance.policies._codes import INDEPENDENT_CODES, TYPOLOGY_NAMES, derived_typologies
from provenance.policies._facts import AppliedTypology, OutletFacts
from provenance.policies._wording import assessment_evidence, body_name, describe_relation

__all__ = ["typology_rule"]


def _holder_role(relation: Relation) -> str:
    return "owner" if relation.kind == "owns" else "operator"


def listed_as_of(assessment: Assessment) -> PartialDate | None:
    """The date an undated assessment is known to hold from: the earliest access date of its sources.

    ``None`` when the assessment is dated (its interval has a start) or no source has an access date.
    """
    if assessment.interval.start is not None:
        return None
    dates = [source.accessed for source in assessment.sources if source.accessed is not None]
    return min(dates, key=lambda date: Interval(date).bounds()[1]) if dates else None


def _listed_truth(item: AppliedTypology, window: Interval) -> Truth:
    """How surely a code holds over the window, when a code from an undated list holds as of the list's date.

    An undated assessment (no start) is certain only on days after the
    list's date (:func:`listed_as_of`); over a window that may start
    earlier, or when the list's date is unknown, it is at most possible.
    """
    if item.truth is not Truth.YES or item.assessment.interval.start is not None:
        return item.truth
    since = listed_as_of(item.assessment)
    if since is not None and Interval(since).contains(window) is Truth.YES:
        return Truth.YES
    return Truth.MAYBE


def _dated(facts: OutletFacts, code: str, group: list[AppliedTypology]) -> tuple[Truth, str]:
    """The truth of a code over the window, after the dating rule, and what to add to the label's rule."""
    assessed = Truth.combine_any(item.truth for item in group)
    truth = Truth.combine_any(_listed_truth(item, facts.window) for item in group)
    if truth is assessed:
        return truth, ""
    flags = (facts.funding, facts.governance, facts.editorial_control)
    if dict(derived_typologies(*flags, public_service=facts.outlet.public_service)).get(code) is Truth.YES:
        return Truth.YES, "; the code comes from an undated list, and the dated facts establish it for all that time"
    dates = sorted({str(d) for d in (listed_as_of(item.assessment) for item in group) if d is not None})
    since = f"as of {dates[0]}" if dates else "as of an unknown date"
    return truth, (
        f"; possible only: the code comes from an undated list, which says it holds {since}, "
        "and the time asked may start earlier"
    )


def typology_rule(facts: OutletFacts) -> Iterable[Label]:
    """The ``typology`` policy: a label per applicable assessed code, else per code the facts allow."""
    verb = "was" if facts.is_past() else "is"
    adjective = country_adjective(facts.country) or country_name(facts.country)
    applied = facts.applicable_typologies()
    by_code: dict[str, list[AppliedTypology]] = {}
    for item in applied:
        by_code.setdefault(item.code, []).append(item)
    # Conflicting assessments are all kept, one label per code, never merged.
    for code, group in sorted(by_code.items()):
        truth, dating = _dated(facts, code, group)
        holders = [item.via for item in group if item.via is not None]
        basis = [assessment_evidence(facts.registry, item.assessment) for item in group]
        if not holders:
            text = f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} (State Media Monitor: {code})."
            rule = "State Media Monitor typology, as assessed" + dating
            details: dict[str, str | None] = {"typology_source": "assessment"}
        else:
            named = " and ".join(
                dict.fromkeys(f"its {_holder_role(r)} {body_name(facts.registry, r.subject)}" for r in holders)
            )
            text = (
                f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} "
                f"(State Media Monitor: {code}, assessed for {named})."
            )
            rule = (
                f"State Media Monitor typology assessed for {named}, applied to the outlets it owns or operates "
                "while it does; the outlet has no code of its own" + dating
            )
            basis.extend(Evidence(describe_relation(facts.registry, r), r.sources) for r in dict.fromkeys(holders))
            details = {"typology_source": "owner-assessment", "assessed_for": holders[0].subject}
        yield facts.make_label(
            "state-media",
            code,
            text,
            truth,
            rule=rule,
            basis=[*basis, *facts.evidence()],
            policy="typology",
            details={"country": facts.country, **details},
        )
    if applied:
        return
    flags = (facts.funding, facts.governance, facts.editorial_control)
    shown = [flag.value for flag in flags]
    if flags[2] is Truth.NO:
        shown[2] = "unknown (no fact recorded)"
    found = ", ".join(
        f"{name}: {value}"
        for name, value in zip(("state funding", "state governance", "state editorial control"), shown, strict=True)
    )
    editorial = flags[2]
    for code, truth in derived_typologies(*flags, public_service=facts.outlet.public_service):
        if editorial is Truth.YES:
            text = f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]}"
            condition = why = ""
        else:
            # Editorial control is unknown on some or all days: neither code is established.
            text = f"{facts.name()} may {'have been' if facts.is_past() else 'be'} {adjective} {TYPOLOGY_NAMES[code]}"
            known = "facts say it does on some days only" if editorial is Truth.MAYBE else "no fact says if it does"
            does = "does not control" if code in INDEPENDENT_CODES else "controls"
            condition = f" if the state {does} its editorial line; {known}"
            why = (
                "; possible only: no fact says the state does not control the editorial line"
                if code in INDEPENDENT_CODES
                else "; possible only: no fact says the state controls the editorial line on every day"
            )
        yield facts.make_label(
            "state-media",
            code,
            f"{text} (derived from ownership and funding facts: {code}{condition}).",
            truth,
            rule=f"no State Media Monitor assessment; typology derived from the facts ({found}){why}",
            basis=facts.evidence(),
            policy="typology",
            details={"country": facts.country, "typology_source": "derived"},
        )
