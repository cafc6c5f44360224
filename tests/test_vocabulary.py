"""What each allowed value means: every enum field of datapackage.json labels each of its values
(and nothing else), and ``value_labels`` reads those labels from the file."""

from __future__ import annotations

import json

import pytest

from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.vocabulary import value_labels


def _fields() -> list[tuple[str, dict]]:
    descriptor = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    return [(r["name"], f) for r in descriptor["resources"] for f in r["schema"]["fields"]]


ENUM_FIELDS = [(t, f) for t, f in _fields() if "enum" in f.get("constraints", {})]
ENUM_IDS = [f"{t}.{f['name']}" for t, f in ENUM_FIELDS]


def test_there_are_enum_fields_to_check():
    names = {f"{t}.{f['name']}" for t, f in ENUM_FIELDS}
    assert {"actors.kind", "claims.directness", "sources.reliability", "claims.confidence"} <= names


@pytest.mark.parametrize(("table", "field"), ENUM_FIELDS, ids=ENUM_IDS)
def test_every_enum_value_has_a_label_and_nothing_else_does(table, field):
    enum = field["constraints"]["enum"]
    categories = field.get("categories")
    assert categories, f"{table}.{field['name']} has no categories"
    assert [c["value"] for c in categories] == enum, f"{table}.{field['name']}"
    for c in categories:
        assert set(c) == {"value", "label"}
        assert isinstance(c["label"], str) and c["label"].strip() == c["label"] != ""


def test_only_enum_fields_have_categories():
    extra = [
        f"{t}.{f['name']}"
        for t, f in _fields()
        if "categories" in f and "enum" not in f.get("constraints", {})
    ]
    assert not extra


@pytest.mark.parametrize(("table", "field"), ENUM_FIELDS, ids=ENUM_IDS)
def test_value_labels_follow_the_file(table, field):
    expected = {c["value"]: c["label"] for c in field["categories"]}
    labels = value_labels(table, field["name"])
    assert labels == expected
    assert list(labels) == field["constraints"]["enum"]  # the schema's order


def test_marks_are_said_in_words_that_start_with_the_mark():
    for table, field in (("sources", "reliability"), ("claims", "confidence")):
        for mark, words in value_labels(table, field).items():
            assert words.startswith(mark.replace("_", " ") + ":"), (table, mark)
    assert value_labels("claims", "directness")["paraphrase"] == (
        "paraphrase: the source restates what the claimant said"
    )


def test_value_labels_read_the_chosen_data_folder(data_copy):
    path = data_copy.path / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    directness = next(f for f in claims["schema"]["fields"] if f["name"] == "directness")
    directness["categories"][0]["label"] = "direct: in the claimant's own words (changed)"
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    changed = value_labels("claims", "directness", data_copy.path)
    assert changed["direct"] == "direct: in the claimant's own words (changed)"
    assert (
        value_labels("claims", "directness")["direct"] == "direct: the claimant's own quoted words"
    )


def test_an_unknown_field_or_table_is_an_error():
    with pytest.raises(KeyError, match="claims has no field 'colour'"):
        value_labels("claims", "colour")
    with pytest.raises(KeyError, match="no table 'nothing'"):
        value_labels("nothing", "kind")
    assert value_labels("claims", "quote") == {}  # a text field: no allowed values to explain
