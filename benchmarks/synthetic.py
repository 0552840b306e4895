"""A deterministic synthetic registry of many outlets, for load-time benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = ("DE", "FR", "GB", "US", "RU", "CN", "JP", "BR", "IN", "ES", "IT", "PL", "TR", "MX", "KR", "AU")
TLDS = ("com", "net", "org", "info", "news", "co.uk", "de", "fr", "ru", "com.br", "co.jp", "in", "es", "it")
KINDS = ("newspaper", "website", "magazine", "radio", "tv-channel", "news-agency", "broadcaster")


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_synthetic_registry(folder: Path, outlets: int = 100_000, per_file: int = 1_000, seed: int = 7) -> int:
    """Write ``outlets`` outlets (with domains, owners, relations, assessments) as TOML files; return records."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    records = 0
    files = (outlets + per_file - 1) // per_file
    for number in range(files):
        country = COUNTRIES[number % len(COUNTRIES)]
        cc = country.lower()
        lines = [
            f"# Synthetic file {number}: generated outlets for load benchmarks.",
            "# Last reviewed: 2026-11-28.",
            "",
            "[sources.synthetic]",
            f'url = "https://example.org/synthetic/{number}"',
            f'title = "Synthetic registry part {number}"',
            'publisher = "provenance benchmarks"',
            'accessed = "2026-11-28"',
            "",
        ]
        if number < len(COUNTRIES):  # the state of each country, once
            lines += [
                "[[organizations]]",
                f'id = "state-{cc}"',
                f'name = "State of {country}"',
                'kind = "state"',
                f'country = "{country}"',
                'sources = ["synthetic"]',
                "",
            ]
            records += 1
        first = number * per_file
        last = min(outlets, first + per_file)
        owners = range(first // 10, (last + 9) // 10)
        for owner in owners:
            lines += [
                "[[organizations]]",
                f'id = "owner-{owner}"',
                f'name = "Owner Group {owner}"',
                'kind = "company"',
                f'country = "{country}"',
                'sources = ["synthetic"]',
                "",
            ]
            records += 1
            if rng.random() < 0.1:
                lines += [
                    "[[relations]]",
                    f'subject = "state-{cc}"',
                    'kind = "owns"',
                    f'object = "owner-{owner}"',
                    f"share = {rng.choice(('1.0', '0.51', '0.25'))}",
                    f'start = "{rng.randint(1990, 2015)}"',
                    'sources = ["synthetic"]',
                    "",
                ]
                records += 1
        for index in range(first, last):
            start_year = rng.randint(1950, 2020)
            ended = rng.random() < 0.1
            lines += [
                "[[outlets]]",
                f'id = "outlet-{index}"',
                f'name = "Synthetic News {index}"',
                f'kind = "{rng.choice(KINDS)}"',
                f'country = "{country}"',
                f'start = "{start_year}-{rng.randint(1, 12):02d}"',
            ]
            if ended:
                lines.append(
                    f'end = "{rng.randint(start_year + 1, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"'
                )
            lines += ['sources = ["synthetic"]', ""]
            lines += [
                "[[domains]]",
                f'host = "synthetic-news-{index}.{rng.choice(TLDS)}"',
                f'outlet = "outlet-{index}"',
                'role = "primary"',
                'sources = ["synthetic"]',
                "",
            ]
            records += 2
            if rng.random() < 0.2:
                lines += [
                    "[[domains]]",
                    f'host = "{rng.choice(("en", "de", "fr", "es"))}.synthetic-edition-{index}.com"',
                    f'outlet = "outlet-{index}"',
                    'role = "edition"',
                    f'start = "{rng.randint(2000, 2022)}"',
                    'sources = ["synthetic"]',
                    "",
                ]
                records += 1
            lines += [
                "[[relations]]",
                f'subject = "owner-{index // 10}"',
                'kind = "owns"',
                f'object = "outlet-{index}"',
                'sources = ["synthetic"]',
                "",
            ]
            records += 1
            if rng.random() < 0.05:
                lines += [
                    "[[relations]]",
                    f'subject = "state-{cc}"',
                    'kind = "funds"',
                    f'object = "outlet-{index}"',
                    f'start = "{rng.randint(start_year, 2024)}"',
                    'sources = ["synthetic"]',
                    "",
                ]
                records += 1
            if rng.random() < 0.02:
                lines += [
                    "[[assessments]]",
                    f'subject = "outlet-{index}"',
                    'assessor = "state-media-monitor"',
                    'kind = "typology"',
                    f'value = "{rng.choice(("SC", "CaPu", "ISF", "IP"))}"',
                    'sources = ["synthetic"]',
                    "",
                ]
                records += 1
        (folder / f"part-{number:04d}.toml").write_text("\n".join(lines), encoding="utf-8")
    return records
