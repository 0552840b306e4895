"""Lin et al. 2023 domain quality ratings (``domain_pc1.csv``, ``domain_ratings.csv``).

Lin, Lasser, Lewandowsky, Cole, Gully, Rand and Pennycook (2023), "High level
of correspondence across different news domain quality rating sets", PNAS
Nexus 2(9) pgad286, published 11,520 domains with an aggregate quality score
(``pc1``) and, in ``domain_ratings.csv``, one column per rating set rescaled
to 0..1. Most per-rater cells are *imputed* by the authors, not given by the
rater: only the rater's own values are imported and attributed to the rater
(``via = "Lin et al. 2023"``). The ``*_bias`` columns measure how little bias
a source shows, not where it stands, and are imported on the ``impartiality``
axis. See ``docs/importers.md`` for the column table.
"""

from __future__ import annotations

import re

import attrs

from provenance.dates import PartialDate
from provenance.errors import RecordError
from provenance.model import Source
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry

from ._common import (
    ImportFileError,
    ImportResult,
    Input,
    RatingTarget,
    RowSkip,
    Tally,
    csv_table,
    finish,
    rated_host,
    raters_to_emit,
    rating_target,
)

__all__ = ["LIN_ACCESSED", "LIN_COLUMNS", "LIN_RATERS", "import_domain_quality"]

FORMAT = "domain-quality"
LIN_ACCESSED = PartialDate(2023, 9, 14)
"""Default access date: the commit date of the data set (hauselin/domain-quality-ratings @ 5671d57e545e)."""
LIN_DATASET_URL = "https://github.com/hauselin/domain-quality-ratings"
VIA = "Lin et al. 2023"
_PAPER = "https://doi.org/10.1093/pnasnexus/pgad286"


def _unit(id: str, axis: str = "reliability") -> Scale:
    return Scale(id, axis=axis, kind="numeric", minimum=0.0, maximum=1.0)


LIN_RATERS: dict[str, Rater] = {
    rater.id: rater
    for rater in (
        Rater(
            "lin-2023-pc1",
            "Lin et al. 2023 aggregate domain quality (PC1)",
            (_unit("pc1"),),
            methodology_url=_PAPER,
            licence="no licence file; the authors invite reuse citing Lin et al. 2023",
        ),
        Rater("ad-fontes-media", "Ad Fontes Media", (_unit("afm-rely"), _unit("afm-bias", "impartiality"))),
        Rater(
            "media-bias-fact-check",
            "Media Bias/Fact Check",
            (_unit("mbfc-fact"), _unit("mbfc-bias", "impartiality")),
        ),
        Rater(
            "fact-checkers-pennycook-rand-2019",
            "Professional fact-checkers (Pennycook & Rand 2019)",
            (_unit("fc"),),
            methodology_url="https://doi.org/10.1073/pnas.1806781116",
        ),
        Rater(
            "lasser-2022",
            "Lasser et al. 2022",
            (_unit("lewandowsky-acc"), _unit("lewandowsky-trans"), _unit("lewandowsky-rely")),
            methodology_url="https://doi.org/10.1093/pnasnexus/pgac186",
        ),
    )
}
"""The raters of the two files, without sources (the import adds the data set as source)."""


@attrs.frozen(slots=True)
class Column:
    """How one column of the files is imported."""

    rater: str | None
    """The rater the values are attributed to; ``None`` when the column is not imported."""
    scale: str | None = None
    """The rater's scale."""
    observed_only: bool = True
    """Whether only the rater's own values are kept (imputed ones, with more than four decimals, are not)."""
    reason: str | None = None
    """Why the column is not imported."""


_DERIVED = "derived by Lin et al. from the rater's other columns (a mean or a minimum)"
LIN_COLUMNS: dict[str, Column] = {
    "pc1": Column("lin-2023-pc1", "pc1", observed_only=False),
    "afm": Column(None, reason=_DERIVED),
    "afm_bias": Column("ad-fontes-media", "afm-bias"),
    "afm_min": Column(None, reason=_DERIVED),
    "afm_rely": Column("ad-fontes-media", "afm-rely"),
    "fc": Column("fact-checkers-pennycook-rand-2019", "fc"),
    "mbfc": Column(None, reason=_DERIVED),
    "mbfc_bias": Column("media-bias-fact-check", "mbfc-bias"),
    "mbfc_fact": Column("media-bias-fact-check", "mbfc-fact"),
    "mbfc_min": Column(None, reason=_DERIVED),
    "lewandowsky_acc": Column("lasser-2022", "lewandowsky-acc"),
    "lewandowsky_trans": Column("lasser-2022", "lewandowsky-trans"),
    "lewandowsky_rely": Column("lasser-2022", "lewandowsky-rely"),
    "lewandowsky_mean": Column(None, reason=_DERIVED),
    "lewandowsky_min": Column(None, reason=_DERIVED),
    "misinfome_bin": Column(
        None,
        reason="binary MisinfoMe/Iffy column whose imputed values cannot be told from observed ones",
    ),
}
"""Every column of ``domain_pc1.csv`` and ``domain_ratings.csv`` and what becomes of it."""

_LONG_DECIMALS = re.compile(r"\d*\.\d{5,}")


