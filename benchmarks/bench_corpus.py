"""Score the article parser and its peers on the real-page corpus, per field, side by side (`make corpus`).

The pages are read from ``../shared/corpus/articles/`` (they never enter the
repository) and scored against ``tests/fixtures/corpus_truth.json`` with the
rules of ``tests/corpus_scoring.py``: title, authors and publication date.
The peers are optional (``pip install '.[corpus]'``) and skipped when absent:

- trafilatura: ``extract_metadata`` and ``bare_extraction(with_metadata=True)``;
- newspaper4k: ``Article(url).download(input_html=...)`` then ``parse()``.

Nothing is fetched: every extractor gets the saved HTML, and the process
refuses network connections. The last line reads
``corpus: provenance >= best peer on every field: yes|no``.
"""

from __future__ import annotations

import argparse
import importlib.util
import socket
import sys
import time
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.articles import parse_article  # noqa: E402
from tests.corpus_scoring import (  # noqa: E402
    FIELDS,
    SKIP_REASON,
    Extractor,
    FieldScore,
    corpus_present,
    load_truth,
    origin_counts,
    score,
)

_PLACEHOLDER_URL = "https://example.invalid/article"


def _offline() -> None:
    """Refuse every network connection in this process: a peer that tries one (newspaper4k's suffix list) fails fast."""

    def refuse(*_args: object, **_kwargs: object) -> Any:
        raise OSError("bench_corpus.py runs offline: no network connection")

    socket.getaddrinfo = refuse
    socket.create_connection = refuse
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]


def _day(value: Any) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10] or None


def provenance_parser(html: str, url: str | None) -> Mapping[str, object]:
    """This library's answers."""
    article = parse_article(html, url=url)
    return {"title": article.title, "authors": list(article.authors), "date": _day(article.published)}


def _authors_text(value: Any) -> list[str]:
    return [name.strip() for name in str(value).split(";") if name.strip()] if value else []


def trafilatura_metadata(html: str, url: str | None) -> Mapping[str, object]:
    """trafilatura's ``extract_metadata``."""
    from trafilatura import extract_metadata

    document = extract_metadata(html, default_url=url)
    if document is None:
        return {}
    return {"title": document.title, "authors": _authors_text(document.author), "date": _day(document.date)}


def trafilatura_bare(html: str, url: str | None) -> Mapping[str, object]:
    """trafilatura's ``bare_extraction`` with its metadata."""
    from trafilatura import bare_extraction

    result: Any = bare_extraction(html, url=url, with_metadata=True)
    if result is None:
        return {}
    data = result if isinstance(result, dict) else result.as_dict()
    return {"title": data.get("title"), "authors": _authors_text(data.get("author")), "date": _day(data.get("date"))}


def newspaper_article(html: str, url: str | None) -> Mapping[str, object]:
    """newspaper4k's ``Article``, given the saved HTML."""
    from newspaper import Article

    article = Article(url or _PLACEHOLDER_URL)
    article.download(input_html=html)
    article.parse()
    return {"title": article.title, "authors": list(article.authors), "date": _day(article.publish_date)}


PEERS: tuple[tuple[str, str, Extractor], ...] = (
    ("trafilatura.extract_metadata", "trafilatura", trafilatura_metadata),
    ("trafilatura.bare_extraction", "trafilatura", trafilatura_bare),
    ("newspaper4k", "newspaper", newspaper_article),
)


def _run(extract: Extractor) -> tuple[dict[str, FieldScore], float]:
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = score(extract, load_truth())
    return result, time.perf_counter() - started


def _cell(result: FieldScore) -> str:
    return f"{result.right}/{result.total} {100 * result.share:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    """Print the table; with ``--misses``, every page a field got wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list this library's misses per field")
    args = parser.parse_args(argv)
    _offline()
    if not corpus_present():
        print(f"corpus: skipped: {SKIP_REASON}")
        return 0
    columns: list[tuple[str, dict[str, FieldScore], float]] = [("provenance", *_run(provenance_parser))]
    for name, module, extract in PEERS:
        if importlib.util.find_spec(module) is None:
            print(f"corpus: {name} skipped: {module} is not installed (pip install '.[corpus]')")
            continue
        columns.append((name, *_run(extract)))
    pages = columns[0][1][FIELDS[0]].total
    width = max(len(name) for name, _, _ in columns)
    print(f"corpus: {pages} real pages, title / authors / date right per extractor (tests/corpus_scoring.py rules)")
    print(f"{'extractor':<{width}}  " + "  ".join(f"{field:>12}" for field in FIELDS) + "   seconds")
    for name, result, seconds in columns:
        print(f"{name:<{width}}  " + "  ".join(f"{_cell(result[field]):>12}" for field in FIELDS) + f"  {seconds:8.2f}")
    ahead = True
    for field in FIELDS:
        ours = columns[0][1][field].right
        best = max((result[field].right for _, result, _ in columns[1:]), default=0)
        ahead = ahead and ours >= best
        print(f"{field}: provenance {ours}/{pages}, best peer {best}/{pages}")
    found, shown, wrong, unshown = origin_counts(load_truth())
    print(
        f"origin (provenance only): claimed on {found}/{shown} pages that show one, on {wrong}/{unshown} that show none"
    )
    if args.misses:
        for field in FIELDS:
            for file, expected, got in columns[0][1][field].misses:
                print(f"miss {field}: {file}: expected {expected!r}, got {got!r}")
    print(f"corpus: provenance >= best peer on every field: {'yes' if ahead else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
