"""The HTML report's pictures: one ownership graph, the outlet's timeline, and how they look in a real browser."""

import re
import shutil
import struct
import subprocess
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.dates import Interval, PartialDate
from provenance.model import Article
from provenance.ownership import control_chain
from provenance.registry import default_registry
from provenance.reports import build_report
from provenance.reports._graph_layout import layout_graph
from provenance.reports._graph_svg import chain_relations, ownership_svg
from provenance.reports._svg import num
from provenance.reports._timeline import LABELS, NAMES, OWNERS, outlet_timeline
from provenance.reports._timeline_svg import timeline_svg, x_of
from provenance.testing import make_registry

from .test_reports import seed_like

WINDOW = Interval.parse("2010-01-01", "2014-12-31")


def ordinal(year, month=1, dd=1):
    return PartialDate(year, month, dd).earliest().toordinal()


def _diamond():
    """Two paths up from the radio share the agency and the state; the state has three relations to the agency."""
    return make_registry(
        organizations=[
            {"id": "state", "name": "State", "kind": "state", "country": "RU"},
            {"id": "agency", "name": "Agency", "start": "2013-12-09"},
            {"id": "company", "name": "Old Company", "kind": "public-body", "country": "RU"},
        ],
        outlets=[
            {"id": "old-radio", "name": "Old Radio", "country": "RU", "start": "1929-10-29", "end": "1993-12-21"},
            {
                "id": "radio",
                "name": "Radio",
                "country": "RU",
                "start": "1993-12-22",
                "end": "2014-11-09",
                "names": [{"name": "Radio", "start": "1993-12-22", "end": "2014-11-09"}],
            },
            {"id": "new-radio", "name": "New Radio", "country": "RU", "start": "2014-11-10"},
        ],
        relations=[
            {"subject": "state", "kind": "owns", "object": "agency", "share": 1.0},
            {"subject": "state", "kind": "funds", "object": "agency"},
            {"subject": "state", "kind": "governs", "object": "agency"},
            {"subject": "state", "kind": "owns", "object": "company", "share": 1.0},
            {"subject": "agency", "kind": "operates", "object": "radio", "start": "2013-12-09", "end": "2014-11-09"},
            {"subject": "company", "kind": "operates", "object": "radio", "end": "2013-12-08"},
            {"subject": "state", "kind": "controls-editorially", "object": "radio"},
            {"subject": "agency", "kind": "operates", "object": "new-radio", "start": "2014-11-10"},
        ],
        successions=[
            {"predecessor": "old-radio", "successor": "radio", "kind": "renamed", "date": "1993-12-22"},
            {"predecessor": "radio", "successor": "new-radio", "kind": "replaced-by", "date": "2014-11-10"},
        ],
        assessments=[
            {"subject": "new-radio", "assessor": "eu", "kind": "sanction", "value": "EU", "start": "2022-03-02"}
            | {"instrument": "Council Regulation (EU) 2022/350"},
        ],
    )


@pytest.fixture
def diamond():
    return _diamond()


def _article(published=None):
    text = "A column.\n\nThis piece first appeared on Radio."
    return Article(text=text, title="A column", body="A column.", published=published)


# --- the graph ------------------------------------------------------------------------------------------


def test_each_party_is_one_node_and_each_relation_one_edge(diamond):
    chain = control_chain(diamond, "radio", at=WINDOW)
    relations = chain_relations(chain)
    assert len(chain.paths) > len({r.subject for r in relations})  # paths repeat bodies; the graph must not
    svg = ownership_svg(chain, diamond)
    parties = {chain.outlet} | {r.subject for r in relations} | {r.object for r in relations}
    assert svg.count('class="node"') == len(parties) == 4
    assert svg.count('class="edge"') == len(relations) == 7
    for name in ("State", "Agency", "Old Company", "Radio"):
        assert svg.count(f"<title>{name}: ") == 1


