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
from tests.corpus_scoring import (
    CORPUS,
    SKIP_REASON,
    FieldScore,
    claimed_origins,
    corpus_present,
    load_truth,
    score,
)

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


def test_no_origin_is_claimed_where_the_page_shows_none() -> None:
    claimed = {}
    for entry in load_truth():
        if entry.get("origin") is None and (origins := claimed_origins(entry)):
            claimed[str(entry["file"])] = sorted(origins)
    assert claimed == {}, f"origins claimed on pages that show none: {claimed}"
