"""The :class:`Report` of an article's provenance and its renderings by format."""

from __future__ import annotations

import json
from typing import Any

import attrs

from provenance.reports._contents import ReportContents
from provenance.reports._html import render_html
from provenance.reports._json import report_dict
from provenance.reports._linked import render_jsonld, render_prov_json
from provenance.reports.markdown import render_markdown

__all__ = ["Report"]


@attrs.frozen(slots=True)
class Report(ReportContents):
    """Everything known about where an article came from, ready to render."""

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (schema ``SCHEMA_VERSION``)."""
        return report_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The readable report in Markdown."""
        return render_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page, every input string escaped, the chain drawn in SVG."""
        return render_html(self)

    def to_prov_json(self) -> str:
        """The provenance as W3C PROV-JSON, label assertions in a bundle."""
        return render_prov_json(self)

    def to_jsonld(self) -> str:
        """The article as schema.org JSON-LD (``NewsArticle`` or a subtype)."""
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
