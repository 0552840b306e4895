"""Registry snapshots: equal registries, refused when stale or foreign, written only where asked."""

import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.dates import Interval
from provenance.errors import SnapshotError
from provenance.layout import by_kind
from provenance.model import DomainClaim
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import BUNDLED_LAYERS, Registry, default_registry, load_registry
from provenance.registry import _columns as columns
from provenance.registry import _decoding as decoding
from provenance.registry import _snapshot as snapshot
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
    assert loaded.layers == ("default", *(f"layer:{name}" for name in BUNDLED_LAYERS))  # every bundled layer
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
    with pytest.raises(SnapshotError, match="files changed since the snapshot's records were read"):
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
        ({"layers": ["default", "/nonexistent/folder"], "layer_digests": ["", ""]}, "is not a folder"),
        ({"layer_digests": ["sha256:00"]}, "files changed"),
        ({"layer_digests": []}, "a digest for each layer"),
        ({"layers": ["default", "/" + "a" * 5000], "layer_digests": ["", ""]}, "cannot read snapshot layer"),
        (
            {"layers": ["/tmp\0x"], "layer_digests": [""], "data_version": None},
            "not a folder|cannot read snapshot layer",
        ),
        ({"records": "7"}, "header is damaged"),
        ({"records": True}, "header is damaged"),
        ({"data_version": None}, "data version None"),
        ({"extra": 1}, "header is damaged"),
        ({"payload_digest": "sha256:00"}, "damaged"),
        ({"records": 3}, "holds|more values than the snapshot has records"),
    ],
)
def test_a_foreign_or_stale_header_is_refused(tmp_path, changes, message):
    path = tmp_path / "shipped.snapshot"
    default_registry(layers=()).save_snapshot(path)  # the curated data alone: one layer, one digest
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
        fields["payload_digest"] = "sha256:" + hashlib.sha256(body).hexdigest()
        path.write_bytes(magic + b"\n" + json.dumps(fields).encode() + b"\n" + body)
        with pytest.raises(SnapshotError, match=r"records cannot be read|holds"):
            Registry.from_snapshot(path)
    assert document  # the undamaged payload was a document


def test_damaged_rating_columns_are_refused_when_the_ratings_are_first_read(tmp_path):
    """The ratings' columns are JSON text of their own, read and checked on first use, not at load."""
    path = tmp_path / "shipped.snapshot"
    default_registry().save_snapshot(path)
    magic, header, payload = path.read_bytes().split(b"\n", 2)
    for damage, message in (
        (lambda columns: columns["host"].__setitem__(0, 7), "ratings cannot be read"),  # not text
        (lambda columns: columns.__setitem__("host", columns["host"][:-1]), "ratings cannot be read"),  # short
        (lambda columns: columns.pop("raw"), "ratings cannot be read"),  # a column missing
    ):
        document = json.loads(payload)
        columns = json.loads(document["deferred"]["rating"])
        damage(columns)
        document["deferred"]["rating"] = json.dumps(columns)
        body = json.dumps(document).encode()
        fields = json.loads(header)
        fields["payload_digest"] = "sha256:" + hashlib.sha256(body).hexdigest()
        path.write_bytes(magic + b"\n" + json.dumps(fields).encode() + b"\n" + body)
        loaded = Registry.from_snapshot(path)  # the rest is read and checked
        assert loaded.outlet_for_url("https://www.rt.com/x") is not None
        with pytest.raises(SnapshotError, match=message):
            loaded.ratings(host="rt.com")


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

    for cls, fields in decoding.FIELDS.items():
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
    snapshot_records = decoding.decode(payload, len(registry.records), Path("x.snapshot"))
    assert snapshot_records.count == len(registry.records)
    assert snapshot_records.kinds.ratings == []  # the ratings are built on first use
    decoded = snapshot_records.complete()
    assert snapshot_records.complete() is decoded  # once
    assert snapshot_records.kinds == by_kind(registry.records)  # the groups the registry's indexes are built from
    assert decoded == registry.records
    assert [type(r) for r in decoded] == [type(r) for r in registry.records]
    assert [r.sources for r in decoded] == [r.sources for r in registry.records]
    rebuilt = Registry.from_records(decoded)  # the decoded records pass every check again
    assert answers(rebuilt) == answers(registry)


