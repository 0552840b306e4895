"""Importers: unit tests on small fixtures, integration tests on the real data sets."""

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.cli import main
from provenance.dates import UNKNOWN, Interval, PartialDate
from provenance.errors import ProvenanceError
from provenance.importers import (
    FORMATS,
    ImportFileError,
    ImportReport,
    SkippedRow,
    import_csv,
    import_domain_quality,
    import_perennial_sources,
    import_state_media_matrix,
    import_wikidata,
    write_overlay,
)
from provenance.importers.domain_quality import LIN_COLUMNS, imputed
from provenance.importers.generic_csv import parse_scale
from provenance.importers.perennial import display_name
from provenance.importers.state_media import country_code, guess_kind
from provenance.importers.wikidata import wikidata_date
from provenance.model import (
    Assessment,
    DomainClaim,
    Name,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry, default_registry, load_registry, read_folder
from tests.conftest import FIXTURES, SHARED_DATA

HERE = FIXTURES / "importers"
SMM = HERE / "state_media_matrix.csv"
RSP = HERE / "rsp_sample.jsonl"
PC1 = HERE / "lin_pc1_sample.csv"
RATINGS = HERE / "lin_ratings_sample.csv"
WD_DUMP = HERE / "wikidata_dump.json"
WD_ENTITY = HERE / "wikidata_entity.json"
GENERIC = HERE / "ratings.csv"
CITE = Source("https://example.org/my-ratings", "My ratings", accessed=PartialDate(2025, 6, 1))
WORD_SCALE = Scale("value", "reliability", "ordinal", ("low", "high"))
STAR_SCALE = Scale("value", "reliability", "numeric", minimum=1, maximum=5)

TABLE_ORDER = (Organization, Outlet, DomainClaim, Relation, Succession, Assessment, Rater, Rating)


@pytest.fixture(scope="module")
def fixture_base() -> Registry:
    return Registry.from_folder(FIXTURES / "registry")


def skips(result):
    return {s.line: s.reason for s in result.report.skipped}


def balanced(report: ImportReport) -> bool:
    return (
        report.rows_read == report.rows_imported + report.rows_skipped == (report.rows_imported + len(report.skipped))
    )


def by_table(records):
    return [r for kind in TABLE_ORDER for r in records if type(r) is kind]


def of(records, kind):
    return [r for r in records if isinstance(r, kind)]


# -- reports and errors -------------------------------------------------------------


def test_report_counts_must_add_up():
    with pytest.raises(AssertionError):
        ImportReport("csv", "f", rows_read=3, rows_imported=1, rows_skipped=1)
    with pytest.raises(AssertionError):
        ImportReport("csv", "f", 2, 1, 1, skipped=())
    report = ImportReport("csv", "f", 2, 1, 1, skipped=(SkippedRow(3, "no URL", "a,b"),))
    assert report.summary() == "f: 2 rows read, 1 imported, 1 skipped"
    assert report.skipped[0].describe() == "line 3: no URL: a,b"


def test_file_errors_name_the_file_and_line(tmp_path):
    assert issubclass(ImportFileError, ProvenanceError)
    with pytest.raises(ImportFileError, match=r"missing\.csv: cannot open"):
        import_state_media_matrix(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(ImportFileError, match=r"empty.csv, line 1: empty"):
        import_state_media_matrix(empty)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Region,Country,URL\nEurope,Russia,https://rt.com/\n")
    with pytest.raises(ImportFileError, match=r"wrong.csv, line 1: header lacks column"):
        import_state_media_matrix(wrong)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(SMM.read_bytes().replace(b"Teledifus\xc3\xa3o", b"Teledifus\xe3o"))
    with pytest.raises(ImportFileError, match=r"latin.csv, line 11: not UTF-8"):
        import_state_media_matrix(latin)


def test_lines_and_paths_give_the_same_records():
    from_path = import_perennial_sources(RSP)
    from_lines = import_perennial_sources(RSP.read_text(encoding="utf-8").splitlines())
    assert from_path.records == from_lines.records
    assert from_lines.report.file == "<lines>"
    assert from_path.report.file == str(RSP)
    with pytest.raises(ImportFileError, match="not bytes"):
        import_perennial_sources(b"{}")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("run", "path"),
    [
        (import_state_media_matrix, SMM),
        (import_perennial_sources, RSP),
        (import_domain_quality, RATINGS),
        (import_wikidata, WD_DUMP),
    ],
)
def test_imports_are_deterministic(run, path, fixture_base, tmp_path):
    first, second = run(path, fixture_base), run(path, fixture_base)
    assert first.records == second.records
    assert first.report == second.report
    a = write_overlay(first.records, tmp_path / "a", name="x").read_bytes()
    b = write_overlay(second.records, tmp_path / "b", name="x").read_bytes()
    assert a == b


@pytest.mark.parametrize("run", [import_state_media_matrix, import_perennial_sources, import_domain_quality])
def test_imported_data_sets_are_cited_as_reference_sources(run, fixture_base):
    path = {import_state_media_matrix: SMM, import_perennial_sources: RSP, import_domain_quality: RATINGS}[run]
    cited = {source for record in run(path, fixture_base).records for source in record.sources}
    fixture_sources = {source for record in fixture_base.records for source in record.sources}
    assert cited - fixture_sources
    assert {source.kind for source in cited - fixture_sources} == {"reference"}


# -- State Media Matrix ----------------------------------------------------------------


def test_state_media_matrix_fixture_without_base():
    result = import_state_media_matrix(SMM)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (19, 12, 7)
    assert balanced(report)
    assert skips(result) == {
        4: "no URL",
        9: "uncertain typology 'ISFM?' (marked with '?')",
        10: "country 'Europen Union' has no ISO 3166-1 code and no outlet of the base registry claims infomigrants.net",
        12: "expected 19 fields, found 6",
        13: "not a usable URL or host 'not a url': white space in host",
        14: "no typology",
        21: "empty row",
    }
    assert [(n.line, n.reason) for n in report.notes] == [
        (11, "path /radio/ dropped: the code is attached to the whole host tdm.com.mo")
    ]
    reg = result.registry
    # Two rows for one host make one outlet and one assessment.
    rta = reg.outlet_for_url("https://www.rta.af/")
    assert rta.id == "smm-rta-af"
    assert rta.name == "Radio Television Afghanistan (RTA)"
    assert rta.kind == "broadcaster" and rta.country == "AF"
    assert [a.value for a in reg.assessments("smm-rta-af")] == ["SC"]
    # Two codes for one host are both kept, each saying so.
    rtv = reg.assessments("smm-rtv-rs", kind="typology")
    assert [a.value for a in rtv] == ["CaPr", "ISFM"]
    assert all("different codes" in a.note for a in rtv)
    # Country aliases, kinds from prefixes, names cleaned of line breaks.
    assert reg.lookup("smm-voanews-com").country == "US"
    assert reg.lookup("smm-xinhuanet-com").kind == "news-agency"
    assert reg.lookup("smm-xinhuanet-com").name == "Xinhua"
    people = reg.lookup("smm-en-people-cn")
    assert people.name == "People's Daily (English edition)"
    assert "Currently Not Functional" in people.description
    claims = of(result.records, DomainClaim)
    assert all(c.role == "primary" for c in claims)
    assert len({c.host for c in claims}) == len(claims) == len(of(result.records, Outlet))
    source = of(result.records, Assessment)[0].sources[0]
    assert source.accessed == PartialDate(2024, 2, 7)
    assert "state-media-profiles" in source.url


def test_state_media_matrix_attaches_to_the_base(fixture_base):
    result = import_state_media_matrix(SMM, fixture_base, accessed=PartialDate(2025, 1, 2))
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (19, 9, 10)
    assert balanced(report)
    reasons = skips(result)
    assert reasons[2] == reasons[3] == ("already in the base registry: 'rt' has typology SC from state-media-monitor")
    assert reasons[16].startswith("already in the base registry: 'voa'")
    # No outlet is created for hosts the base claims; the code goes on the base outlet.
    assert not {"smm-rt-com", "smm-de-rt-com"} & {o.id for o in of(result.records, Outlet)}
    [aj] = [a for a in result.records if isinstance(a, Assessment) and a.subject == "al-jazeera"]
    assert aj.value == "SC"
    assert "mubasher.aljazeera.com via aljazeera.com" in aj.note
    assert aj.sources[0].accessed == PartialDate(2025, 1, 2)
    typologies = result.registry.assessments("al-jazeera", kind="typology")
    assert [a.value for a in typologies] == ["SC"]


def test_state_media_helpers():
    assert country_code("Türkiye") == country_code("Turkey") == "TR"
    assert country_code("  the   gambia ") == "GM"
    assert country_code("Atlantis") is None
    assert guess_kind(["Radio: Thazin FM"], "Myawady Group") == "radio"
    assert guess_kind(["Print: Myawady Daily", "Print media: Kyemon"], "X") == "newspaper"
    assert guess_kind(["Channel 5"], "Mediacorp") == "tv-channel"


# -- perennial sources -----------------------------------------------------------------


def test_perennial_sources_fixture(fixture_base):
    result = import_perennial_sources(RSP, fixture_base)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (10, 5, 5)
    assert balanced(report)
    reasons = skips(result)
    assert reasons[3] == "status 'm' (multiple): the list gives no single status"
    assert reasons[4].startswith("not valid JSON")
    assert reasons[5] == "expected a JSON object, got list"
    assert reasons[6] == "unknown status 'xx'"
    assert reasons[7] == "lists no usable domain"
    notes = [(n.line, n.reason.split(":")[0]) for n in report.notes]
    assert notes == [
        (1, "domain 'pressreader.com/sputnik' dropped"),
        (1, "domain 'cmhansrd' dropped"),
    ]
    reg = result.registry
    [rater] = of(result.records, Rater)
    assert rater.id == "wikipedia-perennial-sources" and rater.licence == "CC BY-SA 4.0"
    # Every domain of the RSPUSES template, on the base's outlet when it claims one.
    [sputnik] = reg.ratings(outlet="sputnik")
    assert (sputnik.raw, sputnik.normalized, sputnik.as_of) == ("deprecated", 0.0, PartialDate(2022))
    assert sputnik.name == "Sputnik" and sputnik.via == "wiki-reliable-sources-parser"
    assert sputnik.sources[1].url.endswith("Perennial_sources#Sputnik")
    assert [r.raw for r in reg.ratings(outlet="radio-sputnik")] == ["deprecated"]
    for host in ("sputnikglobe.com", "voiceofrussia.com"):
        assert [r.raw for r in reg.ratings(host=host)] == ["deprecated"]
    # Two templates in one entry; a `domain` field when there is no template; no RSPLAST.
    assert {r.host for r in reg.ratings(host="twitter.com") + reg.ratings(host="x.com")} == {
        "twitter.com",
        "x.com",
    }
    [arabiya] = reg.ratings(host="alarabiya.net")
    assert arabiya.raw == "no consensus" and arabiya.as_of is None
    # Ratings of one host over time stay side by side.
    cnet = reg.ratings(host="cnet.com")
    assert [(r.name, r.raw) for r in cnet] == [
        ("CNET (pre – October 2020)", "generally reliable"),
        ("CNET (November 2022 – present)", "generally unreliable"),
    ]


def test_perennial_display_names():
    assert display_name("|-\n| [[Sputnik (news agency)|Sputnik]] {{WP:RSPSHORTCUT|WP:X}}") == ("Sputnik")
    assert (
        display_name(
            "|-\n| data-sort-value=\"Independent\" | {{anchor|INDYUK}} ''[[The Independent]]''"
            " {{WP:RSPSHORTCUT|WP:INDY}}"
        )
        == "The Independent"
    )
    assert display_name("|- only one line") is None


# -- domain quality --------------------------------------------------------------------


def test_domain_pc1_fixture(fixture_base):
    result = import_domain_quality(PC1, fixture_base)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (11, 4, 7)
    assert balanced(report)
    assert dict(report.values) == {"read": 4, "imported": 4}
    reasons = skips(result)
    assert reasons[6].startswith("rates part of a site (twitter.com/someone)")
    assert reasons[7] == "column pc1: 'not-a-number' is not a number (scale 'pc1')"
    assert reasons[8] == "column pc1: '1.5' is outside 0.0..1.0 (scale 'pc1')"
    assert "IP address" in reasons[9]
    assert reasons[10] == "expected 2 fields, found 3"
    assert reasons[11] == "no domain"
    assert reasons[12].startswith("no value to import")
    reg = result.registry
    [reuters] = reg.ratings(outlet="reuters")
    assert (reuters.rater, reuters.raw, reuters.normalized) == ("lin-2023-pc1", "0.9", 0.9)
    assert reuters.via is None and reuters.as_of == PartialDate(2023)
    [example] = reg.ratings(host="example.com")
    assert example.name == "www.Example.COM"
    assert [r.id for r in of(result.records, Rater)] == ["lin-2023-pc1"]


def test_domain_ratings_keep_raters_apart_and_skip_imputed_values(fixture_base):
    result = import_domain_quality(RATINGS, fixture_base)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (9, 5, 4)
    assert balanced(report)
    values = dict(report.values)
    assert values == {
        "read": 80,
        "imported": 32,
        "column not imported": 35,
        "imputed": 5,
        "empty": 8,
    }
    assert skips(result)[7] == "column mbfc_fact: 'high' is not a number (scale 'mbfc-fact')"
    reg = result.registry
    by_rater = {(r.rater, r.scale): r.raw for r in reg.ratings(outlet="reuters")}
    assert by_rater == {
        ("lin-2023-pc1", "pc1"): "0.9",
        ("ad-fontes-media", "afm-rely"): "0.92",
        ("ad-fontes-media", "afm-bias"): "0.85",
        ("media-bias-fact-check", "mbfc-fact"): "0.97",
        ("media-bias-fact-check", "mbfc-bias"): "0.9",
        ("lasser-2022", "lewandowsky-acc"): "0.95",
        ("lasser-2022", "lewandowsky-trans"): "0.96",
        ("lasser-2022", "lewandowsky-rely"): "0.97",
    }  # fc 0.612345678912345 has more than four decimals, the mark of Lin et al.'s imputation: not imported
    assert all(r.via == "Lin et al. 2023" for r in reg.ratings(outlet="reuters")[1:])
    breitbart = {r.rater for r in reg.ratings(host="breitbart.com")}
    assert "fact-checkers-pennycook-rand-2019" in breitbart
    # The *_bias columns say how little bias a source shows: impartiality ratings, never bias (left-right) ones.
    assert not [r for r in result.records if isinstance(r, Rating) and r.axis == "bias"]
    impartiality = {
        (r.host or r.outlet, r.scale): r.raw for r in of(result.records, Rating) if r.axis == "impartiality"
    }
    assert impartiality == {
        ("reuters", "afm-bias"): "0.85",
        ("reuters", "mbfc-bias"): "0.9",
        ("rt", "afm-bias"): "0.6",
        ("rt", "mbfc-bias"): "0.6",
        ("breitbart.com", "afm-bias"): "0.45",
        ("breitbart.com", "mbfc-bias"): "0.5",
        ("example-imputed.com", "afm-bias"): "0.61",
    }  # example-imputed.com's mbfc_bias 0.6123456789 was imputed by Lin et al.
    [afm_bias] = [r for r in reg.ratings(host="breitbart.com") if r.scale == "afm-bias"]
    assert (afm_bias.rater, afm_bias.normalized, afm_bias.via) == ("ad-fontes-media", 0.45, "Lin et al. 2023")
    scales = {(rater.id, scale.id): scale.axis for rater in of(result.records, Rater) for scale in rater.scales}
    assert scales[("ad-fontes-media", "afm-bias")] == scales[("media-bias-fact-check", "mbfc-bias")] == "impartiality"
    assert scales[("ad-fontes-media", "afm-rely")] == scales[("media-bias-fact-check", "mbfc-fact")] == "reliability"
    assert [r.rater for r in reg.ratings(host="empty-cells.example")] == ["lin-2023-pc1"]


def test_domain_quality_header_decides_the_file(tmp_path):
    with pytest.raises(ImportFileError, match="unknown column"):
        import_domain_quality(["domain,pc1,newsguard", "a.com,1,1"])
    with pytest.raises(ImportFileError, match="lacks column"):
        import_domain_quality(["domain,afm", "a.com,1"])
    with pytest.raises(ImportFileError, match="first column must be 'domain'"):
        import_domain_quality(["pc1,domain", "1,a.com"])
    assert imputed("0.123456789") and not imputed("0.1235") and not imputed("1")
    assert LIN_COLUMNS["afm_bias"].rater == "ad-fontes-media" and LIN_COLUMNS["afm_bias"].observed_only
    assert LIN_COLUMNS["mbfc_bias"].rater == "media-bias-fact-check" and LIN_COLUMNS["mbfc_bias"].observed_only
    assert not [c for c in LIN_COLUMNS.values() if c.rater is None and "bias" in (c.reason or "")]


# -- Wikidata --------------------------------------------------------------------------


def test_wikidata_dump_fixture():
    result = import_wikidata(WD_DUMP)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (12, 8, 4)
    assert balanced(report)
    reasons = skips(result)
    assert reasons[6].startswith("not valid JSON")
    assert reasons[9] == ("Q90000007: an outlet needs a country: P17/P495 name none with a known ISO code")
    assert reasons[10].startswith("Q90000008: not an outlet or organisation")
    assert reasons[13] == "not a Wikidata item (id 'P856')"
    reg = result.registry
    tt = reg.lookup("wd-q90000001")
    assert isinstance(tt, Outlet)
    assert (tt.name, tt.kind, tt.country) == ("Testland Today", "tv-channel", "RU")
    assert tt.lifetime == Interval(PartialDate(2005, 12, 10))
    assert [n.name for n in tt.names] == ["TT", "Testland Today TV"]
    # Official websites: the current one, a former one ending 2009; the path-scoped one is noted.
    assert reg.outlet_for_url("https://testland-today.example/x").id == "wd-q90000001"
    former = reg.claim_for_url("ttoday.example")
    assert (former.role, former.interval) == ("former", Interval(end=PartialDate(2009)))
    # Shared after the former site's end: published while Testland Today held it (issue #14 item 8).
    assert reg.outlet_for_url("ttoday.example", at="2012").id == "wd-q90000001"
    [website] = [c for c in of(result.records, DomainClaim) if c.host == "testland-today.example"]
    assert website.sources[0].url == "https://example.org/about-testland-today"
    assert website.sources[0].title == "About Testland Today"
    assert website.sources[0].accessed == PartialDate(2024, 3, 1)
    # Ownership with dated qualifiers, a share, and a source from "stated in".
    [owns] = reg.relations(object="wd-q90000001", kinds=["owns"])
    assert (owns.subject, owns.share, owns.interval) == ("wd-q90000002", 1.0, Interval(PartialDate(2005)))
    assert owns.sources[0].url == "https://www.wikidata.org/wiki/Q90000009"
    assert owns.sources[0].title == "Testland Register of Media"
    [state] = reg.relations(object="wd-q90000002")
    assert (state.subject, state.interval.start) == ("state-ru", PartialDate(2005, 4))
    assert reg.lookup("state-ru").kind == "state"
    # "End time: unknown value" is an unknown end.
    [parent] = reg.relations(object="wd-q90000004", kinds=["parent-of"])
    assert parent.interval.end is UNKNOWN
    # P1365 and P1366 describing one succession make one record with both sources.
    [succession] = reg.successors("wd-q90000004")
    assert (succession.successor, succession.date) == ("wd-q90000005", PartialDate(2014, 11, 10))
    assert len(succession.sources) == 2
    # A country found through P297 of its item in the input.
    assert reg.lookup("wd-q90000006").country == "FI"
    assert reg.lookup("state-fi").country == "FI"
    notes = [n.reason for n in report.notes]
    assert any("P749 Q90000099 is not in the input" in n for n in notes)
    assert any("news/world dropped" in n for n in notes)
    assert any("precision 7" in n for n in notes)
    # No record comes from the deprecated P17 statement (Q30, United States).
    assert "state-us" not in reg


def test_wikidata_keeps_the_base_outlet_with_that_website(fixture_base):
    result = import_wikidata(WD_DUMP, fixture_base)
    ids = {r.id for r in result.records if isinstance(r, Outlet | Organization)}
    assert "rt" not in ids and "wd-q90000011" not in ids
    assert "state-ru" not in ids  # the base has it
    assert not [c for c in of(result.records, DomainClaim) if c.host == "rt.com"]
    owners = [r.subject for r in result.registry.relations(object="rt", kinds=["owns"])]
    assert "wd-q90000002" in owners
    assert result.registry.lookup("rt").name == "RT"  # the base outlet is untouched


def test_wikidata_entity_data_file():
    result = import_wikidata(WD_ENTITY, accessed=PartialDate(2025, 5, 5))
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (1, 1, 0)
    assert report.notes[0].line == 3  # where the entity starts in the pretty-printed file
    [outlet] = of(result.records, Outlet)
    assert outlet.sources[0].accessed == PartialDate(2025, 5, 5)
    assert outlet.sources[0].url == "https://www.wikidata.org/wiki/Q90000001"
    assert "P127 Q90000002 is not in the input" in " ".join(n.reason for n in report.notes)
    # The same document on one line (the compact form Special:EntityData serves).
    compact = json.dumps(json.loads(WD_ENTITY.read_text(encoding="utf-8")))
    assert import_wikidata([compact], accessed=PartialDate(2025, 5, 5)).records == result.records


def test_wikidata_malformed_documents(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "entities": {\n    "Q1": {"id": "Q1",\n')
    with pytest.raises(ImportFileError, match=r"broken.json, line \d: not Wikidata entity JSON"):
        import_wikidata(broken)
    with pytest.raises(ImportFileError, match="instance_kinds"):
        import_wikidata(WD_ENTITY, instance_kinds={"Q1": ("outlet", "blog")})
    extra = import_wikidata(WD_DUMP, instance_kinds={"Q13442814": ("outlet", "magazine")})
    # The "scholarly article" now maps to an outlet kind, and needs a country.
    assert skips(extra)[10].startswith("Q90000008: an outlet needs a country")
    entity = json.loads(WD_ENTITY.read_text(encoding="utf-8"))["entities"]["Q90000001"]
    del entity["modified"]
    result = import_wikidata([json.dumps(entity)])
    assert skips(result) == {1: "Q90000001: no date for its sources: the entity has no 'modified' date; pass accessed"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"time": "+2005-12-10T00:00:00Z", "precision": 11}, PartialDate(2005, 12, 10)),
        ({"time": "+2005-12-00T00:00:00Z", "precision": 10}, PartialDate(2005, 12)),
        ({"time": "+2005-00-00T00:00:00Z", "precision": 9}, PartialDate(2005)),
        ({"time": "+2005-12-10T14:00:00Z", "precision": 14}, PartialDate(2005, 12, 10)),
    ],
)
def test_wikidata_dates_keep_their_precision(value, expected):
    assert wikidata_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        {"time": "+2005-00-00T00:00:00Z", "precision": 8},
        {"time": "-0044-03-15T00:00:00Z", "precision": 11},
        {"time": "+2005-02-30T00:00:00Z", "precision": 11},
        {"time": "2005", "precision": 9},
        {
            "time": "+1700-03-01T00:00:00Z",
            "precision": 11,
            "calendarmodel": "http://www.wikidata.org/entity/Q1985786",
        },
    ],
)
def test_wikidata_dates_refuse_what_they_cannot_say(value):
    with pytest.raises(ValueError):
        wikidata_date(value)


