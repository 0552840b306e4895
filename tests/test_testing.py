"""Tests of the testing toolkit: strategies, make_registry, assertion helpers and the pytest plugin."""

import importlib.metadata
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import provenance.testing as toolkit
from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate
from provenance.domains import candidate_hosts, normalize_host
from provenance.errors import RegistryError
from provenance.labelling import explain, label_url
from provenance.model import Article, DomainClaim, Mention, Organization, Outlet, Relation, Source
from provenance.policies import get_policy
from provenance.registry import Registry, default_registry, find_problems
from provenance.testing import (
    ATTRIBUTION_TEMPLATES,
    articles,
    assert_labelled,
    assert_not_labelled,
    intervals,
    make_registry,
    organizations,
    outlets,
    partial_dates,
    registries,
    sources,
    urls,
)
from tests.conftest import ROOT

pytest_plugins = ["pytester"]

DOWNSTREAM = Path(__file__).resolve().parent / "downstream_example"


def _examples(fraction: float) -> settings:
    """Settings with a share of the active profile's example count (the fuzz profile scales it up)."""
    return settings(max_examples=max(5, int(settings().max_examples * fraction)))


# -- make_registry ---------------------------------------------------------------


def test_make_registry_reports_every_problem():
    with pytest.raises(RegistryError) as caught:
        make_registry(
            outlets=[{"id": "Bad Id", "name": "X", "country": "RU"}, {"id": "ok", "name": "", "country": "RU"}],
            domains=[{"host": "x.example", "outlet": "nobody"}],
        )
    problems = caught.value.problems
    assert len(problems) == 2 and "Bad Id" in problems[0] and "outlets[1]" in problems[1]


def test_fixture_source_cannot_be_changed_by_a_test():
    with pytest.raises(TypeError):
        toolkit.FIXTURE_SOURCE["url"] = "https://evil.example/"  # type: ignore[index]


def test_importing_the_toolkit_does_not_need_hypothesis():
    script = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None  # any import of hypothesis now fails
        import provenance.testing as t
        reg = t.make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
                              domains=[{"host": "rt.com", "outlet": "rt"}])
        t.assert_not_labelled("https://rt.com/", "state-media", registry=reg)
        try:
            t.partial_dates()
        except ImportError:
            print("strategies need hypothesis")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "strategies need hypothesis"


# -- strategies --------------------------------------------------------------------


@given(partial_dates(1990, 2000), intervals(1990, 2000))
def test_dates_and_intervals_are_valid(day, interval):
    assert 1990 <= day.year <= 2000
    assert day.earliest() <= day.latest()
    assert isinstance(interval, Interval)
    if interval.start is not None:
        assert 1990 <= interval.start.year <= 2000
    if isinstance(interval.end, PartialDate):
        assert interval.start is None or interval.end.latest() >= interval.start.earliest()
    else:
        assert interval.end in (ONGOING, UNKNOWN)


@_examples(0.5)
@given(sources(), organizations(), outlets())
def test_records_are_valid(source, organization, outlet):
    assert isinstance(source, Source) and source.url.startswith("https://")
    assert isinstance(organization, Organization) and organization.sources
    assert organization.kind != "state" or organization.country is not None
    assert isinstance(outlet, Outlet) and outlet.sources
    assert Registry.from_records([organization]).get(organization.id) == organization
    assert Registry.from_records([outlet]).outlets() == (outlet,)


@_examples(0.3)
@given(registries())
def test_registries_are_consistent(registry):
    records = registry.records
    assert find_problems(records) == []
    ids = {body.id for body in (*registry.outlets(), *registry.organizations())}
    claims = [record for record in records if isinstance(record, DomainClaim)]
    assert len({claim.host for claim in claims}) == len(claims)
    for claim in claims:
        assert normalize_host(claim.host) == claim.host and claim.outlet in ids
    for relation in (record for record in records if isinstance(record, Relation)):
        assert relation.subject in ids and relation.object in ids
    assert registry.outlets()
    assert pickle.loads(pickle.dumps(registry)).records == records


@_examples(0.3)
@given(st.data(), registries(max_outlets=3))
def test_urls_resolve_to_the_claimed_outlet(data, registry):
    url = data.draw(urls(registry), label="url")
    claim = registry.claim_for_url(url)
    assert claim is not None
    assert claim.host in candidate_hosts(normalize_host(url))
    at = data.draw(st.none() | partial_dates(), label="at")
    labels = label_url(url, at, registry=registry)
    assert all(label.subject for label in labels)


