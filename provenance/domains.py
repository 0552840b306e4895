"""From a URL to the host keys the registry can match, offline.

A host is normalised (case, trailing dot, port, user info, IDNA, leading
``www.`` / ``m.`` / ``amp.``) and then matched against domain claims from the
longest suffix to the shortest, so ``radiosputnik.ria.ru`` is looked up
before ``ria.ru`` and ``rt.com.evil.example`` never reaches ``rt.com``.

>>> normalize_host("HTTPS://User@WWW.RT.com.:443/news?x=1")
'rt.com'
>>> candidate_hosts("de.rt.com")
('de.rt.com', 'rt.com', 'com')

The public-suffix list (for :func:`registrable_domain`) comes from
tldextract's bundled snapshot: no network, no cache on disk, loaded once on
first use and never at import time.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import urlsplit

from provenance.errors import InvalidURLError

__all__ = [
    "HOST_LABEL",
    "MAX_INPUT",
    "STRIPPED_PREFIXES",
    "URL_SCHEME",
    "candidate_hosts",
    "is_normal_host",
    "normalize_host",
    "registrable_domain",
]

STRIPPED_PREFIXES = ("www.", "m.", "amp.")
"""Leading labels :func:`normalize_host` strips (``www.rt.com`` is ``rt.com``)."""
HOST_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
"""One label of a normalised host."""
# A host normalize_host leaves as it is: lower-case labels as HOST_LABEL, two or
# more, at most 253 characters, no www./m./amp. label it would strip.
_NORMAL_HOST = re.compile(
    r"(?=.{1,253}$)(?!(?:www|m|amp)\.[^.]*\.)"
    r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+"
)
URL_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
"""A URL's scheme and ``://``, as :func:`normalize_host` recognises it."""
MAX_INPUT = 8192
"""The longest URL or host :func:`normalize_host` reads (longer ones are refused)."""


def normalize_host(url_or_host: str) -> str:
    """The normalised host of a URL or bare host name.

    Lower-cases, drops scheme, user info, port, path and a trailing dot,
    converts international names to IDNA (punycode), and strips leading
    ``www.``, ``m.`` and ``amp.`` labels. Idempotent.

    Args:
        url_or_host: ``"https://www.rt.com/news/1"``, ``"rt.com"``,
            ``"//de.rt.com/x"`` or ``"rt.com:8080"``.

    Returns:
        The host, e.g. ``"rt.com"``.

    Raises:
        InvalidURLError: If no valid host name can be read from the input.

    >>> normalize_host("http://xn--80ak6aa92e.com/")
    'xn--80ak6aa92e.com'
    >>> normalize_host("https://пример.рф/путь")
    'xn--e1afmkfd.xn--p1ai'
    >>> normalize_host("not a url")
    Traceback (most recent call last):
    ...
    provenance.errors.InvalidURLError: not a usable URL or host 'not a url': white space in host
    """
    if not isinstance(url_or_host, str):
        raise InvalidURLError(url_or_host, f"expected a string, got {type(url_or_host).__name__}")
    text = url_or_host.strip()
    if not text:
        raise InvalidURLError(url_or_host, "empty")
    if len(text) > MAX_INPUT:
        raise InvalidURLError(url_or_host[:80] + "...", f"longer than {MAX_INPUT} characters")
    netloc = _netloc(text, url_or_host)
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        raise InvalidURLError(url_or_host, "an IP address names no outlet")
    host = host.partition(":")[0].rstrip(".").lower()
    if not host:
        raise InvalidURLError(url_or_host, "no host")
    if any(char.isspace() for char in host):
        raise InvalidURLError(url_or_host, "white space in host")
    if not host.isascii():
        host = _to_idna(host, url_or_host)
    while host.startswith(STRIPPED_PREFIXES):
        rest = host.split(".", 1)[1]
        if "." not in rest:
            break
        host = rest
    _check_host(host, url_or_host)
    return host


