"""Benchmark bulk labelling against a naive baseline and a floor (run by `make bench`).

Builds a deterministic workload of URLs with dates (registry hosts with
subdomains and paths, and unknown hosts from the domain-quality list when it is
present), then prints, from the same run:

- rows per second for `label_many` (full time-aware labelling, caches cold at
  the start of every timed run), for a naive baseline (tldextract on every URL,
  then a dict lookup of the registrable domain, no dates) and for a floor
  (split the host out with `str` operations and look it up in a dict);
- the ratios, and peak memory;
- the load time and memory of a registry of 100,000 synthetic outlets, from its
  TOML files and from a snapshot of them (see bench_load.py);
- `import provenance` against `python -c pass`.

The last line reads `ratio_vs_naive=X ratio_vs_floor=Y`.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gc
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import measure  # noqa: E402

from provenance.batch import label_many  # noqa: E402
from provenance.labelling import label_url  # noqa: E402
from provenance.model import DomainClaim  # noqa: E402
from provenance.registry import Registry, default_registry  # noqa: E402

DOMAIN_LIST = ROOT.parent / "shared" / "data" / "domain-quality-ratings" / "domain_pc1.csv"
SUBDOMAINS = ("news.", "de.", "en.", "fr.", "m.", "amp.", "video.", "static.", "arabic.")
SECTIONS = ("world", "politics", "business", "opinion", "news", "sport", "culture", "tech")
BAD_URLS = ("", "not a url", "javascript:void(0)", "mailto:editor@example.com", "https://", "http://[::1]/x")
BAD_DATES = ("n/a", "unknown", "2019-02-30", "someday")


def unknown_domains() -> tuple[list[str], str]:
    """The 11,520 domains of the domain-quality list when present, else as many synthetic ones."""
    if DOMAIN_LIST.is_file():
        with DOMAIN_LIST.open(encoding="utf-8", newline="") as handle:
            domains = [row["domain"].strip().lower() for row in csv.DictReader(handle) if row.get("domain")]
        return domains, f"{len(domains):,} domains from {DOMAIN_LIST.name}"
    rng = random.Random(11)
    tlds = ("com", "org", "net", "co.uk", "de", "fr", "info", "news", "com.au", "in")
    domains = [
        f"{rng.choice(('daily', 'the', 'my', 'local', 'global'))}-site-{n}.{rng.choice(tlds)}" for n in range(11_520)
    ]
    return domains, f"{len(domains):,} synthetic domains ({DOMAIN_LIST} not found)"


def workload(
    count: int, registry_hosts: list[str], domains: list[str], seed: int = 2024
) -> Iterator[tuple[str, object]]:
    """``count`` deterministic (url, date) rows, made one at a time; about 30% on registry hosts, 1.5% bad."""
    rng = random.Random(seed)
    first, span = datetime.date(2005, 1, 1).toordinal(), 21 * 365
    for number in range(count):
        pick = rng.random()
        if pick < 0.005:
            yield rng.choice(BAD_URLS), "2020-01-01"
            continue
        if pick < 0.30:
            prefix = rng.choice(("", "", "www.", "www.", rng.choice(SUBDOMAINS)))
            host = prefix + rng.choice(registry_hosts)
        else:
            host = rng.choice(("", "www.")) + rng.choice(domains)
        shape = rng.random()
        day = datetime.date.fromordinal(first + rng.randrange(span))
        path = f"/{rng.choice(SECTIONS)}/{day:%Y/%m/%d}/story-{number}.html"
        if shape < 0.85:
            url = f"https://{host}{path}"
        elif shape < 0.97:
            url = f"http://{host}{path}"
        elif shape < 0.98:
            url = f"https://{host}{path}?utm_source=feed&id={number}"
        elif shape < 0.99:
            url = f"HTTPS://{host.upper()}{path}"  # general path: upper-case scheme
        else:
            url = f"{host}{path}"  # general path: no scheme
        when = rng.random()
        if when < 0.80:
            date: object = day.isoformat()
        elif when < 0.85:
            date = f"{day:%Y-%m}"
        elif when < 0.88:
            date = str(day.year)
        elif when < 0.98:
            date = None
        elif when < 0.99:
            date = day  # a datetime.date
        else:
            date = rng.choice(BAD_DATES)
        yield url, date


def best_of(runs: int, function: Callable[[], int]) -> tuple[float, int]:
    """The shortest wall time of ``runs`` calls (garbage collector as usual), and the last result."""
    best, result = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def run_label_many(rows: list[tuple[str, object]], registry: Registry) -> Callable[[], int]:
    def run() -> int:
        registry.forget_derived()  # cold caches: every timed run pays for its own warm-up
        labelled = 0
        for result in label_many(rows, registry=registry):
            if result.outlet is not None:
                labelled += 1
        return labelled

    return run


def run_naive(rows: list[tuple[str, object]], table: dict[str, str]) -> Callable[[], int]:
    import tldextract

    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    extract("https://warm.up.example.com/")  # load the bundled suffix list before timing

    def run() -> int:
        labelled = 0
        get = table.get
        for url, _ in rows:
            parts = extract(url)
            if get(f"{parts.domain}.{parts.suffix}") is not None:
                labelled += 1
        return labelled

    return run


def run_floor(rows: list[tuple[str, object]], table: dict[str, str]) -> Callable[[], int]:
    def run() -> int:
        labelled = 0
        get = table.get
        for url, _ in rows:
            if get(url.partition("//")[2].partition("/")[0]) is not None:
                labelled += 1
        return labelled

    return run


def streaming_peak(count: int, registry_hosts: list[str], domains: list[str], registry: Registry) -> int:
    """Peak traced memory while label_many streams ``count`` rows made on the fly (caches cold)."""
    registry.forget_derived()
    gc.collect()
    tracemalloc.start()
    try:
        for _ in label_many(workload(count, registry_hosts, domains, seed=7), registry=registry):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def check_sample(rows: list[tuple[str, object]], registry: Registry, count: int) -> tuple[int, int]:
    """Compare label_many with label_url on ``count`` rows spread over the workload."""
    step = max(1, len(rows) // count)
    sample = rows[::step][:count]
    equal = 0
    for (url, date), result in zip(sample, label_many(sample, registry=registry), strict=True):
        try:
            expected = label_url(url, date, registry=registry).to_json()  # type: ignore[arg-type]
        except Exception as error:
            equal += (not result.ok) and str(result.error) == str(error)
            continue
        equal += result.ok and result.labels.to_json() == expected
    return equal, len(sample)


def startup(code: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the workload (default 1,000,000)")
    parser.add_argument("--outlets", type=int, default=100_000, help="outlets in the synthetic registry")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of label_many and the floor (best kept)")
    parser.add_argument("--naive-runs", type=int, default=2, help="timed runs of the naive baseline")
    args = parser.parse_args()

    registry = default_registry()
    claimed = sorted({r.host for r in registry.records if isinstance(r, DomainClaim)})
    table = {claim.host: claim.outlet for claim in registry.records if isinstance(claim, DomainClaim)}
    domains, origin = unknown_domains()
    started = time.perf_counter()
    rows = list(workload(args.rows, claimed, domains))
    # The workload is static input, as if streamed from a file: keep the cyclic garbage collector from
    # walking its million tuples again and again during every measurement below (all three alike).
    gc.collect()
    gc.freeze()
    print(f"python {sys.version.split()[0]}; registry: {len(registry)} outlets, {len(claimed)} claimed hosts")
    print(f"workload: {len(rows):,} rows built in {time.perf_counter() - started:.1f} s; unknown hosts from {origin}")

    many_time, labelled = best_of(args.runs, run_label_many(rows, registry))
    warm_time, _ = best_of(2, lambda: sum(1 for _ in label_many(rows, registry=registry)))
    floor_time, floor_hits = best_of(args.runs, run_floor(rows, table))
    naive_time, naive_hits = best_of(args.naive_runs, run_naive(rows, table))
    many, naive, floor = (len(rows) / seconds for seconds in (many_time, naive_time, floor_time))
    print(
        f"label_many: {many:12,.0f} rows/s  ({many_time:.2f} s; {labelled:,} rows labelled with an outlet, dates used)"
    )
    print(f"  (warm):   {len(rows) / warm_time:12,.0f} rows/s  ({warm_time:.2f} s; caches kept from the run before)")
    print(f"naive:      {naive:12,.0f} rows/s  ({naive_time:.2f} s; tldextract + dict, {naive_hits:,} hits, no dates)")
    print(f"floor:      {floor:12,.0f} rows/s  ({floor_time:.2f} s; str split + dict, {floor_hits:,} hits)")

    equal, checked = check_sample(rows, registry, 2_000)
    print(f"check: {equal:,} of {checked:,} sampled rows equal label_url (labels, or the same error)")
    peak = streaming_peak(min(200_000, args.rows), claimed, domains, registry)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"memory: label_many peak {peak / 2**20:.1f} MiB traced while streaming {min(200_000, args.rows):,} rows "
        "made on the fly; "
        f"process max RSS {rss:,.0f} MiB (the workload list included)"
    )

    toml, snapshot, records, _, _ = measure(args.outlets, 2)
    for how, (seconds, memory, _, _, _, count, _, _) in (("TOML files", toml), ("a snapshot", snapshot)):
        print(
            f"registry: {count:,} synthetic outlets ({records:,} records) load from {how} in {seconds:.2f} s "
            f"(target < 2 s), peak RSS +{memory:,.0f} MiB (target < 300 MB)"
        )
    bare = startup("pass", 7)
    imported = startup("import provenance", 7)
    print(
        f"import: `import provenance` {imported * 1000:.0f} ms vs `python -c pass` {bare * 1000:.0f} ms "
        f"(+{(imported - bare) * 1000:.0f} ms; target < 100 ms)"
    )
    print(f"ratio_vs_naive={many / naive:.2f} ratio_vs_floor={many / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
