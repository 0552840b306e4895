"""The code of a (made-up) downstream project: which shared links need a notice.

A newsletter shows a one-line notice beside links to state-controlled media.
It uses only the public API of provenance.
"""

from __future__ import annotations

from provenance import InvalidURLError, Registry, disclosure, label_url

# State Media Monitor codes for outlets under state control (not the
# independent public broadcasters such as the BBC, code IP).
CONTROLLED = frozenset({"SC", "CaPu", "CaPr"})


def notice_for(url: str, shared_at: str | None = None, registry: Registry | None = None) -> str | None:
    """The notice to show beside a shared link, or None when it needs none."""
    try:
        labels = label_url(url, shared_at, registry=registry)
    except InvalidURLError:
        return None
    state = labels.get("state-media")
    if state is None or state.value not in CONTROLLED:
        return None
    return disclosure(labels, registry)
