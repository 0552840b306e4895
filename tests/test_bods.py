"""Ownership as BODS 0.4: valid statements (checked with libcovebods, offline), the mapping, dates, determinism, CLI."""

import datetime
import importlib.util
import json
from functools import cache

import pytest
from hypothesis import given, settings

from provenance.bods import to_bods
from provenance.cli import main
from provenance.dates import UNKNOWN, PartialDate
from provenance.errors import UnknownIdError
from provenance.model import Organization, Relation
from provenance.ownership import control_chain
from provenance.registry import default_registry
from provenance.testing import make_registry, registries

HAS_LIBCOVEBODS = importlib.util.find_spec("libcovebods") is not None
needs_libcovebods = pytest.mark.skipif(not HAS_LIBCOVEBODS, reason="libcovebods is not installed (extra: bods)")

# A source drawn by the strategies may have been "accessed" later than today; that is the strategy's data.
FUTURE_RETRIEVAL = "statement_source_retrieved_at_future_date"


@cache
def _libcovebods():
    """libcovebods' config, BODS 0.4 schema and the checks that run offline.

    The schema files ship in the package and refer to each other by ``urn:``
    ids, so validation needs no network. Three checks are left out: their
    constructors download the org-id.guide list of identifier schemes (a
    daily HTTP request): ``CheckStatementEntityIdentifiersHaveKnownScheme``
    (our identifiers name no ``scheme``, only a ``schemeName``, so it has
    nothing to check) and the two pre-0.4 ``LegacyChecks``.
    """
    from libcovebods import run_tasks
    from libcovebods.config import LibCoveBODSConfig
    from libcovebods.data_reader import DataReader
    from libcovebods.schema import SchemaBODS
    from libcovebods.tasks.checks import legacy_checks, record_based_checks

    class InMemory(DataReader):
        def __init__(self, data):
            self._data = data

        def get_all_data(self):
            return self._data

    config = LibCoveBODSConfig()
    schema = SchemaBODS(InMemory([{"recordId": "x", "publicationDetails": {"bodsVersion": "0.4"}}]), config)
    online = {
        legacy_checks.LegacyChecks,
        legacy_checks.LegacyChecksNeedingHistory,
        record_based_checks.CheckStatementEntityIdentifiersHaveKnownScheme,
    }
    tasks = [task for task in run_tasks.TASK_CLASSES if task not in online]
    return InMemory, config, schema, tasks


_WALL_CLOCK_CHECKS = {
    "statement_person_birth_date_in_future": "birth_date",
    "statement_person_death_date_not_sensible_value": "death_date",
    "statement_annotation_creation_date_is_future_date": "creation_date",
}


def _after_today(check):
    """A date libcovebods refuses only because it lies after the day the tests run (it reads the wall clock).

    The strategies draw dates up to the end of 2026, and a BODS end is the day after the registry's last
    day, so a generated person may be born or die "in the future"; a death before birth or past 120 years
    is still a problem.
    """
    key = _WALL_CLOCK_CHECKS.get(check["type"])
    found = check.get(key) if key else None
    return isinstance(found, str) and datetime.date.fromisoformat(found[:10]) > datetime.date.today()


def bods_problems(statements, ignore=()):
    """Everything libcovebods finds wrong: JSON Schema errors, then its additional checks."""
    from libcovebods.jsonschemavalidate import JSONSchemaValidator
    from libcovebods.run_tasks import process_additional_checks

    reader_class, config, schema, tasks = _libcovebods()
    reader = reader_class(statements)
    assert schema.schema_version == "0.4" and schema.schema_error is None
    problems = [
        f"{error.json()['path']}: {error.json()['message']}" for error in JSONSchemaValidator(schema).validate(reader)
    ]
    checks = process_additional_checks(reader, config, schema, tasks)["additional_checks"]
    problems += [
        json.dumps(check, sort_keys=True) for check in checks if check["type"] not in ignore and not _after_today(check)
    ]
    return problems


def _by_record(statements):
    return {statement["recordId"]: statement for statement in statements}


def _interest(statement):
    [interest] = statement["recordDetails"]["interests"]
    return interest


# -- validity -----------------------------------------------------------------------------


@needs_libcovebods
def test_the_validator_finds_problems():
    statements = to_bods(make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}]))
    statements[0]["recordDetails"]["foundingDate"] = "2005"
    statements[0]["recordType"] = "relationship"
    problems = bods_problems(statements)
    assert any("recordDetails" in problem for problem in problems)
    assert any("statement_declaration_subject_not_entity_person" in problem for problem in problems)


