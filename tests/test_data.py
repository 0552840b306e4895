"""Integrity of the shipped registry (provenance/data), file by file and fact by fact.

These tests read the data the library ships, never the test fixtures. They
check the files (names, headers, sources), the registry built from them
(ids, references, intervals, hosts, control cycles, country codes), the
coverage issue 3 asks for, the seed's facts, and the agreement of the
typology codes with an independent data set, the State Media Monitor's
matrix, read from ``../shared/data/`` when it is there.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import provenance
from provenance.countries import is_country_code
from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate, Truth
from provenance.domains import normalize_host
from provenance.errors import InvalidURLError
from provenance.model import (
    TYPOLOGY_CODES,
    Assessment,
    DomainClaim,
    Organization,
    Outlet,
    Relation,
    Succession,
)
from provenance.registry import Registry, default_registry, describe_record, find_problems, read_folder
from tests.conftest import ROOT, SHARED_DATA

DATA = ROOT / "provenance" / "data"
FILES = sorted(DATA.glob("*.toml"))
MATRIX = SHARED_DATA / "state-media-profiles" / "State_Media_Matrix.csv"
SMM = "state-media-monitor"
TABLES = ("organizations", "outlets", "domains", "relations", "successions", "assessments", "raters", "ratings")
LAST_REVIEWED = re.compile(r"Last reviewed: (\d{4}-\d{2}-\d{2})\b")
MAX_QUOTE = 240


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry(layers=())  # the curated data; the bundled layers are tests/test_layers.py's


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    return {path.name: tomllib.loads(path.read_text(encoding="utf-8")) for path in FILES}


@pytest.fixture(scope="module")
def data_day() -> datetime.date:
    """The day DATA_VERSION names: nothing in the data may be newer."""
    year, month, day = (int(part) for part in provenance.data_version().split("."))
    return datetime.date(year, month, day)


def header(path: Path) -> list[str]:
    """The comment lines a file opens with."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def entries(document: dict[str, Any]) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Every record table entry of a parsed file: (table, index, entry)."""
    for table in TABLES:
        for index, entry in enumerate(document.get(table, [])):
            yield table, index, entry


def intervals(record: object) -> Iterator[tuple[str, Interval]]:
    """Every interval a record carries, named for messages."""
    if isinstance(record, Outlet | Organization):
        yield "lifetime", record.lifetime
    if isinstance(record, Outlet):
        for name in record.names:
            yield f"name {name.name!r}", name.interval
    if isinstance(record, DomainClaim | Relation | Assessment):
        yield "interval", record.interval


# -- the files -----------------------------------------------------------------


def test_loads_from_the_folder_and_as_the_default(registry):
    read = read_folder(DATA)
    assert read.problems == ()
    assert find_problems(read.records, read.locations) == []
    assert Registry.from_folder(DATA).records == registry.records
    assert provenance.default_registry(layers=()) is registry