def test_edges_carry_kind_share_and_dates(diamond):
    svg = ownership_svg(control_chain(diamond, "radio", at=WINDOW), diamond)
    labels = re.findall(r'<g class="edge"><title>([^<]*)</title>.*?class="label">([^<]*)<.*?dates">([^<]*)<', svg)
    found = {(kind, dates) for _, kind, dates in labels}
    assert ("operates", "2013-12-09 to 2014-11-09") in found
    assert ("operates", "until 2013-12-08") in found
    assert ("owns 100%", "dates not recorded") in found  # the record's own dates, not the bodies' lifetimes
    assert ("controls-editorially", "dates not recorded") in found
    assert "Dashed arrows may not have held for all of 2010-01-01 to 2014-12-31." in svg
    assert svg.count('stroke-dasharray="6 4"') == 6  # all but State owns Old Company: Radio ended in 2014-11


def test_graph_is_accessible_and_has_no_script(diamond):
    svg = ownership_svg(control_chain(diamond, "radio", at="2012"), diamond)
    assert 'role="img"' in svg and 'aria-labelledby="pv-graph-title pv-graph-desc"' in svg
    assert '<title id="pv-graph-title">Who stood behind Radio</title>' in svg
    assert "State controls the editorial line of Radio" in svg.split("<desc", 1)[1].split("</desc>", 1)[0]
    assert "state (state, RU)" in svg  # the state is said in words, not only by its colour
    assert "<script" not in svg and "<foreignObject" not in svg


def test_names_are_escaped_in_both_pictures():
    registry = make_registry(
        organizations=[{"id": "owner", "name": "Owner <script>alert(1)</script> & Co"}],
        outlets=[{"id": "radio", "name": 'Radio "<b>"', "country": "RU", "start": "2000"}],
        relations=[{"subject": "owner", "kind": "owns", "object": "radio"}],
    )
    svg = ownership_svg(control_chain(registry, "radio"), registry)
    assert "<script>" not in svg and "<b>" not in svg
    assert "Owner &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in svg and "Radio &quot;&lt;b&gt;&quot;" in svg


def test_graph_is_byte_identical_for_the_same_input(diamond):
    first = ownership_svg(control_chain(diamond, "radio", at=WINDOW), diamond)
    again = _diamond()
    assert again is not diamond
    assert ownership_svg(control_chain(again, "radio", at=WINDOW), again) == first


def test_no_relations_no_graph(diamond):
    assert ownership_svg(control_chain(diamond, "old-radio", at="2000"), diamond) == ""


graphs = st.integers(min_value=1, max_value=9).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda e: e[0] != e[1]), max_size=3 * n
        ),
        st.lists(st.integers(0, 60), min_size=n, max_size=n),
    )
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_layout_never_overlaps_boxes_and_every_edge_joins_its_nodes(graph):
    count, edges, extra = graph
    ids = [f"n{i}" for i in range(count)]
    layout = layout_graph(
        ids, [(ids[s], ids[o]) for s, o in edges], {id: 30 + e for id, e in zip(ids, extra, strict=True)}
    )
    boxes = {box.id: box for box in layout.boxes}
    assert list(boxes) == ids and len(layout.routes) == len(edges)
    for i, a in enumerate(layout.boxes):
        assert a.height >= 30 + extra[i] and a.x >= 0 and a.x + a.width <= layout.width
        assert a.y >= 0 and a.y + a.height <= layout.height
        for b in layout.boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
    for route in layout.routes:
        (x1, y1), (x2, y2) = route.points[0], route.points[-1]
        subject, object = boxes[route.subject], boxes[route.object]
        assert x1 == subject.x + subject.width and subject.y <= y1 <= subject.y + subject.height
        assert x2 == object.x and object.y <= y2 <= object.y + object.height
        assert route.points[1][1] == y1  # the labelled first stretch is straight


def test_layout_puts_owners_left_of_what_they_own():
    layout = layout_graph(
        ["outlet", "agency", "state"], [("state", "agency"), ("agency", "outlet"), ("state", "outlet")], {}
    )
    columns = {box.id: box.column for box in layout.boxes}
    assert columns == {"state": 0, "agency": 1, "outlet": 2}
    long_edge = layout.routes[2]
    assert len(long_edge.points) > 4  # it passes the agency's column beside the agency, not through it


