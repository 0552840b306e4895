"""The State Media Monitor matrix (``State_Media_Matrix.csv``): typology codes per domain.

Each row names a company, one of its assets, the asset's URL and its State
Media Monitor typology code. The importer turns each host into a typology
:class:`~provenance.model.Assessment` by ``state-media-monitor``: on the
outlet of the base registry that claims the host when there is one, else on
a new outlet (``smm-<host>``) with a primary domain claim. The row's social
columns (Instagram, Twitter, Facebook, YouTube, Telegram, VK, LinkedIn, OK,
TikTok, Rutube) become ``account`` claims on the platform's host plus the
account's path (``t.me`` ``/rtnews``) for that outlet. See
``docs/importers.md`` for every rule.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence

import attrs

from provenance.countries import COUNTRY_NAMES
from provenance.dates import PartialDate
from provenance.layout import Record
from provenance.model import TYPOLOGY_CODES, Assessment, DomainClaim, Outlet, Source
from provenance.registry import Registry, normalize_path, platform_host

from ._common import (
    Host,
    ImportResult,
    Input,
    Row,
    RowSkip,
    Tally,
    csv_table,
    finish,
    outlet_claiming,
    read_host,
)

__all__ = ["ACCOUNT_COLUMNS", "SMM_ACCESSED", "SMM_SOURCE_URL", "import_state_media_matrix"]

FORMAT = "state-media-matrix"
SMM_ACCESSED = PartialDate(2024, 2, 7)
"""Default access date: the commit date of the data set (ASD-at-GMF/state-media-profiles @ d878fee1e0ae)."""
SMM_SOURCE_URL = "https://github.com/ASD-at-GMF/state-media-profiles/blob/d878fee1e0ae/State_Media_Matrix.csv"
"""Where the matrix is published, at the commit the shared copy was taken from."""
ASSESSOR = "state-media-monitor"

_COLUMNS = ("region", "country", "media company", "main assets", "url", "typology", "status")
ACCOUNT_COLUMNS = (
    "instagram link",
    "twitter link",
    "facebook link",
    "youtube link",
    "telegram link",
    "vk link",
    "linkedin link",
    "ok.ru link",
    "tiktok link",
    "rutube link",
)
"""The matrix's social columns, each cell an outlet's account on a platform (read when present)."""

_COUNTRY_ALIASES = {
    "united states of america": "US",
    "usa": "US",
    "united states": "US",
    "uk": "GB",
    "great britain": "GB",
    "russia": "RU",
    "russian federation": "RU",
    "palestine territories": "PS",
    "palestinian territories": "PS",
    "palestine": "PS",
    "uae": "AE",
    "turkey": "TR",
    "brunei": "BN",
    "vatican city": "VA",
    "vatican": "VA",
    "the gambia": "GM",
    "macau": "MO",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "democratic republic of the congo": "CD",
    "republic of the congo": "CG",
    "laos": "LA",
    "north macedonia": "MK",
    "kosovo": "XK",
}
"""Country names the matrix uses that are not the short names of :data:`~provenance.countries.COUNTRY_NAMES`."""

_COUNTRIES = {name.casefold(): code for code, name in COUNTRY_NAMES.items()} | {
    alias: code for alias, code in _COUNTRY_ALIASES.items() if code in COUNTRY_NAMES
}

_KIND_PREFIXES = (
    ("news agency:", "news-agency"),
    ("print media:", "newspaper"),
    ("print:", "newspaper"),
    ("television:", "tv-channel"),
    ("tv:", "tv-channel"),
    ("radio:", "radio"),
    ("online:", "website"),
)
_AGENCY = re.compile(r"\b(?:agency|agencia|agence|agenzia|agentstvo|agentur)\b")
_TV = re.compile(r"\b(?:tv|television|televisi[oó]n|televiz\w*|telewizja|channel|rtv)\b")
_RADIO = re.compile(r"\b(?:radio|radyo|fm)\b")
_BROADCAST = re.compile(r"\b(?:broadcast\w*|radiotelevision|radiotelevisi\w*)\b")


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a country name as the matrix writes it, or ``None``.

    >>> country_code("United States of America"), country_code("Palestine territories")
    ('US', 'PS')
    >>> country_code("Europen Union") is None
    True
    """
    return _COUNTRIES.get(" ".join(name.split()).casefold())


