"""Lesson 06's exercises: the excerpts pairs code, and the checks of the rows they write."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import pakafghan
import pakafghan.exercises.project as project
from pakafghan.article import sentence
from pakafghan.exercises import _REGISTRY, check
from pakafghan.exercises.project import (
    ARTICLE_SENTENCES,
    EVENT_FIELDS,
    EXCERPTS,
    PROPOSITIONS,
    actor_choices,
    claim_options,
    compare_excerpt,
    excerpt,
    excerpt_records,
    participation_options,
    proposition_choices,
)
from pakafghan.scratch import add_row, scratch_copy

#: The event each excerpt supports, in its decided fields (excerpt A: the article's planned
#: meeting; excerpt B: Khalilzad's criticism, which the fragments do not date).
EVENT_A = {
    "status": "planned",
    "date_text": "August 25th and 26th",
    "date_earliest": "2025-08-25",
    "date_latest": "2025-08-26",
    "date_precision": "days",
    "related_event_id": "",
    "source_id": "article",
}
EVENT_B = {
    "status": "held",
    "date_text": "",
    "date_earliest": "",
    "date_latest": "",
    "date_precision": "unknown",
    "related_event_id": "ev-meeting-announced",
    "source_id": "S2",
}

#: The answers of this lesson's exercises that store only digests (the common test reads it).
DIGEST_ANSWERS = {"project-1": EVENT_A}

#: Full rows for excerpt A as the instructor edition writes them.
ROW_A = {
    **EVENT_A,
    "event_id": "ev-class-1",
    "title": "Meeting in Islamabad (as the article announces it)",
    "thread": "islamabad_meeting",
    "event_type": "CONSULT",
    "mode": "multilateral",
    "context": "political",
    "year_basis": "inferred",
    "year_source_id": "S1",
    "place_id": "islamabad",
    "quote": "Pakistan is facilitating a meeting in Islamabad on August 25th and 26th",
}
ROW_B = {
    **EVENT_B,
    "event_id": "ev-class-1",
    "title": "Khalilzad criticises the planned meeting (as Ariana News reports it)",
    "thread": "khalilzad_criticism",
    "event_type": "ACCUSE",
    "mode": "disapprove",
    "context": "diplomatic",
    "year_basis": "none",
    "year_source_id": "",
    "place_id": "",
    "quote": "Khalilzad calls Pakistan's hosting of IEA opponents meeting unwise",
}
CLAIM_A = {
    "proposition_id": "pr-pakistan-backs-meeting",
    "claimant_id": "khalilzad",
    "stance": "criticises",
    "directness": "paraphrase",
    "source_id": "article",
    "quote": "Former U.S. envoy Zalmay Khalilzad has criticized Pakistan’s support for the event",
}
CLAIM_B = {
    "proposition_id": "pr-hosting-unwise",
    "claimant_id": "khalilzad",
    "stance": "criticises",
    "directness": "direct",
    "source_id": "S2",
    "quote": "hugely unwise and an intended provocation",
}


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(tmp_path / "scratch"))
    return tmp_path / "scratch"


def test_the_excerpts_are_real_words_with_their_source(ds):
    a, b = excerpt(ds, "A"), excerpt(ds, "B")
    text = ds.source_text("article")
    assert a.full_text and all(sentence(ds, n).text in a.words for n in ARTICLE_SENTENCES)
    assert all(sentence(ds, n).text in text for n in ARTICLE_SENTENCES)
    assert a.words.count("[…]") == 1  # sentences 5 to 7 follow each other
    assert not b.full_text and b.fragments[0] == b.title
    sources = ds.sources.set_index("source_id")
    assert (b.publisher, b.url) == (sources.loc["S2", "publisher"], sources.loc["S2", "url"])
    assert "quoted fragments" in b._repr_html_() and "[…]" in b._repr_html_()
    with pytest.raises(ValueError, match="'A' and 'B'"):
        excerpt(ds, "C")


def test_both_excerpts_are_about_the_meeting_before_it_took_place(ds):
    """A before the meeting it announces, B after the criticism it reports: the pair's point."""
    sources = ds.sources.set_index("source_id")
    events = ds.events.set_index("event_id")
    assert (
        sources.loc["article", "published_latest"]
        < events.loc["ev-meeting-announced", "date_earliest"]
    )
    assert sources.loc["S2", "published_latest"] >= events.loc["ev-khalilzad-x-post", "date_latest"]