# --- the timeline ---------------------------------------------------------------------------------------


def test_timeline_shows_lineage_owners_and_labels(diamond):
    from provenance.labels import LabelSet
    from provenance.reports._contents import ReportContents

    radio = diamond.get("radio")
    contents = ReportContents(
        article=_article(PartialDate(2012, 8, 16)),
        policy="typology",
        registry=diamond,
        window=None,
        window_basis="stated",
        site=None,
        site_labels=LabelSet(),
        origin=radio,
        origin_mention=None,
        origin_url=None,
        chain=None,
        origin_labels=LabelSet(),
        labels=LabelSet(),
    )
    timeline = outlet_timeline(contents)
    names = [lane.label for lane in timeline.lanes if lane.section == NAMES]
    assert names == ["Old Radio", "Radio", "New Radio"]
    links = [
        (timeline.lanes[link.source].label, timeline.lanes[link.target].label, link.text) for link in timeline.links
    ]
    assert links == [("Old Radio", "Radio", "renamed"), ("Radio", "New Radio", "replaced by")]
    owners = {lane.label: lane.bars for lane in timeline.lanes if lane.section == OWNERS}
    agency = owners["Agency"]
    assert len(agency) == 1  # operating Radio, then New Radio: one span, the agency's years
    assert (agency[0].first, agency[0].last, agency[0].text) == (ordinal(2013, 12, 9), None, "operates")
    company = owners["Old Company"][0]
    assert (company.first, company.last) == (ordinal(1993, 12, 22), ordinal(2013, 12, 8))  # clipped to Radio's life
    labels = {lane.label: lane.bars for lane in timeline.lanes if lane.section == LABELS}
    assert labels["New Radio: The European Union sanction"][0].first == ordinal(2022, 3, 2)
    assert timeline.marker is None
    assert timeline.span()[0] < ordinal(1929, 10, 29) and timeline.span()[1] > ordinal(2022, 3, 2)


def test_timeline_bars_and_marker_sit_at_their_dates(diamond):
    from provenance.labels import LabelSet
    from provenance.reports._contents import ReportContents

    def contents(window, basis, published):
        fields = dict(policy="typology", registry=diamond, window=window, window_basis=basis, site=None)
        fields |= dict(origin=diamond.get("radio"), origin_mention=None, origin_url=None, chain=None)
        none = LabelSet()
        return ReportContents(_article(published), site_labels=none, origin_labels=none, labels=none, **fields)

    stated = outlet_timeline(contents(Interval.of(PartialDate(2012, 8, 16)), "stated", PartialDate(2012, 8, 16)))
    assert stated.marker.text == "the article: 2012-08-16"
    svg = timeline_svg(stated)
    x = x_of(stated, ordinal(2012, 8, 16))
    assert f'<line class="marker" x1="{num(x)}"' in svg
    lo, hi = stated.span()
    assert x == pytest.approx(290 + (ordinal(2012, 8, 16) - lo) * 620 / (hi - lo))
    radio_bar = next(lane for lane in stated.lanes if lane.label == "Radio").bars[0]
    start, end = x_of(stated, radio_bar.first), x_of(stated, radio_bar.last)
    assert f'<rect class="bar" x="{num(start)}"' in svg and f'width="{num(end - start)}"' in svg
    assert x_of(stated, ordinal(1993, 12, 22)) < x < x_of(stated, ordinal(2014, 11, 9))

    window = Interval.parse("1993-12-22", "2014-11-09")
    unstated = outlet_timeline(contents(window, "origin-lifetime", None))
    assert unstated.marker.text == "the article (date not stated): 1993-12-22 to 2014-11-09"
    svg = timeline_svg(unstated)
    first, last = x_of(unstated, window.bounds()[0]), x_of(unstated, window.bounds()[3])
    assert f'<rect class="marker" x="{num(first)}"' in svg and f'width="{num(last - first)}"' in svg
    assert "▲ the article (date not stated)" in svg and "<script" not in svg
    assert timeline_svg(unstated) == svg