def imputed(value: str) -> bool:
    """Whether a cell looks imputed: more than four decimals.

    The rating sets were rescaled and rounded to four decimals; the values
    the authors imputed carry the full precision of the imputation. The
    counts bear this out: Ad Fontes 283, fact-checkers 60, MBFC 3,216,
    Lasser et al. 4,767 short values, the coverage the authors report.
    MBFC's bias column has 2,809: on the other 407 MBFC domains it is
    imputed (and their ``mbfc`` equals ``mbfc_fact``).

    >>> imputed("0.8333"), imputed("0.666579723358154"), imputed("1")
    (False, True, False)
    """
    return bool(_LONG_DECIMALS.fullmatch(value.strip()))


def _outcome(rule: Column, value: str) -> str:
    """What becomes of one cell: ``imported``, ``empty``, ``imputed`` or ``column not imported``."""
    if rule.rater is None:
        return "column not imported"
    if not value:
        return "empty"
    if rule.observed_only and imputed(value):
        return "imputed"
    return "imported"


_SCALES = {(rater.id, scale.id): scale for rater in LIN_RATERS.values() for scale in rater.scales}
_AS_OF_PC1 = PartialDate(2023)


@attrs.frozen(slots=True)
class _RowReader:
    """Reads the ratings of one row: the columns of the file's header, against the base and the data set."""

    columns: list[tuple[int, str, Column]]
    base: Registry | None
    dataset: Source

    def read(self, cells: list[str]) -> tuple[list[Rating], dict[str, int]]:
        """The row's ratings and what became of each cell.

        Raises:
            RowSkip: If the domain is unusable, a value is off its scale, or no value is left.
        """
        domain = cells[0].strip()
        host = rated_host(domain).host
        target = rating_target(self.base, host)
        ratings: list[Rating] = []
        counts: dict[str, int] = {}
        for index, column, rule in self.columns:
            value = cells[index].strip()
            outcome = _outcome(rule, value)
            if outcome == "imported":
                ratings.append(self._rating(column, rule, value, domain, target))
            counts[outcome] = counts.get(outcome, 0) + 1
        if not ratings:
            raise RowSkip("no value to import (every cell empty, imputed or unmapped)")
        return ratings, counts

    def _rating(self, column: str, rule: Column, value: str, domain: str, target: RatingTarget) -> Rating:
        assert rule.rater is not None and rule.scale is not None
        scale = _SCALES[(rule.rater, rule.scale)]
        try:
            normalized = scale.normalize(value)
        except RecordError as error:
            raise RowSkip(f"column {column}: {error}") from None
        aggregate = rule.rater == "lin-2023-pc1"
        return Rating(
            rater=rule.rater,
            scale=rule.scale,
            axis=scale.axis,
            raw=value,
            normalized=normalized,
            outlet=target.outlet,
            host=target.host,
            name=None if domain == target.host else domain,  # a host rating is named by its host already
            as_of=_AS_OF_PC1 if aggregate else None,
            via=None if aggregate else VIA,
            sources=(self.dataset,),
        )


def _dataset(accessed: PartialDate) -> Source:
    return Source(
        LIN_DATASET_URL,
        "domain-quality-ratings (Lin et al. 2023, PNAS Nexus 2(9) pgad286)",
        publisher="GitHub (hauselin)",
        accessed=accessed,
        kind="reference",
    )


def import_domain_quality(
    source: Input, base: Registry | None = None, *, accessed: PartialDate = LIN_ACCESSED
) -> ImportResult:
    """Import ``domain_pc1.csv`` or ``domain_ratings.csv`` (chosen by the header) as ratings.

    Args:
        source: Either CSV file, or its lines.
        base: Registry whose outlets claim the rated hosts (ratings then name
            the outlet); ``None`` to rate hosts only.
        accessed: When the data set was obtained; by default the commit date
            of the data set, 2023-09-14.

    Returns:
        The raters and ratings, the extended registry, and the report; its
        ``values`` count every cell after ``domain`` of the imported rows.

    Raises:
        ImportFileError: If the header is not one of these files'.
        RegistryError: If the base registry defines one of the raters differently.

    >>> result = import_domain_quality(["domain,pc1", "reuters.com,1", "example.org,0.5"])
    >>> [(r.host, r.raw, r.normalized) for r in result.registry.ratings(host="reuters.com")]
    [('reuters.com', '1', 1.0)]
    """
    tally = Tally(FORMAT, "<lines>")
    dataset = _dataset(accessed)
    ratings: list[Rating] = []
    with csv_table(source, tally, ("domain", "pc1"), ("domain", *LIN_COLUMNS)) as table:
        if table.header[0] != "domain":
            raise ImportFileError(table.name, "the first column must be 'domain'", 1)
        columns = [(i, column, LIN_COLUMNS[column]) for i, column in enumerate(table.header) if i > 0]
        reader = _RowReader(columns, base, dataset)
        for _, (row_ratings, counts) in table.accepted(tally, reader.read):
            tally.imported += 1
            tally.count("read", len(columns))
            for outcome, count in counts.items():
                tally.count(outcome, count)
            ratings.extend(row_ratings)
    used = dict.fromkeys(rating.rater for rating in ratings)
    raters = [attrs.evolve(LIN_RATERS[id], sources=(dataset,)) for id in LIN_RATERS if id in used]
    return finish(tally, [*raters_to_emit(base, raters, table.name), *ratings], base, FORMAT)