def _strip_prefix(asset: str) -> tuple[str, str | None]:
    lowered = asset.lower()
    for prefix, kind in _KIND_PREFIXES:
        if lowered.startswith(prefix):
            return asset[len(prefix) :].strip(), kind
    return asset.strip(), None


def guess_kind(assets: Sequence[str], company: str) -> str:
    """A best guess at the outlet kind from the asset names and the company name.

    An explicit prefix (``News agency:``, ``Print:``, ``Television:``,
    ``Radio:``, ``Online:``) wins; then key words: agency -> ``news-agency``;
    radio and television together, or "broadcasting" -> ``broadcaster``;
    television alone -> ``tv-channel``; radio alone -> ``radio``; otherwise
    ``website`` (the matrix lists the outlet by its web address).

    >>> guess_kind(["News agency: Xinhua"], "Xinhua")
    'news-agency'
    >>> guess_kind(["Belarus TV", "Belarus Radio"], "National State Television and Radio Company")
    'broadcaster'
    >>> guess_kind(["Hiwad"], "Department of State Newspapers")
    'website'
    """
    kinds = {kind for kind in (_strip_prefix(asset)[1] for asset in assets) if kind}
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"tv-channel", "radio", "broadcaster"} and len(kinds) > 1:
        return "broadcaster"
    text = " ".join([*assets, company]).lower()
    if _AGENCY.search(" ".join(assets).lower()) or "news agency" in company.lower():
        return "news-agency"
    tv, radio = bool(_TV.search(text)), bool(_RADIO.search(text))
    if (tv and radio) or _BROADCAST.search(text):
        return "broadcaster"
    if tv:
        return "tv-channel"
    if radio:
        return "radio"
    return "website"


@attrs.frozen(slots=True)
class _Row:
    line: int
    text: str
    region: str
    country: str
    company: str
    asset: str
    host: str
    path: str
    typology: str
    status: str
    accounts: tuple[str, ...] = ()
    key: str = ""
    """What the row's code is attached to: its host, or ``host/path`` for an outlet under another's site."""
    quote: str = ""
    """The row as the file has it, up to its typology code: the quote of the assessment it gives."""


def _scoped(rows: Sequence[_Row], base: Registry | None) -> list[_Row]:
    """The rows with their keys: ``host/path`` for a row whose path narrows a host listed (or claimed) as a whole.

    A broadcaster under its parent's site (``cnnturk.com/radyo`` beside
    ``cnnturk.com``) is an outlet of its own, claimed on its host plus path;
    a host listed only with a path keeps the claim on the whole host.
    """
    whole = {row.host for row in rows if not row.path}
    keyed = []
    for row in rows:
        path = normalize_path(row.host, row.path) if row.path else ""
        shared = path and (row.host in whole or outlet_claiming(base, row.host) is not None)
        keyed.append(attrs.evolve(row, key=row.host + path if shared else row.host))
    return keyed


def _clean(text: str) -> str:
    return " ".join(text.split())


def _source(accessed: PartialDate) -> Source:
    return Source(
        SMM_SOURCE_URL,
        "State Media Matrix",
        publisher="Media and Journalism Research Center / ASD (State Media Monitor)",
        accessed=accessed,
        kind="reference",
    )


def _outlet_id(host: str, taken: set[str], base: Registry | None) -> str:
    candidate = "smm-" + re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")
    if candidate in taken or (base is not None and candidate in base):
        candidate += "-" + hashlib.sha1(host.encode("utf-8")).hexdigest()[:6]
    return candidate


def _outlet_name(rows: Sequence[_Row]) -> str:
    assets = list(dict.fromkeys(_strip_prefix(row.asset)[0] for row in rows if row.asset.strip()))
    companies = list(dict.fromkeys(row.company.strip().rstrip("*").strip() for row in rows if row.company))
    if len(assets) == 1:
        return assets[0]
    if len(companies) == 1 and companies[0]:
        return companies[0]
    if assets:
        return assets[0]
    return companies[0] if companies else rows[0].host


