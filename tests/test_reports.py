import json

import attrs
import pytest

from provenance.dates import PartialDate
from provenance.model import Article, Mention
from provenance.reports import SCHEMA_VERSION, build_report

FOOTER = (
    "VOR, or the Voice of Russia, was the Russian government's international radio broadcasting service "
    "from 1993 until 2014, when it was reorganised as Radio Sputnik."
)
URL = "https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/"


def seed_like(title="Russia And Belarus: 20 Years Of Diplomatic Relations", published=None, url=URL, **changes):
    text = f"{title} – OpEd\n\nBy Polina Chernitsa\n\nLavrov told RT about the talks.\n\n\n{FOOTER}\n"
    footer_start = text.index(FOOTER)
    mentions = (
        Mention(
            "rt", "RT", text.index("RT"), text.index("RT") + 2, "Lavrov told RT about the talks.", text.index("Lavrov")
        ),
        Mention(
            "voice-of-russia",
            "VOR",
            footer_start,
            footer_start + 3,
            FOOTER,
            footer_start,
            attribution=True,
            cue="footer",
        ),
    )
    fields = dict(
        text=text,
        url=url,
        title=title,
        authors=("Polina Chernitsa",),
        genre="opinion",
        genre_evidence="OpEd",
        body="Lavrov told RT about the talks.",
        footer=FOOTER,
        mentions=mentions,
        published=published,
    )
    fields.update(changes)
    return Article(**fields)


@pytest.fixture
def report(fixture_registry):
    return build_report(seed_like(), registry=fixture_registry)


def test_seed_like_report_finds_origin_chain_and_labels(report):
    labels = report.labels
    origin = labels.get("republished-from")
    assert origin.value == "voice-of-russia" and origin.detail("evidence") == FOOTER
    assert origin.detail("cue") == "footer"
    state = labels.get("origin-state-media")
    assert (state.value, state.detail("country"), state.certainty) == ("SC", "RU", "certain")
    assert "Russian Federation" in state.detail("path")
    assert labels.get("genre").value == "opinion"
    assert report.origin_labels.get("succeeded-by").value == "radio-sputnik"
    assert report.site.id == "eurasia-review"
    assert (report.window_basis, str(report.window.start), str(report.window.end)) == (
        "origin-lifetime",
        "1993-12-22",
        "2014-11-10",
    )
    assert report.disclosure().startswith("Republished from Voice of Russia. Voice of Russia was a Russian")


def test_mere_mentions_are_not_origins(fixture_registry):
    article = seed_like(footer=None, mentions=seed_like().mentions[:1])
    report = build_report(article, registry=fixture_registry)
    assert report.origin is None and not report.labels.has("republished-from")
    assert report.window_basis == "unknown"


def test_stated_date_drives_the_labels(fixture_registry):
    report = build_report(seed_like(published=PartialDate(2012, 8, 16)), registry=fixture_registry)
    assert report.window_basis == "stated"
    assert str(report.window.start) == "2012-08-16"


def test_json_schema(report):
    data = json.loads(report.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["generator"]["policy"] == "typology" and data["generator"]["data_version"]
    assert data["article"]["title"] == "Russia And Belarus: 20 Years Of Diplomatic Relations"
    assert data["article"]["authors"] == ["Polina Chernitsa"]
    assert data["origin"]["outlet"]["id"] == "voice-of-russia"
    assert data["origin"]["evidence"]["sentence"] == FOOTER
    assert any(path["top_is_state"] for path in data["origin"]["chain"])
    numbers = {source["n"] for source in data["sources"]}
    for path in data["origin"]["chain"]:
        for relation in path["relations"]:
            assert set(relation["sources"]) <= numbers
    urls = {source["url"] for source in data["sources"]}
    kinds = [label["kind"] for label in data["labels"]]
    assert kinds[:3] == ["genre", "republished-from", "origin-state-media"] and "succeeded-by" in kinds
    for label in data["labels"]:
        assert set(label["sources"]) <= urls
        assert label["sources"], label["kind"]


def test_markdown_has_every_section_and_escapes(fixture_registry):
    text = build_report(
        seed_like(title="Hello <script>alert(1)</script> *bold*"), registry=fixture_registry
    ).to_markdown()
    for heading in [
        "## The article",
        "## Where it came from",
        "## Who stood behind Voice of Russia",
        "## Labels",
        "## Sources",
    ]:
        assert heading in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*bold\\*" in text
    assert ". Fixture source (Russia)" in text


def test_html_is_self_contained_and_escaped(fixture_registry):
    page = build_report(seed_like(title="Hi <script>alert(1)</script>"), registry=fixture_registry).to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<svg" in page and "Russian Federation" in page
    assert "http://" not in page.split("<body>")[0]  # no external resources in the head


def test_prov_json_loads_with_the_prov_package(report):
    model = pytest.importorskip("prov.model", reason="the prov extra is not installed")
    document = model.ProvDocument.deserialize(content=report.to_prov_json(), format="json")
    text = document.get_provn()
    assert "wasDerivedFrom" in text and "wasAttributedTo" in text and "actedOnBehalfOf" in text
    assert document.bundles, "the label assertions are in a bundle"


def test_jsonld_is_schema_org(report):
    data = json.loads(report.to_jsonld())
    assert data["@context"] == "https://schema.org" and data["@type"] == "OpinionNewsArticle"
    assert data["sourceOrganization"]["name"] == "Voice of Russia"
    assert "state-controlled" in data["sourceOrganization"]["ownershipFundingInfo"]
    assert data["isBasedOn"]["publisher"]["name"] == "Voice of Russia"
    assert data["publisher"]["name"] == "Eurasia Review"


def test_render_by_name_and_unknown_format(report):
    assert report.render("json").startswith("{")
    with pytest.raises(ValueError):
        report.render("pdf")


def test_structured_data_is_based_on_names_the_origin(fixture_registry):
    article = Article(
        text="A column about the talks.",
        url="https://www.eurasiareview.com/x",
        title="A column",
        body="A column about the talks.",
        is_based_on=("https://sputniknews.com/20160101/original.html",),
        published=PartialDate(2016, 1, 2),
    )
    report = build_report(article, registry=fixture_registry)
    assert report.origin.id == "sputnik" and report.origin_mention is None
    label = report.labels.get("republished-from")
    assert label.detail("cue") == "isBasedOn" and "isBasedOn" in label.rule
    assert report.labels.get("origin-state-media").value == "SC"
    data = json.loads(report.to_json())
    assert data["origin"]["evidence"] == {"cue": "isBasedOn", "url": "https://sputniknews.com/20160101/original.html"}
    assert "schema.org isBasedOn" in report.to_markdown() and "schema.org isBasedOn" in report.to_html()
    # A page based on its own site's URL has no other origin.
    own = attrs.evolve(article, is_based_on=("https://www.eurasiareview.com/y",))
    assert build_report(own, registry=fixture_registry).origin is None


def test_linked_data_is_safe_inside_a_script_element(fixture_registry):
    report = build_report(seed_like(title="T </script><script>alert(1)</script> & more"), registry=fixture_registry)
    for text in (report.to_jsonld(), report.to_prov_json()):
        assert "<" not in text and ">" not in text and "&" not in text
        assert "</script>" in json.dumps(json.loads(text))  # the data itself is unchanged


def test_a_url_a_source_cannot_hold_does_not_break_the_report(fixture_registry):
    report = build_report(seed_like(url="https://www.eurasiareview.com/a b"), registry=fixture_registry)
    assert report.labels.get("republished-from").value == "voice-of-russia"
