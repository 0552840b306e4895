"""The source policy: which documents may back a fact, checked record by record.

The rules are data, in ``provenance/data/policy/sources.toml``: the kinds of
source, the tables whose records need a strong, quoted source, and the hosts
that never count (mirrors, proxies, archives cited as originals, forums,
blogs, content farms). :func:`audit_sources` checks a registry against them
and counts, per file and in total, facts by source kind and records resting
on a single source. ``provenance validate`` runs it; ``docs/data.md`` states
the policy with examples.

>>> from provenance.model import Source
>>> policy = load_source_policy()
>>> policy.refusal(Source("https://www.wikiwand.com/en/RT", "RT", kind="reference")).category
'mirror'
>>> policy.refusal(Source("https://en.wikipedia.org/wiki/RT", "RT", kind="reference")) is None
True
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from provenance.domains import candidate_hosts
from provenance.errors import InvalidURLError, SourcePolicyError
from provenance.layout import LAYOUTS, Record
from provenance.model import SOURCE_KINDS, Assessment, Relation, Source, Succession
from provenance.registry import Registry

__all__ = [
    "DEFAULT_SOURCE_POLICY",
    "FileCounts",
    "RefusedHost",
    "SourceAudit",
    "SourcePolicy",
    "Violation",
    "audit_sources",
    "load_source_policy",
    "names_party",
]

DEFAULT_SOURCE_POLICY = Path(__file__).parent / "data" / "policy" / "sources.toml"
"""The policy file the shipped data follows."""

_FACTS = (Relation, Succession, Assessment)
"""The records a policy's ``[facts] tables`` may name: those that state a fact between two parties."""


def _fact_table(record: Record) -> str | None:
    """The table of a record that states a fact (see :data:`_FACTS`), else ``None``."""
    return next((LAYOUTS[kind].table for kind in _FACTS if isinstance(record, kind)), None)


@attrs.frozen(slots=True)
class RefusedHost:
    """Hosts whose pages never count as sources, and why."""

    category: str
    """``mirror``, ``proxy``, ``archive``, ``forum``, ``blog``, ``content-farm``..."""
    why: str
    """What to cite instead, for the message."""
    hosts: frozenset[str]
    """Hosts refused with every host below them."""
    paths: tuple[str, ...] = ()
    """When not empty, only URLs whose path starts with one of these are refused."""

    def refuses(self, host: str, path: str) -> bool:
        """Whether a URL with this host and path falls under the rule."""
        if not _under(host, self.hosts):
            return False
        return not self.paths or any(path.startswith(prefix) for prefix in self.paths)


@attrs.frozen(slots=True)
class SourcePolicy:
    """The rules a registry's sources must follow (see :func:`load_source_policy`)."""

    kinds: Mapping[str, str]
    """Each source kind and what it covers."""
    fact_tables: frozenset[str]
    """Tables whose records need a strong source and quotes naming a party."""
    strong_kinds: frozenset[str]
    """Kinds that may back such a fact alone."""
    state_media_codes: frozenset[str]
    """Typology codes that make an outlet state media, a source only about itself."""
    refused: tuple[RefusedHost, ...]
    """Hosts that never count as sources."""
    expected_kinds: Mapping[str, str]
    """Hosts (and the hosts below them) whose sources must have this kind."""

    def refusal(self, source: Source) -> RefusedHost | None:
        """The rule that refuses a source's URL, or ``None`` when its host may be cited."""
        return self._refusal(source.url)

    def _refusal(self, url: str) -> RefusedHost | None:
        host, path = _host_and_path(url)
        return next((rule for rule in self.refused if rule.refuses(host, path)), None)

    def expected_kind(self, source: Source) -> str | None:
        """The kind a source on this host must have, when the policy settles it."""
        host, _ = _host_and_path(source.url)
        return next((self.expected_kinds[key] for key in candidate_hosts(host) if key in self.expected_kinds), None)

    def is_archive(self, url: str) -> bool:
        """Whether a URL is on an archive host (where ``archived`` copies belong)."""
        refusal = self._refusal(url)
        return refusal is not None and refusal.category == "archive"


