"""The State Media Monitor typology: its codes, and the codes that funding, governance and editorial control imply."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from provenance.dates import Truth

__all__ = ["CAPTURED_CODES", "INDEPENDENT_CODES", "TYPOLOGY_NAMES", "derive_typology", "derived_typologies"]

TYPOLOGY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "SC": "state-controlled media",
        "CaPu": "captured public media",
        "CaPr": "captured private media",
        "ISFM": "independent state-funded and state-managed media",
        "ISF": "independent state-funded media",
        "ISM": "independent state-managed media",
        "IP": "independent public media",
    }
)
"""What each State Media Monitor code means."""

INDEPENDENT_CODES = frozenset({"ISFM", "ISF", "ISM", "IP"})
"""The codes that record editorial independence."""
CAPTURED_CODES = frozenset({"SC", "CaPu", "CaPr"})
"""The codes that record state editorial control."""


def derive_typology(funding: Truth, governance: Truth, editorial: Truth, public_service: bool) -> str | None:
    """The State Media Monitor code that three facts imply, or ``None``: the typology's table.

    ``MAYBE`` counts as present. An outlet with no link to the state gets no
    code, unless it is a public-service broadcaster (``IP``). This is the
    bare table; :func:`derived_typologies` is what the ``typology`` policy
    uses, since ``NO`` editorial control there means only that no fact says so.

    >>> derive_typology(Truth.YES, Truth.YES, Truth.YES, False)
    'SC'
    >>> derive_typology(Truth.YES, Truth.NO, Truth.NO, True)
    'ISF'
    >>> derive_typology(Truth.NO, Truth.NO, Truth.NO, False) is None
    True
    """
    f, g, e = (truth is not Truth.NO for truth in (funding, governance, editorial))
    if e:
        if not g:
            return "CaPr"
        return "SC" if f else "CaPu"
    if f and g:
        return "ISFM"
    if f:
        return "ISF"
    if g:
        return "ISM"
    return "IP" if public_service else None


def derived_typologies(
    funding: Truth, governance: Truth, editorial: Truth, public_service: bool
) -> tuple[tuple[str, Truth], ...]:
    """The codes the facts allow, each with how surely it holds, when no assessment applies.

    ``editorial`` is what the recorded facts say about state editorial
    control: ``YES`` or ``MAYBE`` when a ``controls-editorially`` relation
    holds on all or some days, ``NO`` when none is recorded. The registry
    has no fact for "the state does not control it" (that is what an
    assessment of editorial independence records), so ``NO`` here means
    *unknown*, and absence of evidence is not independence:

    - editorial control ``YES``: the captured code (SC, CaPu or CaPr by
      funding and governance), ``YES`` unless funding or governance is ``MAYBE``;
    - otherwise, both codes the facts allow, each ``MAYBE``: the captured code
      (only when a state funds or governs the outlet, or may control its line)
      and the independent code (ISFM, ISF, ISM, or IP for a public-service
      broadcaster);
    - nothing when neither is allowed (no link to a state, not public service).

    An independent code is therefore never ``YES``.

    >>> derived_typologies(Truth.YES, Truth.YES, Truth.YES, False)
    (('SC', <Truth.YES: 'yes'>),)
    >>> derived_typologies(Truth.YES, Truth.YES, Truth.NO, False)
    (('SC', <Truth.MAYBE: 'maybe'>), ('ISFM', <Truth.MAYBE: 'maybe'>))
    >>> derived_typologies(Truth.NO, Truth.NO, Truth.NO, True)
    (('IP', <Truth.MAYBE: 'maybe'>),)
    >>> derived_typologies(Truth.NO, Truth.NO, Truth.NO, False)
    ()
    """
    if editorial is Truth.YES:
        code = derive_typology(funding, governance, editorial, public_service)
        assert code is not None  # editorial control always gives a captured code
        return ((code, Truth.MAYBE if Truth.MAYBE in (funding, governance) else Truth.YES),)
    found: list[tuple[str, Truth]] = []
    if editorial is Truth.MAYBE or funding is not Truth.NO or governance is not Truth.NO:
        captured = derive_typology(funding, governance, Truth.YES, public_service)
        assert captured is not None
        found.append((captured, Truth.MAYBE))
    independent = derive_typology(funding, governance, Truth.NO, public_service)
    if independent is not None:
        found.append((independent, Truth.MAYBE))
    return tuple(found)
