"""Prove the docs run where users are: a wheel of this tree, a fresh venv, and the docs' doctests.

What it does, each step a plain command a user could type:

1. ``pip wheel --no-deps`` builds the wheel of the repository (what ``pip install .`` installs);
2. ``python -m venv`` makes a fresh virtual environment in a temporary directory, without the
   system's site-packages and so without the repository's editable install;
3. ``pip install WHEEL`` installs it there, its dependencies from the package index and nothing
   else: no extra, no test tool;
4. it copies ``README.md``, ``docs/*.md`` and ``scripts/doc_doctests.py`` into an empty directory
   outside the repository and runs the doctests there with that environment's Python and the
   standard library's ``doctest``, with no ``PYTHONPATH``: examples can only read what the wheel
   ships (``provenance.examples``). Code blocks marked ``<!-- doctest-requires: MODULE -->``
   whose modules are not installed are skipped and counted.

It checks first that ``provenance`` imports from that environment, not from the repository, and
exits 1 when any example fails. ``make test-wheel`` runs it; CI runs it after ``make test``.

Usage::

    python scripts/test_wheel.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository."""


def run(
    command: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command, print it, and stop the script with its output when it fails."""
    print("$", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], text=True, capture_output=True, cwd=cwd, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"test-wheel: {command[0]} failed with exit status {result.returncode}")
    return result


def clean_environment() -> dict[str, str]:
    """This process's environment without what would let the repository leak in."""
    return {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTHONSAFEPATH"}
    }


def install(work: Path) -> Path:
    """Build the wheel, make a fresh venv in ``work`` and install the wheel; the venv's Python."""
    dist = work / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT])
    [wheel] = dist.glob("*.whl")
    print(f"test-wheel: built {wheel.name} ({wheel.stat().st_size // 1024} KiB)")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel], env=clean_environment())
    return python


def run_docs(python: Path, work: Path) -> int:
    """Copy the docs and the runner into an empty folder and run them there; the runner's exit status."""
    here = work / "user"
    (here / "docs").mkdir(parents=True)
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    copies = []
    for document in documents:
        copy = here / document.relative_to(ROOT)
        shutil.copyfile(document, copy)
        copies.append(copy.relative_to(here))
    shutil.copyfile(ROOT / "scripts" / "doc_doctests.py", here / "doc_doctests.py")
    where = run(
        [python, "-c", "import provenance; print(provenance.__file__)"], cwd=here, env=clean_environment()
    ).stdout.strip()
    if not Path(where).is_relative_to(work / "venv"):
        raise SystemExit(f"test-wheel: provenance was imported from {where}, not from the fresh venv")
    print(f"test-wheel: provenance imports from {where}; running the docs' doctests in {here}", flush=True)
    result = subprocess.run([str(python), "doc_doctests.py", *map(str, copies)], cwd=here, env=clean_environment())
    return result.returncode


def main(argv: Sequence[str] | None = None) -> int:
    """Build, install and run; 0 when every doctest that could run passed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    arguments = parser.parse_args(argv)
    if arguments.keep is not None:
        if arguments.keep.exists() and any(arguments.keep.iterdir()):
            parser.error(f"--keep {arguments.keep}: the folder is not empty")
        arguments.keep.mkdir(parents=True, exist_ok=True)
        work = arguments.keep.resolve()
        return run_docs(install(work), work)
    with tempfile.TemporaryDirectory(prefix="provenance-wheel-") as folder:
        work = Path(folder).resolve()
        return run_docs(install(work), work)


if __name__ == "__main__":
    sys.exit(main())
