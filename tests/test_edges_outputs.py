"""Issue #14, outputs: no output lost or half-written, no row shifted, no traceback from the edges of batch input.

Items 1, 2, 3, 4, 12 (JSON Lines surrogates), 13 (capped messages), 14 (batch's exit status) and 16
(JSON Lines keys and non-JSON numbers).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import provenance
from provenance.batch import BatchInputError, label_file
from provenance.cli import main
from tests.conftest import FIXTURES

ROOT = Path(provenance.__file__).resolve().parent.parent
OLD = b"the old output, which must survive\n"
ADDED = ["outlet_id", "outlet_name", "labels", "labels_json", "error"]


def _examples(fraction: float) -> int:
    """A share of the profile's examples (``HYPOTHESIS_PROFILE=fuzz`` runs many more)."""
    return max(5, int(settings().max_examples * fraction))


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


def strict_json(line: str) -> object:
    """JSON as RFC 8259 has it: no NaN or Infinity."""

    def refuse(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    return json.loads(line, parse_constant=refuse)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "provenance", *args]


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name not in keep)


# -- item 1: an output that is the input --------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("how", ["same path", "symlink", "hard link", "other spelling"])
def test_batch_refuses_an_output_that_is_its_input(tmp_path, capsys, suffix, how):
    """Issue #14 item 1: `batch shares.csv -o shares.csv` emptied the input, also through a symlink."""
    source = tmp_path / f"shares{suffix}"
    content = (
        "url,date\nhttps://rt.com/a,2016\n" if suffix == ".csv" else '{"url": "https://rt.com/a", "date": "2016"}\n'
    )
    source.write_text(content, encoding="utf-8")
    target = {
        "same path": source,
        "symlink": tmp_path / f"link{suffix}",
        "hard link": tmp_path / f"hard{suffix}",
        "other spelling": tmp_path / "." / f"shares{suffix}",
    }[how]
    if how == "symlink":
        target.symlink_to(source)
    elif how == "hard link":
        os.link(source, target)
    code, _ = run_cli("batch", str(source), "-o", str(target))
    err = capsys.readouterr().err
    assert code == 2 and "is the input" in err and len(err.strip().splitlines()) == 1
    assert source.read_text(encoding="utf-8") == content


def test_label_file_refuses_an_output_that_is_its_input(tmp_path, fixture_registry):
    """Issue #14 item 1: the API refuses it too, with the typed batch error."""
    source = tmp_path / "in.csv"
    source.write_text("url\nhttps://rt.com\n", encoding="utf-8")
    with pytest.raises(BatchInputError, match="is the input"):
        label_file(str(source), str(source), registry=fixture_registry, date_column=None)
    assert source.read_text(encoding="utf-8") == "url\nhttps://rt.com\n"


# -- item 2: outputs written whole or not at all ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("in.csv", "link,date\nhttps://rt.com,2016\n"),  # no URL column
        ("in.csv", ""),  # empty
        ("in.csv", "url,date,labels\nhttps://rt.com,2016,x\n"),  # a column the output adds
        ("in.jsonl", '{"link": "https://rt.com"}\n'),  # no URL key
        ("in.txt", "url\nhttps://rt.com\n"),  # unknown format
    ],
)
def test_batch_input_errors_leave_the_old_output_untouched(tmp_path, capsys, name, content):
    """Issue #14 item 2: a header error or an empty input emptied the old output."""
    source, target = tmp_path / name, tmp_path / ("out.jsonl" if name.endswith(".jsonl") else "out.csv")
    source.write_text(content, encoding="utf-8")
    target.write_bytes(OLD)
    code, _ = run_cli("batch", str(source), "-o", str(target))
    assert code == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, source.name, target.name) == []


def test_batch_output_replaces_the_old_one_and_keeps_its_mode_and_links(tmp_path):
    """Issue #14 item 2: a complete run replaces the output; a symlinked output stays a link to the new file."""
    source, real, link = tmp_path / "in.csv", tmp_path / "real.csv", tmp_path / "link.csv"
    source.write_text("url,date\nhttps://rt.com/a,2016\n", encoding="utf-8")
    real.write_bytes(OLD)
    real.chmod(0o640)
    link.symlink_to(real)
    assert run_cli("batch", str(source), "-o", str(link))[0] == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("url,date,outlet_id")
    assert real.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path, "in.csv", "real.csv", "link.csv") == []
    assert run_cli("batch", str(source), "-o", os.devnull)[0] == 0  # a device is written in place, never replaced
    assert Path(os.devnull).is_char_device()


