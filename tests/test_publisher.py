"""Publisher and origin apart (issue #15 item 2) and evidence in words (item 4), in every rendering."""

import json
import re
from pathlib import Path

import attrs
import pytest

from provenance.articles import parse_article
from provenance.dates import PartialDate
from provenance.model import Article, Mention
from provenance.reports import SCHEMA_VERSION, build_report
from provenance.reports._evidence import CUE_WORDS, cue_words, evidence_phrase, quote

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reports.md"
RT_URL = "https://www.rt.com/op-ed/580001-west-lost-plot/"
OP_ED = """The West has lost the plot

By Jane Doe

The talks went nowhere this week, and nobody was surprised.

This article was originally published on RT.
"""
SEED_URL = "https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/"
# "characters 3679 to 3682", "characters 3679-3841": offsets said in prose.
OFFSETS_IN_PROSE = re.compile(r"\bcharacters?\s+\d")


def attributed(text: str, name: str, outlet: str, cue: str | None, url: str | None = RT_URL, **fields) -> Article:
    """An article whose one sentence containing ``name`` attributes it to ``outlet`` with ``cue``."""
    start = text.index(name)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    sentence = text[sentence_start : sentence_end if sentence_end != -1 else len(text)]
    mention = Mention(outlet, name, start, start + len(name), sentence, sentence_start, attribution=True, cue=cue)
    return Article(text=text, url=url, title=text.split("\n", 1)[0], mentions=(mention,), **fields)


@pytest.fixture
def self_published(fixture_registry):
    # Dated: RT's Monitor code is undated, so only a date the facts cover makes it certain (docs/labels.md).
    article = attrs.evolve(parse_article(OP_ED, url=RT_URL, registry=fixture_registry), published=PartialDate(2023, 8))
    return build_report(article, registry=fixture_registry)


def prose(report) -> dict[str, str]:
    """Every rendering people read, and the JSON's prose fields (label texts, evidence statements, disclosure)."""
    data = report.to_dict()
    words = [data["disclosure"] or ""]
    for label in data["labels"]:
        words += [label["text"], label["rule"] or "", *(fact["statement"] for fact in label["basis"])]
    if data["publisher"]:
        words += [data["publisher"]["text"], *(label["text"] for label in data["publisher"]["labels"])]
    return {
        "markdown": report.to_markdown(),
        "html": report.to_html(),
        "jsonld": report.to_jsonld(),
        "prov-json": report.to_prov_json(),
        "json prose": "\n".join(words),
    }


# -- the publisher block -----------------------------------------------------------------------------------


def documented_publisher_fields() -> list[str]:
    """The field names of the publisher table in docs/reports.md."""
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index("`publisher`, field by field:") :].split("\n\n")[1]
    return re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE)


def test_publisher_block_sits_beside_origin_and_every_field_is_documented(fixture_registry):
    from tests.test_reports import seed_like

    data = build_report(seed_like(), registry=fixture_registry).to_dict()
    keys = list(data)
    assert keys.index("publisher") == keys.index("origin") - 1
    publisher = data["publisher"]
    assert list(publisher) == documented_publisher_fields()
    assert publisher["outlet"]["id"] == "eurasia-review" and publisher["host"] == "eurasiareview.com"
    assert (publisher["text"], publisher["is_origin"], publisher["url"]) == (
        "Published by Eurasia Review.",
        False,
        SEED_URL,
    )
    assert data["origin"]["outlet"]["id"] == "voice-of-russia"
    assert SCHEMA_VERSION == data["schema_version"] == "1.1"
    assert "`schema_version` 1.1" in DOCS.read_text(encoding="utf-8")


def test_publisher_labels_are_listed_in_short_and_in_full(self_published):
    data = self_published.to_dict()
    short = [(label["kind"], label["value"]) for label in data["publisher"]["labels"]]
    full = [(label["kind"], label["value"]) for label in data["labels"] if label["subject"] == "rt"]
    assert short == full and ("state-media", "SC") in short
    assert set(data["publisher"]["labels"][0]) == {"kind", "value", "certainty", "text"}


def test_no_publisher_without_a_known_outlet_at_the_url(fixture_registry):
    for url in (None, "https://unknown.example/news/1"):
        report = build_report(Article(text="Plain text.", title="Plain", url=url), registry=fixture_registry)
        assert report.to_dict()["publisher"] is None
        assert "Published by" not in report.to_markdown() and "Published by" not in report.to_html()


# -- the origin is the publisher: no republication ----------------------------------------------------------


def test_an_op_ed_at_its_own_outlet_is_published_not_republished(self_published):
    report = self_published
    assert report.origin.id == report.site.id == "rt" and not report.republished
    assert not report.labels.has("republished-from") and not report.labels.has("origin-state-media")
    assert not report.origin_labels, "the publisher's labels are given once, as the publisher's"
    kinds = [(label.kind, label.subject) for label in report.all_labels()]
    assert len(kinds) == len(set(kinds))
    data = report.to_dict()
    assert data["publisher"]["is_origin"] is True and data["origin"]["outlet"]["id"] == "rt"
    assert data["disclosure"].startswith("Published by RT. RT is a Russian state-controlled")
    for name, text in prose(report).items():
        assert "republished from" not in text.lower(), name
    markdown = report.to_markdown()
    assert "- **Published by:** RT, labelled:" in markdown
    assert "Published by **RT** (rt) itself, not republished" in markdown
    assert "<dt>Published by</dt><dd>RT</dd>" in report.to_html()


