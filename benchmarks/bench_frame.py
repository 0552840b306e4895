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

Caches are cold at the start of every timed run of `label_frame` (the
registry's derived caches are dropped). Both figures and the ratio are printed
side by side; the last line reads `ratio_shares=X ratio_distinct=Y`.
"""

from __future__ import annotations

import argparse
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


def best_of(runs: int, function: Callable[[], int]) -> tuple[float, int]:
    """The shortest wall time of ``runs`` calls, and the last result."""
    best, result = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def run_label_frame(frame: Any, registry: Registry) -> Callable[[], int]:
    def run() -> int:
        registry.forget_derived()  # cold caches: every timed run pays for its own warm-up
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


def compare(name: str, rows: list[tuple[str, object]], registry: Registry, table: Any, runs: int) -> float:
    """Time both on one workload, print the figures side by side, return the ratio."""
    frame = pandas.DataFrame(rows, columns=["url", "date"])
    distinct_urls = frame["url"].nunique()
    distinct_pairs = len(frame.drop_duplicates())
    ours, labelled = best_of(runs, run_label_frame(frame, registry))
    theirs, merged = best_of(runs, run_recipe(frame, table))
    print(
        f"{name}: {len(frame):,} rows, {distinct_urls:,} distinct URLs, {distinct_pairs:,} distinct (URL, date) pairs"
    )
    print(
        f"  label_frame:         {ours:6.2f} s  {len(frame) / ours:12,.0f} rows/s  "
        f"({labelled:,} rows with an outlet; dates, claims and bad rows read)"
    )
    print(
        f"  tldextract + merge:  {theirs:6.2f} s  {len(frame) / theirs:12,.0f} rows/s  "
        f"({merged:,} rows with an outlet; no dates)"
    )
    print(f"  ratio: label_frame is {theirs / ours:.1f}x the recipe's speed (target >= 4x)")
    return theirs / ours


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
    ratio_shares = compare("shares", shares(args.rows, articles), registry, table, args.runs)
    ratio_distinct = compare("distinct", list(workload(args.rows, claimed, domains)), registry, table, args.runs)
    print(f"ratio_shares={ratio_shares:.2f} ratio_distinct={ratio_distinct:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
