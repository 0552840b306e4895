"""Pausing the cyclic garbage collector while many objects that form no cycles are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many records (or modules) are made; none of them form cycles.

    Loading 100,000 outlets allocates millions of containers, and importing
    the registry's modules thousands; the collector would walk them again and
    again for nothing. It is switched back on afterwards only if it was on before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
