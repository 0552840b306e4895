"""The ``provenance`` command (also ``python -m provenance``).

Bad input never ends in a traceback: the command prints one line on stderr
and exits with status 2. ``validate`` exits with status 1 when the data it
checked has problems, listing them all. Every subcommand's ``--help`` has a
description, help on every option, and examples. Inside: ``_options`` (what
the subcommands share), ``_help`` (how help reads: prose wrapped, examples
kept), ``_commands`` (lookup, report, outlet, validate, snapshot), ``_label``
(label: a short answer, ``--explain``, one line per URL, JSON), ``_batch``,
``_import`` and ``_export`` (the batch, import and export subcommands), and
``_main`` (the parser and :func:`main`).
"""

from provenance.cli._main import build_parser, main

__all__ = ["build_parser", "main"]
