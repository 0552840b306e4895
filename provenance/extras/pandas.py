"""Where :func:`label_frame` lived first: the same function as :func:`provenance.extras.frames.label_frame`.

It labels pandas and polars data frames and Arrow tables alike; import it
from :mod:`provenance.extras.frames` in new code.
"""

from __future__ import annotations

from provenance.extras.frames import label_frame

__all__ = ["label_frame"]
