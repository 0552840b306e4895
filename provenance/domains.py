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
URL_SCHEME = re.compile(r"(?:(?i:https?)|[a-zA-Z][a-zA-Z0-9+.-]*(?=:(?://|(?![0-9]*(?:[/?#\\]|\Z))))):")
"""A URL's scheme and colon, as :func:`normalize_host` recognises it.

``https:``, ``http:`` (any case), and any other scheme followed by ``//`` or
by anything but a port: ``mailto:`` in ``mailto:editor@rt.com``, but not
``rt.com:`` in ``rt.com:8080/x`` (a bare host and its port).
"""
MAX_INPUT = 8192
"""The longest authority (user info, host and port) :func:`normalize_host` reads (longer ones are refused).

The path, query and fragment may be of any length: they do not change the host.
"""
_SCHEME_START = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")  # a quick test before URL_SCHEME's
_AUTHORITY = re.compile(r"[^/?#\\]*")
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")


def normalize_host(url_or_host: str) -> str:
    r"""The normalised host of a URL or bare host name, as a browser reads it.

    Lower-cases, drops scheme, user info, port, path and one trailing dot,
    converts international names to their ASCII form (punycode) as browsers
    do (UTS #46 non-transitional processing, per the WHATWG URL standard's
    "domain to ASCII": ``taß.com`` is ``xn--ta-hia.com``, not ``tass.com``),
    and strips leading ``www.``, ``m.`` and ``amp.`` labels. Idempotent.

    Only ``http`` and ``https`` URLs name a host here: ``mailto:editor@rt.com``
    and ``javascript:alert(1)@rt.com`` are refused, while ``https:rt.com`` and
    ``https:\\rt.com`` read as browsers read them. A host with an empty label
    (``rt.com..``, ``a..b.com``) is refused; one trailing dot (the fully
    qualified ``rt.com.``) is not. Only the authority is bounded (see
    :data:`MAX_INPUT`); a long path or query is fine.

    Args:
        url_or_host: ``"https://www.rt.com/news/1"``, ``"rt.com"``,
            ``"//de.rt.com/x"`` or ``"rt.com:8080"``.

    Returns:
        The host, e.g. ``"rt.com"``.

    Raises:
        InvalidURLError: If no valid host name can be read from the input.

    >>> normalize_host("http://xn--80ak6aa92e.com/")
    'xn--80ak6aa92e.com'
    >>> normalize_host("https://пример.рф/путь"), normalize_host("https://taß.com/")
    ('xn--e1afmkfd.xn--p1ai', 'xn--ta-hia.com')
    >>> normalize_host("not a url")
    Traceback (most recent call last):
    ...
    provenance.errors.InvalidURLError: not a usable URL or host 'not a url': white space in host
    >>> normalize_host("mailto:editor@rt.com")
    Traceback (most recent call last):
    ...
    provenance.errors.InvalidURLError: not a usable URL or host ...: scheme 'mailto' is not http or https
    """
    if not isinstance(url_or_host, str):
        raise InvalidURLError(url_or_host, f"expected a string, got {type(url_or_host).__name__}")
    shown = url_or_host if len(url_or_host) <= MAX_INPUT else url_or_host[:80] + "..."
    text = url_or_host.strip()
    if not text:
        raise InvalidURLError(shown, "empty")
    host = _host_of(_authority(text, shown), shown)
    while host.startswith(STRIPPED_PREFIXES):
        rest = host.split(".", 1)[1]
        if "." not in rest:
            break
        host = rest
    _check_host(host, shown)
    return host


def _authority(text: str, shown: str) -> str:
    """The authority (user info, host and port) of a URL, or of a bare ``host/path``."""
    scheme = URL_SCHEME.match(text) if _SCHEME_START.match(text) else None
    if scheme is None:
        authority = _AUTHORITY.match(text, 2 if text.startswith("//") else 0)[0]  # type: ignore[index]
    else:
        name = scheme[0][:-1].lower()
        if name not in {"http", "https"}:
            raise InvalidURLError(shown, f"scheme {name!r} is not http or https")
        # WHATWG URL parsing: tabs and newlines are removed, and an http(s) authority starts after any run of
        # "/" and "\" (https:rt.com, https:/rt.com and https:\\rt.com are all rt.com) and ends at "/", "\", "?"
        # or "#".
        authority = _AUTHORITY.match(text[scheme.end() :].lstrip("/\\\t\n\r"))[0]  # type: ignore[index]
        if "\t" in authority or "\n" in authority or "\r" in authority:
            authority = authority.translate(_TAB_OR_NEWLINE)
    if len(authority) > MAX_INPUT:
        part = "" if len(authority) == len(text) else "authority "  # a bare host is all authority
        raise InvalidURLError(shown, f"{part}longer than {MAX_INPUT} characters")
    if scheme is not None and not (authority.isascii() and "[" not in authority and "]" not in authority):
        try:  # what urlsplit refuses (a bad IPv6 literal, characters that NFKC turns into "@", ":" ...)
            urlsplit(f"http://{authority}")
        except ValueError as error:
            raise InvalidURLError(shown, str(error)) from None
    return authority


