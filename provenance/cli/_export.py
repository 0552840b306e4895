"""The ``provenance export`` subcommand: the ownership and control graph in a standard format.

::

    provenance export --format bods -o ownership.json
    provenance export --format bods --outlet voice-of-russia

``bods`` writes Beneficial Ownership Data Standard 0.4 statements (a JSON
array; see :func:`provenance.bods.to_bods` and docs/data-model.md), for the
whole registry or for one outlet's control chain.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from provenance.cli._options import EXIT_OK, add_registry_option, registry_from_args, write_output

__all__ = ["add_export_command"]


def add_export_command(commands: Any) -> None:
    """Register ``provenance export`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
    """
    export = commands.add_parser(
        "export",
        help="the ownership and control graph as Beneficial Ownership Data Standard (BODS) 0.4 statements",
        description="Write the registry's ownership and control graph (or one outlet's control chain) as "
        "Beneficial Ownership Data Standard 0.4 statements: a JSON array of entity, person and relationship "
        "statements. Example: provenance export --format bods --outlet voice-of-russia -o vor.json",
    )
    export.add_argument(
        "--format", choices=("bods",), default="bods", help="the output format (default and only one: bods)"
    )
    export.add_argument(
        "--outlet",
        metavar="ID",
        help="only this outlet's control chain: the outlet, every body above it and the relations between them "
        "(default: the whole registry)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to this file instead of standard output")
    add_registry_option(export)
    export.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance export``."""
    from provenance.bods import to_bods

    statements = to_bods(registry_from_args(args), args.outlet)
    text = json.dumps(statements, indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output, out)
    return EXIT_OK