# -- generic CSV -----------------------------------------------------------------------


def test_generic_csv_needs_scales_for_words_and_other_ranges(fixture_base):
    with pytest.raises(ImportFileError, match="'word-rater' gives non-numeric values"):
        import_csv(GENERIC, fixture_base, cite=CITE)
    with pytest.raises(ImportFileError, match=r"'stars-inc' gives numbers outside 0\.\.1"):
        import_csv(GENERIC, fixture_base, cite=CITE, scales={"Word Rater": WORD_SCALE})
    with pytest.raises(ImportFileError, match="accessed"):
        import_csv(GENERIC, cite=Source("https://example.org/x", "x"))
    with pytest.raises(ImportFileError, match="lacks column"):
        import_csv(["domain,value", "a.com,1"], cite=CITE)


def test_generic_csv_fixture(fixture_base):
    result = import_csv(
        GENERIC,
        fixture_base,
        cite=CITE,
        scales={"word-rater": WORD_SCALE, "Stars, Inc.": STAR_SCALE},
    )
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (12, 5, 7)
    assert balanced(report)
    reasons = skips(result)
    assert reasons[3].startswith("rates part of a site (https://www.reuters.com/world/)")
    assert reasons[7] == "'medium' is not a category of scale 'value'"
    assert reasons[9] == "no value"
    assert reasons[10] == "cannot read date 'July 4': no year given"
    assert reasons[11] == "no rater (letters or digits)"
    assert reasons[12] == "expected 4 fields, found 5"
    reg = result.registry
    [panel] = reg.ratings(outlet="rt")
    assert (panel.rater, panel.normalized, panel.as_of) == ("my-panel", 0.2, PartialDate(2024, 5))
    assert reg.rater("my-panel").scales[0].maximum == 1.0
    assert reg.rater("stars-inc").name == "Stars, Inc."
    [stars] = reg.ratings(host="news.example.com")
    assert (stars.raw, stars.normalized) == ("4", 0.75)
    assert [r.raw for r in reg.ratings(host="example.net")] == ["low"]
    assert all(r.sources == (CITE,) for r in of(result.records, Rating))


