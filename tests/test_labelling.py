import datetime
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.dates import Interval, PartialDate, Truth
from provenance.errors import DateParseError, InvalidURLError, UnknownPolicyError
from provenance.labelling import disclosure, explain, label_outlet, label_url, publication_window
from provenance.model import Outlet
from provenance.policies import POLICIES
from provenance.registry import Registry
from provenance.testing import intervals, make_registry, partial_dates
from tests.conftest import FIXTURES


def test_seed_outlet_in_2012(fixture_registry):
    labels = label_url("http://ruvr.ru/2012_08_16/x.html", "2012-08-16", registry=fixture_registry)
    assert [(lab.kind, lab.value, lab.certainty) for lab in labels] == [
        ("state-media", "SC", "certain"),
        ("defunct", "2014-11-10", "certain"),
        ("succeeded-by", "radio-sputnik", "certain"),
    ]
    succeeded = labels.get("succeeded-by")
    assert succeeded.detail("successor_name") == "Radio Sputnik" and succeeded.detail("date") == "2014-11-10"
    assert labels.get("state-media").detail("country") == "RU"
    assert disclosure(labels, fixture_registry) == (
        "Voice of Russia was a Russian state-controlled radio broadcaster (1993-2014); "
        "it was replaced by Radio Sputnik in 2014."
    )


def test_sanction_holds_for_the_date_asked(fixture_registry):
    assert label_url("https://sputniknews.com/x", "2023", registry=fixture_registry).has("sanctioned", "EU")
    assert not label_url("https://sputniknews.com/x", "2016", registry=fixture_registry).has("sanctioned")
    possible = label_url("https://sputniknews.com/x", "2022", registry=fixture_registry).get("sanctioned")
    assert possible.certainty == "possible"
    assert possible.detail("instrument") == "Council Regulation (EU) 2022/350"


def test_unknown_date_uses_the_outlets_lifetime(fixture_registry):
    labels = label_url("https://sputniknews.com/x", registry=fixture_registry)
    assert labels.get("state-media").certainty == "certain"
    assert labels.get("sanctioned").certainty == "possible"


def test_context_labels_are_shown_whatever_the_date(fixture_registry):
    for at in ["1995", "2012-08-16", None]:
        labels = label_outlet("voice-of-russia", at, registry=fixture_registry)
        assert labels.has("defunct") and labels.has("succeeded-by")


def test_mirror_and_unknown_hosts(fixture_registry):
    mirror = label_url("https://rtde.world/x", "2023", registry=fixture_registry)
    assert mirror.get("mirror-domain").value == "rt" and mirror.get("mirror-domain").subject == "rtde.world"
    assert not label_url("https://www.rt.com/", "2023", registry=fixture_registry).has("mirror-domain")
    assert list(label_url("https://example.com/", registry=fixture_registry)) == []


def test_bad_input_raises_typed_errors(fixture_registry):
    with pytest.raises(InvalidURLError):
        label_url("not a url", registry=fixture_registry)
    with pytest.raises(DateParseError):
        label_url("rt.com", "someday", registry=fixture_registry)
    with pytest.raises(UnknownPolicyError):
        label_url("example.com", policy="nope", registry=fixture_registry)


def test_explain_cites_numbered_sources(fixture_registry):
    label = label_url("https://radiosputnik.ria.ru/x", "2016", registry=fixture_registry).get("state-media")
    text = explain(label)
    assert "Rossiya Segodnya operates Radio Sputnik" in text
    assert "[1] Fixture source (Russia)" in text
    assert text.count("https://example.org/fixture/ru") == 1


def test_publication_window_narrows_to_lifetime():
    vor = Outlet("vor", "VOR", kind="radio", country="RU", lifetime=Interval.parse("1993-12-22", "2014-11-10"))
    assert publication_window(vor, None) == Interval.parse("1993-12-22", "2014-11-10")
    assert publication_window(vor, "2014") == Interval.parse("2014-01-01", "2014-11-10")
    assert publication_window(vor, "2020") == Interval.parse("2020-01-01", "2020-12-31")


def _sanctioned_registry(interval: Interval) -> Registry:
    start, end = interval.to_strings()
    assessment = {"subject": "o", "assessor": "eu", "kind": "sanction", "value": "EU", "instrument": "Act 1"}
    assessment.update({k: v for k, v in (("start", start), ("end", end)) if v is not None})
    return make_registry(outlets=[{"id": "o", "name": "O", "country": "RU"}], assessments=[assessment])


@settings(max_examples=60)
@given(intervals(2000, 2004), st.dates(datetime.date(1999, 1, 1), datetime.date(2005, 12, 31)))
def test_a_fact_labels_the_days_inside_its_interval_and_not_outside(interval, day):
    labels = label_outlet("o", day, registry=_sanctioned_registry(interval))
    truth = interval.contains(day)
    assert labels.has("sanctioned") is (truth is not Truth.NO)
    if truth is Truth.YES:
        assert labels.get("sanctioned").certainty == "certain"


@settings(max_examples=40)
@given(intervals(2000, 2004), partial_dates(1999, 2005), st.randoms(use_true_random=False))
def test_certain_means_it_holds_on_every_day_of_the_window(interval, when, rng):
    registry = _sanctioned_registry(interval)
    label = label_outlet("o", when, registry=registry).get("sanctioned")
    if label is None or label.certainty != "certain":
        return
    first, last = when.earliest().toordinal(), when.latest().toordinal()
    days = {first, last, *(rng.randint(first, last) for _ in range(8))}
    for day in sorted(days):
        on_day = label_outlet("o", datetime.date.fromordinal(day), registry=registry).get("sanctioned")
        assert on_day is not None and on_day.certainty == "certain"


