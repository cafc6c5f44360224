"""Lesson 9's exercises: predictions the later reports settle, choices, and written sentences.

The answers are stored as digests; the tests at the end check that they still follow the data
the library reads (``$PAKAFGHAN_DATA`` or the bundled data), and skip, naming the missing ids,
only while the rows of "what happened next" are not in it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pytest

import pakafghan
from pakafghan.conflicts import disputed_propositions
from pakafghan.exercises import check, write
from pakafghan.load import Dataset

#: Answers stored as digests (the common test checks them against the module).
DIGEST_ANSWERS = {
    "after-1": "no",
    "after-3": ["a", "b"],
    "after-4": "no",
    "after-6": ["b", "d"],
}


@pytest.mark.parametrize(
    ("exercise", "answer", "hint"),
    [
        ("after-1", "yes", "compare the number"),
        ("after-3", ["a"], "look at when each figure was given"),
        ("after-3", ["b"], "look at whom each figure counts"),
        ("after-3", ["a", "b", "c"], "same province"),
        ("after-3", ["b", "a", "d"], "copying slip"),
        ("after-4", "yes", "say the same thing"),
        ("after-6", ["b"], "talks in April 2026"),
        ("after-6", ["d"], "travels in October 2025"),
        ("after-6", ["a", "b", "d"], "a promise is a plan"),
        ("after-6", ["b", "c", "d"], "any CPEC project"),
        ("after-6", ["a", "b", "c", "d"], "keep only what a later report says happened"),
    ],
)
def test_common_wrong_answers_get_their_hint(exercise, answer, hint):
    feedback = check(exercise, answer)
    assert not feedback and hint in feedback.message


@pytest.mark.parametrize("exercise", ["after-3", "after-6"])
def test_a_list_answer_is_right_in_any_order_and_case(exercise):
    answer = DIGEST_ANSWERS[exercise]
    assert check(exercise, [a.upper() for a in reversed(answer)])


@pytest.mark.parametrize("exercise", ["after-2", "after-5", "after-7"])
def test_written_answers_are_saved(exercise):
    text = "ISPR said 23 Pakistani soldiers were killed; Mujahid said 58."
    assert write(exercise, text).state == "written"


# --- the answers follow the data -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _now() -> Dataset:
    """The data the lessons read: ``$PAKAFGHAN_DATA`` when set, else the bundled data."""
    return pakafghan.load_dataset()


def _needs(*ids: str):
    ds = _now()
    have = set(ds.events["event_id"]) | set(ds.propositions["proposition_id"])
    missing = [i for i in ids if i not in have]
    reason = f"rows of 'what happened next' not in the data yet: {', '.join(missing)}"
    return pytest.mark.skipif(bool(missing), reason=reason)


def _claims(proposition_id: str) -> pd.DataFrame:
    claims = _now().claims
    return claims[claims["proposition_id"] == proposition_id]


@_needs("pr-oct-clashes-pakistani-soldiers-killed")
def test_exercise_1_the_two_sides_figures_differ():
    claims = _claims("pr-oct-clashes-pakistani-soldiers-killed").set_index("claimant_id")
    ispr, mujahid = claims.loc["ispr", "value"], claims.loc["zabihullah-mujahid", "value"]
    expected = "yes" if ispr == mujahid else "no"
    assert expected == DIGEST_ANSWERS["after-1"]


@_needs("pr-paktika-strikes-deaths")
def test_exercise_3_the_paktika_figures_count_different_people_at_different_times():
    claims = _claims("pr-paktika-strikes-deaths")
    # a: someone disputes that the dead were civilians (they count combatants)
    assert "disputes" in set(claims["stance"].astype(str))
    assert claims["version"].str.contains("combatants").any()
    # b: one figure was published months after the others
    published = claims["source_id"].map(_now().sources.set_index("source_id")["published_latest"])
    assert (published.max() - published.min()).days > 60
    # c and d: one proposition (one province, one day), and no two copies of one text
    sources = _now().sources.set_index("source_id")
    assert claims["source_id"].map(sources["copy_of"]).isna().all()


@_needs("pr-doha-ceasefire-holds")
def test_exercise_4_whether_the_ceasefire_held_is_disputed():
    assert "pr-doha-ceasefire-holds" in disputed_propositions(_now().claims)
    assert DIGEST_ANSWERS["after-4"] == "no"


@_needs("ev-muttaqi-arrives-india", "ev-urumqi-talks", "pr-islamabad-process-more-conferences")
def test_exercise_6_what_later_reports_say_took_place():
    ds = _now()
    events = ds.events.set_index("event_id")
    sources = ds.sources.set_index("source_id")
    after_september = pd.Timestamp("2025-10-01")
    for event_id in ("ev-muttaqi-arrives-india", "ev-urumqi-talks"):  # b and d
        event = events.loc[event_id]
        assert event["status"] == "held"
        assert sources.loc[event["source_id"], "published_earliest"] >= after_september
    # a: the promise of more conferences is a claim, with no later event of a second round
    later = events[events["date_earliest"] >= after_september]
    assert not later["title"].str.contains("Islamabad Process", case=False).any()
    assert not later["thread"].astype(str).eq("islamabad_meeting").any()
    # c: no later event on CPEC
    assert not later["thread"].astype(str).eq("cpec").any()