def _host_of(authority: str, shown: str) -> str:
    """The host of an authority: lower-case ASCII, one trailing dot dropped, not yet checked."""
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        raise InvalidURLError(shown, "an IP address names no outlet")
    host = host.partition(":")[0]
    if any(char.isspace() for char in host):
        raise InvalidURLError(shown, "white space in host")
    if not host.isascii():
        host = _to_ascii(host, shown)
    else:
        host = host.lower()
        if "xn--" in host:  # punycode labels are checked as browsers check them
            host = _to_ascii(host, shown)
    if host.endswith("."):  # a fully qualified name: rt.com. is rt.com (rt.com.. is refused later)
        host = host[:-1]
    if not host:
        raise InvalidURLError(shown, "no host")
    return host


def _to_ascii(host: str, shown: str) -> str:
    """A host by the WHATWG URL standard's "domain to ASCII": UTS #46 non-transitional processing.

    Transitional_Processing=false, CheckHyphens=false, CheckBidi=true,
    CheckJoiners=true, UseSTD3ASCIIRules=false, VerifyDnsLength=false; the
    mapping table and checks are the idna package's (imported here, not at
    import time: ASCII hosts never need it).
    """
    import idna  # lazy: only international hosts need it

    try:
        labels = [_unicode_label(label) for label in idna.uts46_remap(host, std3_rules=False).split(".")]
        bidi = any(_is_right_to_left(label) for label in labels)
        return ".".join(_ascii_label(label, bidi) for label in labels)
    except (UnicodeError, ValueError) as error:  # idna.IDNAError is a UnicodeError
        raise InvalidURLError(shown, f"not a valid international host name ({error})") from None


def _unicode_label(label: str) -> str:
    """UTS #46 step 4: an ``xn--`` label decoded (and checked: valid characters only), any other as it is."""
    import idna

    if not label.startswith("xn--"):
        return label
    if not label.isascii():
        raise idna.IDNAError(f"non-ASCII characters in the punycode label {label!r}")
    decoded = label[4:].encode("ascii").decode("punycode")
    if not decoded or decoded.isascii() or decoded.startswith("xn--"):
        raise idna.IDNAError(f"{label!r} is not the punycode of an international label")
    if idna.uts46_remap(decoded, std3_rules=False) != decoded:
        raise idna.IDNAError(f"{label!r} decodes to characters a host may not hold")
    return decoded


def _is_right_to_left(label: str) -> bool:
    """Whether a label makes its domain name a "Bidi domain name" (a character of Bidi class R, AL or AN)."""
    import unicodedata

    return not label.isascii() and any(unicodedata.bidirectional(char) in {"R", "AL", "AN"} for char in label)


def _ascii_label(label: str, bidi: bool) -> str:
    """UTS #46 validity criteria (V6, V8, V9) and the label's ASCII form (punycode when not ASCII)."""
    import idna

    if not label:
        return label  # empty labels are refused by _check_host, with a clearer message
    if bidi:
        idna.check_bidi(label, check_ltr=True)
    if label.isascii():
        return label
    idna.check_initial_combiner(label)
    for position, char in enumerate(label):
        if char in "\u200c\u200d" and not idna.valid_contextj(label, position):
            raise idna.IDNAError(f"joiner U+{ord(char):04X} not allowed at position {position + 1} in {label!r}")
    return "xn--" + label.encode("punycode").decode("ascii")


def _check_host(host: str, original: str) -> None:
    if len(host) > 253:
        raise InvalidURLError(original, "host longer than 253 characters")
    if host.replace(".", "").replace(":", "").isalnum() and host.rsplit(".", 1)[-1].isdigit():
        raise InvalidURLError(original, "an IP address names no outlet")
    labels = host.split(".")
    if "" in labels:
        raise InvalidURLError(original, "empty label in host (a leading dot, or two dots in a row)")
    if len(labels) < 2:
        raise InvalidURLError(original, "a host needs at least two labels, e.g. 'rt.com'")
    for label in labels:
        if not HOST_LABEL.fullmatch(label):
            raise InvalidURLError(original, f"invalid host label {label!r}")
    if labels[-1].isdigit():
        raise InvalidURLError(original, "a numeric host (an IP address) names no outlet")


def is_normal_host(host: str) -> bool:
    """Whether ``normalize_host(host) == host`` (a quick exact test; ``False`` may mean "ask normalize_host").

    A host with a punycode (``xn--``) label is never taken as normal here: its
    labels must be decoded to be checked.

    >>> is_normal_host("rt.com"), is_normal_host("www.rt.com"), is_normal_host("RT.com")
    (True, False, False)
    """
    return _NORMAL_HOST.fullmatch(host) is not None and not host.rpartition(".")[2].isdigit() and "xn--" not in host


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
    host = url_or_host if is_normal_host(url_or_host) else normalize_host(url_or_host)
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
