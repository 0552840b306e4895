import pytest

from provenance.dates import Interval, Truth
from provenance.errors import UnknownIdError
from provenance.model import Organization, Relation
from provenance.ownership import ControlPath, control_chain, stands_for_state
from provenance.policies import OutletFacts
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
    # Neither path alone holds on every day, but together they do: governance is certain. Editorial
    # control is unknown, so the two codes the facts allow are both only possible.
    labels = label_outlet("o", registry=reg).filter("state-media")
    assert [(label.value, label.certainty) for label in labels] == [("CaPu", "possible"), ("ISM", "possible")]
    assert "state governance: yes" in labels.labels[0].rule


def _path(*relations):
    """A control path from the outlet "o" up, given ``(subject, kind, object)`` triples from the outlet upward."""
    return ControlPath("o", tuple(Relation(s, k, o) for s, k, o in relations), Truth.YES)


GOVERNANCE = frozenset({"owns", "governs"})
FUNDING = frozenset({"funds"})
EDITORIAL = frozenset({"controls-editorially"})


@pytest.mark.parametrize(
    ("relations", "kinds", "carried"),
    [
        # A foundation's governance is not the state's when the state only funds the foundation.
        ([("foundation", "governs", "o"), ("state", "funds", "foundation")], GOVERNANCE, False),
        ([("foundation", "governs", "o"), ("state", "funds", "foundation")], FUNDING, False),
        # ...but it is when a fact says the state governs or owns the foundation.
        ([("foundation", "governs", "o"), ("state", "governs", "foundation")], GOVERNANCE, True),
        ([("foundation", "governs", "o"), ("state", "owns", "foundation")], GOVERNANCE, True),
        # An operator's owner runs the outlet; money reaches what a funded body operates, owns or parents.
        ([("operator", "operates", "o"), ("state", "owns", "operator")], GOVERNANCE, True),
        ([("operator", "operates", "o"), ("state", "funds", "operator")], FUNDING, True),
        ([("holding", "owns", "o"), ("state", "funds", "holding")], FUNDING, True),
        ([("agency", "funds", "o"), ("state", "funds", "agency")], FUNDING, True),
        ([("company", "funds", "o"), ("state", "owns", "company")], FUNDING, True),
        ([("operator", "operates", "o"), ("state", "funds", "operator")], GOVERNANCE, False),
        # Editorial control passes down through control relations, never up through money.
        ([("operator", "operates", "o"), ("state", "controls-editorially", "operator")], EDITORIAL, True),
        ([("board", "controls-editorially", "o"), ("state", "owns", "board")], EDITORIAL, True),
        ([("board", "controls-editorially", "o"), ("state", "funds", "board")], EDITORIAL, False),
        ([("state", "operates", "o")], GOVERNANCE, False),
    ],
)
def test_what_a_path_carries(relations, kinds, carried):
    assert _path(*relations).carries(kinds) is carried


def public_broadcaster_registry():
    """A NOS-like broadcaster: the state funds it and a foundation; the foundation governs it."""
    return make_registry(
        organizations=[
            {"id": "state-nl", "name": "Netherlands", "kind": "state", "country": "NL"},
            {"id": "npo-foundation", "name": "Stichting NPO", "kind": "public-body", "country": "NL"},
        ],
        outlets=[{"id": "nos", "name": "NOS", "country": "NL", "kind": "broadcaster", "public_service": True}],
        relations=[
            {"subject": "state-nl", "kind": "funds", "object": "npo-foundation"},
            {"subject": "state-nl", "kind": "funds", "object": "nos"},
            {"subject": "npo-foundation", "kind": "governs", "object": "nos"},
        ],
        domains=[{"host": "nos.nl", "outlet": "nos"}],
    )


def test_a_foundations_governance_is_not_the_states():
    from provenance.labelling import label_outlet

    reg = public_broadcaster_registry()
    facts = OutletFacts.gather(reg, reg.lookup("nos"), Interval.parse("2021-01-01", "2021-12-31"))
    assert facts.funding is Truth.YES and facts.governance is Truth.NO
    # The public body at the top of the governs path stands for no state.
    assert [s.id for s in control_chain(reg, "nos", "2021").states(reg)] == ["state-nl"]
    codes = [label.value for label in label_outlet("nos", "2021", registry=reg).filter("state-media")]
    assert "ISFM" not in codes and "ISF" in codes


def city_government_registry():
    """A TV-Centre-like channel: owned by a city government, the state controls its editorial line."""
    return make_registry(
        organizations=[
            {"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"},
            {"id": "moscow", "name": "Government of Moscow", "kind": "government-body", "country": "RU"},
        ],
        outlets=[{"id": "tvc", "name": "TV Centre", "country": "RU", "kind": "tv-channel", "start": "1997"}],
        relations=[
            {"subject": "moscow", "kind": "owns", "object": "tvc", "start": "1997-01-15"},
            {"subject": "state-ru", "kind": "controls-editorially", "object": "tvc"},
        ],
    )


def test_a_city_government_is_part_of_its_state():
    from provenance.labelling import label_outlet

    reg = city_government_registry()
    chain = control_chain(reg, "tvc", "2020")
    assert {s.id for s in chain.states(reg)} == {"moscow", "state-ru"}
    assert {p.top for p in chain.to_state(reg)} == {"moscow", "state-ru"}
    label = label_outlet("tvc", "2020", registry=reg).get("state-media")
    # Owned by part of the Russian state and editorially controlled: captured *public*, not captured private.
    assert (label.value, label.certainty, label.detail("country")) == ("CaPu", "certain", "RU")
    assert any("Government of Moscow owns TV Centre" in e.statement for e in label.basis)


def test_who_stands_for_a_state():
    def body(kind, country="RU"):
        return Organization("b", "B", kind, country)

    assert stands_for_state(body("state"))
    assert stands_for_state(body("government-body"))
    assert not stands_for_state(body("government-body", None))
    for kind in ("public-body", "company", "nonprofit", "person", "other"):
        assert not stands_for_state(body(kind))
