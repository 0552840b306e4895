"""The registry loader at scale: the fast TOML reader, problem locations, and a large synthetic registry."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.batch import label_many
from provenance.errors import RegistryError
from provenance.labelling import label_url
from provenance.model import DomainClaim
from provenance.registry import Registry
from tests.conftest import FIXTURES
from tests.test_batch import OVERLAY

# -- loading large registries (the fast TOML reader, lazy locations, linear checks) ------------

TOML_LINES = st.one_of(
    st.sampled_from(["[[outlets]]", "[[domains]]", "[ [outlets] ]", "[[ outlets ]]", "[sources.a]", "[sources.b]"]),
    st.sampled_from(["[ sources . a ]", "[sources]", "[outlets.x]", "[[sources]]", "[a.b.c]", "# a comment", ""]),
    st.sampled_from(["  ", "\t# indented", "names = [", "]", "],", '  {name = "X", kind = "acronym"},', "{}"]),
    st.sampled_from(['{name = "Y"}', '{name = "Y", name = "Z"}', '"item",', "'lit',", "{name = 1}", "x = 1e3"]),
    st.builds(
        lambda key, spacing, value, comment: f"{key}{spacing}{value}{comment}",
        st.sampled_from(["id", "name", "sources", "x-y", "1a", "a b", '"q"', "a.b", "start"]),
        st.sampled_from([" = ", "=", "  =\t", " "]),
        st.one_of(
            st.text(st.sampled_from("ab\"\\ \té#\x01unU0{}[],'"), max_size=8).map(lambda t: f'"{t}"'),
            st.text(st.sampled_from("ab\"' é#"), max_size=6).map(lambda t: f"'{t}'"),
            st.sampled_from(["1", "-0", "01", "1.5", "+1", "1.", "true", "false", "True", '"\\u00e9"', '"\\ud800"']),
            st.sampled_from(['["a"]', '["a", "b",]', "[]", "[ \"a\" , 'b' ]", '["a" "b"]', "[", '[{name = "N"}]']),
            st.sampled_from(['[{a = "1", b = "2"}, "x"]', '[{a = "1",}]', '"unterminated', '"a" "b"', "1979-05-27"]),
        ),
        st.sampled_from(["", " # c", "#c", " #\x7f"]),
    ),
)


VALID_TOML_LINES = st.one_of(
    st.sampled_from(["[[outlets]]", "[[domains]]", "[sources.a]", "[sources.b]", "# comment", ""]),
    st.builds(
        lambda key, value: f"{key} = {value}",
        st.sampled_from(["id", "name", "start", "x-y", "k1", "sources"]),
        st.one_of(
            st.text(max_size=10).map(lambda text: json.dumps(text, ensure_ascii=False)),
            st.lists(st.text(max_size=5).map(json.dumps), max_size=3).map(lambda items: f"[{', '.join(items)}]"),
            st.integers(-5, 5).map(str),
            st.booleans().map(lambda flag: str(flag).lower()),
        ),
    ),
)


@settings(max_examples=300)
@given(
    st.lists(TOML_LINES, max_size=14) | st.lists(VALID_TOML_LINES, max_size=14),
    st.sampled_from(["\n", "\r\n"]),
)
def test_flat_toml_reader_equals_tomllib_or_defers(lines, newline):
    import tomllib

    from provenance.registry._toml import read_flat_toml

    text = newline.join(lines)
    try:
        wanted = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        wanted = None
    found = read_flat_toml(text)
    if found is not None:
        assert wanted is not None and found == wanted


def test_flat_toml_reader_reads_the_shipped_data_as_tomllib_does():
    import tomllib

    from provenance.registry import data_folder
    from provenance.registry._toml import read_flat_toml

    files = [*sorted(data_folder().glob("*.toml")), *sorted((FIXTURES / "registry").glob("*.toml"))]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert read_flat_toml(text) == tomllib.loads(text), file.name


def test_problems_still_name_file_table_and_id(tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "a.toml").write_text(
        OVERLAY + '\n[[outlets]]\nid = "example-news"\nname = "Again"\nkind = "website"\ncountry = "US"\n'
        'sources = ["x"]\n\n[[relations]]\nsubject = "example-news"\nkind = "owns"\nobject = "nobody"\n'
        'sources = ["x"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as raised:
        Registry.from_folder(folder)
    assert raised.value.problems == (
        "a.toml: outlets[1] (id 'example-news'): duplicate id 'example-news' "
        "(also a.toml: outlets[0] (id 'example-news'))",
        "a.toml: relations[0]: object 'nobody' is not a known outlet or organisation",
    )


def test_a_large_synthetic_registry_loads_and_labels(tmp_path):
    import sys

    sys.path.insert(0, str(FIXTURES.parent.parent / "benchmarks"))
    from synthetic import write_synthetic_registry

    records = write_synthetic_registry(tmp_path / "big", outlets=2_000, per_file=500)
    registry = Registry.from_folder(tmp_path / "big")
    assert len(registry) == 2_000 and len(registry.records) == records
    claim = next(r for r in registry.records if isinstance(r, DomainClaim))
    rows = [(f"https://www.{claim.host}/x", "2024-01-01"), (f"https://{claim.host}/y", None)]
    for (url, at), result in zip(rows, label_many(rows, registry=registry), strict=True):
        assert result.outlet_id == claim.outlet
        assert result.labels.to_json() == label_url(url, at, registry=registry).to_json()


def test_an_empty_array_for_a_text_key_is_named_as_the_wrong_type():
    from provenance.registry import read_text

    text = (
        '[sources.s]\nurl = "https://a.example/x"\ntitle = "T"\naccessed = "2026-01-01"\n\n'
        '[[outlets]]\nid = "x"\nname = []\nkind = "website"\ncountry = "US"\nsources = ["s"]\n'
    )
    assert read_text(text).problems == ("<text>: outlets[0] (id 'x'): name must be a string, got list []",)
    assert "cites no source" in read_text(text.replace("name = []", 'name = "X"').replace('["s"]', "[]")).problems[0]
