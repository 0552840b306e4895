"""Render a :class:`~provenance.reports.Report` as one self-contained HTML page.

No scripts, no external resources; every string from the article or the data
goes through :func:`html.escape`. The control chain is drawn as inline SVG:
one row per path, from the outlet on the left to the ultimate controller on
the right.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from provenance.labelling import explain
from provenance.model import Organization

if TYPE_CHECKING:
    from provenance.ownership import ControlChain
    from provenance.registry import Registry
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
"""

_BOX_WIDTH, _BOX_HEIGHT, _GAP, _ROW = 190, 44, 70, 70


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _chain_svg(chain: ControlChain, registry: Registry) -> str:
    """The control chain as SVG: boxes for bodies, labelled arrows for relations."""
    rows = [path for path in chain.paths if path.relations]
    if not rows:
        return ""
    columns = max(len(path.relations) for path in rows) + 1
    width = columns * _BOX_WIDTH + (columns - 1) * _GAP + 20
    height = len(rows) * _ROW + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="control chain" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>',
    ]
    for row, path in enumerate(rows):
        y = 10 + row * _ROW
        ids = [path.outlet, *(relation.subject for relation in path.relations)]
        for column, id in enumerate(ids):
            x = 10 + column * (_BOX_WIDTH + _GAP)
            body = registry.get(id)
            name = body.name if body is not None else id
            is_state = isinstance(body, Organization) and body.kind == "state"
            fill = "#fde2e2" if is_state else "#e8eef8"
            short = name if len(name) <= 28 else name[:27] + "…"
            parts.append(
                f'<g class="node"><title>{_text(name)}</title>'
                f'<rect x="{x}" y="{y}" width="{_BOX_WIDTH}" height="{_BOX_HEIGHT}" rx="6" '
                f'fill="{fill}" stroke="#555"/>'
                f'<text x="{x + _BOX_WIDTH / 2}" y="{y + _BOX_HEIGHT / 2 + 4}" '
                f'text-anchor="middle">{_text(short)}</text>'
                "</g>"
            )
            if column:
                relation = path.relations[column - 1]
                x1, x2 = x - 4, x - _GAP + 4
                share = f" {relation.share:.0%}" if relation.share is not None else ""
                parts.append(
                    f'<line x1="{x1}" y1="{y + _BOX_HEIGHT / 2}" x2="{x2}" y2="{y + _BOX_HEIGHT / 2}" '
                    f'stroke="#444" marker-end="url(#arrow)"/>'
                    f'<text x="{(x1 + x2) / 2}" y="{y + _BOX_HEIGHT / 2 - 6}" text-anchor="middle" '
                    f'font-size="10">{_text(relation.kind + share)}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


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
        out.append(f"<h2>Who stood behind {_text(report.origin.name)}</h2>")
        if report.chain is not None and report.chain.paths:
            out.append(f'<figure class="chain">{_chain_svg(report.chain, report.registry)}</figure><ul>')
            for path in report.chain:
                refs = "".join(f"[{numbers[s]}]" for s in path.sources())
                out.append(f"<li>{_text(path.describe(report.registry))} {refs}</li>")
            out.append("</ul>")
        else:
            out.append("<p>No owner or controller is recorded.</p>")
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
