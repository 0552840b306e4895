"""find_problems and the registry's de-duplication against straightforward reference versions.

The library's versions sort records by kind, check the common case with set
lookups, peel relations that cannot lie on a cycle and skip hashing whole
records when cheap fields already tell them apart. These tests compare them,
message for message, with the plain one-pass versions they replaced, on small
random record sets full of faults.
"""

import itertools
from collections import defaultdict

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.dates import Interval, PartialDate, Truth
from provenance.domains import candidate_hosts, is_normal_host, is_public_suffix
from provenance.layout import by_kind
from provenance.model import TYPOLOGY_CODES, Assessment, DomainClaim, Organization, Outlet, Relation, Source, Succession
from provenance.ratings import Rater, Rating, Scale
from provenance.registry import Registry
from provenance.registry._indexes import distinct
from provenance.registry._validation import (
    _check_host,
    _check_rating,
    _cycles,
    _overlapping_claims,
    describe_record,
    find_problems,
)


def reference_problems(records, locations=None):
    """find_problems as it was written first: one pass per check, isinstance dispatch, no shortcuts."""
    where = locations if locations is not None else {}

    def at(record):
        return where.get(record) or describe_record(record)

    problems = []
    bodies = {}
    for record in records:
        if isinstance(record, Outlet | Organization | Rater):
            if record.id in bodies:
                problems.append(f"{at(record)}: duplicate id {record.id!r} (also {at(bodies[record.id])})")
            else:
                bodies[record.id] = record
        if not record.sources:
            problems.append(f"{at(record)}: cites no source")

    def need(record, role, id, outlet_only=False):
        body = bodies.get(id)
        if body is None:
            problems.append(f"{at(record)}: {role} {id!r} is not a known outlet or organisation")
        elif isinstance(body, Rater):
            problems.append(f"{at(record)}: {role} {id!r} is a rater, not an outlet or organisation")
        elif outlet_only and not isinstance(body, Outlet):
            problems.append(f"{at(record)}: {role} {id!r} is an organisation, not an outlet")

    claims = defaultdict(list)
    for record in records:
        if isinstance(record, DomainClaim):
            need(record, "outlet", record.outlet, outlet_only=True)
            _check_host(record, at, problems)
            claims[record.host].append(record)
        elif isinstance(record, Relation):
            need(record, "subject", record.subject)
            need(record, "object", record.object)
        elif isinstance(record, Succession):
            need(record, "predecessor", record.predecessor)
            need(record, "successor", record.successor)
        elif isinstance(record, Assessment):
            need(record, "subject", record.subject)
            if record.kind == "typology" and record.value not in TYPOLOGY_CODES:
                problems.append(f"{at(record)}: typology {record.value!r} is not one of " + ", ".join(TYPOLOGY_CODES))
            if record.kind == "sanction" and record.instrument is None:
                problems.append(f"{at(record)}: a sanction needs its legal instrument")
    raters = {record.id: record for record in records if isinstance(record, Rater)}
    for record in records:
        if isinstance(record, Rating):
            _check_rating(record, raters, at, problems)
            if record.outlet is not None:
                need(record, "outlet", record.outlet, outlet_only=True)
    for host_claims in claims.values():
        problems.extend(_overlapping_claims(host_claims, at))
    problems.extend(_reference_claim_places(claims, at))
    problems.extend(_cycles([r for r in records if isinstance(r, Relation)], at))
    return sorted(problems)


def _reference_claim_places(claims, at):
    """Public suffixes and hosts below another outlet's claim (issue #14 item 9), claim by claim."""
    problems = []
    everything = [claim for host_claims in claims.values() for claim in host_claims]
    for claim in everything:
        if is_normal_host(claim.host) and is_public_suffix(claim.host):
            problems.append(
                f"{at(claim)}: host {claim.host!r} is a public suffix: "
                "a claim on it would take every site registered under it"
            )
        suffixes = candidate_hosts(claim.host)[1:]
        for key in suffixes:
            together = [
                other
                for other in claims.get(key, ())
                if other.interval.overlaps(claim.interval) is not Truth.NO
                and not (other.interval.end == claim.interval.start and claim.interval.start is not None)
                and not (claim.interval.end == other.interval.start and other.interval.start is not None)
            ]
            if together:
                for outlet in dict.fromkeys(other.outlet for other in together):
                    if outlet not in (claim.outlet, claim.under):
                        problems.append(
                            f"{at(claim)}: host {claim.host!r} of {claim.outlet!r} lies under {key!r}, claimed by "
                            f"{outlet!r} at overlapping times: take it explicitly with under = {outlet!r}"
                        )
                break
        if claim.under is not None and not any(o.outlet == claim.under for k in suffixes for o in claims.get(k, ())):
            problems.append(
                f"{at(claim)}: under {claim.under!r}, but {claim.under!r} claims no domain above {claim.host!r}"
            )
    return problems


class SpecialOutlet(Outlet):
    """A subclass of a record type: the fast paths must treat it as its base type."""


