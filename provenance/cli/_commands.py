"""The lookup, report, outlet, validate and snapshot subcommands, each from arguments to output."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TextIO

from provenance._outputs import same_file
from provenance.cli._bodies import name_of, organisation_json, resolve_body, write_organisation
from provenance.cli._options import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, registry_from_args, write_output
from provenance.errors import InvalidURLError, ProvenanceError, RegistryError
from provenance.labels import LabelSet
from provenance.layout import Record
from provenance.model import Organization
from provenance.registry import Records, Registry, load_registry

__all__ = ["lookup", "outlet", "printable", "report", "snapshot", "url_argument", "validate", "write_explained"]


def url_argument(url: str) -> str:
    """A URL given on the command line as a browser sends it: bytes of argv that are not UTF-8 percent-encoded.

    Python reads such a byte as a lone surrogate (U+DC80 to U+DCFF), which no
    UTF-8 output can hold.

    Raises:
        InvalidURLError: If the text holds another lone surrogate, which stands for no byte.
    """
    if not _SURROGATE.search(url):
        return url
    escaped = _ESCAPED_BYTE.sub(lambda match: f"%{ord(match.group()) - 0xDC00:02X}", url)
    if _SURROGATE.search(escaped):
        raise InvalidURLError(url, "holds a lone surrogate, which is no text")
    return escaped


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _lookup_one(registry: Registry, url: str, at: str | None) -> dict[str, object]:
    url = url_argument(url)
    claim = registry.claim_for_url(url, at)
    if claim is None:
        return {"url": url, "outlet": None}
    outlet = registry.lookup(claim.outlet)
    return {
        "url": url,
        "outlet": {"id": outlet.id, "name": outlet.name, "country": getattr(outlet, "country", None)},
        "host": claim.host,
        "role": claim.role,
    }


def _lookup_line(result: dict[str, object]) -> str:
    found = result["outlet"]
    name = f"{found['name']} ({found['id']}, {result['role']})" if isinstance(found, dict) else "unknown"
    return f"{result['url']}\t{name}\n"


def lookup(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance lookup``: one line (or JSON object) per URL; a bad URL is reported and the rest looked up."""
    registry = registry_from_args(args)
    bad = 0
    for url in args.urls:
        try:
            result = _lookup_one(registry, url, args.at)
        except InvalidURLError as error:
            bad += 1
            if args.format != "json":
                print(f"provenance: error: {error}", file=sys.stderr)
                continue
            result = {"url": printable(url), "outlet": None, "error": str(error)}
        if args.format == "json":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            out.write(_lookup_line(result))
    return EXIT_USAGE if bad else EXIT_OK


def write_explained(out: TextIO, labels: LabelSet, registry: Registry) -> None:
    """The disclosure sentence, if any, then every label explained (``outlet`` and ``label --explain``)."""
    from provenance.labelling import disclosure, explain

    sentence = disclosure(labels, registry)
    if sentence:
        out.write(f"Disclosure: {sentence}\n")
    for label in labels:
        out.write("\n" + explain(label) + "\n")


_ODD = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
"""Control characters (other than tabs, line and page breaks) and what replaced bytes that are not UTF-8."""


def _read_input(path: str) -> str:
    """The article's text, read as UTF-8 (a stray byte that is not UTF-8 is replaced).

    Raises:
        ProvenanceError: If the input is empty, or not text (NUL bytes, or one
            character in ten a control character or a byte that is not UTF-8).
    """
    if path == "-":
        name = "standard input"
        buffer = getattr(sys.stdin, "buffer", None)
        data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8", "surrogatepass")
    else:
        name = printable(path)
        with open(path, "rb") as handle:
            data = handle.read()
    if b"\0" in data:
        raise ProvenanceError(f"{name}: not text or HTML (it holds NUL bytes: binary data)")
    text = data.decode("utf-8", errors="replace")
    if not text.lstrip("\ufeff").strip():
        raise ProvenanceError(f"{name}: empty: no article text to read")
    odd = len(_ODD.findall(text))
    if odd * 10 > len(text):
        raise ProvenanceError(
            f"{name}: not text or HTML ({odd:,} of {len(text):,} characters are control characters or not UTF-8)"
        )
    return text