def test_self_publication_in_linked_data_has_no_original(self_published):
    prov = json.loads(self_published.to_prov_json())
    assert "wasDerivedFrom" not in prov
    assert any(relation.get("prov:type") == "pv:published-on" for relation in prov["wasAttributedTo"].values())
    assert prov["actedOnBehalfOf"], "who RT acted on behalf of is still told"
    ld = json.loads(self_published.to_jsonld())
    assert "sourceOrganization" not in ld and "isBasedOn" not in ld
    assert ld["publisher"]["name"] == "RT" and "state-controlled" in ld["publisher"]["ownershipFundingInfo"]


def test_another_outlet_named_wins_over_the_publisher_naming_itself(fixture_registry):
    text = "Grain deal\n\nThe talks went nowhere.\n\nThis article was originally published on RT.\n"
    article = parse_article(text + "Source: Sputnik\n", url=RT_URL, registry=fixture_registry)
    assert {mention.outlet for mention in article.attributions()} == {"rt", "sputnik"}
    report = build_report(article, registry=fixture_registry)
    assert report.origin.id == "sputnik" and report.republished
    assert report.labels.get("republished-from").value == "sputnik"
    assert report.to_dict()["publisher"]["is_origin"] is False


def test_a_republication_keeps_its_labels_and_wording(fixture_registry):
    from tests.test_reports import seed_like

    report = build_report(seed_like(), registry=fixture_registry)
    assert report.republished and report.labels.has("republished-from") and report.labels.has("origin-state-media")
    assert report.disclosure().startswith("Republished from Voice of Russia.")
    assert "Republished from **Voice of Russia** (voice-of-russia), as the footer says:" in report.to_markdown()


# -- evidence in words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "words"),
    [
        ("dateline", "the dateline"),
        ("credit", "the agency credit"),
        ("copyright", "the copyright notice"),
        ("footer", "the footer"),
        ("source-line", "the source line"),
        ("byline", "the byline"),
        ("originally-published", "the statement"),
        ("a-cue-from-tomorrow", "the a cue from tomorrow"),
        (None, "an attribution"),
    ],
)
def test_every_cue_has_words(cue, words):
    assert cue_words(cue) == words


def test_the_article_parsers_cues_all_have_words():
    from provenance.articles import _attribution

    cues = {name for name, _ in _attribution._CUES} | {"footer", "source-line", "byline"}
    assert cues <= set(CUE_WORDS), cues - set(CUE_WORDS)


def test_long_quotes_are_cut_at_a_word_with_an_ellipsis():
    sentence = "VOR, or the Voice of Russia, was the Russian government's international radio broadcasting service."
    assert quote(sentence, limit=40) == "'VOR, or the Voice of Russia, was the…'"
    assert quote("short\n  one") == "'short one'"
    assert quote("x" * 30, limit=10) == "'xxxxxxxxxx…'"


def test_a_dateline_is_said_in_words_and_quoted_everywhere(fixture_registry):
    text = "Grain talks stall\n\nMOSCOW, March 3. /Sputnik/. The talks went nowhere.\n"
    article = attributed(text, "Sputnik", "sputnik", "dateline", url="https://www.eurasiareview.com/x")
    report = build_report(article, registry=fixture_registry)
    phrase = "the dateline 'MOSCOW, March 3. /Sputnik/. The talks went nowhere.'"
    assert evidence_phrase(report.origin_mention) == phrase
    assert report.origin_evidence()[1] == phrase
    basis = report.labels.get("republished-from").basis[0].statement
    assert basis == f"The article says so in {phrase}."
    assert "as the dateline says:" in report.to_markdown() and phrase in report.to_markdown()
    assert "the dateline &#x27;MOSCOW, March 3. /Sputnik/." in report.to_html()


@pytest.mark.parametrize("which", ["seed", "self-published", "dateline"])
def test_no_character_offsets_in_any_prose(fixture_registry, which):
    from tests.test_reports import seed_like

    if which == "seed":
        article = seed_like()
    elif which == "self-published":
        article = parse_article(OP_ED, url=RT_URL, registry=fixture_registry)
    else:
        article = attributed("T\n\nBERLIN (Reuters) - Talks.\n", "Reuters", "reuters", "dateline")
    report = build_report(article, registry=fixture_registry)
    for name, text in prose(report).items():
        assert not OFFSETS_IN_PROSE.search(text), (name, OFFSETS_IN_PROSE.search(text))
    data = report.to_dict()  # the offsets stay in the JSON, for programs
    assert isinstance(data["origin"]["evidence"]["start"], int) and data["mentions"][0]["sentence_start"] >= 0
