"""What a report says, before any rendering: :class:`ReportContents`, its fields and the facts derived from them."""

from __future__ import annotations

import attrs

from provenance._version import __version__
from provenance.dates import Interval
from provenance.labelling import disclosure
from provenance.labels import LabelSet
from provenance.model import Article, Mention, Outlet, Source
from provenance.ownership import ControlChain
from provenance.registry import Registry, data_version

__all__ = ["ReportContents", "article_subject"]


@attrs.frozen(slots=True)
class ReportContents:
    """What a report says about an article: the facts found, and what follows from them.

    The renderers read this; :class:`~provenance.reports.Report` adds the renderings.
    """

    article: Article
    """The article."""
    policy: str
    """The labelling policy used."""
    registry: Registry = attrs.field(repr=False)
    """Where the facts came from."""
    window: Interval | None
    """When the article could have been published; ``None`` when nothing narrows it."""
    window_basis: str
    """``stated`` (the article's date), ``origin-lifetime`` (the origin outlet's lifetime) or ``unknown``."""
    site: Outlet | None
    """The outlet whose site the article was found on, if known."""
    site_labels: LabelSet
    """Labels of that outlet."""
    origin: Outlet | None
    """The outlet the article was republished from, if the text says so."""
    origin_mention: Mention | None
    """The attribution statement that names the origin, when the text has one."""
    origin_url: str | None
    """The URL the page's structured data says it is based on, when that names the origin instead."""
    chain: ControlChain | None
    """Who owned and controlled the origin over the window."""
    origin_labels: LabelSet
    """Labels of the origin outlet over the window."""
    labels: LabelSet
    """Article labels: ``genre``, ``republished-from``, ``origin-state-media``."""
    library_version: str = __version__
    """Version of the library that built the report."""
    data_version: str = attrs.field(factory=data_version)
    """Version of the shipped data."""

    @property
    def subject(self) -> str:
        """What article labels are about: the URL, else the canonical URL, else ``"article"``."""
        return article_subject(self.article)

    def all_labels(self) -> LabelSet:
        """Article labels, then the origin's, then the site's."""
        return self.labels + self.origin_labels + self.site_labels

    def sources(self) -> tuple[Source, ...]:
        """Every source cited by any label or chain relation, numbered in this order."""
        cited: dict[Source, None] = {}
        for label in self.all_labels():
            cited.update(dict.fromkeys(label.sources))
        for path in self.chain or ():
            cited.update(dict.fromkeys(path.sources()))
        return tuple(cited)

    def published_text(self) -> str:
        """When it was published, in words: the stated date, or the window its origin bounds, or ``unknown``."""
        if self.window_basis == "stated":
            return str(self.article.published)
        if self.window is not None:
            return f"not stated; within its origin's lifetime, {self.window.describe()}"
        return "unknown"

    def origin_evidence(self) -> tuple[str, str] | None:
        """What shows the origin, and where: the attribution sentence, or the ``isBasedOn`` URL."""
        if self.origin_mention is not None:
            mention = self.origin_mention
            where = f"{mention.cue or 'attribution'}, characters {mention.start} to {mention.end} ({mention.name})"
            return mention.sentence, where
        if self.origin_url is not None:
            return self.origin_url, "the page's structured data (schema.org isBasedOn)"
        return None

    def disclosure(self) -> str | None:
        """One sentence about the origin a platform could show, or ``None``."""
        if self.origin is None:
            return None
        sentence = disclosure(self.origin_labels, self.registry)
        return (
            f"Republished from {self.origin.name}. {sentence}" if sentence else f"Republished from {self.origin.name}."
        )


def article_subject(article: Article) -> str:
    """What article labels are about: the URL, else the canonical URL, else ``"article"``."""
    return article.url or article.canonical_url or "article"
