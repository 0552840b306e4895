"""The records the registry is made of: frozen, slotted, validated.

Records hold facts and the sources that back them; they know nothing of
labels or reports. Ids are lower-case kebab-case and shared by outlets and
organisations, so a relation can point at either.

>>> src = Source("https://en.wikipedia.org/wiki/Voice_of_Russia", "Voice of Russia",
...              publisher="Wikipedia", accessed=PartialDate(2026, 11, 28))
>>> vor = Outlet("voice-of-russia", "Voice of Russia", kind="radio", country="RU",
...              lifetime=Interval.parse("1993-12-22", "2014-11-10"), sources=(src,))
>>> vor.names_at(PartialDate(2012))
('Voice of Russia',)
"""

from __future__ import annotations

import attrs

from provenance import _checks as check
from provenance.dates import ALWAYS, Interval, PartialDate, Truth
from provenance.errors import RecordError

__all__ = [
    "ASSESSMENT_KINDS",
    "DOMAIN_ROLES",
    "NAME_KINDS",
    "ORGANIZATION_KINDS",
    "OUTLET_KINDS",
    "RELATION_KINDS",
    "SOURCE_KINDS",
    "SUCCESSION_KINDS",
    "TYPOLOGY_CODES",
    "Article",
    "Assessment",
    "DomainClaim",
    "Mention",
    "Name",
    "Organization",
    "Outlet",
    "Relation",
    "Source",
    "Succession",
]

ORGANIZATION_KINDS = frozenset({"state", "government-body", "public-body", "company", "nonprofit", "person", "other"})
"""Kinds of :class:`Organization`."""
OUTLET_KINDS = frozenset(
    {
        "broadcaster",
        "tv-channel",
        "radio",
        "news-agency",
        "newspaper",
        "magazine",
        "website",
        "aggregator",
    }
)
"""Kinds of :class:`Outlet`."""
RELATION_KINDS = frozenset({"owns", "funds", "governs", "controls-editorially", "operates", "parent-of"})
"""Kinds of :class:`Relation`; the subject does this to the object."""
SUCCESSION_KINDS = frozenset({"renamed", "merged-into", "replaced-by"})
"""Kinds of :class:`Succession`."""
DOMAIN_ROLES = frozenset({"primary", "edition", "mirror", "former"})
"""Roles of a :class:`DomainClaim`."""
ASSESSMENT_KINDS = frozenset({"typology", "sanction", "platform-label", "rating"})
"""Kinds of :class:`Assessment`."""
NAME_KINDS = frozenset({"name", "acronym", "alias"})
"""Kinds of :class:`Name`."""
TYPOLOGY_CODES = ("SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP")
"""State Media Monitor typology codes, from most to least state control."""

SOURCE_KINDS = frozenset({"official", "self", "reference", "news", "other"})
"""Kinds of :class:`Source`: what sort of document it is (see ``docs/data.md``, "Source policy").

``official``: laws, decrees, gazettes, regulators, sanctions lists and their acts,
company registries, filings, annual reports. ``self``: the outlet's or its owner's
own pages. ``reference``: encyclopedias (Wikipedia in any language at its own
address), State Media Monitor profiles, academic work. ``news``: reporting by
established news organisations. ``other``: anything else.
"""


@attrs.frozen(slots=True)
class Source:
    """A document that backs a fact.

    Sources compare equal by all their fields, so the same page cited twice
    with the same details is one source.
    """

    url: str = attrs.field(validator=check.url)
    """Where the document is."""
    title: str = attrs.field(validator=check.text)
    """Its title."""
    publisher: str | None = attrs.field(default=None, validator=check.optional_text)
    """Who published it."""
    accessed: PartialDate | None = attrs.field(
        metadata={"required": True}, default=None, validator=attrs.validators.optional(check.instance_of(PartialDate))
    )
    """When it was read."""
    quote: str | None = attrs.field(default=None, validator=check.optional_text)
    """A few words from it, verbatim, that state the fact."""
    kind: str | None = attrs.field(default=None, validator=attrs.validators.optional(check.one_of(SOURCE_KINDS)))
    """One of :data:`SOURCE_KINDS`; ``None`` when not stated (the shipped data's source policy requires it)."""
    archived: str | None = attrs.field(default=None, validator=attrs.validators.optional(check.url))
    """An archived copy that was read where the live page is gone (``accessed`` is when the copy was read)."""

    def cite(self) -> str:
        """One line for a source list: title, publisher, URL, access date.

        >>> Source("https://example.org/a", "About us", "Example").cite()
        'About us. Example. https://example.org/a'
        """
        parts = [self.title, self.publisher, self.url]
        text = ". ".join(part for part in parts if part)
        if self.archived is not None:
            text += f" (archived copy: {self.archived})"
        if self.accessed is not None:
            text += f" (accessed {self.accessed})"
        if self.quote:
            text += f': "{self.quote}"'
        return text


