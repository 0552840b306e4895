"""The immutable, indexed :class:`Registry`, and the shipped registry loaded once (:func:`default_registry`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Set
from pathlib import Path
from typing import Any, TypeVar

from provenance._gc import paused_gc
from provenance.dates import Interval, PartialDate, When, as_window
from provenance.domains import candidate_hosts, normalize_host
from provenance.errors import RegistryError, SnapshotError, UnknownIdError
from provenance.layout import Record, RecordsByKind, by_kind
from provenance.model import Assessment, DomainClaim, Organization, Outlet, Relation, Succession
from provenance.ratings import Rater, Rating
from provenance.registry._claims import ClaimIndex, Match, claims_for_host
from provenance.registry._indexes import LazyIndexes, distinct, holds, layered
from provenance.registry._loader import Records, read_folder
from provenance.registry._shipped import LAYER_PREFIX, read_layer, shipped_layers, shipped_snapshot
from provenance.registry._validation import describe_record, problems_by_kind

__all__ = ["Registry", "default_registry"]

_T = TypeVar("_T")
_Window = PartialDate | Interval | None


class Registry:
    """An immutable set of outlets, organisations and dated facts, indexed for lookup.

    Build one with :meth:`from_folder`, :meth:`from_records` or :func:`default_registry`; combine
    with :meth:`merge`. Every constructor validates and raises :class:`~provenance.errors.RegistryError`
    listing all problems. Registries are safe to share between threads and pickle small when they
    were loaded from files.
    """

    __slots__ = (
        "_bodies",
        "_claims",
        "_complete",
        "_derived",
        "_layer_digests",
        "_layers",
        "_lazy",
        "_records",
    )

    def __init__(
        self,
        records: Iterable[Record],
        *,
        locations: Mapping[Record, str] | None = None,
        layers: tuple[str, ...] | None = None,
        layer_digests: tuple[str, ...] | None = None,
        vetted_hosts: Set[str] = frozenset(),
    ) -> None:
        """Validate and index records. Prefer the ``from_*`` constructors.

        Args:
            records: Every record.
            locations: Where each record came from, for problem messages.
            layers: Folders (or ``"default"``) this registry was loaded from, for pickling.
            layer_digests: For each layer, the digest of the bytes its records were read from
                (:attr:`provenance.registry.Records.digest`), for snapshots; ``None`` when not known.
            vetted_hosts: Claimed hosts known not to be public suffixes (the shipped data's).

        Raises:
            RegistryError: Listing every problem found.
        """
        unique = tuple(records)
        kinds = by_kind(unique)
        if not distinct(kinds):
            unique = tuple(dict.fromkeys(unique))
            kinds = by_kind(unique)
        problems = problems_by_kind(unique, kinds, locations, vetted_hosts)
        if problems:
            raise RegistryError(problems)
        self._records: tuple[Record, ...] | None = unique
        self._complete: Callable[[], tuple[Record, ...]] | None = None  # a snapshot's: makes its ratings too
        self._layers = layers
        known = layers is not None and layer_digests is not None and len(layer_digests) == len(layers)
        self._layer_digests = layer_digests if known else None
        self._build_indexes(kinds)

    def _build_indexes(self, kinds: RecordsByKind, complete: Callable[[], object] | None = None) -> None:
        """Index validated records, given by kind (each kind in record order).

        The two indexes every URL lookup needs are built now; the others on first use
        (see :class:`_Lazy`); ``complete`` fills ``kinds.ratings`` when still to be made.
        """
        self._derived: dict[Hashable, Any] = {}
        self._lazy = LazyIndexes(kinds, complete)
        bodies: dict[str, Outlet | Organization] = {o.id: o for o in kinds.organizations}
        bodies.update((o.id, o) for o in kinds.outlets)
        self._bodies = bodies
        self._claims = ClaimIndex.of(kinds.claims)

    # -- constructors -------------------------------------------------------

    @classmethod
    def from_folder(cls, *folders: str | Path) -> Registry:
        """Load one or more registry folders of TOML files, later ones layered on earlier ones.

        Args:
            folders: Registry folders.

        Returns:
            The registry.

        Raises:
            RegistryError: Listing every problem in every file.
        """
        with paused_gc():
            parts = [read_folder(folder) for folder in folders]
            return cls.from_parts(parts, tuple(str(Path(folder).resolve()) for folder in folders))

    @classmethod
    def from_parts(
        cls, parts: list[Records], layers: tuple[str, ...] | None, layer_digests: tuple[str, ...] | None = None
    ) -> Registry:
        """Layer parts read from files (or made from records) into a registry, later parts over earlier ones.

        Args:
            parts: What :func:`~provenance.registry.read_folder` (or ``Records(records)``) gave, in layer order.
            layers: The folders (or ``"default"``) the parts came from, for pickling; ``None`` if not from files.
            layer_digests: The layers' digests; by default those of the parts, when every part was read from files.

        Returns:
            The registry.

        Raises:
            RegistryError: Listing every problem in every part, or across them.
        """
        ordered, locations = layered(parts)
        if layer_digests is None and all(part.digest is not None for part in parts):
            layer_digests = tuple(part.digest for part in parts if part.digest is not None)
        shipped = parts[0].records if parts and layers and layers[0] == "default" else ()  # checked by its tests
        vetted = {r.host for r in shipped if isinstance(r, DomainClaim)}
        return cls(ordered, locations=locations, layers=layers, layer_digests=layer_digests, vetted_hosts=vetted)

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Registry:
        """Build a registry from records made in code.

        Args:
            records: Outlets, organisations, domain claims, relations,
                successions and assessments, in any order.

        Returns:
            The registry.

        Raises:
            RegistryError: Listing every problem.
        """
        return cls(records)

    @classmethod
    def from_snapshot(cls, path: str | Path) -> Registry:
        """Load a registry from a snapshot written by :meth:`save_snapshot`, after checking it is current.

        The header must match this library (snapshot format, package version, record layout) and
        its sources: the shipped data's version and the bytes of every TOML file it was built from,
        read and digested again. The records are rebuilt without re-running the checks that passed
        when it was written (load only snapshots you made: ``docs/security.md``); every column is
        checked now, the rating records are made on first use of :attr:`records` or of a rating.

        Args:
            path: The snapshot file.

        Returns:
            The registry, equal record for record to the one the snapshot was made from (and pickling as it does).

        Raises:
            SnapshotError: If the file is not a snapshot, comes from another
                version, is damaged, or its folders changed since it was written.
        """
        from provenance.registry._snapshot import load_records  # lazy: json and hashlib only when asked

        with paused_gc():
            decoded, layers, digests = load_records(path)
            # Checked when the snapshot was written: set the records without running the checks again.
            registry = cls.__new__(cls)
            registry._records, registry._complete = None, decoded.complete  # noqa: SLF001
            registry._layers = layers  # noqa: SLF001
            registry._layer_digests = digests  # noqa: SLF001
            registry._build_indexes(decoded.kinds, decoded.complete)  # noqa: SLF001
        return registry

    def save_snapshot(self, path: str | Path) -> None:
        """Write this registry's records to a snapshot file for :meth:`from_snapshot`.

        Writes the one file named. It records the folders this registry was loaded from and a digest
        of the bytes its records were read from (when read, not when saving): it is refused once they differ.

        Args:
            path: Where to write the snapshot (replaced if it exists).

        Raises:
            SnapshotError: If the registry was not loaded from folders (built from records, or
                extended: nothing to check a snapshot against), or the digest of its files is not known.
        """
        from provenance.registry._snapshot import save

        save(self, path)

    def merge(self, other: Registry) -> Registry:
        """A new registry with ``other`` layered on this one.

        Facts are combined; an outlet or organisation in ``other`` replaces the
        one with the same id here. Neither registry changes.

        Args:
            other: The overlay.

        Returns:
            The combined registry.
        """
        layers = self._layers + other.layers if self._layers is not None and other.layers is not None else None
        digests = None
        if self._layer_digests is not None and other.layer_digests is not None:
            digests = self._layer_digests + other.layer_digests
        return Registry.from_parts([Records(self.records), Records(other.records)], layers, digests)

    def extended(self, records: Iterable[Record], name: str = "overlay") -> Registry:
        """A new registry with more records layered on this one (as :meth:`merge` does).

        The records may refer to ids this registry defines; they are validated together with it.

        Args:
            records: New records; an outlet or organisation replaces the one
                with the same id here.
            name: What to call the new records in problem messages.

        Returns:
            The combined registry. Registries built this way pickle by value.
        """
        added = tuple(records)
        return Registry.from_parts(
            [
                Records(self.records),
                Records(added, {r: f"{name}: {describe_record(r)}" for r in added}),
            ],
            None,
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        if self._layers is not None:
            return (_rebuild, (self._layers,))
        return (Registry.from_records, (self.records,))

    # -- queries ------------------------------------------------------------

    def __len__(self) -> int:
        """The number of outlets."""
        return sum(1 for _ in self.outlets())

    def __contains__(self, id: object) -> bool:
        return id in self._bodies

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets())

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record, in load order."""
        if self._records is None:
            assert self._complete is not None
            self._records = self._complete()
        return self._records

    @property
    def layers(self) -> tuple[str, ...] | None:
        """The folders this registry was loaded from (``"default"`` for the shipped data)."""
        return self._layers

    @property
    def layer_digests(self) -> tuple[str, ...] | None:
        """For each of :attr:`layers`, the digest of the bytes its records were read from; ``None`` if unknown."""
        return self._layer_digests

    def derived(self, key: Hashable, build: Callable[[Registry], _T]) -> _T:
        """A value derived from this registry's records, built on first use and kept with the registry.

        The one place for caches other modules build from a registry (a name matcher, a labeller per
        policy): they live as long as the registry and are never pickled. Two threads asking first
        may both build; one result is kept and returned to both.

        >>> from provenance.testing import make_registry
        >>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}])
        >>> reg.derived("outlet count", len) is reg.derived("outlet count", lambda r: -1)
        True

        Args:
            key: Names the value; use a tuple starting with your module's name.
            build: Builds the value from the registry.

        Returns:
            The kept value.
        """
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            return self._derived.setdefault(key, build(self))  # type: ignore[no-any-return]

    def forget_derived(self) -> None:
        """Drop every value :meth:`derived` kept (they are built again on next use), e.g. to time cold caches."""
        self._derived.clear()

    def get(self, id: str) -> Outlet | Organization | None:
        """The outlet or organisation with this id, or ``None``."""
        return self._bodies.get(id)

    def lookup(self, id: str) -> Outlet | Organization:
        """The outlet or organisation with this id.

        Raises:
            UnknownIdError: If there is none.
        """
        try:
            return self._bodies[id]
        except KeyError:
            raise UnknownIdError(id) from None

    def outlets(self) -> tuple[Outlet, ...]:
        """All outlets, by id."""
        return tuple(sorted((b for b in self._bodies.values() if isinstance(b, Outlet)), key=lambda b: b.id))

    def organizations(self) -> tuple[Organization, ...]:
        """All organisations, by id."""
        return tuple(sorted((b for b in self._bodies.values() if isinstance(b, Organization)), key=lambda b: b.id))

    def search(self, name: str) -> tuple[Outlet | Organization, ...]:
        """Outlets and organisations whose name or alias matches, exact matches first.

        Matching ignores case; then any name containing the text matches.

        Args:
            name: A name, acronym or part of one.

        Returns:
            The matches, exact ones first, each group by id.
        """
        key = name.casefold().strip()
        if not key:
            return ()
        exact = sorted(set(self._lazy.names.get(key, ())))
        partial = sorted({id for n, ids in self._lazy.names.items() if key in n for id in ids} - set(exact))
        return tuple(self._bodies[id] for id in exact + partial)

    def claim_for_url(self, url: str, at: When = None) -> DomainClaim | None:
        """The domain claim that matches a URL or host at a date.

        A claim on the host plus a prefix of the URL's path (an account: ``t.me/rtnews``) comes
        first; then the longest claimed suffix of the host wins, among claims that may hold at
        ``at`` (within the outlet's lifetime: a claim with an open start holds from the day the
        outlet began); with no date, the most recent claim on that key; when none holds, see
        :meth:`claims_for_host`.

        Args:
            url: A URL or host name.
            at: When the URL was seen; ``None`` for any time.

        Returns:
            The claim, or ``None`` when no outlet claims the host.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` is text that cannot be read.
        """
        return self.claim_for_host(normalize_host(url), as_window(at), url)

    def claim_for_host(self, host: str, window: _Window = None, url: str | None = None) -> DomainClaim | None:
        """:meth:`claim_for_url` for a host already normalised and a date already read.

        Returns:
            The first claim of :meth:`claims_for_host` (same arguments), or ``None``.
        """
        found = claims_for_host(self._claims, self._bodies, host, window, url)
        return found[0][0] if found else None

    def claims_for_host(self, host: str, window: _Window = None, url: str | None = None) -> tuple[Match, ...]:
        """Every claim a host falls under at a window, each with the window it applies over.

        One claim, with the window as given, when a claim may hold at it; one per outlet when the
        window spans a change of claim; when none holds, the latest claim that ended before the
        window, over the days it held, or the one that held on a date in the URL's path no later
        than the window (``docs/data-model.md``, "Claims at the edges of time").

        Args:
            host: A host as :func:`~provenance.domains.normalize_host` returns it.
            window: A partial date or interval; ``None`` for any time (the most recent claim).
            url: The URL the host came from: its path may match a path claim (an account), before
                the host's claims, and may date the page when no claim holds at the window.

        Returns:
            ``(claim, window)`` pairs, the one :meth:`claim_for_host` gives first; empty when none applies.
        """
        return tuple(claims_for_host(self._claims, self._bodies, host, window, url))

    def outlet_for_url(self, url: str, at: When = None) -> Outlet | None:
        """The outlet behind a URL or host at a date.

        >>> from provenance.testing import make_registry
        >>> reg = make_registry(
        ...     outlets=[{"id": "ria", "name": "RIA Novosti", "country": "RU"},
        ...              {"id": "radio-sputnik", "name": "Radio Sputnik", "country": "RU"}],
        ...     domains=[{"host": "ria.ru", "outlet": "ria"},
        ...              {"host": "radiosputnik.ria.ru", "outlet": "radio-sputnik", "under": "ria"}])
        >>> reg.outlet_for_url("radiosputnik.ria.ru/20160101/x.html").id
        'radio-sputnik'
        >>> reg.outlet_for_url("https://ria.ru/").id
        'ria'

        Args:
            url: A URL or host name.
            at: When the URL was seen; ``None`` for any time.

        Returns:
            The outlet, or ``None`` when no outlet claims the host.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` is text that cannot be read.
        """
        claim = self.claim_for_url(url, at)
        if claim is None:
            return None
        outlet = self._bodies[claim.outlet]
        assert isinstance(outlet, Outlet)
        return outlet

    def host_claims(self, host: str) -> tuple[DomainClaim, ...]:
        """The claims on exactly this normalised host (not the domains above it), most recent first."""
        return tuple(self._claims.by_host.get(host, ()))

    def claimed_hosts(self) -> Set[str]:
        """Every host some claim on a whole host names (a read-only view)."""
        return self._claims.by_host.keys()

    def path_claims(self, host: str | None = None) -> tuple[DomainClaim, ...]:
        """The claims on a path prefix (accounts) of a platform's host, by prefix; every host's when ``None``."""
        hosts = sorted(self._claims.path_hosts) if host is None else [host]
        return tuple(claim for name in hosts for claim in self._claims.path_claims(name))

    def rated_hosts(self) -> Set[str]:
        """Every host some rating names without naming an outlet (a read-only view)."""
        return self._lazy.ratings_by_host.keys()

    def claims(self, outlet: str, at: When = None) -> tuple[DomainClaim, ...]:
        """The domain claims of an outlet that may hold at ``at``."""
        window = as_window(at)
        return tuple(c for c in self._lazy.claims_by_outlet.get(outlet, ()) if holds(c.interval, window))

    def relations(
        self,
        subject: str | None = None,
        object: str | None = None,
        at: When = None,
        kinds: Iterable[str] | None = None,
    ) -> tuple[Relation, ...]:
        """Relations from ``subject`` and/or to ``object`` that may hold at ``at``.

        A relation holds only while both its subject and its object exist.

        Args:
            subject: Keep relations whose subject (owner, funder...) is this id.
            object: Keep relations whose object (what is owned...) is this id.
            at: A date or window; ``None`` for any time.
            kinds: Keep only these relation kinds.

        Returns:
            The matching relations, in load order.
        """
        window = as_window(at)
        if subject is not None:
            pool: Iterable[Relation] = self._lazy.relations_out.get(subject, ())
            if object is not None:
                pool = [r for r in pool if r.object == object]
        elif object is not None:
            pool = self._lazy.relations_in.get(object, ())
        else:
            pool = self._lazy.relations
        wanted = None if kinds is None else frozenset(kinds)
        bodies = self._bodies
        return tuple(
            r
            for r in pool
            if (wanted is None or r.kind in wanted)
            and holds(r.interval, window)
            and holds(bodies[r.subject].lifetime, window)
            and holds(bodies[r.object].lifetime, window)
        )

    def successors(self, id: str) -> tuple[Succession, ...]:
        """How an outlet or organisation was continued (renamed, merged, replaced)."""
        return tuple(self._lazy.successions_out.get(id, ()))

    def predecessors(self, id: str) -> tuple[Succession, ...]:
        """What an outlet or organisation continued."""
        return tuple(self._lazy.successions_in.get(id, ()))

    def assessments(self, subject: str, at: When = None, kind: str | None = None) -> tuple[Assessment, ...]:
        """Assessments of an outlet that may hold at ``at``, optionally of one kind."""
        window = as_window(at)
        return tuple(
            a
            for a in self._lazy.assessments.get(subject, ())
            if (kind is None or a.kind == kind) and holds(a.interval, window)
        )

    def raters(self) -> tuple[Rater, ...]:
        """All raters, by id."""
        return tuple(sorted(self._lazy.raters.values(), key=lambda r: r.id))

    def rater(self, id: str) -> Rater | None:
        """The rater with this id, or ``None``."""
        return self._lazy.raters.get(id)

    def ratings(self, outlet: str | None = None, host: str | None = None) -> tuple[Rating, ...]:
        """Ratings of an outlet, and ratings given to a host or any domain above it.

        Args:
            outlet: Outlet id: its ratings by id.
            host: A normalised host: ratings given for it or its parent domains
                (``news.example.com`` gets those of ``example.com``).

        Returns:
            The ratings, outlet ones first, each group in load order.
        """
        found = list(self._lazy.ratings_by_outlet.get(outlet, ())) if outlet is not None else []
        if host is not None and self._lazy.ratings_by_host:
            for key in candidate_hosts(host):
                found.extend(self._lazy.ratings_by_host.get(key, ()))
        return tuple(found)

    def __repr__(self) -> str:
        return f"<Registry: {len(self)} outlets, {len(self.organizations())} organisations>"


_DEFAULTS: dict[tuple[str, ...], Registry] = {}
_DEFAULT_LOCK = threading.Lock()


def default_registry(layers: Iterable[str] | None = None) -> Registry:
    """The registry shipped with the library: the curated data and the bundled layers, loaded once (thread-safe).

    With every bundled layer on, it loads from the snapshot ``make data``
    writes (from the TOML files if the snapshot is missing or stale).

    Args:
        layers: Names of the bundled third-party layers to keep (see
            :func:`provenance.data_versions`); ``None`` for all, empty for the curated data alone.

    Returns:
        The registry, the same object for the same layers.

    Raises:
        UnknownLayerError: If a name is not a bundled layer's.
        RegistryError: If the files do not load (stale layers: run ``make data``).
    """
    key = shipped_layers(layers)
    found = _DEFAULTS.get(key)
    if found is None:
        with _DEFAULT_LOCK:
            found = _DEFAULTS.get(key)
            if found is None:
                found = _DEFAULTS[key] = _load_shipped(key)
    return found


def _load_shipped(layers: tuple[str, ...]) -> Registry:
    """The shipped layers, from the snapshot when it holds exactly them and is current, else from their files."""
    if layers == shipped_layers():
        try:
            registry = Registry.from_snapshot(shipped_snapshot())
            if registry.layers == layers:
                return registry
        except SnapshotError:
            pass  # stale or missing (tests/test_layers.py fails then): read the files
    return _from_layers(layers)


def _from_layers(layers: tuple[str, ...]) -> Registry:
    """A registry read from its layers' files; a hint to rebuild the bundled layers if they do not fit the rest."""
    with paused_gc():
        try:
            return Registry.from_parts([read_layer(layer) for layer in layers], layers)
        except RegistryError as error:
            if not any(layer.startswith(LAYER_PREFIX) for layer in layers):
                raise
            hint = "if the curated data changed since the bundled layers were built, run `make data`"
            raise RegistryError((*error.problems, hint)) from None


def _rebuild(layers: tuple[str, ...]) -> Registry:
    names = [layer[len(LAYER_PREFIX) :] for layer in layers[1:] if layer.startswith(LAYER_PREFIX)]
    if layers[:1] == ("default",) and layers == shipped_layers(names):
        return default_registry(names)
    return _from_layers(layers)
