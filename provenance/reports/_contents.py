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
from provenance.reports._evidence import evidence_phrase

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
    """The publisher: the outlet at the article's URL, if known."""
    site_labels: LabelSet
    """Labels of that outlet."""
    origin: Outlet | None
    """The outlet the text shows the article came from, if it shows one (the publisher itself, when it names it)."""
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

    @property
    def republished(self) -> bool:
        """Whether the article came from another outlet than its publisher (an origin that is not the site)."""
        return self.origin is not None and (self.site is None or self.origin.id != self.site.id)

    def origin_evidence(self) -> tuple[str, str] | None:
        """What shows the origin, and in words what it is: the attribution sentence, or the ``isBasedOn`` URL.

        The words name the cue and quote the sentence (``the dateline 'MOSCOW, March 3. /TASS/.'``);
        character offsets stay in the JSON form.
        """
        if self.origin_mention is not None:
            return self.origin_mention.sentence, evidence_phrase(self.origin_mention)
        if self.origin_url is not None:
            return self.origin_url, "the page's structured data (schema.org isBasedOn)"
        return None

    def publisher_text(self) -> str | None:
        """``Published by <outlet>.``, or ``None`` when the outlet at the URL is unknown."""
        return None if self.site is None else f"Published by {self.site.name}."

    def window_text(self) -> str:
        """The window in words: ``on 2012-08-16``, ``in 2012-08``, ``over 1993 to 2014``, ``since 2005``..."""
        window = self.window
        if window is None:
            return "at any time"
        if window.start is not None and window.start == window.end:
            return f"{'on' if window.start.precision == 'day' else 'in'} {window.start}"
        words = window.describe()
        return words if words.startswith(("since ", "until ", "from ")) else "over " + words

    def disclosure(self) -> str | None:
        """One sentence a platform could show, or ``None``.

        For a republication it is about the origin (``Republished from X. ...``); otherwise about the
        publisher (``Published by X. ...``) when its labels have something to disclose.
        """
        if self.origin is not None and self.republished:
            sentence = disclosure(self.origin_labels, self.registry)
            name = self.origin.name
            return f"Republished from {name}. {sentence}" if sentence else f"Republished from {name}."
        if self.site is None:
            return None
        sentence = disclosure(self.site_labels, self.registry)
        return f"Published by {self.site.name}. {sentence}" if sentence else None


def article_subject(article: Article) -> str:
    """What article labels are about: the URL, else the canonical URL, else ``"article"``."""
    return article.url or article.canonical_url or "article"
