"""What the subcommands share: exit statuses, the one-line-error parser, and the common options.

The common options: --registry with --layers / --no-layers, --policy, and the --dayfirst / --monthfirst of the
commands that take dates.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

from provenance._outputs import replacing_text
from provenance.cli._help import HelpFormatter
from provenance.dates import parse_date
from provenance.errors import DateParseError, UnknownLayerError
from provenance.policies import POLICIES
from provenance.registry import BUNDLED_LAYERS, Registry, load_registry, shipped_layers

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Handler",
    "Parser",
    "add_date_order_options",
    "add_policy_option",
    "add_registry_option",
    "registry_from_args",
    "write_output",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, TextIO], int]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2, and whose help keeps examples as written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        """Parse, then read the date options in the order ``--dayfirst`` or ``--monthfirst`` gives (if any)."""
        namespace, extras = super().parse_known_args(*args, **kwargs)
        dayfirst = getattr(namespace, "dayfirst", None)
        for dest in getattr(namespace, "dated_options", ()) if dayfirst is not None else ():
            text = getattr(namespace, dest, None)
            if isinstance(text, str):
                try:  # the commands get the date as ISO text, which reads the same in either order
                    setattr(namespace, dest, parse_date(text, dayfirst=dayfirst).isoformat())
                except DateParseError as error:
                    self.error(str(error))
        return namespace, extras


def registry_from_args(args: argparse.Namespace) -> Registry:
    """The shipped registry with the bundled layers asked for, and the ``--registry`` overlays on it, in order."""
    return load_registry(*(getattr(args, "registry", None) or ()), layers=getattr(args, "layers", None))


def _layer_names(text: str) -> tuple[str, ...]:
    """The bundled layers a ``--layers`` value names (comma-separated)."""
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    try:
        shipped_layers(names)
    except UnknownLayerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return names


def add_registry_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--registry PATH`` (repeatable: overlay folders) and ``--layers a,b`` / ``--no-layers`` (bundled layers)."""
    parser.add_argument(
        "--registry",
        action="append",
        metavar="PATH",
        help="a registry folder layered on the default data (repeatable, later wins)",
    )
    layers = parser.add_mutually_exclusive_group()
    layers.add_argument(
        "--layers",
        type=_layer_names,
        metavar="NAMES",
        help=f"keep only these bundled third-party layers, comma-separated (of {','.join(BUNDLED_LAYERS)}; "
        "default: all)",
    )
    layers.add_argument(
        "--no-layers",
        dest="layers",
        action="store_const",
        const=(),
        help="the curated data alone, without the bundled third-party layers",
    )


def add_policy_option(parser: argparse.ArgumentParser) -> None:
    """Add the ``--policy`` option: how facts become labels."""
    parser.add_argument(
        "--policy",
        default="typology",
        choices=sorted(POLICIES),
        help="how facts become labels (default: typology)",
    )


def add_date_order_options(parser: argparse.ArgumentParser, *dests: str) -> None:
    """Add ``--dayfirst`` and ``--monthfirst``: how to read numeric dates such as ``10.11.2014``.

    Without either, a numeric date that could be read both ways is refused.
    Given one, the options named by ``dests`` (``"at"``, ``"published"``...)
    are read in that order once parsed, and reach the command as ISO text; a
    command that reads dates itself (``batch``) reads ``args.dayfirst``:
    ``True``, ``False`` or ``None``.

    Args:
        parser: A subcommand's parser (a :class:`Parser`, which reads the named options).
        dests: The destinations of the command's date options.
    """
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="read numeric dates day-first: 10.11.2014 is 10 November (default: refuse a date read both ways)",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read numeric dates month-first: 10/11/2014 is October 11",
    )
    parser.set_defaults(dated_options=dests)


def write_output(text: str, path: str | None, out: TextIO) -> None:
    """A command's result to ``out``, or to the file at ``path``, which it replaces only once written whole."""
    if path is None:
        out.write(text)
        return
    with replacing_text(path, encoding="utf-8") as handle:
        handle.write(text)
