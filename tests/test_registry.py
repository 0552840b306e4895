import pickle
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.errors import InvalidURLError, RegistryError, UnknownIdError
from provenance.model import Outlet
from provenance.registry import Registry
from provenance.testing import make_registry
from tests.conftest import FIXTURES


def test_longest_claim_wins(fixture_registry):
    reg = fixture_registry
    assert reg.outlet_for_url("https://radiosputnik.ria.ru/20160101/x.html", "2016").id == "radio-sputnik"
    assert reg.outlet_for_url("https://ria.ru/politics/", "2016").id == "ria-novosti"
    assert reg.outlet_for_url("https://de.rt.com/inland/1").id == "rt"
    assert reg.outlet_for_url("https://www.rt.com/").id == "rt"


@pytest.mark.parametrize(
    "url", ["rt.com.evil.example", "evilrt.com", "https://notrt.com/", "https://example.org/rt.com"]
)
def test_lookalikes_match_nothing(fixture_registry, url):
    assert fixture_registry.outlet_for_url(url) is None


def test_dated_claims(fixture_registry):
    reg = fixture_registry
    assert reg.outlet_for_url("ruvr.ru", "2012-07-04").id == "voice-of-russia"
    # Shared after the domain's end: the latest claim that ended before (issue #14 item 8).
    assert reg.outlet_for_url("ruvr.ru", "2016").id == "voice-of-russia"
    # Before Radio Sputnik existed, its host falls back to the shorter claim.
    assert reg.outlet_for_url("radiosputnik.ria.ru", "2010").id == "ria-novosti"
    assert reg.outlet_for_url("rtde.world", "2021") is None
    assert reg.claim_for_url("rtde.world", "2023").role == "mirror"


def test_bad_input_raises_typed_errors(fixture_registry):
    with pytest.raises(InvalidURLError):
        fixture_registry.outlet_for_url("not a url")
    with pytest.raises(ValueError):
        fixture_registry.outlet_for_url("rt.com", at="someday")


def test_get_lookup_search(fixture_registry):
    reg = fixture_registry
    assert reg.get("nope") is None
    with pytest.raises(UnknownIdError) as caught:
        reg.lookup("nope")
    assert isinstance(caught.value, LookupError)
    assert reg.lookup("rt").name == "RT"
    assert [b.id for b in reg.search("russia today")] == ["rt"]
    assert reg.search("VOR")[0].id == "voice-of-russia"
    assert reg.search("sputnik")[0].id in {"radio-sputnik", "sputnik"}
    assert reg.search("") == ()
    assert len(reg) == len(reg.outlets()) == 10
    assert all(isinstance(o, Outlet) for o in reg)


def test_relations_and_successions(fixture_registry):
    reg = fixture_registry
    owners_2012 = reg.relations(object="voice-of-russia", at="2012", kinds=["owns"])
    assert [r.subject for r in owners_2012] == ["state-ru"]
    assert reg.relations(subject="rossiya-segodnya", at="2012") == ()
    assert {r.object for r in reg.relations(subject="rossiya-segodnya", at="2016")} == {
        "radio-sputnik",
        "sputnik",
    }
    assert [s.successor for s in reg.successors("voice-of-russia")] == ["radio-sputnik"]
    assert [s.predecessor for s in reg.predecessors("radio-sputnik")] == ["voice-of-russia"]


def test_assessments_at_a_date(fixture_registry):
    reg = fixture_registry
    assert [a.kind for a in reg.assessments("sputnik", at="2023", kind="sanction")] == ["sanction"]
    assert reg.assessments("sputnik", at="2016", kind="sanction") == ()


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


BROKEN = """
[sources.a]
url = "https://example.org/a"
title = "A"
accessed = "2026-01-01"

[[outlets]]
id = "one"
name = "One"
kind = "website"
country = "XX"
sources = ["a"]

[[outlets]]
id = "two"
name = "Two"
kind = "website"
country = "RU"
sources = ["missing"]

[[outlets]]
id = "three"
name = "Three"
kind = "website"
country = "RU"
start = "2014"
end = "2013"
sources = ["a"]

[[outlets]]
id = "four"
name = "Four"
kind = "website"
country = "RU"
colour = "red"

[[domains]]
host = "Example.COM"
outlet = "ghost"
role = "primary"
sources = ["a"]
"""