_SOURCES = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Source))
_INTERVAL = attrs.field(default=ALWAYS, validator=check.instance_of(Interval))


@attrs.frozen(slots=True)
class Name:
    """A name an outlet went by, when."""

    name: str = attrs.field(validator=check.text)
    """The name as written."""
    interval: Interval = _INTERVAL
    """When the outlet used it."""
    kind: str = attrs.field(default="name", validator=check.one_of(NAME_KINDS))
    """``name``, ``acronym`` or ``alias``."""


@attrs.frozen(slots=True)
class Organization:
    """A state, company, public body, person or other body that can own or control outlets."""

    id: str = attrs.field(validator=check.identifier)
    """Stable id, unique across outlets and organisations."""
    name: str = attrs.field(validator=check.text)
    """Current or last name."""
    kind: str = attrs.field(validator=check.one_of(ORGANIZATION_KINDS))
    """One of :data:`ORGANIZATION_KINDS`; the state of a country is ``state``."""
    country: str | None = attrs.field(default=None, validator=check.country)
    """ISO 3166-1 alpha-2 code."""
    lifetime: Interval = _INTERVAL
    """When it existed."""
    description: str | None = attrs.field(default=None, validator=check.optional_text)
    """One sentence about it."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs the record."""
    names: tuple[Name, ...] = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Name))
    """Other names it went by: former names, acronyms, names in other languages and scripts."""

    def all_names(self) -> tuple[Name, ...]:
        """Every recorded name, with ``name`` first when it is not among ``names``."""
        if any(entry.name == self.name for entry in self.names):
            return self.names
        return (Name(self.name, self.lifetime), *self.names)

    def __attrs_post_init__(self) -> None:
        if self.kind == "state" and self.country is None:
            raise RecordError(f"Organization {self.id!r}: a state needs a country")


@attrs.frozen(slots=True)
class Outlet:
    """A news outlet: a broadcaster, agency, paper, site or aggregator."""

    id: str = attrs.field(validator=check.identifier)
    """Stable id, unique across outlets and organisations."""
    name: str = attrs.field(validator=check.text)
    """Current or last name."""
    kind: str = attrs.field(validator=check.one_of(OUTLET_KINDS))
    """One of :data:`OUTLET_KINDS`."""
    country: str = attrs.field(validator=check.country)
    """ISO 3166-1 alpha-2 code of the country it is based in."""
    names: tuple[Name, ...] = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Name))
    """Names over time, acronyms and aliases; ``name`` counts as well."""
    lifetime: Interval = _INTERVAL
    """When it existed."""
    public_service: bool = attrs.field(default=False, validator=check.instance_of(bool))
    """Whether it is a public-service broadcaster."""
    description: str | None = attrs.field(default=None, validator=check.optional_text)
    """One sentence about it."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs the record."""

    def all_names(self) -> tuple[Name, ...]:
        """Every recorded name, with ``name`` first when it is not among ``names``."""
        if any(entry.name == self.name for entry in self.names):
            return self.names
        return (Name(self.name, self.lifetime), *self.names)

    def names_at(self, when: PartialDate | Interval) -> tuple[str, ...]:
        """Names (not acronyms) the outlet may have used at ``when``."""
        return tuple(
            entry.name
            for entry in self.all_names()
            if entry.kind == "name" and entry.interval.contains(when) is not Truth.NO
        )

    def name_at(self, when: PartialDate | Interval | None) -> str:
        """The name in use at ``when`` (the current name when unsure or unknown)."""
        if when is None:
            return self.name
        names = self.names_at(when)
        return self.name if not names or self.name in names else names[0]


@attrs.frozen(slots=True)
class Relation:
    """A dated link between two bodies: the subject owns, funds, governs... the object."""

    subject: str = attrs.field(validator=check.identifier)
    """Id of the owner, funder or controller."""
    kind: str = attrs.field(validator=check.one_of(RELATION_KINDS))
    """One of :data:`RELATION_KINDS`."""
    object: str = attrs.field(validator=check.identifier)
    """Id of what is owned, funded or controlled."""
    share: float | None = attrs.field(default=None, validator=check.share)
    """Fraction owned or funded, 0 to 1, when known."""
    interval: Interval = _INTERVAL
    """When it held."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs it."""

    def __attrs_post_init__(self) -> None:
        if self.subject == self.object:
            raise RecordError(f"Relation: {self.subject!r} cannot {self.kind} itself")


@attrs.frozen(slots=True)
class Succession:
    """One outlet or body continued as another."""

    predecessor: str = attrs.field(validator=check.identifier)
    """Id of what came before."""
    successor: str = attrs.field(validator=check.identifier)
    """Id of what came after."""
    kind: str = attrs.field(validator=check.one_of(SUCCESSION_KINDS))
    """One of :data:`SUCCESSION_KINDS`."""
    date: PartialDate = attrs.field(validator=check.instance_of(PartialDate))
    """When."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs it."""


