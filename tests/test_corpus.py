"""parse_article on 53 real news pages, scored against a truth read off each page by hand.

The pages stay out of the repository (``../shared/corpus/articles/``, see
tests/corpus_scoring.py); these tests skip when they are absent. The truth is
tests/fixtures/corpus_truth.json, and the comparison rules are in
tests/corpus_scoring.py, shared with benchmarks/bench_corpus.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest

from provenance.articles import parse_article
from provenance.registry import default_registry
from tests.corpus_scoring import CORPUS, SKIP_REASON, FieldScore, corpus_present, load_truth, page_html, score

pytestmark = pytest.mark.skipif(not corpus_present(), reason=SKIP_REASON)

REQUIRED_SHARE = 0.90


def _ours(html: str, url: str | None) -> Mapping[str, object]:
    article = parse_article(html, url=url)
    return {
        "title": article.title,
        "authors": list(article.authors),
        "date": str(article.published) if article.published else None,
    }


@pytest.fixture(scope="module")
def scores() -> dict[str, FieldScore]:
    return score(_ours, load_truth())


def test_the_truth_covers_every_page() -> None:
    pages = {path.name for path in CORPUS.glob("*.html")}
    assert {str(entry["file"]) for entry in load_truth()} == pages


@pytest.mark.parametrize("field", ["title", "authors", "date"])
def test_field_is_right_on_nine_pages_in_ten(scores: dict[str, FieldScore], field: str) -> None:
    result = scores[field]
    misses = json.dumps(result.misses, ensure_ascii=False, indent=1)
    assert result.share >= REQUIRED_SHARE, f"{field}: {result.right}/{result.total} right; misses:\n{misses}"


def _claimed_origins(entry: Mapping[str, object]) -> set[str]:
    """The outlets the parsed page says it came from, other than the outlet at its address (its publisher)."""
    registry = default_registry()
    url = entry.get("url")
    article = parse_article(page_html(str(entry["file"])), url=str(url) if url else None)
    publisher = registry.outlet_for_url(str(entry["outlet_host"]), article.published)
    claimed = {mention.outlet for mention in article.attributions()}
    claimed |= {outlet.id for link in article.is_based_on if (outlet := registry.outlet_for_url(link))}
    return claimed - ({publisher.id} if publisher else set())


def test_no_origin_is_claimed_where_the_page_shows_none() -> None:
    claimed = {}
    for entry in load_truth():
        if entry.get("origin") is None and (origins := _claimed_origins(entry)):
            claimed[str(entry["file"])] = sorted(origins)
    assert claimed == {}, f"origins claimed on pages that show none: {claimed}"
