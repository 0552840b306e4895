"""The ``provenance batch`` subcommand (placeholder until bulk labelling lands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_batch_command(commands: Any, add_registry_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``provenance batch`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
        add_registry_option: Adds the shared ``--registry`` option to a parser.
    """