@needs_libcovebods
def test_the_whole_shipped_registry_is_valid_bods():
    registry = default_registry()
    statements = to_bods(registry)
    assert bods_problems(statements) == []
    relations = [r for r in registry.records if isinstance(r, Relation)]
    by_type = [s["recordType"] for s in statements]
    assert by_type.count("relationship") == len(relations)
    assert by_type.count("entity") + by_type.count("person") == len(registry) + len(registry.organizations())


@needs_libcovebods
def test_voice_of_russia_is_valid_bods_of_its_control_chain():
    registry = default_registry()
    statements = to_bods(registry, "voice-of-russia")
    assert bods_problems(statements) == []
    chain = control_chain(registry, "voice-of-russia")
    edges = {r for path in chain for r in path.relations}
    records = _by_record(statements)
    assert {s["recordDetails"]["interestedParty"] for s in records.values() if s["recordType"] == "relationship"} == {
        r.subject for r in edges
    }
    assert {id for id, s in records.items() if s["recordType"] != "relationship"} == {"voice-of-russia"} | {
        r.subject for r in edges
    }
    assert sum(s["recordType"] == "relationship" for s in statements) == len(edges)
    assert {s["declarationSubject"] for s in statements} == {"voice-of-russia"}
    handover = records["rossiya-segodnya/operates/voice-of-russia"]
    assert _interest(handover) == {
        "type": "otherInfluenceOrControl",
        "details": "operates: operates (runs) it; registry interval 2013-12-09..2014-11-09",
        "startDate": "2013-12-09",
        "endDate": "2014-11-10",  # BODS: the day from which it ceased; the registry: the last day it held
    }
    assert _interest(records["golos-rossii-company/operates/voice-of-russia"])["endDate"] == "2013-12-09"


@needs_libcovebods
@settings(max_examples=60)
@given(registries(max_outlets=4, max_organizations=4))
def test_any_generated_registry_exports_valid_bods(registry):
    assert bods_problems(to_bods(registry), ignore={FUTURE_RETRIEVAL}) == []
    for outlet in registry.outlets()[:2]:
        assert bods_problems(to_bods(registry, outlet.id), ignore={FUTURE_RETRIEVAL}) == []


# -- every relation once, with its dates -------------------------------------------------


def _expected_dates(relation):
    """What a relation's interval gives: only full days, the end as the day after the last day it held."""
    expected = {}
    start, end = relation.interval.start, relation.interval.end
    if isinstance(start, PartialDate) and start.precision == "day":
        expected["startDate"] = start.isoformat()
    if isinstance(end, PartialDate) and end.precision == "day":
        expected["endDate"] = (end.earliest() + datetime.timedelta(days=1)).isoformat()
    return expected


@settings(max_examples=150)
@given(registries(max_outlets=5, max_organizations=5))
def test_every_relation_appears_once_with_its_dates(registry):
    statements = to_bods(registry)
    relationships = [s for s in statements if s["recordType"] == "relationship"]
    notes = [
        note["description"]
        for s in statements
        if s["recordType"] == "person"
        for note in s.get("annotations", ())
        if "BODS relationships have entities as subjects only" in note["description"]
    ]
    relations = [r for r in registry.records if isinstance(r, Relation)]
    assert len(relationships) + len(notes) == len(relations)
    for relation in relations:
        start, end = relation.interval.to_strings()
        registry_interval = f"registry interval {start or ''}..{end or ''}"
        found = [
            s
            for s in relationships
            if s["recordDetails"]["interestedParty"] == relation.subject
            and s["recordDetails"]["subject"] == relation.object
            and _interest(s)["details"].startswith(relation.kind)
            and _interest(s)["details"].endswith(registry_interval)
            and ("share" in _interest(s)) == (relation.kind == "owns" and relation.share is not None)
        ]
        object_body = registry.lookup(relation.object)
        if isinstance(object_body, Organization) and object_body.kind == "person":
            assert found == []
            assert sum(f"{relation.kind}" in note and registry_interval in note for note in notes) >= 1
            continue
        assert len(found) >= 1
        interests = [_interest(s) for s in found]
        expected = _expected_dates(relation)
        assert any({k: i[k] for k in ("startDate", "endDate") if k in i} == expected for i in interests)
        if relation.interval.end is UNKNOWN:
            assert all("endDate" not in i for i in interests)
    # Each relation is one statement: record ids never repeat.
    assert len({s["recordId"] for s in statements}) == len(statements)


# -- the mapping -----------------------------------------------------------------------------

