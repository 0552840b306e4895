"""Platform rules for claims on a host plus a path prefix: one host per platform, each platform's case rules.

An account on a platform (``t.me/rtnews``, ``x.com/RT_com``,
``youtube.com/@RT``) is claimed as a host plus a path prefix. Links are shared
in many forms of the same address, so both the claim and the URL are read
through the same rules before they are compared:

- the platform's other hosts are one host: ``twitter.com``,
  ``mobile.twitter.com`` and ``x.com``; ``fb.com``, ``web.facebook.com`` and
  ``facebook.com``; ``telegram.me`` and ``t.me`` (``www.`` and ``m.`` are
  already gone, see :func:`~provenance.domains.normalize_host`);
- the path's query string and fragment are ignored, empty segments (a trailing
  slash, ``//``) dropped, ``%xx`` escapes decoded, and Telegram's web preview
  (``t.me/s/rtnews``) is the channel itself;
- handles are case-insensitive on X, Instagram, Telegram, TikTok, Facebook,
  LinkedIn, VK, OK and Rutube (their paths are lower-cased), and on YouTube
  except channel ids (``/channel/UCpwvZwUam-URkxB7g4USKpg`` keeps its case);
  any other host's path is case-sensitive, as URL paths are.

A path claim matches a URL on its host whose path starts with the claim's
prefix at a segment boundary: ``/rtnews`` matches ``/rtnews`` and
``/rtnews/1``, never ``/rtnewsfake``.

>>> platform_host("mobile.twitter.com"), platform_host("fb.com"), platform_host("rt.com")
('x.com', 'facebook.com', 'rt.com')
>>> normalize_path("twitter.com", "/RT_com/status/1?s=20"), normalize_path("t.me", "/s/RTnews/")
('/rt_com/status/1', '/rtnews')
>>> normalize_path("youtube.com", "/channel/UCpwvZwUam-URkxB7g4USKpg/videos")
'/channel/UCpwvZwUam-URkxB7g4USKpg/videos'
>>> normalize_path("youtube.com", "/@RT"), normalize_path("example.org", "/Radio/")
('/@rt', '/Radio')
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from provenance.domains import URL_SCHEME

__all__ = ["normalize_path", "path_keys", "platform_host", "url_path"]

_ALIASES = {
    "twitter.com": "x.com",
    "mobile.twitter.com": "x.com",
    "mobile.x.com": "x.com",
    "fb.com": "facebook.com",
    "web.facebook.com": "facebook.com",
    "mobile.facebook.com": "facebook.com",
    "touch.facebook.com": "facebook.com",
    "telegram.me": "t.me",
    "telegram.dog": "t.me",
    "mobile.tiktok.com": "tiktok.com",
}
"""Other hosts of a platform, by the one host its accounts are claimed on."""

_LOWER = frozenset(
    {"x.com", "instagram.com", "t.me", "tiktok.com", "facebook.com", "linkedin.com", "vk.com", "ok.ru", "rutube.ru"}
)
"""Platforms whose paths are read case-insensitively (handles and numeric ids)."""
_YOUTUBE = "youtube.com"
_SPLIT = re.compile(r"[?#]")


def platform_host(host: str) -> str:
    """The one host a platform's accounts are claimed on, for a normalised host (any other host unchanged)."""
    return _ALIASES.get(host, host)


def _segments(host: str, path: str) -> list[str]:
    """The path's segments read by the rules of the platform ``host`` (already :func:`platform_host`)."""
    segments = [unquote(part) for part in _SPLIT.split(path, maxsplit=1)[0].split("/") if part]
    if host in _LOWER:
        segments = [part.lower() for part in segments]
        if host == "t.me" and len(segments) > 1 and segments[0] == "s":
            del segments[0]
    elif host == _YOUTUBE:
        segments = [
            part if index > 0 and segments[index - 1] == "channel" else part.lower()
            for index, part in enumerate(segments)
        ]
    return segments


def normalize_path(host: str, path: str) -> str:
    """A URL path as path claims on ``host`` are compared: ``""`` for none, else ``/a/b`` by the platform's rules.

    Args:
        host: A normalised host (a platform's other hosts are read as the platform's).
        path: A URL path, with or without its query string.
    """
    segments = _segments(platform_host(host), path)
    return "/" + "/".join(segments) if segments else ""


def url_path(url: str) -> str:
    """The path of a URL or bare host (``""`` when it has none), with its query string and fragment cut."""
    text = url.strip()
    scheme = URL_SCHEME.match(text)
    rest = text[scheme.end() :] if scheme else text
    rest = rest[2:] if rest.startswith("//") else rest
    start = next((index for index, char in enumerate(rest) if char in "/?#"), -1)
    if start < 0 or rest[start] != "/":
        return ""
    return _SPLIT.split(rest[start:], maxsplit=1)[0]


def path_keys(host: str, url: str, depth: int) -> list[str]:
    """The keys path claims of a URL are indexed by (``host/path prefix``), longest first, at most ``depth`` segments.

    >>> path_keys("twitter.com", "https://twitter.com/RT_com/status/1", 2)
    ['x.com/rt_com/status', 'x.com/rt_com']
    """
    canonical = platform_host(host)
    segments = _segments(canonical, url_path(url))
    return [canonical + "/" + "/".join(segments[:count]) for count in range(min(depth, len(segments)), 0, -1)]
