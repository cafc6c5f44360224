"""The actors as tables for readers: kinds in plain words, countries, who belongs to whom."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pakafghan.actors import (
    acting_actors,
    acting_table,
    actors_table,
    belonging,
    belonging_table,
    country_labels,
    kind_words,
    kinds_table,
    named_in_text,
)
from pakafghan.load import Dataset
from pakafghan.vocabulary import value_labels


def test_kind_words_come_from_the_codebook():
    labels = value_labels("actors", "kind")
    for kind, words in labels.items():
        assert kind_words(kind) == words
    assert kind_words("person").split(":")[0] == "a person"
    assert kind_words("de_facto_authority").startswith("a de facto authority")
    assert kind_words("space_agency") == "space agency"  # not in the codebook: its own words


def test_actors_table_is_sorted_by_kind_then_name(ds):
    table = actors_table(ds)
    assert list(table.columns) == ["name", "kind", "country", "belongs to"]
    assert table.index.name == "actor_id"
    assert list(table.index[:1]) == ["afghanistan"]  # states first, by name
    assert table.loc["muttaqi", "belongs to"] == "Taliban"
    assert table.loc["un", "country"] == "—"
    assert table.loc["taliban", "belongs to"] == "—"
    kinds = [k.replace(" ", "_") for k in table["kind"]]
    order = list(ds.actors["kind"].cat.categories)
    assert order == list(value_labels("actors", "kind"))
    assert kinds == sorted(kinds, key=order.index)
    for _, group in table.groupby("kind", sort=False):
        names = group["name"].str.casefold().tolist()
        assert names == sorted(names)
    detail = actors_table(ds, detail=True)
    assert detail.loc["taliban", "source"].endswith("(S59)")
    assert detail.loc["new-indian-express", "source"] == "New Indian Express (S1)"
    assert detail["description"].notna().all()
    assert len(detail) == len(ds.actors)


def test_kinds_table_explains_every_kind_in_use(ds):
    table = kinds_table(ds)
    assert set(value_labels("actors", "kind")) == set(ds.actors["kind"].cat.categories)
    assert set(table.index) == set(ds.actors["kind"].astype(str))
    assert table["actors"].sum() == len(ds.actors)
    assert table.loc["de_facto_authority", "in plain words"].startswith("a de facto authority")
    assert "Taliban" in table.loc["de_facto_authority", "for example"]
    for kind, example in table["for example"].items():  # up to three names, by name
        names = sorted(ds.actors.loc[ds.actors["kind"] == kind, "name"], key=str.casefold)
        assert example == ", ".join(names[:3])


def test_country_labels_name_the_state_with_that_code(ds):
    labels = country_labels(ds)
    assert labels["PAK"] == "PAK (Pakistan)"
    assert labels["AFG"] == "AFG (Afghanistan)"
    assert list(labels) == sorted(set(ds.actors["country"].dropna()))


def test_a_country_without_a_state_actor_is_its_code():
    actors = pd.DataFrame(
        {
            "actor_id": ["pakistan", "someone", "un"],
            "name": ["Pakistan", "Someone", "UN"],
            "kind": ["state", "person", "international_organisation"],
            "country": ["PAK", "IRN", None],
        }
    )
    assert country_labels(Dataset(Path("."), {"actors": actors})) == {
        "IRN": "IRN",
        "PAK": "PAK (Pakistan)",
    }


def test_acting_actors_take_part_in_an_event_or_make_a_claim(article):
    acting = acting_actors(article)
    assert acting == sorted(acting)
    assert {"pakistan", "khalilzad", "some-observers", "article-author"} <= set(acting)
    assert "ttp" not in acting  # spoken about, not acting
    table = acting_table(article)
    assert list(table.columns) == ["name", "kind", "belongs to"]
    assert set(table.index) == set(acting)


def test_belonging_follows_the_parent_chain(ds):
    assert belonging(ds, "pakistan") == "Pakistan"
    chain = belonging(ds, "shafqat-ali-khan").split(" → ")
    assert chain[0] == "Shafqat Ali Khan" and chain[-1] == "Pakistan" and len(chain) == 3
    table = belonging_table(ds, ["muttaqi", "pakistan"])
    assert list(table.index) == ["muttaqi", "pakistan"]
    assert table.loc["pakistan", "kind"] == "state"


def test_named_in_text_tests_each_acting_official_or_person(article):
    table = named_in_text(article)
    assert set(table.columns) == {"name", "belongs to", "in the article's text"}
    text = article.source_text("article")
    for name, found in zip(table["name"], table["in the article's text"], strict=True):
        assert (name in text) == (found == "yes")
    assert set(table["in the article's text"]) == {"yes", "no"}