# --- the seed, with the shipped data --------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_html():
    report = build_report(seed_like(), registry=default_registry())
    return report, report.to_html()


def test_seed_report_draws_one_graph_and_the_lineage(seed_html):
    report, page = seed_html
    graph = page.split('<figure class="chain">', 1)[1].split("</figure>", 1)[0]
    assert graph.count("<svg") == 1
    relations = chain_relations(report.chain)
    assert graph.count('class="edge"') == len(relations)
    assert len(relations) < sum(len(path.relations) for path in report.chain)  # the paths repeat relations
    assert graph.count("<title>Russian Federation: ") == 1 and graph.count("<title>Rossiya Segodnya: ") == 1
    timeline = page.split('<figure class="timeline">', 1)[1].split("</figure>", 1)[0]
    lanes = re.findall(r'text-anchor="end" font-size="11"><title>([^<]*)</title>', timeline)
    assert lanes[:4] == ["Radio Moscow", "Voice of Russia", "Radio Sputnik", "Sputnik"]
    assert "Rossiya Segodnya" in lanes and "Russian Federation" in lanes
    assert "▲ the article (date not stated): 1993-12-22 to 2014-11-09" in timeline
    assert "1930" in timeline and "2010" in timeline


def _browser():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _png_rows(data):
    """Decode an 8-bit RGB or RGBA PNG without Pillow: (width, height, channels, rows of bytes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.setdefault(kind, []).append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert depth == 8 and colour in (2, 6) and interlace == 0, "a PNG this decoder does not read"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride, rows, previous = width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def _ink(rows, channels, top, bottom):
    """Share of pixels in rows top..bottom that are not white."""
    dark = total = 0
    for row in rows[top:bottom]:
        for i in range(0, len(row), channels * 4):  # every fourth pixel is plenty
            total += 1
            dark += min(row[i : i + 3]) < 200
    return dark / max(total, 1)


def test_html_report_renders_in_a_real_browser(fixture_registry, tmp_path):
    browser = _browser()
    if browser is None:
        pytest.skip("no headless browser (Debian's chromium) found; .ci/run installs it")
    page = tmp_path / "report.html"
    title = "Title <script>document.title='pwned'</script>"
    page.write_text(build_report(seed_like(title=title), registry=fixture_registry).to_html(), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert dom.count("<svg") == 2 and "Russian Federation" in dom and "Voice of Russia" in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "<title>Provenance report: Title &lt;script&gt;" in dom
    assert "Timeline of Voice of Russia" in dom
    shot = tmp_path / "shot.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1100,2400", page.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists(), "the browser wrote no screenshot"
    width, height, channels, rows = _png_rows(shot.read_bytes())
    assert (width, height) == (1100, 2400)
    assert 0.01 < _ink(rows, channels, 0, height) < 0.6  # text and pictures, neither blank nor a black page
    coloured = sum(
        1
        for row in rows[::8]
        for i in range(0, len(row), channels * 8)
        if max(row[i : i + 3]) - min(row[i : i + 3]) > 30
    )
    assert coloured > 200  # the boxes and bars are drawn in colour: the SVG rendered, not just text


def test_a_relation_that_may_not_hold_on_the_day_is_dashed_and_said_so():
    registry = make_registry(
        organizations=[{"id": "owner", "name": "Owner"}],
        outlets=[{"id": "radio", "name": "Radio", "country": "RU"}],
        relations=[{"subject": "owner", "kind": "owns", "object": "radio", "start": "2014"}],
    )
    svg = ownership_svg(control_chain(registry, "radio", at="2014-06-01"), registry)
    assert 'stroke-dasharray="6 4"' in svg and "Dashed arrows may not have held on 2014-06-01." in svg
    assert "Dashed" not in ownership_svg(control_chain(registry, "radio", at="2015-06-01"), registry)
