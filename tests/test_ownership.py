import pytest

from provenance.dates import Truth
from provenance.errors import UnknownIdError
from provenance.ownership import control_chain
from provenance.testing import make_registry


def test_voice_of_russia_2012_leads_to_the_state(fixture_registry):
    chain = control_chain(fixture_registry, "voice-of-russia", "2012")
    assert [s.id for s in chain.states(fixture_registry)] == ["state-ru"]
    assert {p.top for p in chain} == {"state-ru"}
    assert all(p.certainty is Truth.YES for p in chain)


def test_radio_sputnik_2016_goes_through_rossiya_segodnya(fixture_registry):
    chain = control_chain(fixture_registry, "radio-sputnik", "2016")
    described = [p.describe(fixture_registry) for p in chain]
    assert "Radio Sputnik <-operates- Rossiya Segodnya <-owns (100%)- Russian Federation" in described
    assert all(len(p.relations) == 2 for p in chain)
    sources = chain.paths[0].sources()
    assert sources and all(s.url.startswith("https://") for s in sources)


def test_two_hop_public_chain(fixture_registry):
    chain = control_chain(fixture_registry, "voa", "2020")
    assert {tuple(r.kind for r in p.relations) for p in chain} >= {("funds", "funds"), ("governs", "governs")}
    assert chain.ultimate() == ("state-us",)


def test_no_owner_means_no_paths(fixture_registry):
    chain = control_chain(fixture_registry, "eurasia-review", "2012")
    assert chain.paths == () and chain.states(fixture_registry) == ()


def test_before_the_operator_existed_no_path(fixture_registry):
    assert control_chain(fixture_registry, "radio-sputnik", "2010").paths == ()


def test_partial_window_gives_maybe():
    reg = make_registry(
        organizations=[{"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"}],
        outlets=[{"id": "o", "name": "O", "country": "RU"}],
        relations=[{"subject": "state-ru", "kind": "owns", "object": "o", "start": "2014-06"}],
    )
    assert control_chain(reg, "o", "2014").paths[0].certainty is Truth.MAYBE
    assert control_chain(reg, "o", "2015").paths[0].certainty is Truth.YES
    assert control_chain(reg, "o", "2013").paths == ()


def test_chains_stop_at_a_state_and_tolerate_loops():
    reg = make_registry(
        organizations=[
            {"id": "state-xx", "name": "Ruritania", "kind": "state", "country": "RU"},
            {"id": "a", "name": "A"},
            {"id": "b", "name": "B"},
        ],
        outlets=[{"id": "o", "name": "O", "country": "RU"}],
        relations=[
            {"subject": "a", "kind": "owns", "object": "o"},
            {"subject": "b", "kind": "owns", "object": "a", "end": "2000"},
            {"subject": "a", "kind": "owns", "object": "b", "start": "2001"},
            {"subject": "state-xx", "kind": "funds", "object": "a"},
        ],
    )
    tops = {p.top for p in control_chain(reg, "o")}
    assert tops == {"state-xx", "b"}


def test_unknown_outlet_raises(fixture_registry):
    with pytest.raises(UnknownIdError):
        control_chain(fixture_registry, "nope")


def test_handover_between_paths_covers_the_window():
    from provenance.dates import Interval
    from provenance.labelling import label_outlet
    from provenance.ownership import covers

    reg = make_registry(
        organizations=[
            {"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"},
            {"id": "old-owner", "name": "Old owner"},
            {"id": "new-operator", "name": "New operator", "start": "2013-12-09"},
        ],
        outlets=[{"id": "o", "name": "O", "country": "RU", "start": "1993-12-22", "end": "2014-11-10"}],
        relations=[
            {"subject": "old-owner", "kind": "owns", "object": "o", "end": "2013-12-09"},
            {"subject": "new-operator", "kind": "operates", "object": "o", "start": "2013-12-09"},
            {"subject": "state-ru", "kind": "owns", "object": "old-owner"},
            {"subject": "state-ru", "kind": "owns", "object": "new-operator"},
        ],
    )
    lifetime = Interval.parse("1993-12-22", "2014-11-10")
    chain = control_chain(reg, "o", lifetime)
    assert all(path.certainty is Truth.MAYBE for path in chain)
    assert covers(chain.paths, lifetime)
    assert not covers(chain.paths[:1], lifetime)
    # Neither path alone holds on every day, but together they do: governance is certain.
    assert label_outlet("o", registry=reg).get("state-media").certainty == "certain"
