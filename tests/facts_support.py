"""What the shipped-data fact tests (``tests/test_facts_*.py``) share: the checks, and tests made from tables.

How to write a fact test file (say ``tests/test_facts_s5_w9.py``, or to convert one written the old way):

- Take the registry from the ``curated_registry`` fixture (``tests/conftest.py``: the curated data without
  the bundled layers, loaded once a session). Define no ``registry`` fixture of your own; in a file of the
  old style, delete it and rename the ``registry`` argument of its tests to ``curated_registry``.
- Write the facts as module-level tables, one tuple a fact, and make each table's tests with a factory
  below instead of writing the parametrized test out, for example::

      RESOLVES = [("bbc", "https://www.bbc.co.uk/news/x", "GB")]  # (outlet, url on its domain, country)
      STATE = [("bbc", "state-gb", "2024")]  # (outlet, state at the top, a date the control is sourced for)
      RELATIONS = [("state-gb", "governs", "bbc")]  # (subject, kind, object)

      test_domain_resolves_to_the_outlet = domain_tests(RESOLVES)
      test_control_reaches_the_state = state_tests(STATE)
      test_relation_is_recorded = relation_tests(RELATIONS)

  The other factories: ``relation_span_tests`` (a relation and its dates), ``start_tests`` (an outlet's
  sourced start), ``monitor_code_tests`` (the State Media Monitor's code), ``top_owner_tests`` and
  ``chain_top_tests`` (who heads the control chain), ``host_claim_tests`` and ``url_tests`` (what a host
  or URL resolves to at a date). A table of ``(outlet, url, country, state, at)`` rows serves both
  ``domain_tests`` and ``state_tests``. Keep the test names the old file used, so the test ids stay.
- When converting, keep what each old assertion meant: a test that calls ``relation(...)`` becomes
  ``relation_tests(rows)`` (exactly one such relation), one that checks ``(subject, kind) in {...}`` becomes
  ``relation_tests(rows, unique=False)``; a monitor-code test comparing a list (``== [code]``) becomes
  ``monitor_code_tests(rows)``, one comparing a set (``== {code}``) ``monitor_code_tests(rows, as_set=True)``.
  Check with ``pytest --collect-only -q`` before and after that no test id went missing.
- Write a test out by hand only for a fact no factory checks; the ``assert_*`` and lookup helpers here
  (``relation``, ``span``, ``monitor_codes``, ``subjects``, ``relation_set``, ``tops``, ``run_cli``) keep it
  short.

A file in the old style (its own ``registry`` fixture, parametrized tests written out) still runs as it is.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Collection, Sequence

import pytest

from provenance.cli import main
from provenance.dates import OpenEnd, PartialDate, parse_iso
from provenance.model import Assessment, Relation
from provenance.ownership import ControlChain, control_chain
from provenance.registry import Registry

MONITOR = "state-media-monitor"
"""The assessor id of the State Media Monitor, whose typology codes the fact tests pin."""

FactTest = Callable[..., None]
"""A test function a factory made: it takes ``curated_registry`` and one row of its table."""


# -- lookups -------------------------------------------------------------------------------------------


def bound(value: object) -> str | None:
    """An interval end as text: ``None`` when open, ``"ongoing"``/``"unknown"`` for an open end, else the date."""
    if value is None:
        return None
    return value.value if isinstance(value, OpenEnd) else str(value)


def span(record: Relation | Assessment) -> tuple[str | None, str | None]:
    """A record's start and end as text."""
    return bound(record.interval.start), bound(record.interval.end)


def relation(registry: Registry, subject: str, kind: str, object: str) -> Relation:
    """The one relation of this kind between the two, failing the test when there is none or several."""
    found = [r for r in registry.relations(subject=subject, object=object) if r.kind == kind]
    assert len(found) == 1, f"expected one {subject} {kind} {object}, got {found}"
    return found[0]


def relation_set(registry: Registry, object: str, at: str | None = None) -> set[tuple[str, str]]:
    """The ``(subject, kind)`` pairs of the relations to an object, at a date or at any time.

    Args:
        registry: The registry to read.
        object: The id the relations point to.
        at: A date in ISO form, or ``None`` for every relation whatever its dates.

    Returns:
        The pairs, as a set.
    """
    return {(r.subject, r.kind) for r in registry.relations(object=object, at=at)}


def subjects(registry: Registry, object: str, kind: str, at: str | None = None) -> set[str]:
    """The subjects of the relations of one kind to an object, at a date or at any time.

    Args:
        registry: The registry to read.
        object: The id the relations point to.
        kind: The relation kind, e.g. ``"owns"``.
        at: A date in ISO form, or ``None`` for every relation whatever its dates.

    Returns:
        The subject ids, as a set.
    """
    return {r.subject for r in registry.relations(object=object, at=at) if r.kind == kind}


