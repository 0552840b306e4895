import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.codec import from_dict, to_dict
from provenance.dates import Interval, PartialDate
from provenance.errors import RecordError
from provenance.model import (
    Assessment,
    DomainClaim,
    Name,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.testing import intervals, partial_dates, sources

ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
countries = st.sampled_from(["RU", "GB", "US", "CN", "QA"])
texts = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=10)
sources_tuple = st.lists(sources(), min_size=1, max_size=2).map(tuple)

RECORDS = {
    Source: sources(),
    Organization: st.builds(
        Organization,
        id=ids,
        name=texts,
        kind=st.sampled_from(["company", "nonprofit"]),
        country=st.none() | countries,
        lifetime=intervals(),
        sources=sources_tuple,
    ),
    Outlet: st.builds(
        Outlet,
        id=ids,
        name=texts,
        kind=st.sampled_from(["radio", "website"]),
        country=countries,
        names=st.lists(st.builds(Name, texts, intervals(), st.sampled_from(["name", "acronym"])), max_size=2).map(
            tuple
        ),
        lifetime=intervals(),
        public_service=st.booleans(),
        sources=sources_tuple,
    ),
    Relation: st.builds(
        Relation,
        subject=st.just("a"),
        kind=st.sampled_from(["owns", "funds"]),
        object=st.just("b"),
        share=st.none() | st.floats(0, 1),
        interval=intervals(),
        sources=sources_tuple,
    ),
    Succession: st.builds(
        Succession,
        predecessor=ids,
        successor=ids,
        kind=st.just("renamed"),
        date=partial_dates(),
        sources=sources_tuple,
    ),
    DomainClaim: st.builds(
        DomainClaim,
        host=st.just("rt.com"),
        outlet=ids,
        role=st.just("primary"),
        interval=intervals(),
        sources=sources_tuple,
    ),
    Assessment: st.builds(
        Assessment,
        subject=ids,
        assessor=ids,
        kind=st.just("typology"),
        value=st.just("SC"),
        interval=intervals(),
        instrument=st.none() | texts,
        note=st.none() | texts,
        sources=sources_tuple,
    ),
}


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_records_round_trip_through_json(cls, data):
    record = data.draw(RECORDS[cls])
    text = json.dumps(to_dict(record))
    assert from_dict(cls, json.loads(text)) == record


def test_records_are_frozen_and_slotted():
    outlet = Outlet("rt", "RT", kind="broadcaster", country="RU")
    with pytest.raises(AttributeError):
        outlet.name = "Other"  # type: ignore[misc]
    assert not hasattr(outlet, "__dict__")


@pytest.mark.parametrize(
    "build",
    [
        lambda: Outlet("RT", "RT", kind="broadcaster", country="RU"),
        lambda: Outlet("rt", "RT", kind="blog", country="RU"),
        lambda: Outlet("rt", "RT", kind="broadcaster", country="UK"),
        lambda: Outlet("rt", " ", kind="broadcaster", country="RU"),
        lambda: Organization("state-ru", "Russia", kind="state"),
        lambda: Relation("a", "owns", "a"),
        lambda: Relation("a", "owns", "b", share=1.5),
        lambda: Relation("a", "bribes", "b"),
        lambda: Source("example.org", "t"),
        lambda: DomainClaim("rt.com", "rt", role="owner"),
    ],
)
def test_invalid_records_raise_record_error(build):
    with pytest.raises(RecordError):
        build()


def test_from_dict_errors_are_typed():
    with pytest.raises(RecordError):
        from_dict(Succession, {"predecessor": "a"})


def test_names_over_time():
    rt = Outlet(
        "rt",
        "RT",
        kind="broadcaster",
        country="RU",
        names=(
            Name("Russia Today", Interval.parse("2005", "2009")),
            Name("RT", Interval.parse("2009")),
        ),
    )
    assert rt.names_at(PartialDate(2007)) == ("Russia Today",)
    assert rt.name_at(PartialDate(2007)) == "Russia Today"
    assert rt.name_at(PartialDate(2015)) == "RT"
    assert rt.name_at(None) == "RT"
