import io
import json
import subprocess
import sys

import pytest

from provenance.cli import main
from tests.conftest import FIXTURES


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


def test_label_json_output_shape():
    code, text = run("label", "http://ruvr.ru/2012/x.html", "--at", "16 August 2012", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["at"] == "2012-08-16"
    assert data["outlet"] == {"id": "voice-of-russia", "name": "Voice of Russia", "country": "RU"}
    kinds = [label["kind"] for label in data["labels"]]
    assert kinds[:1] == ["state-media"] and "succeeded-by" in kinds
    for label in data["labels"]:
        assert {"kind", "value", "subject", "certainty", "text", "policy", "basis", "sources"} <= set(label)


def test_unknown_host_is_null_and_exit_0():
    code, text = run("label", "https://example.com/a", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["outlet"] is None and data["labels"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["label", "not a url"],
        ["label", "rt.com", "--at", "someday"],
        ["label", "rt.com", "--policy", "nope"],
        ["validate", "/nonexistent/folder"],
        ["lookup", "http://[::1]/"],
        ["frobnicate"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(args):
    result = subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True)
    assert result.returncode in (1, 2) if args[0] == "validate" else result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 1 or args[0] == "validate"


def test_validate_lists_problems_and_exits_1(tmp_path):
    (tmp_path / "bad.toml").write_text('[[outlets]]\nid = "X"\n', encoding="utf-8")
    code, text = run("validate", str(tmp_path))
    assert code == 1
    assert "bad.toml: outlets[0]" in text and "problem" in text


def test_validate_fixture_ok():
    code, text = run("validate", str(FIXTURES / "registry"), "--no-source-policy")
    assert code == 0 and text.startswith("ok:")


def test_version_names_library_and_data():
    result = subprocess.run([sys.executable, "-m", "provenance", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "provenance" in result.stdout and "data" in result.stdout


def test_text_output_explains(capsys):
    code, text = run("label", "https://sputnikglobe.com/x", "--at", "2025", "--explain")
    assert code == 0
    assert "Disclosure:" in text and "Sources:" in text and "sanctioned = EU" in text
    code, text = run("label", "https://sputnikglobe.com/x", "--at", "2025")
    assert code == 0
    assert "Disclosure:" in text and "Sources:" not in text and "  sanctioned EU: " in text


def test_lookup_with_registry_overlay(tmp_path):
    (tmp_path / "o.toml").write_text(
        """
[sources.s]
url = "https://example.org/s"
title = "S"
accessed = "2026-01-01"

[[outlets]]
id = "example-news"
name = "Example News"
kind = "website"
country = "GB"
sources = ["s"]

[[domains]]
host = "example-news.test"
outlet = "example-news"
role = "primary"
sources = ["s"]

[[assessments]]
subject = "rt"
assessor = "tester"
kind = "rating"
value = "low"
sources = ["s"]
""",
        encoding="utf-8",
    )
    code, text = run("lookup", "https://www.example-news.test/a", "--registry", str(tmp_path), "--format", "json")
    assert code == 0 and json.loads(text)["outlet"]["id"] == "example-news"


def test_snapshot_writes_a_file_that_loads_as_the_folders_do(tmp_path):
    from provenance.registry import Registry, default_registry

    out = tmp_path / "fixture.snapshot"
    code, text = run("snapshot", str(FIXTURES / "registry"), "-o", str(out))
    assert code == 0 and text.startswith(f"wrote {out}: ")
    assert Registry.from_snapshot(out).records == Registry.from_folder(FIXTURES / "registry").records
    code, _ = run("snapshot", "-o", str(tmp_path / "shipped.snapshot"))
    assert code == 0
    assert Registry.from_snapshot(tmp_path / "shipped.snapshot").records == default_registry().records


def test_snapshot_problems_are_one_line_and_exit_2(tmp_path):
    for args in (["snapshot", "/nonexistent/folder", "-o", str(tmp_path / "x")], ["snapshot", str(FIXTURES)]):
        result = subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True)
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


def test_outlet_lists_predecessors_and_successors():
    code, text = run("outlet", "voice-of-russia")
    assert code == 0
    lines = text.splitlines()
    assert any(line.startswith("  successor Radio Sputnik (radio-sputnik): replaced-by ") for line in lines)
    code, text = run("outlet", "radio-sputnik", "--format", "json")
    assert [s["predecessor"] for s in json.loads(text)["predecessors"]] == ["voice-of-russia"]


def test_the_import_command_names_every_importer_and_labelling_imports_none():
    from provenance.cli._import import FORMAT_NAMES
    from provenance.importers import FORMATS

    assert tuple(FORMATS) == FORMAT_NAMES
    code = (
        "import sys; from provenance.cli import main; main(['label', 'https://www.rt.com/x']); "
        "print('provenance.importers' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "False"  # start-up of `provenance label` pays for no importer
