"""The registry layer: TOML folders read into records, checked, indexed, and saved as snapshots.

One direction inside: ``_toml`` reads the flat TOML of registry files, ``_loader``
turns documents into records by their layout (:mod:`provenance.layout`),
``_validation`` checks the whole set, ``_indexes`` and ``_registry`` hold the
immutable, indexed :class:`Registry`, ``_shipped`` knows the shipped data
folder and its bundled layers, ``_platforms`` reads the hosts and paths of
accounts on platforms (claims on a host plus a path prefix), ``_overlays`` layers overlay folders on them,
and ``_snapshot`` writes and reads a registry's validated records.
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

from provenance._gc import paused_gc
from provenance.registry._loader import (
    LazyLocations,
    Records,
    digest_folder,
    read_document,
    read_file,
    read_folder,
    read_text,
)
from provenance.registry._overlays import load_registry
from provenance.registry._platforms import normalize_path, path_keys, platform_host
from provenance.registry._registry import Registry, default_registry
from provenance.registry._shipped import (
    BUNDLED_LAYERS,
    DEFAULT_DIGESTED,
    LAYER_PREFIX,
    data_folder,
    data_version,
    data_versions,
    digest_layer,
    layer_folder,
    read_layer,
    shipped_layers,
    shipped_snapshot,
)
from provenance.registry._snapshot import FORMAT as SNAPSHOT_FORMAT
from provenance.registry._validation import describe_record, find_problems

__all__ = [
    "BUNDLED_LAYERS",
    "DEFAULT_DIGESTED",
    "LAYER_PREFIX",
    "SNAPSHOT_FORMAT",
    "LazyLocations",
    "Records",
    "Registry",
    "data_folder",
    "data_version",
    "data_versions",
    "default_registry",
    "describe_record",
    "digest_folder",
    "digest_layer",
    "find_problems",
    "layer_folder",
    "load_registry",
    "normalize_path",
    "path_keys",
    "paused_gc",
    "platform_host",
    "read_document",
    "read_file",
    "read_folder",
    "read_layer",
    "read_text",
    "shipped_layers",
    "shipped_snapshot",
]
