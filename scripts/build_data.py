"""Build the bundled third-party layers and the shipped snapshot (``make data``).

Each layer is one importer run on one third-party file, against the curated
data alone (so every layer can be turned off without the others), written as
``provenance/data/layers/NAME/NAME.toml`` (the overlay TOML the importers
write), beside an ``ATTRIBUTION`` file (licence, citation, upstream
repository and commit) and a ``VERSION`` file (the upstream commit, this
recipe's version, and the digests of the inputs and the output). Then the
curated data with every layer is validated and saved as
``provenance/data/layers/registry.snapshot``, which ``default_registry()``
loads.

The build is reproducible: every access date is the upstream commit's date
(never today's), and the same inputs give the same bytes.

Usage::

    python scripts/build_data.py                      # build from ../shared/data
    python scripts/build_data.py --data DIR           # the data sets elsewhere
    python scripts/build_data.py --check              # exit 1, naming what is stale, if a rebuild would differ
    python scripts/build_data.py --coverage           # how much of the data sets the shipped registry covers
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from provenance.dates import PartialDate
from provenance.domains import normalize_host
from provenance.errors import InvalidURLError, ProvenanceError
from provenance.importers import (
    ImportResult,
    import_domain_quality,
    import_perennial_sources,
    import_state_media_matrix,
    write_overlay,
)
from provenance.layout import Record
from provenance.model import Assessment, DomainClaim, Outlet
from provenance.registry import (
    BUNDLED_LAYERS,
    Registry,
    default_registry,
    digest_layer,
    layer_folder,
    read_layer,
    shipped_layers,
    shipped_snapshot,
)

RECIPE = 1
"""The version of this recipe: bump it when a change here changes what the layers hold."""

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
"""Where the third-party files are by default (``../shared/data`` from the project root)."""

Importer = Callable[..., ImportResult]
SMM = "state-media-monitor"

LIN_CITATION = (
    "Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). "
    "High level of correspondence across different news domain quality rating sets. PNAS Nexus, 2(9), pgad286. "
    "https://doi.org/10.1093/pnasnexus/pgad286"
)


@attrs.frozen
class Layer:
    """How one bundled layer is built and credited."""

    name: str
    importer: Importer
    input: str  # relative to the data folder
    repository: str
    commit: str
    commit_date: PartialDate
    licence: str
    attribution: str
    licence_file: str | None = None  # relative to the data folder: the upstream licence text, copied

    @property
    def version(self) -> str:
        """The layer's version: the upstream commit and the recipe's version."""
        return f"{self.commit}+recipe.{RECIPE}"


LAYERS = (
    Layer(
        "state-media-monitor",
        import_state_media_matrix,
        "state-media-profiles/State_Media_Matrix.csv",
        "https://github.com/ASD-at-GMF/state-media-profiles",
        "d878fee1e0ae",
        PartialDate(2024, 2, 7),
        "MIT",
        "State Media Monitor (Media and Journalism Research Center), State Media Matrix, "
        "published by ASD-at-GMF/state-media-profiles under the MIT licence below. "
        "Typology codes are the Monitor's assessments as of the commit date; outlets it lists that the "
        "curated data does not know are named from its Main assets and Media company columns.",
        "state-media-profiles/LICENSE",
    ),
    Layer(
        "perennial-sources",
        import_perennial_sources,
        "wiki-perennial-sources/sources.jsonl",
        "https://github.com/audiodude/wiki-reliable-sources-parser",
        "ae050a6c0741",
        PartialDate(2026, 4, 19),
        "facts only (status, domains, year of the last discussion, the entry's name); the list's summaries, "
        "CC BY-SA 4.0, are not included",
        "English Wikipedia, Wikipedia:Reliable sources/Perennial sources "
        "(https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources), as parsed by "
        "audiodude/wiki-reliable-sources-parser. Only the facts are kept: each entry's status, its domains, "
        "the year of its last discussion and its name. The summaries, licensed CC BY-SA 4.0 by Wikipedia's "
        "editors, are not copied.",
    ),
    Layer(
        "domain-quality",
        import_domain_quality,
        "domain-quality-ratings/domain_pc1.csv",
        "https://github.com/hauselin/domain-quality-ratings",
        "5671d57e545e",
        PartialDate(2023, 9, 14),
        'no licence file; the authors write "feel free to reuse the data" and ask to be cited',
        "The pc1 domain-quality scores (0 lowest quality, 1 highest) of Lin et al. 2023, from "
        "hauselin/domain-quality-ratings. The authors ask users to cite:\n\n    " + LIN_CITATION,
    ),
)
assert tuple(layer.name for layer in LAYERS) == BUNDLED_LAYERS, "the recipes and the registry's layers differ"


def _sha256(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def _build_layer(layer: Layer, data: Path, curated: Registry, out: Path) -> tuple[Path, str]:
    """Run the importer and write the layer's TOML into ``out``; return it and the import's summary."""
    source = data / layer.input
    base = _without_smm_codes(curated) if layer.name == SMM else curated
    result = layer.importer(source, base, accessed=layer.commit_date)
    summary = result.report.summary().replace(str(source), Path(layer.input).name)
    records = _distinct_names(result.records, curated) if layer.name == SMM else result.records
    header = [
        f"Bundled layer {layer.name} {layer.version}: built by scripts/build_data.py (make data); do not edit.",
        f"From {layer.repository} @ {layer.commit} ({layer.commit_date}): {summary}.",
        "Licence and attribution: see ATTRIBUTION in this folder.",
    ]
    return write_overlay(records, out, name=layer.name, header=header), summary


def _distinct_names(records: Sequence[Record], curated: Registry) -> list[Record]:
    """The layer's records, its outlets named apart from the curated ones: ``TASS (tassphoto.com)``, not ``TASS``.

    An article that names TASS names the curated outlet; a new outlet of the
    matrix under the same name would make the name ambiguous, and the
    article parser would name neither.
    """
    taken = {
        entry.name.casefold() for body in (*curated.outlets(), *curated.organizations()) for entry in body.all_names()
    }
    hosts: dict[str, str] = {}
    for r in records:  # the outlet's own site, not one of its accounts
        if isinstance(r, DomainClaim) and r.role == "primary":
            hosts.setdefault(r.outlet, r.host + (r.path or ""))
    return [
        attrs.evolve(r, name=f"{r.name} ({hosts[r.id]})")
        if isinstance(r, Outlet) and r.name.casefold() in taken and r.id in hosts
        else r
        for r in records
    ]


def _without_smm_codes(curated: Registry) -> Registry:
    """The curated data without its State Media Monitor codes, so the matrix's layer records every code it lists.

    The importer skips a code its base already has; built against this base,
    the layer gives each curated outlet the matrix's code citing the matrix at
    its commit date (the list's date, see docs/labels.md), beside the curated
    assessment, which cites the date a curator read it.
    """
    return Registry.from_records(
        r for r in curated.records if not (isinstance(r, Assessment) and r.assessor == SMM and r.kind == "typology")
    )


def _attribution(layer: Layer, data: Path) -> str:
    text = [
        f"Layer {layer.name}",
        "",
        layer.attribution,
        "",
        f"Upstream: {layer.repository}",
        f"Commit: {layer.commit} ({layer.commit_date})",
        f"File: {Path(layer.input).name}",
        f"Licence: {layer.licence}",
    ]
    if layer.licence_file is not None:
        text += ["", "-" * 72, "", (data / layer.licence_file).read_text(encoding="utf-8").rstrip()]
    return "\n".join(text) + "\n"


def _version(layer: Layer, data: Path, curated_digest: str, toml: Path, summary: str) -> str:
    fields = {
        "version": layer.version,
        "upstream": layer.repository,
        "commit": layer.commit,
        "commit_date": str(layer.commit_date),
        "recipe": str(RECIPE),
        "input": Path(layer.input).name,
        "input_digest": _sha256(data / layer.input),
        "curated_digest": curated_digest,
        "output_digest": _sha256(toml),
        "import": summary,
    }
    return "".join(f'{key} = "{value}"\n' for key, value in fields.items())


def _curated() -> tuple[Registry, str]:
    """The curated data alone, read from its files, and its digest."""
    records = read_layer("default")
    return Registry.from_parts([records], ("default",)), digest_layer("default")


def build(data: Path = DATA) -> list[Path]:
    """Build every layer and the snapshot; return the files written."""
    curated, curated_digest = _curated()
    written = []
    for layer in LAYERS:
        folder = layer_folder(layer.name)
        toml, summary = _build_layer(layer, data, curated, folder)
        (folder / "ATTRIBUTION").write_text(_attribution(layer, data), encoding="utf-8")
        (folder / "VERSION").write_text(_version(layer, data, curated_digest, toml, summary), encoding="utf-8")
        written += [toml, folder / "ATTRIBUTION", folder / "VERSION"]
    layers = shipped_layers()
    registry = Registry.from_parts([read_layer(layer) for layer in layers], layers)
    registry.save_snapshot(shipped_snapshot())
    return [*written, shipped_snapshot()]


def _recorded(name: str) -> dict[str, str]:
    """The fields of a layer's ``VERSION`` file (empty if it has none)."""
    path = layer_folder(name) / "VERSION"
    if not path.is_file():
        return {}
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        fields[key.strip()] = value.strip().strip('"')
    return fields


def stale(data: Path = DATA) -> list[str]:
    """What a rebuild would change, one line each (empty when the layers and snapshot are current).

    Compares each layer's recorded inputs (recipe, input file, curated data)
    with the current ones, re-runs each importer into a temporary folder and
    compares the TOML it writes with the shipped one, and checks that the
    snapshot loads (it is refused once any file it was built from differs).
    """
    problems = []
    curated, curated_digest = _curated()
    current = {"recipe": str(RECIPE), "curated_digest": curated_digest}
    with tempfile.TemporaryDirectory() as scratch:
        for layer in LAYERS:
            recorded = _recorded(layer.name)
            wanted = {**current, "version": layer.version, "input_digest": _sha256(data / layer.input)}
            problems += [
                f"{layer.name}: {key} was {recorded.get(key)!r}, now {value!r}"
                for key, value in wanted.items()
                if recorded.get(key) != value
            ]
            toml, _ = _build_layer(layer, data, curated, Path(scratch))
            shipped = layer_folder(layer.name) / f"{layer.name}.toml"
            if not shipped.is_file() or shipped.read_bytes() != toml.read_bytes():
                problems.append(f"{layer.name}: {shipped.name} differs from what the importer writes now")
    try:
        snapshot = Registry.from_snapshot(shipped_snapshot())
    except ProvenanceError as error:  # any refusal: stale
        problems.append(f"snapshot: {error}")
    else:
        if snapshot.layers != shipped_layers():
            problems.append(f"snapshot: holds layers {snapshot.layers}, not {shipped_layers()}")
    return problems


def _lin_coverage(registry: Registry, data: Path) -> tuple[int, int]:
    """How many of Lin et al.'s domains there are, and how many get an outlet or a rating."""
    with (data / "domain-quality-ratings" / "domain_pc1.csv").open(encoding="utf-8", newline="") as stream:
        domains = [row["domain"] for row in csv.DictReader(stream)]
    covered = 0
    for domain in domains:
        try:
            host = normalize_host(domain)
        except InvalidURLError:
            continue
        if registry.claim_for_host(host) is not None or registry.ratings(host=host):
            covered += 1
    return len(domains), covered


def _matrix_coverage(registry: Registry, data: Path) -> tuple[int, int]:
    """How many matrix rows have a usable URL, and how many of those name an outlet with the row's code."""
    with (data / LAYERS[0].input).open(encoding="utf-8", newline="") as stream:
        rows = [(row.get("URL") or "", (row.get("Typology") or "").strip()) for row in csv.DictReader(stream)]
    usable = covered = 0
    for url, code in rows:
        try:
            host = normalize_host(url.strip())
        except InvalidURLError:
            continue
        usable += 1
        claim = registry.claim_for_host(host)
        if claim is None:
            continue
        codes = {a.value for a in registry.assessments(claim.outlet, kind="typology") if a.assessor == SMM}
        covered += code in codes
    return usable, covered


def coverage(data: Path = DATA) -> dict[str, int]:
    """The shipped registry's coverage of the data sets, with every layer on (see docs/data.md)."""
    registry = default_registry()
    lin_domains, lin_covered = _lin_coverage(registry, data)
    matrix_rows, matrix_covered = _matrix_coverage(registry, data)
    return {
        "lin_domains": lin_domains,
        "lin_covered": lin_covered,
        "matrix_rows": matrix_rows,
        "matrix_covered": matrix_covered,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the third-party data sets")
    parser.add_argument("--check", action="store_true", help="exit 1 if a rebuild would change anything")
    parser.add_argument("--coverage", action="store_true", help="print the coverage of the data sets and exit")
    args = parser.parse_args(argv)
    missing = [layer.input for layer in LAYERS if not (args.data / layer.input).is_file()]
    if missing:
        print(f"build_data: missing in {args.data}: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.coverage:
        figures = coverage(args.data)
        lin, matrix = (
            figures["lin_covered"] / figures["lin_domains"],
            figures["matrix_covered"] / figures["matrix_rows"],
        )
        print(
            f"Lin et al. domains with an outlet or a rating: {figures['lin_covered']} of {figures['lin_domains']}"
            f" ({lin:.1%})"
        )
        print(
            f"matrix rows with a usable URL naming an outlet with the row's code: {figures['matrix_covered']} of "
            f"{figures['matrix_rows']} ({matrix:.1%})"
        )
        return 0
    if args.check:
        problems = stale(args.data)
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        return 1 if problems else 0
    for path in build(args.data):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
