"""Benchmark `label_frame` against the usual recipe on a pandas data frame (run by `make bench`).

The usual recipe: tldextract on every URL for its registered domain, then a
pandas merge with a domain table built from the registry (registered domain ->
outlet id, name, state-media code). It ignores dates, host-level claims (a
subdomain of another outlet, a mirror) and bad input; `label_frame` does all of
that, with exactly `label_many`'s answers, and adds more columns.

Two workloads of 1,000,000 rows, both from bench_labels.py's builder (registry
hosts with subdomains and paths, unknown hosts from the domain-quality list
when it is present, bad URLs and dates):

- shares: rows are shares of articles, so a URL comes back (with its
  publication date) as often as it is shared: articles are drawn with a
  long-tailed popularity from a pool of 200,000;
- distinct: every row a different URL (bench_labels.py's workload itself),
  the worst case for working on distinct values.

`label_frame` is timed cold (the registry's derived caches dropped before each
run, as on a first call: the labeller's warm-up is paid) and warm (caches kept
from a run before, as in a session that labels frame after frame); the recipe
is timed with tldextract's suffix list loaded and the domain table built. The
figures and ratios are printed side by side; the last line reads
`ratio_shares=X (warm Y) ratio_distinct=Z (warm W)` (cold first).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas  # noqa: E402
from bench_labels import unknown_domains, workload  # noqa: E402

from provenance.domains import registrable_domain  # noqa: E402
from provenance.extras.frames import label_frame  # noqa: E402
from provenance.labelling import label_outlet  # noqa: E402
from provenance.model import DomainClaim, Outlet  # noqa: E402
from provenance.registry import Registry, default_registry  # noqa: E402


def shares(count: int, articles: list[tuple[str, object]], seed: int = 5) -> list[tuple[str, object]]:
    """``count`` shares of the articles, drawn with a long-tailed (Pareto) popularity."""
    rng = random.Random(seed)
    last = len(articles) - 1
    return [articles[min(last, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.5 else
            articles[rng.randrange(len(articles))] for _ in range(count)]  # fmt: skip


def domain_table(registry: Registry) -> Any:
    """The table the usual recipe merges with: registered domain -> outlet id, name, state-media code."""
    rows: dict[str, tuple[str, str, str | None]] = {}
    for claim in sorted((r for r in registry.records if isinstance(r, DomainClaim)), key=lambda c: c.host):
        domain = registrable_domain(claim.host)
        outlet = registry.lookup(claim.outlet)
        if domain is None or domain in rows or not isinstance(outlet, Outlet):
            continue
        state = label_outlet(outlet, None, registry=registry).get("state-media")
        rows[domain] = (outlet.id, outlet.name, None if state is None else state.value)
    return pandas.DataFrame(
        [(domain, *values) for domain, values in rows.items()],
        columns=["registered_domain", "outlet_id", "outlet_name", "state_media"],
    )


def as_frame(rows: list[tuple[str, object]]) -> Any:
    """The rows as a data frame read from a file would hold them: text columns (dates as ISO text), nulls."""
    dates = [value.isoformat() if isinstance(value, datetime.date) else value for _, value in rows]
    return pandas.DataFrame({"url": [url for url, _ in rows], "date": pandas.array(dates, dtype="str")})


def best_of(runs: int, function: Callable[[], int]) -> tuple[float, int]:
    """The shortest wall time of ``runs`` calls, and the last result."""
    best, result = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def run_label_frame(frame: Any, registry: Registry, cold: bool) -> Callable[[], int]:
    def run() -> int:
        if cold:
            registry.forget_derived()  # cold caches: the run pays for the labeller's warm-up, as a first call does
        return int(label_frame(frame, registry=registry)["outlet_id"].notna().sum())

    return run


def run_recipe(frame: Any, table: Any) -> Callable[[], int]:
    import tldextract

    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # bundled snapshot, offline, no disk
    extract("https://warm.up.example.com/")  # load the suffix list before timing

    def registered(url: object) -> str | None:
        parts = extract(url) if isinstance(url, str) else None
        return f"{parts.domain}.{parts.suffix}" if parts is not None and parts.domain and parts.suffix else None

    def run() -> int:
        out = frame.assign(registered_domain=[registered(url) for url in frame["url"]])
        out = out.merge(table, on="registered_domain", how="left")
        return int(out["outlet_id"].notna().sum())

    return run


def compare(
    name: str, rows: list[tuple[str, object]], registry: Registry, table: Any, runs: int
) -> tuple[float, float]:
    """Time both on one workload, print the figures side by side, return the ratios (cold, warm)."""
    frame = as_frame(rows)
    distinct_urls = frame["url"].nunique()
    distinct_pairs = len(frame.drop_duplicates())
    cold, labelled = best_of(runs, run_label_frame(frame, registry, cold=True))
    warm, _ = best_of(runs, run_label_frame(frame, registry, cold=False))
    theirs, merged = best_of(runs, run_recipe(frame, table))
    print(
        f"{name}: {len(frame):,} rows, {distinct_urls:,} distinct URLs, {distinct_pairs:,} distinct (URL, date) pairs"
    )
    print(
        f"  label_frame (cold):  {cold:6.2f} s  {len(frame) / cold:12,.0f} rows/s  "
        f"({labelled:,} rows with an outlet; dates, claims and bad rows read; registry caches empty)"
    )
    print(
        f"  label_frame (warm):  {warm:6.2f} s  {len(frame) / warm:12,.0f} rows/s  "
        "(the registry's caches kept from a run before)"
    )
    print(
        f"  tldextract + merge:  {theirs:6.2f} s  {len(frame) / theirs:12,.0f} rows/s  "
        f"({merged:,} rows with an outlet; no dates)"
    )
    print(f"  ratio: label_frame is {theirs / cold:.1f}x (cold), {theirs / warm:.1f}x (warm) the recipe's speed")
    return theirs / cold, theirs / warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in each workload (default 1,000,000)")
    parser.add_argument("--articles", type=int, default=200_000, help="articles the shares are drawn from")
    parser.add_argument("--runs", type=int, default=2, help="timed runs of each (best kept)")
    args = parser.parse_args()

    registry = default_registry()
    claimed = sorted({r.host for r in registry.records if isinstance(r, DomainClaim)})
    domains, origin = unknown_domains()
    table = domain_table(registry)
    print(f"python {sys.version.split()[0]}, pandas {pandas.__version__}; registry: {len(registry)} outlets")
    print(f"domain table: {len(table)} registered domains; unknown hosts from {origin}")
    articles = list(workload(args.articles, claimed, domains, seed=99))
    shares_cold, shares_warm = compare("shares", shares(args.rows, articles), registry, table, args.runs)
    distinct_cold, distinct_warm = compare("distinct", list(workload(args.rows, claimed, domains)), registry, table, 1)
    print(
        f"ratio_shares={shares_cold:.2f} (warm {shares_warm:.2f}) "
        f"ratio_distinct={distinct_cold:.2f} (warm {distinct_warm:.2f}); target >= 4"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
