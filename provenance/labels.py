"""Labels: what a policy concluded about an outlet, host or article, and why.

A :class:`Label` has a stable kind (``state-media``, ``sanctioned``,
``succeeded-by``...; see ``docs/labels.md``), a value, the subject it is
about, a certainty, a disclosure text a platform could show, and its basis:
the facts it rests on, each with sources. A :class:`LabelSet` is an
immutable collection of labels with simple queries.

>>> label = Label(kind="defunct", value="2014-11-10", subject="voice-of-russia",
...               text="Voice of Russia ceased to exist on 2014-11-10.")
>>> labels = LabelSet((label,))
>>> labels.has("defunct"), labels.get("state-media") is None
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from provenance.links import UnwrappedLink
from provenance.model import DomainClaim, Outlet, Source

__all__ = ["CERTAIN", "LABEL_KINDS", "POSSIBLE", "Evidence", "Label", "LabelSet"]

CERTAIN = "certain"
"""The label holds on every day the subject could be dated to."""
POSSIBLE = "possible"
"""The label holds on some of those days, not necessarily all."""

LABEL_KINDS = (
    "state-media",
    "platform-label",
    "sanctioned",
    "defunct",
    "succeeded-by",
    "mirror-domain",
    "genre",
    "republished-from",
    "origin-state-media",
    "rating",
)
"""Every label kind the library produces; documented in ``docs/labels.md``."""

Detail = str | int | float | bool | None


def _details(
    value: Mapping[str, Detail] | Iterable[tuple[str, Detail]],
) -> tuple[tuple[str, Detail], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(key), item) for key, item in pairs))


@attrs.frozen(slots=True)
class Evidence:
    """One fact a label rests on, in words, with its sources."""

    statement: str
    """The fact in a sentence: "Rossiya Segodnya operates Radio Sputnik (since 2014-11-10)"."""
    sources: tuple[Source, ...] = ()
    """Where the fact comes from."""

    def to_json(self) -> dict[str, Any]:
        """``{"statement": ..., "sources": [url, ...]}``."""
        return {"statement": self.statement, "sources": [source.url for source in self.sources]}


@attrs.frozen(slots=True)
class Label:
    """A conclusion about a subject, with its certainty, wording and basis."""

    kind: str
    """One of :data:`LABEL_KINDS` (or a kind a custom policy defines)."""
    value: str
    """The label's value: a typology code, a jurisdiction, a date, an outlet id..."""
    subject: str
    """What it is about: an outlet id, a host, or an article URL."""
    text: str
    """Disclosure wording a platform could show."""
    certainty: str = CERTAIN
    """:data:`CERTAIN` or :data:`POSSIBLE`."""
    policy: str | None = None
    """The policy that produced it; ``None`` for facts every policy shares."""
    rule: str | None = None
    """The policy rule that produced it, in words."""
    basis: tuple[Evidence, ...] = ()
    """The facts it rests on."""
    details: tuple[tuple[str, Detail], ...] = attrs.field(default=(), converter=_details)
    """Kind-specific fields (``country``, ``successor_name``, ``instrument``, ``rater``...)."""

    def detail(self, key: str, default: Detail = None) -> Detail:
        """A kind-specific field, or ``default``.

        >>> Label("state-media", "SC", "rt", "...", details={"country": "RU"}).detail("country")
        'RU'
        """
        for name, value in self.details:
            if name == key:
                return value
        return default

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source of the basis, without repeats, in order."""
        return tuple(dict.fromkeys(source for evidence in self.basis for source in evidence.sources))

    def to_json(self) -> dict[str, Any]:
        """The JSON form of the design brief, kind-specific keys included."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "value": self.value,
            "subject": self.subject,
            "certainty": self.certainty,
            "text": self.text,
            "policy": self.policy,
            "rule": self.rule,
            "basis": [evidence.to_json() for evidence in self.basis],
            "sources": [source.url for source in self.sources],
        }
        for key, value in self.details:
            data.setdefault(key, value)
        return data


def _label_tuple(labels: Iterable[Label]) -> tuple[Label, ...]:
    return tuple(labels)


@attrs.frozen(slots=True)
class LabelSet:
    """An immutable collection of labels, in a stable order, and what they were found for.

    Iterating yields labels; ``len()`` counts them. :func:`~provenance.labelling.label_url`
    also says what it matched: the normalised :attr:`host`, the :attr:`claim` on it (or on a
    domain above it) and the claiming :attr:`outlet`, each ``None`` for an unknown host, so
    "a known outlet with nothing to disclose" (an outlet, no labels) differs from "a host no
    outlet claims" (no outlet) without a second lookup. These three take no part in equality,
    hashing or ``repr``: two sets with the same labels are equal.

    >>> from provenance.model import Outlet
    >>> found = LabelSet((), host="bbc.co.uk", outlet=Outlet("bbc", "BBC", kind="broadcaster", country="GB"))
    >>> found.outlet.id, len(found), found == LabelSet()
    ('bbc', 0, True)
    """

    labels: tuple[Label, ...] = attrs.field(default=(), converter=_label_tuple)
    """The labels."""
    host: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """The normalised host the labels were found for (:func:`~provenance.labelling.label_url`), else ``None``."""
    outlet: Outlet | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """The outlet the labels are about: the one behind the URL (``None`` when no outlet claims its
    host) or the one :func:`~provenance.labelling.label_outlet` was asked about."""
    claim: DomainClaim | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """The domain claim that matched the host (:func:`~provenance.labelling.label_url`; the one
    :meth:`~provenance.registry.Registry.claim_for_url` gives), else ``None``."""
    link: UnwrappedLink | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """What :func:`~provenance.labelling.label_url` unwrapped from the link as shared (a redirect
    wrapper, an AMP cache, an archive copy), or that it is a shortened link whose target is unknown
    offline; ``None`` when it was neither."""

    def __iter__(self) -> Iterator[Label]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def __bool__(self) -> bool:
        return bool(self.labels)

    def has(self, kind: str, value: str | None = None) -> bool:
        """Whether a label of this kind (and value, if given) is present."""
        return any(label.kind == kind and (value is None or label.value == value) for label in self.labels)

    def get(self, kind: str) -> Label | None:
        """The first label of this kind, or ``None``."""
        return next((label for label in self.labels if label.kind == kind), None)

    def filter(
        self,
        kind: str | None = None,
        *,
        certainty: str | None = None,
        subject: str | None = None,
        policy: str | None = None,
    ) -> LabelSet:
        """The labels that match every criterion given (the host, outlet and claim kept).

        >>> LabelSet().filter("state-media", certainty="certain")
        LabelSet(labels=())
        """
        return attrs.evolve(
            self,
            labels=(
                label
                for label in self.labels
                if (kind is None or label.kind == kind)
                and (certainty is None or label.certainty == certainty)
                and (subject is None or label.subject == subject)
                and (policy is None or label.policy == policy)
            ),
        )

    def kinds(self) -> tuple[str, ...]:
        """The kinds present, in order, without repeats."""
        return tuple(dict.fromkeys(label.kind for label in self.labels))

    def to_json(self) -> list[dict[str, Any]]:
        """Every label in JSON form."""
        return [label.to_json() for label in self.labels]

    def __add__(self, other: LabelSet) -> LabelSet:
        """Both sets' labels, in order; the host, outlet and claim are dropped (they may differ)."""
        return LabelSet(self.labels + other.labels)