def test_parse_scale():
    rater, scale = parse_scale("My Panel=deprecated, unreliable ,reliable", axis="reliability")
    assert rater == "my-panel" and scale.categories == ("deprecated", "unreliable", "reliable")
    assert parse_scale("x=0..10")[1].maximum == 10.0
    for bad in ("x", "=1..2", "x=", "x=a", "x=3..3"):
        with pytest.raises(ImportFileError):
            parse_scale(bad)


# -- overlays --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "path"),
    [
        (import_state_media_matrix, SMM),
        (import_perennial_sources, RSP),
        (import_domain_quality, RATINGS),
        (import_wikidata, WD_DUMP),
    ],
)
def test_overlays_load_back_to_equal_records(run, path, fixture_base, tmp_path):
    result = run(path, fixture_base)
    written = write_overlay(result.records, tmp_path / "overlay", name="import", header=["Test."])
    assert written == tmp_path / "overlay" / "import.toml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Test.\n# Machine-written")
    read = read_folder(tmp_path / "overlay")
    assert read.problems == ()
    assert list(read.records) == by_table(result.records)
    combined = Registry.from_folder(FIXTURES / "registry", tmp_path / "overlay")
    assert set(combined.records) == set(result.registry.records)


def test_overlay_on_the_shipped_registry(tmp_path):
    result = import_state_media_matrix(SMM, default_registry())
    write_overlay(result.records, tmp_path, name="smm")
    loaded = load_registry(tmp_path)
    assert set(loaded.records) == set(result.registry.records)


