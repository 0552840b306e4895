"""Fuzzing the command line: every subcommand, run in-process through ``provenance.cli.main`` on hostile files
and arguments, ends with an exit status and one-line errors, never a traceback (issue #14, "Done means").

Files are binary bytes, huge lines, text with every kind of odd character, deeply nested TOML, empty files,
symlinks (to a file, dangling, looping), folders and missing paths; arguments are any text the operating
system can pass (bytes that are not UTF-8 arrive as lone surrogates). Each test takes a tenth or so of the
active Hypothesis profile's example count: a few in the normal suite, hundreds under
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``). The invariants:

- ``main`` returns 0, 1 (only ``validate``: the data has problems; ``batch``: no row could be read) or 2
  (bad input), or argparse stops with 2; no other exception escapes;
- standard error holds no traceback, and an exit 2 says ``error`` (there, or in lookup's JSON);
- standard output and every file written are UTF-8 (a strict UTF-8 terminal takes them).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.cli import main
from tests.conftest import FIXTURES

# -- settings ------------------------------------------------------------------------------------------


def share(fraction: float) -> settings:
    """A share of the active profile's example count (at least 5), with no health check on slow data."""
    return settings(
        max_examples=max(5, int(settings().max_examples * fraction)),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


# -- arguments: what argv can hold -----------------------------------------------------------------------

# argv is bytes without NUL; Python decodes the bytes that are not UTF-8 to lone surrogates (U+DC80-U+DCFF).
os_bytes = st.binary(max_size=60).filter(lambda raw: b"\0" not in raw).map(os.fsdecode)
odd_text = st.text(
    st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cn", "Lo", "Mn"], exclude_characters="\0"),
    max_size=30,
)
URL_EDGES = [
    "rt.com",
    "https://de.rt.com/x",
    "http://ruvr.ru/2012_07_11/x.html",
    "http://[",
    "http://[::1]/",
    "javascript:alert(1)@rt.com",
    "mailto:editor@rt.com",
    "rt.com..",
    "xn--",
    "https://xn--ta-hia.com/",
    "https://taß.com/",
    "//rt.com",
    "https://rt.com:99999/",
    "https://" + "a" * 300 + ".com/",
    "https://rt.com/?" + "q" * 10_000,
    "-",
    "",
    " ",
    "--",
]
DATE_EDGES = ["2014", "10.11.2014", "2014-11", "-2014", "1/1/1", "2014-11-10 UTC", "2014/2015", "someday", "9" * 40]
NAME_EDGES = ["rt", "RT", "News", "rossiya-segodnya", "Rossiya Segodnya", "state-ru", "a", "", " ", "%", ".*"]
plain_text = st.text(max_size=40).filter(lambda text: "\0" not in text)
argument = plain_text | os_bytes | odd_text
url_argument = (
    st.sampled_from(URL_EDGES)
    | argument
    | st.builds(
        "{}{}{}".format,
        st.sampled_from(["http://", "https://", "", "//", "HTTP://"]),
        st.sampled_from(["rt.com", "bbc.co.uk", "sputnikglobe.com", "example.com"]),
        argument,
    )
)
date_argument = st.sampled_from(DATE_EDGES) | argument
name_argument = st.sampled_from(NAME_EDGES) | argument | url_argument
maybe = st.booleans()


# -- files -----------------------------------------------------------------------------------------------


def _nested_toml(depth: int, table: bool) -> bytes:
    if table:
        return b"a = " + b"{b = " * depth + b"1" + b"}" * depth + b"\n"
    return b"a = " + b"[" * depth + b"]" * depth + b"\n"


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes that are not UTF-8


any_text = st.text(st.characters(exclude_categories=[]), max_size=200)  # lone surrogates too
csv_cell = plain_text | os_bytes | st.sampled_from(URL_EDGES + DATE_EDGES) | st.text('",\r\n\\x', max_size=8)
csv_bytes = st.builds(
    lambda header, rows, newline: newline.join([header, *(",".join(row) for row in rows)]).encode(
        "utf-8", "surrogateescape"
    ),
    st.sampled_from(["url,date", "url", "date,url,extra", "", "domain,rater,value", "URL,Typology"]),
    st.lists(st.lists(csv_cell, max_size=4), max_size=6),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
json_value = st.none() | st.booleans() | st.floats() | st.integers() | plain_text | st.sampled_from(URL_EDGES)
jsonl_bytes = st.lists(
    st.sampled_from(['{"url": "\\ud800"}', '{"url": 1}', "[]", "{", '"x"', "NaN", '{"url": "rt.com", "date": null}'])
    | st.builds(
        lambda url, date: f'{{"url": {url}, "date": {date}}}',
        st.sampled_from(['"rt.com"', '"https://de.rt.com/x"', "null", "1", '"\\udc80"', '"\\u0000"']),
        st.sampled_from(['"2014"', "null", '"10.11.2014"', "[]", "NaN"]),
    ),
    max_size=6,
).map(lambda lines: "\n".join(lines).encode())
HTML_EDGES = [
    "&#xD800;",
    "&#55296;",
    "&#x110000;",
    "&#0;",
    "&#x1b;",
    "&amp",
    "<!--",
    "<script>",
    "]]>",
    "<meta charset=koi8-r>",
]
html_bytes = st.builds(
    lambda title, body: f"<html><head><title>{title}</title></head><body><p>{body}</p></body></html>".encode(
        "utf-8", "surrogatepass"
    ),
    any_text | st.sampled_from(HTML_EDGES),
    st.lists(any_text | st.sampled_from(HTML_EDGES), max_size=8).map("".join),
)
huge_line = st.builds(
    lambda n, fill, prefix: prefix + fill * n,
    st.integers(1_000, 400_000),
    st.sampled_from([b"a", b"[", b"<b>", b"\xff", b" ", b"\x1b", b"https://rt.com/", b'"']),
    st.sampled_from([b"", b"url\n", b"a = ", b"<p>"]),
)
toml_bytes = (
    st.builds(_nested_toml, st.integers(1, 6_000), st.booleans())
    | st.sampled_from(
        [
            (FIXTURES / "registry" / "ru.toml").read_bytes(),
            b'[[outlets]]\nid = "x"\n',
            b"[[outlets]]\nid = " + b"[" * 300 + b"]" * 300,
            b'[sources.s]\nurl = "\\ud800"\n',
            b"\xef\xbb\xbf[meta]\n",
        ]
    )
    | st.builds(lambda text: f'[[outlets]]\nid = "x"\nname = {text!r}\n'.encode("utf-8", "surrogatepass"), any_text)
)
content = st.one_of(
    st.binary(max_size=3000),
    any_text.map(_encoded),
    st.sampled_from([b"", b"\n", b" \n\t\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"#!/bin/sh\necho hi\n"]),
    csv_bytes,
    jsonl_bytes,
    html_bytes,
    huge_line,
    toml_bytes,
)
SHAPES = ("file", "file", "file", "symlink", "dangling", "loop", "folder", "missing")


@dataclass(frozen=True)
class Place:
    """Where a hostile input goes: its shape (a file, a symlink...), its bytes and its file name's extension."""

    shape: str
    data: bytes
    suffix: str


SUFFIXES = [".txt", ".csv", ".jsonl", ".toml", ".html", ".tsv", ".ndjson", ""]


def places(data: st.SearchStrategy[bytes], *suffixes: str) -> st.SearchStrategy[Place]:
    """Mostly files of ``data`` named with one of ``suffixes``; now and then any place and content."""
    return st.builds(Place, st.sampled_from(SHAPES), content, st.sampled_from(SUFFIXES)) | st.builds(
        Place, st.sampled_from(["file", "file", "symlink"]), data, st.sampled_from(suffixes)
    )


place = places(content, *SUFFIXES)
tables = places(csv_bytes | jsonl_bytes | huge_line, ".csv", ".tsv", ".jsonl", ".ndjson")
articles = places(html_bytes | any_text.map(_encoded) | huge_line | st.binary(max_size=500), ".html", ".txt")
registries = places(toml_bytes, ".toml")


def make(root: Path, name: str, where: Place) -> Path:
    """Lay out an input under ``root`` and return its path (which may not exist, by design)."""
    path = root / f"{name}{where.suffix}"
    target = root / f"{name}.data"
    if where.shape == "folder":
        path.mkdir()
        (path / "x.toml").write_bytes(where.data)
    elif where.shape == "symlink":
        target.write_bytes(where.data)
        path.symlink_to(target)
    elif where.shape == "dangling":
        path.symlink_to(root / "nowhere")
    elif where.shape == "loop":
        path.symlink_to(path)
    elif where.shape == "file":
        path.write_bytes(where.data)
    return path


def overlay(root: Path, where: Place) -> Path:
    """A registry folder holding the input as ``x.toml`` (or the input itself when it is no file)."""
    if where.shape != "file":
        return make(root, "overlay", where)
    folder = root / "overlay"
    folder.mkdir()
    (folder / "x.toml").write_bytes(where.data)
    return folder


# -- running ---------------------------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def standard_input(data: bytes) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved


def run(argv: list[str], stdin: bytes = b"") -> Run:
    """Run the command in-process and check what every run must satisfy."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), standard_input(stdin):
        try:
            code = main(argv, out)
        except SystemExit as stop:  # argparse: a usage error (exit 2)
            code = stop.code if isinstance(stop.code, int) else 2
    result = Run(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.err, (argv, result.err)
    assert code in (0, 1, 2), (argv, code, result.err)
    assert code != 1 or argv[0] in ("validate", "batch"), (argv, result.err)  # the data has problems, no row read
    assert code != 2 or "error" in result.err + result.out, (argv, result.err)  # lookup --format json: in out
    result.out.encode("utf-8")  # what a strict UTF-8 standard output takes
    return result


def options(draw: st.DrawFn, *pairs: tuple[str, st.SearchStrategy[str]]) -> list[str]:
    """Some of the options, each with a drawn value."""
    chosen: list[str] = []
    for flag, values in pairs:
        if draw(maybe):
            chosen += [flag, draw(values)]
    return chosen


def registry_option(draw: st.DrawFn, root: Path) -> list[str]:
    """Now and then ``--registry`` with a hostile overlay (it loads the shipped data: slow, so not often)."""
    if draw(st.integers(0, 5)) != 0:
        return []
    return ["--registry", str(overlay(root, draw(registries)))]


# -- the commands ----------------------------------------------------------------------------------------


@share(0.1)
@given(st.data())
def test_lookup_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        urls = data.draw(st.lists(url_argument, min_size=1, max_size=4))
        extra = options(data.draw, ("--at", date_argument), ("--format", st.sampled_from(["text", "json"])))
        run(["lookup", *urls, *extra, *registry_option(data.draw, Path(folder))])


@share(0.1)
@given(st.data())
def test_label_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        extra = options(
            data.draw,
            ("--at", date_argument),
            ("--format", st.sampled_from(["text", "json"])),
            ("--policy", st.sampled_from(["typology", "x-2020", "nope"])),
        )
        run(["label", data.draw(url_argument), *extra, *registry_option(data.draw, Path(folder))])


@share(0.1)
@given(st.data())
def test_outlet_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        extra = options(data.draw, ("--at", date_argument), ("--format", st.sampled_from(["text", "json"])))
        run(["outlet", data.draw(name_argument), *extra, *registry_option(data.draw, Path(folder))])


@share(0.2)
@given(st.data())
def test_report_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        where = data.draw(articles)
        stdin = data.draw(st.booleans())
        source = "-" if stdin else str(make(root, "article", where))
        extra = options(
            data.draw,
            ("--url", url_argument),
            ("--published", date_argument),
            ("--format", st.sampled_from(["markdown", "json", "html", "prov-json", "jsonld"])),
        )
        output = root / data.draw(st.sampled_from(["report.out", "missing/report.out", "article.txt", "."]))
        written = data.draw(maybe)
        if written:
            extra += ["-o", str(output)]
        result = run(["report", source, *extra, *registry_option(data.draw, root)], where.data if stdin else b"")
        if result.code == 0 and written:
            output.read_bytes().decode("utf-8")


@share(0.2)
@given(st.data())
def test_batch_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        where = data.draw(tables)
        source = str(make(root, "shares", where))
        output = str(root / data.draw(st.sampled_from(["out.csv", "out.jsonl", "out", "missing/out.csv"])))
        extra = options(
            data.draw,
            ("--format", st.sampled_from(["csv", "jsonl"])),
            ("--url-column", st.sampled_from(["url", "date", "URL"]) | argument),
            ("--date-column", st.sampled_from(["date", "url"]) | argument),
            ("--max-errors", st.sampled_from(["0", "1", "-1", "x"])),
        )
        run(["batch", source, "-o", output, *extra, *registry_option(data.draw, root)])


@share(0.2)
@given(st.data())
def test_validate_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        target = overlay(root, data.draw(registries))
        extra = [flag for flag in ("--on-default", "--no-source-policy", "--report") if data.draw(maybe)]
        if data.draw(st.integers(0, 4)) == 0:
            policy = data.draw(place)
            extra += ["--source-policy", str(make(root, "policy", policy))]
        run(["validate", str(target), *extra])


@share(0.1)
@given(st.data())
def test_import_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        format = data.draw(
            st.sampled_from(["csv", "domain-quality", "perennial-sources", "state-media-matrix", "wikidata"])
        )
        source = make(root, "dataset", data.draw(tables))
        extra = options(
            data.draw,
            ("--accessed", date_argument),
            ("--source-url", url_argument),
            ("--scale", st.sampled_from(["r=low,mid,high", "r=0..10", "r=10..0", "=", "r="]) | argument),
        )
        target = root / data.draw(st.sampled_from(["overlay", "dataset.data", "missing/overlay"]))
        result = run(["import", format, str(source), "-o", str(target), *extra, *registry_option(data.draw, root)])
        if result.code == 0:
            for written in Path(result.out.strip()).parent.glob("*.toml"):
                written.read_bytes().decode("utf-8")


@share(0.1)
@given(st.data())
def test_snapshot_never_ends_in_a_traceback(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        layers = []
        for n in range(data.draw(st.integers(0, 2))):
            (root / str(n)).mkdir()
            layers.append(str(overlay(root / str(n), data.draw(registries))))
        output = root / data.draw(st.sampled_from(["snap.bin", "missing/snap.bin", "."]))
        extra = ["--on-default"] if data.draw(maybe) else []
        run(["snapshot", *layers, "-o", str(output), *extra])