def test_a_repetitive_column_is_stored_as_its_runs_and_read_back():
    assert columns.runs(["a"] * 8 + ["b"] * 4) == {"runs": [["a", 8], ["b", 4]]}
    assert columns.runs(["a", "b", "a", "b"]) == ["a", "b", "a", "b"]  # no shorter as runs
    assert columns.runs([1, True, 1, 1.0] * 2) == [1, True, 1, 1.0] * 2  # equal values of other types stay apart
    assert columns.expand({"runs": [["a", 8], ["b", 4]]}, 12) == ["a"] * 8 + ["b"] * 4
    with pytest.raises(ValueError, match="more values than the snapshot has records"):
        columns.expand({"runs": [["a", 10**12]]}, 12)  # a damaged count never allocates
    with pytest.raises(KeyError):
        columns.expand({"runs": [], "x": 1}, 12)


# -- reading and saving at different times (the digest is of the bytes the records came from) ----


def copy_of_fixtures(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry", folder)
    return folder


def test_a_snapshot_saved_after_its_files_changed_is_refused(tmp_path):
    folder = copy_of_fixtures(tmp_path)
    registry = Registry.from_folder(folder)  # the records as the files are now
    text = (folder / "ru.toml").read_text(encoding="utf-8")
    (folder / "ru.toml").write_text(text.replace('name = "RT"', 'name = "RT-EDITED"', 1), encoding="utf-8")
    path = tmp_path / "data.snapshot"
    registry.save_snapshot(path)  # the old records: their digest is of the old files
    assert Registry.from_folder(folder).lookup("rt").name == "RT-EDITED"
    with pytest.raises(SnapshotError, match="files changed since the snapshot's records were read"):
        Registry.from_snapshot(path)
    (folder / "ru.toml").write_text(text, encoding="utf-8")  # the files the records came from, again
    assert Registry.from_snapshot(path).lookup("rt").name == "RT"


def test_the_digest_is_of_the_bytes_read_and_the_files_as_they_are(tmp_path):
    from provenance.registry import digest_folder, read_folder

    folder = copy_of_fixtures(tmp_path)
    (folder / "crlf.toml").write_bytes(b"# windows line ends\r\n")
    read = read_folder(folder)
    assert read.digest == digest_folder(folder)
    assert Registry.from_folder(folder).records == Registry.from_folder(FIXTURES / "registry").records
    (folder / "crlf.toml").write_bytes(b"# windows line ends\n")
    assert digest_folder(folder) != read.digest


def test_a_registry_whose_files_were_not_digested_is_not_snapshotted(tmp_path):
    fixtures = Registry.from_folder(FIXTURES / "registry")
    with pytest.raises(SnapshotError, match="only a registry loaded from folders"):
        fixtures.extended([]).save_snapshot(tmp_path / "x.snapshot")
    layered = Registry(fixtures.records, layers=fixtures.layers)  # layers named, bytes never digested
    with pytest.raises(SnapshotError, match="digest of the files this registry was read from is not known"):
        layered.save_snapshot(tmp_path / "x.snapshot")
    assert not (tmp_path / "x.snapshot").exists()


# -- damaged and foreign files: SnapshotError with a one-line message, or the very same records -------

TINY = """
[sources.s]
url = "https://example.org/s"
title = "S"
accessed = "2026-11-28"

[[organizations]]
id = "owner"
name = "Owner"
kind = "company"
country = "GB"
start = "2001"
sources = ["s"]

[[outlets]]
id = "paper"
name = "Paper"
names = [{name = "The Paper", start = "2001", end = "2010"}, {name = "TP", kind = "acronym"}]
kind = "newspaper"
country = "GB"
start = "2001-03"
sources = ["s"]

[[domains]]
host = "paper.example"
outlet = "paper"
role = "primary"
sources = ["s"]

[[relations]]
subject = "owner"
kind = "owns"
object = "paper"
share = 0.5
start = "2005"
sources = ["s"]

[[raters]]
id = "stars"
name = "Stars"
scales = [
  {id = "five", axis = "reliability", kind = "numeric", minimum = 0, maximum = 5},
  {id = "open", axis = "bias", kind = "numeric", minimum = -inf, maximum = 1e308, reversed = true},
]
sources = ["s"]

[[ratings]]
rater = "stars"
scale = "five"
axis = "reliability"
value = "4"
normalized = 0.8
outlet = "paper"
as_of = "2024-05"
sources = ["s"]
"""


@pytest.fixture
def tiny_snapshot(tmp_path: Path) -> tuple[Path, Registry]:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "tiny.toml").write_text(TINY, encoding="utf-8")
    registry = Registry.from_folder(folder)
    path = tmp_path / "tiny.snapshot"
    registry.save_snapshot(path)
    return path, registry