def test_an_output_in_a_missing_folder_is_named_in_the_error(tmp_path, capsys):
    """Issue #14 item 2: the error names the output asked for, not the temporary file beside it."""
    source = tmp_path / "in.csv"
    source.write_text("url\nhttps://rt.com\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", str(tmp_path / "missing" / "out.csv"), "--no-date")[0] == 2
    assert (
        capsys.readouterr().err == f"provenance: error: No such file or directory: {tmp_path / 'missing' / 'out.csv'}\n"
    )


def _limited(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _run_limited(args: list[str], limit: int) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child whose files may not grow past ``limit`` bytes (a disk filling up mid-write)."""
    return subprocess.run(
        command(*args), capture_output=True, text=True, env=child_env(), preexec_fn=_limited(limit), timeout=120
    )


@pytest.mark.parametrize("what", ["batch", "report", "snapshot"])
def test_an_output_that_cannot_be_finished_leaves_the_old_one_untouched(tmp_path, what):
    """Issue #14 item 2: a write that fails midway (here: the file size limit) left the old output half-written."""
    target = tmp_path / {"batch": "out.csv", "report": "out.md", "snapshot": "out.snapshot"}[what]
    target.write_bytes(OLD)
    if what == "batch":
        source = tmp_path / "in.csv"
        source.write_text("url,date\n" + "https://rt.com/a,2016\n" * 200, encoding="utf-8")
        args = ["batch", str(source), "-o", str(target), "--no-date"]
    elif what == "report":
        source = tmp_path / "article.txt"
        source.write_text("MOSCOW (RIA Novosti) - " + "A long article. " * 2000, encoding="utf-8")
        args = ["report", str(source), "-o", str(target), "--format", "html"]
    else:
        args = ["snapshot", str(FIXTURES / "registry"), "-o", str(target)]
    result = _run_limited(args, 512)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == OLD
    assert [name for name in leftovers(tmp_path) if name.endswith(".tmp")] == []


def test_report_output_that_cannot_be_encoded_leaves_the_old_one_untouched(tmp_path, monkeypatch):
    """Issue #14 item 2: a report that fails while being written (here: text UTF-8 cannot encode) truncated the
    old output. Non-UTF-8 --url bytes no longer do this (item 12 percent-encodes them), so the failure is forced."""
    from provenance.reports import Report

    source, target = tmp_path / "article.txt", tmp_path / "out.md"
    source.write_text("MOSCOW (RIA Novosti) - Some text.", encoding="utf-8")
    target.write_bytes(OLD)
    monkeypatch.setattr(Report, "render", lambda self, format: "# report\n" * 1000 + "\udcff")
    with contextlib.suppress(UnicodeError):
        run_cli("report", str(source), "-o", str(target))
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, "article.txt", "out.md") == []


def test_report_with_non_utf8_url_bytes_writes_a_whole_utf8_output(tmp_path):
    """Issue #14 items 2 and 12: the URL's stray byte is percent-encoded and the new report replaces the old."""
    source, target = tmp_path / "article.txt", tmp_path / "out.md"
    source.write_text("MOSCOW (RIA Novosti) - Some text.", encoding="utf-8")
    target.write_bytes(OLD)
    assert run_cli("report", str(source), "--url", "https://rt.com/\udcff", "-o", str(target))[0] == 0
    assert "%FF" in target.read_bytes().decode("utf-8")
    assert leftovers(tmp_path, "article.txt", "out.md") == []


