"""Render a :class:`~provenance.reports.Report` as Markdown people can read.

Every string that came from the article or the data is escaped, so a title
cannot inject Markdown or HTML into the page it ends up on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.reports import Report

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")


def escape_markdown(text: str) -> str:
    r"""Escape Markdown and inline-HTML syntax in text from outside.

    >>> print(escape_markdown("<script>*x*</script>"))
    \<script\>\*x\*\</script\>
    """
    return _SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def render_markdown(report: Report) -> str:
    """The report in Markdown: article, origin, control chain, labels, evidence, sources."""
    e = escape_markdown
    article = report.article
    numbers = {source: number for number, source in enumerate(report.sources(), 1)}
    lines = [f"# Provenance report: {e(article.title or 'untitled article')}", ""]
    lines.append(f"*provenance {e(report.library_version)}, data {e(report.data_version)}, policy `{report.policy}`*")
    lines += ["", "## The article", ""]
    lines.append(f"- **Title:** {e(article.title or 'unknown')}")
    lines.append(f"- **By:** {e(', '.join(article.authors)) if article.authors else 'unknown'}")
    genre = report.labels.get("genre")
    if genre is not None:
        terms = [
            f"{name} {genre.detail(key)}"
            for key, name in (("schema_type", "schema.org"), ("iptc_name", "IPTC"), ("trust_project", "Trust Project"))
            if genre.detail(key)
        ]
        lines.append(f"- **Genre:** {e(genre.text)}" + (f" ({e('; '.join(terms))})" if terms else ""))
    lines.append(f"- **Published:** {e(report.published_text())}")
    if article.url:
        site = report.site
        where = f" ({e(site.name)}, {e(site.kind)}, {site.country})" if site is not None else ""
        lines.append(f"- **Found at:** {e(article.url)}{where}")
    lines += ["", "## Where it came from", ""]
    evidence = report.origin_evidence()
    if report.origin is None or evidence is None:
        lines.append("The article does not say it was republished from an outlet in the registry.")
    else:
        shown, where = evidence
        lines.append(f"Republished from **{e(report.origin.name)}** ({e(report.origin.id)}).")
        lines += ["", f"> {e(shown)}", ""]
        lines.append(f"Evidence: {e(where)}.")
        disclosure = report.disclosure()
        if disclosure:
            lines += ["", f"**Disclosure:** {e(disclosure)}"]
        lines += ["", f"## Who stood behind {e(report.origin.name)}", ""]
        when = "over " + report.window.describe() if report.window is not None else "at any time"
        if not report.chain or not report.chain.paths:
            lines.append(f"No owner or controller is recorded {e(when)}.")
        else:
            lines.append(f"Control chain {e(when)}:")
            lines.append("")
            for path in report.chain:
                refs = "".join(f"[{numbers[s]}]" for s in path.sources())
                certainty = "" if path.certainty.value == "yes" else " (part of the window)"
                lines.append(f"- {e(path.describe(report.registry))}{certainty} {refs}")
    lines += ["", "## Labels", ""]
    labels = report.all_labels()
    if not labels:
        lines.append("No labels.")
    else:
        lines += ["| label | value | certainty | about | text |", "|---|---|---|---|---|"]
        for label in labels:
            lines.append(
                f"| {label.kind} | {e(label.value)} | {label.certainty} | {e(label.subject)} | {e(label.text)} |"
            )
        lines += ["", "### Why", ""]
        for label in labels:
            policy = f", policy `{label.policy}`" if label.policy else ""
            lines.append(f"**{label.kind} = {e(label.value)}** ({label.certainty}{policy})")
            lines.append("")
            if label.rule:
                lines.append(f"- Rule: {e(label.rule)}")
            for fact in label.basis:
                refs = "".join(f"[{numbers[s]}]" for s in fact.sources if s in numbers)
                lines.append(f"- {e(fact.statement)} {refs}".rstrip())
            lines.append("")
    lines += ["## Sources", ""]
    for source, number in numbers.items():
        lines.append(f"{number}. {e(source.cite())}")
    return "\n".join(lines).rstrip() + "\n"
