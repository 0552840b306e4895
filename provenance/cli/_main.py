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
from provenance.cli._import import add_import_command
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
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"provenance {__version__} (data {data_version()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    lookup = commands.add_parser("lookup", help="the outlet behind each URL")
    lookup.add_argument("urls", nargs="+", metavar="URL")
    lookup.add_argument("--at", metavar="DATE", help="when the URL was seen (any readable date)")
    add_date_order_options(lookup, "at")
    lookup.add_argument("--format", choices=("text", "json"), default="text")
    add_registry_option(lookup)
    lookup.set_defaults(handler=command.lookup)

    label = commands.add_parser("label", help="labels of the outlet behind a URL, explained")
    label.add_argument("url", metavar="URL")
    label.add_argument("--at", metavar="DATE", help="when it was published or shared (any readable date)")
    add_date_order_options(label, "at")
    add_policy_option(label)
    label.add_argument("--format", choices=("text", "json"), default="text")
    add_registry_option(label)
    label.set_defaults(handler=command.label)

    report = commands.add_parser("report", help="the provenance report of an article (text or HTML)")
    report.add_argument("file", metavar="FILE", help="the article: a text or HTML file, or - for standard input")
    report.add_argument("--url", help="where the article was found")
    report.add_argument("--published", metavar="DATE", help="when it was published, if the file does not say")
    add_date_order_options(report, "published")
    add_policy_option(report)
    report.add_argument("--format", default="markdown", choices=("markdown", "json", "html", "prov-json", "jsonld"))
    report.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    add_registry_option(report)
    report.set_defaults(handler=command.report)

    outlet = commands.add_parser("outlet", help="an outlet's record, control chain and labels")
    outlet.add_argument("query", metavar="ID|NAME|URL")
    outlet.add_argument("--at", metavar="DATE", help="when (any readable date); default: its whole lifetime")
    add_date_order_options(outlet, "at")
    add_policy_option(outlet)
    outlet.add_argument("--format", choices=("text", "json"), default="text")
    add_registry_option(outlet)
    outlet.set_defaults(handler=command.outlet)

    add_batch_command(commands)

    add_import_command(commands)
    add_export_command(commands)

    validate = commands.add_parser("validate", help="check a registry folder and list every problem")
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
        "snapshot", help="write a checked snapshot of registry folders, for Registry.from_snapshot"
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