def _netloc(text: str, original: str) -> str:
    if URL_SCHEME.match(text):
        try:
            parts = urlsplit(text)
        except ValueError as error:
            raise InvalidURLError(original, str(error)) from None
        if parts.scheme.lower() not in {"http", "https"}:
            raise InvalidURLError(original, f"scheme {parts.scheme!r} is not http or https")
        # Browsers (WHATWG URL parsing) end an http(s) authority at a backslash, as at "/".
        return parts.netloc.partition("\\")[0]
    if text.startswith("//"):
        text = text[2:]
    for separator in "/?#\\":
        text = text.partition(separator)[0]
    return text


def _to_idna(host: str, original: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise InvalidURLError(original, f"not a valid international host name ({error})") from None


def _check_host(host: str, original: str) -> None:
    if len(host) > 253:
        raise InvalidURLError(original, "host longer than 253 characters")
    if host.replace(".", "").replace(":", "").isalnum() and host.rsplit(".", 1)[-1].isdigit():
        raise InvalidURLError(original, "an IP address names no outlet")
    labels = host.split(".")
    if len(labels) < 2:
        raise InvalidURLError(original, "a host needs at least two labels, e.g. 'rt.com'")
    for label in labels:
        if not HOST_LABEL.fullmatch(label):
            raise InvalidURLError(original, f"invalid host label {label!r}")
    if labels[-1].isdigit():
        raise InvalidURLError(original, "a numeric host (an IP address) names no outlet")


def is_normal_host(host: str) -> bool:
    """Whether ``normalize_host(host) == host`` (a quick exact test; ``False`` may mean "ask normalize_host").

    >>> is_normal_host("rt.com"), is_normal_host("www.rt.com"), is_normal_host("RT.com")
    (True, False, False)
    """
    return _NORMAL_HOST.fullmatch(host) is not None and not host.rpartition(".")[2].isdigit()


def candidate_hosts(host: str) -> tuple[str, ...]:
    """Every suffix of a normalised host, longest first.

    Args:
        host: A host from :func:`normalize_host`.

    Returns:
        The keys to probe in order, e.g. ``('a.b.rt.com', 'b.rt.com', 'rt.com', 'com')``.
    """
    keys = [host]
    index = host.find(".")
    while index != -1:
        keys.append(host[index + 1 :])
        index = host.find(".", index + 1)
    return tuple(keys)


_EXTRACTOR: Any = None
_EXTRACTOR_LOCK = threading.Lock()


def _extractor() -> Any:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        with _EXTRACTOR_LOCK:
            if _EXTRACTOR is None:
                import tldextract  # lazy: heavy, and not needed for matching

                _EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    return _EXTRACTOR


def registrable_domain(url_or_host: str) -> str | None:
    """The registrable domain (public suffix plus one label) of a URL or host.

    Uses the public-suffix snapshot bundled with tldextract; nothing is
    fetched or cached on disk.

    Args:
        url_or_host: A URL or host.

    Returns:
        ``"bbc.co.uk"`` for ``"news.bbc.co.uk"``; ``None`` when the host is
        itself a public suffix (``"co.uk"``).

    Raises:
        InvalidURLError: If the input has no valid host.

    >>> registrable_domain("https://news.bbc.co.uk/x"), registrable_domain("co.uk")
    ('bbc.co.uk', None)
    """
    host = normalize_host(url_or_host)
    result = _extractor()(host)
    return f"{result.domain}.{result.suffix}" if result.domain and result.suffix else None


def is_public_suffix(host: str) -> bool:
    """Whether a normalised host is itself a public suffix, under which anyone may register a domain.

    Uses the same bundled public-suffix snapshot as :func:`registrable_domain`
    (offline, loaded once on first use), with its private section too: nobody
    owns ``co.uk`` or ``github.io``, so no outlet can claim every site below them.

    Args:
        host: A host from :func:`normalize_host`.

    Returns:
        ``True`` for ``"co.uk"``, ``"github.io"`` or ``"xn--p1ai"``; ``False`` for ``"bbc.co.uk"``.

    >>> is_public_suffix("co.uk"), is_public_suffix("github.io"), is_public_suffix("bbc.co.uk")
    (True, True, False)
    """
    result = _extractor()(host, include_psl_private_domains=True)
    return not result.domain and result.suffix == host