def tops(registry: Registry, outlet: str, at: str) -> set[str]:
    """The ids at the top of each path of the outlet's control chain at a date."""
    return {path.top for path in control_chain(registry, outlet, at=at)}


def monitor_codes(registry: Registry, outlet: str) -> list[str]:
    """The State Media Monitor's typology codes for the outlet, one a record, in record order."""
    return [a.value for a in registry.assessments(outlet, kind="typology") if a.assessor == MONITOR]


def run_cli(*args: str) -> tuple[int, str]:
    """Run the command line in-process.

    Args:
        *args: The arguments, as typed after ``provenance``.

    Returns:
        The exit code and what it printed on standard output.
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


# -- checks ----------------------------------------------------------------------------------------------


def assert_resolves(registry: Registry, outlet: str, url: str, country: str) -> None:
    """A URL on the outlet's main domain names the outlet, of its country."""
    found = registry.outlet_for_url(url)
    assert found is not None and found.id == outlet, f"{url} resolves to {found and found.id}, not to {outlet}"
    assert found.country == country, f"{outlet} is filed under {found.country}, not {country}"


def assert_reaches_state(registry: Registry, outlet: str, state: str, at: str) -> None:
    """The outlet's control chain at a sourced date reaches exactly this state."""
    reached = [body.id for body in control_chain(registry, outlet, at=at).states(registry)]
    assert reached == [state], f"{outlet}'s control at {at} reaches {reached}, not [{state!r}]"


def assert_chain_sources_quoted(paths: ControlChain) -> None:
    """Every relation on the control chain's paths rests on quoted sources, one of them not of kind ``other``."""
    for path in paths:
        for found in path.relations:
            assert found.sources and all(s.quote for s in found.sources), f"unquoted source on {found}"
            assert any(s.kind != "other" for s in found.sources), f"only sources of kind other on {found}"


# -- tests made from tables ------------------------------------------------------------------------------


def _outlet_ids(rows: Sequence[tuple[object, ...]]) -> list[str]:
    return [str(row[0]) for row in rows]


def domain_tests(rows: Sequence[tuple[str, ...]]) -> FactTest:
    """A test that each outlet's URL resolves to it, of its country (:func:`assert_resolves`).

    Args:
        rows: ``(outlet, url, country, ...)``: further columns (such as a state and a date for
            :func:`state_tests`) are ignored. The test ids are the outlets.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("outlet", "url", "country"), [row[:3] for row in rows], ids=_outlet_ids(rows))
    def test(curated_registry: Registry, outlet: str, url: str, country: str) -> None:
        """The outlet's domain resolves to it."""
        assert_resolves(curated_registry, outlet, url, country)

    return test


def state_tests(rows: Sequence[tuple[str, ...]]) -> FactTest:
    """A test that each outlet's control chain reaches exactly its state at a date (:func:`assert_reaches_state`).

    Args:
        rows: ``(outlet, state, at)``, or any row that starts with the outlet and ends with the state and
            the date, such as ``(outlet, url, country, state, at)``. The test ids are the outlets.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("outlet", "state", "at"), [(r[0], r[-2], r[-1]) for r in rows], ids=_outlet_ids(rows))
    def test(curated_registry: Registry, outlet: str, state: str, at: str) -> None:
        """The outlet's control reaches its state."""
        assert_reaches_state(curated_registry, outlet, state, at)

    return test


def relation_tests(rows: Sequence[tuple[str, str, str]], *, unique: bool = True) -> FactTest:
    """A test that each relation is recorded.

    Args:
        rows: ``(subject, kind, object)``. The test ids join the three.
        unique: Whether the relation must be recorded exactly once (:func:`relation`); when false, at
            least once.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("subject", "kind", "object"), rows)
    def test(curated_registry: Registry, subject: str, kind: str, object: str) -> None:
        """The relation is recorded."""
        if unique:
            relation(curated_registry, subject, kind, object)
        else:
            pairs = relation_set(curated_registry, object)
            assert (subject, kind) in pairs, f"no {subject} {kind} {object} among {sorted(pairs)}"

    return test


def relation_span_tests(rows: Sequence[tuple[str, str, str, str | None, str | None]]) -> FactTest:
    """A test that each relation is recorded once, with these dates (:func:`relation`, :func:`span`).

    Args:
        rows: ``(subject, kind, object, start, end)``, the dates as :func:`span` gives them (``None``
            for an open start, ``"ongoing"`` or ``"unknown"`` for an open end). The test ids join the five.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("subject", "kind", "object", "start", "end"), rows)
    def test(
        curated_registry: Registry, subject: str, kind: str, object: str, start: str | None, end: str | None
    ) -> None:
        """The relation is recorded with its dates."""
        found = span(relation(curated_registry, subject, kind, object))
        assert found == (start, end), f"{subject} {kind} {object} spans {found}, not {(start, end)}"

    return test