def _description(rows: Sequence[_Row]) -> str:
    companies = list(dict.fromkeys(r.company.strip() for r in rows if r.company.strip()))
    assets = list(dict.fromkeys(r.asset.strip() for r in rows if r.asset.strip()))
    parts = [f"Listed in the State Media Matrix ({rows[0].region.strip() or 'no region'})"]
    if companies:
        parts.append(f"company {', '.join(companies)}")
    if assets:
        parts.append(f"assets on this host: {', '.join(assets)}")
    text = "; ".join(parts) + "."
    statuses = sorted({r.status.strip() for r in rows if "function" in r.status.lower()})
    if statuses:
        text += f" Matrix status: {', '.join(statuses)}."
    return text


def _typology(cell: str) -> str:
    typology = cell.strip()
    if typology in TYPOLOGY_CODES:
        return typology
    if typology.rstrip("?") in TYPOLOGY_CODES:
        raise RowSkip(f"uncertain typology {typology!r} (marked with '?')")
    raise RowSkip(f"typology {typology!r} is not one of {', '.join(TYPOLOGY_CODES)}" if typology else "no typology")


@attrs.frozen(slots=True)
class _RowReader:
    """Reads the host and the typology code of one row, given the position of each column."""

    at: dict[str, int]

    def read(self, cells: list[str]) -> tuple[Host, str]:
        """The row's host and code.

        Raises:
            RowSkip: If the row is empty or has no URL, no host, or no certain code.
        """
        if not any(cell.strip() for cell in cells):
            raise RowSkip("empty row")
        url = cells[self.at["url"]].strip()
        if not url:
            raise RowSkip("no URL")
        typology = _typology(cells[self.at["typology"]])
        return read_host(url), typology

    def row(self, row: Row[list[str]], host: Host, typology: str) -> _Row:
        """A row :meth:`read` accepted, with its cells tidied."""
        cells, at = row.item, self.at
        return _Row(
            line=row.line,
            text=row.text,
            region=_clean(cells[at["region"]]),
            country=_clean(cells[at["country"]]),
            company=_clean(cells[at["media company"]]),
            asset=_clean(cells[at["main assets"]]),
            host=host.host,
            path=host.path if host.path_matters else "",
            typology=typology,
            status=_clean(cells[at["status"]]),
            accounts=tuple(cells[at[c]].strip() for c in ACCOUNT_COLUMNS if c in at and cells[at[c]].strip()),
            quote=_through(row.text, cells, at["typology"]),
        )