@attrs.frozen(slots=True)
class DomainClaim:
    """An outlet used a host (and every host below it) during an interval."""

    host: str = attrs.field(validator=check.text)
    """A normalised host or registrable domain, e.g. ``rt.com`` or ``radiosputnik.ria.ru``."""
    outlet: str = attrs.field(validator=check.identifier)
    """Id of the outlet."""
    role: str = attrs.field(validator=check.one_of(DOMAIN_ROLES))
    """One of :data:`DOMAIN_ROLES`."""
    interval: Interval = _INTERVAL
    """When the outlet used it."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs it."""
    under: str | None = attrs.field(default=None, validator=attrs.validators.optional(check.identifier))
    """Id of the outlet whose claim on a domain above this host it sits under, if any (``bbc`` for a
    ``news.bbc.co.uk`` another outlet holds); a claim below another outlet's must say so."""


@attrs.frozen(slots=True)
class Assessment:
    """A judgement someone made about an outlet: a typology, sanction, platform label or rating."""

    subject: str = attrs.field(validator=check.identifier)
    """Id of the outlet judged, or of the media company a typology was assessed for."""
    assessor: str = attrs.field(validator=check.identifier)
    """Who judged (``state-media-monitor``, ``eu``, ``x``, a rater id...)."""
    kind: str = attrs.field(validator=check.one_of(ASSESSMENT_KINDS))
    """One of :data:`ASSESSMENT_KINDS`."""
    value: str = attrs.field(validator=check.text)
    """The judgement: a typology code, a jurisdiction, a label text, a rating."""
    interval: Interval = _INTERVAL
    """When it applied."""
    instrument: str | None = attrs.field(default=None, validator=check.optional_text)
    """The legal act behind a sanction."""
    note: str | None = attrs.field(default=None, validator=check.optional_text)
    """Why it is recorded this way."""
    sources: tuple[Source, ...] = _SOURCES
    """What backs it."""


@attrs.frozen(slots=True)
class Mention:
    """An outlet named in an article's text, with where and how.

    Offsets index into :attr:`Article.text`.
    """

    outlet: str = attrs.field(validator=check.identifier)
    """Id of the outlet named."""
    name: str = attrs.field(validator=check.text)
    """The name as it appears in the text (``VOR``, ``the Voice of Russia``)."""
    start: int
    """Offset of the name's first character."""
    end: int
    """Offset just past the name."""
    sentence: str = attrs.field(validator=check.text)
    """The sentence (or footer line) it appears in."""
    sentence_start: int
    """Offset of the sentence's first character."""
    attribution: bool = False
    """Whether the sentence attributes the article to the outlet (the piece came from it)."""
    cue: str | None = None
    """What made it an attribution: ``footer``, ``source-line``, ``originally-published``, ``dateline``..."""
    certainty: str = attrs.field(default="certain", validator=check.one_of(frozenset({"certain", "possible"})))
    """``possible`` where the piece is only partly the outlet's ("with reporting by AFP" beside a staff byline)."""


@attrs.frozen(slots=True)
class Article:
    """What an article says about itself: its text, metadata, and the outlets it names.

    Built by :func:`provenance.articles.parse_article`; a record, not a judgement.
    """

    text: str
    """The article as plain text (visible text for HTML); mention offsets index into it."""
    url: str | None = None
    """Where it was found."""
    canonical_url: str | None = None
    """The canonical URL the page declares."""
    title: str | None = None
    """Its title, without a genre marker."""
    authors: tuple[str, ...] = attrs.field(factory=tuple, converter=check.as_tuple)
    """Bylines."""
    published: PartialDate | None = None
    """When it was published, as precisely as known."""
    genre: str | None = None
    """``opinion``, ``analysis``, ``news``, ``review``, ``satire`` or ``None`` when unknown."""
    genre_evidence: str | None = None
    """What showed the genre: a title marker (``– OpEd``) or a schema.org type."""
    body: str = ""
    """The article's own text, without byline, footer or site boilerplate."""
    footer: str | None = None
    """A disclosure footer, when there is one."""
    site_name: str | None = None
    """The publishing site's name from the page's metadata."""
    publisher: str | None = None
    """The publisher named in structured data."""
    is_based_on: tuple[str, ...] = attrs.field(factory=tuple, converter=check.as_tuple)
    """URLs the page says it is based on (schema.org ``isBasedOn``)."""
    mentions: tuple[Mention, ...] = attrs.field(
        factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Mention)
    )
    """Outlets named in the text, attributions included."""

    def attributions(self) -> tuple[Mention, ...]:
        """The mentions that say where the article came from."""
        return tuple(mention for mention in self.mentions if mention.attribution)
