"""Loading the shipped registry with overlay folders layered on it (:func:`load_registry`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from provenance._gc import paused_gc
from provenance.registry._loader import read_folder
from provenance.registry._registry import Registry, default_registry
from provenance.registry._shipped import read_layer, shipped_layers

__all__ = ["load_registry"]


def load_registry(*overlays: str | Path, layers: Iterable[str] | None = None) -> Registry:
    """The shipped registry with overlay folders layered on it, validated together.

    Overlays may refer to ids of the shipped data (an importer's typology
    assessments for shipped outlets, say). With no overlays this is
    :func:`default_registry`.

    Args:
        overlays: Registry folders, later ones layered on earlier ones.
        layers: The bundled layers to keep, as for :func:`default_registry`.

    Returns:
        The combined registry; it pickles as its layers plus the overlay paths.

    Raises:
        RegistryError: Listing every problem in every file.
        UnknownLayerError: If a name is not a bundled layer's.
    """
    if not overlays:
        return default_registry(layers)
    shipped = shipped_layers(layers)
    with paused_gc():
        parts = [*(read_layer(layer) for layer in shipped), *(read_folder(folder) for folder in overlays)]
        return Registry.from_parts(parts, (*shipped, *(str(Path(folder).resolve()) for folder in overlays)))
