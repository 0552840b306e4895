"""Provenance reports: where an article came from and who stood behind it.

:func:`build_report` takes an :class:`~provenance.model.Article` (see
:func:`provenance.articles.parse_article`) and gathers everything a reader or
program needs: the article, the site it was found on, the outlet it was
republished from with the text that proves it, who owned and controlled that
outlet at the time, the labels with their disclosure text, and a numbered
source list. A :class:`Report` renders to JSON (a versioned schema, see
``docs/reports.md``), Markdown, HTML, W3C PROV-JSON and schema.org JSON-LD.
Every rendering states the library version, the data version and the policy.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from provenance._version import __version__
from provenance.dates import Interval, PartialDate
from provenance.errors import InvalidURLError, RecordError
from provenance.labelling import disclosure, label_outlet, label_url, publication_window
from provenance.labels import CERTAIN, Evidence, Label, LabelSet
from provenance.model import Article, Mention, Organization, Outlet, Source
from provenance.ownership import ControlChain, ControlPath, control_chain
from provenance.policies import Policy, describe_relation, get_policy, with_article
from provenance.registry import Registry, data_version, default_registry

__all__ = ["SCHEMA_VERSION", "Report", "build_report"]

SCHEMA_VERSION = "1.0"
"""Version of the JSON form of a report; documented field by field in ``docs/reports.md``."""


@attrs.frozen(slots=True)
class Report:
    """Everything known about where an article came from, ready to render."""

    article: Article
    """The article."""
    policy: str
    """The labelling policy used."""
    registry: Registry = attrs.field(repr=False)
    """Where the facts came from."""
    window: Interval | None
    """When the article could have been published; ``None`` when nothing narrows it."""
    window_basis: str
    """``stated`` (the article's date), ``origin-lifetime`` (the origin outlet's lifetime) or ``unknown``."""
    site: Outlet | None
    """The outlet whose site the article was found on, if known."""
    site_labels: LabelSet
    """Labels of that outlet."""
    origin: Outlet | None
    """The outlet the article was republished from, if the text says so."""
    origin_mention: Mention | None
    """The attribution statement that names the origin, when the text has one."""
    origin_url: str | None
    """The URL the page's structured data says it is based on, when that names the origin instead."""
    chain: ControlChain | None
    """Who owned and controlled the origin over the window."""
    origin_labels: LabelSet
    """Labels of the origin outlet over the window."""
    labels: LabelSet
    """Article labels: ``genre``, ``republished-from``, ``origin-state-media``."""
    library_version: str = __version__
    """Version of the library that built the report."""
    data_version: str = attrs.field(factory=data_version)
    """Version of the shipped data."""

    @property
    def subject(self) -> str:
        """What article labels are about: the URL, else the canonical URL, else ``"article"``."""
        return _subject(self.article)

    def all_labels(self) -> LabelSet:
        """Article labels, then the origin's, then the site's."""
        return self.labels + self.origin_labels + self.site_labels

    def sources(self) -> tuple[Source, ...]:
        """Every source cited by any label or chain relation, numbered in this order."""
        cited: dict[Source, None] = {}
        for label in self.all_labels():
            cited.update(dict.fromkeys(label.sources))
        for path in self.chain or ():
            cited.update(dict.fromkeys(path.sources()))
        return tuple(cited)

    def published_text(self) -> str:
        """When it was published, in words: the stated date, or the window its origin bounds, or ``unknown``."""
        if self.window_basis == "stated":
            return str(self.article.published)
        if self.window is not None:
            return f"not stated; within its origin's lifetime, {self.window.describe()}"
        return "unknown"

    def origin_evidence(self) -> tuple[str, str] | None:
        """What shows the origin, and where: the attribution sentence, or the ``isBasedOn`` URL."""
        if self.origin_mention is not None:
            mention = self.origin_mention
            where = f"{mention.cue or 'attribution'}, characters {mention.start} to {mention.end} ({mention.name})"
            return mention.sentence, where
        if self.origin_url is not None:
            return self.origin_url, "the page's structured data (schema.org isBasedOn)"
        return None

    def disclosure(self) -> str | None:
        """One sentence about the origin a platform could show, or ``None``."""
        if self.origin is None:
            return None
        sentence = disclosure(self.origin_labels, self.registry)
        return (
            f"Republished from {self.origin.name}. {sentence}" if sentence else f"Republished from {self.origin.name}."
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (schema ``SCHEMA_VERSION``)."""
        numbers = {source: number for number, source in enumerate(self.sources(), 1)}
        return {
            "schema_version": SCHEMA_VERSION,
            "generator": {
                "library": "provenance",
                "version": self.library_version,
                "data_version": self.data_version,
                "policy": self.policy,
            },
            "article": _article_json(self.article),
            "window": _window_json(self.window, self.window_basis),
            "found_at": {"url": self.article.url, "outlet": _outlet_json(self.site)},
            "origin": None
            if self.origin is None
            else {
                "outlet": _outlet_json(self.origin),
                "evidence": _mention_json(self.origin_mention)
                if self.origin_mention is not None
                else {"cue": "isBasedOn", "url": self.origin_url},
                "chain": [_path_json(self.registry, path, numbers) for path in self.chain or ()],
            },
            "mentions": [_mention_json(mention) for mention in self.article.mentions],
            "labels": self.all_labels().to_json(),
            "disclosure": self.disclosure(),
            "sources": [_source_json(number, source) for source, number in numbers.items()],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The readable report in Markdown."""
        from provenance.report_markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page, every input string escaped, the chain drawn in SVG."""
        from provenance.report_html import render_html

        return render_html(self)

    def to_prov_json(self) -> str:
        """The provenance as W3C PROV-JSON, label assertions in a bundle."""
        from provenance.report_linked import render_prov_json

        return render_prov_json(self)

    def to_jsonld(self) -> str:
        """The article as schema.org JSON-LD (``NewsArticle`` or a subtype)."""
        from provenance.report_linked import render_jsonld

        return render_jsonld(self)

    def render(self, format: str) -> str:
        """Render by format name: ``json``, ``markdown``, ``html``, ``prov-json`` or ``jsonld``.

        Raises:
            ValueError: If the format is unknown.
        """
        renderers = {
            "json": self.to_json,
            "markdown": self.to_markdown,
            "html": self.to_html,
            "prov-json": self.to_prov_json,
            "jsonld": self.to_jsonld,
        }
        if format not in renderers:
            raise ValueError(f"unknown report format {format!r}; known: {', '.join(renderers)}")
        return renderers[format]()


def build_report(article: Article, policy: str | Policy = "typology", registry: Registry | None = None) -> Report:
    """Gather the provenance of an article.

    Args:
        article: The article, from :func:`provenance.articles.parse_article`.
        policy: The labelling policy (name or :class:`~provenance.policies.Policy`).
        registry: Where the facts come from (default: the shipped data).

    Returns:
        The report.

    Raises:
        UnknownPolicyError: If the policy name is unknown.
    """
    registry = registry if registry is not None else default_registry()
    chosen = get_policy(policy)
    origin, mention, based_on = _origin(article, registry)
    window, basis = _publication(article, origin)
    site, site_labels = _site(article, registry, chosen)
    chain = None if origin is None else control_chain(registry, origin.id, window)
    origin_labels = LabelSet() if origin is None else label_outlet(origin, window, chosen, registry)
    report_subject = _subject(article)
    labels = LabelSet(
        [
            *_genre_labels(article, report_subject),
            *_origin_labels(article, report_subject, origin, mention, based_on, origin_labels, chain, registry),
        ]
    )
    return Report(
        article=article,
        policy=chosen.name,
        registry=registry,
        window=window,
        window_basis=basis,
        site=site,
        site_labels=site_labels,
        origin=origin,
        origin_mention=mention,
        origin_url=based_on,
        chain=chain,
        origin_labels=origin_labels,
        labels=labels,
    )


def _subject(article: Article) -> str:
    return article.url or article.canonical_url or "article"


def _origin(article: Article, registry: Registry) -> tuple[Outlet | None, Mention | None, str | None]:
    """The first attribution naming a known outlet (footers first), else an ``isBasedOn`` URL of another outlet."""
    attributions = sorted(article.attributions(), key=lambda m: (m.cue != "footer", m.start))
    for mention in attributions:
        outlet = registry.get(mention.outlet)
        if isinstance(outlet, Outlet):
            return outlet, mention, None
    site = _outlet_at(registry, article.url or article.canonical_url, article.published)
    for url in article.is_based_on:
        outlet = _outlet_at(registry, url, article.published)
        if outlet is not None and outlet != site:
            return outlet, None, url
    return None, None, None


def _outlet_at(registry: Registry, url: str | None, at: PartialDate | None) -> Outlet | None:
    if url is None:
        return None
    try:
        return registry.outlet_for_url(url, at)
    except InvalidURLError:
        return None


def _publication(article: Article, origin: Outlet | None) -> tuple[Interval | None, str]:
    if article.published is not None:
        return Interval.of(article.published), "stated"
    if origin is not None:
        return publication_window(origin, None), "origin-lifetime"
    return None, "unknown"


def _site(article: Article, registry: Registry, policy: Policy) -> tuple[Outlet | None, LabelSet]:
    url = article.url or article.canonical_url
    if url is None:
        return None, LabelSet()
    at = article.published
    site = registry.outlet_for_url(url, at)
    return site, label_url(url, at, policy, registry)


def _article_source(article: Article) -> tuple[Source, ...]:
    url = article.url or article.canonical_url
    if url is None:
        return ()
    try:
        return (Source(url, article.title or url, publisher=article.site_name or article.publisher),)
    except RecordError:  # a URL a Source cannot hold (white space, say): cite nothing rather than fail
        return ()


def _genre_labels(article: Article, subject: str) -> list[Label]:
    if article.genre is None:
        return []
    from provenance.articles import genre_vocabulary

    terms = genre_vocabulary(article.genre)
    shown = f" (marked {article.genre_evidence!r})" if article.genre_evidence else ""
    details: dict[str, str | None] = {}
    if terms is not None:
        details = {
            "schema_type": terms.schema_type,
            "iptc_code": terms.iptc_code,
            "iptc_name": terms.iptc_name,
            "trust_project": terms.trust_project,
        }
    return [
        Label(
            kind="genre",
            value=article.genre,
            subject=subject,
            text=f"This is {with_article(article.genre)} piece{shown}.",
            certainty=CERTAIN,
            rule="the article's own genre marker or structured data",
            basis=(Evidence(f"The article marks itself as {article.genre}{shown}.", _article_source(article)),),
            details=details,
        )
    ]


def _origin_labels(
    article: Article,
    subject: str,
    origin: Outlet | None,
    mention: Mention | None,
    based_on: str | None,
    origin_labels: LabelSet,
    chain: ControlChain | None,
    registry: Registry,
) -> list[Label]:
    if origin is None:
        return []
    if mention is not None:
        basis = (
            Evidence(
                f"The article says (characters {mention.sentence_start}-"
                f'{mention.sentence_start + len(mention.sentence)}): "{mention.sentence}"',
                _article_source(article),
            ),
            Evidence(f"{mention.name!r} names {origin.name}.", origin.sources),
        )
        rule = f"an attribution statement in the article ({mention.cue or 'attribution'}) names the outlet"
        details: dict[str, str | int | None] = {
            "origin_name": origin.name,
            "evidence": mention.sentence,
            "start": mention.start,
            "end": mention.end,
            "sentence_start": mention.sentence_start,
            "cue": mention.cue,
        }
    else:
        assert based_on is not None
        claim = registry.claim_for_url(based_on, article.published)
        basis = (
            Evidence(f"The page's structured data says it is based on {based_on}.", _article_source(article)),
            Evidence(
                f"{claim.host if claim else based_on} is a domain of {origin.name}.", claim.sources if claim else ()
            ),
        )
        rule = "the page's schema.org isBasedOn points at a URL of the outlet"
        details = {"origin_name": origin.name, "evidence": based_on, "cue": "isBasedOn"}
    labels = [
        Label(
            kind="republished-from",
            value=origin.id,
            subject=subject,
            text=f"Republished from {origin.name}.",
            certainty=CERTAIN,
            rule=rule,
            basis=basis,
            details=details,
        )
    ]
    for state in origin_labels.filter("state-media"):
        paths = [] if chain is None else chain.to_state(registry)
        labels.append(
            Label(
                kind="origin-state-media",
                value=state.value,
                subject=subject,
                text=f"It comes from {origin.name}: {state.text}",
                certainty=state.certainty,
                policy=state.policy,
                rule=f"the origin outlet's state-media label ({state.rule})",
                basis=state.basis,
                details={
                    "country": state.detail("country"),
                    "origin": origin.id,
                    "path": " | ".join(path.describe(registry) for path in paths),
                },
            )
        )
    return labels


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
