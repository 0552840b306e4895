"""Links as they are shared: undo redirect wrappers, AMP caches and archive copies offline, and name shorteners.

A shared link is often not the page itself. A redirect wrapper
(``google.com/url?q=``, ``l.facebook.com/l.php?u=``) carries the page's URL in
its query; an AMP cache (``*.cdn.ampproject.org/c/s/...``) and an archive copy
(``web.archive.org/web/20140315000000/http://...``) carry it in their path.
All of these can be undone without the network, and an archive copy's
timestamp also says the page existed by then. A shortener (``t.co``,
``bit.ly``) cannot: only its service knows the target, so the link is named
as shortened rather than as an unknown host.

>>> link = unwrap_link("https://www.google.com/url?q=https://www.rt.com/news/1/&sa=D")
>>> link.url, link.steps
('https://www.rt.com/news/1/', ('redirect wrapper www.google.com',))
>>> link = unwrap_link("https://web.archive.org/web/20140315000000/http://voiceofrussia.com/news/x/")
>>> link.url, link.archived_on
('http://voiceofrussia.com/news/x/', PartialDate('2014-03-15'))
>>> unwrap_link("https://bit.ly/3xYz").shortener
'bit.ly'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import attrs

from provenance.dates import PartialDate
from provenance.domains import normalize_host

__all__ = ["SHORTENERS", "UnwrappedLink", "may_wrap", "unwrap_link"]

SHORTENERS = frozenset(
    {
        "t.co", "bit.ly", "bitly.com", "j.mp", "ow.ly", "tinyurl.com", "goo.gl", "buff.ly", "dlvr.it",
        "is.gd", "v.gd", "lnkd.in", "fb.me", "t.ly", "cutt.ly", "rebrand.ly", "shorturl.at", "tiny.cc",
        "trib.al", "ift.tt", "flip.it", "wp.me", "rb.gy", "s.id", "qr.ae", "po.st", "bl.ink", "shor.by",
        "soo.gd", "clck.ru", "vk.cc", "tinyurl.ru", "surl.li", "shorturl.me", "x.gd", "urlz.fr", "msft.it",
        "dai.ly", "1url.cz", "gg.gg", "tr.im", "su.pr", "snip.ly", "linktr.ee", "bitly.ws", "aka.ms",
    }
)  # fmt: skip
"""Hosts of link shorteners, whose targets only the service knows (outlets' own shorteners are registry claims)."""

_REDIRECTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # host (normalised, www. and m. stripped) -> (path, query keys holding the target)
    "l.facebook.com": ("/l.php", ("u",)),
    "lm.facebook.com": ("/l.php", ("u",)),
    "l.messenger.com": ("/l.php", ("u",)),
    "l.instagram.com": ("/", ("u",)),
    "out.reddit.com": ("", ("url",)),
    "t.umblr.com": ("/redirect", ("z",)),
    "youtube.com": ("/redirect", ("q",)),
    "vk.com": ("/away.php", ("to",)),
    "away.vk.com": ("/away.php", ("to",)),
    "slack-redir.net": ("/link", ("url",)),
    "href.li": ("/", ()),
    "l.threads.com": ("/", ("u",)),
    "t.me": ("/iv", ("url",)),
    "linkedin.com": ("/redir/redirect", ("url",)),
}
"""Redirect wrappers: a path (``""`` for any) and the query keys that carry the target (none: the whole query)."""

_GOOGLE = re.compile(r"google\.(?:com|[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})")
_SAFELINKS = re.compile(r"(?:[a-z0-9]+\.)?safelinks\.protection\.outlook\.com")
_AMP_CACHE = re.compile(r"/(?:c|v|i)/(s/)?(.+)", re.DOTALL)
_WAYBACK = re.compile(r"/(?:web/)?(\d{4,14})(?:[a-z]{2}_|\*)?/(.+)", re.DOTALL)
_ARCHIVE_TODAY = re.compile(r"/(\d{4})\.?(\d{2})\.?(\d{2})(?:-\d{6})?/(.+)", re.DOTALL)
_WAYBACK_HOSTS = frozenset({"web.archive.org", "wayback.archive.org", "archive.org"})
_ARCHIVE_TODAY_HOSTS = frozenset(
    {"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.md"}
)
_HAS_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
MAX_STEPS = 8
"""How many wrappers are undone at most; a link wrapped deeper keeps the rest (no loops on crafted input)."""


@attrs.frozen(slots=True)
class UnwrappedLink:
    """What a shared link points at, once the wrappers that can be undone offline are undone.

    Attributes:
        shared: The link as it was shared.
        url: The page inside every wrapper undone (``shared`` when there was none).
        steps: What was undone, outermost first, in words (``"AMP cache cdn.ampproject.org"``).
        archived_on: The day of the archive copy a step went through, if any: the page existed then.
        shortener: The shortener's host when ``url`` is a shortened link, whose target is unknown offline.
    """

    shared: str
    url: str
    steps: tuple[str, ...] = ()
    archived_on: PartialDate | None = None
    shortener: str | None = None

    @property
    def unwrapped(self) -> bool:
        """Whether any wrapper was undone."""
        return bool(self.steps)

    def describe(self) -> str | None:
        """The steps and the shortener in one sentence for readers, or ``None`` when there is nothing to say.

        >>> unwrap_link("https://t.co/abc").describe()
        'shortened link (t.co), target unknown'
        >>> unwrap_link("https://rt.com/news/1").describe() is None
        True
        """
        parts = [f"unwrapped from {step}" for step in self.steps]
        if self.archived_on is not None:
            parts.append(f"archived on {self.archived_on}")
        if self.shortener is not None:
            parts.append(f"shortened link ({self.shortener}), target unknown")
        return "; ".join(parts) or None


