"""The source policy: its rules as data, the audit, and `provenance validate`."""

import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.errors import SourcePolicyError
from provenance.model import Source
from provenance.source_policy import audit_sources, load_source_policy, names_party
from provenance.testing import make_registry
from tests.conftest import FIXTURES
from tests.test_cli import run

POLICY = load_source_policy()

GOOD = {
    "url": "https://en.wikipedia.org/wiki/RT_(TV_network)",
    "title": "RT (TV network)",
    "publisher": "Wikipedia",
    "accessed": "2026-12-02",
    "kind": "reference",
    "quote": "RT is funded by the Russian government.",
}


def registry(**source: str):
    """RT, the Russian state and one funding fact citing one source (GOOD with changes)."""
    cited = {**GOOD, **source}
    return make_registry(
        outlets=[
            {
                "id": "rt",
                "name": "RT",
                "country": "RU",
                "names": [{"name": "Russia Today", "kind": "alias"}],
                "sources": ["s"],
            }
        ],
        organizations=[
            {"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU", "sources": ["s"]}
        ],
        domains=[{"host": "rt.com", "outlet": "rt", "sources": ["s"]}],
        relations=[{"subject": "state-ru", "kind": "funds", "object": "rt", "sources": ["s"]}],
        sources={"s": {k: v for k, v in cited.items() if v is not None}},
    )


def rules(reg) -> list[str]:
    return sorted({violation.rule for violation in audit_sources(reg, POLICY).violations})


def test_a_kind_quoted_source_naming_a_party_passes():
    audit = audit_sources(registry(), POLICY)
    assert audit.ok, audit.report()
    assert audit.total.records == 4 and audit.total.facts == 1
    assert audit.total.by_kind == {"reference": 4}
    assert audit.total.single_source == 4


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"kind": None}, "kind"),
        ({"kind": "other"}, "strong-source"),
        ({"quote": None}, "quote"),
        ({"quote": "It is funded by subsidies.", "title": "Budget 2020"}, "party"),
        ({"url": "https://www.wikiwand.com/en/articles/RT"}, "refused-host"),
        ({"url": "https://web.archive.org/web/2014/http://rt.com/about"}, "refused-host"),
        ({"url": "https://en-m-wikipedia-org.translate.goog/wiki/RT"}, "refused-host"),
        ({"url": "https://someone.blogspot.com/2013/12/rt.html"}, "refused-host"),
        ({"kind": "news"}, "expected-kind"),
        ({"archived": "https://example.org/copy"}, "archived"),
    ],
)
def test_each_rule_catches_its_breach(change, rule):
    assert rule in rules(registry(**change))


def test_a_source_needs_the_day_it_was_read():
    from provenance.model import Outlet
    from provenance.registry import Registry

    undated = Source("https://en.wikipedia.org/wiki/RT", "RT", kind="reference")
    reg = Registry.from_records([Outlet("rt", "RT", kind="broadcaster", country="RU", sources=(undated,))])
    assert rules(reg) == ["accessed"]


def test_an_archived_copy_on_an_archive_host_is_fine():
    assert rules(registry(archived="https://web.archive.org/web/2014/https://en.wikipedia.org/wiki/RT")) == []


def test_the_title_may_name_the_party():
    assert rules(registry(quote="It is funded by the federal budget.")) == []  # title "RT (TV network)"


def _funded(quote: str, *claims: dict[str, str]):
    """Al Jazeera English funded by Qatar, the source quoting ``quote``; the outlet claimed as given."""
    return make_registry(
        outlets=[{"id": "aje", "name": "Al Jazeera English", "country": "QA", "sources": ["s"]}],
        organizations=[{"id": "state-qa", "name": "Qatar", "kind": "state", "country": "QA", "sources": ["s"]}],
        domains=[{**claim, "outlet": "aje", "sources": ["s"]} for claim in claims],
        relations=[{"subject": "state-qa", "kind": "funds", "object": "aje", "sources": ["s"]}],
        sources={"s": {**GOOD, "quote": quote, "title": "State Media Matrix"}},
    )


def test_a_site_the_outlet_is_claimed_on_names_it():
    # a State Media Monitor row names an outlet by its address: "...,https://www.aljazeera.com/,SC"
    row = "Al Jazeera Media Network,https://www.aljazeera.com/,SC"
    assert rules(_funded(row, {"host": "aljazeera.com"})) == []
    assert rules(_funded(row, {"host": "aljazeera.net"})) == ["party"]
    assert rules(_funded("Network,https://www.example.org/news/,SC", {"host": "example.org", "path": "/news"})) == []


def test_an_account_is_not_a_name_of_its_outlet():
    quote = "Network,https://x.com/aje,SC"
    assert rules(_funded(quote, {"host": "x.com", "path": "/aje", "role": "account"})) == ["party"]


def test_state_media_may_be_a_source_only_about_themselves():
    about_itself = {"url": "https://www.rt.com/about-us/", "title": "About RT", "kind": "self"}
    assert "state-media" not in rules(_with_typology(about_itself, subject="rt"))
    # the same page backing a fact about another outlet is refused
    reg = _with_typology(about_itself, subject="other")
    assert "state-media" in rules(reg)