@pytest.mark.parametrize("row", [EVENT_A, EVENT_B, ROW_A, ROW_B], ids=["A", "B", "rowA", "rowB"])
def test_the_event_each_excerpt_supports_is_right(row):
    assert check("project-1", row)


@pytest.mark.parametrize(
    ("row", "fields", "hint"),
    [
        ({**EVENT_A, "status": "held"}, "status", "before the meeting it announces"),
        ({**EVENT_A, "date_precision": "day"}, "date_precision", "more than one day"),
        ({**EVENT_A, "date_latest": "2025-08-25"}, "date_latest", "first day"),
        ({**EVENT_A, "related_event_id": "ev-meeting-announced"}, "related_event_id", "own row"),
        ({**EVENT_B, "status": "planned"}, "status", "already written"),
        ({**EVENT_B, "date_text": "16 Aug 2025"}, "date_text", "the day Ariana News published"),
        ({**EVENT_B, "date_precision": "day"}, "date_precision", "name a day"),
        ({**EVENT_B, "related_event_id": ""}, "related_event_id", "Which id is it?"),
        ({**EVENT_A, "status": "cancelled"}, "status", "published"),
    ],
)
def test_a_wrong_event_field_is_named_with_its_hint(row, fields, hint):
    feedback = check("project-1", row)
    assert feedback.state == "not yet"
    assert f"Look again at {fields}." in feedback.message and hint in feedback.message


def test_several_wrong_fields_are_all_named_and_values_never_given():
    feedback = check("project-1", {**EVENT_A, "status": "held", "date_precision": "day"})
    assert "status, date_precision" in feedback.message
    for value in ("planned", "days", "2025-08-26"):
        assert not re.search(rf"\b{value}\b", feedback.message)


def test_blanks_wrong_shapes_and_sources_are_told_apart():
    assert check("project-1", {**EVENT_A, "status": ...}).state == "not attempted"
    assert "status" in check("project-1", {**EVENT_A, "status": ...}).message
    assert "answer = event" in check("project-1", "planned").message
    wrong_source = check("project-1", {**EVENT_A, "source_id": "S10"})
    assert wrong_source.state == "not yet" and "'article' or 'S2'" in wrong_source.message


def test_participations_follow_the_projects_coding_of_the_excerpt(ds):
    assert {"actor_id": "pakistan", "role": "facilitator"} in participation_options("article")
    assert {"actor_id": "khalilzad", "role": "speaker"} in participation_options("S2")
    assert participation_options("S10") == []
    right = {"actor_id": "khalilzad", "role": "speaker", "source_id": "S2"}
    assert check("project-3", right)
    assert check(
        "project-3", {"actor_id": "pakistan", "role": "facilitator", "source_id": "article"}
    )
    host = check("project-3", {"actor_id": "pakistan", "role": "host", "source_id": "article"})
    assert host.state == "not yet" and "Look again at role." in host.message
    nobody = check("project-3", {"actor_id": "taliban", "role": "host", "source_id": "article"})
    assert "actor_id, role" in nobody.message


def test_claims_follow_the_projects_coding_and_the_excerpts_words():
    assert check("project-4", CLAIM_A) and check("project-4", CLAIM_B)
    observers = {
        **CLAIM_A,
        "proposition_id": "pr-meeting-challenges-taliban",
        "claimant_id": "some-observers",
        "stance": "interprets",
        "directness": "unattributed",
        "quote": "interpreted by some",
    }
    assert check("project-4", observers)
    straight = check("project-4", {**CLAIM_A, "quote": CLAIM_A["quote"].replace("’", "'")})
    assert straight.state == "not yet" and "character for character" in straight.message
    marked = check("project-4", {**CLAIM_B, "quote": f"“{CLAIM_B['quote']}”"})
    assert marked.state == "not yet" and "Leave out the quotation marks" in marked.message
    said = check("project-4", {**CLAIM_B, "directness": "paraphrase"})
    assert said.state == "not yet" and "Look again at directness." in said.message
    assert {o["proposition_id"] for o in claim_options("S2")} >= {"pr-hosting-unwise"}


