"""Import Wikidata entity JSON: outlets and organisations, ownership, succession, websites.

Reads the format of ``Special:EntityData/Q….json`` (``{"entities": {"Q…":
{...}}}``, compact or pretty-printed) and of the JSON dumps (one entity per
line, the lines of a JSON array: ``[``, ``{...},``, ``]``). Maps

- instance of (P31) to an outlet or organisation kind (:data:`WD_INSTANCE_KINDS`),
- country (P17, else country of origin P495) to an ISO code (P297 on the
  country's item when it is in the input, else :data:`WD_COUNTRIES`),
- inception (P571) and dissolved (P576) to the lifetime,
- official website (P856) to domain claims,
- owned by (P127) to ``owns`` relations and parent organisation (P749) to
  ``parent-of`` relations, dated by their start/end time qualifiers (P580/P582),
- replaces / replaced by (P1365/P1366) to ``replaced-by`` successions,

each backed by the statement's references (reference URL P854, stated in
P248) or, when it has none, by the entity's own Wikidata page. See
``docs/importers.md``. The steps are private modules: reading the entities
(``_wikidata_entities``), classifying them (``_wikidata_kinds``), building
their records (``_wikidata_records``).
"""

from __future__ import annotations

from collections.abc import Mapping

from provenance.dates import PartialDate
from provenance.model import ORGANIZATION_KINDS, OUTLET_KINDS
from provenance.registry import Registry

from ._common import ImportFileError, ImportResult, Input, Tally, finish
from ._wikidata_entities import EntitySet, read_entities, wikidata_date
from ._wikidata_kinds import WD_COUNTRIES, WD_INSTANCE_KINDS, classify
from ._wikidata_records import build_records

__all__ = ["WD_COUNTRIES", "WD_INSTANCE_KINDS", "import_wikidata", "wikidata_date"]

FORMAT = "wikidata"


def _check_kinds(instance_kinds: Mapping[str, tuple[str, str]]) -> None:
    for qid, (record, kind) in instance_kinds.items():
        kinds = OUTLET_KINDS if record == "outlet" else ORGANIZATION_KINDS
        if record not in ("outlet", "organization") or kind not in kinds:
            raise ImportFileError(
                "instance_kinds", f"{qid}: ({record!r}, {kind!r}) is not an outlet or organisation kind"
            )


def import_wikidata(
    source: Input,
    base: Registry | None = None,
    *,
    accessed: PartialDate | None = None,
    instance_kinds: Mapping[str, tuple[str, str]] | None = None,
) -> ImportResult:
    """Import Wikidata entities as outlets, organisations, domain claims, relations and successions.

    Args:
        source: An entity-data JSON file (``Special:EntityData/Q….json``),
            a dump (one entity per line), or their lines.
        base: The registry the records join; an outlet whose official
            website the base already claims keeps the base's id.
        accessed: When the data was retrieved; by default each entity's
            ``modified`` date. References with a retrieved date (P813) use it.
        instance_kinds: Extra P31 values: ``{"Q1110794": ("outlet", "newspaper")}``.

    Returns:
        The records, the extended registry, and the report (one row per entity).

    Raises:
        ImportFileError: If the file is neither entity JSON nor a dump, or
            ``instance_kinds`` names an unknown kind.
        RegistryError: If the records do not validate with the base (for
            example an ownership cycle in the input).

    >>> import json
    >>> entity = {"type": "item", "id": "Q42", "labels": {"en": {"language": "en", "value": "Q"}},
    ...     "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31",
    ...         "datavalue": {"value": {"entity-type": "item", "numeric-id": 5, "id": "Q5"},
    ...         "type": "wikibase-entityid"}, "datatype": "wikibase-item"},
    ...         "type": "statement", "rank": "normal"}]}}
    >>> result = import_wikidata([json.dumps({"entities": {"Q42": entity}})],
    ...                          accessed=PartialDate(2025, 1, 1))
    >>> [(r.id, r.kind) for r in result.records]
    [('wd-q42', 'person')]
    """
    tally = Tally(FORMAT, "<lines>")
    _check_kinds(instance_kinds or {})
    found = EntitySet(read_entities(source, tally, accessed), tally)
    classify(found, base, {**WD_INSTANCE_KINDS, **(instance_kinds or {})})
    return finish(tally, build_records(found, base), base, FORMAT)