STATE = {"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}


def _small():
    return make_registry(
        organizations=[
            STATE,
            {"id": "ministry", "name": "Ministry", "kind": "government-body", "country": "RU"},
            {"id": "company", "name": "Holding", "kind": "company", "country": "RU", "start": "2001"},
            {"id": "broadcaster-corp", "name": "Statutory Corp", "kind": "public-body", "country": "GB"},
            {"id": "oligarch", "name": "A. Person", "kind": "person", "country": "RU", "start": "1960-05"},
            {"id": "family", "name": "A Family", "kind": "other"},
        ],
        outlets=[
            {
                "id": "radio",
                "name": "Radio One",
                "country": "RU",
                "kind": "radio",
                "start": "1993-12-22",
                "end": "2014-11-09",
                "names": [{"name": "R1", "kind": "acronym"}],
            }
        ],
        relations=[
            {"subject": "state-ru", "kind": "owns", "object": "company", "share": 0.3077, "start": "2013-12"},
            {"subject": "state-ru", "kind": "funds", "object": "radio", "share": 0.5, "end": "unknown"},
            {"subject": "ministry", "kind": "operates", "object": "radio", "start": "2014-01-01", "end": "2014"},
            {"subject": "company", "kind": "operates", "object": "radio"},
            {"subject": "company", "kind": "governs", "object": "radio"},
            {"subject": "oligarch", "kind": "controls-editorially", "object": "radio"},
            {"subject": "family", "kind": "parent-of", "object": "company"},
            {"subject": "company", "kind": "funds", "object": "oligarch"},
        ],
    )


def test_bodies_map_to_entity_and_person_statements():
    records = _by_record(to_bods(_small()))
    types = {id: s["recordDetails"].get("entityType", {}).get("type", s["recordType"]) for id, s in records.items()}
    assert types["state-ru"] == "state"
    assert types["ministry"] == "stateBody"
    assert types["company"] == "registeredEntity"
    assert types["broadcaster-corp"] == "legalEntity"
    assert types["family"] == "legalEntity"
    assert types["radio"] == "legalEntity"
    assert types["oligarch"] == "person"
    radio = records["radio"]["recordDetails"]
    assert radio["name"] == "Radio One" and radio["alternateNames"] == ["R1"]
    assert radio["jurisdiction"] == {"name": "Russia", "code": "RU"}
    assert radio["identifiers"] == [{"id": "radio", "schemeName": "provenance registry id"}]
    assert (radio["foundingDate"], radio["dissolutionDate"]) == ("1993-12-22", "2014-11-10")
    company = records["company"]
    assert "foundingDate" not in company["recordDetails"]  # 2001: a year, never a made-up day
    assert any("2001 (year only)" in note["description"] for note in company["annotations"])
    person = records["oligarch"]["recordDetails"]
    assert person == {
        "isComponent": False,
        "personType": "knownPerson",
        "names": [{"fullName": "A. Person"}],
        "birthDate": "1960-05",  # BODS takes a person's partial dates
    }


def test_relations_map_to_dated_interests():
    records = _by_record(to_bods(_small()))
    owns = records["state-ru/owns/company"]
    assert _interest(owns) == {
        "type": "shareholding",
        "details": "owns (30.77%): owns shares in it; registry interval 2013-12..",
        "share": {"exact": 30.77},
    }
    assert owns["annotations"][0]["statementPointerTarget"] == "/recordDetails/interests/0"
    assert "2013-12 (month only)" in owns["annotations"][0]["description"]
    funds = records["state-ru/funds/radio"]
    assert _interest(funds) == {
        "type": "otherInfluenceOrControl",
        "details": "funds (50% of its funding): funds it; registry interval ..unknown",
    }
    assert "does not know" in funds["annotations"][0]["description"]
    assert _interest(records["ministry/operates/radio"])["type"] == "controlByLegalFramework"
    assert _interest(records["ministry/operates/radio"])["startDate"] == "2014-01-01"
    assert "endDate" not in _interest(records["ministry/operates/radio"])
    assert _interest(records["company/operates/radio"])["type"] == "otherInfluenceOrControl"
    assert _interest(records["company/governs/radio"])["type"] == "appointmentOfBoard"
    assert _interest(records["oligarch/controls-editorially/radio"])["type"] == "otherInfluenceOrControl"
    assert records["oligarch/controls-editorially/radio"]["recordDetails"]["interestedParty"] == "oligarch"
    assert _interest(records["family/parent-of/company"])["type"] == "otherInfluenceOrControl"
    # A person cannot be a BODS subject: the relation is kept as a note on the person.
    assert "company/funds/oligarch" not in records
    assert any("Holding (company) funds" in note["description"] for note in records["oligarch"]["annotations"])


def test_sources_become_the_statement_source_and_linking_annotations():
    registry = make_registry(
        outlets=[{"id": "rt", "name": "RT", "country": "RU", "sources": ["a", "b"]}],
        sources={
            "a": {
                "url": "https://ru.wikipedia.org/wiki/Россия_сегодня",
                "title": "Россия сегодня",
                "publisher": "Wikipedia",
                "accessed": "2026-11",
                "kind": "reference",
            },
            "b": {"url": "https://rt.com/about", "title": "About", "accessed": "2026-11-28", "kind": "self"},
        },
    )
    [statement] = to_bods(registry)
    assert statement["source"] == {
        "type": ["thirdParty"],
        "description": "Россия сегодня. Wikipedia. https://ru.wikipedia.org/wiki/Россия_сегодня (accessed 2026-11)",
        "url": "https://ru.wikipedia.org/wiki/%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F_%D1%81%D0%B5%D0%B3%D0%BE%D0%B4%D0%BD%D1%8F",
        "assertedBy": [{"name": "Wikipedia"}],
    }  # no retrievedAt: the month is known, not the day
    [link] = statement["annotations"]
    assert link == {
        "statementPointerTarget": "/source",
        "motivation": "linking",
        "description": "A further source: About. https://rt.com/about (accessed 2026-11-28)",
        "url": "https://rt.com/about",
    }
    assert statement["publicationDetails"]["bodsVersion"] == "0.4"


# -- determinism and ids -----------------------------------------------------------------


def test_output_is_deterministic_and_ids_follow_the_content():
    first, second = to_bods(_small()), to_bods(_small())
    assert first == second
    assert len({s["statementId"] for s in first}) == len(first)
    assert all(32 <= len(s["statementId"]) <= 64 for s in first)
    changed = make_registry(organizations=[{**STATE, "name": "Russia"}])
    same = make_registry(organizations=[STATE])
    assert to_bods(changed)[0]["recordId"] == to_bods(same)[0]["recordId"] == "state-ru"
    assert to_bods(changed)[0]["statementId"] != to_bods(same)[0]["statementId"]
    assert {s["statementDate"] for s in first} == {default_registry_date()}


def default_registry_date():
    from provenance.registry import data_version

    return data_version().replace(".", "-")


def test_same_relation_twice_gets_distinct_record_ids():
    registry = make_registry(
        organizations=[STATE],
        outlets=[{"id": "tv", "name": "TV", "country": "RU"}],
        relations=[
            {"subject": "state-ru", "kind": "owns", "object": "tv", "share": 0.51, "end": "2014"},
            {"subject": "state-ru", "kind": "owns", "object": "tv", "share": 0.34, "start": "2015"},
        ],
    )
    ids = [s["recordId"] for s in to_bods(registry) if s["recordType"] == "relationship"]
    assert ids == ["state-ru/owns/tv/..2014/0.51", "state-ru/owns/tv/2015../0.34"]


def test_an_unknown_outlet_is_refused():
    with pytest.raises(UnknownIdError):
        to_bods(_small(), "nobody")


# -- the command -------------------------------------------------------------------------------


def test_export_command_writes_the_statements(tmp_path, capsys):
    target = tmp_path / "vor.json"
    assert main(["export", "--format", "bods", "--outlet", "voice-of-russia", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == to_bods(default_registry(), "voice-of-russia")
    assert main(["export", "--outlet", "voice-of-russia"]) == 0
    assert json.loads(capsys.readouterr().out) == to_bods(default_registry(), "voice-of-russia")


def test_export_command_names_an_unknown_outlet(capsys):
    assert main(["export", "--outlet", "nobody"]) == 2
    assert "nobody" in capsys.readouterr().err


def test_export_writes_its_file_through_the_safe_write(tmp_path, monkeypatch):
    """`export -o` goes through the CLI's one safe write (a temporary file moved over the target when whole)."""
    import provenance.cli._options as options

    used = []
    real = options.replacing_text

    def spy(path, **kwargs):
        used.append(str(path))
        return real(path, **kwargs)

    monkeypatch.setattr(options, "replacing_text", spy)
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    assert main(["export", "--format", "bods", "--outlet", "voice-of-russia", "-o", str(target)]) == 0
    assert used == [str(target)]
    assert json.loads(target.read_text(encoding="utf-8"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]
