"""schema.org structured data: the article node of a page's JSON-LD and what it says about the article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from provenance.articles._genres import ARTICLE_TYPES, SCHEMA_GENRES
from provenance.articles._text import collapse

_JSONLD_MAX_DEPTH = 12
_JSONLD_MAX_ITEMS = 20_000


def _json_dicts(roots: Iterable[object]) -> Iterator[dict[str, object]]:
    """Every JSON object in the blobs, depth-first, within fixed bounds."""
    stack: list[tuple[object, int]] = [(root, 0) for root in reversed(list(roots))]
    budget = _JSONLD_MAX_ITEMS
    while stack and budget > 0:
        value, depth = stack.pop()
        budget -= 1
        if isinstance(value, dict):
            yield value
            if depth < _JSONLD_MAX_DEPTH:
                stack.extend((child, depth + 1) for child in reversed(list(value.values())))
        elif isinstance(value, list) and depth < _JSONLD_MAX_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(value))


def _types(node: Mapping[str, object]) -> tuple[str, ...]:
    value = node.get("@type")
    raw = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(re.split(r"[/:#]", item.strip())[-1] for item in raw if isinstance(item, str) and item.strip())


@attrs.frozen(slots=True)
class Structured:
    """What the page's article node says (all empty when the page has none).

    Attributes:
        headline: Its ``headline`` (or ``name``).
        authors: Its authors' names.
        publisher: Its publisher's name.
        published: Its ``datePublished`` as written.
        is_based_on: Its ``isBasedOn`` and ``isBasedOnUrl`` addresses as written.
        url: Its ``url``, or the address of its ``mainEntityOfPage``.
        types: Its schema.org types, without the vocabulary prefix.
        sections: Its ``genre`` and ``articleSection`` values.
    """

    headline: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    is_based_on: tuple[str, ...] = ()
    url: str | None = None
    types: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


class _Graph:
    """The JSON-LD nodes by ``@id``, to follow a reference such as ``{"@id": "#author"}`` to its node."""

    def __init__(self, nodes: Iterable[dict[str, object]]) -> None:
        self.ids: dict[str, dict[str, object]] = {}
        for node in nodes:
            key = node.get("@id")
            if isinstance(key, str) and len(node) > 1:
                self.ids.setdefault(key, node)

    def resolve(self, value: object) -> object:
        """The node a nameless reference points to, or the value itself."""
        if isinstance(value, dict):
            key = value.get("@id")
            if isinstance(key, str) and key in self.ids and "name" not in value:
                return self.ids[key]
        return value

    def names(self, value: object, limit: int = 20) -> list[str]:
        """The names of a person or organisation, or of a list of them (references followed)."""
        items = value if isinstance(value, list) else [value]
        found = [name for item in items[:limit] if (name := _name_of(self.resolve(item))) is not None]
        return [clean for clean in (collapse(name) for name in found) if clean and len(clean) <= 200]


def _name_of(item: object) -> str | None:
    """A name written as text or as a node's ``name`` (the first text of a list)."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        name = item.get("name")
        if isinstance(name, list):
            name = next((part for part in name if isinstance(part, str)), None)
        if isinstance(name, str):
            return name
    return None


def _url_of(item: object) -> str | None:
    """An address written as text or as a node's ``url`` or ``@id`` (the first text of a list)."""
    if isinstance(item, dict):
        item = item.get("url") or item.get("@id")
        if isinstance(item, list):
            item = next((part for part in item if isinstance(part, str)), None)
    if isinstance(item, str) and item.strip():
        return item.strip()
    return None


def _urls(value: object, limit: int = 50) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [url for item in items[:limit] if (url := _url_of(item)) is not None]


def _text(value: object) -> str | None:
    """Text, white space folded (the first text of a list); ``None`` for anything else or blank."""
    if isinstance(value, list):
        value = next((part for part in value if isinstance(part, str)), None)
    return collapse(value) or None if isinstance(value, str) else None


def _article_node(nodes: Sequence[dict[str, object]]) -> dict[str, object] | None:
    """The first node of a specific article type, else the first ``NewsArticle``, else the first article."""
    articles = [node for node in nodes if ARTICLE_TYPES.intersection(_types(node))]
    if not articles:
        return None
    specific = [node for node in articles if set(SCHEMA_GENRES).intersection(_types(node))]
    news = [node for node in articles if "NewsArticle" in _types(node)]
    return (specific or news or articles)[0]


def _page_url(node: Mapping[str, object], graph: _Graph) -> str | None:
    page = graph.resolve(node.get("mainEntityOfPage"))
    url = _text(node.get("url")) or (_text(page) if isinstance(page, str) else None)
    if url is None and isinstance(page, dict):
        url = _text(page.get("@id")) or _text(page.get("url"))
    return url


def _sections(node: Mapping[str, object]) -> tuple[str, ...]:
    sections: list[str] = []
    for key in ("genre", "articleSection"):
        value = node.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                sections.append(collapse(item)[:100])
    return tuple(sections)


def read_structured(blobs: Sequence[object]) -> Structured:
    """What the article node of a page's JSON-LD blobs says; never raises on odd data.

    Args:
        blobs: The loaded JSON-LD blobs.

    Returns:
        The article's structured data, empty when no node has an article type.
    """
    nodes = list(_json_dicts(blobs))
    node = _article_node(nodes)
    if node is None:
        return Structured()
    graph = _Graph(nodes)
    publisher_names = graph.names(node.get("publisher"), limit=1)
    return Structured(
        headline=_text(node.get("headline")) or _text(node.get("name")),
        authors=tuple(dict.fromkeys(graph.names(node.get("author")))),
        publisher=publisher_names[0] if publisher_names else None,
        published=_text(node.get("datePublished")),
        is_based_on=tuple(_urls(node.get("isBasedOn")) + _urls(node.get("isBasedOnUrl"))),
        url=_page_url(node, graph),
        types=_types(node),
        sections=_sections(node),
    )