def _through(text: str, cells: list[str], last: int) -> str:
    """The row's text cut after cell ``last`` (as CSV writes those cells), or the whole row if it starts otherwise."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells[: last + 1])
    head = out.getvalue()
    return head if text.startswith(head + ",") or text == head else text


def _read_rows(source: Input, tally: Tally) -> list[_Row]:
    with csv_table(source, tally, _COLUMNS) as table:
        reader = _RowReader(table.at)
        return [reader.row(row, *read) for row, read in table.accepted(tally, reader.read)]


@attrs.define
class _Subjects:
    """What the codes of each host are attached to: the base's outlet claiming it, or a new outlet."""

    base: Registry | None
    source: Source
    tally: Tally
    subject_of: dict[str, str] = attrs.field(factory=dict)
    """The outlet id of each host."""
    via_parent: dict[str, str] = attrs.field(factory=dict)
    """For hosts the base claims through a domain above them: that domain."""
    outlets: list[Record] = attrs.field(factory=list)
    claims: list[Record] = attrs.field(factory=list)
    taken: set[str] = attrs.field(factory=set)

    def place(self, host: str, group: Sequence[_Row]) -> None:
        """Attach ``host`` (listed on the rows of ``group``) to an outlet, or skip its rows."""
        if self._in_base(host):
            return
        country = self._country(host, group)
        if country is not None:
            self._new_outlet(host, group, country)

    def _in_base(self, host: str) -> bool:
        if "/" in host:  # host/path: the base's path claim on exactly it, if any
            claim = self.base.claim_for_url("//" + host) if self.base is not None else None
            if claim is None or claim.path is None:
                return False
            self.subject_of[host] = claim.outlet
            return True
        existing = outlet_claiming(self.base, host)
        if existing is None:
            return False
        self.subject_of[host] = existing.id
        claim = self.base.claim_for_url(host) if self.base is not None else None
        if claim is not None and claim.host != host:
            self.via_parent[host] = claim.host
        return True

    def _country(self, host: str, group: Sequence[_Row]) -> str | None:
        codes = list(dict.fromkeys(country_code(row.country) for row in group))
        known = [code for code in codes if code is not None]
        if not known:
            for row in group:
                self.tally.skip(
                    row.line,
                    f"country {row.country.strip()!r} has no ISO 3166-1 code and no outlet "
                    f"of the base registry claims {host}",
                    row.text,
                )
            return None
        if len(known) > 1 or None in codes:
            self.tally.note(
                group[0].line,
                f"rows for {host} name several countries; the outlet takes {known[0]}",
                group[0].text,
            )
        return known[0]

    def _new_outlet(self, host: str, group: Sequence[_Row], country: str) -> None:
        outlet_id = _outlet_id(host, self.taken, self.base)
        self.taken.add(outlet_id)
        self.subject_of[host] = outlet_id
        self.outlets.append(
            Outlet(
                id=outlet_id,
                name=_outlet_name(group),
                kind=guess_kind([r.asset for r in group], group[0].company),
                country=country,
                description=_description(group),
                sources=(self.source,),
            )
        )
        name, slash, path = host.partition("/")
        claim = DomainClaim(name, outlet_id, "primary", sources=(self.source,), path=slash + path if slash else None)
        self.claims.append(claim)


def _curated(base: Registry | None, subject: str) -> list[str]:
    """The typology codes the base registry has from the State Media Monitor for an outlet."""
    if base is None:
        return []
    return [a.value for a in base.assessments(subject, kind="typology") if a.assessor == ASSESSOR]


def _note(
    code: str, codes: dict[str, list[str]], curated: list[str], group: Sequence[_Row], via_parent: dict[str, str]
) -> str | None:
    """The note of an assessment: other codes of the outlet's assets, the base's code, claims matched through."""
    notes = []
    others = {c: a for c, a in codes.items() if c != code}
    if others:
        listed = "; ".join(
            f"{', '.join(dict.fromkeys(assets))}: {c}" for c, assets in [(code, codes[code]), *others.items()]
        )
        notes.append(f"The matrix gives this outlet's assets different codes ({listed}).")
    if curated:
        notes.append(f"The registry's own State Media Monitor code is {', '.join(curated)}.")
    parents = sorted({f"{r.key} via {via_parent[r.key]}" for r in group if r.key in via_parent})
    if parents:
        notes.append(f"Matched through the registry's domain claims ({', '.join(parents)}).")
    return " ".join(notes) or None


def _count_imported(group: Sequence[_Row], tally: Tally) -> None:
    for row in group:
        tally.imported += 1
        if row.path and row.key == row.host:
            tally.note(
                row.line,
                f"path {row.path} dropped: the code is attached to the whole host {row.host}",
                row.text,
            )


def _assessments(rows: Sequence[_Row], subjects: _Subjects, base: Registry | None, tally: Tally) -> list[Record]:
    """One assessment per outlet and code, unless the base has it already (its rows are then skipped)."""
    by_subject: dict[tuple[str, str], list[_Row]] = {}
    codes_of: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        subject = subjects.subject_of.get(row.key)
        if subject is None:
            continue
        by_subject.setdefault((subject, row.typology), []).append(row)
        codes_of.setdefault(subject, {}).setdefault(row.typology, []).append(_strip_prefix(row.asset)[0] or row.host)
    assessments: list[Record] = []
    for (subject, code), group in by_subject.items():
        curated = _curated(base, subject)
        if code in curated:
            for row in group:
                tally.skip(
                    row.line,
                    f"already in the base registry: {subject!r} has typology {code} from {ASSESSOR}",
                    row.text,
                )
            continue
        note = _note(code, codes_of[subject], curated, group, subjects.via_parent)
        row = group[0]  # the row quoted: it names the outlet and gives the code
        source = attrs.evolve(
            subjects.source,
            url=f"{subjects.source.url}#L{row.line}",
            title=f"State Media Matrix, line {row.line}",
            quote=row.quote,
        )
        assessments.append(
            Assessment(subject=subject, assessor=ASSESSOR, kind="typology", value=code, note=note, sources=(source,))
        )
        _count_imported(group, tally)
    return assessments


