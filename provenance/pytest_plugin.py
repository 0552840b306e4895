"""The pytest plugin of provenance: registry fixtures for downstream test suites.

Installed with the package as the ``provenance`` entry point of the
``pytest11`` group, so pytest loads it on its own (``-p no:provenance``
turns it off). It adds:

- the ``provenance_registry`` fixture (session scope): the shipped registry,
  or the shipped registry with the overlay folders named by
  ``--provenance-registry PATH`` (repeatable, later wins) or by the
  ``provenance_registry`` ini setting (one folder a line) layered on it, as
  :func:`provenance.load_registry` builds it;
- the ``make_registry`` fixture: :func:`provenance.testing.make_registry`
  itself, to build tiny registries from plain dicts inside a test;
- a line in pytest's header naming the library version, the data version and
  the overlays in use.

Paths given on the command line are relative to the directory pytest was run
from; paths in the ini setting, to the ini file's folder. Command-line folders
replace those of the ini setting. Nothing is loaded until a test asks for a
fixture. See ``docs/testing.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from provenance.registry import Registry

__all__ = [
    "make_registry",
    "provenance_registry",
    "pytest_addoption",
    "pytest_report_header",
    "registry_overlays",
]

_OPTION = "--provenance-registry"
_INI = "provenance_registry"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--provenance-registry PATH`` and the ``provenance_registry`` ini setting."""
    group = parser.getgroup("provenance", "provenance: source-provenance registry fixtures")
    group.addoption(
        _OPTION,
        action="append",
        default=None,
        metavar="PATH",
        dest="provenance_registry",
        help="a registry folder layered on the shipped data for the provenance_registry fixture "
        "(repeatable, later wins; replaces the ini setting)",
    )
    parser.addini(
        _INI,
        type="linelist",
        default=[],
        help="registry folders layered on the shipped data for the provenance_registry fixture, "
        "one a line, relative to the ini file",
    )


def registry_overlays(config: pytest.Config) -> tuple[Path, ...]:
    """The overlay folders a pytest configuration names, as absolute paths.

    Args:
        config: The pytest configuration.

    Returns:
        The folders of ``--provenance-registry`` (relative to where pytest
        was run), else those of the ``provenance_registry`` ini setting
        (relative to the ini file), in order; empty for the shipped data alone.
    """
    given: list[str] | None = config.getoption("provenance_registry")
    if given:
        base = Path(config.invocation_params.dir)
        paths = given
    else:
        paths = [str(line) for line in config.getini(_INI)]
        base = config.inipath.parent if config.inipath is not None else config.rootpath
    return tuple((base / Path(path).expanduser()).resolve() for path in paths)


def pytest_report_header(config: pytest.Config) -> str:
    """One header line: library and data versions, and the overlays in use."""
    from provenance._version import __version__
    from provenance.registry import data_version

    overlays = registry_overlays(config)
    shown = ", ".join(str(path) for path in overlays) if overlays else "none"
    return f"provenance: {__version__}, data {data_version()}, registry overlays: {shown}"


@pytest.fixture(scope="session")
def provenance_registry(pytestconfig: pytest.Config) -> Registry:
    """The registry tests should label with: the shipped data plus configured overlays.

    Loaded once per test session. A broken overlay fails each test that uses
    the fixture with the full list of problems (no traceback).
    """
    from provenance.errors import RegistryError
    from provenance.registry import load_registry

    overlays = registry_overlays(pytestconfig)
    try:
        return load_registry(*overlays)
    except RegistryError as error:
        problem = str(error)
    # Outside the except block, so the report shows the problems and no chained traceback.
    shown = ", ".join(str(path) for path in overlays)
    pytest.fail(f"provenance_registry: cannot load the overlays {shown}: {problem}", pytrace=False)


@pytest.fixture(scope="session")
def make_registry() -> Callable[..., Registry]:
    """:func:`provenance.testing.make_registry`, to build a tiny registry inside a test."""
    from provenance.testing import make_registry as make

    return make
