"""Building a report: the origin, the publication window, the site, the control chain and the article labels."""

from __future__ import annotations

from provenance.dates import Interval, PartialDate
from provenance.errors import InvalidURLError, RecordError
from provenance.labelling import label_outlet, label_url, publication_window
from provenance.labels import CERTAIN, POSSIBLE, Evidence, Label, LabelSet
from provenance.model import Article, Mention, Outlet, Source
from provenance.ownership import ControlChain, control_chain
from provenance.policies import Policy, get_policy, with_article
from provenance.registry import Registry, default_registry
from provenance.reports._contents import article_subject
from provenance.reports._evidence import evidence_phrase
from provenance.reports._report import Report

__all__ = ["build_report"]


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
    site, site_labels = _site(article, registry, chosen)
    origin, mention, based_on = _origin(article, registry, site)
    window, basis = _publication(article, origin)
    chain = None if origin is None else control_chain(registry, origin.id, window)
    republished = origin is not None and origin != site
    # An origin that is the publisher itself is no republication: its labels are the publisher's, given once.
    origin_labels = label_outlet(origin, window, chosen, registry) if republished and origin else LabelSet()
    report_subject = article_subject(article)
    labels = LabelSet(
        [
            *_genre_labels(article, report_subject),
            *(
                _origin_labels(article, report_subject, origin, mention, based_on, origin_labels, chain, registry)
                if republished
                else ()
            ),
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


def _origin(
    article: Article, registry: Registry, site: Outlet | None
) -> tuple[Outlet | None, Mention | None, str | None]:
    """Where the text shows the article came from.

    The first attribution naming a known outlet other than the publisher (certain ones first, then
    footers first), else an
    ``isBasedOn`` URL of another outlet, else an attribution naming the publisher itself.
    """
    attributions = sorted(article.attributions(), key=lambda m: (m.certainty != CERTAIN, m.cue != "footer", m.start))
    named = [
        (outlet, mention) for mention in attributions if isinstance(outlet := registry.get(mention.outlet), Outlet)
    ]
    for outlet, mention in named:
        if outlet != site:
            return outlet, mention, None
    for url in article.is_based_on:
        outlet = _outlet_at(registry, url, article.published)
        if outlet is not None and outlet != site:
            return outlet, None, url
    if named:
        return named[0][0], named[0][1], None
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
    certainty = CERTAIN if mention is None else mention.certainty
    if mention is not None:
        basis = (
            Evidence(f"The article says so in {evidence_phrase(mention)}.", _article_source(article)),
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
            text=f"Republished from {origin.name}." if certainty == CERTAIN else f"Partly based on {origin.name}.",
            certainty=certainty,
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
                certainty=state.certainty if certainty == CERTAIN else POSSIBLE,
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
