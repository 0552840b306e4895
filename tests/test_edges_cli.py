"""Issue #14, the CLI's edges: tracebacks, input that is not text, exit statuses, outlet and lookup answers,
validating an overlay as it will be loaded (items 12, 13, 14, 15 and 17)."""

import io
import json
import os
import sys
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.registry import read_text

DEEP_TOML = "a = " + "[" * 5000 + "]" * 5000 + "\n"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("provenance: error: ")
    return lines[0]


@pytest.fixture
def deep_overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "deep"
    folder.mkdir()
    (folder / "deep.toml").write_text(DEEP_TOML, encoding="utf-8")
    return folder


# -- item 12: tracebacks ------------------------------------------------------


def test_deeply_nested_toml_is_a_registry_problem():
    """issue #14 item 12: tomllib's RecursionError on deeply nested TOML becomes a problem of the file."""
    read = read_text(DEEP_TOML, "deep.toml")
    assert read.records == ()
    assert len(read.problems) == 1 and read.problems[0].startswith("deep.toml: ")
    assert "nested" in read.problems[0]


def test_validate_lists_deeply_nested_toml_as_a_problem(deep_overlay, capsys):
    """issue #14 item 12: `validate` on an overlay of deeply nested TOML lists the problem and exits 1."""
    code, text = run("validate", str(deep_overlay), "--no-source-policy")
    assert code == 1
    assert "deep.toml: " in text and "nested" in text


@pytest.mark.parametrize(
    "command",
    [
        ["lookup", "rt.com"],
        ["label", "rt.com"],
        ["outlet", "rt"],
        ["report", "ARTICLE"],
        ["batch", "IN.csv", "-o", "OUT.csv"],
        ["import", "csv", "IN.csv", "-o", "OVERLAY", "--accessed", "2024", "--source-url", "https://x.example/"],
    ],
)
def test_every_registry_command_refuses_deeply_nested_toml_in_one_line(command, deep_overlay, tmp_path, capsys):
    """issue #14 item 12: every --registry command gives one line and exit 2 for deeply nested TOML."""
    (tmp_path / "article.txt").write_text("Some article text.\n", encoding="utf-8")
    (tmp_path / "in.csv").write_text("url,date\nhttps://rt.com/a,2020\n", encoding="utf-8")
    places = {
        "ARTICLE": tmp_path / "article.txt",
        "IN.csv": tmp_path / "in.csv",
        "OUT.csv": tmp_path / "out.csv",
        "OVERLAY": tmp_path / "ov",
    }
    args = [str(places.get(arg, arg)) for arg in command]
    code, _ = run(*args, "--registry", str(deep_overlay))
    assert code == 2
    assert "nested" in one_line_error(capsys)


NON_UTF8_URL = os.fsdecode(b"https://rt.com/news/a\xff\xfe")  # what argv holds for non-UTF-8 bytes


def test_report_with_a_non_utf8_url_and_output_file_writes_utf8(tmp_path, capsys):
    """issue #14 item 12: `report --url` with non-UTF-8 bytes and `-o` wrote half a file and a traceback."""
    article = tmp_path / "article.txt"
    article.write_text("An article about the world.\n", encoding="utf-8")
    output = tmp_path / "report.md"
    code, _ = run("report", str(article), "--url", NON_UTF8_URL, "-o", str(output))
    assert code == 0, capsys.readouterr().err
    text = output.read_bytes().decode("utf-8")
    assert "rt.com/news/a%FF%FE" in text


@pytest.mark.parametrize(
    "command", [["lookup"], ["label"], ["lookup", "--format", "json"], ["label", "--format", "json"]]
)
def test_non_utf8_url_arguments_give_utf8_output(command, capsys):
    """issue #14 item 12: a URL argument with non-UTF-8 bytes is read as a browser sends it (percent-encoded)."""
    code, text = run(*command, NON_UTF8_URL)
    assert code == 0
    text.encode("utf-8")  # a strict UTF-8 standard output takes it
    assert "a%FF%FE" in text and "RT" in text


# -- item 13: input that is not text ----------------------------------------


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n  \n\t\n")
    return path


def _executable(tmp_path: Path) -> Path:
    return Path(os.path.realpath(sys.executable))


def _latin1_noise(tmp_path: Path) -> Path:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 16)
    return path