def load_source_policy(path: str | Path | None = None) -> SourcePolicy:
    """Read a source policy file.

    Args:
        path: A policy TOML file; the shipped policy when ``None``.

    Returns:
        The policy.

    Raises:
        SourcePolicyError: If the file cannot be read or is not a policy.
    """
    file = Path(path) if path is not None else DEFAULT_SOURCE_POLICY
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SourcePolicyError(f"{file}: cannot read the source policy: {error}") from None
    except RecursionError:
        raise SourcePolicyError(f"{file}: cannot read the source policy: nested too deep") from None
    try:
        return _policy(document)
    except (KeyError, TypeError, ValueError) as error:
        raise SourcePolicyError(f"{file}: not a source policy: {error}") from None


def _policy(document: dict[str, Any]) -> SourcePolicy:
    kinds = {str(k): str(v) for k, v in document["kinds"].items()}
    unknown = set(kinds) - SOURCE_KINDS
    if unknown:
        raise ValueError(f"unknown source kinds {sorted(unknown)}")
    facts = document["facts"]
    strong = frozenset(_strings(facts["strong-kinds"]))
    expected = {str(host): str(kind) for host, kind in document.get("expected-kinds", {}).items()}
    if not strong <= SOURCE_KINDS or not set(expected.values()) <= SOURCE_KINDS:
        raise ValueError("a kind that is not a source kind")
    refused = tuple(
        RefusedHost(
            str(rule["category"]), str(rule["why"]), frozenset(_strings(rule["hosts"])), _strings(rule.get("paths", []))
        )
        for rule in document.get("refused", [])
    )
    return SourcePolicy(
        kinds=kinds,
        fact_tables=frozenset(_strings(facts["tables"])),
        strong_kinds=strong,
        state_media_codes=frozenset(_strings(facts.get("state-media-codes", []))),
        refused=refused,
        expected_kinds=expected,
    )


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _host_and_path(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "").rstrip(".").lower(), parts.path or "/"


def _under(host: str, hosts: frozenset[str]) -> bool:
    return any(candidate in hosts for candidate in candidate_hosts(host))


# -- naming a party --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")


def _fold(text: str) -> str:
    """Case-folded, compatibility-normalised text without diacritics (``ё`` as ``е``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _same_word(name_word: str, text_word: str) -> bool:
    """A text word that is the name's word, allowing two letters of inflection on words of 5+ letters."""
    if name_word == text_word:
        return True
    if len(name_word) < 5:
        return False
    common = 0
    for a, b in zip(name_word, text_word, strict=False):
        if a != b:
            break
        common += 1
    return common >= len(name_word) - 2 and len(text_word) <= len(name_word) + 4


