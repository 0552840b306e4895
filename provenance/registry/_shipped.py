"""The shipped data: its folder, its versions, its bundled third-party layers and snapshot, and reading a layer.

The shipped registry is the curated data (layer ``"default"``) plus the
bundled layers built by ``scripts/build_data.py`` from third-party data sets
(``"layer:state-media-monitor"``...), each in ``data/layers/NAME/`` with its
``LICENSE``/``ATTRIBUTION`` and ``VERSION`` files, and one validated snapshot
of the curated data with every bundled layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from provenance.errors import UnknownLayerError
from provenance.registry._loader import Records, digest_folder, read_folder

__all__ = [
    "BUNDLED_LAYERS",
    "DEFAULT_DIGESTED",
    "LAYER_DIGESTED",
    "LAYER_PREFIX",
    "data_folder",
    "data_version",
    "data_versions",
    "digest_layer",
    "layer_folder",
    "read_layer",
    "shipped_layers",
    "shipped_snapshot",
]

BUNDLED_LAYERS = ("state-media-monitor", "perennial-sources", "domain-quality")
"""The bundled third-party layers, in the order they are layered on the curated data."""

LAYER_PREFIX = "layer:"
"""How a registry's :attr:`~provenance.registry.Registry.layers` name a bundled layer (``layer:NAME``)."""

DEFAULT_DIGESTED = ("DATA_VERSION",)
"""Files of the shipped data folder that a ``"default"`` layer's digest covers besides its TOML files."""

LAYER_DIGESTED = ("VERSION",)
"""Files of a bundled layer's folder that its digest covers besides its TOML files."""


def data_folder() -> Path:
    """The folder of the shipped data (its TOML files, ``DATA_VERSION``, the source policy and the layers)."""
    return Path(__file__).parent.parent / "data"


def layer_folder(name: str) -> Path:
    """The folder of a bundled layer (``data/layers/NAME``)."""
    return data_folder() / "layers" / name


def shipped_snapshot() -> Path:
    """The snapshot of the curated data with every bundled layer, written by ``make data``."""
    return data_folder() / "layers" / "registry.snapshot"


def data_version() -> str:
    """The version of the curated data (CalVer, ``YYYY.MM.DD``); :func:`data_versions` names every layer's.

    >>> len(data_version().split("."))
    3
    """
    return (data_folder() / "DATA_VERSION").read_text(encoding="utf-8").strip()


def data_versions() -> dict[str, str]:
    """The version of the curated data (``"default"``) and of each bundled layer, in layer order.

    A layer's version is its ``VERSION`` file's ``version`` line: the
    upstream commit and the build recipe's version.

    >>> versions = data_versions()
    >>> list(versions)
    ['default', 'state-media-monitor', 'perennial-sources', 'domain-quality']
    >>> versions["state-media-monitor"]
    'd878fee1e0ae+recipe.1'
    """
    versions = {"default": data_version()}
    for name in BUNDLED_LAYERS:
        versions[name] = _version_line(layer_folder(name) / "VERSION")
    return versions


def _version_line(path: Path) -> str:
    """The value of a ``VERSION`` file's ``version = ...`` line (``unknown`` when the file has none)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return "missing"
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() == "version":
            return value.strip().strip('"')
    return "unknown"


def shipped_layers(layers: Iterable[str] | None = None) -> tuple[str, ...]:
    """The layers of a shipped registry: ``"default"`` and the bundled layers kept, in layer order.

    >>> shipped_layers(["domain-quality"])
    ('default', 'layer:domain-quality')
    >>> shipped_layers(["no-such-layer"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    provenance.errors.UnknownLayerError: unknown data layer 'no-such-layer'; the bundled layers are state-media-...

    Args:
        layers: Names of bundled layers to keep; ``None`` for all of them, empty for the curated data alone.

    Returns:
        ``("default", "layer:NAME", ...)``.

    Raises:
        UnknownLayerError: If a name is not a bundled layer's.
    """
    if layers is None:
        wanted = set(BUNDLED_LAYERS)
    else:
        wanted = {layers} if isinstance(layers, str) else set(layers)
        unknown = sorted(wanted - set(BUNDLED_LAYERS))
        if unknown:
            raise UnknownLayerError(unknown[0], BUNDLED_LAYERS)
    return ("default", *(LAYER_PREFIX + name for name in BUNDLED_LAYERS if name in wanted))


def _layer_name(layer: str) -> str | None:
    """The bundled layer's name when ``layer`` is ``layer:NAME``, else ``None``."""
    if layer.startswith(LAYER_PREFIX):
        name = layer[len(LAYER_PREFIX) :]
        if name not in BUNDLED_LAYERS:
            raise UnknownLayerError(name, BUNDLED_LAYERS)
        return name
    return None


def read_layer(layer: str) -> Records:
    """Read one layer: a folder path, ``"default"`` for the curated data, or ``"layer:NAME"`` for a bundled layer.

    Raises:
        UnknownLayerError: If ``layer:NAME`` names no bundled layer.
    """
    folder, digested = _layer_files(layer)
    return read_folder(folder, digest_also=digested)


def digest_layer(layer: str) -> str:
    """The current digest of a layer's files, as :func:`read_layer` digests them when it reads them.

    Raises:
        OSError, ValueError: If a file cannot be read (the folder is missing, say).
        UnknownLayerError: If ``layer:NAME`` names no bundled layer.
    """
    folder, digested = _layer_files(layer)
    return digest_folder(folder, digest_also=digested)


def _layer_files(layer: str) -> tuple[str | Path, tuple[str, ...]]:
    """Where a layer's files are, and which files besides its TOML its digest covers."""
    if layer == "default":
        return data_folder(), DEFAULT_DIGESTED
    name = _layer_name(layer)
    if name is not None:
        return layer_folder(name), LAYER_DIGESTED
    return layer, ()
