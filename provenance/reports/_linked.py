"""Linked-data renderings of a report: W3C PROV-JSON and schema.org JSON-LD.

PROV-JSON (https://www.w3.org/submissions/prov-json/): the article and its
origin are entities, outlets and their controllers are agents; the
republication is ``wasDerivedFrom``, authorship and publication
``wasAttributedTo``, each control relation ``actedOnBehalfOf`` (the outlet
acts on behalf of whoever owns or controls it), and the label assertions sit
in a bundle. PROV has no dated ownership or succession; those ride along as
attributes in this library's own namespace.

JSON-LD uses schema.org's ``NewsArticle`` family, ``isBasedOn``,
``publisher``, ``sourceOrganization`` and ``NewsMediaOrganization``'s
``ownershipFundingInfo`` and ``parentOrganization``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.model import Outlet, Relation
    from provenance.registry import Registry
    from provenance.reports._contents import ReportContents

__all__ = ["NAMESPACE", "render_jsonld", "render_prov_json"]

NAMESPACE = "urn:source-provenance:"
"""Base of the identifiers this library mints in PROV-JSON."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_HTML_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _dumps(data: Any) -> str:
    """JSON text that is also safe inside an HTML ``<script>`` element (``<``, ``>``, ``&`` escaped)."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_HTML_UNSAFE)


def _local(text: str) -> str:
    return _UNSAFE.sub("_", text)[:200] or "_"


def render_prov_json(report: ReportContents) -> str:
    """The report as a PROV-JSON document (loadable with the ``prov`` package)."""
    document = _ProvDocument(report.registry)
    article_id = document.add_article(report)
    document.add_attributions(report, article_id)
    document.add_origin(report, article_id)
    document.add_labels(report)
    return _dumps(document.finished())


class _ProvDocument:
    """A PROV-JSON document being filled in: its tables, and a counter numbering the relations."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.doc: dict[str, Any] = {
            "prefix": {
                "pv": NAMESPACE + "vocab#",
                "body": NAMESPACE + "body:",
                "doc": NAMESPACE + "document:",
                "schema": "https://schema.org/",
            },
            "entity": {},
            "agent": {},
            "wasDerivedFrom": {},
            "wasAttributedTo": {},
            "actedOnBehalfOf": {},
            "bundle": {},
        }
        self.counter = 0

    def relation_id(self, prefix: str) -> str:
        """A new blank-node id for a relation: ``_:a1``, ``_:d2``..."""
        self.counter += 1
        return f"_:{prefix}{self.counter}"

    def agent(self, outlet_or_org_id: str) -> str:
        """The agent standing for an outlet or organisation, added on first use."""
        body = self.registry.lookup(outlet_or_org_id)
        key = "body:" + _local(body.id)
        if key not in self.doc["agent"]:
            attributes: dict[str, Any] = {"prov:type": "prov:Organization", "prov:label": body.name}
            kind = getattr(body, "kind", None)
            if kind:
                attributes["pv:kind"] = kind
            if getattr(body, "country", None):
                attributes["pv:country"] = body.country
            self.doc["agent"][key] = attributes
        return key

    def add_article(self, report: ReportContents) -> str:
        """The article as an entity; returns its id."""
        article = report.article
        article_id = "doc:" + _local(report.subject)
        entity: dict[str, Any] = {"prov:type": "schema:NewsArticle", "prov:label": article.title or "untitled article"}
        if article.url:
            entity["pv:url"] = article.url
        if article.published is not None:
            entity["pv:published"] = str(article.published)
        if article.genre:
            entity["pv:genre"] = article.genre
        self.doc["entity"][article_id] = entity
        return article_id

    def add_attributions(self, report: ReportContents, article_id: str) -> None:
        """The article's authors, and the outlet it was published on."""
        for author in report.article.authors:
            key = "body:author-" + _local(author)
            self.doc["agent"][key] = {"prov:type": "prov:Person", "prov:label": author}
            self.doc["wasAttributedTo"][self.relation_id("a")] = {"prov:entity": article_id, "prov:agent": key}
        if report.site is not None:
            self.doc["wasAttributedTo"][self.relation_id("a")] = {
                "prov:entity": article_id,
                "prov:agent": self.agent(report.site.id),
                "prov:type": "pv:published-on",
            }

    def add_origin(self, report: ReportContents, article_id: str) -> None:
        """The original the article derives from, its outlet, and who that outlet acted on behalf of.

        An origin that is the publisher itself is no republication: no original, only who the outlet acted for.
        """
        evidence = report.origin_evidence()
        if report.origin is None or evidence is None:
            return
        if not report.republished:
            self.add_delegations(report)
            return
        original = "doc:original-" + _local(report.subject)
        self.doc["entity"][original] = {
            "prov:label": f"the original in {report.origin.name}",
            "pv:evidence": evidence[0],
        }
        self.doc["wasDerivedFrom"][self.relation_id("d")] = {
            "prov:generatedEntity": article_id,
            "prov:usedEntity": original,
            "prov:type": "pv:republication",
        }
        self.doc["wasAttributedTo"][self.relation_id("a")] = {
            "prov:entity": original,
            "prov:agent": self.agent(report.origin.id),
        }
        self.add_delegations(report)

    def add_delegations(self, report: ReportContents) -> None:
        """Every control relation on the origin's chain."""
        for path in report.chain or ():
            for relation in path.relations:
                self.add_delegation(relation)

    def add_delegation(self, relation: Relation) -> None:
        """A control relation as ``actedOnBehalfOf``, once however many paths carry it."""
        start, end = relation.interval.to_strings()
        attributes: dict[str, str | float] = {
            "prov:delegate": self.agent(relation.object),
            "prov:responsible": self.agent(relation.subject),
            "pv:relation": relation.kind,
        }
        if relation.share is not None:
            attributes["pv:share"] = relation.share
        if start is not None:
            attributes["pv:start"] = start
        if end is not None:
            attributes["pv:end"] = end
        if attributes not in self.doc["actedOnBehalfOf"].values():
            self.doc["actedOnBehalfOf"][self.relation_id("b")] = attributes

    def add_labels(self, report: ReportContents) -> None:
        """The label assertions in a bundle, and the bundle as an entity naming the versions and policy."""
        bundle: dict[str, Any] = {"entity": {}}
        for number, label in enumerate(report.all_labels(), 1):
            bundle["entity"][f"pv:label-{number}"] = {
                "prov:type": "pv:Label",
                "pv:kind": label.kind,
                "pv:value": label.value,
                "pv:subject": label.subject,
                "pv:certainty": label.certainty,
                "pv:text": label.text,
                "pv:policy": label.policy or "",
                "pv:sources": " ".join(source.url for source in label.sources),
            }
        self.doc["bundle"]["pv:labels"] = bundle
        self.doc["entity"]["pv:labels"] = {
            "prov:type": "prov:Bundle",
            "pv:library-version": report.library_version,
            "pv:data-version": report.data_version,
            "pv:policy": report.policy,
        }

    def finished(self) -> dict[str, Any]:
        """The document without its empty tables."""
        return {key: value for key, value in self.doc.items() if value != {}}


