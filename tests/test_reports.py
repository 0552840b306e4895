import json
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    assert "<script>" not in text.replace("\\<script>", "") and "\\<script>alert(1)\\</script>" in text
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


# -- readable Markdown (issue #16 item 4) --------------------------------------------------------------------


def headings_without_blank_before(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    return [line for number, line in enumerate(lines) if number and line.startswith("#") and lines[number - 1] != ""]


def why_evidence_lists(markdown: str) -> list[list[str]]:
    """The evidence list of each label in the "Why" section."""
    why = markdown.split("### Why", 1)[1].split("\n## ", 1)[0]
    return [
        [line for line in block.split("\n") if line.startswith("- ") and not line.startswith("- Rule:")]
        for block in why.split("\n**")[1:]
    ]


def test_markdown_has_a_blank_line_before_every_heading(report, fixture_registry):
    assert not headings_without_blank_before(report.to_markdown())
    bare = build_report(Article(text="Plain text.", title="Plain"), registry=fixture_registry).to_markdown()
    assert "No labels." in bare and not headings_without_blank_before(bare)


def test_markdown_prints_an_evidence_list_once(report):
    markdown = report.to_markdown()
    assert report.labels.get("origin-state-media").basis == report.origin_labels.get("state-media").basis
    assert markdown.count("- Russian Federation funds Voice of Russia [") == 1
    assert "- Evidence: as for **origin-state-media = SC** above." in markdown
    for evidence in why_evidence_lists(markdown):
        assert len(evidence) == len(set(evidence)), evidence


@pytest.fixture(scope="module")
def seed_report():
    """The seed's report on the shipped data, as ``make demo`` prints it."""
    from pathlib import Path

    from provenance.articles import parse_article

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_ef366a290e0a1be4.txt"
    return build_report(parse_article(seed.read_text(encoding="utf-8"), url=URL))


def test_markdown_escapes_only_what_markdown_would_misread(seed_report):
    markdown = seed_report.to_markdown()
    assert "Voice of Russia <-operates- Russian State Radio" in markdown and "\\<-" not in markdown
    assert "wiki/Voice_of_Russia" in markdown and "[title not shown in the text read]" in markdown
    assert "\\_" not in markdown and "\\[" not in markdown and "\\]" not in markdown


def test_markdown_says_control_chain_on_the_day(fixture_registry):
    day = build_report(seed_like(published=PartialDate(2012, 8, 16)), registry=fixture_registry).to_markdown()
    assert "Control chain on 2012-08-16:" in day and "over 2012-08-16 to 2012-08-16" not in day
    month = build_report(seed_like(published=PartialDate(2012, 8)), registry=fixture_registry).to_markdown()
    assert "Control chain in 2012-08:" in month
    lifetime = build_report(seed_like(), registry=fixture_registry).to_markdown()
    assert "Control chain over 1993-12-22 to 2014-11-10:" in lifetime


def test_markdown_says_when_a_path_held_not_part_of_the_window(seed_report):
    markdown = seed_report.to_markdown()
    assert "part of the window" not in markdown and "window" not in markdown.split("## Labels")[0]
    assert "<-operates- Rossiya Segodnya <-owns (100%)- Russian Federation (only 2013-12-09 to" in markdown


def test_markdown_has_no_empty_source_list(fixture_registry):
    bare = build_report(Article(text="Plain text.", title="Plain"), registry=fixture_registry)
    assert not bare.sources() and "## Sources" not in bare.to_markdown()


def test_markdown_escape_keeps_the_text_and_breaks_the_syntax():
    from provenance.reports.markdown import escape_markdown

    plain = "Sputnik_(news_agency) [title not shown] 5 * 3"
    assert escape_markdown(plain) == plain
    assert escape_markdown("_em_ *b* `c` <b>x</b> [a](javascript:x) &amp;") == (
        "\\_em_ \\*b\\* \\`c\\` \\<b>x\\</b> [a\\](javascript:x) \\&amp;"
    )
    assert escape_markdown("a | b", table=True) == "a \\| b" and escape_markdown("a | b") == "a | b"
    assert escape_markdown("> # - 1. x", line_start=True) == "\\> # - 1. x"
    assert escape_markdown("1. x", line_start=True) == "1\\. x" and escape_markdown("- x", line_start=True) == "\\- x"
    assert escape_markdown("Tag #") == "Tag \\#"  # an ATX heading's closing sequence would vanish


# -- properties over generated reports -------------------------------------------------------------------------

_SENTENCES = {
    # outlet, name as written, cue (None: a mere mention), sentence
    "vor-footer": ("voice-of-russia", "VOR", "footer", FOOTER),
    "rt-statement": ("rt", "RT", "originally-published", "This article was originally published on RT."),
    "sputnik-dateline": ("sputnik", "Sputnik", "dateline", "MOSCOW, March 3. /Sputnik/. Talks went nowhere."),
    "rt-mention": ("rt", "RT", None, "Lavrov told RT about the talks."),
    "reuters-credit": ("reuters", "Reuters", "credit", "(Reuters)"),
}
_URLS = [
    None,
    URL,
    "https://www.rt.com/op-ed/1-x/",
    "https://sputniknews.com/2016/a.html",
    "https://unknown.example/a_b/[c]",
]
_MARKDOWNISH = st.text(alphabet="ab _*`#<>[]()|&!~\\-1.\n", max_size=30)


@st.composite
def generated_articles(draw):
    title = draw(st.none() | _MARKDOWNISH)
    chosen = draw(st.lists(st.sampled_from(sorted(_SENTENCES)), unique=True, max_size=3))
    text, mentions = (title or "Untitled") + "\n\nBody text.\n", []
    for key in chosen:
        outlet, name, cue, sentence = _SENTENCES[key]
        text += "\n"
        start = len(text) + sentence.index(name)
        mentions.append(Mention(outlet, name, start, start + len(name), sentence, len(text), cue is not None, cue))
        text += sentence + "\n"
    year = draw(st.integers(1990, 2024))
    published = draw(
        st.sampled_from([None, PartialDate(year), PartialDate(year, 6), PartialDate(year, 6, draw(st.integers(1, 30)))])
    )
    return Article(
        text=text,
        url=draw(st.sampled_from(_URLS)),
        title=title,
        authors=tuple(draw(st.lists(_MARKDOWNISH.filter(str.strip), max_size=2))),
        genre=draw(st.sampled_from([None, "opinion"])),
        mentions=tuple(mentions),
        published=published,
    )


@given(article=generated_articles())
def test_generated_markdown_reports_are_readable(fixture_registry, article):
    report = build_report(article, registry=fixture_registry)
    markdown = report.to_markdown()
    assert not headings_without_blank_before(markdown)
    if "### Why" in markdown:
        for evidence in why_evidence_lists(markdown):
            assert len(evidence) == len(set(evidence)), evidence
    assert not re.search(r"\bcharacters?\s+\d", markdown) and "part of the window" not in markdown
    if "## Sources" in markdown:
        assert "\n1. " in markdown.split("## Sources", 1)[1]
    if report.origin is not None and not report.republished:
        assert not report.labels.has("republished-from") and "Republished from" not in markdown


_ASCII_PUNCTUATION = re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@given(text=st.text(alphabet=st.sampled_from("ab1 _*`#<>[]()|&;!~\\-.:^/\u00e9"), max_size=40), table=st.booleans())
def test_escaping_only_adds_backslash_escapes(text, table):
    from provenance.reports.markdown import escape_markdown

    escaped = escape_markdown(text, table=table)
    # Read back as CommonMark reads backslash escapes, the escaped text is the text.
    assert re.sub(rf"\\([{_ASCII_PUNCTUATION}])", r"\1", escaped) == text.replace("\n", " ")
    # and what would start a link, raw HTML or a code span is escaped, as it stands in the escaped text.
    plain = [(i, c) for i, c in enumerate(escaped) if c in "<]`|" and not _is_escaped(escaped, i)]
    after = {i: escaped[i + 1 : i + 2] for i, _ in plain}
    assert not any(c == "`" for _, c in plain), escaped
    assert not any(c == "<" and re.match(r"[A-Za-z/!?]", after[i]) for i, c in plain), escaped
    assert not any(c == "]" and after[i] in ("(", "[") for i, c in plain), escaped
    assert not table or not any(c == "|" for _, c in plain), escaped


def _is_escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd run of backslashes."""
    run = len(text[:index]) - len(text[:index].rstrip("\\"))
    return run % 2 == 1
