"""Render a :class:`~provenance.reports.Report` as one self-contained HTML page.

No scripts, no external resources; every string from the article or the data
goes through :func:`html.escape`. Who stood behind the origin is drawn as
one graph (:mod:`._graph_svg`: each party once, each relation once with its
dates) and listed relation by relation with its sources; the origin's
timeline (:mod:`._timeline_svg`: its names, predecessors and successors,
who ran it and its labels over the years, the article's date marked)
follows. Both are inline SVG.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from provenance.labelling import explain
from provenance.policies import describe_relation
from provenance.reports._graph_svg import chain_relations, ownership_svg
from provenance.reports._timeline import outlet_timeline
from provenance.reports._timeline_svg import timeline_svg

if TYPE_CHECKING:
    from provenance.model import Source
    from provenance.reports._contents import ReportContents

__all__ = ["render_html"]

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem} h2{font-size:1.25rem;border-bottom:1px solid #ccc;margin-top:2rem}
.meta{color:#555;font-size:.9rem}
blockquote{border-left:4px solid #999;margin:1rem 0;padding:.2rem 1rem;background:#f6f6f6}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.certain{color:#075e07} .possible{color:#8a5a00} pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
.disclosure{background:#fff4d6;border:1px solid #e0c060;padding:.5rem 1rem}
figure{margin:1rem 0} figure svg{max-width:100%;height:auto}
"""


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _behind(report: ReportContents, name: str, numbers: dict[Source, int]) -> list[str]:
    """Who stood behind the origin: one graph, its relations with their sources, then the origin's timeline."""
    out = [f"<h2>Who stood behind {_text(name)}</h2>"]
    if report.chain is not None and report.chain.paths:
        out.append(f'<figure class="chain">{ownership_svg(report.chain, report.registry)}</figure><ul>')
        for relation in chain_relations(report.chain):
            refs = "".join(f"[{numbers[s]}]" for s in relation.sources)
            out.append(f"<li>{_text(describe_relation(report.registry, relation))} {refs}</li>")
        out.append("</ul>")
    else:
        out.append("<p>No owner or controller is recorded.</p>")
    timeline = outlet_timeline(report)
    if timeline is not None:
        out.append(f"<h2>{_text(timeline.title)}</h2>")
        out.append(f'<figure class="timeline">{timeline_svg(timeline)}</figure>')
    return out


def render_html(report: ReportContents) -> str:
    """The report as a complete HTML document."""
    article = report.article
    numbers = {source: number for number, source in enumerate(report.sources(), 1)}
    title = article.title or "untitled article"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Provenance report: {_text(title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Provenance report: {_text(title)}</h1>",
        f'<p class="meta">provenance {_text(report.library_version)}, data {_text(report.data_version)}, '
        f"policy <code>{_text(report.policy)}</code></p>",
        "<h2>The article</h2><dl>",
        f"<dt>Title</dt><dd>{_text(title)}</dd>",
        f"<dt>By</dt><dd>{_text(', '.join(article.authors) or 'unknown')}</dd>",
    ]
    genre = report.labels.get("genre")
    if genre is not None:
        out.append(f"<dt>Genre</dt><dd>{_text(genre.text)}</dd>")
    out.append(f"<dt>Published</dt><dd>{_text(report.published_text())}</dd>")
    if article.url:
        site = f" ({report.site.name})" if report.site is not None else ""
        out.append(f'<dt>Found at</dt><dd><a href="{_text(article.url)}">{_text(article.url)}</a>{_text(site)}</dd>')
    out.extend(f"<dt>Published by</dt><dd>{_text(by.name)}</dd>" for by in [report.site] if by is not None)
    out.append("</dl><h2>Where it came from</h2>")
    evidence = report.origin_evidence()
    if report.origin is None or evidence is None:
        out.append("<p>The article does not say it was republished from an outlet in the registry.</p>")
    else:
        shown, where = evidence
        came = "Republished from" if report.republished else "Not a republication: published by"
        out.append(f"<p>{came} <strong>{_text(report.origin.name)}</strong>.</p>")
        out.append(f"<blockquote>{_text(shown)}</blockquote>")
        out.append(f"<p>Evidence: {_text(where)}.</p>")
        disclosure = report.disclosure()
        if disclosure:
            out.append(f'<p class="disclosure">{_text(disclosure)}</p>')
        out.extend(_behind(report, report.origin.name, numbers))
    out.append("<h2>Labels</h2>")
    labels = report.all_labels()
    if labels:
        out.append("<table><tr><th>label</th><th>value</th><th>certainty</th><th>text</th></tr>")
        for label in labels:
            out.append(
                f"<tr><td>{_text(label.kind)}</td><td>{_text(label.value)}</td>"
                f'<td class="{_text(label.certainty)}">{_text(label.certainty)}</td><td>{_text(label.text)}</td></tr>'
            )
        out.append("</table><h3>Why</h3>")
        out.extend(f"<pre>{_text(explain(label))}</pre>" for label in labels)
    else:
        out.append("<p>No labels.</p>")
    out.append("<h2>Sources</h2><ol>")
    for source in numbers:
        out.append(f'<li><a href="{_text(source.url)}">{_text(source.cite())}</a></li>')
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"
