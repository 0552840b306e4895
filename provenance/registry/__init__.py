"""The registry layer: TOML folders read into records, checked, indexed, and saved as snapshots.

One direction inside: ``_toml`` reads the flat TOML of registry files, ``_loader``
turns documents into records by their layout (:mod:`provenance.layout`),
``_validation`` checks the whole set, ``_indexes`` and ``_registry`` hold the
immutable, indexed :class:`Registry`, ``_shipped`` knows the shipped data
folder, and ``_snapshot`` writes and reads a registry's validated records.
Everything other modules use is exported here.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}],
... )
>>> reg.outlet_for_url("https://de.rt.com/inland/1").id
'rt'
>>> reg.outlet_for_url("https://rt.com.evil.example/") is None
True
"""

from provenance.registry._loader import (
    LazyLocations,
    Records,
    digest_folder,
    paused_gc,
    read_document,
    read_file,
    read_folder,
    read_text,
)
from provenance.registry._registry import Registry, default_registry, load_registry
from provenance.registry._shipped import DEFAULT_DIGESTED, data_folder, data_version, read_layer
from provenance.registry._snapshot import FORMAT as SNAPSHOT_FORMAT
from provenance.registry._validation import describe_record, find_problems

__all__ = [
    "DEFAULT_DIGESTED",
    "SNAPSHOT_FORMAT",
    "LazyLocations",
    "Records",
    "Registry",
    "data_folder",
    "data_version",
    "default_registry",
    "describe_record",
    "digest_folder",
    "find_problems",
    "load_registry",
    "paused_gc",
    "read_document",
    "read_file",
    "read_folder",
    "read_layer",
    "read_text",
]
