"""The ``provenance batch`` subcommand: label a CSV or JSON Lines file of URLs, streaming.

::

    provenance batch shares.csv -o labelled.csv --url-column url --date-column shared_at

Output rows keep the input's columns and add ``outlet_id``, ``outlet_name``,
``labels`` (and ``labels_json`` in CSV) and ``error``; see
:func:`provenance.batch.label_file`. A progress line is shown on standard
error when it is a terminal; a summary (rows, labelled, unknown hosts, bad
rows, with the first bad rows' line numbers) is printed there at the end.

The exit status is 0 when the run went through, 1 when it went through but
no row could be read (every row bad) or, with ``--strict``, any row was bad
(the output is written in full either way), and 2 when the input could not
be labelled at all (nothing written: an old output is left as it was).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from provenance.cli._help import examples
from provenance.cli._options import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_date_order_options,
    add_policy_option,
    add_registry_option,
    registry_from_args,
)

__all__ = ["add_batch_command"]


def add_batch_command(commands: Any) -> None:
    """Register ``provenance batch`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
    """
    batch = commands.add_parser(
        "batch",
        help="label every URL of a CSV or JSON Lines file (streaming)",
        description="Label every row of a CSV or JSON Lines file, streaming, into a new file that keeps "
        "the input's columns and adds outlet_id, outlet_name, labels (and labels_json in CSV, unless --compact) "
        "and error.",
        epilog=examples(
            "provenance batch shares.csv -o labelled.csv --url-column url --date-column shared_at",
            "provenance batch links.jsonl -o - --no-date --compact | head",
            "provenance batch shares.tsv -o labelled.tsv --dayfirst --bad-dates unknown --strict",
            notes="A summary (rows, labelled, unknown hosts, bad rows) goes to standard error. Exit status: 0 "
            "when the run went through, 1 when no row could be read (or, with --strict, any row was bad), "
            "2 when the input could not be labelled at all (an old output is then left as it was).",
        ),
    )
    batch.add_argument("input", metavar="IN", help="the input file (.csv, .tsv, .jsonl, .ndjson), or - for stdin")
    batch.add_argument("-o", "--output", metavar="OUT", required=True, help="the output file, or - for stdout")
    batch.add_argument("--url-column", default="url", metavar="NAME", help="the column (key) of URLs (default: url)")
    dates = batch.add_mutually_exclusive_group()
    dates.add_argument(
        "--date-column",
        default="date",
        metavar="NAME",
        help="the column (key) of dates; an empty cell means unknown (default: date)",
    )
    dates.add_argument("--no-date", action="store_true", help="label without dates (over each outlet's lifetime)")
    add_date_order_options(batch)
    batch.add_argument(
        "--bad-dates",
        choices=("error", "unknown"),
        default="error",
        help="a row whose date cannot be read: a bad row (error, the default), or labelled as undated "
        "and counted (unknown)",
    )
    add_policy_option(batch)
    batch.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        help="the format of input and output (default: from the input's extension)",
    )
    batch.add_argument(
        "--max-errors",
        type=int,
        default=20,
        metavar="N",
        help="list at most N bad rows on standard error (all are counted; default: 20)",
    )
    batch.add_argument(
        "--compact",
        action="store_true",
        help="write the labels only as compact kind=value text, without the JSON with explanations and sources "
        "(CSV: no labels_json column): smaller files, written faster",
    )
    batch.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 if any row is bad (default: only if no row could be read)",
    )
    add_registry_option(batch)
    batch.set_defaults(handler=_cmd_batch)


def _cmd_batch(args: argparse.Namespace, _out: TextIO) -> int:
    """``provenance batch``: results go to the output file, the summary to standard error."""
    from provenance.batch import label_file

    registry = registry_from_args(args)
    errors = sys.stderr
    summary = label_file(
        args.input,
        args.output,
        url_column=args.url_column,
        date_column=None if args.no_date else args.date_column,
        policy=args.policy,
        registry=registry,
        format=args.format,
        progress=errors if errors.isatty() else None,
        max_problems=max(args.max_errors, 0),
        compact=args.compact,
        dayfirst=args.dayfirst,
        bad_dates=args.bad_dates,
    )
    for problem in summary.problems:
        errors.write(f"provenance batch: {problem}\n")
    if summary.bad + summary.undated > len(summary.problems):
        more = summary.bad + summary.undated - len(summary.problems)
        errors.write(f"provenance batch: ... and {more:,} more {'problems' if summary.undated else 'bad rows'}\n")
    errors.write(f"provenance batch: {summary.describe()}\n")
    if summary.bad and summary.bad == summary.rows:
        errors.write("provenance batch: error: no row could be read\n")
        return EXIT_PROBLEMS
    if summary.bad and args.strict:
        errors.write(f"provenance batch: error: {summary.bad:,} bad row{'s' if summary.bad != 1 else ''} (--strict)\n")
        return EXIT_PROBLEMS
    return EXIT_OK
