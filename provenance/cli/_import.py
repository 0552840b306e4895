"""The ``provenance import FORMAT FILE -o OVERLAY_DIR`` subcommand.

Reads FILE with the importer of FORMAT, against the default registry with
any ``--registry`` overlays layered on it, writes ``OVERLAY_DIR/FORMAT.toml``
and prints a summary (rows read, imported, skipped, the first skips) on
standard error and the path written on standard output. Bad input raises an
:class:`~provenance.errors.ProvenanceError`, which the CLI turns into one line
on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from provenance.cli._help import examples
from provenance.cli._options import add_registry_option, registry_from_args
from provenance.dates import PartialDate, parse_date
from provenance.errors import RecordError
from provenance.ratings import AXES

__all__ = ["add_import_command"]

_SHOWN_SKIPS = 5
FORMAT_NAMES = ("state-media-matrix", "perennial-sources", "domain-quality", "wikidata", "csv")
"""The names of :data:`provenance.importers.FORMATS`, so that building the parser imports no importer."""


def add_import_command(commands: Any) -> None:
    """Register ``provenance import`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
    """
    parser = commands.add_parser(
        "import",
        help="import a third-party data set as an overlay registry folder",
        description="Import a data set into OVERLAY_DIR/FORMAT.toml, a registry folder that --registry "
        "layers on the shipped data (see docs/importers.md). A summary of rows read, imported and skipped "
        "goes to standard error, the path written to standard output.",
        epilog=examples(
            "provenance import perennial-sources sources.jsonl -o overlays/rsp",
            "provenance import csv ratings.csv -o overlays/mine --accessed 2024-05-01 "
            "--source-url https://example.org/ratings --scale mine=low,mixed,high",
            "provenance label https://www.breitbart.com/x --registry overlays/rsp",
        ),
    )
    parser.add_argument(
        "format",
        choices=sorted(FORMAT_NAMES),
        metavar="FORMAT",
        help="the data set's format: " + ", ".join(FORMAT_NAMES),
    )
    parser.add_argument("file", metavar="FILE", help="the data set file")
    parser.add_argument("-o", "--output", required=True, metavar="OVERLAY_DIR", help="folder to write the overlay into")
    parser.add_argument(
        "--accessed",
        metavar="DATE",
        help="when the data set was obtained (default: the data set's documented date; required for csv)",
    )
    parser.add_argument("--source-url", metavar="URL", help="csv: where the data set comes from")
    parser.add_argument("--source-title", metavar="TITLE", help="csv: its title (default: FILE's name)")
    parser.add_argument(
        "--scale",
        action="append",
        metavar="RATER=SPEC",
        help="csv: a rater's scale, categories low to high (RATER=low,mid,high) or a range "
        "(RATER=0..10; RATER=10..0 when higher is worse); repeatable",
    )
    parser.add_argument(
        "--axis",
        choices=sorted(AXES),
        default="reliability",
        help="csv: the axis of the ratings (default reliability)",
    )
    add_registry_option(parser)
    parser.set_defaults(handler=_run)


def _date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    return parse_date(text)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from provenance.importers import FORMATS, ImportFileError, write_overlay
    from provenance.importers.generic_csv import parse_scale
    from provenance.model import Source

    accessed = _date(args.accessed)
    kwargs: dict[str, Any] = {}
    if args.format == "csv":
        if not args.source_url or accessed is None:
            raise ImportFileError(
                args.file, "csv needs --source-url and --accessed (where and when the data came from)"
            )
        try:
            kwargs["cite"] = Source(args.source_url, args.source_title or Path(args.file).name, accessed=accessed)
        except RecordError as error:
            raise ImportFileError(args.file, f"--source-url: {error}") from None
        kwargs["axis"] = args.axis
        kwargs["scales"] = dict(parse_scale(spec, args.axis) for spec in args.scale or ())
    else:
        if args.scale or args.source_url or args.source_title:
            raise ImportFileError(args.file, "--scale, --source-url and --source-title are for csv")
        if accessed is not None:
            kwargs["accessed"] = accessed
    base = registry_from_args(args)
    result = FORMATS[args.format](args.file, base, **kwargs)
    report = result.report
    path = write_overlay(
        result.records,
        args.output,
        name=args.format,
        header=[
            f"Overlay: {args.format} import of {Path(args.file).name}.",
            f"{report.rows_read} rows read, {report.rows_imported} imported, {report.rows_skipped} skipped.",
        ],
    )
    print(f"provenance import: {report.summary()}", file=sys.stderr)
    for skip in report.skipped[:_SHOWN_SKIPS]:
        print(f"  skipped {skip.describe()}", file=sys.stderr)
    if report.rows_skipped > _SHOWN_SKIPS:
        print(f"  ... and {report.rows_skipped - _SHOWN_SKIPS} more skipped rows", file=sys.stderr)
    print(f"provenance import: wrote {len(result.records)} records to {path}", file=sys.stderr)
    out.write(f"{path}\n")
    return 0
