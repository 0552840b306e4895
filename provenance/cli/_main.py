"""The ``provenance`` command's parser and entry point: every subcommand, and errors as one line and exit status 2."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TextIO

from provenance._version import __version__
from provenance.cli import _commands as command
from provenance.cli._batch import add_batch_command
from provenance.cli._commands import printable
from provenance.cli._export import add_export_command
from provenance.cli._help import examples
from provenance.cli._import import add_import_command
from provenance.cli._label import add_label_command
from provenance.cli._options import (
    EXIT_OK,
    EXIT_USAGE,
    Handler,
    Parser,
    add_date_order_options,
    add_policy_option,
    add_registry_option,
)
from provenance.errors import ProvenanceError, RegistryError
from provenance.registry import data_version

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command, with every subcommand."""
    parser = Parser(
        prog="provenance",
        description="Where a news article comes from and who stands behind the outlet.",
        epilog=examples(
            "provenance label https://sputnikglobe.com/x --at 2024-06-01",
            "provenance report article.html --url https://example.org/a",
            notes="'provenance COMMAND --help' describes each command, with examples.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"provenance {__version__} (data {data_version()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    lookup = commands.add_parser(
        "lookup",
        help="the outlet behind each URL",
        description="The outlet behind each URL or host at a date: the one whose claim on the host, or on a "
        "domain above it, holds then (a look-alike such as rt.com.evil.example is no RT).",
        epilog=examples(
            "provenance lookup https://de.rt.com/x rt.com.evil.example",
            "provenance lookup ruvr.ru radiosputnik.ria.ru --at 2016",
            "provenance lookup rt.com --format json",
            notes="Text gives one line per URL: the URL, a tab, then the outlet's name, id and the role of "
            "the host (primary, regional, mirror...) or 'unknown'. A URL that cannot be read is reported "
            "and the others looked up; the exit status is then 2.",
        ),
    )
    lookup.add_argument("urls", nargs="+", metavar="URL", help="a URL or host name (several are looked up in turn)")
    lookup.add_argument("--at", metavar="DATE", help="when the URL was seen (any readable date)")
    add_date_order_options(lookup, "at")
    lookup.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per URL (default); json: one JSON object per URL",
    )
    add_registry_option(lookup)
    lookup.set_defaults(handler=command.lookup)

    add_label_command(commands)

    report = commands.add_parser(
        "report",
        help="the provenance report of an article (text or HTML)",
        description="Read an article (text or HTML), find where it comes from (who published it, whom it "
        "credits as its source) and who stood behind those outlets, and write the report with every label "
        "explained and every source numbered.",
        epilog=examples(
            "provenance report article.txt",
            "provenance report page.html --url https://example.org/a --format html -o report.html",
            "curl -s https://example.org/a | provenance report - --published 2024-06-01 --format json",
        ),
    )
    report.add_argument("file", metavar="FILE", help="the article: a text or HTML file, or - for standard input")
    report.add_argument("--url", help="where the article was found")
    report.add_argument("--published", metavar="DATE", help="when it was published, if the file does not say")
    add_date_order_options(report, "published")
    add_policy_option(report)
    report.add_argument(
        "--format",
        default="markdown",
        choices=("markdown", "json", "html", "prov-json", "jsonld"),
        help="markdown (default), json, html (a page with the ownership drawn), prov-json (W3C PROV) "
        "or jsonld (schema.org)",
    )
    report.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    add_registry_option(report)
    report.set_defaults(handler=command.report)

    outlet = commands.add_parser(
        "outlet",
        help="an outlet's record, control chain and labels",
        description="An outlet (or organisation) found by id, name or URL: its record, domains, predecessors "
        "and successors, who controlled it, and its labels explained with their sources.",
        epilog=examples(
            'provenance outlet "Voice of Russia"',
            "provenance outlet rt --at 2022-03-05",
            "provenance outlet rossiya-segodnya",
            "provenance outlet sputnikglobe.com --format json",
        ),
    )
    outlet.add_argument(
        "query", metavar="ID|NAME|URL", help="an id, a name or alias (or part of one), or a URL or host"
    )
    outlet.add_argument("--at", metavar="DATE", help="when (any readable date); default: its whole lifetime")
    add_date_order_options(outlet, "at")
    add_policy_option(outlet)
    outlet.add_argument("--format", choices=("text", "json"), default="text", help="text for people (default) or json")
    add_registry_option(outlet)
    outlet.set_defaults(handler=command.outlet)

    add_batch_command(commands)

    add_import_command(commands)
    add_export_command(commands)

    validate = commands.add_parser(
        "validate",
        help="check a registry folder and list every problem",
        description="Load a registry folder, check every record and the whole set (references, duplicate "
        "ids, overlapping host claims, control cycles) and every source against the source policy; list "
        "every problem. Exit status 1 when there are problems.",
        epilog=examples(
            "provenance validate --report",
            "provenance validate path/to/registry-folder --no-source-policy",
            "provenance validate overlays/rsp --on-default",
        ),
    )
    validate.add_argument("path", nargs="?", help="registry folder (default: the shipped data)")
    validate.add_argument(
        "--report",
        action="store_true",
        help="print per file and in total: records by source kind, records on a single source, every violation",
    )
    validate.add_argument(
        "--source-policy", metavar="FILE", help="check sources against this policy file (default: the shipped one)"
    )
    validate.add_argument("--no-source-policy", action="store_true", help="check only the records, not their sources")
    validate.add_argument(
        "--on-default",
        action="store_true",
        help="check PATH layered on the shipped data, as --registry PATH loads it (ids, clashes, sources)",
    )
    validate.set_defaults(handler=command.validate)

    snapshot = commands.add_parser(
        "snapshot",
        help="write a checked snapshot of registry folders, for Registry.from_snapshot",
        description="Check registry folders once and write their records to one file, which "
        "Registry.from_snapshot reloads fast (refused if the folders' files have changed since).",
        epilog=examples(
            "provenance snapshot path/to/registry-folder -o registry.snapshot",
            "provenance snapshot overlays/rsp --on-default -o layered.snapshot",
            "provenance snapshot -o shipped.snapshot",
        ),
    )
    snapshot.add_argument(
        "folders", nargs="*", metavar="FOLDER", help="registry folders, later ones layered on earlier ones"
    )
    snapshot.add_argument("-o", "--output", required=True, metavar="FILE", help="the snapshot file to write")
    snapshot.add_argument(
        "--on-default",
        action="store_true",
        help="layer the folders on the shipped data, as --registry does (with no folder: the shipped data alone)",
    )
    snapshot.set_defaults(handler=command.snapshot)
    return parser


def _check_folders(args: argparse.Namespace) -> None:
    """Refuse a ``--registry`` (or ``snapshot``) path that is not a folder before anything reads it.

    Raises:
        ProvenanceError: Naming the first such path (a file, a missing path, a symlink loop...).
    """
    for folder in [*(getattr(args, "registry", None) or ()), *(getattr(args, "folders", None) or ())]:
        if not os.path.isdir(folder):
            raise ProvenanceError(f"{printable(folder)}: not a folder (a registry is a folder of .toml files)")


class _Terminated(Exception):
    """SIGTERM arrived: unwind like Ctrl-C, so a file being written is left as it was and its temporary removed."""


def _terminate(_signum: int, _frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """While a command runs in the main thread, SIGTERM raises :class:`_Terminated`; then the old handler is back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).
        out: Where results go (default: standard output).

    Returns:
        The exit status: 0 success, 1 problems found, 2 bad input.
    """
    stream = out if out is not None else sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(stream)
        return EXIT_USAGE
    try:
        with _sigterm_unwinds():
            _check_folders(args)
            return handler(args, stream)
    except RegistryError as error:
        print(
            f"provenance: error: {error.problems[0]} ({len(error.problems)} problems in all; "
            "run 'provenance validate PATH')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except ProvenanceError as error:
        print(f"provenance: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`provenance ... | head`): not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(
            f"provenance: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except _Terminated:
        print("provenance: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        # Ctrl-C: one line, the conventional status; any output being written was left as it was.
        print("provenance: interrupted", file=sys.stderr)
        return 130