def may_wrap(host: str) -> bool:
    """Whether links on this normalised host may wrap another page or be shortened (so the host alone says little).

    >>> may_wrap("web.archive.org"), may_wrap("www-rt-com.cdn.ampproject.org"), may_wrap("t.co"), may_wrap("rt.com")
    (True, True, True, False)
    """
    return (
        host in _REDIRECTS
        or host in SHORTENERS
        or host in _WAYBACK_HOSTS
        or host in _ARCHIVE_TODAY_HOSTS
        or host.endswith("cdn.ampproject.org")
        or _GOOGLE.fullmatch(host) is not None
        or _SAFELINKS.fullmatch(host) is not None
    )


def unwrap_link(url: str) -> UnwrappedLink:
    """Undo the redirect wrappers, AMP caches and archive copies around a shared link.

    Args:
        url: A link as shared, with a scheme or without (``bit.ly/x``).

    Returns:
        The page inside, what was undone, an archive copy's day, and the
        shortener when the innermost link is a shortened one.

    Raises:
        InvalidURLError: If ``url`` (or a link inside it) names no usable host.

    >>> unwrap_link("https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/news/1/amp/").url
    'https://www.rt.com/news/1/amp/'
    >>> unwrap_link("https://l.facebook.com/l.php?u=https%3A%2F%2Fsputniknews.com%2Fx&h=AT0").url
    'https://sputniknews.com/x'
    """
    current = url
    steps: list[str] = []
    archived_on: PartialDate | None = None
    for _ in range(MAX_STEPS):
        host = normalize_host(current)
        inner = _inner(current, host)
        if inner is None:
            break
        target, step, day = inner
        normalize_host(target)  # a wrapper around nothing usable is an error, not a silent stop
        steps.append(step)
        archived_on = day if day is not None else archived_on
        current = target
    host = normalize_host(current)
    return UnwrappedLink(url, current, tuple(steps), archived_on, host if host in SHORTENERS else None)


def _inner(url: str, host: str) -> tuple[str, str, PartialDate | None] | None:
    """The link inside ``url``, what it was, and an archive day; ``None`` when ``url`` wraps nothing."""
    parts = urlsplit(url if _HAS_SCHEME.match(url) else "http://" + url)
    path = parts.path
    if host.endswith(".cdn.ampproject.org") or host == "cdn.ampproject.org":
        found = _AMP_CACHE.fullmatch(path)
        return None if found is None else (_with_query(found, parts.query), "AMP cache cdn.ampproject.org", None)
    if _GOOGLE.fullmatch(host) and path.startswith("/amp/"):
        found = _AMP_CACHE.fullmatch("/c" + path[4:])
        return None if found is None else (_with_query(found, parts.query), f"AMP viewer {host}", None)
    if host in _WAYBACK_HOSTS:
        return _archived(_WAYBACK.fullmatch(path), parts.query, f"archive copy {host}")
    if host in _ARCHIVE_TODAY_HOSTS:
        return _archived(_ARCHIVE_TODAY.fullmatch(path), parts.query, f"archive copy {host}")
    target = _redirect_target(host, path, parts.query)
    return None if target is None else (target, f"redirect wrapper {parts.hostname or host}", None)


def _redirect_target(host: str, path: str, query: str) -> str | None:
    if _GOOGLE.fullmatch(host) and path == "/url":
        keys: tuple[str, ...] = ("q", "url")
    elif _SAFELINKS.fullmatch(host):
        keys = ("url",)
    elif host in _REDIRECTS and path.startswith(_REDIRECTS[host][0]):
        keys = _REDIRECTS[host][1]
    else:
        return None
    if not keys:
        return query or None
    values = parse_qs(query)
    return next((values[key][0] for key in keys if values.get(key) and values[key][0].strip()), None)


def _with_query(found: re.Match[str], query: str) -> str:
    scheme = "https://" if found.group(1) else "http://"
    return scheme + found.group(2) + (f"?{query}" if query else "")


def _archived(found: re.Match[str] | None, query: str, step: str) -> tuple[str, str, PartialDate | None] | None:
    if found is None:
        return None
    *stamp, target = found.groups()
    digits = "".join(stamp)
    target += f"?{query}" if query else ""
    if not _HAS_SCHEME.match(target):
        target = "http://" + target.lstrip("/")
    return target, step, _stamp_day(digits)


def _stamp_day(digits: str) -> PartialDate | None:
    """The day (or month, or year) of an archive timestamp such as ``20140315000000``; ``None`` if impossible."""
    try:
        return PartialDate(
            int(digits[:4]),
            int(digits[4:6]) if len(digits) >= 6 else None,
            int(digits[6:8]) if len(digits) >= 8 else None,
        )
    except (ValueError, TypeError):
        return None