def test_merged_registries_snapshot_and_pickle_with_default_in_any_place(tiny_snapshot, tmp_path):
    tiny = tiny_snapshot[1]
    for merged in (default_registry().merge(tiny), tiny.merge(default_registry()), tiny.merge(tiny)):
        loaded = round_trip(merged, tmp_path)
        assert loaded.layers == merged.layers
        assert answers(loaded) == answers(merged)
        assert answers(pickle.loads(pickle.dumps(merged))) == answers(merged)
        assert answers(pickle.loads(pickle.dumps(loaded))) == answers(merged)
        assert round_trip(loaded, tmp_path).records == merged.records  # a snapshot's registry saves again


def outcome(path: Path, data: bytes, expected: Registry) -> str:
    """Load ``data`` as a snapshot: "loaded" (then with the expected records) or "refused"; anything else fails."""
    path.write_bytes(data)
    try:
        loaded = Registry.from_snapshot(path)
    except SnapshotError as error:
        assert "\n" not in str(error) and len(str(error)) < 600, str(error)
        return "refused"
    # The layers may differ: a flip in a path can name another folder with the very same files
    # (as an earlier run's pytest-N/ folder is), which the digests then match.
    assert loaded.records == expected.records
    return "loaded"


def test_every_bit_flip_and_truncation_is_refused_or_harmless(tiny_snapshot):
    path, registry = tiny_snapshot
    good = path.read_bytes()
    header_end = good.index(b"\n", len(b"provenance-registry-snapshot\n")) + 1
    seen = {"loaded": 0, "refused": 0}
    for position in range(len(good)):
        # Every bit of the first line and the header; one bit per byte of the payload (its digest covers it).
        for bit in range(8) if position < header_end else (position % 8,):
            damaged = bytearray(good)
            damaged[position] ^= 1 << bit
            seen[outcome(path, bytes(damaged), registry)] += 1
    for length in range(len(good)):
        seen[outcome(path, good[:length], registry)] += 1
    assert outcome(path, good, registry) == "loaded"
    assert seen["refused"] > 8 * header_end  # a flip may be harmless (a space in the header); most are not


@pytest.mark.parametrize(
    "data",
    [
        b"provenance-registry-snapshot\n" + b"[" * 100_000,
        b"provenance-registry-snapshot\n" + b"[" * 100_000 + b"\n{}",
        b"provenance-registry-snapshot\n" + b"{}\n{}",
        b"provenance-registry-snapshot\n" + b'{"format": 2}\n{}',
        b"provenance-registry-snapshot\n" + b'{"format": NaN}\n{}',
        b"provenance-registry-snapshot\n" + b"\xff\xfe\n",
        b"provenance-registry-snapshot",
        b"",
    ],
)
def test_foreign_files_are_refused(tmp_path, data):
    path = tmp_path / "foreign.snapshot"
    path.write_bytes(data)
    with pytest.raises(SnapshotError) as raised:
        Registry.from_snapshot(path)
    assert "\n" not in str(raised.value)


def test_a_flipped_bit_in_a_header_key_is_refused(tiny_snapshot):
    path, registry = tiny_snapshot
    data = path.read_bytes().replace(b'"records":', b'"recordr":', 1)  # s (0x73) -> r (0x72)
    assert outcome(path, data, registry) == "refused"
    with pytest.raises(SnapshotError, match=r"header is damaged \(missing: records; unknown: 'recordr'\)"):
        Registry.from_snapshot(path)