@_examples(0.5)
@given(urls(make_registry(outlets=[{"id": "a", "name": "A", "country": "RU"}], domains=[
    {"host": "news.example", "outlet": "a"}, {"host": "xn--80ak6aa92e.com", "outlet": "a"}])))  # fmt: skip
def test_urls_vary_their_spelling(url):
    host = normalize_host(url)
    assert host.endswith(("news.example", "xn--80ak6aa92e.com"))


def test_urls_of_some_hosts_only():
    registry = make_registry(
        outlets=[{"id": "a", "name": "A", "country": "RU"}, {"id": "b", "name": "B", "country": "RU"}],
        domains=[{"host": "a.example", "outlet": "a"}, {"host": "b.example", "outlet": "b"}],
    )

    @settings(max_examples=20)
    @given(urls(registry, hosts=["b.example"]))
    def check(url):
        assert registry.outlet_for_url(url).id == "b"

    check()
    with pytest.raises(ValueError, match="claims no host"):
        urls(registry, hosts=["c.example"])
    with pytest.raises(ValueError):
        registries(min_outlets=0)


@_examples(0.5)
@given(articles())
def test_articles_have_the_seed_layout(sample):
    assert sample.text.startswith(sample.title + "\n")
    assert f"\nBy {sample.author}\n" in sample.text and sample.body in sample.text
    if sample.footer is None:
        assert sample.origin is None
    else:
        assert sample.text.rstrip().endswith(sample.footer)
        assert sample.footer in {template.format(name=sample.origin_name) for template in ATTRIBUTION_TEMPLATES}
        assert default_registry().get(sample.origin).name == sample.origin_name


@_examples(0.5)
@given(articles(attribution=True))
def test_parse_article_reads_generated_articles(sample):
    parse_article = pytest.importorskip("provenance.articles").parse_article
    article = parse_article(sample.text)
    assert article.title == sample.title
    assert article.authors == (sample.author,)
    assert {mention.outlet for mention in article.attributions()} == {sample.origin}


def test_articles_from_a_registry_of_ones_own():
    registry = make_registry(outlets=[{"id": "kiosk", "name": "Kiosk Daily", "country": "GB"}])

    @settings(max_examples=10)
    @given(articles(registry, attribution=True))
    def check(sample):
        assert sample.origin == "kiosk" and "Kiosk Daily" in sample.footer

    check()
    with pytest.raises(ValueError, match="no outlet"):
        articles(make_registry(), attribution=True)


# -- assertion helpers ---------------------------------------------------------------


def test_assert_labelled_returns_the_label(fixture_registry):
    label = assert_labelled("http://ruvr.ru/x", "state-media", "SC", at="2012-08-16", registry=fixture_registry)
    assert label.detail("country") == "RU"
    assert assert_labelled("ruvr.ru", "defunct", registry=fixture_registry, certainty="certain").value == "2014-11-10"
    policy = get_policy("x-2020")
    assert assert_labelled("https://rt.com/", "platform-label", at="2021", policy=policy, registry=fixture_registry)


def test_assert_labelled_failure_shows_labels_and_explanations(fixture_registry):
    with pytest.raises(AssertionError) as caught:
        assert_labelled("http://ruvr.ru/x", "state-media", "CaPu", at="2012-08-16", registry=fixture_registry)
    message = str(caught.value)
    lines = message.splitlines()
    assert lines[0] == (
        "expected a 'state-media' = 'CaPu' label for 'http://ruvr.ru/x' at 2012-08-16 "
        "(outlet 'voice-of-russia') under policy 'typology'"
    )
    assert "Labels found (3):" in lines
    assert "  - state-media = 'SC' (certain) on 'voice-of-russia', policy 'typology'" in lines
    assert "Explanations:" in lines
    # Every label's explanation, with its rule and sources, is in the message.
    for label in label_url("http://ruvr.ru/x", "2012-08-16", registry=fixture_registry):
        assert all(line in message for line in explain(label).splitlines())


def test_assert_labelled_on_an_unknown_host_says_so(fixture_registry):
    with pytest.raises(AssertionError, match="no outlet in the registry claims its host") as caught:
        assert_labelled("https://rt.com.evil.example/", "state-media", registry=fixture_registry)
    assert "No labels were found." in str(caught.value)


def test_assert_labelled_checks_certainty(fixture_registry):
    with pytest.raises(AssertionError, match=r"'sanctioned' \(certain\)"):
        assert_labelled(
            "https://sputniknews.com/x", "sanctioned", at="2022", certainty="certain", registry=fixture_registry
        )


