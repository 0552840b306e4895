"""The ``provenance`` command (also ``python -m provenance``).

Bad input never ends in a traceback: the command prints one line on stderr
and exits with status 2. ``validate`` exits with status 1 when the data it
checked has problems, listing them all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from provenance._version import __version__
from provenance.dates import parse_date
from provenance.errors import ProvenanceError, RegistryError, UnknownIdError
from provenance.labels import LabelSet
from provenance.model import Outlet
from provenance.policies import POLICIES
from provenance.registry import Registry, data_version, load_registry

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def registry_from_args(args: argparse.Namespace) -> Registry:
    """The default registry with the ``--registry`` overlays layered on it, in order."""
    return load_registry(*(getattr(args, "registry", None) or ()))


def _add_registry_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry",
        action="append",
        metavar="PATH",
        help="a registry folder layered on the default data (repeatable, later wins)",
    )


def _add_policy_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--policy",
        default="typology",
        choices=sorted(POLICIES),
        help="how facts become labels (default: typology)",
    )


def _cmd_lookup(args: argparse.Namespace, out: TextIO) -> int:
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


def _cmd_label(args: argparse.Namespace, out: TextIO) -> int:
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
    if path is None:
        out.write(text)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
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


def _cmd_outlet(args: argparse.Namespace, out: TextIO) -> int:
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


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
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


def _cmd_snapshot(args: argparse.Namespace, out: TextIO) -> int:
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command, with every subcommand."""
    parser = _Parser(
        prog="provenance",
        description="Where a news article comes from and who stands behind the outlet.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"provenance {__version__} (data {data_version()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    lookup = commands.add_parser("lookup", help="the outlet behind each URL")
    lookup.add_argument("urls", nargs="+", metavar="URL")
    lookup.add_argument("--at", metavar="DATE", help="when the URL was seen (any readable date)")
    lookup.add_argument("--format", choices=("text", "json"), default="text")
    _add_registry_option(lookup)
    lookup.set_defaults(handler=_cmd_lookup)

    label = commands.add_parser("label", help="labels of the outlet behind a URL, explained")
    label.add_argument("url", metavar="URL")
    label.add_argument("--at", metavar="DATE", help="when it was published or shared (any readable date)")
    _add_policy_option(label)
    label.add_argument("--format", choices=("text", "json"), default="text")
    _add_registry_option(label)
    label.set_defaults(handler=_cmd_label)

    report = commands.add_parser("report", help="the provenance report of an article (text or HTML)")
    report.add_argument("file", metavar="FILE", help="the article: a text or HTML file, or - for standard input")
    report.add_argument("--url", help="where the article was found")
    report.add_argument("--published", metavar="DATE", help="when it was published, if the file does not say")
    _add_policy_option(report)
    report.add_argument("--format", default="markdown", choices=("markdown", "json", "html", "prov-json", "jsonld"))
    report.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    _add_registry_option(report)
    report.set_defaults(handler=_cmd_report)

    outlet = commands.add_parser("outlet", help="an outlet's record, control chain and labels")
    outlet.add_argument("query", metavar="ID|NAME|URL")
    outlet.add_argument("--at", metavar="DATE", help="when (any readable date); default: its whole lifetime")
    _add_policy_option(outlet)
    outlet.add_argument("--format", choices=("text", "json"), default="text")
    _add_registry_option(outlet)
    outlet.set_defaults(handler=_cmd_outlet)

    from provenance.batch_command import add_batch_command

    add_batch_command(commands, _add_registry_option, _add_policy_option)

    from provenance.importers.command import add_import_command

    add_import_command(commands, _add_registry_option)

    validate = commands.add_parser("validate", help="check a registry folder and list every problem")
    validate.add_argument("path", nargs="?", help="registry folder (default: the shipped data)")
    validate.add_argument(
        "--report",
        action="store_true",
        help="print per file and in total: records by source kind, records on a single source, every violation",
    )
    validate.add_argument(
        "--source-policy", metavar="FILE", help="check sources against this policy file (default: the shipped one)"
    )
    validate.add_argument("--no-source-policy", action="store_true", help="check only the records, not their sources")
    validate.set_defaults(handler=_cmd_validate)

    snapshot = commands.add_parser(
        "snapshot", help="write a checked snapshot of registry folders, for Registry.from_snapshot"
    )
    snapshot.add_argument(
        "folders", nargs="*", metavar="FOLDER", help="registry folders, later ones layered on earlier ones"
    )
    snapshot.add_argument("-o", "--output", required=True, metavar="FILE", help="the snapshot file to write")
    snapshot.add_argument(
        "--on-default",
        action="store_true",
        help="layer the folders on the shipped data, as --registry does (with no folder: the shipped data alone)",
    )
    snapshot.set_defaults(handler=_cmd_snapshot)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).
        out: Where results go (default: standard output).

    Returns:
        The exit status: 0 success, 1 problems found, 2 bad input.
    """
    stream = out if out is not None else sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(stream)
        return EXIT_USAGE
    try:
        return handler(args, stream)
    except RegistryError as error:
        print(
            f"provenance: error: {error.problems[0]} ({len(error.problems)} problems in all; "
            "run 'provenance validate PATH')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except ProvenanceError as error:
        print(f"provenance: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`provenance ... | head`): not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(
            f"provenance: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