def _organization(report: ReportContents, outlet: Outlet) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "NewsMediaOrganization", "name": outlet.name, "identifier": outlet.id}
    claims = report.registry.claims(outlet.id)
    primary = [claim.host for claim in claims if claim.role == "primary"]
    if primary:
        data["url"] = f"https://{primary[0]}/"
    if outlet.lifetime.start is not None:
        data["foundingDate"] = str(outlet.lifetime.start)
    _, end = outlet.lifetime.to_strings()
    if end is not None and end != "unknown":
        data["dissolutionDate"] = end
    return data


def render_jsonld(report: ReportContents) -> str:
    """The article as schema.org JSON-LD, with its origin and the origin's ownership disclosure."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": _schema_type(report),
        "headline": report.article.title,
        **_article_properties(report),
        **_origin_properties(report),
        "sdPublisher": {
            "@type": "SoftwareApplication",
            "name": "provenance",
            "softwareVersion": report.library_version,
            "description": f"data {report.data_version}, policy {report.policy}",
        },
    }
    return _dumps(data)


def _schema_type(report: ReportContents) -> str:
    """The genre's schema.org type, else ``NewsArticle``."""
    genre = report.labels.get("genre")
    return str(genre.detail("schema_type")) if genre is not None and genre.detail("schema_type") else "NewsArticle"


def _article_properties(report: ReportContents) -> dict[str, Any]:
    """The article's ``url``, ``author``, ``datePublished`` and ``publisher``, those that are known."""
    article = report.article
    data: dict[str, Any] = {}
    if article.url:
        data["url"] = article.url
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.published is not None:
        data["datePublished"] = str(article.published)
    if report.site is not None:
        data["publisher"] = _organization(report, report.site)
        disclosure = None if report.republished else report.disclosure()
        if disclosure:  # the publisher's own disclosure; a republication's is the origin's (sourceOrganization)
            data["publisher"]["ownershipFundingInfo"] = disclosure
    elif article.site_name or article.publisher:
        data["publisher"] = {"@type": "Organization", "name": article.site_name or article.publisher}
    return data


def _origin_properties(report: ReportContents) -> dict[str, Any]:
    """``sourceOrganization`` and ``isBasedOn`` for an origin not the publisher, else the page's ``isBasedOn``."""
    article = report.article
    if report.origin is None or not report.republished:
        return {"isBasedOn": list(article.is_based_on)} if article.is_based_on else {}
    based_on: dict[str, Any] = {
        "@type": "NewsArticle",
        "publisher": {"@type": "NewsMediaOrganization", "name": report.origin.name},
    }
    if article.is_based_on:
        based_on["url"] = article.is_based_on[0]
    return {"sourceOrganization": _source_organization(report, report.origin), "isBasedOn": based_on}


def _source_organization(report: ReportContents, origin: Outlet) -> dict[str, Any]:
    """The origin outlet with its ownership disclosure and its first parent organisation."""
    data = _organization(report, origin)
    disclosure = report.disclosure()
    if disclosure:
        data["ownershipFundingInfo"] = disclosure
    parents = [path.relations[0].subject for path in report.chain or () if path.relations]
    if parents:
        parent = report.registry.lookup(parents[0])
        data["parentOrganization"] = {"@type": "Organization", "name": parent.name, "identifier": parent.id}
    return data
