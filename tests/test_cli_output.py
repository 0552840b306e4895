"""Issue #16 items 2 and 4 (CLI): `provenance label` says what it matched and answers shortly by default,
explains with --explain, gives one line per URL for scripts; every subcommand's --help is complete."""

import argparse
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.batch import compact_labels
from provenance.cli import build_parser, main
from provenance.cli._label import LINE_COLUMNS
from provenance.labelling import disclosure, label_url
from provenance.registry import default_registry

RT = "https://www.rt.com/news/1"
VOR = "http://ruvr.ru/2012/x.html"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


# -- --help ------------------------------------------------------------------------------------------------


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def test_the_walk_finds_every_subcommand():
    assert set(_subcommands()) >= {
        "lookup",
        "label",
        "report",
        "outlet",
        "batch",
        "import",
        "export",
        "validate",
        "snapshot",
    }


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_has_a_description_an_example_and_help_on_every_option(name):
    """issue #16 item 4: every subcommand's --help has a description, help for every option, and an example."""
    parser = _subcommands()[name]
    assert parser.description and len(parser.description) > 40, name
    text = parser.format_help()
    assert re.search(r"(?i)\bexamples?:", text), f"{name}: no example"
    assert re.search(rf"(?m)^.*provenance {name}\b.*$", text.split(parser.description[:30])[-1]), name
    for action in parser._actions:
        assert action.help and action.help is not argparse.SUPPRESS, f"{name}: {action.option_strings or action.dest}"


def test_examples_keep_their_lines():
    """issue #16 item 4: an example is printed as written, not wrapped into the prose around it."""
    text = _subcommands()["label"].format_help()
    assert "\n  provenance label https://sputnikglobe.com/x --at 2024-06-01\n" in text
    assert "\n  provenance label rt.com bbc.co.uk example.com --format line | cut -f1,3,4\n" in text


# -- the short answer (default) ----------------------------------------------------------------------------


def test_label_prints_a_short_answer_by_default():
    """issue #16 item 4: the outlet, each label on one line, the disclosure; no rules or sources."""
    code, text = run("label", VOR, "--at", "2012-08-16")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == f"{VOR}: Voice of Russia (voice-of-russia, RU)"
    labels = label_url(VOR, "2012-08-16")
    shown = [line for line in lines if line.startswith("  ")]
    assert len(shown) == len(labels)
    for line, label in zip(shown, labels, strict=True):
        assert line == f"  {label.kind} {label.value}: {label.text}"
    assert f"Disclosure: {disclosure(labels)}" in lines
    assert "Sources:" not in text and "Rule:" not in text and "Because:" not in text
    assert lines[-1].startswith("(--explain")


def test_possible_labels_say_so():
    code, text = run("label", "https://sputniknews.com/x", "--at", "2022")
    assert code == 0 and "  sanctioned EU (possible): " in text


def test_unknown_host_and_known_outlet_with_nothing_to_disclose(tmp_path):
    """issue #16 items 2 and 4: 'unknown host' differs from a known outlet with no labels."""
    (tmp_path / "quiet.toml").write_text(
        '[sources.s]\nurl = "https://example.org/s"\ntitle = "S"\naccessed = "2026-01-01"\n\n'
        '[[outlets]]\nid = "quiet-news"\nname = "Quiet News"\nkind = "website"\ncountry = "GB"\nsources = ["s"]\n\n'
        '[[domains]]\nhost = "quiet.example"\noutlet = "quiet-news"\nrole = "primary"\nsources = ["s"]\n',
        encoding="utf-8",
    )
    code, text = run("label", "https://quiet.example/a", "https://www.loud.example/a", "--registry", str(tmp_path))
    assert code == 0
    assert text.splitlines() == [
        "https://quiet.example/a: Quiet News (quiet-news, GB)",
        "  no labels: nothing to disclose",
        "",
        "https://www.loud.example/a: unknown host: no outlet in the registry claims loud.example",
    ]
    code, text = run("label", "https://quiet.example/a", "--registry", str(tmp_path), "--format", "json")
    data = json.loads(text)
    assert data["outlet"]["id"] == "quiet-news" and data["claim"]["host"] == "quiet.example"
    assert data["labels"] == [] and data["disclosure"] is None


def test_an_unknown_account_on_a_platform_is_not_called_an_unknown_host():
    code, text = run("label", "https://t.me/no_such_outlet_here/1", "https://t.me/s/RT_russian")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == (
        "https://t.me/no_such_outlet_here/1: unknown account: no outlet in the registry claims this account on t.me"
    )
    assert lines[2].startswith("https://t.me/s/RT_russian: RT (rt, RU)")


def test_explain_prints_the_full_explanation():
    """issue #16 item 4: --explain gives the rule, facts and numbered sources of every label."""
    # After 2024-02-07, the date of the Monitor's list RT's code is read from (earlier, it is only possible).
    code, text = run("label", RT, "--at", "2024-03-05", "--explain")
    assert code == 0
    assert text.startswith(f"{RT}: RT (rt, RU)\nDisclosure: RT is a Russian state-controlled broadcaster.\n")
    labels = label_url(RT, "2024-03-05")
    assert text.count("Rule:") == len(labels) and text.count("Sources:") == len(labels)
    assert "rt: sanctioned = EU (certain)" in text and "[1] " in text
    assert "(--explain" not in text