def test_every_problem_is_reported_with_file_and_record(tmp_path):
    _write(tmp_path, "bad.toml", BROKEN)
    _write(tmp_path, "worse.toml", "this is [not toml")
    with pytest.raises(RegistryError) as caught:
        Registry.from_folder(tmp_path)
    problems = caught.value.problems
    text = "\n".join(problems)
    assert "bad.toml: outlets[0] (id 'one')" in text and "ISO 3166-1" in text
    assert "outlets[1] (id 'two'): cites undeclared source(s) 'missing'" in text
    assert "outlets[2] (id 'three')" in text and "before it starts" in text
    assert "outlets[3] (id 'four')" in text
    assert "worse.toml: not valid TOML" in text
    assert len(problems) == 5


def test_cross_record_problems(tmp_path):
    _write(
        tmp_path,
        "a.toml",
        """
[sources.a]
url = "https://example.org/a"
title = "A"
accessed = "2026-01-01"

[[organizations]]
id = "x"
name = "X"
kind = "company"
sources = ["a"]

[[organizations]]
id = "y"
name = "Y"
kind = "company"
sources = ["a"]

[[outlets]]
id = "x"
name = "Duplicate"
kind = "website"
country = "RU"
sources = ["a"]

[[outlets]]
id = "o"
name = "O"
kind = "website"
country = "RU"
sources = ["a"]

[[domains]]
host = "Example.COM"
outlet = "o"
role = "primary"
sources = ["a"]

[[domains]]
host = "o.example"
outlet = "o"
role = "primary"
sources = ["a"]

[[domains]]
host = "o.example"
outlet = "x"
role = "mirror"
start = "2020"
sources = ["a"]

[[relations]]
subject = "x"
kind = "owns"
object = "y"
sources = ["a"]

[[relations]]
subject = "y"
kind = "owns"
object = "x"
start = "2010"
sources = ["a"]

[[relations]]
subject = "x"
kind = "funds"
object = "ghost"
sources = ["a"]

[[assessments]]
subject = "o"
assessor = "eu"
kind = "sanction"
value = "EU"
sources = ["a"]
""",
    )
    with pytest.raises(RegistryError) as caught:
        Registry.from_folder(tmp_path)
    text = "\n".join(caught.value.problems)
    assert "duplicate id 'x'" in text
    assert "should be written 'example.com'" in text
    assert "also claimed by 'o'" in text
    assert "control cycle" in text
    assert "'ghost' is not a known outlet" in text
    assert "needs its legal instrument" in text


def test_cycles_at_disjoint_times_are_allowed():
    make_registry(
        organizations=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        relations=[
            {"subject": "a", "kind": "owns", "object": "b", "end": "2005"},
            {"subject": "b", "kind": "owns", "object": "a", "start": "2010"},
        ],
    )


def test_hand_over_on_the_same_day_is_not_a_conflict():
    reg = make_registry(
        outlets=[
            {"id": "old", "name": "Old", "country": "RU"},
            {"id": "new", "name": "New", "country": "RU"},
        ],
        domains=[
            {"host": "same.ru", "outlet": "old", "end": "2014-11-10"},
            {"host": "same.ru", "outlet": "new", "start": "2014-11-10"},
        ],
    )
    assert reg.outlet_for_url("same.ru", "2014-11-09").id == "old"
    assert reg.outlet_for_url("same.ru", "2014-11-11").id == "new"
    assert reg.outlet_for_url("same.ru").id == "new"


def test_merge_layers_and_replaces(fixture_registry):
    overlay = make_registry(
        outlets=[{"id": "rt", "name": "RT (corrected)", "country": "RU", "kind": "broadcaster"}],
        assessments=[{"subject": "rt", "assessor": "tester", "kind": "rating", "value": "0.1"}],
    )
    with pytest.raises(RegistryError):
        make_registry(assessments=[{"subject": "rt", "assessor": "tester", "kind": "rating", "value": "0.1"}])
    merged = fixture_registry.merge(overlay)
    assert merged.lookup("rt").name == "RT (corrected)"
    assert fixture_registry.lookup("rt").name == "RT"
    assert merged.assessments("rt", kind="rating")[0].value == "0.1"
    assert merged.outlet_for_url("rt.com").id == "rt"


def test_pickles_small_and_identical(fixture_registry):
    data = pickle.dumps(fixture_registry)
    assert len(data) < 500
    again = pickle.loads(data)
    assert again.records == fixture_registry.records
    built = Registry.from_records(fixture_registry.records)
    assert pickle.loads(pickle.dumps(built)).records == built.records


