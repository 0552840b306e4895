"""Benchmark start-up with every bundled layer on, beside ``python -c pass`` (run by `make bench`).

Times, each in fresh processes and keeping the best of ``--runs``:

- the baseline, ``python -c pass``;
- ``import provenance; provenance.default_registry()`` (the curated data and
  every bundled layer, from the shipped snapshot);
- ``provenance label URL`` as a whole process (``python -m provenance``).

The byte-code is compiled first (a warm-up run of each, as an installed
package has it), so compiling the sources is not timed. Prints each figure,
the figure over the baseline, and the targets (150 ms and 300 ms over the
baseline). The last line reads ``registry_over_pass_ms=X label_over_pass_ms=Y``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REGISTRY = (
    "import provenance; registry = provenance.default_registry(); "
    "assert len(registry.layers) == 4, registry.layers"  # the curated data and the three bundled layers
)
URL = "https://www.rt.com/news/1-example/"


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def best(command: list[str], runs: int) -> float:
    """The fastest of ``runs`` runs of a command in a fresh process, in seconds (after one untimed warm-up)."""
    env = _environment()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command (the best is kept)")
    args = parser.parse_args()
    python = sys.executable
    baseline = best([python, "-c", "pass"], args.runs)
    registry = best([python, "-c", REGISTRY], args.runs)
    label = best([python, "-m", "provenance", "label", URL], args.runs)
    print(f"python -c pass:                                   {baseline * 1000:7.1f} ms (baseline)")
    print(
        f"import provenance; default_registry() (all layers): {registry * 1000:7.1f} ms, "
        f"{(registry - baseline) * 1000:6.1f} ms over the baseline (target < 150 ms), ratio {registry / baseline:.1f}"
    )
    print(
        f"provenance label URL (whole process):             {label * 1000:7.1f} ms, "
        f"{(label - baseline) * 1000:6.1f} ms over the baseline (target < 300 ms), ratio {label / baseline:.1f}"
    )
    over = (registry - baseline) * 1000, (label - baseline) * 1000
    print(f"registry_over_pass_ms={over[0]:.1f} label_over_pass_ms={over[1]:.1f}")


if __name__ == "__main__":
    main()
