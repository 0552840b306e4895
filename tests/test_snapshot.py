"""Registry snapshots: equal registries, refused when stale or foreign, written only where asked."""

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import snapshot
from provenance.errors import SnapshotError
from provenance.model import DomainClaim
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry, default_registry, load_registry
from provenance.testing import make_registry, partial_dates, registries, sources
from tests.conftest import FIXTURES


def answers(registry: Registry) -> dict[str, object]:
    """What a registry answers to every query, for every claimed host, body and a few dates."""
    hosts = sorted({r.host for r in registry.records if isinstance(r, DomainClaim)})
    ids = sorted(body.id for body in (*registry.outlets(), *registry.organizations()))
    found: dict[str, object] = {"records": registry.records, "layers": registry.layers, "len": len(registry)}
    for at in (None, "1995", "2012-07", "2016-05-01", "2024"):
        found[f"claims {at}"] = [registry.claim_for_url(f"https://www.sub.{host}/x", at) for host in hosts]
        found[f"relations {at}"] = [registry.relations(subject=id, at=at) for id in ids]
        found[f"relations in {at}"] = [registry.relations(object=id, at=at) for id in ids]
        found[f"claims of {at}"] = [registry.claims(id, at) for id in ids]
        found[f"assessments {at}"] = [registry.assessments(id, at) for id in ids]
    found["all relations"] = registry.relations()
    found["successions"] = [(registry.successors(id), registry.predecessors(id)) for id in ids]
    found["bodies"] = [registry.get(id) for id in ids]
    found["search"] = [registry.search(word) for word in ("r", "news", "russia", "state", "sputnik", "bbc")]
    found["raters"] = registry.raters()
    found["ratings"] = [registry.ratings(id, host) for id, host in zip(ids, hosts * len(ids), strict=False)]
    return found


def round_trip(registry: Registry, tmp_path: Path) -> Registry:
    path = tmp_path / "registry.snapshot"
    registry.save_snapshot(path)
    return Registry.from_snapshot(path)


def test_shipped_data_from_a_snapshot_answers_as_from_toml(tmp_path):
    loaded = round_trip(default_registry(), tmp_path)
    assert loaded.layers == ("default",)
    assert answers(loaded) == answers(default_registry())
    assert pickle.loads(pickle.dumps(loaded)).records == default_registry().records


def test_fixture_folders_from_a_snapshot_answer_as_from_toml(tmp_path):
    folders = (FIXTURES / "registry",)
    expected = Registry.from_folder(*folders)
    loaded = round_trip(expected, tmp_path)
    assert loaded.layers == expected.layers
    assert answers(loaded) == answers(expected)
    rebuilt = pickle.loads(pickle.dumps(loaded))  # pickles as its layers, loaded from TOML on the other side
    assert answers(rebuilt) == answers(expected)


OVERLAY = """
[sources.mine]
url = "https://example.org/notes"
title = "My notes"
accessed = "2026-11-28"

[[outlets]]
id = "my-local-paper"
name = "My Local Paper"
kind = "newspaper"
country = "GB"
start = "2001-03"
sources = ["mine"]

[[domains]]
host = "my-local-paper.example"
outlet = "my-local-paper"
role = "primary"
sources = ["mine"]

[[assessments]]
subject = "rt"
assessor = "me"
kind = "platform-label"
value = "Looked at"
start = "2020"
sources = ["mine"]
"""


def test_overlays_on_the_shipped_data_round_trip(tmp_path):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "mine.toml").write_text(OVERLAY, encoding="utf-8")
    expected = load_registry(overlay)
    loaded = round_trip(expected, tmp_path)
    assert loaded.layers == expected.layers
    assert answers(loaded) == answers(expected)


def test_a_snapshot_is_refused_once_its_files_change(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry", folder)
    path = tmp_path / "data.snapshot"
    Registry.from_folder(folder).save_snapshot(path)
    Registry.from_snapshot(path)
    text = (folder / "ru.toml").read_text(encoding="utf-8")
    (folder / "ru.toml").write_text(text.replace("RT", "RT "), encoding="utf-8")
    with pytest.raises(SnapshotError, match="files changed since the snapshot was built"):
        Registry.from_snapshot(path)
    (folder / "ru.toml").write_text(text, encoding="utf-8")
    Registry.from_snapshot(path)
    (folder / "extra.toml").write_text("", encoding="utf-8")  # a new file counts, even an empty one
    with pytest.raises(SnapshotError, match="files changed"):
        Registry.from_snapshot(path)
    shutil.rmtree(folder)
    with pytest.raises(SnapshotError, match="is not a folder"):
        Registry.from_snapshot(path)


def edit_header(path: Path, **changes: object) -> None:
    data = path.read_bytes()
    magic, header, payload = data.split(b"\n", 2)
    fields = json.loads(header)
    fields.update(changes)
    path.write_bytes(magic + b"\n" + json.dumps(fields).encode() + b"\n" + payload)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": 0}, "snapshot format is 0"),
        ({"package": "0.0.1"}, "snapshot package is '0.0.1'"),
        ({"schema": "0123"}, "snapshot schema"),
        ({"data_version": "2020.01.01"}, "data version '2020.01.01'"),
        ({"layers": []}, "names no layers"),
        ({"layers": ["default", "/nonexistent/folder"]}, "is not a folder"),
        ({"sources_digest": "sha256:00"}, "files changed"),
        ({"payload_digest": "sha256:00"}, "damaged"),
        ({"records": 3}, "holds"),
    ],
)
def test_a_foreign_or_stale_header_is_refused(tmp_path, changes, message):
    path = tmp_path / "shipped.snapshot"
    default_registry().save_snapshot(path)
    edit_header(path, **changes)
    with pytest.raises(SnapshotError, match=message):
        Registry.from_snapshot(path)