def test_the_claim_options_are_offered_on_screen(ds):
    shown = str(proposition_choices(ds)) + str(actor_choices(ds))
    for option in claim_options("article") + claim_options("S2"):
        if option["proposition_id"] in PROPOSITIONS:
            assert option["proposition_id"] in shown and option["claimant_id"] in shown
    assert "pr-meeting-open" not in shown  # 5.4: its wording invites misreading; not offered


def test_the_excerpt_records_are_the_ones_its_words_carry(ds):
    article = excerpt_records(ds, "article")
    assert set(article["claims"]["claim_id"]) >= {"cl-006", "cl-008"}
    assert "cl-019" not in set(article["claims"]["claim_id"])  # another sentence's claim
    assert set(excerpt_records(ds, "S2")["events"]["event_id"]) == {"ev-khalilzad-x-post"}


def test_compare_excerpt_puts_the_learners_rows_next_to_the_projects(scratch):
    folder = scratch_copy("compare", fresh=True)
    add_row(folder, "events", ROW_B)
    shown = compare_excerpt(folder, "S2")
    assert "<td>you</td>" in shown and "<td>project</td>" in shown
    assert "Khalilzad criticises the planned meeting (as Ariana News reports it)" in shown
    assert "ev-meeting-announced" not in shown  # the copy's own rows are not "yours"
    assert pakafghan.validate(folder).ok
    for unknown in ("S10", ...):
        assert repr(compare_excerpt(folder, unknown)).startswith("○ Nothing to compare yet.")
    assert repr(shown).startswith("record | coded by | says | evidence\nevent | you | ")


def test_the_instructor_rows_validate_and_the_held_article_is_refused(scratch):
    folder = scratch_copy("rows", fresh=True)
    assert add_row(folder, "events", ROW_A)
    assert pakafghan.validate(folder).ok
    add_row(folder, "events", {**ROW_A, "status": "held"}, replace=True)
    codes = {p.code for p in pakafghan.validate(folder).problems}
    assert "source-before-event" in codes


def test_hints_never_give_a_decided_value():
    values = {v for row in (EVENT_A, EVENT_B) for k, v in row.items() if k in EVENT_FIELDS and v}
    values |= {"facilitator", "speaker", "target", "criticises", "paraphrase", "unattributed"}
    for exercise_id in ("project-1", "project-3", "project-4"):
        for step in _REGISTRY[exercise_id].steps:
            for value in values:
                assert not re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", step, re.I), (
                    exercise_id,
                    value,
                )


def test_every_excerpt_letter_names_a_source(ds):
    assert set(EXCERPTS) == {"A", "B"}
    assert set(EXCERPTS.values()) <= set(ds.sources["source_id"])


def test_no_answer_in_plain_text_in_the_module():
    source = inspect.getsource(project)
    for answer in ('"planned"', '"held"', '"days"', '"unknown"', '"2025-08-25"', "facilitator"):
        assert answer not in source


def test_the_lesson_lists_every_role_of_the_codebook():
    """Exercise 3's text names the codebook's roles; a role added to the data must be named."""
    import nbformat

    from pakafghan.vocabulary import value_labels

    lesson = Path(__file__).resolve().parents[1] / "lessons" / "06_classroom_project.ipynb"
    text = "\n".join(c.source for c in nbformat.read(lesson, as_version=4).cells)
    listed = text.split("the\ncodebook's roles are ", 1)[1].split(".", 1)[0]
    named = {r.strip() for r in listed.replace(" and ", ", ").replace("\n", " ").split(",")}
    assert named == set(value_labels("event_actors", "role"))
