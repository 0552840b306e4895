r"""Read hosts out of URLs fast, with string operations, deferring to ``normalize_host`` for anything unusual.

The labeller keys its host cache by a URL's *prefix*: the URL up to its
first ``/`` from the ninth character on (``https://de.rt.com`` for
``https://de.rt.com/news/1``). When that prefix is ``http://`` or
``https://`` (in any case) followed by a network location of plain ASCII
without white space, brackets, ``%``, ``/``, ``?``, ``#`` or ``\``,
:func:`~provenance.domains.normalize_host` reads exactly that network
location, so the host depends on the prefix alone. Anything else returns
``None`` here and goes through :func:`~provenance.domains.normalize_host`.

>>> fast_host("https://www.RT.com/news/1"), fast_host("rt.com/x"), fast_host("ftp://rt.com/")
('rt.com', 'rt.com', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from provenance.domains import HOST_LABEL, MAX_INPUT, URL_SCHEME, is_normal_host, normalize_host
from provenance.errors import InvalidURLError

_CLEAN_NETLOC = re.compile(r"[A-Za-z0-9._:@-]+")
# A network location that is a host normalize_host leaves as it is (up to www./m./amp. labels it strips), of
# at most 63 characters; group 1 is its last three labels (two if it has two), group 2 its last two.
_LABEL = HOST_LABEL.pattern
_PLAIN_HOST = re.compile(rf"(?=.{{1,63}}\Z)(?:{_LABEL}\.)*?((?:{_LABEL}\.)?({_LABEL}\.(?![0-9]+\Z){_LABEL}))")


def prefix_of(url: str) -> str:
    """What the labeller keys its host cache by: the URL up to its first ``/`` from the ninth character on."""
    end = url.find("/", 8)
    return url[:end] if end >= 0 else url


def tails_of(hosts: Iterable[str]) -> frozenset[str] | None:
    """The last three labels (all of a two-label host) of every host, for :func:`has_no_named_suffix`.

    Args:
        hosts: The hosts that have claims or ratings.

    Returns:
        The tails, or ``None`` when a one-label host is among them (it would
        be a suffix of hosts of any tail, so the test cannot be used).
    """
    named = list(hosts)
    if not all("." in host for host in named):
        return None
    return frozenset(".".join(host.split(".")[-3:]) for host in named)


def has_no_named_suffix(netloc: str, tails: frozenset[str] | None) -> bool:
    """Whether a network location is a valid plain host none of whose suffixes has a tail in ``tails``.

    A host has a claimed or rated suffix only if its last two or its last
    three labels are among the tails of the claimed and rated hosts, so for
    such a network location :func:`~provenance.labelling.label_url` gives
    empty labels, without the host being resolved. A punycode (``xn--``)
    label is never plain: it must be decoded to be checked.

    >>> tails = tails_of(["rt.com", "bbc.co.uk"])
    >>> has_no_named_suffix("news.example.co.uk", tails), has_no_named_suffix("de.rt.com", tails)
    (True, False)
    """
    if tails is None or "xn--" in netloc:  # punycode labels must be decoded to know whether the host is valid
        return False
    plain = _PLAIN_HOST.fullmatch(netloc)
    return plain is not None and plain[1] not in tails and plain[2] not in tails


def netloc_of_prefix(prefix: str) -> str | None:
    """The network location of an ``http(s)://`` prefix (any case of scheme; see :func:`prefix_of`), else ``None``.

    The host of such a URL depends on this network location alone (see :func:`host_of_netloc`).
    """
    scheme = prefix[:8].lower()
    if scheme == "https://":
        return prefix[8:]
    if scheme[:7] == "http://":
        return prefix[7:]
    return None


def host_of_netloc(netloc: str) -> str | None:
    """What :func:`~provenance.domains.normalize_host` makes of a plain ASCII network location, or ``None``.

    ``None`` when the network location is not plain (the caller then asks
    ``normalize_host`` about the whole URL, which also says why it is bad).
    """
    if not _CLEAN_NETLOC.fullmatch(netloc):
        return None
    if is_normal_host(netloc):  # the quick exact test: normalize_host would leave it as it is
        return netloc
    try:
        # Read as an authority ("//netloc"), never as a bare "scheme:..." form: "https:rt.com" is rt.com as a
        # URL of its own but names the host "https" in "https://https:rt.com/".
        return normalize_host("//" + netloc)
    except InvalidURLError:
        return None


def is_bare(url: str) -> bool:
    """Whether a URL has neither a scheme (``https:``, ``mailto:``...) nor a leading ``//`` (``rt.com/news/1``).

    ``rt.com:8080/x`` is bare: ``rt.com:`` followed by a port is no scheme (see
    :data:`~provenance.domains.URL_SCHEME`).
    """
    return url[:2] != "//" and not URL_SCHEME.match(url)


def host_of_bare(url: str) -> str | None:
    r"""The host of a URL without a scheme (``rt.com/news/1``), or ``None`` to ask ``normalize_host``.

    With no scheme and no leading ``//``, normalize_host reads the network
    location up to the first ``/``, ``?``, ``#`` or ``\`` as an authority.
    """
    return host_of_netloc(url.partition("/")[0]) if is_bare(url) else None


def fast_host(url: str) -> str | None:
    """The host the labeller reads from a URL without ``normalize_host``, or ``None`` when it defers to it."""
    if len(url) > MAX_INPUT:
        return None
    netloc = netloc_of_prefix(prefix_of(url))
    if netloc is None:
        return host_of_bare(url)
    return host_of_netloc(netloc)
