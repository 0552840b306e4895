"""Evidence in words: what in an article showed its origin, named and quoted, never as character offsets.

A :class:`~provenance.model.Mention` carries a ``cue`` (what made it an
attribution: the footer, a dateline, an agency credit...); reports say that
cue in words and quote the text, cut at a word with an ellipsis when long.
Offsets stay in the JSON form, for programs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.model import Mention

__all__ = ["CUE_WORDS", "cue_words", "evidence_phrase", "quote"]

CUE_WORDS: dict[str, str] = {
    "footer": "the footer",
    "dateline": "the dateline",
    "credit": "the agency credit",
    "copyright": "the copyright notice",
    "byline": "the byline",
    "source-line": "the source line",
    "originally-published": "the statement",
    "first-appeared": "the statement",
    "republished": "the statement",
    "provided-by": "the statement",
    "courtesy": "the credit",
    "came-from": "the statement",
    "isBasedOn": "the page's structured data (schema.org isBasedOn)",
}
"""Each attribution cue in words; a cue not listed reads as its name, hyphens as spaces."""

_QUOTE_LIMIT = 100


def cue_words(cue: str | None) -> str:
    """The words for an attribution cue.

    >>> cue_words("dateline"), cue_words("some-new-cue"), cue_words(None)
    ('the dateline', 'the some new cue', 'an attribution')
    """
    if cue is None:
        return "an attribution"
    return CUE_WORDS.get(cue, "the " + cue.replace("-", " ").replace("_", " "))


def quote(text: str, limit: int = _QUOTE_LIMIT) -> str:
    """Text on one line in single quotes, cut at a word with an ellipsis when longer than ``limit``.

    >>> quote("MOSCOW, March 3. /TASS/.")
    "'MOSCOW, March 3. /TASS/.'"
    >>> quote("one two three four", limit=10)
    "'one two…'"
    """
    flat = " ".join(text.split())
    if len(flat) > limit:
        cut = flat[:limit]
        space = cut.rfind(" ")
        flat = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + "…"
    return f"'{flat}'"


def evidence_phrase(mention: Mention, limit: int = _QUOTE_LIMIT) -> str:
    """What showed the origin, in words: the cue and the quoted sentence.

    >>> from provenance.model import Mention
    >>> text = "MOSCOW, March 3. /TASS/."
    >>> evidence_phrase(Mention("tass", "TASS", 18, 22, text, 0, attribution=True, cue="dateline"))
    "the dateline 'MOSCOW, March 3. /TASS/.'"
    """
    return f"{cue_words(mention.cue)} {quote(mention.sentence, limit)}"
