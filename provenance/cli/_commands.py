"""The lookup, label, report, outlet, validate and snapshot subcommands, each from arguments to output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from provenance._outputs import replacing_text
from provenance.cli._options import EXIT_OK, EXIT_PROBLEMS, registry_from_args
from provenance.dates import parse_date
from provenance.errors import RegistryError, UnknownIdError
from provenance.labels import LabelSet
from provenance.model import Outlet
from provenance.registry import Registry, load_registry

__all__ = ["lookup", "label", "report", "outlet", "validate", "snapshot"]


def lookup(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance lookup``."""
    registry = registry_from_args(args)
    for url in args.urls:
        claim = registry.claim_for_url(url, args.at)
        if claim is None:
            result: dict[str, object] = {"url": url, "outlet": None}
        else:
            outlet = registry.lookup(claim.outlet)
            result = {
                "url": url,
                "outlet": {
                    "id": outlet.id,
                    "name": outlet.name,
                    "country": getattr(outlet, "country", None),
                },
                "host": claim.host,
                "role": claim.role,
            }
        if args.format == "json":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            found = result["outlet"]
            name = (
                f"{found['name']} ({found['id']}, {claim.role if claim else ''})"
                if isinstance(found, dict)
                else "unknown"
            )
            out.write(f"{url}\t{name}\n")
    return EXIT_OK


def _outlet_json(outlet: Outlet | None, at: str | None) -> dict[str, str] | None:
    if outlet is None:
        return None
    window = None if at is None else parse_date(at)
    return {"id": outlet.id, "name": outlet.name_at(window), "country": outlet.country}


def _write_explained(out: TextIO, labels: LabelSet, registry: Registry) -> None:
    """The disclosure sentence, if any, then every label explained."""
    from provenance.labelling import disclosure, explain

    sentence = disclosure(labels, registry)
    if sentence:
        out.write(f"Disclosure: {sentence}\n")
    for label in labels:
        out.write("\n" + explain(label) + "\n")


