"""Hosts read as a browser reads them (issue #14 items 5, 10 and 11).

The expected A-labels follow the WHATWG URL standard, https://url.spec.whatwg.org/#concept-domain-to-ascii
("domain to ASCII"): UTS #46 processing (https://www.unicode.org/reports/tr46/) with
Transitional_Processing=false, CheckHyphens=false, CheckBidi=true, CheckJoiners=true, UseSTD3ASCIIRules=false
and VerifyDnsLength=false, then Punycode (RFC 3492). Every case below is derived from that standard, the
UTS #46 mapping table as the ``idna`` package ships it and the Punycode codec; three of them (βόλος, ශ්‍රී and
نامه‌ای) are the examples UTS #46 itself gives for non-transitional processing. Characters whose mapping
changed between Unicode versions (such as U+1E9E, mapped to "ss" before UTS #46 15.1 and to "ß" since) are
left out: a browser's answer for them depends on its Unicode version.
"""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from provenance.batch import BadRow, Labeller
from provenance.batch._urls import fast_host, host_of_netloc
from provenance.domains import MAX_INPUT, normalize_host
from provenance.errors import InvalidURLError
from provenance.labelling import label_url
from provenance.registry import Registry
from tests.conftest import FIXTURES

FIXTURE_REGISTRY = Registry.from_folder(FIXTURES / "registry")

# (input, the A-label host a WHATWG-URL browser opens, why)
BROWSER_HOSTS = [
    ("https://taß.com/", "xn--ta-hia.com", "ß is a deviation character: kept, not folded to ss"),
    ("https://βόλος.com/", "xn--nxasmm1c.com", "final sigma ς is a deviation character: kept"),
    ("https://ΒΌΛΟΣ.com/", "xn--nxasmq6b.com", "capital Σ maps to σ (not to ς as str.lower would)"),
    ("https://ශ්\u200dරී.com/", "xn--10cl1a0b660p.com", "ZWJ after a virama: kept (CheckJoiners)"),
    ("https://نامه\u200cای.com/", "xn--mgba3gch31f060k.com", "ZWNJ between joining letters: kept"),
    ("https://ｒｔ．ｃｏｍ/", "rt.com", "fullwidth letters and full stop map to ASCII"),
    ("https://rt。com/", "rt.com", "the ideographic full stop is a label separator"),
    ("https://rt｡com/", "rt.com", "so is the halfwidth ideographic full stop"),
    ("https://ｒｔ．ｃｏｍ．/", "rt.com", "one trailing (fullwidth) dot: a fully qualified name"),
    ("https://tırt.com/", "xn--trt-jua.com", "Turkish dotless ı is valid, not mapped to i"),
    ("https://İSTANBUL.com/", "xn--istanbul-o0e.com", "İ maps to i + U+0307, not to i"),
    ("https://rт.com/", "xn--r-9tb.com", "mixed script (Cyrillic т): another host, not rt.com"),
    ("https://сom.rt.com/", "xn--om-nmc.rt.com", "a Cyrillic с in a lower label"),
    ("https://xn--ta-hia.com/", "xn--ta-hia.com", "a punycode input is kept"),
    ("https://XN--TA-HIA.COM/", "xn--ta-hia.com", "upper-case punycode is lower-cased"),
    ("https://xn--nxasmm1c.com/", "xn--nxasmm1c.com", "punycode of a deviation character is kept"),
    ("https://r\u00adt.com/", "rt.com", "the soft hyphen is ignored (mapped to nothing)"),
    ("https://ab--ä.com/", "xn--ab---ooa.com", "CheckHyphens=false: -- in 3rd and 4th place is allowed"),
    ("https://💩.la/", "xn--ls8h.la", "an emoji is valid under UTS #46 (not under IDNA2008)"),
    ("https://bücher.de/", "xn--bcher-kva.de", "the classic example"),
    ("https://пример.рф/", "xn--e1afmkfd.xn--p1ai", "a Cyrillic host and top-level domain"),
]

