"""The ``provenance export`` subcommand: the ownership graph in a standard format, or a flat table of hosts.

::

    provenance export --format bods -o ownership.json
    provenance export --format bods --outlet voice-of-russia
    provenance export --format csv --at 2024-06-01 -o hosts.csv

``bods`` writes Beneficial Ownership Data Standard 0.4 statements (a JSON
array; see :func:`provenance.bods.to_bods` and docs/data-model.md), for the
whole registry or for one outlet's control chain. ``csv`` and ``jsonl`` write
one row per claimed host and per rated host (see :func:`provenance.flat.flat_rows`).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import Any, TextIO

from provenance.cli._help import examples
from provenance.cli._options import EXIT_OK, add_registry_option, registry_from_args, write_output
from provenance.dates import parse_date
from provenance.errors import ProvenanceError
from provenance.flat import FLAT_COLUMNS, flat_rows

__all__ = ["add_export_command"]


def add_export_command(commands: Any) -> None:
    """Register ``provenance export`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
    """
    export = commands.add_parser(
        "export",
        help="the ownership graph as BODS 0.4 statements, or a flat table of hosts (CSV, JSON Lines)",
        description="Write the registry's ownership and control graph (or one outlet's control chain) as "
        "Beneficial Ownership Data Standard 0.4 statements, or a flat table for merging with tables of links: "
        "one row per claimed host and per rated host, with the outlet, its country, state-media code and "
        "certainty, sanctions, ratings with their raters, and the data version.",
        epilog=examples(
            "provenance export --format bods --outlet voice-of-russia -o vor.json",
            "provenance export --format csv --at 2024-06-01 -o hosts.csv",
            "provenance export --format jsonl --outlet rt",
            notes="CSV and JSON Lines columns: " + ", ".join(FLAT_COLUMNS) + ". sanctioned joins the "
            "authorities with ';', ratings joins rater=value pairs with ';'.",
        ),
    )
    export.add_argument(
        "--format",
        choices=("bods", "csv", "jsonl"),
        default="bods",
        help="bods: BODS 0.4 statements (default); csv or jsonl: one row per claimed or rated host",
    )
    export.add_argument(
        "--outlet",
        metavar="ID",
        help="only this outlet: its control chain (bods: the outlet, every body above it and the relations "
        "between them) or its hosts (csv, jsonl); default: the whole registry",
    )
    export.add_argument(
        "--at",
        metavar="DATE",
        help="csv and jsonl: only the claims that may hold at this date, labelled at it (default: every claim)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to this file instead of standard output")
    add_registry_option(export)
    export.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance export``."""
    registry = registry_from_args(args)
    if args.format == "bods":
        from provenance.bods import to_bods

        if args.at is not None:
            raise ProvenanceError("--at is for --format csv and jsonl (BODS statements carry their own dates)")
        text = json.dumps(to_bods(registry, args.outlet), indent=2, ensure_ascii=False) + "\n"
    else:
        if args.outlet is not None:
            registry.lookup(args.outlet)  # an unknown id is an error, not an empty table
        at = None if args.at is None else parse_date(args.at)
        rows = [row for row in flat_rows(registry, at) if args.outlet in (None, row["outlet_id"])]
        text = (
            _csv(rows) if args.format == "csv" else "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        )
    write_output(text, args.output, out)
    return EXIT_OK


def _csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
