"""What the subcommands share: exit statuses, the one-line-error parser, and the --registry and --policy options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn, TextIO

from provenance.policies import POLICIES
from provenance.registry import Registry, load_registry

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Handler",
    "Parser",
    "add_policy_option",
    "add_registry_option",
    "registry_from_args",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, TextIO], int]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def registry_from_args(args: argparse.Namespace) -> Registry:
    """The default registry with the ``--registry`` overlays layered on it, in order."""
    return load_registry(*(getattr(args, "registry", None) or ()))


def add_registry_option(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--registry PATH`` option: overlay folders layered on the shipped data."""
    parser.add_argument(
        "--registry",
        action="append",
        metavar="PATH",
        help="a registry folder layered on the default data (repeatable, later wins)",
    )


def add_policy_option(parser: argparse.ArgumentParser) -> None:
    """Add the ``--policy`` option: how facts become labels."""
    parser.add_argument(
        "--policy",
        default="typology",
        choices=sorted(POLICIES),
        help="how facts become labels (default: typology)",
    )
