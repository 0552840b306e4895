"""Importers: bring third-party data sets into registry overlays.

Each importer reads one format, from a file path or from lines of text, and
returns an :class:`ImportResult`: the imported records, the base registry
extended with them (validated together), and an :class:`ImportReport` whose
counts add up to the rows read, every skipped row named by its line. None of
them touches the network or writes anything; :func:`write_overlay` writes the
records as a registry folder the loader reads back. ``docs/importers.md``
describes each format.

>>> sorted(FORMATS)
['csv', 'domain-quality', 'perennial-sources', 'state-media-matrix', 'wikidata']
"""

from __future__ import annotations

from collections.abc import Callable

from provenance.importers._common import (
    ImportFileError,
    ImportReport,
    ImportResult,
    Input,
    SkippedRow,
)
from provenance.importers.domain_quality import import_domain_quality
from provenance.importers.generic_csv import import_csv
from provenance.importers.overlay import write_overlay
from provenance.importers.perennial import import_perennial_sources
from provenance.importers.state_media import import_state_media_matrix
from provenance.importers.wikidata import import_wikidata

__all__ = [
    "FORMATS",
    "ImportFileError",
    "ImportReport",
    "ImportResult",
    "Input",
    "SkippedRow",
    "import_csv",
    "import_domain_quality",
    "import_perennial_sources",
    "import_state_media_matrix",
    "import_wikidata",
    "write_overlay",
]

FORMATS: dict[str, Callable[..., ImportResult]] = {
    "state-media-matrix": import_state_media_matrix,
    "perennial-sources": import_perennial_sources,
    "domain-quality": import_domain_quality,
    "wikidata": import_wikidata,
    "csv": import_csv,
}
"""The importer of each format name the command line accepts."""