# Inputs a WHATWG-URL browser refuses (host parsing fails), with the rule.
BROWSER_FAILURES = [
    ("https://a\u200db.com/", "CheckJoiners: ZWJ not after a virama"),
    ("https://a\u200cb.com/", "CheckJoiners: ZWNJ between letters that do not join"),
    ("https://\u0301a.com/", "a label may not begin with a combining mark"),
    ("https://a\ufffdb.com/", "U+FFFD is disallowed"),
    ("https://1a.\u05d0.com/", "CheckBidi: in a bidi domain name every label must satisfy the Bidi Rule"),
    ("https://\u05d0a.com/", "CheckBidi: a right-to-left label may not hold a left-to-right letter"),
    ("https://xn--7ba.com/", "punycode of Ä, a mapped (upper-case) character: not valid"),
    ("https://xn--a.com/", "punycode that decodes to nothing valid"),
    ("https://xn--tä.com/", "an xn-- label with a non-ASCII character"),
]


@pytest.mark.parametrize(("raw", "host", "why"), BROWSER_HOSTS)
def test_international_hosts_are_read_as_browsers_read_them(raw, host, why):
    """issue #14 item 5: UTS #46 non-transitional processing, as in the WHATWG URL standard."""
    assert normalize_host(raw) == host, why
    assert normalize_host(host) == host


@pytest.mark.parametrize(("raw", "why"), BROWSER_FAILURES)
def test_hosts_browsers_refuse_are_refused(raw, why):
    """issue #14 item 5: what "domain to ASCII" fails on names no outlet."""
    with pytest.raises(InvalidURLError):
        normalize_host(raw)


def test_sharp_s_is_not_tass():
    """issue #14 item 5: taß.com is its own host, not TASS's tass.com."""
    assert normalize_host("taß.com") == "xn--ta-hia.com"
    assert normalize_host("https://www.TAß.com/x") == "xn--ta-hia.com"


def test_ascii_hosts_do_not_load_idna():
    """issue #14 item 5: the ASCII path (most URLs) never pays for the idna package."""
    import subprocess
    import sys

    code = (
        "import sys; from provenance.domains import normalize_host; "
        "normalize_host('https://www.rt.com/x'); normalize_host('de.rt.com:80'); "
        "print('idna' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)@rt.com",
        "mailto:editor@rt.com",
        "MAILTO:editor@rt.com",
        "tel:+7@rt.com",
        "data:text/html,@rt.com",
        "user:password@rt.com",
        "rt.com:8080@evil.example",
        "ftp:rt.com",
        "rt.com://x",
    ],
)
def test_scheme_forms_other_than_http_are_refused(raw):
    """issue #14 item 10: a `scheme:` form is not a bare host with user info."""
    with pytest.raises(InvalidURLError, match="is not http or https"):
        normalize_host(raw)


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("http:rt.com", "rt.com"),
        ("HTTPS:rt.com/x", "rt.com"),
        ("https:/rt.com/x", "rt.com"),
        ("https:\\\\rt.com\\x", "rt.com"),
        ("https:///rt.com/x", "rt.com"),
        ("https:user@rt.com", "rt.com"),
        ("rt.com:8080/x", "rt.com"),
        ("rt.com:/x", "rt.com"),
        ("rt.com:", "rt.com"),
        ("user@rt.com", "rt.com"),
        ("rt.com.", "rt.com"),
        ("https://rt.com.:443/", "rt.com"),
    ],
)
def test_http_scheme_forms_and_ports_read_as_browsers_do(raw, host):
    """issue #14 item 10: `http:` and `https:` forms (any slashes) keep working, as do bare hosts with ports."""
    assert normalize_host(raw) == host


@pytest.mark.parametrize(
    "raw", ["rt.com..", "rt.com...", "https://rt.com../x", "rt.com..:80/", ".rt.com", "rt..com", "https://rt.com。。/"]
)
def test_hosts_with_empty_labels_are_refused(raw):
    """issue #14 item 10: `rt.com..` is not rt.com (one trailing dot, a fully qualified name, is)."""
    with pytest.raises(InvalidURLError, match="empty label"):
        normalize_host(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "https://rt.com/?q=" + "a" * 9000,
        "https://www.rt.com/news/" + "x" * 100_000,
        "rt.com/" + "a" * 9000,
        "https://rt.com#" + "a" * 9000,
    ],
)
def test_a_long_path_or_query_does_not_hide_the_host(raw):
    """issue #14 item 11: the authority is bounded, not the whole URL."""
    assert normalize_host(raw) == "rt.com"
    assert label_url(raw, "2016-01-01", registry=FIXTURE_REGISTRY) == label_url(
        "https://rt.com/", "2016-01-01", registry=FIXTURE_REGISTRY
    )
    [result] = Labeller(FIXTURE_REGISTRY).label_many([(raw, "2016-01-01")])
    assert not isinstance(result, BadRow)
    assert result.labels == label_url("rt.com", "2016-01-01", registry=FIXTURE_REGISTRY)


