"""The JSON form of a report (schema :data:`SCHEMA_VERSION`, documented in ``docs/reports.md``)."""

from __future__ import annotations

from typing import Any

import attrs

from provenance.dates import Interval
from provenance.model import Article, Mention, Organization, Outlet, Source
from provenance.ownership import ControlPath
from provenance.policies import describe_relation
from provenance.registry import Registry
from provenance.reports._contents import ReportContents

__all__ = ["SCHEMA_VERSION", "report_dict"]

SCHEMA_VERSION = "1.1"
"""Version of the JSON form of a report; documented field by field in ``docs/reports.md``."""


def report_dict(report: ReportContents) -> dict[str, Any]:
    """The report as JSON-ready data (schema :data:`SCHEMA_VERSION`)."""
    numbers = {source: number for number, source in enumerate(report.sources(), 1)}
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {
            "library": "provenance",
            "version": report.library_version,
            "data_version": report.data_version,
            "policy": report.policy,
        },
        "article": _article_json(report.article),
        "window": _window_json(report.window, report.window_basis),
        "found_at": {"url": report.article.url, "outlet": _outlet_json(report.site)},
        "publisher": _publisher_json(report),
        "origin": _origin_json(report, numbers),
        "mentions": [_mention_json(mention) for mention in report.article.mentions],
        "labels": report.all_labels().to_json(),
        "disclosure": report.disclosure(),
        "sources": [_source_json(number, source) for source, number in numbers.items()],
    }


def _publisher_json(report: ReportContents) -> dict[str, Any] | None:
    """The outlet at the URL as the publisher, its labels in short, and whether it is the origin too."""
    if report.site is None:
        return None
    url = report.article.url or report.article.canonical_url
    claim = None if url is None else report.registry.claim_for_url(url, report.article.published)
    return {
        "outlet": _outlet_json(report.site),
        "url": url,
        "host": None if claim is None else claim.host,
        "text": report.publisher_text(),
        "is_origin": report.origin is not None and not report.republished,
        "labels": [
            {"kind": label.kind, "value": label.value, "certainty": label.certainty, "text": label.text}
            for label in report.site_labels
        ],
    }


def _origin_json(report: ReportContents, numbers: dict[Source, int]) -> dict[str, Any] | None:
    if report.origin is None:
        return None
    return {
        "outlet": _outlet_json(report.origin),
        "evidence": _mention_json(report.origin_mention)
        if report.origin_mention is not None
        else {"cue": "isBasedOn", "url": report.origin_url},
        "chain": [_path_json(report.registry, path, numbers) for path in report.chain or ()],
    }


def _article_json(article: Article) -> dict[str, Any]:
    terms = None
    if article.genre is not None:
        from provenance.articles import genre_vocabulary

        found = genre_vocabulary(article.genre)
        terms = None if found is None else attrs.asdict(found)
    return {
        "title": article.title,
        "authors": list(article.authors),
        "url": article.url,
        "canonical_url": article.canonical_url,
        "published": None if article.published is None else str(article.published),
        "genre": article.genre,
        "genre_evidence": article.genre_evidence,
        "genre_terms": terms,
        "site_name": article.site_name,
        "publisher": article.publisher,
        "is_based_on": list(article.is_based_on),
        "footer": article.footer,
    }


def _window_json(window: Interval | None, basis: str) -> dict[str, Any]:
    start, end = (None, None) if window is None else window.to_strings()
    return {
        "start": start,
        "end": end,
        "basis": basis,
        "text": "unknown" if window is None else window.describe(),
    }


def _outlet_json(outlet: Outlet | None) -> dict[str, Any] | None:
    if outlet is None:
        return None
    start, end = outlet.lifetime.to_strings()
    return {
        "id": outlet.id,
        "name": outlet.name,
        "kind": outlet.kind,
        "country": outlet.country,
        "lifetime": {"start": start, "end": end},
    }


def _mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "outlet": mention.outlet,
        "name": mention.name,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "sentence_start": mention.sentence_start,
        "attribution": mention.attribution,
        "cue": mention.cue,
        "certainty": mention.certainty,
    }


def _path_json(registry: Registry, path: ControlPath, numbers: dict[Source, int]) -> dict[str, Any]:
    top = registry.get(path.top)
    return {
        "path": path.describe(registry),
        "certainty": "certain" if path.certainty.value == "yes" else "possible",
        "top": path.top,
        "top_is_state": isinstance(top, Organization) and top.kind == "state",
        "relations": [
            {
                "subject": relation.subject,
                "subject_name": registry.lookup(relation.subject).name,
                "kind": relation.kind,
                "object": relation.object,
                "object_name": registry.lookup(relation.object).name,
                "share": relation.share,
                "interval": dict(zip(("start", "end"), relation.interval.to_strings(), strict=True)),
                "statement": describe_relation(registry, relation),
                "sources": [numbers[source] for source in relation.sources],
            }
            for relation in path.relations
        ],
    }


def _source_json(number: int, source: Source) -> dict[str, Any]:
    return {
        "n": number,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "accessed": None if source.accessed is None else str(source.accessed),
        "quote": source.quote,
    }
