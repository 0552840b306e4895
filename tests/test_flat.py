"""The flat export: one row per claimed host and per rated host, for merging tables (issue #13 item 6)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.cli import main
from provenance.flat import FLAT_COLUMNS, flat_rows
from provenance.registry import Registry, data_version, read_folder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "registry"

RATINGS = """
[sources.set]
url = "https://example.org/ratings"
title = "Ratings"
kind = "reference"
accessed = "2026-12-02"

[[raters]]
id = "rater-a"
name = "Rater A"
scales = [{id = "score", axis = "reliability", kind = "numeric", minimum = 0, maximum = 1}]
sources = ["set"]

[[ratings]]
rater = "rater-a"
scale = "score"
axis = "reliability"
value = "0.9"
normalized = 0.9
host = "rated-only.example"
sources = ["set"]

[[ratings]]
rater = "rater-a"
scale = "score"
axis = "reliability"
value = "0.2"
normalized = 0.2
outlet = "rt"
sources = ["set"]
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_folder(FIXTURES)


def test_every_row_has_the_columns_and_the_data_version(registry: Registry) -> None:
    rows = list(flat_rows(registry))
    assert rows and all(tuple(row) == FLAT_COLUMNS for row in rows)
    assert {row["data_version"] for row in rows} == {data_version()}
    assert [row["host"] for row in rows] == sorted(row["host"] for row in rows)


def test_a_claim_row_names_the_outlet_and_its_labels(registry: Registry) -> None:
    (ruvr,) = [row for row in flat_rows(registry, at="2012-08-16") if row["host"] == "ruvr.ru"]
    assert (ruvr["outlet_id"], ruvr["country"], ruvr["state_media"]) == ("voice-of-russia", "RU", "SC")
    (claim,) = registry.host_claims("ruvr.ru")
    assert ruvr["state_media_certainty"] == "certain" and ruvr["claim_end"] == str(claim.interval.end)


def test_at_keeps_only_the_claims_that_may_hold(registry: Registry) -> None:
    hosts_2012 = {row["host"] for row in flat_rows(registry, at="2012-08-16")}
    hosts_2020 = {row["host"] for row in flat_rows(registry, at="2020-01-01")}
    assert "ruvr.ru" in hosts_2012 and "ruvr.ru" not in hosts_2020
    assert len(list(flat_rows(registry))) >= len(hosts_2012 | hosts_2020)


def test_rated_hosts_get_rows_and_outlet_ratings_reach_its_hosts(tmp_path: Path) -> None:
    (tmp_path / "ratings.toml").write_text(RATINGS, encoding="utf-8")
    combined = Registry.from_parts([read_folder(FIXTURES), read_folder(tmp_path)], (str(FIXTURES), str(tmp_path)))
    rows = {row["host"]: row for row in flat_rows(combined)}
    assert rows["rated-only.example"]["ratings"] == "rater-a=0.9" and rows["rated-only.example"]["outlet_id"] == ""
    assert rows["rt.com"]["ratings"] == "rater-a=0.2"


@settings(max_examples=25, deadline=None)
@given(year=st.integers(1990, 2030))
def test_every_claim_that_holds_is_a_row_and_names_its_outlet(registry: Registry, year: int) -> None:
    rows = list(flat_rows(registry, at=str(year)))
    expected = {
        (claim.host, claim.outlet) for outlet in registry.outlets() for claim in registry.claims(outlet.id, str(year))
    }
    assert {(row["host"], row["outlet_id"]) for row in rows if row["outlet_id"]} == expected


def test_cli_writes_csv_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "--at", "2012-08-16"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(table[0]) == FLAT_COLUMNS and any(row["host"] == "ruvr.ru" for row in table)
    assert main(["export", "--format", "jsonl", "--outlet", "rt"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and {line["outlet_id"] for line in lines} == {"rt"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "csv", "--outlet", "nope"], "no outlet or organisation with id 'nope'"),
        (["--at", "2012"], "--at is for --format csv and jsonl"),
        (["--format", "csv", "--at", "not a date"], "not a date"),
    ],
)
def test_cli_errors_are_one_line(capsys: pytest.CaptureFixture[str], arguments: list[str], message: str) -> None:
    assert main(["export", *arguments]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and len(captured.err.strip().splitlines()) == 1 and captured.out == ""