def test_overlay_writes_only_its_file(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    write_overlay(import_perennial_sources(RSP).records, tmp_path, name="rsp")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "rsp.toml"]
    with pytest.raises(ImportFileError, match="kebab-case"):
        write_overlay([], tmp_path, name="../escape")


_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=60)
@given(name=_TEXT, title=_TEXT, note=_TEXT)
def test_overlay_strings_round_trip(tmp_path_factory, name, title, note):
    source = Source('https://example.org/a?b="c"', title, quote=note, accessed=PartialDate(2025))
    records = [
        Outlet("x-1", name, "website", "RU", names=(Name(note, kind="alias"),), sources=(source,)),
        Assessment("x-1", "someone", "platform-label", note, note=name, sources=(source,)),
        Rater("r", name, (Scale("s", "reliability", "ordinal", (name, name + "+")),), sources=(source,)),
        Rating("r", "s", "reliability", name, 0.0, outlet="x-1", name=note, sources=(source,)),
    ]
    folder = tmp_path_factory.mktemp("overlay")
    write_overlay(records, folder)
    read = read_folder(folder)
    assert read.problems == ()
    assert list(read.records) == records


# -- command line ----------------------------------------------------------------------


def run_cli(args, capsys):
    out = io.StringIO()
    status = main(args, out)
    return status, out.getvalue(), capsys.readouterr().err


