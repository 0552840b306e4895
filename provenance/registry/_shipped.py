"""The shipped data: its folder, its data version, and reading a layer (a folder, or ``"default"`` for it)."""

from __future__ import annotations

from pathlib import Path

from provenance.registry._loader import Records, read_folder

__all__ = ["DEFAULT_DIGESTED", "data_folder", "data_version", "read_layer"]


def data_folder() -> Path:
    """The folder of the shipped data (its TOML files, ``DATA_VERSION`` and the source policy)."""
    return Path(__file__).parent.parent / "data"


def data_version() -> str:
    """The version of the shipped data (CalVer, ``YYYY.MM.DD``).

    >>> len(data_version().split("."))
    3
    """
    return (data_folder() / "DATA_VERSION").read_text(encoding="utf-8").strip()


DEFAULT_DIGESTED = ("DATA_VERSION",)
"""Files of the shipped data folder that a ``"default"`` layer's digest covers besides its TOML files."""


def read_layer(layer: str) -> Records:
    """Read one layer: a folder path, or ``"default"`` for the shipped data."""
    if layer == "default":
        return read_folder(data_folder(), digest_also=DEFAULT_DIGESTED)
    return read_folder(layer)