def test_results_do_not_depend_on_file_load_order(fixture_registry, tmp_path):
    for index, file in enumerate(sorted((FIXTURES / "registry").glob("*.toml"), reverse=True)):
        shutil.copy(file, tmp_path / f"{index}-{file.name}")
    reordered = Registry.from_folder(tmp_path)
    for url in ["ruvr.ru", "radiosputnik.ria.ru", "rtde.world", "bbc.co.uk", "voanews.com", "aljazeera.com"]:
        for at in [None, "2012", "2016-05", "2023-01-01"]:
            for policy in POLICIES:
                a = label_url(url, at, policy, fixture_registry).to_json()
                b = label_url(url, at, policy, reordered).to_json()
                assert a == b


def test_default_registry_seed_facts():
    labels = label_url("http://ruvr.ru/2012_08_16/x.html", "2012-08-16")
    assert labels.get("state-media").value == "SC"
    assert labels.get("succeeded-by").value == "radio-sputnik"
    assert "Radio Sputnik in 2014" in disclosure(labels)


def test_partial_date_window_label(fixture_registry):
    when = PartialDate(2014)
    labels = label_outlet("radio-sputnik", when, registry=fixture_registry)
    assert labels.get("state-media").certainty == "certain"


# -- issue #16 item 2: label_url says what it matched ---------------------------------------------------------


def test_label_url_carries_the_outlet_and_claim_it_matched(fixture_registry):
    """issue #16 item 2: the outlet and claim come with the labels, so no second lookup is needed."""
    labels = label_url("http://www.ruvr.ru/2012_08_16/x.html", "2012-08-16", registry=fixture_registry)
    assert labels.host == "ruvr.ru"
    assert labels.outlet is not None and labels.outlet.id == "voice-of-russia"
    assert labels.claim == fixture_registry.claim_for_url("ruvr.ru", "2012-08-16")
    assert labels.claim.outlet == "voice-of-russia" and labels.claim.host == "ruvr.ru"
    # A subdomain falls under the claim on the domain above it: the claim says which host was claimed.
    below = label_url("https://deutsch.rt.com/x", "2023", registry=fixture_registry)
    assert below.host == "deutsch.rt.com" and below.claim.host == "rt.com" and below.outlet.id == "rt"


def test_unknown_host_differs_from_a_known_outlet_with_nothing_to_disclose():
    """issue #16 item 2: both give no labels; only the outlet tells them apart."""
    registry = make_registry(
        outlets=[{"id": "quiet", "name": "Quiet News", "country": "GB"}],
        domains=[{"host": "quiet.example", "outlet": "quiet"}],
    )
    known = label_url("https://quiet.example/a", registry=registry)
    unknown = label_url("https://loud.example/a", registry=registry)
    assert list(known) == [] and list(unknown) == []
    assert known.outlet is not None and known.outlet.name == "Quiet News" and known.claim.host == "quiet.example"
    assert unknown.outlet is None and unknown.claim is None and unknown.host == "loud.example"


def test_what_was_matched_takes_no_part_in_equality(fixture_registry):
    """issue #16 item 2: existing callers comparing label sets (and the batch's answers) are unaffected."""
    from provenance.labels import LabelSet

    labels = label_url("https://rt.com/x", "2023", registry=fixture_registry)
    plain = LabelSet(labels.labels)
    assert labels == plain and hash(labels) == hash(plain) and repr(labels) == repr(plain)
    assert label_url("https://example.com/", registry=fixture_registry) == LabelSet()
    # Filtering keeps what was matched; adding two sets drops it (they may differ).
    assert labels.filter("sanctioned").outlet.id == "rt" and labels.filter("sanctioned").host == "rt.com"
    assert (labels + labels).outlet is None


def test_label_outlet_carries_its_outlet(fixture_registry):
    labels = label_outlet("voice-of-russia", "2012", registry=fixture_registry)
    assert labels.outlet.id == "voice-of-russia" and labels.claim is None and labels.host is None


def test_a_date_spanning_a_change_of_claim_gives_the_first_claim():
    """issue #16 item 2: with several claims, the outlet and claim are the first (as claim_for_url gives)."""
    registry = make_registry(
        outlets=[
            {"id": "first", "name": "First", "country": "GB", "start": "2000-01-01", "end": "2005-06-30"},
            {"id": "second", "name": "Second", "country": "GB", "start": "2005-07-01"},
        ],
        domains=[
            {"host": "shared.example", "outlet": "first", "end": "2005-06-30"},
            {"host": "shared.example", "outlet": "second", "start": "2005-07-01"},
        ],
    )
    labels = label_url("shared.example", "2005", registry=registry)
    assert len(registry.claims_for_host("shared.example", PartialDate(2005))) == 2
    assert labels.claim == registry.claim_for_url("shared.example", "2005")
    assert labels.outlet is not None and labels.outlet.id == labels.claim.outlet


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_match_is_what_the_registry_lookups_give(data):
    """issue #16 item 2, property: label_url's outlet and claim are claim_for_url's and outlet_for_url's."""
    from provenance.domains import normalize_host
    from provenance.testing import registries, urls

    registry = data.draw(registries())
    url = data.draw(st.one_of(urls(registry), st.just("https://unclaimed.invalid/x")))
    at = data.draw(st.one_of(st.none(), partial_dates(1990, 2030)))
    labels = label_url(url, at, registry=registry)
    assert labels.host == normalize_host(url)
    assert labels.claim == registry.claim_for_url(url, at)
    assert labels.outlet == registry.outlet_for_url(url, at)
    assert (labels.outlet is None) is (labels.claim is None)