def names_party(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` names one of ``names``: whole words, any case or script, a little inflection allowed.

    Names in scripts written without spaces (Chinese, Japanese, Korean, Thai)
    match anywhere in the text.

    >>> names_party("Voice of Russia was liquidated by the decree", ["Voice of Russia"])
    True
    >>> names_party("ликвидировать радиокомпанию «Голос России»", ["Голос Россия"])
    True
    >>> names_party("RTL Group owns it", ["RT"])
    False
    >>> names_party("中国国际电视台成立", ["中国国际电视台"])
    True

    Args:
        text: A quote or title.
        names: Names of the party.

    Returns:
        True when one of the names occurs in the text.
    """
    folded = _fold(text)
    words = _WORD.findall(folded)
    for name in names:
        key = _fold(name)
        if _UNSPACED.search(key):
            if key.replace(" ", "") in folded.replace(" ", ""):
                return True
            continue
        parts = _WORD.findall(key)
        if not parts:
            continue
        for start in range(len(words) - len(parts) + 1):
            if all(_same_word(part, words[start + offset]) for offset, part in enumerate(parts)):
                return True
    return False


# -- the audit -----------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Violation:
    """One breach of the source policy by one record's source."""

    location: str
    """The record: ``file: table[index] (id ...)`` for records read from files."""
    rule: str
    """``kind``, ``refused-host``, ``expected-kind``, ``accessed``, ``strong-source``, ``quote``,
    ``party`` or ``state-media``."""
    message: str
    """What is wrong and what to do."""
    source: Source | None = None
    """The source at fault, when one is."""

    def __str__(self) -> str:
        url = f" [{self.source.url}]" if self.source is not None else ""
        return f"{self.location}: {self.message}{url}"


@attrs.frozen(slots=True)
class FileCounts:
    """What one file's records rest on."""

    records: int = 0
    """Records with sources."""
    facts: int = 0
    """Records of the policy's fact tables (relations, successions, assessments)."""
    by_kind: Mapping[str, int] = attrs.field(factory=dict)
    """For each source kind, how many records cite at least one source of it (``unstated`` for none given)."""
    single_source: int = 0
    """Records resting on a single source document (one URL)."""
    violations: int = 0
    """Breaches of the policy."""


@attrs.frozen(slots=True)
class SourceAudit:
    """What :func:`audit_sources` found."""

    violations: tuple[Violation, ...]
    """Every breach, sorted by location."""
    files: Mapping[str, FileCounts]
    """Counts per file (or per location prefix), in name order."""
    total: FileCounts
    """Counts over all records."""

    @property
    def ok(self) -> bool:
        """Whether the registry follows the policy."""
        return not self.violations

    def report(self) -> str:
        """The audit as text: a table per file and in total, then every violation.

        Returns:
            Lines ending in a newline.
        """
        kinds = [*sorted(SOURCE_KINDS), "unstated"]
        header = ["file", "records", "facts", *kinds, "single-source", "violations"]
        rows: list[list[str]] = [[name, *map(str, _cells(counts, kinds))] for name, counts in self.files.items()]
        rows.append(["total", *map(str, _cells(self.total, kinds))])
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        lines = ["Records citing a source of each kind, records resting on a single source, violations:"]
        for row in [header, *rows]:
            lines.append("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
        if self.violations:
            lines.append("")
            lines.append(f"{len(self.violations)} violation{'s' if len(self.violations) != 1 else ''}:")
            lines.extend(str(violation) for violation in self.violations)
        return "\n".join(lines) + "\n"


def _cells(counts: FileCounts, kinds: list[str]) -> list[int]:
    return [
        counts.records,
        counts.facts,
        *(counts.by_kind.get(k, 0) for k in kinds),
        counts.single_source,
        counts.violations,
    ]


def audit_sources(
    registry: Registry, policy: SourcePolicy | None = None, locations: Mapping[Record, str] | None = None
) -> SourceAudit:
    """Check every source of a registry against a source policy.

    >>> from provenance.testing import make_registry
    >>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
    ...                     organizations=[{"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"}],
    ...                     relations=[{"subject": "state-ru", "kind": "funds", "object": "rt"}])
    >>> audit = audit_sources(reg)
    >>> sorted({violation.rule for violation in audit.violations})
    ['kind', 'quote', 'strong-source']

    Args:
        registry: The registry to check.
        policy: The rules; the shipped policy when ``None``.
        locations: Where each record came from (``file: table[index]``), for
            messages and per-file counts; records not in it are described.

    Returns:
        The violations and the counts.
    """
    from provenance.registry import describe_record

    rules = policy if policy is not None else load_source_policy()
    where = locations if locations is not None else {}
    checker = _Checker(registry, rules)
    violations: list[Violation] = []
    tallies: dict[str, _Tally] = {}
    total = _Tally()
    for record in registry.records:
        location = where.get(record) or describe_record(record)
        found = checker.check(record, location)
        violations.extend(found)
        file = location.split(": ", 1)[0] if record in where else "(records)"
        for tally in (tallies.setdefault(file, _Tally()), total):
            tally.add(record, rules, len(found))
    violations.sort(key=lambda v: (v.location, v.rule, v.message))
    return SourceAudit(tuple(violations), {name: tallies[name].counts() for name in sorted(tallies)}, total.counts())


class _Tally:
    def __init__(self) -> None:
        self.records = self.facts = self.single = self.violations = 0
        self.by_kind: Counter[str] = Counter()

    def add(self, record: Record, policy: SourcePolicy, violations: int) -> None:
        if not record.sources:
            return
        self.records += 1
        self.facts += _fact_table(record) in policy.fact_tables
        self.by_kind.update({source.kind or "unstated" for source in record.sources})
        self.single += len({source.url for source in record.sources}) == 1
        self.violations += violations

    def counts(self) -> FileCounts:
        return FileCounts(self.records, self.facts, dict(self.by_kind), self.single, self.violations)


class _Checker:
    """The policy's rules applied to one registry's records."""

    def __init__(self, registry: Registry, policy: SourcePolicy) -> None:
        self.registry = registry
        self.policy = policy
        self._state_media: dict[str, str | None] = {}

    def check(self, record: Record, location: str) -> list[Violation]:
        found: list[Violation] = []
        for source in record.sources:
            found.extend(self._check_source(source, location))
        table = _fact_table(record)
        if table is not None and table in self.policy.fact_tables:
            assert isinstance(record, Relation | Succession | Assessment)
            found.extend(self._check_fact(record, location))
        return found

    def _check_source(self, source: Source, location: str) -> Iterable[Violation]:
        if source.kind is None:
            yield Violation(location, "kind", f"source {source.title!r} has no kind ({_kinds()})", source)
        refusal = self.policy.refusal(source)
        if refusal is not None:
            yield Violation(location, "refused-host", f"refused host ({refusal.category}): {refusal.why}", source)
        expected = self.policy.expected_kind(source)
        if expected is not None and source.kind is not None and source.kind != expected:
            yield Violation(
                location, "expected-kind", f"a source on this host is {expected!r}, not {source.kind!r}", source
            )
        if source.accessed is None:
            yield Violation(location, "accessed", "source has no accessed date (when the text was read)", source)
        if source.archived is not None and not self.policy.is_archive(source.archived):
            yield Violation(location, "archived", "archived is not on an archive host", source)

    def _check_fact(self, fact: Relation | Succession | Assessment, location: str) -> Iterable[Violation]:
        strong = self.policy.strong_kinds
        if not any(source.kind in strong for source in fact.sources):
            yield Violation(
                location, "strong-source", f"needs a source of kind {', '.join(sorted(strong))}, not only 'other'"
            )
        parties = self._parties(fact)
        names = [name for party in parties for name in self._names(party)]
        if isinstance(fact, Assessment) and fact.instrument:
            names.append(fact.instrument)
            names.extend(word for word in fact.instrument.split() if any(c.isdigit() for c in word) and len(word) >= 4)
        for source in fact.sources:
            if not source.quote:
                yield Violation(location, "quote", "source has no quote stating the fact", source)
            elif not names_party(source.quote, names) and not names_party(source.title, names):
                yield Violation(location, "party", f"neither quote nor title names {' or '.join(parties)}", source)
            outlet = self._state_media_outlet(source)
            if outlet is not None and not self._about_itself(outlet, parties):
                yield Violation(
                    location,
                    "state-media",
                    f"a page of state media outlet {outlet!r} backs a fact about others",
                    source,
                )

    @staticmethod
    def _parties(fact: Relation | Succession | Assessment) -> list[str]:
        if isinstance(fact, Relation):
            return [fact.subject, fact.object]
        if isinstance(fact, Succession):
            return [fact.predecessor, fact.successor]
        return [fact.subject]

    def _names(self, id: str) -> list[str]:
        """A party's names, and for an outlet the sites it is claimed on (``ajplus.net``, not its accounts)."""
        body = self.registry.get(id)
        if body is None:
            return [id]
        sites = [claim.host + (claim.path or "") for claim in self.registry.claims(id) if claim.role != "account"]
        return [*(name.name for name in body.all_names()), *sites]

    def _state_media_outlet(self, source: Source) -> str | None:
        host, _ = _host_and_path(source.url)
        if host not in self._state_media:
            outlet = None
            try:
                found = self.registry.outlet_for_url(host)
            except InvalidURLError:  # a host the registry cannot read claims no outlet
                found = None
            if found is not None and any(
                a.kind == "typology" and a.value in self.policy.state_media_codes
                for a in self.registry.assessments(found.id)
            ):
                outlet = found.id
            self._state_media[host] = outlet
        return self._state_media[host]

    def _about_itself(self, outlet: str, parties: list[str]) -> bool:
        if outlet in parties:
            return True
        owners = {r.subject for r in self.registry.relations(object=outlet, kinds=("owns", "operates"))}
        return bool(owners & set(parties))


def _kinds() -> str:
    return "one of " + ", ".join(sorted(SOURCE_KINDS))
