"""The ``provenance label`` subcommand: who stands behind each URL, in a short answer, explained, or for scripts.

::

    provenance label https://sputnikglobe.com/x --at 2024-06-01

By default each URL gets a short answer: the outlet (or "unknown host";
"unknown account" on a platform whose accounts the registry lists), each
label on one line, and the disclosure a platform could show.
``--explain`` gives every label's rule, facts and numbered sources;
``--format line`` one tab-separated line per URL (:data:`LINE_COLUMNS`, no
header); ``--format json`` one JSON object per URL (JSON Lines) with the
outlet, the domain claim matched and every label with its basis. A URL that
cannot be read is reported (on standard error, or in the line's ``error``
column or the object's ``error`` key) and the others are labelled; the exit
status is then 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, TextIO

from provenance.cli._commands import printable, url_argument, write_explained
from provenance.cli._help import examples
from provenance.cli._options import (
    EXIT_OK,
    EXIT_USAGE,
    add_date_order_options,
    add_policy_option,
    add_registry_option,
    registry_from_args,
)
from provenance.dates import UNKNOWN, PartialDate, parse_date
from provenance.errors import InvalidURLError, ProvenanceError
from provenance.labels import POSSIBLE, Label, LabelSet
from provenance.links import UnwrappedLink
from provenance.model import DomainClaim, Outlet
from provenance.registry import Registry

__all__ = ["LINE_COLUMNS", "add_label_command", "claim_json", "label_line"]

LINE_COLUMNS = ("url", "outlet_id", "outlet_name", "labels", "disclosure", "error")
"""The tab-separated columns of ``--format line``; an empty column has nothing to say. ``labels`` is
``kind=value`` joined by ``;``, ``?`` marking a possible label (as the batch's ``labels`` column)."""

_NOTES = (
    "The short answer names the outlet behind each URL (the one claiming its host, or a domain above it, "
    "at the date), then each label on one line, then the disclosure. With --format line each URL gives one "
    "line of tab-separated columns, no header: " + ", ".join(LINE_COLUMNS) + ". labels is kind=value joined "
    "by ';', '?' marking a label that holds only possibly at the date. With --format json each URL gives one "
    "JSON object on its own line: url, at, policy, host, outlet (id, name, country) or null, claim (host, "
    "role, start, end, under) or null, link (url, unwrapped, archived_on, shortener: what was undone around "
    "a shared link, or that it is a shortened one) or null, disclosure, labels (each with its basis and sources)."
)


def add_label_command(commands: Any) -> None:
    """Register ``provenance label`` on the CLI's subcommand parsers.

    Args:
        commands: The CLI's subparsers object.
    """
    label = commands.add_parser(
        "label",
        help="labels of the outlet behind each URL: a short answer, or explained",
        description="Who stands behind each URL at a date: its outlet, that outlet's labels under a policy "
        "(state media, sanctions, successors, ratings...) and the disclosure a platform could show.",
        epilog=examples(
            "provenance label https://sputnikglobe.com/x --at 2024-06-01",
            "provenance label http://ruvr.ru/2012/x.html --at '16 August 2012' --explain",
            "provenance label rt.com bbc.co.uk example.com --format line | cut -f1,3,4",
            "provenance label https://www.rt.com/ --policy x-2020 --format json",
            "provenance label 'https://web.archive.org/web/20140315000000/http://voiceofrussia.com/news/x/'",
            notes=_NOTES,
        ),
    )
    label.add_argument("urls", nargs="+", metavar="URL", help="a URL or host name (several are labelled in turn)")
    label.add_argument("--at", metavar="DATE", help="when it was published or shared (any readable date)")
    add_date_order_options(label, "at")
    add_policy_option(label)
    label.add_argument(
        "--format",
        choices=("text", "line", "json"),
        default="text",
        help="text: a short answer for people (default); line: one tab-separated line per URL, for scripts; "
        "json: one JSON object per URL",
    )
    label.add_argument(
        "--explain",
        action="store_true",
        help="with text: every label's rule, the facts it rests on and their numbered sources",
    )
    add_registry_option(label)
    label.set_defaults(handler=_cmd_label)


def _cmd_label(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance label``: every URL in turn; a bad URL is reported and the rest labelled."""
    from provenance.labelling import label_url

    if args.explain and args.format != "text":
        raise ProvenanceError("--explain is for the text format (the JSON gives each label's basis and sources)")
    registry = registry_from_args(args)
    at = None if args.at is None else parse_date(args.at)
    bad = labelled = shown = 0
    for raw in args.urls:
        try:
            url = url_argument(raw)
            labels = label_url(url, at, args.policy, registry)
        except InvalidURLError as error:
            bad += 1
            _write_error(out, args.format, printable(raw), str(error))
            continue
        labelled += len(labels)
        if args.format == "json":
            out.write(json.dumps(_json(url, at, args.policy, labels, registry), ensure_ascii=False) + "\n")
        elif args.format == "line":
            out.write(label_line(url, labels, registry))
        else:
            out.write("\n" if shown else "")
            shown += 1
            _write_text(out, url, labels, registry, explain=args.explain)
    if args.format == "text" and not args.explain and labelled:
        out.write("(--explain: the rule, facts and sources behind each label)\n")
    return EXIT_USAGE if bad else EXIT_OK


def _write_error(out: TextIO, format: str, url: str, message: str) -> None:
    if format == "json":
        error: dict[str, object] = {"url": url, "outlet": None, "claim": None, "labels": [], "error": message}
        out.write(json.dumps(error, ensure_ascii=False) + "\n")
    elif format == "line":
        out.write(_line((url, "", "", "", "", message)))
    else:
        print(f"provenance: error: {message}", file=sys.stderr)


def _write_text(out: TextIO, url: str, labels: LabelSet, registry: Registry, *, explain: bool) -> None:
    """The short answer, or with ``explain`` the outlet, the disclosure and every label explained."""
    from provenance.labelling import disclosure

    outlet, link = labels.outlet, labels.link
    if outlet is not None:
        out.write(f"{url}: {outlet.name} ({outlet.id}, {outlet.country})\n")
    elif link is not None and link.shortener is not None:
        out.write(f"{url}: shortened link ({link.shortener}): its target is unknown offline\n")
    elif labels.host is not None and registry.path_claims(labels.host):
        out.write(f"{url}: unknown account: no outlet in the registry claims this account on {labels.host}\n")
    else:
        out.write(f"{url}: unknown host: no outlet in the registry claims {labels.host}\n")
    if link is not None and link.steps:
        out.write(f"  the page inside: {link.url} ({link.describe()})\n")
    if explain:
        write_explained(out, labels, registry)
        return
    out.writelines(f"  {_short(label)}\n" for label in labels)
    if not labels and outlet is not None:
        out.write("  no labels: nothing to disclose\n")
    sentence = disclosure(labels, registry)
    if sentence:
        out.write(f"Disclosure: {sentence}\n")


def _short(label: Label) -> str:
    possible = " (possible)" if label.certainty == POSSIBLE else ""
    return f"{label.kind} {label.value}{possible}: {label.text}"


def label_line(url: str, labels: LabelSet, registry: Registry) -> str:
    """One URL's labels as a line of :data:`LINE_COLUMNS`, tab-separated (tabs and line breaks in a field are spaces).

    Args:
        url: The URL as given.
        labels: What :func:`~provenance.labelling.label_url` gave for it.
        registry: Where the outlet is described (for the disclosure).

    Returns:
        The line, with its line break.
    """
    from provenance.batch import compact_labels
    from provenance.labelling import disclosure

    outlet = labels.outlet
    return _line(
        (
            url,
            "" if outlet is None else outlet.id,
            "" if outlet is None else outlet.name,
            compact_labels(labels),
            disclosure(labels, registry) or "",
            "",
        )
    )


def _line(fields: tuple[str, ...]) -> str:
    """Fields joined by tabs; a tab or line break inside one (a URL given so, say) becomes a space."""
    return "\t".join(_ONE_LINE.sub(" ", field) for field in fields) + "\n"


_ONE_LINE = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""What ends a field or a line for ``str.splitlines`` and ``cut``."""


def claim_json(claim: DomainClaim | None) -> dict[str, str | None] | None:
    """A domain claim as JSON: the host claimed, its role, its first and last day (``None`` when open or ongoing).

    >>> from provenance.dates import Interval
    >>> claim_json(DomainClaim("ruvr.ru", "voice-of-russia", "primary", Interval.parse(None, "2014-11-09")))
    {'host': 'ruvr.ru', 'role': 'primary', 'start': None, 'end': '2014-11-09', 'under': None}
    """
    if claim is None:
        return None
    start, end = claim.interval.start, claim.interval.end
    return {
        "host": claim.host,
        "role": claim.role,
        "start": None if start is None else str(start),
        "end": str(end) if isinstance(end, PartialDate) else (end.value if end is UNKNOWN else None),
        "under": claim.under,
    }


def _outlet_json(outlet: Outlet | None, at: PartialDate | None) -> dict[str, str] | None:
    if outlet is None:
        return None
    return {"id": outlet.id, "name": outlet.name_at(at), "country": outlet.country}


def _link_json(link: UnwrappedLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    archived = None if link.archived_on is None else str(link.archived_on)
    return {"url": link.url, "unwrapped": list(link.steps), "archived_on": archived, "shortener": link.shortener}


def _json(url: str, at: PartialDate | None, policy: str, labels: LabelSet, registry: Registry) -> dict[str, Any]:
    from provenance.labelling import disclosure

    return {
        "url": url,
        "at": None if at is None else str(at),
        "policy": policy,
        "host": labels.host,
        "outlet": _outlet_json(labels.outlet, at),
        "claim": claim_json(labels.claim),
        "link": _link_json(labels.link),
        "disclosure": disclosure(labels, registry),
        "labels": labels.to_json(),
    }
