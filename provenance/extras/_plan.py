"""Which rows of a frame share a result: label each distinct value once and give every row its output row.

The adapters hand over the URL and date columns encoded (a code per row, -1
where the cell is null, and the distinct values). Then:

- each distinct URL gets a *key*: its ``http(s)://host`` prefix when that
  prefix is a plain host name followed by ``/`` (the whole authority: every
  URL with that prefix has the same host), else the URL itself;
- each key's host is read once; a host no outlet claims, nor a domain above
  it, has one result at every date (``label_many`` gives such hosts one
  shared result), so it is labelled once, undated, and its rows need only
  their date read: each distinct date is read once;
- the other rows (claimed hosts, bad URLs, empty cells) are labelled once per
  distinct (URL, date) pair, since a claimed host's result may depend on the
  date and, after its claims ended, on a date in the URL's path.

numpy does the arithmetic on codes (it comes with every supported frame library's extra).
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from provenance.extras._columns import Column, Request, Rows

PROBE = "http://example.invalid/"
"""A URL whose host reads fine: each distinct date is read with it, to learn whether it can be read."""


@attrs.frozen(slots=True)
class Encoded:
    """A column encoded: a code per row (-1 where null) and the distinct values."""

    codes: Any
    """A numpy integer array, one code per row, -1 where the cell is null."""
    values: list[Any]
    """The distinct values, by code."""


def _prefix(url: object) -> str | None:
    """A URL's ``http(s)://...`` part before the first ``/`` of its path, or ``None``."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    end = url.find("/", 8)
    return url[:end] if end >= 0 else url


def _keys(numpy: Any, urls: list[Any], rows: Rows, nulls: bool) -> tuple[Any, list[str | None]]:
    """The key code of each distinct URL (and, with ``nulls``, one for null cells, last), and a URL per key."""
    prefixes: dict[str | None, int] = {}
    prefix_codes = numpy.fromiter(
        (prefixes.setdefault(_prefix(url), len(prefixes)) for url in urls), "int64", len(urls)
    )
    simple = numpy.fromiter((rows.is_plain(prefix) for prefix in prefixes), bool, len(prefixes))
    # A plain prefix is its URLs' key; any other URL is its own key (numbered after the prefixes).
    keys = numpy.where(simple[prefix_codes], prefix_codes, len(prefixes) + numpy.arange(len(urls)))
    if nulls:
        keys = numpy.append(keys, len(prefixes) + len(urls))  # null cells: one key of their own, last
    present, keys = numpy.unique(keys, return_inverse=True)
    first = numpy.full(len(present), len(urls), dtype="int64")
    first[keys[::-1]] = numpy.arange(len(keys))[::-1]  # the first URL of each key (the null key: none)
    values = [*urls, None]
    return keys, [values[number] for number in first.tolist()]


def plan(url: Encoded, date: Encoded | None, request: Request) -> tuple[Any, tuple[Column, ...]]:
    """The output row of every row, and the added columns by output row.

    Args:
        url: The URL column encoded.
        date: The date column encoded, or ``None`` when the rows are undated.
        request: What was asked.

    Returns:
        A numpy array of output rows, one per row, and the columns.
    """
    numpy: Any = importlib.import_module("numpy")
    rows = Rows(request)
    url_codes = numpy.asarray(url.codes, dtype="int64")
    dates = [] if date is None else date.values
    date_codes = numpy.full(len(url_codes), -1, dtype="int64") if date is None else numpy.asarray(date.codes, "int64")
    key_of_url, representatives = _keys(numpy, url.values, rows, bool((url_codes < 0).any()))
    row_keys = key_of_url[url_codes]  # -1 (null) picks the last: the null key
    hosts = [rows.host(representative) for representative in representatives]
    domains = [None if host is None else host[1] for host in hosts]
    free = numpy.fromiter((host is not None and not host[2] for host in hosts), bool, len(hosts))
    key_rows = numpy.full(len(hosts), -1, dtype="int64")
    free_keys = numpy.flatnonzero(free).tolist()
    for key, result in zip(free_keys, rows.label([(representatives[key], None) for key in free_keys]), strict=True):
        # An unclaimed host has this one result at every date (label_many reads the URL as it is read here).
        free[key] = result.ok and result.outlet is None
        key_rows[key] = rows.add(representatives[key], result, domains[key])
    out = numpy.full(len(url_codes), -1, dtype="int64")
    bad_date, date_rows = _read_dates(numpy, rows, dates, free.any())
    row_free, row_bad = free[row_keys], bad_date[date_codes]
    good = row_free & ~row_bad
    out[good] = key_rows[row_keys[good]]
    if request.bad_dates == "error":
        failed = row_free & row_bad
        out[failed] = date_rows[date_codes[failed]]
    rest = numpy.flatnonzero(out < 0)
    if len(rest):
        width = len(dates) + 1
        combined = (url_codes[rest] + 1) * width + (date_codes[rest] + 1)
        distinct, inverse = numpy.unique(combined, return_inverse=True)
        pair_domains = [domains[key] for key in key_of_url[distinct // width - 1].tolist()]
        out[rest] = _pairs(numpy, rows, (url.values, dates), distinct.tolist(), pair_domains)[inverse.reshape(-1)]
    return out, rows.columns()


def _read_dates(numpy: Any, rows: Rows, dates: list[Any], needed: bool) -> tuple[Any, Any]:
    """Which distinct dates cannot be read, and their error rows (one more entry, last, for null: readable).

    Not ``needed`` (no key is date-free), no date is read and all count as readable.
    """
    bad_date = numpy.zeros(len(dates) + 1, dtype=bool)
    date_rows = numpy.zeros(len(dates) + 1, dtype="int64")
    for number, result in enumerate(rows.label([(PROBE, value) for value in dates] if needed else [])):
        if not result.ok:
            bad_date[number] = True
            date_rows[number] = rows.add(PROBE, result, None)
    return bad_date, date_rows


def _pairs(
    numpy: Any, rows: Rows, values: tuple[list[Any], list[Any]], combined: list[int], domains: list[str | None]
) -> Any:
    """The output rows of distinct (URL, date) pairs, numbered ``(url code + 1) * width + date code + 1``."""
    width = len(values[1]) + 1
    url_values, date_values = [None, *values[0]], [None, *values[1]]
    pairs = [(url_values[number // width], date_values[number % width]) for number in combined]
    results = rows.label(pairs)
    return numpy.asarray([rows.add(*found) for found in zip((u for u, _ in pairs), results, domains, strict=True)])