def test_cli_import_writes_the_overlay(tmp_path, capsys):
    # Against the curated data alone (--no-layers): the test is about the import, not the bundled layers.
    status, out, err = run_cli(
        ["import", "state-media-matrix", str(SMM), "-o", str(tmp_path / "o"), "--no-layers"], capsys
    )
    assert status == 0
    assert out.strip() == str(tmp_path / "o" / "state-media-matrix.toml")
    expected = import_state_media_matrix(SMM, default_registry(layers=())).report
    assert expected.summary() in err
    assert f"skipped {expected.skipped[0].describe()}" in err
    assert f"... and {expected.rows_skipped - 5} more skipped rows" in err
    loaded = load_registry(tmp_path / "o", layers=())
    assert loaded.lookup("smm-rta-af").country == "AF"
    # --registry layers the new overlay on the first one.
    status, _, err = run_cli(
        ["import", "perennial-sources", str(RSP), "-o", str(tmp_path / "p"), "--registry",
         str(tmp_path / "o"), "--no-layers"],
        capsys,
    )  # fmt: skip
    assert status == 0
    layered = load_registry(tmp_path / "o", tmp_path / "p", layers=())
    assert [r.raw for r in layered.ratings(outlet="sputnik")] == ["deprecated"]


def test_cli_import_csv_and_errors(tmp_path, capsys):
    args = ["import", "csv", str(GENERIC), "-o", str(tmp_path)]
    status, _, err = run_cli(args, capsys)
    assert status == 2 and err.count("\n") == 1 and "--source-url and --accessed" in err
    status, _, err = run_cli([*args, "--source-url", "https://example.org/r", "--accessed", "2025-06-01"], capsys)
    assert status == 2 and "--scale word-rater=low,...,high" in err
    status, _, err = run_cli(
        [*args, "--source-url", "https://example.org/r", "--accessed", "June 2025",
         "--scale", "Word Rater=low,high", "--scale", "stars-inc=1..5"],
        capsys,
    )  # fmt: skip
    assert status == 0, err
    assert "12 rows read, 5 imported, 7 skipped" in err
    assert (tmp_path / "csv.toml").is_file()
    status, _, err = run_cli(["import", "wikidata", str(tmp_path / "nope.json"), "-o", "x"], capsys)
    assert status == 2 and "nope.json: cannot open" in err and err.count("\n") == 1
    status, _, err = run_cli(["import", "perennial-sources", str(RSP), "-o", str(tmp_path),
                              "--scale", "x=1..2"], capsys)  # fmt: skip
    assert status == 2 and "are for csv" in err
    assert sorted(FORMATS) == [
        "csv",
        "domain-quality",
        "perennial-sources",
        "state-media-matrix",
        "wikidata",
    ]


