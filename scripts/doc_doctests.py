"""Run the doctests of Markdown documents with the standard library alone, as a user would.

``make test-wheel`` (``scripts/test_wheel.py``) installs the built wheel into a fresh virtual
environment and runs this script with that environment's Python, from a temporary directory
outside the repository: so every example runs against the installed package and reads only
what the package ships (``provenance.examples``), never a file of the repository.

An example that needs an optional extra is marked in its document by an HTML comment, which
Markdown renders as nothing, just before its code block::

    <!-- doctest-requires: pandas -->
    ```python
    (examples that use pandas)
    ```

The marker covers the examples up to the end of the next fenced code block. When one of the
named modules cannot be imported, those examples are skipped and counted as skipped; when all
can, they run. pytest runs every example in the repository (where the extras are installed) and
reads the comment as plain text.

An example calling ``pytest.importorskip("MODULE", ...)`` (the tests' way) marks itself and the
rest of its code block the same way. When pytest itself is not installed (a user's environment),
``import pytest`` in an example gets a stand-in whose ``importorskip`` imports the module, which
the marking has made sure is importable by then.

Usage::

    python scripts/doc_doctests.py README.md docs/*.md      # exit 1 when an example fails
    python scripts/doc_doctests.py --without pandas docs/scale.md   # as where pandas is missing

It prints one line per document and a closing line ``doctests: N passed, N failed, N skipped``.
"""

from __future__ import annotations

import argparse
import doctest
import importlib.util
import re
import sys
import types
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MARKER = re.compile(r"<!--\s*doctest-requires:\s*(?P<modules>[\w.,\s]+?)\s*-->")
"""The comment naming the modules the next code block needs."""
IMPORTORSKIP = re.compile(r"^\s*(>>>|\.\.\.).*\bpytest\.importorskip\(\s*[\"'](?P<modules>[\w.]+)[\"']")
"""An example line calling ``pytest.importorskip("MODULE")``."""
FENCE = re.compile(r"^\s*(```|~~~)")
"""A line that opens or closes a fenced code block."""
OPTIONFLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
"""The flags pytest uses for this project's doctests (pyproject.toml's ``doctest_optionflags``)."""


@dataclass
class Tally:
    """What running one or more documents gave."""

    passed: int = 0
    failed: int = 0
    skipped: int = 0
    missing: set[str] = field(default_factory=set)

    def add(self, other: Tally) -> None:
        """Add another document's counts to this one."""
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped
        self.missing |= other.missing


def required_ranges(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The 0-based line ranges ``[start, end)`` each marker covers, with the modules it names.

    Args:
        text: A Markdown document.

    Returns:
        One ``(first line, line after the closing fence, modules)`` per marker.

    >>> required_ranges("a\\n<!-- doctest-requires: pandas, polars -->\\n```\\n>>> 1\\n1\\n```\\n>>> 2\\n2\\n")
    [(1, 6, ('pandas', 'polars'))]
    >>> required_ranges("```\\n>>> 1\\n1\\n>>> pd = pytest.importorskip('pandas')\\n>>> 2\\n2\\n```\\n>>> 3\\n3\\n")
    [(3, 7, ('pandas',))]
    """
    lines = text.splitlines()
    ranges = []
    for number, line in enumerate(lines):
        marker, skip = MARKER.search(line), IMPORTORSKIP.match(line)
        found = marker or skip
        if found is None:
            continue
        modules = tuple(name.strip() for name in found["modules"].split(",") if name.strip())
        fences = [index for index in range(number + 1, len(lines)) if FENCE.match(lines[index])]
        closing = fences[1] if marker is not None and len(fences) >= 2 else fences[0] if skip and fences else None
        ranges.append((number, len(lines) if closing is None else closing + 1, modules))
    return ranges


WITHOUT: set[str] = set()
"""Modules to treat as not installed (``--without``), as in an environment that lacks them."""


def importable(module: str) -> bool:
    """Whether ``module`` can be imported here (without importing it)."""
    if module.split(".")[0] in WITHOUT:
        return False
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def pytest_stand_in() -> None:
    """Put a stand-in ``pytest`` (only ``importorskip``) in ``sys.modules`` when pytest is not installed."""
    if importable("pytest"):
        return
    stand_in = types.ModuleType("pytest", "A stand-in for pytest in doctests run without it.")

    def importorskip(modname: str, *_args: object, **_options: object) -> types.ModuleType:
        return importlib.import_module(modname)

    stand_in.importorskip = importorskip  # type: ignore[attr-defined]
    sys.modules["pytest"] = stand_in


def run_document(path: Path, *, verbose: bool = False) -> Tally:
    """Run one document's examples, skipping those whose extras are missing.

    The examples share one namespace, in order, as under pytest's ``--doctest-glob``.

    Args:
        path: The Markdown document.
        verbose: Print every failure in full (it is always printed; this adds passing examples).

    Returns:
        Its counts.
    """
    text = path.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {"__name__": path.stem}, path.name, str(path), 0)
    tally = Tally()
    kept = []
    for example in test.examples:
        needs = [
            module
            for start, end, modules in required_ranges(text)
            if start <= example.lineno < end
            for module in modules
            if not importable(module)
        ]
        if needs:
            tally.skipped += 1
            tally.missing.update(needs)
        else:
            kept.append(example)
    test.examples = kept
    runner = doctest.DocTestRunner(optionflags=OPTIONFLAGS, verbose=verbose)
    result = runner.run(test)
    test.globs.clear()
    tally.failed = result.failed
    tally.passed = result.attempted - result.failed
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    """Run the documents named on the command line; 0 when no example failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="+", type=Path, help="Markdown files whose examples to run")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every example as it runs")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="MODULE",
        help="treat MODULE as not installed: skip the blocks that need it (repeatable)",
    )
    arguments = parser.parse_args(argv)
    WITHOUT.update(arguments.without)
    pytest_stand_in()
    total = Tally()
    for path in arguments.documents:
        tally = run_document(path, verbose=arguments.verbose)
        skipped = f", {tally.skipped} skipped (needs {', '.join(sorted(tally.missing))})" if tally.skipped else ""
        print(f"{path.name}: {tally.passed} passed, {tally.failed} failed{skipped}")
        total.add(tally)
    print(f"doctests: {total.passed} passed, {total.failed} failed, {total.skipped} skipped")
    return 1 if total.failed else 0


if __name__ == "__main__":
    sys.exit(main())