def test_load_order_does_not_change_answers(tmp_path):
    files = sorted((FIXTURES / "registry").glob("*.toml"))
    for index, file in enumerate(reversed(files)):
        shutil.copy(file, tmp_path / f"{index}_{file.name}")
    a = Registry.from_folder(FIXTURES / "registry")
    b = Registry.from_folder(tmp_path)
    assert set(a.records) == set(b.records)
    for host in ["ruvr.ru", "radiosputnik.ria.ru", "de.rt.com", "bbc.co.uk"]:
        for at in [None, "2012", "2016", "2023-05"]:
            assert a.claim_for_url(host, at) == b.claim_for_url(host, at)


@settings(max_examples=200)
@given(st.text(max_size=200), st.none() | st.sampled_from(["2012", "2016-03", "2023-05-01"]))
def test_any_text_gives_an_outlet_none_or_the_typed_error(fixture_registry, text, at):
    try:
        result = fixture_registry.outlet_for_url(text, at)
    except InvalidURLError:
        return
    assert result is None or isinstance(result, Outlet)


def test_random_urls_from_known_hosts_resolve(fixture_registry):
    rng = random.Random(7)
    for claim in [r for r in fixture_registry.records if hasattr(r, "host")]:
        sub = rng.choice(["", "www.", "news.", "a.b."])
        url = f"https://{sub}{claim.host.upper()}:443/path?q=1"
        assert fixture_registry.claim_for_url(url, claim.interval).outlet == claim.outlet
        if claim.interval.start is not None:
            assert fixture_registry.claim_for_url(url, claim.interval.start) is not None


def reference_indexes(records):
    """The registry's indexes as first written: one pass, one isinstance chain per record."""
    from collections import defaultdict

    from provenance.model import Assessment, DomainClaim, Organization, Relation, Succession
    from provenance.ratings import Rater

    index = {name: defaultdict(list) for name in INDEXES}
    index["_bodies"], index["_raters"] = {}, {}
    for record in records:
        if isinstance(record, Outlet | Organization):
            index["_bodies"][record.id] = record
            for name in {record.name.casefold(), *(n.name.casefold() for n in record.names)}:
                index["_names"][name].append(record.id)
        elif isinstance(record, DomainClaim):
            if record.path is None:  # path claims (accounts) are indexed by host and path prefix
                index["_claims_by_host"][record.host].append(record)
            index["_claims_by_outlet"][record.outlet].append(record)
        elif isinstance(record, Relation):
            index["_relations_out"][record.subject].append(record)
            index["_relations_in"][record.object].append(record)
        elif isinstance(record, Succession):
            index["_successions_out"][record.predecessor].append(record)
            index["_successions_in"][record.successor].append(record)
        elif isinstance(record, Assessment):
            index["_assessments"][record.subject].append(record)
        elif isinstance(record, Rater):
            index["_raters"][record.id] = record
        elif record.outlet is not None:
            index["_ratings_by_outlet"][record.outlet].append(record)
        else:
            index["_ratings_by_host"][record.host].append(record)
    for claims in index["_claims_by_host"].values():
        claims.sort(key=lambda c: c.interval.bounds()[0], reverse=True)
    index["_names"] = {name: sorted(ids) for name, ids in index["_names"].items()}
    return index


INDEXES = (
    "_names",
    "_claims_by_host",
    "_claims_by_outlet",
    "_relations_out",
    "_relations_in",
    "_successions_out",
    "_successions_in",
    "_assessments",
    "_ratings_by_outlet",
    "_ratings_by_host",
)


@pytest.mark.parametrize("which", ["fixture", "shipped"])
def test_indexes_equal_those_built_record_by_record(which):
    from provenance.registry import default_registry

    registry = Registry.from_folder(FIXTURES / "registry") if which == "fixture" else default_registry()
    expected = reference_indexes(registry.records)
    for name in (*INDEXES, "_bodies", "_raters"):
        owner = registry if name in ("_bodies", "_claims_by_host") else registry._lazy
        if name == "_claims_by_host":
            found = dict(registry._claims.by_host)
        else:
            found = dict(getattr(owner, name if owner is registry else name.lstrip("_")))
        if name == "_names":
            found = {key: sorted(ids) for key, ids in found.items()}
        assert found == dict(expected[name]), name