SOURCE = Source("https://example.org/a", "A")
OTHER_SOURCE = Source("https://example.org/b", "B")
IDS = ("a", "b", "c", "d", "e", "f")
HOSTS = ("rt.com", "de.rt.com", "RT.com", "www.rt.com", "1.2.3.4", "x1.example", "bad host", "a.b")
INTERVALS = (
    Interval(),
    Interval.parse("2000", "2005"),
    Interval.parse("2005", None),
    Interval.parse("2006-01", "2010"),
    Interval.parse(None, "2001-06-30"),
    Interval.parse("2003", "unknown"),
)
SCALE = Scale("stars", "reliability", "ordinal", ("low", "mid", "high"))

ids = st.sampled_from(IDS)
intervals = st.sampled_from(INTERVALS)
cited = st.sampled_from(((SOURCE,), (OTHER_SOURCE,), (SOURCE, OTHER_SOURCE), ()))


def _relation(subject, kind, object, interval, sources):
    return Relation(subject, kind, object if object != subject else subject + "x", interval=interval, sources=sources)


records = st.one_of(
    st.builds(lambda id, s, i: Outlet(id, id.upper(), "website", "RU", lifetime=i, sources=s), ids, cited, intervals),
    st.builds(lambda id, s: SpecialOutlet(id, id.upper(), "website", "RU", sources=s), ids, cited),
    st.builds(lambda id, s: Organization(id, id.upper(), "company", sources=s), ids, cited),
    st.builds(lambda id, s: Rater(id, id.upper(), (SCALE,), sources=s), ids, cited),
    st.builds(
        lambda host, outlet, i, s: DomainClaim(host, outlet, "primary", interval=i, sources=s),
        st.sampled_from(HOSTS),
        ids,
        intervals,
        cited,
    ),
    st.builds(_relation, ids, st.sampled_from(("owns", "funds", "operates")), ids, intervals, cited),
    st.builds(
        lambda a, b, s: Succession(a, b, "renamed", PartialDate(2014), sources=s),
        ids,
        ids,
        cited,
    ),
    st.builds(
        lambda subject, kind, value, instrument, s: Assessment(
            subject, "state-media-monitor", kind, value, instrument=instrument, sources=s
        ),
        ids,
        st.sampled_from(("typology", "sanction", "platform-label")),
        st.sampled_from(("SC", "IP", "XX")),
        st.none() | st.just("Regulation 2022/350"),
        cited,
    ),
    st.builds(
        lambda rater, scale, axis, outlet, host, s: Rating(
            rater, scale, axis, "mid", 0.5, outlet=outlet, host=None if outlet else host, sources=s
        ),
        ids,
        st.sampled_from(("stars", "nope")),
        st.sampled_from(("reliability", "bias")),
        st.none() | ids,
        st.sampled_from(HOSTS),
        cited,
    ),
)


@st.composite
def record_sets(draw):
    drawn = draw(st.lists(records, max_size=25))
    repeats = draw(st.lists(st.integers(0, 24), max_size=4)) if drawn else []
    for index in repeats:  # the very same record again, and an equal copy of it
        record = drawn[index % len(drawn)]
        drawn.append(record)
        drawn.append(attrs.evolve(record))
    return draw(st.permutations(drawn))


@settings(max_examples=400, deadline=None)
@given(record_sets())
def test_find_problems_matches_the_reference(drawn):
    unique = tuple(dict.fromkeys(drawn))
    assert find_problems(unique) == reference_problems(unique)
    locations = {record: f"file.toml: record {number}" for number, record in enumerate(unique) if number % 2}
    assert find_problems(unique, locations) == reference_problems(unique, locations)


@settings(max_examples=400, deadline=None)
@given(record_sets())
def test_registry_deduplicates_as_dict_fromkeys_does(drawn):
    expected = tuple(dict.fromkeys(drawn))
    if distinct(by_kind(drawn)):
        assert tuple(drawn) == expected  # "distinct" is never said of records with a repeat
    try:
        registry = Registry(drawn)
    except Exception:
        return
    assert registry.records == expected
    assert all(type(a) is type(b) for a, b in zip(registry.records, expected, strict=True))


def test_cycle_checks_reach_past_the_peeling_rounds():
    # A chain far longer than the peeling rounds leads into a cycle, and a cycle runs the chain's length.
    chain = [f"o{n}" for n in range(30)]
    bodies = [Organization(id, id.upper(), "company", sources=(SOURCE,)) for id in chain]
    relations = [Relation(a, "owns", b, sources=(SOURCE,)) for a, b in itertools.pairwise(chain)]
    back = Relation("o29", "funds", "o28", sources=(SOURCE,))
    closing = Relation("o29", "owns", "o0", interval=Interval.parse("2001", "2002"), sources=(SOURCE,))
    for extra in ([back], [closing], [back, closing]):
        found = find_problems([*bodies, *relations, *extra])
        assert found == reference_problems([*bodies, *relations, *extra])
        assert 1 <= len(found) <= 2 and all("control cycle" in problem for problem in found)


@pytest.mark.parametrize("item", ["x", None, 7, SOURCE, ("a",) * 100])
def test_an_item_that_is_not_a_record_is_a_type_error_naming_it(item):
    outlet = Outlet("a", "A", "website", "RU", sources=(SOURCE,))
    for call in (Registry.from_records, find_problems):
        with pytest.raises(TypeError, match=r"not a registry record: .* \(a \w+\)$"):
            call([outlet, item])
