"""The downstream project's tests: only provenance's public toolkit, no conftest.

The plugin provenance installs gives the ``provenance_registry`` and
``make_registry`` fixtures; ``provenance.testing`` gives the assertions and
the Hypothesis strategies.
"""

from hypothesis import given, settings
from newsfeed import notice_for

from provenance.testing import assert_labelled, assert_not_labelled, make_registry, registries, urls

# A registry of our own, built once at import time with the plain function.
NEWSROOM = make_registry(
    organizations=[{"id": "state-xx", "name": "Republic of Examplia", "kind": "state", "country": "FR"}],
    outlets=[
        {"id": "examplia-today", "name": "Examplia Today", "country": "FR", "kind": "broadcaster"},
        {"id": "free-voice", "name": "Free Voice", "country": "FR", "kind": "newspaper"},
    ],
    relations=[
        {"subject": "state-xx", "kind": kind, "object": "examplia-today"}
        for kind in ("owns", "funds", "controls-editorially")
    ],
    domains=[
        {"host": "examplia-today.example", "outlet": "examplia-today"},
        {"host": "freevoice.example", "outlet": "free-voice"},
    ],
)


def test_rt_links_get_a_notice(provenance_registry):
    # After 2024-02-07, the date of the State Media Monitor's list the shipped data reads RT's code from.
    assert_labelled("https://de.rt.com/news/1", "state-media", "SC", at="2024-05-01", registry=provenance_registry)
    assert notice_for("https://de.rt.com/news/1", "2024-05-01", provenance_registry).startswith("RT is a Russian")


def test_public_broadcasters_get_no_notice(provenance_registry):
    assert_labelled("https://www.bbc.co.uk/news", "state-media", "IP", at="2023", registry=provenance_registry)
    assert notice_for("https://www.bbc.co.uk/news", "2023", provenance_registry) is None


def test_a_link_shared_in_2012_names_what_came_after(provenance_registry):
    label = assert_labelled(
        "http://ruvr.ru/2012_08_16/x.html",
        "succeeded-by",
        "radio-sputnik",
        at="2012-08-16",
        registry=provenance_registry,
    )
    assert label.detail("successor_name") == "Radio Sputnik"


def test_lookalike_hosts_get_nothing(provenance_registry):
    for url in ["https://rt.com.evil.example/", "https://rt-com.example/", "https://evil.example/rt.com", "not a url"]:
        assert notice_for(url, registry=provenance_registry) is None
    assert_not_labelled("https://rt.com.evil.example/", "state-media", registry=provenance_registry)


def test_our_own_registry_from_the_fixture(make_registry):
    registry = make_registry(
        outlets=[{"id": "local-news", "name": "Local News", "country": "FR"}],
        domains=[{"host": "local.example", "outlet": "local-news"}],
    )
    assert_not_labelled("https://local.example/a", "state-media", registry=registry)
    assert notice_for("https://local.example/a", registry=registry) is None


@settings(max_examples=25, deadline=None)
@given(urls(NEWSROOM, hosts=["examplia-today.example"]))
def test_every_spelling_of_a_state_host_gets_a_notice(url):
    assert notice_for(url, registry=NEWSROOM) == "Examplia Today is a French state-controlled broadcaster."


@settings(max_examples=25, deadline=None)
@given(urls(NEWSROOM, hosts=["freevoice.example"]))
def test_no_spelling_of_an_independent_host_gets_one(url):
    assert notice_for(url, registry=NEWSROOM) is None


@settings(max_examples=10, deadline=None)
@given(registries())
def test_any_consistent_registry_is_handled(registry):
    for outlet in registry.outlets():
        for claim in registry.claims(outlet.id):
            notice = notice_for(f"https://{claim.host}/x", registry=registry)
            assert notice is None or isinstance(notice, str)