def _start_batch_on_a_pipe(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    process = subprocess.Popen(
        command("batch", "-", "-o", str(target), "--format", "csv"),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    assert process.stdin is not None
    process.stdin.write(b"url,date\n" + b"https://rt.com/a,2016\n" * 5000)
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and target.read_bytes() == OLD and leftovers(tmp_path, "out.csv") == []:
        time.sleep(0.05)
    time.sleep(0.3)  # the rows written so far are being labelled; the input is still open
    return process, target


def test_ctrl_c_prints_one_line_exits_130_and_leaves_the_old_output(tmp_path):
    """Issue #14 item 2: Ctrl-C left the output half-written; it prints one line, exits 130, old output untouched."""
    process, target = _start_batch_on_a_pipe(tmp_path)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0]
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, "out.csv") == []


def test_a_killed_batch_leaves_the_old_output(tmp_path):
    """Issue #14 item 2: a kill left the output empty or half-written."""
    process, target = _start_batch_on_a_pipe(tmp_path)
    process.kill()
    process.communicate(timeout=60)
    assert target.read_bytes() == OLD


def test_keyboard_interrupt_in_any_command_is_one_line_and_130(monkeypatch, capsys):
    """Issue #14 item 2: main() returned 130 on Ctrl-C without a word."""
    from provenance.cli import _commands

    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(_commands, "lookup", interrupted)
    assert run_cli("lookup", "rt.com")[0] == 130
    assert capsys.readouterr().err == "provenance: interrupted\n"


@settings(max_examples=_examples(0.6), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    old=st.binary(max_size=200),
    chunks=st.lists(st.text(max_size=50), max_size=8),
    fail_at=st.none() | st.integers(min_value=0, max_value=8),
    interrupt=st.booleans(),
)
def test_an_output_is_the_old_file_or_the_complete_new_one(tmp_path, old, chunks, fail_at, interrupt):
    """Issue #14 item 2 (the helper every output goes through): no state in between, and no temporary file left."""
    from provenance._outputs import replacing_text

    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        target = Path(folder, "out.txt")
        target.write_bytes(old)
        failure = KeyboardInterrupt if interrupt else OSError
        failed = fail_at is not None and fail_at < len(chunks)
        try:
            with replacing_text(target, encoding="utf-8", errors="surrogatepass") as stream:
                for number, chunk in enumerate(chunks):
                    if number == fail_at:
                        raise failure
                    stream.write(chunk)
        except (KeyboardInterrupt, OSError):
            assert failed
        expected = old if failed else "".join(chunks).encode("utf-8", "surrogatepass")
        assert target.read_bytes() == expected
        assert os.listdir(folder) == ["out.txt"]


def test_the_overlay_writer_and_snapshots_use_the_one_safe_write(monkeypatch, tmp_path):
    """Issue #14 item 2: one way to write a file: every writer goes through provenance._outputs."""
    import provenance._outputs as outputs
    from provenance.dates import parse_iso
    from provenance.importers.overlay import write_overlay
    from provenance.model import Organization, Source
    from provenance.registry import Registry

    written: list[str] = []
    real = outputs.os.replace

    def spy(source: str, target: str) -> None:
        written.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(outputs.os, "replace", spy)
    source = Source(url="https://example.org/a", title="A", accessed=parse_iso("2024-01-01"))
    write_overlay([Organization(id="org-a", name="Org A", kind="company", sources=(source,))], tmp_path)
    Registry.from_folder(FIXTURES / "registry").save_snapshot(tmp_path / "fixture.snapshot")
    assert written == ["overlay.toml", "fixture.snapshot"]


# -- item 3: a field over the csv module's limit ------------------------------------------------


@pytest.fixture
def small_field_limit():
    previous = csv.field_size_limit(64)
    yield 64
    csv.field_size_limit(previous)