def with_payload(path: Path, document: object) -> None:
    """Write a payload into a snapshot, with a header whose digest matches it."""
    magic, header, _ = path.read_bytes().split(b"\n", 2)
    body = json.dumps(document).encode()
    fields = json.loads(header)
    fields["payload_digest"] = "sha256:" + hashlib.sha256(body).hexdigest()
    path.write_bytes(magic + b"\n" + json.dumps(fields).encode() + b"\n" + body)


def payload_of(path: Path) -> dict:
    return json.loads(path.read_bytes().split(b"\n", 2)[2])


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["records"]["outlet"].__setitem__("id", "x"),  # text where a column (list) belongs
        lambda d: d["records"]["outlet"].__setitem__("kind", "newspaper"),
        lambda d: d["records"]["outlet"]["names"].__setitem__(0, "abc"),
        lambda d: d["records"]["outlet"]["names"][0].__setitem__(0, "abc"),
        lambda d: d["records"]["rater"]["scales"][0][0].__setitem__(3, "low"),  # categories as text
        lambda d: d["records"]["rater"]["scales"][0][0].__setitem__(6, 0),  # reversed as a number
        lambda d: d["records"]["rater"]["scales"][0][0].__setitem__(4, "0"),  # minimum as text
        lambda d: d["records"].__setitem__("outlet", [1]),
        lambda d: d.__setitem__("records", []),
        lambda d: d.__setitem__("runs", "organization"),
        lambda d: d["runs"].__setitem__(0, "ab"),
        lambda d: d.__setitem__("sources", ["abcde"]),
        lambda d: d["sources"][0].__setitem__(3, 20261128),  # a date as a number
        lambda d: d.__setitem__("intervals", ["ab"] * len(d["intervals"])),
        lambda d: d["source_lists"].__setitem__(0, [True]),  # True is not index 1
        lambda d: d.__setitem__("extra", []),
    ],
)
def test_values_of_the_wrong_container_type_are_refused_even_with_a_matching_digest(tiny_snapshot, damage):
    path, _ = tiny_snapshot
    document = payload_of(path)
    damage(document)
    with_payload(path, document)
    with pytest.raises(SnapshotError, match="records cannot be read"):
        Registry.from_snapshot(path)


def nodes(value: object, at: tuple = ()) -> list[tuple]:
    """The path to every value inside a JSON document."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += nodes(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += nodes(item, (*at, index))
    return found


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_payload_changed_anywhere_is_refused_or_loads_records_of_the_right_types(tmp_path_factory, data):
    tmp_path = tmp_path_factory.mktemp("mutated")
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "tiny.toml").write_text(TINY, encoding="utf-8")
    path = tmp_path / "tiny.snapshot"
    Registry.from_folder(folder).save_snapshot(path)
    document = payload_of(path)
    where = data.draw(st.sampled_from(nodes(document)[1:]))
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    old = parent[where[-1]]
    new = data.draw(JSON.filter(lambda value: value != old))
    parent[where[-1]] = new
    with_payload(path, document)
    try:
        loaded = Registry.from_snapshot(path)
    except SnapshotError as error:
        assert "\n" not in str(error)
        return
    assert type(old) is type(new) or not isinstance(old, list | dict)  # a container is never replaced unnoticed
    for record in loaded.records:
        for name, kind in decoding.FIELDS[type(record)]:
            value = getattr(record, name)
            wanted = {"interval": Interval, "sources": tuple, "names": tuple, "scales": tuple}.get(kind)
            if kind in decoding.TYPES:
                assert type(value) in decoding.TYPES[kind], (name, value)
            elif wanted is not None:
                assert isinstance(value, wanted), (name, value)


def test_questions_that_need_no_rating_make_no_rating_records(tmp_path):
    from provenance.bods import to_bods

    path = tmp_path / "shipped.snapshot"
    default_registry().save_snapshot(path)
    loaded = Registry.from_snapshot(path)
    assert loaded.relations() == default_registry().relations()
    assert to_bods(loaded)
    assert loaded._records is None  # the ratings, most of the records, were never made
    assert loaded.ratings(outlet="rt")  # made when asked for
