"""Tests for wire copy: datelines and agency credits read as attributions (provenance.articles._wire)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.articles import parse_article
from provenance.articles._text import words
from provenance.model import Article, Mention
from provenance.registry import default_registry
from provenance.testing import make_registry


def _agency(id: str, name: str, *names: tuple[str, str], kind: str = "news-agency") -> dict[str, object]:
    return {
        "id": id,
        "name": name,
        "kind": kind,
        "country": "GB",
        "names": [{"name": written, "kind": name_kind} for written, name_kind in names],
    }


REGISTRY = make_registry(
    outlets=[
        _agency("tass", "TASS", ("ИТАР-ТАСС", "alias"), ("ТАСС", "alias")),
        _agency("reuters", "Reuters"),
        _agency("xinhua", "Xinhua News Agency", ("Xinhua", "alias"), ("新华社", "alias")),
        _agency("dpa", "Deutsche Presse-Agentur", ("dpa", "acronym")),
        _agency("afp", "Agence France-Presse", ("AFP", "acronym")),
        _agency("efe", "Agencia EFE", ("EFE", "acronym")),
        _agency("ria-novosti", "RIA Novosti", ("РИА Новости", "alias")),
        _agency("associated-press", "Associated Press", ("AP", "acronym")),
        _agency("saudi-press-agency", "Saudi Press Agency", ("SPA", "acronym")),
        _agency("cnn", "CNN", ("Cable News Network", "name"), kind="tv-channel"),
        _agency("rt", "RT", kind="tv-channel"),
    ]
)

AGENCY_NAMES = {
    "tass": "TASS",
    "reuters": "Reuters",
    "xinhua": "Xinhua",
    "afp": "AFP",
    "efe": "EFE",
    "ria-novosti": "RIA Novosti",
}


def _parse(text: str, **kwargs: object) -> Article:
    return parse_article(text, registry=REGISTRY, **kwargs)  # type: ignore[arg-type]


def _wire(article: Article) -> list[tuple[str, str | None, str, str]]:
    """(outlet, cue, certainty, evidence) of each dateline or credit attribution."""
    return [
        (mention.outlet, mention.cue, mention.certainty, mention.sentence)
        for mention in article.mentions
        if mention.cue in ("dateline", "credit", "copyright")
    ]


def _check_spans(article: Article) -> None:
    for mention in article.mentions:
        end = mention.sentence_start + len(mention.sentence)
        assert article.text[mention.sentence_start : end] == mention.sentence
        assert mention.sentence_start <= mention.start < mention.end <= end
        assert article.text[mention.start : mention.end] == mention.name


DATELINES = [
    ("MOSCOW, March 3. /TASS/. Russia's foreign ministry said on Monday.", "tass", "MOSCOW, March 3. /TASS/."),
    ("MINSK, March 3 (TASS) - Belarus held talks.", "tass", "MINSK, March 3 (TASS) -"),
    ("LONDON (Reuters) - The Bank of England raised rates.", "reuters", "LONDON (Reuters) -"),
    ("(Reuters) - Tesla said on Monday it would cut prices.", "reuters", "(Reuters) -"),
    ("BEIJING, Jan. 13 (Xinhua) -- China's exports rose.", "xinhua", "BEIJING, Jan. 13 (Xinhua) --"),
    ("Berlin (dpa) - Die Bundesregierung will sparen.", "dpa", "Berlin (dpa) -"),
    ("Bruxelles (AFP) - La Commission européenne a proposé.", "afp", "Bruxelles (AFP) -"),
    ("Madrid (EFE) - El Gobierno aprobó el decreto.", "efe", "Madrid (EFE) -"),
    ("Madrid, 13 ene (EFE).- El Gobierno aprobó el decreto.", "efe", "Madrid, 13 ene (EFE).-"),
    ("МОСКВА, 3 марта. /ТАСС/. Министр заявил.", "tass", "МОСКВА, 3 марта. /ТАСС/."),
    ("ВАШИНГТОН, 3 марта. /Корр. ТАСС Иван Лебедев/. Сенат принял закон.", "tass", None),
    ("МОСКВА, 3 мар — РИА Новости. Министр заявил.", "ria-novosti", "МОСКВА, 3 мар — РИА Новости."),
    ("新华社北京1月13日电 中国外交部发言人表示。", "xinhua", "新华社北京1月13日电"),
    ("الرياض (واس) - أعلن الوزير اليوم.", "saudi-press-agency", "الرياض (واس) -"),
    ("القاهرة (رويترز) - قال الوزير اليوم.", "reuters", "القاهرة (رويترز) -"),
    ("- (رويترز) قال الوزير اليوم.", "reuters", "- (رويترز)"),
    ("WASHINGTON (CNN) - The Senate passed the bill.", "cnn", "WASHINGTON (CNN) -"),
]


@pytest.mark.parametrize(("opening", "outlet", "evidence"), DATELINES)
def test_dateline_opening_the_body_is_an_attribution(opening: str, outlet: str, evidence: str | None) -> None:
    article = _parse(f"A headline\n\n{opening} More follows here.\n\nA second paragraph of the story.")
    found = _wire(article)
    assert [(o, cue, certainty) for o, cue, certainty, _ in found] == [(outlet, "dateline", "certain")]
    assert found[0][3] == (evidence or found[0][3])
    assert opening.startswith(found[0][3])
    _check_spans(article)
    assert article.attributions()


def test_dateline_in_the_first_line_of_plain_text() -> None:
    assert _wire(_parse("LONDON (Reuters) - The Bank of England raised rates on Thursday.")) == [
        ("reuters", "dateline", "certain", "LONDON (Reuters) -")
    ]


def test_dateline_after_a_dek_and_a_photo_credit() -> None:
    text = "Headline\n\nA short standfirst.\n\nCortesía\n\n(EFE).- Nicaragua cerró 2021 con una deuda externa."
    assert _wire(_parse(text)) == [("efe", "dateline", "certain", "(EFE).-")]


CLOSINGS = [
    ("The talks ended without a deal. (Xinhua)", [("xinhua", "credit")], "(Xinhua)"),
    ("The talks ended without a deal.\n\n© AFP", [("afp", "copyright")], "© AFP"),
    ("The talks ended.\n\n© dpa-infocom, dpa:240113-99-123456/2", [("dpa", "copyright")], None),
    ("The talks ended.\n\n© 2024 Reuters", [("reuters", "copyright")], "© 2024 Reuters"),
    (
        "The talks ended.\n\nCopyright 2024 The Associated Press. All rights reserved.",
        [("associated-press", "copyright")],
        None,
    ),
    ("The talks ended.\n\nWith AFP", [("afp", "credit")], "With AFP"),
    ("Les discussions ont pris fin. (avec AFP)", [("afp", "credit")], "(avec AFP)"),
    ("Die Gespräche endeten.\n\ndpa/AFP", [("dpa", "credit"), ("afp", "credit")], "dpa/AFP"),
    ("Die Gespräche endeten. (dpa/AFP/jm)", [("dpa", "credit"), ("afp", "credit")], "(dpa/AFP/jm)"),
    ("The talks ended. (AFP, Reuters)", [("afp", "credit"), ("reuters", "credit")], "(AFP, Reuters)"),
    ("The talks ended. —Reuters", [("reuters", "credit")], "—Reuters"),
    ("The talks ended.—Reuters", [("reuters", "credit")], "—Reuters"),
    ("The talks ended.\n\n— Reuters", [("reuters", "credit")], "— Reuters"),
    ("The talks ended.\n\n- RT", [("rt", "credit")], "- RT"),
    ("Переговоры завершились. /ТАСС/", [("tass", "credit")], "/ТАСС/"),
    ("Переговоры завершились.\n\nРИА Новости", [("ria-novosti", "credit")], "РИА Новости"),
    ("The talks ended. Xinhua", [("xinhua", "credit")], "Xinhua"),
]


@pytest.mark.parametrize(("closing", "expected", "evidence"), CLOSINGS)
def test_closing_credit_is_an_attribution(closing: str, expected: list[tuple[str, str]], evidence: str | None) -> None:
    article = _parse(f"A headline\n\nThe minister met his counterpart on Monday.\n\n{closing}")
    found = _wire(article)
    assert [(outlet, cue) for outlet, cue, _, _ in found] == expected
    assert all(certainty == "certain" for _, _, certainty, _ in found)
    if evidence is not None:
        assert {shown for *_, shown in found} == {evidence}
    _check_spans(article)


def test_by_cnn_wire_is_a_credit() -> None:
    article = _parse("A headline\n\nBy CNN Wire\n\nThe Senate passed the bill on Monday.")
    assert _wire(article) == [("cnn", "credit", "certain", "By CNN Wire")]


def test_mixed_dateline_credits_every_agency() -> None:
    article = _parse("A headline\n\nBerlin (dpa/AFP) - Die Bundesregierung will sparen.")
    assert [(outlet, cue) for outlet, cue, _, _ in _wire(article)] == [("dpa", "dateline"), ("afp", "dateline")]


def test_with_reporting_by_an_agency_beside_a_staff_byline_is_possible() -> None:
    text = "A headline\n\nBy Ann Lee\n\nThe minister met his counterpart.\n\nWith reporting by AFP."
    assert _wire(_parse(text)) == [("afp", "credit", "possible", "With reporting by AFP")]
    text = "A headline\n\nBy Ann Lee\n\nThe minister met his counterpart. (with Reuters)"
    assert _wire(_parse(text)) == [("reuters", "credit", "possible", "(with Reuters)")]


def test_with_an_agency_and_no_byline_is_certain() -> None:
    text = "A headline\n\nThe minister met his counterpart.\n\nAdditional reporting by Reuters and AFP."
    assert _wire(_parse(text)) == [
        ("reuters", "credit", "certain", "Additional reporting by Reuters and AFP"),
        ("afp", "credit", "certain", "Additional reporting by Reuters and AFP"),
    ]


NOT_WIRE = [
    "The minister spoke, Reuters reported on Monday.",
    "The minister spoke on Monday, according to TASS.",
    "The minister told Reuters on Monday that talks would go on.",
    "He said so in an interview with Reuters.",
    "Reuters first reported the plans. TASS later confirmed them, citing sources.",
    "Министр заявил об этом, передает РИА Новости.",
    "Министр заявил об этом, сообщает ТАСС.",
    "据新华社北京1月13日电，中国外交部发言人表示。",
    "The head of RT said the channel would open a bureau.",
    "The dpa report was read by many.",
]


@pytest.mark.parametrize("body", NOT_WIRE)
def test_quoting_an_agency_is_not_wire_copy(body: str) -> None:
    for text in (f"A headline\n\n{body}", f"A headline\n\nThe talks went on.\n\n{body}"):
        assert _wire(_parse(text)) == []


def test_a_dateline_must_open_the_body() -> None:
    long_lede = "The talks went on for hours, and both sides said they had made progress on trade. " * 3
    text = f"A headline\n\n{long_lede}\n\nLONDON (Reuters) - The Bank of England raised rates.\n\nMore text."
    assert _wire(_parse(text)) == []
    text = "A headline\n\nOn Monday in LONDON (Reuters) - the bank said so.\n\nMore text follows."
    assert _wire(_parse(text)) == []


def test_a_closing_credit_must_end_the_body() -> None:
    text = "A headline\n\nThe talks ended. (Xinhua)\n\nThe minister then left for the airport on Monday evening."
    assert _wire(_parse(text)) == []
    more = "The minister then left for the airport, where he said the talks would resume in the spring. " * 3
    text = f"A headline\n\nThe talks ended.\n\n© AFP\n\n{more}"
    assert _wire(_parse(text)) == []


def test_photo_credits_and_site_notices_are_not_credits() -> None:
    assert _wire(_parse("A headline\n\nThe talks ended.\n\nPhoto: © AFP")) == []
    assert _wire(_parse("A headline\n\nThe talks ended.\n\n(Photo by Ann Lee / AFP)")) == []
    assert _wire(_parse("A headline\n\nThe talks ended.\n\n© 2024 RT | Privacy | Contact")) == []
    assert _wire(_parse("A headline\n\nThe talks ended.\n\nRT")) == []  # a bare name credits a news agency only


def test_dates_prefer_the_name_in_use() -> None:
    registry = make_registry(
        outlets=[
            {"id": "a", "name": "Alpha Agency", "kind": "news-agency", "country": "GB", "names": [
                {"name": "WIRE", "kind": "acronym", "end": "2000"}]},
            {"id": "b", "name": "Beta Agency", "kind": "news-agency", "country": "GB", "names": [
                {"name": "WIRE", "kind": "acronym", "start": "2001"}]},
        ]
    )  # fmt: skip
    text = "A headline\n\nLONDON (WIRE) - The bank raised rates."
    assert [m.outlet for m in parse_article(text, published="2010", registry=registry).attributions()] == ["b"]
    assert [m.outlet for m in parse_article(text, published="1990", registry=registry).attributions()] == ["a"]
    assert parse_article(text, registry=registry).attributions() == ()  # two agencies, no date: no claim


def test_shipped_registry_reads_the_agencies() -> None:
    registry = default_registry()
    cases = {
        "MOSCOW, March 3. /TASS/. Talks began.": "tass",
        "新华社北京1月13日电 发言人表示。": "xinhua",
        "Berlin (dpa) - Die Regierung will sparen.": "dpa",
        "الرياض (واس) - أعلن الوزير.": "saudi-press-agency",
        "МОСКВА, 3 мар — РИА Новости. Министр заявил.": "ria-novosti",
    }
    for opening, outlet in cases.items():
        article = parse_article(f"Headline\n\n{opening}\n\nMore text.", registry=registry)
        assert [(m.outlet, m.cue) for m in article.attributions()] == [(outlet, "dateline")]


def test_the_wire_mention_is_the_origin_in_a_report() -> None:
    from provenance.reports import build_report

    article = parse_article("Headline\n\nMOSCOW, March 3. /TASS/. Talks began.", registry=default_registry())
    report = build_report(article, registry=default_registry())
    assert report.origin is not None and report.origin.id == "tass"
    assert report.origin_mention is not None and report.origin_mention.sentence == "MOSCOW, March 3. /TASS/."


def test_mention_certainty_is_checked() -> None:
    with pytest.raises(Exception, match="certainty"):
        Mention(outlet="x", name="X", start=0, end=1, sentence="X", sentence_start=0, certainty="sure")


_CAPS_CITY = st.from_regex(r"[A-Z]{2,12}(?: [A-Z]{2,12}){0,2}", fullmatch=True)
_DATES = st.sampled_from(["", ", March 3", ", Jan. 13", ", 3 March", ", 13 ene"])


@settings(max_examples=60, deadline=None)
@given(city=_CAPS_CITY, date=_DATES, agency=st.sampled_from(sorted(AGENCY_NAMES.items())))
def test_a_dateline_is_read_for_any_city_in_capitals(city: str, date: str, agency: tuple[str, str]) -> None:
    outlet, name = agency
    article = _parse(f"A headline\n\n{city}{date} ({name}) - The ministry said on Monday.\n\nMore text.")
    assert [(o, cue) for o, cue, _, _ in _wire(article)] == [(outlet, "dateline")]
    assert _wire(article)[0][3] == f"{city}{date} ({name}) -"


_WORDS = st.lists(
    st.sampled_from(words("the minister said talks would go on and trade rose in March while markets fell sharply")),
    min_size=3,
    max_size=12,
)
_QUOTES = st.sampled_from(
    ["according to {}", "{} reported", "told {}", "in an interview with {}", "citing {}", "{} said", "as {} put it"]
)


@settings(max_examples=80, deadline=None)
@given(
    paragraphs=st.lists(_WORDS, min_size=1, max_size=4),
    quote=_QUOTES,
    agency=st.sampled_from(sorted(AGENCY_NAMES.values())),
    where=st.integers(min_value=1),
)
def test_quoting_an_agency_anywhere_mid_text_is_never_wire_copy(
    paragraphs: list[list[str]], quote: str, agency: str, where: int
) -> None:
    words = [word for paragraph in paragraphs for word in [*paragraph, "\n\n"]][:-1]
    position = 1 + where % len(words)
    words.insert(position, quote.format(agency))
    body = " ".join(words).replace(" \n\n ", ".\n\n")
    article = _parse(f"A headline\n\nThe ministry said {body}.")
    assert _wire(article) == []


_WIRE_STORY = (
    "A headline\n\nMOSCOW, March 3. /TASS/. The ministry said talks would go on.\n\n"
    "Trade rose in March while markets fell sharply.\n\nThe minister left on Monday. (dpa/AFP)"
)
_STORY_CREDITS = [("tass", "dateline"), ("dpa", "credit"), ("afp", "credit")]


@settings(max_examples=80, deadline=None)
@given(
    quote=_QUOTES,
    agency=st.sampled_from(sorted(AGENCY_NAMES.values())),
    where=st.integers(min_value=0),
)
def test_quoting_an_agency_inside_wire_copy_changes_no_credit(quote: str, agency: str, where: int) -> None:
    first = _WIRE_STORY.index("The ministry")
    gaps = [m for m in range(first, _WIRE_STORY.rindex(" (dpa")) if _WIRE_STORY[m] == " "]
    at = gaps[where % len(gaps)]
    text = f"{_WIRE_STORY[:at]} {quote.format(agency)}{_WIRE_STORY[at:]}"
    assert [(outlet, cue) for outlet, cue, _, _ in _wire(_parse(text))] == _STORY_CREDITS


def test_a_possible_agency_origin_stays_possible_in_the_report() -> None:
    """Staff byline plus "with reporting by" an agency: the report says partly based on it, certainty possible."""
    from provenance.reports import build_report

    text = "A headline\n\nBy Ann Lee\n\nThe minister met his counterpart.\n\nWith reporting by TASS."
    article = parse_article(text, registry=default_registry())
    report = build_report(article, registry=default_registry())
    republished = report.labels.get("republished-from")
    assert republished is not None and republished.value == "tass"
    assert republished.certainty == "possible" and republished.text == "Partly based on TASS."
    state = report.labels.filter("origin-state-media")
    assert state and all(label.certainty == "possible" for label in state)
    assert [mention["certainty"] for mention in report.to_dict()["mentions"] if mention["cue"] == "credit"] == [
        "possible"
    ]


def test_a_certain_agency_credit_wins_over_a_possible_one() -> None:
    from provenance.reports import build_report

    text = "A headline\n\nMOSCOW, March 3. /TASS/. Talks began.\n\nWith reporting by AFP."
    report = build_report(_parse(text), registry=REGISTRY)
    republished = report.labels.get("republished-from")
    assert republished is not None and (republished.value, republished.certainty) == ("tass", "certain")