def test_a_field_over_the_limit_is_a_bad_row_and_the_batch_goes_on(tmp_path, capsys):
    """Issue #14 item 3: a CSV field over the csv module's field limit aborted the whole batch midway."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    limit = csv.field_size_limit()
    huge = "x" * (limit + 10)
    source.write_text(
        "id,url,date\n"
        "1,https://rt.com/a,2016\n"
        f'2,https://rt.com/b,"{huge}\nmore, text\nstill"\n'  # quoted over several lines: all of it is one bad row
        f"3,{huge},2016\n"
        "4,https://rt.com/c,2016\n",
        encoding="utf-8",
    )
    code, _ = run_cli("batch", str(source), "-o", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    err = capsys.readouterr().err
    assert code == 0
    assert [row["id"] for row in rows] == ["1", "", "", "4"]
    assert rows[1]["error"] == rows[2]["error"] == f"field larger than field limit ({limit})"
    assert rows[0]["outlet_id"] == rows[3]["outlet_id"] == "rt" and rows[3]["error"] == ""
    assert "line 3: field larger than field limit" in err and "line 6: field larger" in err
    assert "4 rows, 2 labelled, 0 unknown hosts, 2 bad rows" in err


_CELL = st.text(alphabet=st.sampled_from('ab ,"\n\r\tx'), max_size=12) | st.text(max_size=6)


@settings(max_examples=_examples(0.8), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["https://rt.com/a", "not a url", "", "https://example.org/x"]),
            st.sampled_from(["2016", "", "someday"]),
            _CELL | st.text(alphabet="yz,\n", min_size=60, max_size=90),
        ),
        max_size=8,
    ),
    crlf=st.booleans(),
)
def test_no_row_is_ever_shifted_under_the_wrong_header(tmp_path, small_field_limit, rows, crlf):
    """Issue #14 items 3 and 4: each input row gives one output row, its cells under their own headers."""
    if not crlf:  # a lone CR is written unquoted under LF line ends, and read back as a line break
        rows = [(url, at, note.replace("\r", "")) for url, at, note in rows]
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        source, target = Path(folder, "in.csv"), Path(folder, "out.csv")
        with source.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n" if crlf else "\n")
            writer.writerow(["id", "url", "date", "note"])
            writer.writerows([str(number), *row] for number, row in enumerate(rows))
        summary = label_file(str(source), str(target))
        csv.field_size_limit(1 << 20)  # the labels' JSON is longer than the limit the input was read with
        try:
            with target.open(encoding="utf-8", newline="") as stream:
                out = list(csv.reader(stream))
        finally:
            csv.field_size_limit(small_field_limit)
    assert out[0] == ["id", "url", "date", "note", *ADDED]
    assert summary.rows == len(rows) == len(out) - 1
    for number, (row, written) in enumerate(zip(rows, out[1:], strict=True)):
        assert len(written) == 9
        if any(len(cell) > small_field_limit for cell in row):
            assert written[:4] == ["", "", "", ""] and written[-1].startswith("field larger than field limit")
        else:
            assert written[:4] == [str(number), *row]


# -- item 4: ragged rows ------------------------------------------------------------------------


def test_ragged_rows_are_padded_or_bad_never_shifted(tmp_path, capsys):
    """Issue #14 item 4: short and long rows were written unpadded, the added columns under the wrong headers."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(
        "url,date,note\n"
        "https://rt.com/a,2016\n"  # short: padded
        "https://rt.com/b\n"  # shorter: padded, no date
        "\n"  # blank line: no row
        "https://rt.com/c,2016,a note,,\n"  # empty extra fields: dropped
        "https://rt.com/d,2016,a, note with a comma\n"  # a non-empty extra field: a bad row
        "https://rt.com/e,2016,fine\n",
        encoding="utf-8",
    )
    code, _ = run_cli("batch", str(source), "-o", str(target))
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    err = capsys.readouterr().err
    assert code == 0 and all(len(row) == 8 for row in rows)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["url"] for r in records] == [f"https://rt.com/{c}" for c in "abcde"]
    assert [r["outlet_id"] for r in records] == ["rt", "rt", "rt", "", "rt"]
    assert records[1]["date"] == "" and records[2]["note"] == "a note"
    assert records[3]["error"] == "4 fields where the header has 3: not labelled, as the cells may be shifted"
    assert records[3]["labels"] == "" and records[3]["note"] == "a"
    assert "line 6: 4 fields where the header has 3" in err
    assert "5 rows, 4 labelled, 0 unknown hosts, 1 bad rows" in err


# -- item 12: a lone surrogate in JSON Lines ----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '{"url": "https://rt.com/\\ud800", "date": "2016"}',
        '{"url": "https://rt.com/", "date": "2016", "note": "\\udfff"}',
        '{"url": "https://rt.com/", "\\udc80": 1}',
        '{"url": "https://rt.com/", "note": ["\\ud83d"]}',
    ],
)
def test_a_lone_surrogate_in_json_lines_is_a_bad_row(tmp_path, capsys, line):
    """Issue #14 item 12: a lone surrogate ("\\ud800") in JSON Lines input ended `batch` in a traceback."""
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        '{"url": "https://rt.com/a", "date": "2016", "ok": "\\ud83d\\ude00 \\u00e9"}\n' + line + "\n",
        encoding="utf-8",
    )
    code, _ = run_cli("batch", str(source), "-o", str(target))
    written = [strict_json(text) for text in target.read_text(encoding="utf-8").splitlines()]
    assert code == 0
    assert written[0]["ok"] == "\U0001f600 \u00e9" and written[0]["outlet_id"] == "rt"
    assert written[1]["line"] == 2 and set(written[1]) == {"line", "error"}
    assert written[1]["error"].startswith("a lone surrogate ") and written[1]["error"].endswith(", not Unicode text")
    assert "line 2: a lone surrogate" in capsys.readouterr().err