def test_other_files_and_damage_are_refused(tmp_path):
    path = tmp_path / "shipped.snapshot"
    with pytest.raises(SnapshotError, match="cannot read snapshot"):
        Registry.from_snapshot(path)
    path.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(SnapshotError, match="not a provenance registry snapshot"):
        Registry.from_snapshot(path)
    path.write_bytes(b"provenance-registry-snapshot\n{not json\n{}")
    with pytest.raises(SnapshotError, match="header is damaged"):
        Registry.from_snapshot(path)
    default_registry().save_snapshot(path)
    data = bytearray(path.read_bytes())
    data[-10] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(SnapshotError, match="damaged"):
        Registry.from_snapshot(path)


def test_records_that_do_not_fit_are_refused_even_with_a_matching_digest(tmp_path):
    path = tmp_path / "shipped.snapshot"
    default_registry().save_snapshot(path)
    magic, header, payload = path.read_bytes().split(b"\n", 2)
    document = json.loads(payload)
    for damage in (
        lambda d: d["records"]["outlet"]["id"].__setitem__(0, 7),  # not text
        lambda d: d["records"]["outlet"]["lifetime"].__setitem__(0, -1),  # a negative index
        lambda d: d["records"]["outlet"]["lifetime"].__setitem__(0, 10**9),  # past the table
        lambda d: d["records"]["outlet"]["name"].pop(),  # a short column
        lambda d: d["runs"].append(["outlet", 1]),  # more records than there are
        lambda d: d["intervals"].__setitem__(0, ["2020", "2010"]),  # an interval that ends before it starts
    ):
        changed = json.loads(payload)
        damage(changed)
        body = json.dumps(changed).encode()
        fields = json.loads(header)
        fields["payload_digest"] = "sha256:" + __import__("hashlib").sha256(body).hexdigest()
        path.write_bytes(magic + b"\n" + json.dumps(fields).encode() + b"\n" + body)
        with pytest.raises(SnapshotError, match=r"records cannot be read|holds"):
            Registry.from_snapshot(path)
    assert document  # the undamaged payload was a document


def test_only_registries_loaded_from_folders_can_be_snapshotted(tmp_path):
    registry = make_registry(outlets=[{"id": "a", "name": "A", "country": "RU"}])
    with pytest.raises(SnapshotError, match="only a registry loaded from folders"):
        registry.save_snapshot(tmp_path / "x.snapshot")
    assert not (tmp_path / "x.snapshot").exists()


def test_saving_writes_the_named_file_and_nothing_else(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry", folder)
    before = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    Registry.from_folder(folder).save_snapshot(out / "a.snapshot")
    assert sorted(os.listdir(out)) == ["a.snapshot"]
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == before


def test_the_snapshot_layout_matches_the_record_classes():
    import attrs

    for cls, fields in snapshot._FIELDS.items():
        assert [name for name, _ in fields] == [field.name for field in attrs.fields(cls)], cls


SCALE = Scale("stars", "reliability", "ordinal", ("low", "mid", "high"))


@st.composite
def records_with_ratings(draw):
    registry = draw(registries(max_outlets=5, max_organizations=3))
    records = list(registry.records)
    cite = (draw(sources()),)
    rater = Rater("stars-inc", "Stars Inc.", (SCALE,), methodology_url="https://example.org/m", sources=cite)
    ratings = [
        Rating(
            "stars-inc",
            "stars",
            "reliability",
            draw(st.sampled_from(SCALE.categories)),
            draw(st.sampled_from((0.0, 0.5, 1))),
            outlet=outlet.id,
            as_of=draw(st.none() | partial_dates()),
            sources=cite,
        )
        for outlet in registry.outlets()
    ]
    ratings.append(Rating("stars-inc", "stars", "reliability", "low", 0.0, host="rated.example", sources=cite))
    return Registry.from_records([*records, rater, *ratings])


@settings(max_examples=60, deadline=None)
@given(records_with_ratings())
def test_any_registry_round_trips_through_the_snapshot_payload(registry):
    payload = json.loads(json.dumps(snapshot._encode(registry.records)))
    decoded = snapshot._decode(payload)
    assert decoded == registry.records
    assert [type(r) for r in decoded] == [type(r) for r in registry.records]
    assert [r.sources for r in decoded] == [r.sources for r in registry.records]
    rebuilt = Registry.from_records(decoded)  # the decoded records pass every check again
    assert answers(rebuilt) == answers(registry)