@pytest.mark.parametrize("make", [_binary, _empty, _blank, _executable, _latin1_noise])
def test_report_refuses_input_that_is_not_text(make, tmp_path, capsys):
    """issue #14 item 13: `report` on an empty, binary or executable file made a "report" titled in mojibake."""
    code, text = run("report", str(make(tmp_path)))
    assert code == 2 and text == ""
    line = one_line_error(capsys)
    assert "not text" in line or "empty" in line


def test_report_refuses_binary_standard_input(monkeypatch, capsys):
    """issue #14 item 13: the same for standard input (`report -`), read as bytes, never a decoding traceback."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\xff\xfe binary \x00" * 50)))
    code, text = run("report", "-")
    assert code == 2 and text == ""
    assert "not text" in one_line_error(capsys)


def test_report_still_reads_text_with_a_few_stray_bytes(tmp_path):
    """issue #14 item 13: a text file with a few non-UTF-8 bytes is still an article (read with replacements)."""
    article = tmp_path / "latin.txt"
    article.write_bytes(
        "Caf\xe9 society\n\nA long article about the caf\xe9s of Paris and their owners.\n".encode("latin-1")
    )
    code, text = run("report", str(article), "--format", "json")
    assert code == 0
    assert "society" in json.loads(text)["article"]["title"]


@pytest.mark.parametrize("format", ["wikidata", "perennial-sources", "domain-quality", "state-media-matrix"])
@pytest.mark.parametrize("make", [_empty, _blank])
def test_import_refuses_an_empty_file(format, make, tmp_path, capsys):
    """issue #14 item 13: `import` on an empty file wrote an empty overlay."""
    overlay = tmp_path / "overlay"
    code, _ = run("import", format, str(make(tmp_path)), "-o", str(overlay), "--accessed", "2024-01-01")
    assert code == 2
    assert "empty" in one_line_error(capsys)
    assert not list(overlay.glob("*.toml"))


# -- item 14 (second part): validate's exit statuses --------------------------


@pytest.mark.parametrize("where", ["/nonexistent/folder", "FILE", "EMPTY_FOLDER"])
def test_validate_bad_path_is_one_line_on_stderr_and_exit_2(where, tmp_path, capsys):
    """issue #14 item 14: `validate /nonexistent` wrote to stdout and exited 1; bad input is exit 2 on stderr."""
    (tmp_path / "file.toml").write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    path = {"FILE": str(tmp_path / "file.toml"), "EMPTY_FOLDER": str(tmp_path / "empty")}.get(where, where)
    code, text = run("validate", path)
    assert code == 2 and text == ""
    one_line_error(capsys)


# -- item 15: outlet and lookup answers ---------------------------------------


def test_outlet_shows_an_organisation_by_id(capsys):
    """issue #14 item 15: `outlet rossiya-segodnya` said there is no such id."""
    code, text = run("outlet", "rossiya-segodnya")
    assert code == 0, capsys.readouterr().err
    assert text.startswith("Rossiya Segodnya (rossiya-segodnya): company, RU")
    assert "operates Sputnik (sputnik), since 2014-11-10 [" in text
    assert "operates Voice of Russia (voice-of-russia), 2013-12-09 to 2014-11-09 [" in text
    assert "owned by" in text and "Russian Federation" in text
    assert "Control chain over its lifetime:" in text
    assert "\nSources:\n  [1] " in text


