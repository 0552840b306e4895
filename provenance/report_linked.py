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
    from provenance.model import Outlet
    from provenance.reports import Report

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


def render_prov_json(report: Report) -> str:
    """The report as a PROV-JSON document (loadable with the ``prov`` package)."""
    article = report.article
    registry = report.registry
    doc: dict[str, Any] = {
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
    article_id = "doc:" + _local(report.subject)
    entity: dict[str, Any] = {"prov:type": "schema:NewsArticle", "prov:label": article.title or "untitled article"}
    if article.url:
        entity["pv:url"] = article.url
    if article.published is not None:
        entity["pv:published"] = str(article.published)
    if article.genre:
        entity["pv:genre"] = article.genre
    doc["entity"][article_id] = entity

    def agent(outlet_or_org_id: str) -> str:
        body = registry.lookup(outlet_or_org_id)
        key = "body:" + _local(body.id)
        if key not in doc["agent"]:
            attributes: dict[str, Any] = {"prov:type": "prov:Organization", "prov:label": body.name}
            kind = getattr(body, "kind", None)
            if kind:
                attributes["pv:kind"] = kind
            if getattr(body, "country", None):
                attributes["pv:country"] = body.country
            doc["agent"][key] = attributes
        return key

    counter = 0

    def relation_id(prefix: str) -> str:
        nonlocal counter
        counter += 1
        return f"_:{prefix}{counter}"

    for author in article.authors:
        key = "body:author-" + _local(author)
        doc["agent"][key] = {"prov:type": "prov:Person", "prov:label": author}
        doc["wasAttributedTo"][relation_id("a")] = {"prov:entity": article_id, "prov:agent": key}
    if report.site is not None:
        doc["wasAttributedTo"][relation_id("a")] = {
            "prov:entity": article_id,
            "prov:agent": agent(report.site.id),
            "prov:type": "pv:published-on",
        }
    evidence = report.origin_evidence()
    if report.origin is not None and evidence is not None:
        original = "doc:original-" + _local(report.subject)
        doc["entity"][original] = {
            "prov:label": f"the original in {report.origin.name}",
            "pv:evidence": evidence[0],
        }
        doc["wasDerivedFrom"][relation_id("d")] = {
            "prov:generatedEntity": article_id,
            "prov:usedEntity": original,
            "prov:type": "pv:republication",
        }
        doc["wasAttributedTo"][relation_id("a")] = {"prov:entity": original, "prov:agent": agent(report.origin.id)}
        for path in report.chain or ():
            for relation in path.relations:
                start, end = relation.interval.to_strings()
                attributes: dict[str, str | float] = {
                    "prov:delegate": agent(relation.object),
                    "prov:responsible": agent(relation.subject),
                    "pv:relation": relation.kind,
                }
                if relation.share is not None:
                    attributes["pv:share"] = relation.share
                if start is not None:
                    attributes["pv:start"] = start
                if end is not None:
                    attributes["pv:end"] = end
                if attributes not in doc["actedOnBehalfOf"].values():
                    doc["actedOnBehalfOf"][relation_id("b")] = attributes
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
    doc["bundle"]["pv:labels"] = bundle
    doc["entity"]["pv:labels"] = {
        "prov:type": "prov:Bundle",
        "pv:library-version": report.library_version,
        "pv:data-version": report.data_version,
        "pv:policy": report.policy,
    }
    for key in [key for key, value in doc.items() if value == {}]:
        del doc[key]
    return _dumps(doc)


def _organization(report: Report, outlet: Outlet) -> dict[str, Any]:
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


def render_jsonld(report: Report) -> str:
    """The article as schema.org JSON-LD, with its origin and the origin's ownership disclosure."""
    article = report.article
    genre = report.labels.get("genre")
    schema_type = (
        str(genre.detail("schema_type")) if genre is not None and genre.detail("schema_type") else "NewsArticle"
    )
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": article.title,
    }
    if article.url:
        data["url"] = article.url
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.published is not None:
        data["datePublished"] = str(article.published)
    if report.site is not None:
        data["publisher"] = _organization(report, report.site)
    elif article.site_name or article.publisher:
        data["publisher"] = {"@type": "Organization", "name": article.site_name or article.publisher}
    if report.origin is not None:
        origin = _organization(report, report.origin)
        disclosure = report.disclosure()
        if disclosure:
            origin["ownershipFundingInfo"] = disclosure
        parents = [path.relations[0].subject for path in report.chain or () if path.relations]
        if parents:
            parent = report.registry.lookup(parents[0])
            origin["parentOrganization"] = {"@type": "Organization", "name": parent.name, "identifier": parent.id}
        data["sourceOrganization"] = origin
        based_on: dict[str, Any] = {
            "@type": "NewsArticle",
            "publisher": {"@type": "NewsMediaOrganization", "name": report.origin.name},
        }
        if article.is_based_on:
            based_on["url"] = article.is_based_on[0]
        data["isBasedOn"] = based_on
    elif article.is_based_on:
        data["isBasedOn"] = list(article.is_based_on)
    data["sdPublisher"] = {
        "@type": "SoftwareApplication",
        "name": "provenance",
        "softwareVersion": report.library_version,
        "description": f"data {report.data_version}, policy {report.policy}",
    }
    return _dumps(data)
