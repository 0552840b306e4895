import pytest

from provenance.dates import Truth
from provenance.errors import UnknownPolicyError
from provenance.labelling import label_outlet
from provenance.policies import POLICIES, Policy, derive_typology, get_policy

EXPECTED = {
    # outlet: {policy: (expected state-media / platform-label values, their certainties)} in September 2020
    "bbc": {
        "typology": (["IP"], ["certain"]),
        "x-2020": ([], []),
        "meta-2020": ([], []),
        "youtube-2018": (["BBC is a British public broadcast service."], ["possible"]),
    },
    "voa": {
        "typology": (["ISFM"], ["certain"]),
        "x-2020": ([], []),
        "meta-2020": ([], []),
        "youtube-2018": (["Voice of America is funded in whole or in part by the American government."], ["possible"]),
    },
    "rt": {
        "typology": (["SC"], ["certain"]),
        "x-2020": (["Russia state-affiliated media"], ["certain"]),  # recorded: X applied it
        "meta-2020": (["Russia state-controlled media"], ["possible"]),
        "youtube-2018": (["RT is funded in whole or in part by the Russian government."], ["possible"]),
    },
    "al-jazeera": {
        # Qatar owns and funds it; no fact either way on editorial control: both codes are possible.
        "typology": (["SC", "ISFM"], ["possible", "possible"]),
        "x-2020": ([], []),  # X's labels did not cover Qatar's media
        "meta-2020": (["Qatar state-controlled media"], ["possible"]),
        "youtube-2018": (["Al Jazeera is funded in whole or in part by the Qatari government."], ["possible"]),
    },
    "reuters": {policy: ([], []) for policy in ("typology", "x-2020", "meta-2020", "youtube-2018")},
}


@pytest.mark.parametrize("outlet", sorted(EXPECTED))
@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_policies_differ_exactly_where_their_definitions_differ(fixture_registry, outlet, policy):
    labels = label_outlet(outlet, "2020-09", policy, fixture_registry)
    kind = "state-media" if policy == "typology" else "platform-label"
    found = labels.filter(kind)
    values, certainties = EXPECTED[outlet][policy]
    assert [label.value for label in found] == values
    assert [label.certainty for label in found] == certainties
    for label in found:
        assert label.policy == policy and label.rule and label.basis


def test_assessed_typology_says_so_and_derived_says_so(fixture_registry):
    rt = label_outlet("rt", "2020", registry=fixture_registry).get("state-media")
    assert rt.detail("typology_source") == "assessment"
    assert "State Media Monitor" in rt.basis[0].statement
    aj = label_outlet("al-jazeera", "2020", registry=fixture_registry).get("state-media")
    assert aj.detail("typology_source") == "derived" and "no State Media Monitor assessment" in aj.rule


def test_a_recorded_x_label_is_its_own_label_in_x_wording(fixture_registry):
    label = label_outlet("rt", "2021", "x-2020", fixture_registry).get("platform-label")
    assert label.value == "Russia state-affiliated media" and label.certainty == "certain"
    assert label.detail("label_source") == "recorded"
    assert label.basis[0].statement.startswith("Recorded: X labelled RT")


def test_conflicting_assessments_are_kept_side_by_side():
    from provenance.testing import make_registry

    reg = make_registry(
        outlets=[{"id": "o", "name": "O", "country": "CA"}],
        assessments=[
            {"subject": "o", "assessor": "state-media-monitor", "kind": "typology", "value": "ISFM"},
            {"subject": "o", "assessor": "state-media-monitor", "kind": "typology", "value": "ISF"},
        ],
    )
    assert sorted(label.value for label in label_outlet("o", registry=reg).filter("state-media")) == ["ISF", "ISFM"]


@pytest.mark.parametrize(
    ("flags", "public", "code"),
    [
        ((Truth.YES, Truth.YES, Truth.YES), False, "SC"),
        ((Truth.NO, Truth.YES, Truth.YES), False, "CaPu"),
        ((Truth.YES, Truth.NO, Truth.YES), False, "CaPr"),
        ((Truth.NO, Truth.NO, Truth.YES), False, "CaPr"),
        ((Truth.YES, Truth.YES, Truth.NO), False, "ISFM"),
        ((Truth.YES, Truth.NO, Truth.NO), False, "ISF"),
        ((Truth.NO, Truth.YES, Truth.NO), False, "ISM"),
        ((Truth.NO, Truth.NO, Truth.NO), True, "IP"),
        ((Truth.NO, Truth.NO, Truth.NO), False, None),
        ((Truth.MAYBE, Truth.YES, Truth.MAYBE), False, "SC"),
    ],
)
def test_derive_typology_follows_the_state_media_monitor_table(flags, public, code):
    assert derive_typology(*flags, public_service=public) == code


def test_unknown_policy_is_a_typed_lookup_error():
    with pytest.raises(UnknownPolicyError) as caught:
        get_policy("nope")
    assert isinstance(caught.value, LookupError) and "typology" in str(caught.value)


def test_a_custom_policy_in_a_few_lines(fixture_registry):
    def state_money(facts):
        if facts.funding is not Truth.NO:
            yield facts.make_label(
                "platform-label",
                "state money",
                "Paid for by a state.",
                facts.funding,
                rule="any state funding",
                basis=facts.evidence("funds"),
            )

    policy = Policy("state-money", "Labels any state funding.", state_money)
    labels = label_outlet("bbc", "2020", policy, fixture_registry)
    label = labels.get("platform-label")
    assert label.value == "state money" and label.policy == "state-money"
    assert "funds" in label.basis[0].statement
    assert not label_outlet("reuters", "2020", policy, fixture_registry).has("platform-label")
