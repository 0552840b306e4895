"""Facts in words: relations, assessments, assessors' names and indefinite articles."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from provenance.dates import Interval
from provenance.labels import Evidence
from provenance.model import Assessment, Relation
from provenance.registry import Registry

__all__ = ["ASSESSOR_NAMES", "assessment_evidence", "body_name", "describe_relation", "with_article"]

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

_VERBS = {
    "owns": "owns",
    "funds": "funds",
    "governs": "governs",
    "controls-editorially": "controls the editorial line of",
    "operates": "operates",
    "parent-of": "is the parent of",
}


def describe_relation(registry: Registry, relation: Relation) -> str:
    """A relation in words: ``Russian Federation owns Rossiya Segodnya (100%, since 2013-12-09)``."""
    subject, object = registry.lookup(relation.subject).name, registry.lookup(relation.object).name
    notes = [f"{relation.share:.0%}"] if relation.share is not None else []
    if relation.interval != Interval():
        notes.append(relation.interval.describe())
    suffix = f" ({', '.join(notes)})" if notes else ""
    return f"{subject} {_VERBS[relation.kind]} {object}{suffix}"


def body_name(registry: Registry, id: str) -> str:
    """The name of the outlet or organisation with this id, else the id itself."""
    body = registry.get(id)
    return body.name if body is not None else id


def assessment_evidence(registry: Registry, assessment: Assessment) -> Evidence:
    """An assessment as evidence: who assessed which body as what, when, with its note."""
    when = "" if assessment.interval == Interval() else f" ({assessment.interval.describe()})"
    note = f" Note: {assessment.note}" if assessment.note else ""
    return Evidence(
        f"{ASSESSOR_NAMES.get(assessment.assessor, assessment.assessor)} assessed "
        f"{body_name(registry, assessment.subject)} as {assessment.value}{when}.{note}",
        assessment.sources,
    )


def with_article(word: str) -> str:
    """The word with its indefinite article: ``a Russian``, ``an American``.

    >>> with_article("American"), with_article("opinion"), with_article("Russian")
    ('an American', 'an opinion', 'a Russian')
    """
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"
