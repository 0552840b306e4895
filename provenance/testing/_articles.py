"""A Hypothesis strategy for plain-text articles with, sometimes, an attribution footer."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import attrs

from provenance.registry import Registry, default_registry

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from provenance.model import Outlet

__all__ = ["ATTRIBUTION_TEMPLATES", "ArticleSample", "articles"]

ATTRIBUTION_TEMPLATES: tuple[str, ...] = (
    "This article was originally published by {name}.",
    "This article first appeared in {name}.",
    "Source: {name}",
    "This article is provided by {name}.",
    "This article was republished from {name}.",
    "This article comes courtesy of {name}.",
)
"""Footer lines :func:`articles` uses to attribute a piece to an outlet; ``{name}`` is its name."""


@attrs.frozen(slots=True)
class ArticleSample:
    """A generated plain-text article and what it was built from, to check a parser against."""

    text: str
    """The whole article, as :func:`provenance.articles.parse_article` takes it."""
    title: str
    """The title line."""
    author: str
    """The name in the byline (``By <author>``)."""
    body: str
    """The paragraphs between byline and footer."""
    footer: str | None
    """The attribution footer, if any."""
    origin: str | None
    """Id of the outlet the footer names, if any."""
    origin_name: str | None
    """The name the footer uses for it."""


_WORDS = (
    "minister", "talks", "report", "election", "border", "trade", "energy", "summit", "council", "budget",
    "ceasefire", "vote", "court", "ruling", "harvest", "pipeline", "shipping", "observers", "reforms", "crisis",
    "agreement", "market", "protest", "capital", "region", "delegation", "statement", "sanctions", "treaty",
    "inflation", "climate", "festival", "opposition", "coalition", "river", "café", "Zürich", "Kraków", "São",
    "Paulo", "Seoul", "Nairobi", "Москве", "北京", "ministers", "weekly", "officials", "analysts",
)  # fmt: skip
_FIRST = ("Polina", "Anna", "John", "Maria", "Li", "Ahmed", "Olga", "José", "Zoë", "Kwame", "Søren", "Иван")
_LAST = ("Chernitsa", "Smith", "García", "Okafor", "Nguyen", "Müller", "O'Brien", "Kowalski", "Петров", "Tanaka")


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.casefold()))


def _names_only_itself(outlet: Outlet, holders: Counter[str], spelled: frozenset[str]) -> bool:
    """Whether a footer with the outlet's name names it alone: no other outlet bears the name or a run of its words.

    "APS" is two news agencies; "Radio Televisión Madrid (RTVM)" holds "RTVM", another outlet's name.
    ``spelled`` holds every outlet name of the registry as its words.
    """
    if holders[outlet.name.casefold()] != 1:
        return False
    words = _words(outlet.name)
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return not (runs & spelled) - {" ".join(_words(entry.name)) for entry in outlet.all_names()}


def articles(registry: Registry | None = None, *, attribution: bool | None = None) -> SearchStrategy[ArticleSample]:
    """Plain-text articles: a title, a byline, a body and, sometimes, an attribution footer.

    The layout is that of ``seeds/000_ef366a290e0a1be4.txt``: title, blank
    lines, ``By <name>``, paragraphs, and a footer line naming the outlet the
    piece came from (see :data:`ATTRIBUTION_TEMPLATES`). Body words come from
    a fixed, neutral vocabulary (several scripts), so no outlet is named
    except by the footer.

    Args:
        registry: Outlets the footer may name, by a name no other outlet of it bears (default: the shipped data).
        attribution: ``True`` for always a footer, ``False`` for never,
            ``None`` for either.

    Returns:
        A strategy of :class:`ArticleSample`; feed ``sample.text`` to
        :func:`provenance.articles.parse_article`.
    """
    from hypothesis import strategies as st

    chosen = registry if registry is not None else default_registry()
    outlets = chosen.outlets()
    holders = Counter(name for outlet in outlets for name in {entry.name.casefold() for entry in outlet.all_names()})
    spelled = frozenset(" ".join(_words(name)) for name in holders)
    named = [outlet for outlet in outlets if _names_only_itself(outlet, holders, spelled)]
    if attribution and not named:
        raise ValueError("the registry has no outlet for a footer to name")
    # Leave out any word that is also an outlet's name, so only the footer names one.
    taken = set(holders)
    words = st.sampled_from([word for word in _WORDS if word.casefold() not in taken])
    first_names, last_names = st.sampled_from(_FIRST), st.sampled_from(_LAST)
    footers = st.sampled_from(ATTRIBUTION_TEMPLATES)
    origins = st.sampled_from(named) if named else st.nothing()

    def sentence(parts: list[str]) -> str:
        return " ".join(parts)[:1].upper() + " ".join(parts)[1:] + "."

    sentences = st.lists(words, min_size=3, max_size=14).map(sentence)
    paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)

    @st.composite
    def build(draw: DrawFn) -> ArticleSample:
        title = " ".join(word[:1].upper() + word[1:] for word in draw(st.lists(words, min_size=2, max_size=9)))
        author = f"{draw(first_names)} {draw(last_names)}"
        body = "\n\n".join(draw(st.lists(paragraphs, min_size=1, max_size=5)))
        with_footer = draw(st.booleans()) if attribution is None else attribution
        footer = origin = origin_name = None
        if with_footer and named:
            outlet = draw(origins)
            origin, origin_name = outlet.id, outlet.name
            footer = draw(footers).format(name=origin_name)
        text = f"{title}\n\n\nBy {author}\n\n{body}\n"
        if footer is not None:
            text += f"\n\n{footer}\n"
        return ArticleSample(text, title, author, body, footer, origin, origin_name)

    return build()
