"""The ``typology`` policy's rule: assessed State Media Monitor codes, else the codes the facts allow."""

from __future__ import annotations

from collections.abc import Iterable

from provenance.countries import country_adjective, country_name
from provenance.dates import Truth
from provenance.labels import Evidence, Label
from provenance.model import Relation
from provenance.policies._codes import INDEPENDENT_CODES, TYPOLOGY_NAMES, derived_typologies
from provenance.policies._facts import AppliedTypology, OutletFacts
from provenance.policies._wording import assessment_evidence, body_name, describe_relation

__all__ = ["typology_rule"]


def _holder_role(relation: Relation) -> str:
    return "owner" if relation.kind == "owns" else "operator"


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
        truth = Truth.combine_any(item.truth for item in group)
        holders = [item.via for item in group if item.via is not None]
        basis = [assessment_evidence(facts.registry, item.assessment) for item in group]
        if not holders:
            text = f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} (State Media Monitor: {code})."
            rule = "State Media Monitor typology, as assessed"
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
                "while it does; the outlet has no code of its own"
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