def test_a_long_authority_is_refused():
    """issue #14 item 11: the bound is on the authority (user info, host and port)."""
    for raw in ("https://" + "a" * (MAX_INPUT + 1) + ".com/", "https://" + "u" * MAX_INPUT + "@rt.com/"):
        with pytest.raises(InvalidURLError, match="authority longer than") as caught:
            normalize_host(raw)
        assert len(str(caught.value)) < 300


# -- the batch fast path gives exactly normalize_host's answer on the new cases ---------------------------------

NEW_CASES = [raw for raw, _, _ in BROWSER_HOSTS] + [raw for raw, _ in BROWSER_FAILURES]
SCHEMES = ["https://", "http://", "HTTP://", "http:", "https:/", "https:\\\\", "https:///", "//", "", "mailto:"]
SCHEMES += ["javascript:", "ftp://", "x:"]
NETLOCS = ["rt.com", "de.rt.com", "taß.com", "xn--ta-hia.com", "XN--TA-HIA.COM", "rt.com.", "rt.com..", "a..rt.com"]
NETLOCS += ["user@rt.com", "u:p@rt.com", "rt.com:80", "rt.com:", "https:rt.com", "mailto:x@rt.com", "ｒｔ．ｃｏｍ"]
NETLOCS += ["rt。com", "xn--7ba.com", "a\u200db.com", "1a.xn--4db.com", "rт.com", "βόλος.com", "rt.com:8080@e.com"]
RESTS = ["", "/", "/x", "?q=1", "#f", "\\x", ":80/x", "/" + "y" * (MAX_INPUT + 10), "?" + "q" * (MAX_INPUT + 10)]


@settings(max_examples=400)
@given(
    st.one_of(
        st.sampled_from(NEW_CASES),
        st.builds(
            lambda s, n, r: s + n + r, st.sampled_from(SCHEMES), st.sampled_from(NETLOCS), st.sampled_from(RESTS)
        ),
        st.builds(
            lambda s, n, r: s + n + r,
            st.sampled_from(SCHEMES),
            st.text("aRt.:@/\\-xn0ß。．ς\u200d", max_size=20),
            st.sampled_from(RESTS),
        ),
    )
)
@example("https:rt.com")
@example("https://https:rt.com/")
@example("https:rt.com/x")
@example("mailto:x@rt.com/x")
def test_fast_host_equals_normalize_host_on_the_new_cases(url):
    """issue #14 items 5, 10, 11: the batch fast path reads exactly the host normalize_host reads."""
    try:
        expected = normalize_host(url)
    except InvalidURLError:
        expected = None
    fast = fast_host(url)
    assert fast is None or fast == expected
    [result] = Labeller(FIXTURE_REGISTRY).label_many([(url, "2016-01-01")])
    if expected is None:
        assert isinstance(result, BadRow)
    else:
        assert result.labels == label_url(url, "2016-01-01", registry=FIXTURE_REGISTRY)


@given(st.sampled_from(NETLOCS) | st.text("aRt.:@-xn0ß。．", max_size=20))
def test_a_network_location_reads_as_the_authority_of_an_http_url(netloc):
    """issue #14 item 10: the netloc cache is shared by http(s) URLs and bare ones: one reading for both."""
    host = host_of_netloc(netloc)
    if host is not None:
        assert host == normalize_host("https://" + netloc + "/")


def test_one_labeller_agrees_with_label_url_whatever_came_before():
    """issue #14 item 10: a bare `https:rt.com` must not teach the netloc cache that `https:rt.com` is rt.com."""
    labeller = Labeller(FIXTURE_REGISTRY)
    rows = [("https:rt.com/x", None), ("https://https:rt.com/x", None), ("mailto:x@rt.com/y", None)]
    rows += [("http://mailto:x@rt.com/y", None), ("rt.com:80/x", None), ("http://rt.com:80/x", None)]
    for (url, at), result in zip(rows, labeller.label_many(rows), strict=True):
        try:
            expected = label_url(url, at, registry=FIXTURE_REGISTRY)
        except InvalidURLError:
            assert isinstance(result, BadRow), url
        else:
            assert not isinstance(result, BadRow), url
            assert result.labels == expected, url