def _with_typology(source, subject):
    cited = {**GOOD, **source, "quote": "RT and Other TV are funded by the Russian Federation."}
    return make_registry(
        outlets=[{"id": "rt", "name": "RT", "country": "RU"}, {"id": "other", "name": "Other TV", "country": "RU"}],
        organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}],
        domains=[{"host": "rt.com", "outlet": "rt"}],
        relations=[{"subject": "state-ru", "kind": "funds", "object": subject, "sources": ["s"]}],
        assessments=[{"subject": "rt", "assessor": "state-media-monitor", "kind": "typology", "value": "SC"}],
        sources={"s": cited},
    )


def test_refusals_match_hosts_below_and_paths():
    def refused(url: str) -> str | None:
        rule = POLICY.refusal(Source(url, "t"))
        return None if rule is None else rule.category

    assert refused("https://de.wikimili.com/x") == "mirror"
    assert refused("https://www.google.com/url?q=https://rt.com") == "search-redirect"
    assert refused("https://www.google.com/intl/en/about") is None
    assert refused("https://notwikiwand.com/x") is None  # a host ending in the name is not below it
    assert refused("https://www.reddit.com/r/news") == "forum"


def test_expected_kind_by_host():
    assert POLICY.expected_kind(Source("https://ru.wikipedia.org/wiki/RT", "RT")) == "reference"
    assert POLICY.expected_kind(Source("https://www.rt.com/", "RT")) is None


def test_bad_policy_file_is_a_typed_error(tmp_path):
    (tmp_path / "p.toml").write_text("[kinds]\nrumour = 'x'\n[facts]\ntables=[]\nstrong-kinds=[]\n")
    with pytest.raises(SourcePolicyError, match="unknown source kinds"):
        load_source_policy(tmp_path / "p.toml")
    with pytest.raises(SourcePolicyError, match="cannot read"):
        load_source_policy(tmp_path / "missing.toml")


# -- naming a party ----------------------------------------------------------------------------

words = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=1, max_size=8)


@given(
    name=st.lists(words, min_size=1, max_size=3).map(" ".join).filter(lambda n: n.upper().casefold() == n.casefold()),
    before=words,
    after=words,
)
def test_a_name_names_itself_in_any_case_between_other_words(name, before, after):
    assert names_party(f"{before}, {name.upper()}; {after}", [name])


ascii_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@given(name=ascii_words.filter(lambda w: len(w) <= 4), text=st.lists(ascii_words, max_size=6))
def test_a_short_name_needs_the_whole_word(name, text):
    assert names_party(" ".join(text), [name]) is (name in text)


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("Президент ликвидировал «Голос России»", "Голос России", True),
        ("funded by the Chinese government", "China", True),  # "Chin-ese": two letters of inflection
        ("RTL Group", "RT", False),
        ("the Voice of America", "Voice of Russia", False),
        ("中国国际电视台成立", "中国国际电视台", True),
        ("Télévision française", "Television francaise", True),
    ],
)
def test_names_party_examples(text, name, named):
    assert names_party(text, [name]) is named


# -- the command --------------------------------------------------------------------------------


def test_validate_checks_sources_unless_told_not_to():
    code, text = run("validate", str(FIXTURES / "registry"))
    assert code == 1 and "has no kind" in text and "source policy violation" in text
    code, text = run("validate", str(FIXTURES / "registry"), "--no-source-policy")
    assert code == 0 and text.startswith("ok:") and "not checked" in text


def test_validate_report_counts_per_file_and_in_total(tmp_path):
    shutil.copytree(FIXTURES / "registry", tmp_path / "reg")
    code, text = run("validate", str(tmp_path / "reg"), "--report")
    assert code == 1
    table = text.split("\n\n")[0].splitlines()
    assert table[1].split()[:3] == ["file", "records", "facts"]
    assert table[-1].split()[0] == "total"
    assert "violations:" in text


def test_validate_passes_a_folder_that_follows_the_policy(tmp_path):
    (tmp_path / "rt.toml").write_text(
        """
[sources.wp]
url = "https://en.wikipedia.org/wiki/RT_(TV_network)"
title = "RT (TV network)"
accessed = "2026-12-02"
kind = "reference"
quote = "RT is funded by the Russian government."

[[organizations]]
id = "state-ru"
name = "Russian Federation"
names = [{name = "Russia"}]
kind = "state"
country = "RU"
sources = ["wp"]

[[outlets]]
id = "rt"
name = "RT"
kind = "broadcaster"
country = "RU"
sources = ["wp"]

[[relations]]
subject = "state-ru"
kind = "funds"
object = "rt"
sources = ["wp"]
""",
        encoding="utf-8",
    )
    code, text = run("validate", str(tmp_path))
    assert code == 0, text
    assert "every source follows the source policy" in text


def test_validate_with_a_missing_policy_file_is_a_usage_error():
    code, _ = run("validate", "--source-policy", "/nonexistent/policy.toml")
    assert code == 2
