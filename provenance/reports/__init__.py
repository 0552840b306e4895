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

from provenance.reports._build import build_report
from provenance.reports._json import SCHEMA_VERSION
from provenance.reports._report import Report

__all__ = ["SCHEMA_VERSION", "Report", "build_report"]
