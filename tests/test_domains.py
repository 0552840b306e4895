import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.domains import candidate_hosts, normalize_host, registrable_domain
from provenance.errors import InvalidURLError


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("https://www.rt.com/news/1", "rt.com"),
        ("HTTP://WWW.RT.COM.", "rt.com"),
        ("rt.com", "rt.com"),
        ("rt.com:8080/path", "rt.com"),
        ("https://user:pw@de.rt.com:443/a?b#c", "de.rt.com"),
        ("//m.bbc.co.uk/news", "bbc.co.uk"),
        ("https://amp.theguardian.com/x", "theguardian.com"),
        ("https://www.m.amp.example.org", "example.org"),
        ("www.com", "www.com"),
        ("https://пример.рф/", "xn--e1afmkfd.xn--p1ai"),
        ("https://xn--e1afmkfd.xn--p1ai/", "xn--e1afmkfd.xn--p1ai"),
        ("  https://sputniknews.com  ", "sputniknews.com"),
    ],
)
def test_normalize_host(raw, host):
    assert normalize_host(raw) == host


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "not a url",
        "ftp://rt.com/",
        "https://",
        "localhost",
        "http://127.0.0.1/",
        "http://[::1]/",
        "https://exa mple.com",
        "https://-bad-.com",
        "a" * 9000,
        "https://a..b.com",
        "javascript:alert(1)",
    ],
)
def test_normalize_host_rejects_non_hosts(raw):
    with pytest.raises(InvalidURLError) as caught:
        normalize_host(raw)
    assert caught.value.value is not None


def test_normalize_host_rejects_non_strings():
    with pytest.raises(InvalidURLError):
        normalize_host(None)  # type: ignore[arg-type]


def test_candidates_longest_first():
    assert candidate_hosts("radiosputnik.ria.ru") == ("radiosputnik.ria.ru", "ria.ru", "ru")


def test_registrable_domain_is_offline_and_correct():
    assert registrable_domain("https://news.bbc.co.uk/") == "bbc.co.uk"
    assert registrable_domain("de.rt.com") == "rt.com"
    assert registrable_domain("co.uk") is None


hosts = st.from_regex(r"((www|m|amp)\.){0,2}([a-z0-9]{1,8}\.){1,3}[a-z]{2,5}", fullmatch=True)


@given(
    hosts,
    st.sampled_from(["", "http://", "https://", "//"]),
    st.sampled_from(["", "/", "/a/b?c=1", ":80/x"]),
)
def test_normalization_is_idempotent(host, scheme, tail):
    once = normalize_host(scheme + host.upper() + tail)
    assert normalize_host(once) == once
    assert once == once.lower()


@given(st.text(max_size=300))
def test_any_text_gives_a_host_or_the_typed_error(text):
    try:
        host = normalize_host(text)
    except InvalidURLError:
        return
    assert normalize_host(host) == host
