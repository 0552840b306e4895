"""The real-page corpus and how an extractor's answers are scored against its truth (tests and benchmarks share it).

The pages live outside the repository, in ``../shared/corpus/articles/``
(relative to the project root); the truth, read off each page by hand, is
``tests/fixtures/corpus_truth.json``. The comparison rules are here, once:

- title: equal after Unicode compatibility folding, quotes and dashes made
  plain, white space folded and case ignored;
- authors: the same set of names, each folded the same way with its full stops
  and hyphens made spaces (``J.O. Haselhoef`` is ``J. O. Haselhoef``);
- date: the same day (``None`` matches only ``None``).
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from provenance.articles import decode_html, parse_article
from provenance.registry import default_registry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
TRUTH = ROOT / "tests" / "fixtures" / "corpus_truth.json"
FIELDS = ("title", "authors", "date")
SKIP_REASON = f"the real-page corpus is not here ({CORPUS}); its pages never enter the repository"

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"} | {c: "-" for c in "‐‑‒–—―"})
_SPACES = re.compile(r"\s+")


def corpus_present() -> bool:
    """Whether the pages and the truth are both here."""
    return CORPUS.is_dir() and TRUTH.is_file()


def load_truth() -> list[dict[str, object]]:
    """The truth entries, one per page, sorted by file name."""
    entries: list[dict[str, object]] = json.loads(TRUTH.read_text(encoding="utf-8"))
    return sorted(entries, key=lambda entry: str(entry["file"]))


def page_html(name: str) -> str:
    """A page's HTML, decoded by its charset."""
    return decode_html((CORPUS / name).read_bytes())


def _fold(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()


def title_key(title: object) -> str | None:
    """A title as compared: folded, quotes and dashes plain, case ignored."""
    return _fold(title) if isinstance(title, str) and title.strip() else None


def author_key(names: Iterable[object]) -> frozenset[str]:
    """Authors as compared: a set of folded names, full stops and hyphens made spaces."""
    folded = (_SPACES.sub(" ", _fold(name).replace(".", " ").replace("-", " ")).strip() for name in names)
    return frozenset(name for name in folded if name)


def date_key(value: object) -> str | None:
    """A date as compared: its day as ``YYYY-MM-DD``, or ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    text = str(value)
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else text


COMPARE: Mapping[str, Callable[[object], object]] = {
    "title": title_key,
    "authors": lambda value: author_key(value if isinstance(value, list | tuple) else []),
    "date": date_key,
}
"""Each field's comparison key: two answers agree when their keys are equal."""


@dataclass
class FieldScore:
    """How many pages an extractor got right for one field, and the misses (file, expected, got)."""

    right: int = 0
    total: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """The share of pages right, 0 to 1."""
        return self.right / self.total if self.total else 0.0


Extractor = Callable[[str, str | None], Mapping[str, object]]
"""An extractor: (html, url) to its answers for ``title``, ``authors`` (a list) and ``date`` (a day)."""


def score(extract: Extractor, entries: Sequence[Mapping[str, object]]) -> dict[str, FieldScore]:
    """Score an extractor on the pages of the truth entries, per field.

    An extractor that raises on a page gets that page wrong on every field.
    """
    scores = {name: FieldScore() for name in FIELDS}
    for entry in entries:
        file = str(entry["file"])
        url = entry.get("url")
        try:
            answers: Mapping[str, object] = extract(page_html(file), str(url) if url else None)
        except Exception as error:  # a peer failing on a page scores nothing on it
            answers = {name: f"error: {type(error).__name__}" for name in FIELDS}
        for name in FIELDS:
            compare = COMPARE[name]
            expected, got = compare(entry.get(name)), compare(answers.get(name))
            scores[name].total += 1
            if expected == got:
                scores[name].right += 1
            else:
                scores[name].misses.append((file, entry.get(name), answers.get(name)))
    return scores


def claimed_origins(entry: Mapping[str, object]) -> set[str]:
    """The outlets (registry ids) the parsed page says it came from, other than the outlet at its address.

    An attribution or an ``isBasedOn`` address naming the publisher itself is
    no republication, so it is not counted.
    """
    registry = default_registry()
    url = entry.get("url")
    article = parse_article(page_html(str(entry["file"])), url=str(url) if url else None)
    publisher = registry.outlet_for_url(str(entry["outlet_host"]), article.published)
    claimed = {mention.outlet for mention in article.attributions()}
    claimed |= {outlet.id for link in article.is_based_on if (outlet := registry.outlet_for_url(link))}
    return claimed - ({publisher.id} if publisher else set())


def origin_counts(entries: Sequence[Mapping[str, object]]) -> tuple[int, int, int, int]:
    """Pages with an origin in the truth where one is claimed, of how many; pages without one where one is."""
    shown = [entry for entry in entries if entry.get("origin") is not None]
    unshown = [entry for entry in entries if entry.get("origin") is None]
    found = sum(1 for entry in shown if claimed_origins(entry))
    wrong = sum(1 for entry in unshown if claimed_origins(entry))
    return found, len(shown), wrong, len(unshown)
