"""The actor explorer, driven by setting its controls and reading its HTML view."""

from __future__ import annotations

import pytest

from pakafghan.actors import acting_actors, kind_words
from pakafghan.charts import network_chart
from pakafghan.widgets.actor_explorer import (
    ALL,
    IN_ARTICLE,
    ActorViews,
    _views,
    actor_explorer,
    matching_actors,
    render_actor,
)


@pytest.fixture
def explorer(ds):
    """The explorer listing every actor (it starts on the article's actors: tested below)."""
    return actor_explorer(ds, network=False, show=ALL)


def _ids(widget) -> list[str]:
    return [value for _, value in widget.controls["actor"].options]


def _names_sorted(frame) -> list[str]:
    return [
        aid for _, aid in sorted(zip(frame["name"].str.casefold(), frame["actor_id"], strict=True))
    ]


def test_starts_on_the_actors_who_act_in_the_article(ds, article):
    w = actor_explorer(ds, network=False)
    assert w.controls["show"].value == IN_ARTICLE
    acting = ds.actors[ds.actors["actor_id"].isin(acting_actors(article))]
    assert _ids(w) == _names_sorted(acting)
    assert 10 < len(_ids(w)) < len(ds.actors) / 3
    assert "shafqat-ali-khan" not in _ids(w)  # he speaks in another report, not the article
    w.controls["show"].value = ALL
    assert _ids(w) == _names_sorted(ds.actors)
    w.controls["kind"].value = "official"
    w.controls["show"].value = IN_ARTICLE
    assert "shafqat-ali-khan" not in _ids(w) and "khalilzad" in _ids(w)


def test_an_actor_outside_the_article_opens_the_list_of_all_actors(ds):
    w = actor_explorer(ds, actor="shafqat-ali-khan", network=False)
    assert w.controls["show"].value == ALL
    assert "<h3>Shafqat Ali Khan" in w.html.value


def test_a_filter_that_leaves_no_article_actor_says_so(ds):
    w = actor_explorer(ds, network=False)
    w.controls["kind"].value = "opposition_movement"
    assert _ids(w) == []
    assert "among the actors who act in the article" in w.html.value


def test_lists_every_actor_sorted_by_name(ds, explorer):
    assert _ids(explorer) == _names_sorted(ds.actors)
    assert explorer.controls["actor"].value == _ids(explorer)[0]
    assert explorer.controls["kind"].value == "all"
    assert explorer.controls["country"].value == "all"


def test_profile_events_and_claims_of_khalilzad(explorer):
    explorer.controls["actor"].value = "khalilzad"
    html = explorer.html.value
    assert "<h3>Zalmay Khalilzad" in html
    assert f"<th>Kind</th><td>{kind_words('official')} (<code>official</code>)</td>" in html
    # the event he speaks at, its quote and its source, as the article tells it
    assert "ev-khalilzad-criticism" in html
    assert "Former U.S. envoy Zalmay Khalilzad has criticized" in html
    assert "no date given" in html
    # the claims he makes
    assert "cl-008" in html and "cl-009" in html
    assert "criticises" in html and "paraphrase" in html


def test_parent_and_members_are_shown(explorer):
    explorer.controls["actor"].value = "muttaqi"
    assert "<th>Belongs to</th><td>Taliban (taliban)</td>" in explorer.html.value
    assert "the Taliban’s foreign minister postponed" in explorer.html.value
    explorer.controls["actor"].value = "pakistan"
    html = explorer.html.value
    assert "Actors belonging to it" in html and "Asim Iftikhar Ahmad" in html


def test_claims_about_an_actor(explorer):
    explorer.controls["actor"].value = "ttp"
    html = explorer.html.value
    assert "Claims about it" in html
    assert "cl-019" in html and "denies" in html and "cl-020" in html
    # the Taliban's denial is a claim about the TTP, shown here, not a link in the network


def test_kind_filter_updates_the_choices_and_picks_a_matching_actor(ds, explorer):
    explorer.controls["actor"].value = "maria-sultan"  # a person, not an official
    explorer.controls["kind"].value = "official"
    officials = ds.actors[ds.actors["kind"] == "official"]
    assert _ids(explorer) == _names_sorted(officials)
    assert explorer.controls["actor"].value == _ids(explorer)[0]
    assert explorer.html.value.startswith("<h3>")
    assert "an official" in explorer.html.value


def test_current_actor_is_kept_when_still_present(explorer):
    explorer.controls["actor"].value = "muttaqi"
    explorer.controls["kind"].value = "official"
    explorer.controls["country"].value = "AFG"
    assert explorer.controls["actor"].value == "muttaqi"
    assert "muttaqi" in _ids(explorer) and "wang-yi" not in _ids(explorer)
    assert "<h3>Amir Khan Muttaqi" in explorer.html.value


def test_country_labels_name_the_state_and_international_actors_have_their_own_choice(explorer):
    labels = dict((v, k) for k, v in explorer.controls["country"].options)
    assert labels["PAK"] == "PAK (Pakistan)"
    explorer.controls["country"].value = "none"
    assert "un" in _ids(explorer) and "some-observers" in _ids(explorer)
    assert "pakistan" not in _ids(explorer)


def test_a_filter_that_leaves_no_actor_says_so(explorer):
    explorer.controls["kind"].value = "de_facto_authority"
    explorer.controls["country"].value = "CHN"
    assert _ids(explorer) == []
    assert explorer.controls["actor"].value is None
    assert "No actor in this data has the kind “de facto authority”" in explorer.html.value
    assert "CHN (China)" in explorer.html.value
    explorer.controls["country"].value = "all"
    assert explorer.controls["actor"].value == "taliban"
    assert "<h3>Taliban" in explorer.html.value


def test_a_hostile_name_is_shown_as_text(data_copy, hostile):
    data_copy.set_cell("actors", "khalilzad", "name", hostile.text)
    w = actor_explorer(data_copy.load(), actor="khalilzad", network=False, show=ALL)
    html = w.html.value
    hostile.assert_inert(html)
    assert f"<h3>{hostile.html} <small>(khalilzad)</small></h3>" in html
    assert (hostile.text, "khalilzad") in w.controls["actor"].options


def test_the_image_shows_the_actors_links_with_their_text_alternative(ds):
    w = actor_explorer(ds, actor="khalilzad")
    before = w.image.value
    # the network chart of the chosen actor, as an <img> whose alt is the chart's text alternative
    assert before == network_chart(ds, focus="khalilzad", max_nodes=25).img_html()
    w.controls["actor"].value = "taliban"
    assert w.image.value == network_chart(ds, focus="taliban", max_nodes=25).img_html() != before
    assert repr(w) == (
        "<Actor explorer widget: show='article', kind='all', country='all', actor='taliban'>"
    )


def test_kind_choices_follow_the_codebooks_order(ds, explorer):
    values = [value for _, value in explorer.controls["kind"].options]
    assert values[0] == "all"
    in_use = set(ds.actors["kind"].astype(str))
    assert values[1:] == [k for k in ds.actors["kind"].cat.categories if k in in_use]


def test_render_actor_is_a_function_of_the_views(ds, explorer):
    views = _views(ds)
    assert isinstance(views, ActorViews)
    officials = matching_actors(views, "official", "all")
    assert set(officials.index) == set(ds.actors.loc[ds.actors["kind"] == "official", "actor_id"])
    explorer.controls["actor"].value = "ttp"
    assert render_actor(views, "all", "all", "ttp") == explorer.html.value
    assert render_actor(views, "all", "all", None).startswith("<p><em>Choose one of the")
