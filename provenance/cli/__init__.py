"""The ``provenance`` command (also ``python -m provenance``).

Bad input never ends in a traceback: the command prints one line on stderr
and exits with status 2. ``validate`` exits with status 1 when the data it
checked has problems, listing them all. Inside: ``_options`` (what the
subcommands share), ``_commands`` (lookup, label, report, outlet, validate,
snapshot), ``_batch``, ``_import`` and ``_export`` (the batch, import and
export subcommands), and
``_main`` (the parser and :func:`main`).
"""

from provenance.cli._main import build_parser, main

__all__ = ["build_parser", "main"]
