"""The claims browser: driven by setting its controls; every data value escaped."""

from __future__ import annotations

import re

import pytest

from pakafghan.claims import ALL_SECURITY, claims_about
from pakafghan.vocabulary import value_labels
from pakafghan.widgets.claims_browser import claims_browser, render_claims


@pytest.fixture
def browser(ds):
    return claims_browser(ds, show_chart=False)


def _rows(html: str) -> dict[str, str]:
    """claim id → that claim's table row."""
    return {m.group(1): m.group(0) for m in re.finditer(r"<tr><td>(cl-[^<]+)</td>.*?</tr>", html)}


def test_groups_are_the_armed_groups_of_the_data_plus_all_security(ds, browser):
    groups = set(ds.actors.loc[ds.actors["kind"] == "armed_group", "actor_id"])
    assert {"ttp", "isis-k", "baloch-insurgents"} <= groups
    values = [value for _, value in browser.controls["group"].options]
    assert set(values) == groups | {ALL_SECURITY}
    assert values[-1] == ALL_SECURITY
    counts = [len(claims_about(ds, g)) for g in values[:-1]]
    assert counts == sorted(counts, reverse=True)
    assert values[0] == "ttp" == browser.controls["group"].value


def test_ttp_shows_assert_deny_and_confirm_with_directness_and_source(browser):
    browser.controls["group"].value = "ttp"
    rows = _rows(browser.html.value)
    assert {"cl-016", "cl-017", "cl-018", "cl-019", "cl-020"} <= set(rows)
    assert "Taliban" in rows["cl-019"] and "✗</span> denies" in rows["cl-019"]
    assert "✓</span> confirms" in rows["cl-020"]
    assert "+</span> asserts" in rows["cl-018"] and ">Pakistan<" in rows["cl-018"]
    assert "reported: the source relays it second-hand" in rows["cl-020"]
    assert "“UN reports confirm the TTP’s presence”" in rows["cl-020"]
    assert "The article does not say which UN reports." in rows["cl-020"]
    assert (
        "<strong>article</strong>" in rows["cl-020"]
        and "reliability: unknown&#95;publisher" in rows["cl-020"]
    )
    unattributed = value_labels("claims", "directness")["unattributed"]
    assert "6,000 fighters" in rows["cl-017"] and unattributed in rows["cl-017"]


def test_rows_are_sorted_by_proposition_then_claim(ds, browser):
    browser.controls["group"].value = ALL_SECURITY
    shown = list(_rows(browser.html.value))
    claims = ds.claims.merge(ds.propositions, on="proposition_id")
    security = claims[claims["topic"] == "security"].sort_values(["proposition_id", "claim_id"])
    assert shown == list(security["claim_id"])


def test_a_group_named_only_in_a_statement_is_found(browser):
    browser.controls["group"].value = "baloch-insurgents"
    assert "cl-015" in _rows(browser.html.value)
    browser.controls["group"].value = "isis-k"
    assert set(_rows(browser.html.value)) >= {"cl-014"}
    assert "cl-019" not in _rows(browser.html.value)


def test_stance_and_source_filters(ds, browser):
    browser.controls["group"].value = "ttp"
    browser.controls["stance"].value = "denies"
    rows = _rows(browser.html.value)
    assert "cl-019" in rows and "cl-018" not in rows
    assert all("denies" in r for r in rows.values())
    browser.controls["stance"].value = "any"
    browser.controls["sources"].value = "article"
    html = browser.html.value
    assert set(re.findall(r"<strong>([^<]+)</strong>", html)) == {"article"}
    browser.controls["stance"].value = "criticises"
    assert "No claims match." in browser.html.value
    assert (
        repr(browser)
        == "<Claims browser widget: group='ttp', stance='criticises', sources='article'>"
    )


def test_the_chart_image_follows_the_group_with_its_text_alternative(ds):
    w = claims_browser(ds)
    first = w.image.value
    alt = re.fullmatch(
        r'<img src="data:image/png;base64,iVBORw0KGgo[^"]+" alt="([^"]{20,})" .*', first
    )
    assert alt, first[:200]
    w.controls["group"].value = "isis-k"
    assert w.image.value.startswith('<img src="data:image/png;base64,') and w.image.value != first
    assert f'alt="{alt[1]}"' not in w.image.value  # the text alternative follows the picture


def test_hostile_text_in_names_and_notes_shows_as_text(data_copy, hostile):
    data_copy.append("actors", f"hostile-group,{hostile.text},armed_group,,,A test group.,S33")
    data_copy.append("propositions", "pr-hostile,A test proposition.,security,hostile-group,,")
    data_copy.append(
        "claims",
        f"cl-991,pr-hostile,taliban,denies,reported,,,,{hostile.parts[1]},,S33,,{hostile.text}",
    )
    w = claims_browser(data_copy.load(), show_chart=False)
    assert (hostile.text, "hostile-group") in w.controls["group"].options
    w.controls["group"].value = "hostile-group"
    html = w.html.value
    assert "cl-991" in _rows(html)
    hostile.assert_inert(html)
    assert f"<h4>1 claim about {hostile.html}</h4>" in html
    assert f"<td>version: {hostile.parts_html[1]}</td>" in html
    assert f"<em>Note:</em> {hostile.html}" in html


def test_render_helpers(ds):
    empty = claims_about(ds, "ttp").iloc[0:0]
    assert (
        render_claims(empty, "TTP") == "<h4>0 claims about TTP</h4><p><em>No claims match.</em></p>"
    )
    one = render_claims(claims_about(ds, "isis-k").iloc[:1], "ISIS-K")
    assert one.startswith("<h4>1 claim about ISIS-K</h4><p>On 1 proposition;")
    assert "from 1 independent source (a copy counts as its original)" in one