def test_assert_not_labelled(fixture_registry):
    labels = assert_not_labelled("https://rt.com/", "state-media", "IP", registry=fixture_registry)
    assert labels.has("state-media", "SC")
    with pytest.raises(AssertionError) as caught:
        assert_not_labelled("https://rt.com/", "sanctioned", at="2023", registry=fixture_registry)
    message = str(caught.value)
    assert message.startswith("expected no 'sanctioned' label for 'https://rt.com/' at 2023 (outlet 'rt')")
    assert "Rule: a sanction is in force at the date asked" in message
    assert "Council Regulation (EU) 2022/350" in message
    # Only the offending label is explained.
    assert message.count("Rule:") == 1


def test_assertions_on_an_article(fixture_registry):
    mention = Mention(
        outlet="voice-of-russia",
        name="the Voice of Russia",
        start=10,
        end=29,
        sentence="This came from the Voice of Russia.",
        sentence_start=0,
        attribution=True,
        cue="footer",
    )
    article = Article(text="This came from the Voice of Russia.", title="A piece", mentions=(mention,))
    label = assert_labelled(article, "republished-from", "voice-of-russia", registry=fixture_registry)
    assert label.subject == "article"
    assert_labelled(
        article, "origin-state-media", "SC", at="2012-08-16", registry=fixture_registry, certainty="certain"
    )
    labels = assert_not_labelled(article, "sanctioned", registry=fixture_registry)
    assert labels.has("state-media", "SC")  # the origin's own labels are there too
    with pytest.raises(AssertionError, match="expected a 'genre' label for article 'A piece'"):
        assert_labelled(article, "genre", registry=fixture_registry)
    with pytest.raises(TypeError):
        assert_labelled(42, "genre")  # type: ignore[arg-type]


def test_assertions_default_to_the_shipped_registry():
    assert_labelled("https://de.rt.com/x", "state-media", "SC", at="2023")
    assert_not_labelled("https://rt.com.evil.example/", "state-media")


HIDDEN_HELPER_TEST = """
from provenance.testing import assert_labelled, assert_not_labelled, make_registry

REG = make_registry(
    outlets=[{"id": "vor", "name": "Voice of Russia", "country": "RU", "end": "2014-11-10"}],
    domains=[{"host": "ruvr.ru", "outlet": "vor"}],
)


def test_labelled():
    assert_labelled("http://ruvr.ru/x", "state-media", registry=REG)


def test_not_labelled():
    assert_not_labelled("http://ruvr.ru.evil.example/", "defunct", registry=REG)
    assert_not_labelled("http://ruvr.ru/x", "defunct", registry=REG)
"""


def test_assertion_failures_show_the_message_not_the_helpers_source(pytester):
    pytester.makepyfile(HIDDEN_HELPER_TEST)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    # The test's own line and the helper's whole message are shown...
    result.stdout.fnmatch_lines(
        [
            '>       assert_labelled("http://ruvr.ru/x", "state-media", registry=REG)',
            "E       AssertionError: expected a 'state-media' label for 'http://ruvr.ru/x' (outlet 'vor')*",
            "E       Labels found (1):",
            "E         - defunct = '2014-11-10' (certain) on 'vor'",
            "E       Explanations:",
            '>       assert_not_labelled("http://ruvr.ru/x", "defunct", registry=REG)',
            "E       AssertionError: expected no 'defunct' label for 'http://ruvr.ru/x' (outlet 'vor')*",
        ]
    )
    # ...and none of the helper's source: no signature, docstring or body, no frame in _assertions.py.
    output = result.stdout.str()
    for helper_line in ("def assert_labelled(", "def assert_not_labelled(", "raise AssertionError(_failure(", '"""'):
        assert helper_line not in output
    assert "_assertions.py" not in output


# -- the pytest plugin ------------------------------------------------------------------


def test_plugin_is_registered_as_an_entry_point():
    found = [entry for entry in importlib.metadata.entry_points(group="pytest11") if entry.name == "provenance"]
    assert [entry.value for entry in found] == ["provenance.pytest_plugin"]
    assert found[0].load().__name__ == "provenance.pytest_plugin"


def test_plugin_is_active_in_this_session(request, provenance_registry, make_registry):
    assert request.config.pluginmanager.has_plugin("provenance")
    assert provenance_registry is default_registry()
    assert make_registry is toolkit.make_registry


def _copy_downstream(pytester):
    for path in DOWNSTREAM.iterdir():
        if path.suffix == ".py":
            shutil.copy(path, pytester.path / path.name)


def test_downstream_example_passes_in_a_fresh_interpreter(pytester):
    _copy_downstream(pytester)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["provenance: *, data *, registry overlays: none"])