def start_tests(rows: Sequence[tuple[str, PartialDate]]) -> FactTest:
    """A test that each outlet's lifetime starts on its sourced date.

    Args:
        rows: ``(outlet, start)``. The test ids are the outlet and ``start`` with the row's index.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("outlet", "start"), rows)
    def test(curated_registry: Registry, outlet: str, start: PartialDate) -> None:
        """The outlet starts on its sourced date."""
        found = curated_registry.lookup(outlet).lifetime.start
        assert found == start, f"{outlet} starts {found}, not {start}"

    return test


def monitor_code_tests(rows: Sequence[tuple[str, str]], *, as_set: bool = False) -> FactTest:
    """A test of the State Media Monitor's typology code for each outlet (:func:`monitor_codes`).

    Args:
        rows: ``(outlet, code)``. The test ids join the two.
        as_set: When false, the monitor has exactly one record for the outlet, with this code; when
            true, it may have several, all with this code.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("outlet", "code"), rows)
    def test(curated_registry: Registry, outlet: str, code: str) -> None:
        """The State Media Monitor's code for the outlet."""
        codes = monitor_codes(curated_registry, outlet)
        if as_set:
            assert set(codes) == {code}, f"the monitor codes {outlet} {codes}, not only {code!r}"
        else:
            assert codes == [code], f"the monitor codes {outlet} {codes}, not [{code!r}]"

    return test


def top_owner_tests(rows: Sequence[tuple[str, str, str]]) -> FactTest:
    """A test that an id is among those ultimately controlling each outlet at a date.

    Args:
        rows: ``(outlet, at, top)``. The test ids join the three.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("outlet", "at", "top"), rows)
    def test(curated_registry: Registry, outlet: str, at: str, top: str) -> None:
        """The owner is at the top of the outlet's chain."""
        ultimate = control_chain(curated_registry, outlet, at=at).ultimate()
        assert top in ultimate, f"{top} is not at the top of {outlet}'s chain at {at}: {ultimate}"

    return test


def chain_top_tests(outlet: str, rows: Sequence[tuple[str, str | Collection[str]]]) -> FactTest:
    """A test of who heads one outlet's control chain at each date (:func:`tops`).

    Args:
        outlet: The outlet.
        rows: ``(at, top)``: ``top`` the one id at the top of every path, or the set of ids at the tops
            (empty when no chain reaches above the outlet). The test ids join the two (a set: ``top``
            with the row's index).

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("at", "top"), rows)
    def test(curated_registry: Registry, at: str, top: str | Collection[str]) -> None:
        """Who heads the outlet's chain at the date."""
        expected = {top} if isinstance(top, str) else set(top)
        found = tops(curated_registry, outlet, at)
        assert found == expected, f"{outlet}'s chain at {at} is headed by {found}, not {expected}"

    return test


def host_claim_tests(rows: Sequence[tuple[str, str]], at: str | None = None) -> FactTest:
    """A test that each host is claimed by its outlet (``Registry.claim_for_host``).

    Args:
        rows: ``(host, outlet)``. The test ids join the two.
        at: The date of the claim, in ISO form; ``None`` to ask with no date.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("host", "outlet"), rows)
    def test(curated_registry: Registry, host: str, outlet: str) -> None:
        """The host is claimed by the outlet."""
        claim = curated_registry.claim_for_host(host, None if at is None else parse_iso(at))
        assert claim is not None and claim.outlet == outlet, (
            f"{host} is claimed by {claim and claim.outlet}, not by {outlet}"
        )

    return test


def url_tests(rows: Sequence[tuple[str, str]], at: str) -> FactTest:
    """A test that each URL resolves to its outlet at a date (``Registry.outlet_for_url``).

    Args:
        rows: ``(url, outlet)``. The test ids join the two.
        at: The date, in ISO form.

    Returns:
        The test, parametrized over the rows, to assign to a ``test_*`` name.
    """

    @pytest.mark.parametrize(("url", "outlet"), rows)
    def test(curated_registry: Registry, url: str, outlet: str) -> None:
        """The URL resolves to the outlet."""
        found = curated_registry.outlet_for_url(url, at=at)
        assert found is not None and found.id == outlet, (
            f"{url} at {at} resolves to {found and found.id}, not to {outlet}"
        )

    return test
