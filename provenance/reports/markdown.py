"""Render a :class:`~provenance.reports.Report` as Markdown people can read.

Every string that came from the article or the data is escaped, so a title
cannot inject Markdown or HTML into the page it ends up on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.labels import Label
    from provenance.model import Source
    from provenance.reports._contents import ReportContents

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")


def escape_markdown(text: str) -> str:
    r"""Escape Markdown and inline-HTML syntax in text from outside.

    >>> print(escape_markdown("<script>*x*</script>"))
    \<script\>\*x\*\</script\>
    """
    return _SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def render_markdown(report: ReportContents) -> str:
    """The report in Markdown: article, origin, control chain, labels, evidence, sources."""
    numbers = {source: number for number, source in enumerate(report.sources(), 1)}
    lines = [
        *_article_section(report),
        *_origin_section(report, numbers),
        *_labels_section(report, numbers),
        "## Sources",
        "",
        *(f"{number}. {escape_markdown(source.cite())}" for source, number in numbers.items()),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _article_section(report: ReportContents) -> list[str]:
    """The heading, the generator line and what is known of the article."""
    e = escape_markdown
    article = report.article
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
    return lines


def _origin_section(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """Where the article came from, the evidence, the disclosure and who stood behind the origin."""
    e = escape_markdown
    lines = ["", "## Where it came from", ""]
    evidence = report.origin_evidence()
    if report.origin is None or evidence is None:
        lines.append("The article does not say it was republished from an outlet in the registry.")
        return lines
    shown, where = evidence
    lines.append(f"Republished from **{e(report.origin.name)}** ({e(report.origin.id)}).")
    lines += ["", f"> {e(shown)}", ""]
    lines.append(f"Evidence: {e(where)}.")
    disclosure = report.disclosure()
    if disclosure:
        lines += ["", f"**Disclosure:** {e(disclosure)}"]
    lines += ["", f"## Who stood behind {e(report.origin.name)}", ""]
    return lines + _chain_lines(report, numbers)


def _chain_lines(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """The control chain over the window, one path a line with its sources."""
    e = escape_markdown
    when = "over " + report.window.describe() if report.window is not None else "at any time"
    if not report.chain or not report.chain.paths:
        return [f"No owner or controller is recorded {e(when)}."]
    lines = [f"Control chain {e(when)}:", ""]
    for path in report.chain:
        refs = "".join(f"[{numbers[s]}]" for s in path.sources())
        certainty = "" if path.certainty.value == "yes" else " (part of the window)"
        lines.append(f"- {e(path.describe(report.registry))}{certainty} {refs}")
    return lines


def _labels_section(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """Every label in a table, then why each was given."""
    e = escape_markdown
    lines = ["", "## Labels", ""]
    labels = report.all_labels()
    if not labels:
        return [*lines, "No labels."]
    lines += ["| label | value | certainty | about | text |", "|---|---|---|---|---|"]
    for label in labels:
        lines.append(f"| {label.kind} | {e(label.value)} | {label.certainty} | {e(label.subject)} | {e(label.text)} |")
    lines += ["", "### Why", ""]
    for label in labels:
        lines += _why_lines(label, numbers)
    return lines


def _why_lines(label: Label, numbers: dict[Source, int]) -> list[str]:
    """One label's value, certainty, policy, rule and evidence, with source numbers."""
    e = escape_markdown
    policy = f", policy `{label.policy}`" if label.policy else ""
    lines = [f"**{label.kind} = {e(label.value)}** ({label.certainty}{policy})", ""]
    if label.rule:
        lines.append(f"- Rule: {e(label.rule)}")
    for fact in label.basis:
        refs = "".join(f"[{numbers[s]}]" for s in fact.sources if s in numbers)
        lines.append(f"- {e(fact.statement)} {refs}".rstrip())
    lines.append("")
    return lines