def test_explain_goes_only_with_text(capsys):
    code, text = run("label", RT, "--format", "json", "--explain")
    err = capsys.readouterr().err
    assert code == 2 and text == ""
    assert err.startswith("provenance: error: --explain is for the text format") and err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        [RT, "--at", "2022-03-05"],
        [RT, "--at", "2022-03-05", "--explain"],
        ["https://sputniknews.com/x", "--at", "2022", "--explain"],
        ["ruvr.ru", "--at", "2016", "--explain"],
        ["https://rtde.world/x", "--at", "2023", "--explain"],
        ["radiosputnik.ria.ru", "--at", "2014", "--explain"],
    ],
)
def test_no_jargon_in_reader_facing_text(args, tmp_path):
    """issue #16 item 4: no character offsets, no 'window' in what the text format prints."""
    code, text = run("label", *args)
    assert code == 0
    assert "window" not in text.lower()
    assert not re.search(r"characters? \d+ ?(to|-) ?\d+", text)


# -- --format line -----------------------------------------------------------------------------------------


def test_line_format_is_one_tab_separated_line_per_url(capsys):
    """issue #16 item 4: the documented columns, one line per URL, a bad URL in its error column."""
    urls = [RT, "https://example.com/x", "not a url", "https://sputniknews.com/x"]
    code, text = run("label", *urls, "--at", "2024-03", "--format", "line")  # after the Monitor list's date
    assert code == 2 and capsys.readouterr().err == ""
    lines = text.splitlines()
    assert len(lines) == len(urls)
    rows = [dict(zip(LINE_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert [row["url"] for row in rows] == urls
    registry = default_registry()
    for row in (rows[0], rows[1], rows[3]):
        labels = label_url(row["url"], "2024-03", registry=registry)
        assert row["outlet_id"] == (labels.outlet.id if labels.outlet else "")
        assert row["outlet_name"] == (labels.outlet.name if labels.outlet else "")
        assert row["labels"] == compact_labels(labels)
        assert row["disclosure"] == (disclosure(labels, registry) or "")
        assert row["error"] == ""
    assert rows[0]["outlet_id"] == "rt" and rows[0]["labels"].startswith("state-media=SC;")
    assert rows[1]["outlet_id"] == "" and rows[1]["labels"] == ""
    assert rows[2]["outlet_id"] == "" and "not a usable URL" in rows[2]["error"]


def test_a_field_never_breaks_the_line():
    code, text = run("label", "rt.com/a\tb\nc", "--format", "line")
    assert code == 0 and text.count("\n") == 1 and text.count("\t") == len(LINE_COLUMNS) - 1


# -- --format json -----------------------------------------------------------------------------------------


def test_json_shows_the_outlet_and_the_claim_matched():
    """issue #16 item 2: the outlet (id, name) and the claim (host, role, start, end) or null."""
    code, text = run("label", VOR, "https://deutsch.rt.com/x", "example.com", "--at", "2012-08-16", "--format", "json")
    assert code == 0
    vor, rt, unknown = (json.loads(line) for line in text.splitlines())
    assert vor["outlet"] == {"id": "voice-of-russia", "name": "Voice of Russia", "country": "RU"}
    assert vor["claim"]["host"] == "ruvr.ru" and vor["claim"]["role"] == "primary"
    claim = default_registry().claim_for_url(VOR, "2012-08-16")
    assert vor["claim"]["end"] == str(claim.interval.end)
    assert vor["disclosure"].startswith("Voice of Russia was a Russian state-controlled")
    assert rt["host"] == "deutsch.rt.com" and rt["claim"]["host"] == "rt.com" and rt["outlet"]["id"] == "rt"
    assert unknown["host"] == "example.com" and unknown["outlet"] is None and unknown["claim"] is None
    assert unknown["labels"] == []


def test_json_reports_a_bad_url_and_labels_the_rest(capsys):
    code, text = run("label", "not a url", RT, "--format", "json")
    assert code == 2 and capsys.readouterr().err == ""
    bad, good = (json.loads(line) for line in text.splitlines())
    assert bad["outlet"] is None and "not a usable URL" in bad["error"]
    assert good["outlet"]["id"] == "rt" and "error" not in good


def test_text_reports_a_bad_url_in_one_line_and_labels_the_rest(capsys):
    code, text = run("label", "not a url", RT)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("provenance: error: ")
    assert text.startswith(f"{RT}: RT (rt, RU)\n")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([RT, VOR, "rtde.world", "example.com", "not a url", "bbc.co.uk/news"]),
            st.text(min_size=1, max_size=30).filter(lambda text: not text.startswith("-")),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_line_format_gives_exactly_one_line_of_every_column_per_url(urls):
    """issue #16 item 4, property: whatever the URLs, one line each, every column there, in order."""
    code, text = run("label", *urls, "--format", "line")
    assert code in (0, 2)
    lines = text.split("\n")
    assert lines.pop() == "" and len(lines) == len(urls)
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == len(LINE_COLUMNS)
        if fields[-1]:  # a URL that cannot be read: only its error, and the exit status says so
            assert code == 2 and fields[1:-1] == ["", "", "", ""]
    assert (code == 2) is any(line.split("\t")[-1] for line in lines)