def label(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance label``."""
    from provenance.labelling import label_url

    registry = registry_from_args(args)
    outlet = registry.outlet_for_url(args.url, args.at)
    labels = label_url(args.url, args.at, args.policy, registry)
    if args.format == "json":
        result = {
            "url": args.url,
            "at": None if args.at is None else str(parse_date(args.at)),
            "policy": args.policy,
            "outlet": _outlet_json(outlet, args.at),
            "labels": labels.to_json(),
        }
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if outlet is None:
        out.write(f"{args.url}: no outlet in the registry claims this host\n")
    else:
        out.write(f"{args.url}: {outlet.name} ({outlet.id}, {outlet.country})\n")
    _write_explained(out, labels, registry)
    return EXIT_OK


def _read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def _write_output(text: str, path: str | None, out: TextIO) -> None:
    """The text to ``out``, or to the file at ``path``, which it replaces only once written whole."""
    if path is None:
        out.write(text)
        return
    with replacing_text(path, encoding="utf-8") as handle:
        handle.write(text)


def report(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance report``."""
    from provenance.articles import parse_article
    from provenance.reports import build_report

    registry = registry_from_args(args)
    article = parse_article(_read_input(args.file), url=args.url, published=args.published, registry=registry)
    report = build_report(article, args.policy, registry)
    _write_output(report.render(args.format), args.output, out)
    return EXIT_OK


def _resolve_outlet(registry: Registry, query: str, at: str | None) -> Outlet:
    found = registry.get(query)
    if isinstance(found, Outlet):
        return found
    if "." in query or "/" in query:
        by_url = registry.outlet_for_url(query, at)
        if by_url is not None:
            return by_url
    matches = [body for body in registry.search(query) if isinstance(body, Outlet)]
    if not matches:
        raise UnknownIdError(query)
    exact = [outlet for outlet in matches if query.casefold() in {n.name.casefold() for n in outlet.all_names()}]
    if len(exact) == 1 or (not exact and len(matches) == 1):
        return (exact or matches)[0]
    names = ", ".join(f"{o.id} ({o.name})" for o in (exact or matches)[:8])
    raise UnknownIdError(f"{query}: ambiguous, could be {names}")


def _name_of(registry: Registry, id: str) -> str:
    body = registry.get(id)
    return f"{body.name} ({id})" if body is not None else id


def outlet(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance outlet``."""
    from provenance.codec import to_dict
    from provenance.labelling import label_outlet
    from provenance.ownership import control_chain

    registry = registry_from_args(args)
    outlet = _resolve_outlet(registry, args.query, args.at)
    labels = label_outlet(outlet, args.at, args.policy, registry)
    chain = control_chain(registry, outlet.id, args.at)
    if args.format == "json":
        result = {
            "outlet": to_dict(outlet),
            "domains": [to_dict(claim) for claim in registry.claims(outlet.id)],
            "predecessors": [to_dict(s) for s in registry.predecessors(outlet.id)],
            "successors": [to_dict(s) for s in registry.successors(outlet.id)],
            "chain": [path.describe(registry) for path in chain],
            "labels": labels.to_json(),
        }
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    out.write(f"{outlet.name} ({outlet.id}): {outlet.kind}, {outlet.country}, {outlet.lifetime.describe()}\n")
    if outlet.description:
        out.write(f"  {outlet.description}\n")
    for claim in registry.claims(outlet.id):
        out.write(f"  domain {claim.host} ({claim.role}, {claim.interval.describe()})\n")
    for succession in registry.predecessors(outlet.id):
        out.write(f"  predecessor {_name_of(registry, succession.predecessor)}: {succession.kind} {succession.date}\n")
    for succession in registry.successors(outlet.id):
        out.write(f"  successor {_name_of(registry, succession.successor)}: {succession.kind} {succession.date}\n")
    when = f"at {args.at}" if args.at else "over its lifetime"
    out.write(f"\nControl chain {when}:\n")
    for path in chain:
        out.write(f"  {path.describe(registry)}\n")
    if not chain.paths:
        out.write("  none recorded\n")
    _write_explained(out, labels, registry)
    return EXIT_OK


def validate(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance validate``."""
    from provenance.registry import data_folder, read_folder
    from provenance.source_policy import audit_sources, load_source_policy

    folder = args.path or str(data_folder())
    policy = None if args.no_source_policy else load_source_policy(args.source_policy)
    read = read_folder(folder)
    try:
        if read.problems:
            raise RegistryError(read.problems)
        registry = Registry(read.records, locations=read.locations)
    except RegistryError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        out.write(f"{_count(len(error.problems), 'problem')} in {folder}\n")
        return EXIT_PROBLEMS
    summary = (
        f"{folder}: {len(registry)} outlets, {len(registry.organizations())} organisations, "
        f"{len(registry.records)} records"
    )
    if policy is None:
        out.write(f"ok: {summary} (source policy not checked)\n")
        return EXIT_OK
    audit = audit_sources(registry, policy, read.locations)
    if args.report:
        out.write(audit.report())
    elif audit.violations:
        out.writelines(f"{violation}\n" for violation in audit.violations)
    if audit.violations:
        out.write(f"{_count(len(audit.violations), 'source policy violation')} in {folder}\n")
        return EXIT_PROBLEMS
    out.write(f"ok: {summary}; every source follows the source policy\n")
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def snapshot(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance snapshot``."""
    if not args.folders:
        registry = load_registry()
    elif args.on_default:
        registry = load_registry(*args.folders)
    else:
        registry = Registry.from_folder(*args.folders)
    registry.save_snapshot(args.output)
    layers = ", ".join(registry.layers or ())
    out.write(f"wrote {args.output}: {len(registry.records)} records from {layers}\n")
    return EXIT_OK