def report(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance report``."""
    from provenance.articles import parse_article
    from provenance.reports import build_report

    if args.output is not None and args.file != "-" and same_file(args.file, args.output):
        raise ProvenanceError(f"the output {args.output!r} is the article itself: write the report to another file")
    registry = registry_from_args(args)
    text = _read_input(args.file)
    url = None if args.url is None else url_argument(args.url)
    article = parse_article(text, url=url, published=args.published, registry=registry)
    report = build_report(article, args.policy, registry)
    write_output(report.render(args.format), args.output, out)
    return EXIT_OK


def outlet(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance outlet``: an outlet (or an organisation) by id, name or URL."""
    from provenance.codec import to_dict
    from provenance.labelling import label_outlet
    from provenance.ownership import control_chain

    registry = registry_from_args(args)
    outlet = resolve_body(registry, args.query, args.at)
    if isinstance(outlet, Organization):
        if args.format == "json":
            out.write(json.dumps(organisation_json(registry, outlet, args.at), ensure_ascii=False, indent=2) + "\n")
        else:
            write_organisation(out, registry, outlet, args.at)
        return EXIT_OK
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
        out.write(f"  predecessor {name_of(registry, succession.predecessor)}: {succession.kind} {succession.date}\n")
    for succession in registry.successors(outlet.id):
        out.write(f"  successor {name_of(registry, succession.successor)}: {succession.kind} {succession.date}\n")
    when = f"at {args.at}" if args.at else "over its lifetime"
    out.write(f"\nControl chain {when}:\n")
    for path in chain:
        out.write(f"  {path.describe(registry)}\n")
    if not chain.paths:
        out.write("  none recorded\n")
    write_explained(out, labels, registry)
    return EXIT_OK


def printable(text: str) -> str:
    """Text that any UTF-8 output takes: a lone surrogate (a byte of a name or argument that is not UTF-8) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if _SURROGATE.search(text) else text


def _under(read: Records, folder: str) -> Records:
    """An overlay's records with its folder before each file name, told apart from the shipped files."""
    from provenance.registry import LazyLocations

    where = folder.rstrip("/")
    return Records(
        read.records,
        LazyLocations(lambda: {record: f"{where}/{place}" for record, place in read.locations.items()}),
        tuple(f"{where}/{problem}" for problem in read.problems),
        read.digest,
    )


def _validated_parts(args: argparse.Namespace) -> tuple[str, list[Records]]:
    """What ``validate`` checks, and its parts: the folder alone, or layered on the shipped data.

    Raises:
        ProvenanceError: If the path is not a folder of ``.toml`` files (bad input, not a problem of the data).
    """
    from provenance.registry import data_folder, read_folder, read_layer

    if args.path is None:
        return str(data_folder()), [read_layer("default")]
    folder = Path(args.path)
    if not folder.is_dir():
        raise ProvenanceError(f"{printable(args.path)}: not a folder")
    if not any(folder.glob("*.toml")):
        raise ProvenanceError(f"{printable(args.path)}: no .toml files, so not a registry folder")
    if not args.on_default:
        return args.path, [read_folder(folder)]
    return f"{args.path} on the shipped data", [read_layer("default"), _under(read_folder(folder), args.path)]


def validate(args: argparse.Namespace, out: TextIO) -> int:
    """``provenance validate``: exit 1 listing every problem of the data; bad input is an error (exit 2)."""
    from provenance.source_policy import audit_sources, load_source_policy

    policy = None if args.no_source_policy else load_source_policy(args.source_policy)
    what, parts = _validated_parts(args)
    what = printable(what)
    try:
        registry = Registry.from_parts(parts, None)
    except RegistryError as error:
        out.writelines(f"{printable(problem)}\n" for problem in error.problems)
        out.write(f"{_count(len(error.problems), 'problem')} in {what}\n")
        return EXIT_PROBLEMS
    summary = (
        f"{what}: {len(registry)} outlets, {len(registry.organizations())} organisations, "
        f"{len(registry.records)} records"
    )
    if policy is None:
        out.write(f"ok: {summary} (source policy not checked)\n")
        return EXIT_OK
    locations: dict[Record, str] = {}
    for part in parts:
        locations.update(part.locations)
    audit = audit_sources(registry, policy, locations)
    if args.report:
        out.write(printable(audit.report()))
    elif audit.violations:
        out.writelines(f"{printable(str(violation))}\n" for violation in audit.violations)
    if audit.violations:
        out.write(f"{_count(len(audit.violations), 'source policy violation')} in {what}\n")
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
