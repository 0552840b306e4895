import json

from provenance.labels import LABEL_KINDS, Evidence, Label, LabelSet
from provenance.model import Source

SOURCE = Source("https://example.org/a", "A")


def _label(kind="state-media", value="SC", certainty="certain", **kw):
    return Label(
        kind=kind,
        value=value,
        subject="rt",
        text="t",
        certainty=certainty,
        basis=(Evidence("fact", (SOURCE, SOURCE)),),
        **kw,
    )


def test_labelset_queries():
    labels = LabelSet([_label(), _label("sanctioned", "EU", "possible"), _label("sanctioned", "UK")])
    assert labels.has("sanctioned") and labels.has("sanctioned", "UK") and not labels.has("sanctioned", "US")
    assert labels.get("sanctioned").value == "EU"
    assert labels.get("defunct") is None
    assert [lab.value for lab in labels.filter("sanctioned", certainty="certain")] == ["UK"]
    assert labels.kinds() == ("state-media", "sanctioned")
    assert len(labels) == 3 and bool(labels) and not LabelSet()
    assert (labels + LabelSet([_label("defunct", "2014")])).has("defunct")


def test_label_json_form_has_design_keys_and_details():
    data = _label(details={"country": "RU"}, policy="typology").to_json()
    assert set(data) >= {"kind", "value", "subject", "certainty", "text", "policy", "basis", "sources", "country"}
    assert data["sources"] == ["https://example.org/a"]
    json.dumps(data)


def test_labels_are_immutable_and_hashable():
    label = _label(details={"country": "RU"})
    assert hash(label) == hash(_label(details={"country": "RU"}))
    assert label.detail("country") == "RU" and label.detail("missing", "x") == "x"


def test_vocabulary_is_stable():
    assert "state-media" in LABEL_KINDS and "origin-state-media" in LABEL_KINDS