def test_data_version_is_calver(data_day):
    text = (DATA / "DATA_VERSION").read_text(encoding="utf-8")
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}\n?", text), f"DATA_VERSION {text!r} is not YYYY.MM.DD"
    assert provenance.data_version() == text.strip()


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_file_name_is_a_country_code(path):
    code = path.stem
    assert code == "international" or (re.fullmatch(r"[a-z]{2}", code) and is_country_code(code.upper())), (
        f"{path.name}: data files are named by lower-case ISO 3166-1 alpha-2 code or international.toml"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_file_is_about_its_country(path, documents):
    if path.stem == "international":
        return
    document = documents[path.name]
    countries = {entry.get("country") for table in ("outlets", "organizations") for entry in document.get(table, [])}
    assert path.stem.upper() in countries, f"{path.name} defines no outlet or organisation of {path.stem.upper()}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_file_opens_with_what_it_covers_and_when_it_was_reviewed(path, data_day):
    lines = header(path)
    assert lines, f"{path.name} must open with a header comment"
    first = lines[0].lstrip("#").strip()
    assert len(first.split()) >= 3 and not first.startswith("Last reviewed"), (
        f"{path.name}: the first line must say what the file covers, got {lines[0]!r}"
    )
    reviewed = [match.group(1) for line in lines if (match := LAST_REVIEWED.search(line))]
    assert len(reviewed) == 1, f"{path.name}: the header needs one 'Last reviewed: YYYY-MM-DD'"
    day = datetime.date.fromisoformat(reviewed[0])
    assert day <= data_day, f"{path.name}: reviewed {day}, after DATA_VERSION {data_day}: bump DATA_VERSION"


# -- ids and references --------------------------------------------------------


def test_ids_are_unique_across_files(documents):
    where: dict[str, list[str]] = defaultdict(list)
    for name, document in documents.items():
        for table, index, entry in entries(document):
            if table in ("organizations", "outlets", "raters"):
                where[entry["id"]].append(f"{name}: {table}[{index}]")
    duplicates = {id: places for id, places in where.items() if len(places) > 1}
    assert not duplicates


def test_all_references_resolve(registry):
    problems = []

    def need(record: object, id: str, outlet: bool = False) -> None:
        body = registry.get(id)
        if body is None or (outlet and not isinstance(body, Outlet)):
            problems.append(f"{describe_record(record)}: {id!r} is not a known {'outlet' if outlet else 'body'}")

    for record in registry.records:
        if isinstance(record, DomainClaim):
            need(record, record.outlet, outlet=True)
        elif isinstance(record, Relation):
            need(record, record.subject)
            need(record, record.object)
        elif isinstance(record, Succession):
            need(record, record.predecessor)
            need(record, record.successor)
        elif isinstance(record, Assessment):
            need(record, record.subject, outlet=True)
    assert not problems


# -- time ------------------------------------------------------------------------


def test_intervals_are_ordered(registry):
    problems = []
    for record in registry.records:
        for what, interval in intervals(record):
            start, end = interval.start, interval.end
            if start is not None and isinstance(end, PartialDate) and end.latest() < start.earliest():
                problems.append(f"{describe_record(record)}: {what} {interval!r} ends before it starts")
    assert not problems


def test_facts_fall_within_the_lifetimes_of_what_they_are_about(registry):
    problems = []

    def within(record: object, interval: Interval, id: str) -> None:
        lifetime = registry.lookup(id).lifetime
        if interval.overlaps(lifetime) is Truth.NO:
            problems.append(f"{describe_record(record)}: {interval!r} is outside {id!r}'s lifetime {lifetime!r}")

    for record in registry.records:
        if isinstance(record, Outlet):
            for name in record.names:
                within(record, name.interval, record.id)
        elif isinstance(record, DomainClaim):
            within(record, record.interval, record.outlet)
        elif isinstance(record, Relation):
            within(record, record.interval, record.subject)
            within(record, record.interval, record.object)
        elif isinstance(record, Assessment):
            within(record, record.interval, record.subject)
        elif isinstance(record, Succession):
            before, after = registry.lookup(record.predecessor).lifetime, registry.lookup(record.successor).lifetime
            if before.start is not None and record.date.latest() < before.start.earliest():
                problems.append(f"{describe_record(record)}: dated before {record.predecessor!r} began")
            if isinstance(after.end, PartialDate) and record.date.earliest() > after.end.latest():
                problems.append(f"{describe_record(record)}: dated after {record.successor!r} ended")
    assert not problems


# -- hosts ------------------------------------------------------------------------


def test_hosts_are_written_normalised(registry):
    problems = []
    for record in registry.records:
        if isinstance(record, DomainClaim):
            try:
                normalized = normalize_host(record.host)
            except InvalidURLError as error:
                problems.append(f"{describe_record(record)}: {error}")
                continue
            if normalized != record.host or "/" in record.host:
                problems.append(f"{describe_record(record)}: write {normalized!r}")
    assert not problems


def test_no_host_is_claimed_twice_at_overlapping_times(registry):
    claims: dict[str, list[DomainClaim]] = defaultdict(list)
    for record in registry.records:
        if isinstance(record, DomainClaim):
            claims[record.host].append(record)
    clashes = []
    for host, found in claims.items():
        for index, first in enumerate(found):
            for second in found[index + 1 :]:
                hand_over = (first.interval.end == second.interval.start and second.interval.start is not None) or (
                    second.interval.end == first.interval.start and first.interval.start is not None
                )
                if first.interval.overlaps(second.interval) is not Truth.NO and not hand_over:
                    clashes.append(f"{host}: {first.outlet} {first.interval!r} and {second.outlet} {second.interval!r}")
    assert not clashes


# -- control --------------------------------------------------------------------


def test_no_ownership_cycles(registry):
    """No chain of relations leads back to where it started while all its links may hold at once."""
    edges: dict[str, list[Relation]] = defaultdict(list)
    for record in registry.records:
        if isinstance(record, Relation):
            edges[record.subject].append(record)
    cycles = []

    def may_coexist(chain: list[Relation]) -> bool:
        return max(r.interval.bounds()[0] for r in chain) <= min(r.interval.bounds()[3] for r in chain)

    def walk(node: str, chain: list[Relation], on_chain: list[str]) -> None:
        for relation in edges.get(node, ()):
            if relation.object in on_chain:
                cycle = [*chain[on_chain.index(relation.object) :], relation]
                if may_coexist(cycle):
                    cycles.append(" -> ".join([r.subject for r in cycle] + [relation.object]))
            else:
                walk(relation.object, [*chain, relation], [*on_chain, relation.object])

    for start in sorted(edges):
        walk(start, [], [start])
    assert not cycles


# -- sources ----------------------------------------------------------------------


def test_every_fact_cites_a_complete_source_read_before_the_data_version(registry, data_day):
    problems = []
    for record in registry.records:
        if not record.sources:
            problems.append(f"{describe_record(record)}: cites no source")
        for source in record.sources:
            if not re.match(r"https?://\S+\.\S+", source.url) or not source.title.strip():
                problems.append(f"{describe_record(record)}: source {source.url!r} lacks a URL or title")
            if source.accessed is None or source.accessed.precision != "day":
                problems.append(f"{describe_record(record)}: source {source.url!r} needs an accessed day")
            elif source.accessed.earliest() > data_day:
                problems.append(f"{describe_record(record)}: {source.url!r} accessed after DATA_VERSION")
    assert not problems


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_declared_sources_are_complete_short_and_cited(path, documents, data_day):
    document = documents[path.name]
    sources = document.get("sources", {})
    reviewed = datetime.date.fromisoformat(
        next(match.group(1) for line in header(path) if (match := LAST_REVIEWED.search(line)))
    )
    cited = {key for _, _, entry in entries(document) for key in entry.get("sources", [])}
    problems = [f"sources.{key} is declared but no record cites it" for key in sorted(set(sources) - cited)]
    for key, source in sources.items():
        missing = [field for field in ("url", "title", "accessed") if not str(source.get(field, "")).strip()]
        if missing:
            problems.append(f"sources.{key} lacks {', '.join(missing)}")
            continue
        if datetime.date.fromisoformat(source["accessed"]) > reviewed:
            problems.append(f"sources.{key} was accessed after the file's 'Last reviewed' date")
        if len(source.get("quote", "")) > MAX_QUOTE:
            problems.append(f"sources.{key}: a quote is a few words, not a passage (> {MAX_QUOTE} characters)")
    assert not problems, f"{path.name}: " + "; ".join(problems)


# -- countries and coverage -----------------------------------------------------


def test_every_country_code_is_valid(registry):
    problems = []
    for body in (*registry.outlets(), *registry.organizations()):
        if body.country is not None and not is_country_code(body.country):
            problems.append(f"{body.id}: {body.country!r}")
        if isinstance(body, Organization) and body.kind == "state" and body.id != f"state-{body.country.lower()}":
            problems.append(f"{body.id}: the state of {body.country} is 'state-{body.country.lower()}'")
    assert not problems


def test_at_least_100_outlets_from_30_countries(registry):
    outlets = registry.outlets()
    assert len(outlets) >= 100
    assert len({outlet.country for outlet in outlets}) >= 30


NAMED_OUTLETS = [
    # Russia
    "voice-of-russia",
    "radio-moscow",
    "radio-sputnik",
    "sputnik",
    "ria-novosti",
    "rt",
    "tass",
    "rossiya-1",
    "channel-one-russia",
    # China
    "cgtn",
    "cctv",
    "xinhua",
    "china-daily",
    "global-times",
    "peoples-daily",
    # Iran, Venezuela, Qatar, Turkey
    "press-tv",
    "irib",
    "telesur",
    "al-jazeera-english",
    "al-jazeera-arabic",
    "trt-world",
    "anadolu-agency",
    # UK, US, Germany, France, Japan
    "bbc",
    "bbc-world-service",
    "npr",
    "pbs",
    "voice-of-america",
    "rferl",
    "radio-free-asia",
    "deutsche-welle",
    "france-24",
    "rfi",
    "nhk-world-japan",
    # privately owned, wire services, the seed's aggregator
    "reuters",
    "associated-press",
    "eurasia-review",
]
NAMED_ORGANIZATIONS = [
    "state-ru",
    "rossiya-segodnya",
    "vgtrk",
    "china-media-group",
    "usagm",
    "france-medias-monde",
]


@pytest.mark.parametrize("id", NAMED_OUTLETS)
def test_named_outlet_exists(registry, id):
    assert isinstance(registry.get(id), Outlet), f"issue 3 names {id!r}; it must be an outlet"


@pytest.mark.parametrize("id", NAMED_ORGANIZATIONS)
def test_named_organization_exists(registry, id):
    assert registry.get(id) is not None


@pytest.mark.parametrize(
    ("url", "at", "expected"),
    [
        ("http://ruvr.ru/2012_07_11/x.html", "2012-07", "voice-of-russia"),
        ("https://radiosputnik.ria.ru/20160101/x.html", "2016", "radio-sputnik"),
        ("https://ria.ru/politics/", None, "ria-novosti"),
        ("https://sputnikglobe.com/20240601/x.html", "2024-06-01", "sputnik"),
        ("https://de.rt.com/international/1", None, "rt"),
        ("https://www.rt.com/news/1", None, "rt"),
        ("https://tass.com/politics", None, "tass"),
        ("https://news.cgtn.com/x", None, "cgtn"),
        ("http://www.xinhuanet.com/english/", None, "xinhua"),
        ("https://www.presstv.ir/Detail/1", None, "press-tv"),
        ("https://www.telesurenglish.net/news/1", None, "telesur"),
        ("https://www.aljazeera.com/news/1", None, "al-jazeera-english"),
        ("https://www.trtworld.com/x", None, "trt-world"),
        ("https://www.bbc.co.uk/news/1", None, "bbc"),
        ("https://www.voanews.com/a/1", None, "voice-of-america"),
        ("https://www.dw.com/en/x", None, "deutsche-welle"),
        ("https://www.france24.com/en/x", None, "france-24"),
        ("https://www.reuters.com/world/x", None, "reuters"),
        ("https://apnews.com/article/x", None, "associated-press"),
        ("https://www.eurasiareview.com/16082012-x/", "2012-08-16", "eurasia-review"),
        ("https://rt.com.evil.example/", None, None),
    ],
)
def test_hosts_resolve(registry, url, at, expected):
    outlet = registry.outlet_for_url(url, at=at)
    assert (outlet.id if outlet else None) == expected


# -- the seed and other facts the issue names -----------------------------------


def test_voice_of_russia_lifetime_and_successor(registry):
    vor = registry.lookup("voice-of-russia")
    assert vor.lifetime == Interval.parse("1993-12-22", "2014-11-09")
    assert sorted((s.successor, s.kind, str(s.date)) for s in registry.successors("voice-of-russia")) == [
        ("radio-sputnik", "replaced-by", "2014-11-10"),
        ("sputnik", "replaced-by", "2014-11-10"),
    ]
    assert vor.name_at(PartialDate(2012)) == "Voice of Russia"


def states_above(registry: Registry, outlet: str, at: str) -> set[str]:
    """The states reached by walking relations upward from an outlet, by hand."""
    seen, todo, states = {outlet}, [outlet], set()
    while todo:
        node = todo.pop()
        for relation in registry.relations(object=node, at=at):
            body = registry.lookup(relation.subject)
            if isinstance(body, Organization) and body.kind == "state":
                states.add(body.id)
            if relation.subject not in seen:
                seen.add(relation.subject)
                todo.append(relation.subject)
    return states


@pytest.mark.parametrize(
    ("outlet", "at", "state"),
    [
        ("voice-of-russia", "2012", "state-ru"),
        ("radio-sputnik", "2016", "state-ru"),
        ("sputnik", "2020", "state-ru"),
        ("rt", "2020", "state-ru"),
        ("tass", "2020", "state-ru"),
        ("cgtn", "2020", "state-cn"),
        ("xinhua", "2020", "state-cn"),
        ("press-tv", "2020", "state-ir"),
        ("telesur", "2020", "state-ve"),
        ("al-jazeera-english", "2020", "state-qa"),
        ("trt-world", "2020", "state-tr"),
        ("voice-of-america", "2020", "state-us"),
        ("deutsche-welle", "2020", "state-de"),
        ("france-24", "2020", "state-fr"),
        ("nhk-world-japan", "2020", "state-jp"),
        ("bbc-world-service", "2020", "state-gb"),
    ],
)
def test_control_reaches_the_state(registry, outlet, at, state):
    assert state in states_above(registry, outlet, at)
    try:
        from provenance.ownership import control_chain
    except ImportError:  # the ownership module is optional here: the walk above suffices
        return
    assert state in {s.id for s in control_chain(registry, outlet, at=at).states(registry)}


@pytest.mark.parametrize("outlet", ["reuters", "associated-press", "eurasia-review", "new-york-times"])
def test_private_outlets_reach_no_state(registry, outlet):
    assert states_above(registry, outlet, "2020") == set()


@pytest.mark.parametrize("outlet", ["rt", "sputnik"])
def test_eu_sanction_of_2_march_2022(registry, outlet):
    sanctions = [a for a in registry.assessments(outlet, kind="sanction") if a.assessor == "eu"]
    assert any(
        a.value == "EU"
        and a.instrument
        and "2022/350" in a.instrument
        and a.interval.start == PartialDate(2022, 3, 2)
        and a.interval.contains(PartialDate(2022, 3, 2)) is Truth.YES
        for a in sanctions
    ), sanctions


PLATFORM_PROGRAMMES = {
    # platform: (first day its state-media labels may have appeared, last day they may have shown)
    "x": (datetime.date(2020, 1, 1), datetime.date(2023, 4, 21)),
    "meta": (datetime.date(2020, 6, 1), None),
    "youtube": (datetime.date(2018, 1, 1), None),
}


def test_platform_labels_fall_within_the_platforms_programmes(registry):
    problems = []
    for record in registry.records:
        if not isinstance(record, Assessment) or record.kind != "platform-label":
            continue
        window = PLATFORM_PROGRAMMES.get(record.assessor)
        if window is None:
            continue
        first, last = window
        start, end = record.interval.start, record.interval.end
        if start is None or start.latest() < first:
            problems.append(f"{describe_record(record)}: starts before the platform labelled anyone ({first})")
        if last is not None and (end in (ONGOING, UNKNOWN) or (isinstance(end, PartialDate) and end.earliest() > last)):
            problems.append(f"{describe_record(record)}: {record.interval!r} runs past {last}, when labels ended")
    assert not problems


def test_one_state_media_monitor_code_at_a_time(registry):
    problems = []
    for outlet in registry.outlets():
        codes = [a for a in registry.assessments(outlet.id, kind="typology") if a.assessor == SMM]
        for index, first in enumerate(codes):
            for second in codes[index + 1 :]:
                if first.value != second.value and first.interval.overlaps(second.interval) is Truth.YES:
                    problems.append(f"{outlet.id}: {first.value} and {second.value} at the same time")
    assert not problems


def test_sanctions_name_jurisdiction_and_instrument(registry):
    problems = [
        describe_record(record)
        for record in registry.records
        if isinstance(record, Assessment)
        and record.kind == "sanction"
        and (not re.fullmatch(r"[A-Z]{2,3}", record.value) or not record.instrument)
    ]
    assert not problems


# -- agreement with the State Media Monitor's matrix ----------------------------


def matrix_rows() -> list[dict[str, str]]:
    if not MATRIX.is_file():
        pytest.skip(
            f"the State Media Matrix is absent ({MATRIX}); the agreement test needs "
            "../shared/data/state-media-profiles/ next to the project"
        )
    with MATRIX.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_typology_agrees_with_the_state_media_matrix(registry, record_property):
    """The matrix's code for every shipped outlet it lists (matched by domain) agrees with ours.

    A row matches when its URL's host resolves to a shipped outlet. Rows with
    a code that is not a State Media Monitor code ("ISFM?", empty) are
    excluded and counted. A row agrees when the code is one of the outlet's
    State Media Monitor typologies (the matrix is undated, so any period
    counts). A disagreement must be explained in the data: a typology
    assessment of the outlet whose note names the matrix's code.
    """
    rows = matrix_rows()
    no_url = unmatched = 0
    excluded: Counter[str] = Counter()
    agreeing: list[str] = []
    explained: list[str] = []
    unexplained: list[str] = []
    outlets_ok: dict[str, bool] = {}
    for line, row in enumerate(rows, start=2):
        url = (row.get("URL") or "").strip()
        try:
            host = normalize_host(url)
        except InvalidURLError:
            no_url += 1
            continue
        outlet = registry.outlet_for_url(host)
        if outlet is None:
            unmatched += 1
            continue
        code = (row.get("Typology") or "").strip()
        if code not in TYPOLOGY_CODES:
            excluded[code or "(empty)"] += 1
            continue
        typologies = registry.assessments(outlet.id, kind="typology")
        ours = sorted({a.value for a in typologies if a.assessor == SMM})
        agrees = code in ours
        outlets_ok[outlet.id] = outlets_ok.get(outlet.id, True) and agrees
        if agrees:
            agreeing.append(host)
        elif any(a.note and re.search(rf"\b{re.escape(code)}\b", a.note) for a in typologies):
            explained.append(host)
        else:
            unexplained.append(
                f"line {line}: {host} ({row.get('Main assets', '').strip()}) is {code} in the matrix; "
                f"{outlet.id} has {', '.join(ours) or 'no typology'} and no note naming {code}"
            )
    compared = len(agreeing) + len(explained) + len(unexplained)
    assert compared >= 50, f"only {compared} matrix rows matched shipped outlets: is matching broken?"
    row_share = len(agreeing) / compared
    outlet_share = sum(outlets_ok.values()) / len(outlets_ok)
    summary = (
        f"State Media Matrix agreement: {len(agreeing)}/{compared} matched rows agree ({row_share:.1%}), "
        f"{sum(outlets_ok.values())}/{len(outlets_ok)} outlets ({outlet_share:.1%}); "
        f"{len(explained)} disagree with a note, {len(unexplained)} without; "
        f"{sum(excluded.values())} matched rows excluded for an invalid code "
        f"({', '.join(f'{code!r} x{n}' for code, n in sorted(excluded.items())) or 'none'}); "
        f"of {len(rows)} rows, {no_url} have no usable URL and {unmatched} name no shipped outlet"
    )
    print(summary)
    record_property("state_media_matrix_agreement", summary)
    assert not unexplained, "disagreements with no note in the data:\n" + "\n".join(unexplained)
    assert row_share >= 0.9, summary
    assert outlet_share >= 0.9, summary


# -- the generated coverage table ------------------------------------------------


@pytest.fixture(scope="module")
def coverage_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_table", ROOT / "scripts" / "coverage_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_coverage_table_matches_the_data(coverage_script, capsys):
    status = coverage_script.main(["--check", str(ROOT / "docs" / "data.md")])
    assert status == 0, capsys.readouterr().err


def test_coverage_table_counts_every_outlet(coverage_script, registry):
    table = coverage_script.render_table(registry, provenance.data_version())
    assert f"**{len(registry)} outlets**" in table
    totals = re.findall(r"^\| \*\*Total\*\* \|[^|]*\| \*\*(\d+)\*\* \|$", table, flags=re.MULTILINE)
    assert totals == [str(len(registry))] * 2
    for line in table.splitlines():
        if line.startswith("| Russia |"):
            assert line == f"| Russia | RU | {sum(o.country == 'RU' for o in registry.outlets())} |"


def test_coverage_check_finds_a_stale_table_and_write_fixes_it(coverage_script, tmp_path):
    doc = tmp_path / "data.md"
    doc.write_text("intro\n<!-- coverage:start -->\nSTALE-TABLE\n<!-- coverage:end -->\nafter\n", encoding="utf-8")
    assert coverage_script.main(["--check", str(doc)]) == 1
    assert coverage_script.main(["--write", str(doc)]) == 0
    assert coverage_script.main(["--check", str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("intro\n<!-- coverage:start -->\n") and text.endswith("<!-- coverage:end -->\nafter\n")
    assert "STALE-TABLE" not in text
    doc.write_text("no markers\n", encoding="utf-8")
    assert coverage_script.main(["--check", str(doc)]) == 2


def test_the_shipped_data_follows_its_source_policy():
    from provenance.source_policy import audit_sources

    read = read_folder(DATA)
    audit = audit_sources(Registry(read.records, locations=read.locations), locations=read.locations)
    assert audit.ok, audit.report()
    assert audit.total.by_kind.get("unstated", 0) == 0
    assert set(audit.files) == {path.name for path in DATA.glob("*.toml")}


def test_a_predecessor_ends_the_day_before_its_successor_begins():
    """One rule for successions and inclusive ends: the succession date is the successor's first day."""
    registry = default_registry(layers=())
    problems = []
    for succession in (r for r in registry.records if isinstance(r, Succession)):
        before, after = registry.lookup(succession.predecessor), registry.lookup(succession.successor)
        last = before.lifetime.end
        both_days = isinstance(last, PartialDate) and last.precision == succession.date.precision == "day"
        if both_days and last.earliest() >= succession.date.earliest():
            problems.append(f"{before.id} ends {last}, not before the succession on {succession.date}")
        if after.lifetime.start is not None and after.lifetime.start.earliest() > succession.date.latest():
            problems.append(f"{after.id} starts {after.lifetime.start}, after the succession on {succession.date}")
    assert not problems