def _overlay(folder: Path, outlets: list[tuple[str, str]], hosts: list[tuple[str, str]]) -> Path:
    """Write a registry overlay folder: outlets as (id, name), domain claims as (host, outlet)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = '[sources.s]\nurl = "https://example.org/overlay"\ntitle = "Overlay"\naccessed = "2026-01-01"\n'
    for id, name in outlets:
        text += f'[[outlets]]\nid = "{id}"\nname = "{name}"\nkind = "website"\ncountry = "GB"\nsources = ["s"]\n'
    for host, outlet in hosts:
        text += f'[[domains]]\nhost = "{host}"\noutlet = "{outlet}"\nrole = "primary"\nsources = ["s"]\n'
    (folder / "overlay.toml").write_text(text, encoding="utf-8")
    return folder


OVERLAY_TEST = """
def test_overlays(provenance_registry):
    print("LAYERS", provenance_registry.layers)
    assert provenance_registry.outlet_for_url("https://one.example/").id == "one"
    assert provenance_registry.outlet_for_url("https://two.example/").name == "{two_name}"
    assert provenance_registry.outlet_for_url("https://rt.com/").id == "rt"
"""


def test_option_layers_overlays_in_order(pytester):
    _overlay(
        pytester.path / "first",
        [("one", "One"), ("two", "Two Before")],
        [("one.example", "one"), ("two.example", "two")],
    )
    _overlay(pytester.path / "second", [("two", "Two Again")], [])  # the later layer's outlet wins
    pytester.makepyfile(OVERLAY_TEST.format(two_name="Two Again"))
    result = pytester.runpytest("--provenance-registry", "first", "--provenance-registry=second", "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["provenance: *registry overlays: */first, */second", "*LAYERS ('default', *"])


def test_ini_setting_is_relative_to_the_ini_file(pytester, monkeypatch):
    _overlay(pytester.path / "data" / "one", [("one", "One")], [("one.example", "one")])
    _overlay(pytester.path / "data" / "two", [("two", "Two")], [("two.example", "two")])
    pytester.makeini("[pytest]\nprovenance_registry =\n    data/one\n    data/two\n")
    pytester.makepyfile(OVERLAY_TEST.format(two_name="Two"))
    (pytester.path / "sub").mkdir()
    monkeypatch.chdir(pytester.path / "sub")
    result = pytester.runpytest(str(pytester.path))
    result.assert_outcomes(passed=1)


def test_option_replaces_the_ini_setting(pytester):
    _overlay(pytester.path / "one", [("one", "One")], [("one.example", "one")])
    _overlay(pytester.path / "two", [("two", "Two")], [("two.example", "two")])
    pytester.makeini("[pytest]\nprovenance_registry = does-not-exist\n")
    pytester.makepyfile(OVERLAY_TEST.format(two_name="Two"))
    result = pytester.runpytest("--provenance-registry", "one", "--provenance-registry", "two")
    result.assert_outcomes(passed=1)


def test_a_broken_overlay_fails_the_tests_that_use_it_with_every_problem(pytester):
    broken = pytester.path / "broken"
    broken.mkdir()
    (broken / "bad.toml").write_text(
        '[[outlets]]\nid = "Bad Id"\nname = "X"\nkind = "website"\ncountry = "RU"\nsources = ["nope"]\n'
        '[[domains]]\nhost = "x.example"\noutlet = "y"\nrole = "nope"\nsources = ["nope"]\n',
        encoding="utf-8",
    )
    pytester.makepyfile(
        """
        def test_uses_it(provenance_registry):
            pass

        def test_does_not(make_registry):
            assert make_registry().outlets() == ()
        """
    )
    result = pytester.runpytest("--provenance-registry", "broken")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*provenance_registry: cannot load the overlays*registry has 2 problems*"])
    output = result.stdout.str()
    assert "bad.toml: outlets[0] (id 'Bad Id')" in output and "bad.toml: domains[0]" in output
    assert "Traceback" not in output and "During handling" not in output


def test_plugin_can_be_turned_off(pytester):
    pytester.makepyfile("def test_x(provenance_registry):\n    pass\n")
    result = pytester.runpytest("-p", "no:provenance")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'provenance_registry' not found*"])


def test_downstream_example_is_what_the_docs_show():
    docs = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    for path in sorted(DOWNSTREAM.glob("*.py")):
        assert f"tests/downstream_example/{path.name}" in docs
        assert f"```python\n{path.read_text(encoding='utf-8')}```" in docs, f"docs/testing.md does not show {path.name}"