def _account(cell: str) -> tuple[str, str]:
    """The platform host and normalised path of an account cell.

    Raises:
        RowSkip: If no host can be read, or the cell names a whole host.
    """
    found = read_host(cell)
    host = platform_host(found.host)
    path = normalize_path(host, found.path)
    if not path:
        raise RowSkip(f"account {cell!r} names no account on {host}")
    return host, path


def _accounts(rows: Sequence[_Row], subjects: _Subjects, base: Registry | None, tally: Tally) -> list[Record]:
    """One ``account`` claim per account the rows of an outlet list, unless rows of other outlets list it too."""
    owners: dict[tuple[str, str], dict[str, _Row]] = {}
    for row in rows:
        subject = subjects.subject_of.get(row.key)
        if subject is None:
            continue
        for cell in row.accounts:
            try:
                key = _account(cell)
            except RowSkip as why:
                tally.note(row.line, f"{why}: dropped", row.text)
                continue
            owners.setdefault(key, {}).setdefault(subject, row)
    claims: list[Record] = []
    for (host, path), by_subject in owners.items():
        first = next(iter(by_subject.values()))
        if len(by_subject) > 1:
            listed = ", ".join(by_subject)
            tally.note(
                first.line, f"account {host}{path} is listed for several outlets ({listed}): dropped", first.text
            )
            continue
        if base is not None and any(claim.path == path for claim in base.path_claims(host)):
            continue  # the base claims it already
        claims.append(DomainClaim(host, next(iter(by_subject)), "account", sources=(subjects.source,), path=path))
    return claims


def import_state_media_matrix(
    source: Input, base: Registry | None = None, *, accessed: PartialDate = SMM_ACCESSED
) -> ImportResult:
    """Import the State Media Matrix CSV as typology assessments per domain.

    Args:
        source: The CSV file, or its lines.
        base: The registry to attach assessments to (for example
            :func:`~provenance.registry.default_registry`); ``None`` for an
            empty one, so every host gets a new outlet.
        accessed: When the data set was obtained (cited on every source);
            by default the commit date of the published file, 2024-02-07.

    Returns:
        The new outlets, domain claims and assessments, the extended
        registry, and the report.

    Raises:
        ImportFileError: If the file cannot be read or its header lacks a
            needed column.
        RegistryError: If the records do not validate with the base (a bug
            or a base registry with conflicting claims).

    >>> result = import_state_media_matrix([
    ...     "Region,Country,Media company,Main assets,URL,Typology,Status,Notes",
    ...     "Europe,Russia,RT,RT,https://www.rt.com/,SC,,",
    ...     "Europe,Russia,RT,RT Arabic,,SC,,",
    ... ])
    >>> [(a.subject, a.value) for a in result.registry.assessments("smm-rt-com")]
    [('smm-rt-com', 'SC')]
    >>> result.report.summary()
    '<lines>: 2 rows read, 1 imported, 1 skipped'
    """
    tally = Tally(FORMAT, "<lines>")
    rows = _scoped(_read_rows(source, tally), base)
    by_host: dict[str, list[_Row]] = {}
    for row in rows:
        by_host.setdefault(row.key, []).append(row)
    subjects = _Subjects(base, _source(accessed), tally)
    for host, group in by_host.items():
        subjects.place(host, group)
    assessments = _assessments(rows, subjects, base, tally)
    accounts = _accounts(rows, subjects, base, tally)
    return finish(tally, [*subjects.outlets, *subjects.claims, *accounts, *assessments], base, FORMAT)