def test_outlet_shows_an_organisation_by_name_in_json():
    """issue #14 item 15: organisations are found by name too, and JSON lists their relations with sources."""
    code, text = run("outlet", "Rossiya Segodnya", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["organization"]["id"] == "rossiya-segodnya"
    assert any(r["kind"] == "operates" and r["object"] == "sputnik" and r["sources"] for r in data["relations"])
    assert any(r["object"] == "rossiya-segodnya" for r in data["relations"])
    assert data["chain"] and all("Rossiya Segodnya" in path for path in data["chain"])


def test_outlet_ambiguous_name_lists_the_candidates(capsys):
    """issue #14 item 15: `outlet News` said "no outlet ... with id 'News: ambiguous, ...'"."""
    code, text = run("outlet", "News", "--no-layers")  # the curated candidates (the layers add dozens more)
    assert code == 2 and text == ""
    line = one_line_error(capsys)
    assert "ambiguous" in line and "with id" not in line
    assert "abc-news (ABC News)" in line and line.endswith("; give an id")  # the first candidates, by id


def test_outlet_still_prefers_an_outlet_by_name():
    """issue #14 item 15: outlets found by name as before."""
    code, text = run("outlet", "RT")
    assert code == 0 and text.startswith("RT (rt): broadcaster")


def test_lookup_reports_a_bad_url_and_goes_on(capsys):
    """issue #14 item 15: `lookup` stopped at the first bad URL."""
    code, text = run("lookup", "rt.com", "http://[", "bbc.co.uk")
    assert code == 2
    assert [line.split("\t")[0] for line in text.splitlines()] == ["rt.com", "bbc.co.uk"]
    assert "http://[" in one_line_error(capsys)


def test_lookup_json_gives_an_error_object_for_a_bad_url(capsys):
    """issue #14 item 15: in JSON a bad URL is an object with an error, in its place."""
    code, text = run("lookup", "rt.com", "javascript:alert(1)", "http://[", "bbc.co.uk", "--format", "json")
    assert code == 2
    rows = [json.loads(line) for line in text.splitlines()]
    assert [row["url"] for row in rows] == ["rt.com", "javascript:alert(1)", "http://[", "bbc.co.uk"]
    assert rows[2]["outlet"] is None and "not a usable URL" in rows[2]["error"]
    assert "error" not in rows[0] and rows[3]["outlet"]["id"] == "bbc"
    assert capsys.readouterr().err == ""


# -- item 17: validate --on-default -------------------------------------------


def _overlay(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir(exist_ok=True)
    (folder / "mine.toml").write_text(text, encoding="utf-8")
    return folder


SOURCE = """
[sources.s]
url = "https://example.org/s"
title = "S"
accessed = "2026-01-01"
"""
RATING = '\n[[assessments]]\nsubject = "rt"\nassessor = "tester"\nkind = "rating"\nvalue = "low"\nsources = ["s"]\n'


def test_validate_on_default_accepts_an_overlay_on_shipped_ids(tmp_path):
    """issue #14 item 17: an overlay naming shipped ids is checked as --registry loads it."""
    folder = _overlay(tmp_path, SOURCE + RATING)
    alone, text = run("validate", str(folder), "--no-source-policy")
    assert alone == 1 and "rt" in text
    code, text = run("validate", str(folder), "--on-default", "--no-source-policy")
    assert code == 0, text
    assert text.startswith("ok: ") and "on the shipped data" in text


def test_validate_on_default_finds_clashes_with_the_shipped_data(tmp_path):
    """issue #14 item 17: alone the overlay is fine; layered on the shipped data its claim clashes."""
    folder = _overlay(
        tmp_path,
        SOURCE + '\n[[outlets]]\nid = "fake-rt"\nname = "Fake RT"\nkind = "website"\ncountry = "GB"\nsources = ["s"]\n'
        '\n[[domains]]\nhost = "rt.com"\noutlet = "fake-rt"\nrole = "primary"\nsources = ["s"]\n',
    )
    alone, _ = run("validate", str(folder), "--no-source-policy")
    assert alone == 0
    code, text = run("validate", str(folder), "--on-default", "--no-source-policy")
    assert code == 1
    assert "rt.com" in text and "mine.toml" in text


def test_validate_on_default_checks_the_source_policy(tmp_path):
    """issue #14 item 17: the source policy is checked on the layered registry (the overlay's sources)."""
    folder = _overlay(tmp_path, SOURCE + RATING)
    code, text = run("validate", str(folder), "--on-default")
    assert code == 1
    assert "source policy violation" in text and "mine.toml" in text
    shipped, text = run("validate")
    assert shipped == 0


@pytest.mark.parametrize("command", [["lookup", "rt.com"], ["label", "rt.com"], ["outlet", "rt"]])
def test_a_registry_option_on_a_symlink_loop_is_one_line(command, tmp_path, capsys):
    """issue #14 item 12 (found by the CLI fuzzer): `--registry LOOP` ended in pathlib's RuntimeError."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    code, text = run(*command, "--registry", str(loop))
    assert code == 2 and text == ""
    assert "not a folder" in one_line_error(capsys)