# -- the real data sets ----------------------------------------------------------------


def real(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent (third-party data sets live in ../shared/data/)")
    return path


def test_real_state_media_matrix():
    path = real("state-media-profiles", "State_Media_Matrix.csv")
    result = import_state_media_matrix(path, default_registry(layers=()))  # the curated data
    report = result.report
    assert report.rows_read == 1157
    assert balanced(report)
    reasons = Counter(s.reason.split(":")[0] for s in report.skipped)
    assert reasons["no URL"] == 82
    assert reasons["uncertain typology 'ISFM?' (marked with '?')"] == 4
    assert reasons["empty row"] == 1
    # rt.com: SC on the shipped outlet "rt" (already curated there, so the row says so).
    rt_rows = [s for s in report.skipped if ",https://www.rt.com/," in s.text]
    assert rt_rows and all(s.reason.startswith("already in the base registry: 'rt'") for s in rt_rows)
    codes = [a.value for a in result.registry.assessments("rt", kind="typology") if a.assessor == "state-media-monitor"]
    assert codes == ["SC"]
    # Without a base, rt.com becomes an outlet of its own, SC.
    alone = import_state_media_matrix(path)
    assert [a.value for a in alone.registry.assessments("smm-rt-com")] == ["SC"]
    assert alone.report.rows_read == 1157 and balanced(alone.report)


def test_real_perennial_sources():
    path = real("wiki-perennial-sources", "sources.jsonl")
    result = import_perennial_sources(path)
    report = result.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (505, 490, 15)
    sputnik = [r for r in result.records if isinstance(r, Rating) and r.name == "Sputnik"]
    assert {r.raw for r in sputnik} == {"deprecated"}
    assert {r.as_of for r in sputnik} == {PartialDate(2022)}
    assert {r.host for r in sputnik} == {
        "sputniknews.com", "voiceofrussia.com", "sputniknews.ru", "sputnik.by",
        "armeniasputnik.am", "sputnik.kz", "sputniknews.cn", "sputnik.md",
        "sputnik-georgia.com", "sputnik-georgia.ru", "sputnik-abkhazia.ru",
        "sputnik-abkhazia.info", "sputnik-ossetia.com", "sputnik-ossetia.ru",
        "sputniknewslv.com", "sputniknews.lt", "sputniknews.lat", "latamnews.lat",
        "sputniknews.gr", "sputniknews-uz.com", "sputniknews.uz", "sputnik-tj.com",
        "sputnik.az", "sputnik.kg", "sputnikglobe.com", "radiosputnik.ria.ru",
        "sputniknews.in", "sputniknews.africa", "sputnikportal.rs", "sputnikmediabank.com",
        "sarabic.ae",
    }  # fmt: skip
    with_base = import_perennial_sources(path, default_registry(layers=()))  # the curated data
    [rating] = with_base.registry.ratings(outlet="sputnik")
    assert rating.raw == "deprecated"
    assert Counter(r.raw for r in of(with_base.records, Rating))["generally reliable"] > 100


def test_real_domain_quality():
    pc1 = import_domain_quality(real("domain-quality-ratings", "domain_pc1.csv"), default_registry())
    report = pc1.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (11520, 11481, 39)
    [reuters] = [r for r in pc1.registry.ratings(outlet="reuters") if r.name == "reuters.com"]
    assert (reuters.outlet, reuters.raw, reuters.normalized) == ("reuters", "1", 1.0)
    ratings = import_domain_quality(real("domain-quality-ratings", "domain_ratings.csv"))
    report = ratings.report
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (11520, 11481, 39)
    assert dict(report.values) == {
        "read": 183696,
        "imported": 32325,
        "imputed": 71004,
        "column not imported": 80367,
    }
    raters = Counter(r.rater for r in of(ratings.records, Rating))
    assert raters == {
        "lin-2023-pc1": 11481,
        "lasser-2022": 14196,
        "media-bias-fact-check": 6023,
        "ad-fontes-media": 566,
        "fact-checkers-pennycook-rand-2019": 59,
    }
    assert Counter(r.axis for r in of(ratings.records, Rating)) == {"reliability": 29234, "impartiality": 3091}
    scales = Counter(r.scale for r in of(ratings.records, Rating) if r.axis == "impartiality")
    assert scales == {"mbfc-bias": 2808, "afm-bias": 283}


def test_real_overlays_round_trip(tmp_path):
    path = real("wiki-perennial-sources", "sources.jsonl")
    result = import_perennial_sources(path, default_registry())
    write_overlay(result.records, tmp_path, name="rsp")
    assert list(read_folder(tmp_path).records) == by_table(result.records)


# -- any input: every row is imported or skipped, nothing else escapes -------------------

_CELLS = st.one_of(
    st.sampled_from(
        ["", "rt.com", "https://www.rt.com/x/y", "not a url", "0.5", "1.5", "nan", "-1", "SC",
         "ISFM?", "Russia", "Europen Union", "a,b", '"', "1..2", "2024-13", "Q5", "ééé"]
    ),
    st.text(max_size=6),
)  # fmt: skip
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


def _csv_text(header, rows):
    buffer = io.StringIO()
    # CRLF ends: with "\n" alone, csv.writer leaves a lone "\r" unquoted and a row of it reads back blank.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return io.StringIO(buffer.getvalue())


@settings(max_examples=40)
@given(rows=st.lists(st.lists(_CELLS, max_size=9), max_size=6))
def test_any_rows_balance_the_report(rows):
    header = ["Region", "Country", "Media company", "Main assets", "URL", "Typology", "Status"]
    for run, head in (
        (import_state_media_matrix, header),
        (import_domain_quality, ["domain", "pc1", "afm_rely"]),
    ):
        try:
            result = run(_csv_text(head, rows))
        except ImportFileError:
            continue
        assert balanced(result.report)
        assert result.report.rows_read == sum(1 for row in rows if row)


@settings(max_examples=40)
@given(
    entries=st.lists(
        st.fixed_dictionaries(
            {"status": st.sampled_from(["gr", "d", "m", "zz"]), "id": st.text(max_size=5)},
            optional={"alltext": st.text(max_size=20).map(lambda t: f"{{{{WP:RSPUSES|{t}}}}}"),
                      "claims": st.dictionaries(st.sampled_from(["P31", "P127", "P856"]), _JSON),
                      "domain": _JSON},
        )
        | _JSON,
        max_size=5,
    )
)  # fmt: skip
def test_any_json_lines_balance_the_report(entries):
    lines = [json.dumps(entry) for entry in entries]
    for run in (import_perennial_sources, import_wikidata):
        try:
            result = run(["[", *lines, "]"] if run is import_wikidata else lines)
        except ImportFileError:
            continue
        assert balanced(result.report)


_VALUES = st.one_of(
    _JSON,
    st.integers(1, 6).map(lambda n: {"entity-type": "item", "id": f"Q{n}", "numeric-id": n}),
    st.sampled_from(["Q159", "Q33", "Q5", "Q2001305", "Q192283"]).map(lambda q: {"id": q}),
    st.builds(
        lambda y, m, p: {"time": f"+{y:04d}-{m:02d}-00T00:00:00Z", "precision": p},
        st.integers(0, 2100), st.integers(0, 13), st.integers(6, 12),
    ),
    st.sampled_from(["https://a.example/", "https://b.example/x/y", "not a url", "FI"]),
)  # fmt: skip
_SNAKS = st.fixed_dictionaries(
    {"snaktype": st.sampled_from(["value", "somevalue", "novalue", "bogus"])},
    optional={"datavalue": st.fixed_dictionaries({"value": _VALUES})},
)
_STATEMENTS = st.fixed_dictionaries(
    {"mainsnak": _SNAKS},
    optional={
        "rank": st.sampled_from(["normal", "preferred", "deprecated"]),
        "qualifiers": st.dictionaries(st.sampled_from(["P580", "P582", "P585", "P1107"]),
                                      st.lists(_SNAKS, max_size=2), max_size=2),
        "references": st.lists(st.fixed_dictionaries({"snaks": st.dictionaries(
            st.sampled_from(["P854", "P248", "P813", "P1476"]), st.lists(_SNAKS, max_size=1),
            max_size=3)}), max_size=2),
    },
)  # fmt: skip
_ENTITIES = st.builds(
    lambda n, claims: {"type": "item", "id": f"Q{n}", "modified": "2025-01-01T00:00:00Z",
                       "labels": {"en": {"language": "en", "value": f"Entity {n}"}},
                       "claims": claims},
    st.integers(1, 6),
    st.dictionaries(
        st.sampled_from(["P31", "P17", "P297", "P495", "P571", "P576", "P856", "P127", "P749",
                         "P1365", "P1366"]),
        st.lists(_STATEMENTS, max_size=2),
        max_size=5,
    ),
)  # fmt: skip


@settings(max_examples=40)
@given(entities=st.lists(_ENTITIES, max_size=6))
def test_any_wikidata_entities_import_or_skip(entities):
    from provenance.errors import RegistryError

    lines = ["[", *(json.dumps(e) + "," for e in entities), "]"]
    try:
        result = import_wikidata(lines)
    except RegistryError as error:  # only an ownership cycle may make the registry refuse
        assert all("control cycle" in problem for problem in error.problems), error.problems
        return
    assert balanced(result.report)
    assert result.report.rows_read == len(entities)


def test_curated_labels_and_every_raters_rating_side_by_side(tmp_path):
    """The default registry plus the three real overlays: one URL, curated labels and ratings together."""
    from provenance.labelling import label_url

    base = default_registry()
    overlays = []
    for name, importer, path in [
        ("smm", import_state_media_matrix, real("state-media-profiles", "State_Media_Matrix.csv")),
        ("rsp", import_perennial_sources, real("wiki-perennial-sources", "sources.jsonl")),
        ("lin", import_domain_quality, real("domain-quality-ratings", "domain_pc1.csv")),
    ]:
        folder = tmp_path / name
        write_overlay(importer(path, base).records, folder, name=name)
        overlays.append(folder)
    registry = load_registry(*overlays)
    labels = label_url("https://sputniknews.com/20230601/x.html", at="2023-06-01", registry=registry)
    assert labels.get("state-media").value == "SC"
    assert labels.has("sanctioned", "EU")
    ratings = labels.filter("rating")
    raters = {label.detail("rater") for label in ratings}
    assert {"wikipedia-perennial-sources", "lin-2023-pc1"} <= raters
    # Lin et al. rate some forty of Sputnik's domains: the page shows its own domain's score only.
    lin = [label.detail("rated") for label in ratings if label.detail("rater") == "lin-2023-pc1"]
    assert lin == ["sputniknews.com"]
    perennial = next(label for label in ratings if label.detail("rater") == "wikipedia-perennial-sources")
    assert perennial.detail("raw") == "deprecated" and perennial.value == "0"
    for label in labels:
        assert label.sources, label.kind
    # An outlet the curated data does not know still gets the raters' ratings, by host.
    unknown = label_url("https://www.breitbart.com/politics/x", at="2023", registry=registry)
    assert unknown.kinds() == ("rating",) and len({label.detail("rater") for label in unknown}) >= 2