def test_deeply_nested_json_lines_is_a_bad_row(tmp_path):
    """Issue #14 item 12 (the same class): a JSON line nested too deeply ended `batch` in a RecursionError."""
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"url": "https://rt.com/a"}\n' + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", str(target), "--no-date")[0] == 0
    written = [strict_json(text) for text in target.read_text(encoding="utf-8").splitlines()]
    assert written[1] == {"line": 2, "error": "not JSON (nested too deeply)"}


# -- item 13: quoted input capped in messages ---------------------------------------------------

MESSAGE_CAP = 300


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_batch_messages_quote_at_most_a_few_hundred_characters(tmp_path, suffix):
    """Issue #14 item 13: `batch` on a binary file printed a 1,384-character line."""
    source = tmp_path / f"binary{suffix}"
    noise = bytes(range(256)).replace(b"\n", b"").replace(b"\r", b"") * 6
    source.write_bytes(b",".join([noise[:300]] * 14) + b"\n" + noise + b"\n")
    result = subprocess.run(
        command("batch", str(source), "-o", str(tmp_path / f"out{suffix}")),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )
    assert "Traceback" not in result.stderr and result.returncode in (1, 2)
    assert max(len(line) for line in result.stderr.splitlines()) <= MESSAGE_CAP


def test_a_long_bad_url_is_quoted_in_part(tmp_path, capsys):
    """Issue #14 item 13: a bad row's message quoted a 5,000-character URL whole."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    long_url = "x" * 5000
    source.write_text(f"url,date\n{long_url},2016\nhttps://rt.com,2016\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", str(target))[0] == 0
    err = capsys.readouterr().err
    assert max(len(line) for line in err.splitlines()) <= MESSAGE_CAP
    assert "line 2: not a usable URL or host 'xxx" in err and "characters" in err
    (row, _) = csv.DictReader(target.open(encoding="utf-8", newline=""))
    assert long_url in row["error"]  # the output keeps the whole message


# -- item 14: exit status -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "strict", "status"),
    [
        ("url,date\nhttps://rt.com/a,2016\nnot a url,2016\n", False, 0),  # some rows read
        ("url,date\nhttps://rt.com/a,2016\nnot a url,2016\n", True, 1),  # --strict: any bad row fails
        ("url,date\nhttps://rt.com/a,2016\n", True, 0),
        ("url,date\nnot a url,2016\n,\n", False, 1),  # no row could be read
        ("url,date\n", False, 0),  # no rows at all: nothing failed
        ("url,date\n", True, 0),
    ],
)
def test_batch_exit_status(tmp_path, capsys, content, strict, status):
    """Issue #14 item 14: a run where every row is bad exited 0; --strict fails on any bad row."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(content, encoding="utf-8")
    code, _ = run_cli("batch", str(source), "-o", str(target), *(["--strict"] if strict else []))
    err = capsys.readouterr().err
    assert code == status
    assert target.read_text(encoding="utf-8").startswith("url,date,outlet_id")  # the output is complete either way
    if status:
        assert err.strip().splitlines()[-1].startswith("provenance batch: error: ")


def test_batch_on_a_binary_file_exits_non_zero(tmp_path):
    """Issue #14 item 14: 706 bad rows of a binary file, not one read, and exit status 0."""
    source = tmp_path / "binary.jsonl"
    source.write_bytes(bytes(range(256)) * 20)
    code, _ = run_cli("batch", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1


# -- item 16: JSON Lines keys the output adds, and numbers JSON cannot hold ---------------------


@pytest.mark.parametrize("key", ["labels", "error", "outlet_id", "outlet_name"])
def test_a_json_lines_key_the_output_adds_is_refused_as_in_csv(tmp_path, capsys, key):
    """Issue #14 item 16: JSON Lines keys labels, error, outlet_id, outlet_name were overwritten silently."""
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    target.write_bytes(OLD)
    source.write_text(json.dumps({"url": "https://rt.com/a", key: "mine"}) + "\n", encoding="utf-8")
    code, _ = run_cli("batch", str(source), "-o", str(target), "--no-date")
    err = capsys.readouterr().err
    assert code == 2 and f"already has key(s) '{key}', which the output adds" in err
    assert target.read_bytes() == OLD
    source.write_text(
        json.dumps({"url": "https://rt.com/a"}) + "\n" + json.dumps({"url": "https://rt.com/b", key: "mine"}) + "\n",
        encoding="utf-8",
    )
    assert run_cli("batch", str(source), "-o", str(target), "--no-date")[0] == 0
    first, second = (strict_json(line) for line in target.read_text(encoding="utf-8").splitlines())
    assert first["outlet_id"] == "rt"
    assert second == {"line": 2, "error": f"the object already has key(s) '{key}', which the output adds"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("NaN", "not JSON (NaN is not a JSON number)"),
        ("Infinity", "not JSON (Infinity is not a JSON number)"),
        ("-Infinity", "not JSON (-Infinity is not a JSON number)"),
        ("1e400", "number 1e400 is too large to write back as JSON"),
        ("[1, -1e999]", "number -1e999 is too large to write back as JSON"),
    ],
)
def test_json_lines_output_never_holds_nan_or_infinity(tmp_path, value, message):
    """Issue #14 item 16: NaN and Infinity were written back out, which is not JSON."""
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        '{"url": "https://rt.com/a", "x": 1.5}\n' + f'{{"url": "https://rt.com/b", "x": {value}}}\n',
        encoding="utf-8",
    )
    assert run_cli("batch", str(source), "-o", str(target), "--no-date")[0] == 0
    first, second = (strict_json(line) for line in target.read_text(encoding="utf-8").splitlines())
    assert first["x"] == 1.5 and first["outlet_id"] == "rt"
    assert second == {"line": 2, "error": message}


def test_sigterm_exits_143_leaves_the_old_output_and_no_temporary_file(tmp_path):
    """Issue #14 item 2: SIGTERM (a polite kill) unwinds like Ctrl-C: old output whole, temporary file removed."""
    process, target = _start_batch_on_a_pipe(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert err.decode().strip().splitlines() == ["provenance: terminated"]
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, "out.csv") == []


def test_report_refuses_to_write_over_its_article(tmp_path, capsys):
    """Issue #14 item 1: `report FILE -o FILE` replaced the article with its report."""
    article = tmp_path / "article.txt"
    article.write_text("MOSCOW (RIA Novosti) - Some text.", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(article)
    for output in (article, tmp_path / "link.txt"):
        assert run_cli("report", str(article), "-o", str(output))[0] == 2
        assert "is the article itself" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == "MOSCOW (RIA Novosti) - Some text."


def test_a_deeply_nested_source_policy_is_one_line(tmp_path, capsys):
    """Issue #14 item 12: `validate --source-policy` on deeply nested TOML ended in a RecursionError."""
    policy = tmp_path / "policy.toml"
    policy.write_text("a = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    assert run_cli("validate", "--source-policy", str(policy))[0] == 2
    err = capsys.readouterr().err
    assert "nested too deep" in err and "Traceback" not in err
