"""Lesson 06, the classroom project: the two excerpts pairs code, and the lesson's exercises.

Partner A codes a few sentences of the primary article (written before the meeting it
announces); partner B codes a report by Ariana News (S2) of Khalilzad's criticism, of which we
hold only the headline and the phrases the data quotes. Each learner fills in row templates;
the checks look at the decisions in a row (status, dates, role, claim) against what the
excerpt's own words allow, and name the fields to look at again, never the value to put.

Example:
    >>> from pakafghan.exercises import check
    >>> check("project-1", {"source_id": "nowhere"}).state
    'not yet'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pakafghan.excerpts import Excerpt, article_excerpt, report_excerpt
from pakafghan.exercises import Exercise, Feedback, answer_digest, normalise, register
from pakafghan.exercises import _not_attempted as not_attempted
from pakafghan.handin import NOT_ATTEMPTED
from pakafghan.html import View, banner, html_table
from pakafghan.load import Dataset, load_dataset
from pakafghan.schema import EVIDENCE_TABLES
from pakafghan.scratch import compare_coding
from pakafghan.select import PRIMARY, select

#: The article's sentences that make excerpt A.
ARTICLE_SENTENCES = (1, 5, 6, 7)
#: The report of excerpt B (its text is not shipped: quoted fragments only).
REPORT_SOURCE = "S2"
#: Each excerpt's source id, by the excerpt's letter.
EXCERPTS = {"A": PRIMARY, "B": REPORT_SOURCE}
#: The project's event for the main event each excerpt reports.
PROJECT_EVENT = {PRIMARY: "ev-meeting-announced", REPORT_SOURCE: "ev-khalilzad-x-post"}
#: The propositions a learner's claim chooses from (both excerpts).
PROPOSITIONS = (
    "pr-pakistan-backs-meeting",
    "pr-meeting-challenges-taliban",
    "pr-meeting-strains-relations",
    "pr-hosting-unwise",
)
#: The actors the two excerpts name, or speak in (their ids for the templates).
ACTORS = ("pakistan", "taliban", "afghanistan", "khalilzad", "article-author", "some-observers")
#: The event fields a learner decides (project-1).
EVENT_FIELDS = (
    "status",
    "date_text",
    "date_earliest",
    "date_latest",
    "date_precision",
    "related_event_id",
)


def excerpt(ds: Dataset, letter: str) -> Excerpt:
    """Excerpt ``"A"`` (the article's sentences) or ``"B"`` (S2's quoted fragments).

    Example:
        >>> from pakafghan import load_dataset
        >>> excerpt(load_dataset(), "B").publisher
        'Ariana News'
    """
    if letter == "A":
        return article_excerpt(ds, ARTICLE_SENTENCES, label="Excerpt A")
    if letter == "B":
        return report_excerpt(ds, REPORT_SOURCE, label="Excerpt B")
    raise ValueError(f"the excerpts are 'A' and 'B', not {letter!r}")


def _words(ds: Dataset, source_id: str) -> list[str]:
    """The excerpt's words, fragment by fragment."""
    letter = {v: k for k, v in EXCERPTS.items()}[source_id]
    return list(excerpt(ds, letter).fragments)


#: Quotation marks a learner may copy with a fragment (the excerpt shows fragments inside them).
_MARKS = "“”\"'‘’"


def _in_excerpt(ds: Dataset, source_id: str, quote: object) -> bool:
    return isinstance(quote, str) and bool(quote) and any(quote in w for w in _words(ds, source_id))


def excerpt_records(ds: Dataset, source_id: str) -> dict[str, pd.DataFrame]:
    """The project's rows that an excerpt's words carry, by table.

    For the article: the rows citing it whose quote lies in the excerpt's sentences. For a
    report whose text is not shipped: its main event, the participations in it, and the claims
    whose quoted phrase the excerpt shows.

    Example:
        >>> from pakafghan import load_dataset
        >>> sorted(excerpt_records(load_dataset(), "S2"))
        ['claims', 'event_actors', 'events']
    """
    chosen = select(ds, sources=[source_id])
    out = {}
    for table in EVIDENCE_TABLES:
        frame = chosen.tables[table]
        if source_id == PRIMARY:
            keep = frame["quote"].map(lambda q: _in_excerpt(ds, source_id, q))
        elif table == "events":
            keep = frame["event_id"] == PROJECT_EVENT[source_id]
        elif table == "event_actors":
            keep = frame["event_id"] == PROJECT_EVENT[source_id]
        else:
            keep = frame["quote"].map(lambda q: _in_excerpt(ds, source_id, q))
        out[table] = frame[keep.astype(bool)]
    return out


def _table(frame: pd.DataFrame, columns: list[str], headers: list[str]) -> View:
    lines = [" | ".join(headers)]
    lines += [" | ".join(str(v) for v in row) for row in frame[columns].itertuples(index=False)]
    return View(html_table(frame, columns, headers), "\n".join(lines))


def proposition_choices(ds: Dataset) -> View:
    """The propositions a claim of either excerpt may be on: id and statement.

    Example:
        >>> from pakafghan import load_dataset
        >>> proposition_choices(load_dataset()).html.startswith("<table>")
        True
    """
    props = ds.propositions.set_index("proposition_id").loc[list(PROPOSITIONS)].reset_index()
    return _table(props, ["proposition_id", "statement"], ["proposition_id", "statement"])


def actor_choices(ds: Dataset) -> View:
    """The actors the two excerpts name, or in whose voice they speak: id and name.

    Example:
        >>> from pakafghan import load_dataset
        >>> repr(actor_choices(load_dataset())).splitlines()[0]
        'actor_id | name'
    """
    actors = ds.actors.set_index("actor_id").loc[list(ACTORS)].reset_index()
    return _table(actors, ["actor_id", "name"], ["actor_id", "name"])


def compare_excerpt(folder: Any, source_id: str) -> View:
    """Your rows citing ``source_id`` next to the project's rows for the same excerpt.

    The project's side keeps only the rows the excerpt's words carry
    (:func:`excerpt_records`), so the table stays short.

    Example:
        >>> from pakafghan.datadir import BUNDLED_DATA_DIR
        >>> "<th>coded by</th>" in compare_excerpt(BUNDLED_DATA_DIR, "S2")
        True
    """
    if not isinstance(source_id, str) or source_id not in PROJECT_EVENT:
        lead = "○ Nothing to compare yet."
        message = (
            "Give your event's source_id in its template "
            f"({' or '.join(repr(s) for s in PROJECT_EVENT)}), then run the cells again."
        )
        return View(banner(None, lead, message), f"{lead} {message}")
    rows = compare_coding(folder, source_id)
    records = excerpt_records(load_dataset(), source_id)
    kept = {i for f in records.values() for i in f[f.columns[0]]}
    rows = rows[(rows["coded_by"] != "project") | rows["id"].isin(kept)]
    return _table(
        rows, ["table", "coded_by", "says", "evidence"], ["record", "coded by", "says", "evidence"]
    )


def _value(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name, "")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


@dataclass(frozen=True)
class RowExercise(Exercise):
    """A check of the decisions in one row a learner writes (a dict of column → value).

    ``fields``: the columns decided; ``options``: for a source id, the combinations of those
    columns that the excerpt's words support (``None``: use ``accepted`` digests, one per
    ``source|field|value``). ``field_hints``: a hint for a field's common wrong value, keyed by
    the digest of ``source|field|value``. ``quote``: whether the row's quote must be the
    excerpt's words.
    """

    fields: tuple[str, ...] = ()
    options: Callable[[str], list[dict[str, str]]] | None = None
    field_hints: dict[str, str] = field(default_factory=dict)
    advice: dict[str, str] = field(default_factory=dict)
    quote: bool = False

    def _key(self, source: str, name: str, value: str) -> str:
        return answer_digest(self.exercise_id, f"{source}|{name}|{value}")

    def _wrong(self, row: Mapping[str, Any]) -> list[str]:
        source = _value(row, "source_id")
        if self.options is None:
            return [
                f for f in self.fields if self._key(source, f, _value(row, f)) not in self.accepted
            ]
        options = self.options(source)
        if not options:
            return list(self.fields)

        def differing(option: dict[str, str]) -> list[str]:
            return [f for f in self.fields if normalise(_value(row, f)) != normalise(option[f])]

        return min((differing(o) for o in options), key=len)

    def is_right(self, answer: Any) -> bool:
        return self.feedback(answer).state == "right"

    def feedback(self, answer: Any) -> Feedback:
        if answer is None or answer is Ellipsis:
            return Feedback(False, not_attempted(self), NOT_ATTEMPTED)
        if not isinstance(answer, Mapping):
            return Feedback(False, self.default_hint)
        blanks = [name for name, value in answer.items() if value is Ellipsis]
        if blanks:
            return Feedback(
                False,
                f"Fill in the blanks of your row first: {', '.join(blanks)}. Then run the cell "
                "again.",
                NOT_ATTEMPTED,
            )
        source = _value(answer, "source_id")
        if source not in PROJECT_EVENT:
            return Feedback(
                False,
                "Your row's source_id says which excerpt you code: "
                f"{' or '.join(repr(s) for s in PROJECT_EVENT)}.",
            )
        wrong = self._wrong(answer)
        if (
            not wrong
            and self.quote
            and not _in_excerpt(load_dataset(), source, answer.get("quote"))
        ):
            bare = str(answer.get("quote") or "").strip().strip(_MARKS).strip()
            if bare and _in_excerpt(load_dataset(), source, bare):
                return Feedback(
                    False,
                    "Leave out the quotation marks around the fragment: your quote is only the "
                    "words inside them.",
                )
            return Feedback(
                False,
                "Your quote is not, character for character, in your excerpt: copy the words "
                "exactly (the article writes ’ and “ ”, curly).",
            )
        if not wrong:
            return Feedback(True, self.explanation)
        said = [
            self.field_hints[key]
            for f in wrong
            if (key := self._key(source, f, _value(answer, f))) in self.field_hints
        ]
        more = said[0] if said else self.advice.get(wrong[0], "")
        return Feedback(False, f"Look again at {', '.join(wrong)}. {more}".strip())


def participation_options(source_id: str) -> list[dict[str, str]]:
    """The (actor, role) pairs the project codes for the excerpt's main event.

    Example:
        >>> len(participation_options("S2")) >= 1
        True
    """
    if source_id not in PROJECT_EVENT:
        return []
    rows = excerpt_records(load_dataset(), source_id)["event_actors"]
    rows = rows[rows["event_id"] == PROJECT_EVENT[source_id]]
    return [{"actor_id": r.actor_id, "role": r.role} for r in rows.itertuples()]


def claim_options(source_id: str) -> list[dict[str, str]]:
    """The (proposition, claimant, stance, directness) of the project's claims the excerpt's
    words carry.

    Example:
        >>> len(claim_options("S2")) >= 1
        True
    """
    if source_id not in PROJECT_EVENT:
        return []
    rows = excerpt_records(load_dataset(), source_id)["claims"]
    names = ("proposition_id", "claimant_id", "stance", "directness")
    return [{n: str(getattr(r, n)) for n in names} for r in rows.itertuples()]


def _both(options: Callable[[str], list[dict[str, str]]]) -> Callable[[], list[list[str]]]:
    def derive() -> list[list[str]]:
        return [list(o.values()) for s in PROJECT_EVENT for o in options(s)]

    return derive


register(
    RowExercise(
        "project-1",
        fields=EVENT_FIELDS,
        accepted={
            "8134012e6250a88adba725c0601c8ec272c6b434ef89d9e4e9369b614d5cc420",
            "fa534ed550e6674b135799f409cba649beab0ca5f3e3fe0a7c49a792b2f5aae3",
            "7033b179e3f75379cf25651fcc5cfb91245fa1091065da6ff5fd596a37fa2388",
            "333f6b2bf5feb3cdfa1159b7a93aaf3ba9e4c95ef47b4b4eb0b0ce666d1094bd",
            "96cc9b2dc87e625ac892bd04cee5a0c9c9680bf8aac79e6c199be5ade5e31c56",
            "52e17a8bd9e44aeb17b1346303298ef2a5c7c5a88cc86b677017b7f568a8b6c8",
            "1e6c519f498d8dbd5bbe99595f12711ad149655100b7e281d2ec56c3006a8137",
            "e28f93b6e79062fe79a69604ef34e5a0a3137afcb143935efceb7f943200831f",
            "e05cb4447c1da53c162458d13e8995b9fe687661b1317f3466a0c29e58409cfe",
            "3558db45f43389ac2e9591820c10962ca9b83dd606dbbd757821d0ada411a2d4",
            "3582805dda9041b8fe83696548d993ea2c638a720f254e7a7e7b29d944d485e1",
            "066895702b8b25240ee00f2d5e660868166ca6c94ea0f8d71ac0c8f74ec757e7",
            "c5b733a3f9d917b584488add374365a7ff31eadf2fb397ce6d0743fd54598376",
        },
        field_hints={
            "80b913883bfa5f3bdc2f32fa474a701278ce9991e7cbbe46fff5267c85e8a318": (
                "The article was written around 22–24 August, before the meeting it announces: "
                "could it say the meeting took place?"
            ),
            "1bbeab6774804ab64ea9791cb9d9b71bdb12e0dc22dea2567bc34d4765768dc8": (
                "Nothing in your excerpt says the meeting was put off: that is another report's "
                "news."
            ),
            "534f11ab1e9405a77e7f487761750ff302e9a43779c05e505d59cb4cb4ef9a80": (
                "The excerpt names more than one day. Which value of date_precision fits that?"
            ),
            "51293bcd33d9a55392757b94ea19eca4f9c6dc2a6b97f5e21297a09ebadee830": (
                "That is the first day the excerpt names; the last possible day is another."
            ),
            "d006710a2a370f45625f10a2f3f344b551dcc0b83bcbcb04b604fc40994fa472": (
                "That is the last day the excerpt names; the first is another."
            ),
            "d5268d5a6c3cf1697b5f4d6c84e1aa1914070a787f0ccf175bbf87aefe308b6c": (
                "That id is the project's own row for the same sentence, not an earlier event "
                "your event follows. Does the excerpt speak of an earlier event?"
            ),
            "e2f55fa0bdfa0755ee985c23d585e2db9bb53bef9a7e72498c1fd6b147a22907": (
                "The article gives no year: copy the date as its words give it."
            ),
            "cd931d8096fc1424672393c08a4f92dba94d585ae6aa96ed1d44998544799831": (
                "Copy the date as the excerpt's words give it, character for character."
            ),
            "c38b71ab8fbe7439fc01c1eb60c8b918a65c799476932a57eda31d9cf59bf488": (
                "The fragments quote words Khalilzad has already written: planned is for what "
                "is announced for the future."
            ),
            "31267c8454a3e09e7417db16840e23b521e5895a7eb1d10e104d6923d2df35ee": (
                "16 Aug 2025 is the day Ariana News published; which words of the fragments "
                "give a date?"
            ),
            "aef0942d50c499df80577d00457b4ccf90cfefafec71351bd5eed359d5c08048": (
                "That is the report's date of publication, not a date its quoted words give."
            ),
            "4dff09bf5c121ab78727c0db85f115d234bc1ad18c31f235c4e026e0b23028a8": (
                "That is the report's date of publication, not a date its quoted words give."
            ),
            "ef01ee625f8bc2e6652584cafc899af6062a04b91d0e9c4942efb8572a2cd15e": (
                "Do the fragments name a day? If not, which value says that the source gives no "
                "date?"
            ),
            "ab75a774723ee954088fa95ef728036b8a87ad365a8124c1b6d4d1461ad7b770": (
                "His criticism answers another event your copy already holds: the article's "
                "planned meeting. Which id is it?"
            ),
        },
        advice={
            "status": "What could the report know on the day it was published?",
            "date_text": 'Copy the date exactly as the excerpt\'s own words give it, or "" if '
            "they give none.",
            "date_earliest": 'The first possible day, as YYYY-MM-DD ("" when the words give no '
            "date).",
            "date_latest": 'The last possible day, as YYYY-MM-DD ("" when the words give no date).',
            "date_precision": "How exactly do the excerpt's words date the event?",
            "related_event_id": "Does your event follow or answer an earlier event in your "
            'copy? Give its id, or "" if none.',
        },
        default_hint=(
            "Give your row, the dictionary: answer = event (the name in the template above)."
        ),
        steps=(
            "Your answer is your row itself: in the cell, write answer = event, after filling "
            "in the blanks of the template.",
            "For status, compare the report's date of publication with the date of the event it "
            "reports: could the report say that the event took place?",
            'For the dates, use only the excerpt\'s own words, and leave a date empty ("") '
            "rather than guess it from the day the report was published.",
        ),
        explanation=(
            "Your event says what the report could know when it was published, and dates it by "
            "the excerpt's own words."
        ),
    )
)

register(
    Exercise(
        "project-2",
        written=True,
        steps=(
            "Give the day the report was published and the day or days of the event it "
            "reports, then say which came first.",
            "Quote the words of your excerpt that show it: a verb in the future or present, or "
            "words someone has already said.",
            "Say what a later report could add that yours cannot.",
        ),
        explanation=(
            "A strong answer names the report's date and the event's, quotes the excerpt's "
            "words, and says what the report could not yet know."
        ),
    )
)

register(
    RowExercise(
        "project-3",
        fields=("actor_id", "role"),
        options=participation_options,
        derive=_both(participation_options),
        advice={
            "actor_id": "Who does your excerpt say takes part in your event? Use an id from "
            "the table of actors.",
            "role": "Which of the codebook's roles says what the excerpt's own verb says this "
            "actor does?",
        },
        default_hint=(
            "Give your row, the dictionary: answer = participation (the name in the template)."
        ),
        steps=(
            "Your answer is your row itself: write answer = participation after filling in "
            "the blanks of the template.",
            "Find the verb of your excerpt that says what the actor does in your event, then "
            "read the roles in the codebook (data/README.md, event_actors).",
            "Take the role that says no more than the verb: being invited is not taking part, "
            "and making possible is not receiving.",
        ),
        explanation="Your participation says what the excerpt's verb says, and no more.",
    )
)

register(
    RowExercise(
        "project-4",
        fields=("proposition_id", "claimant_id", "stance", "directness"),
        options=claim_options,
        derive=_both(claim_options),
        quote=True,
        advice={
            "proposition_id": "Which of the propositions in the table is your quote about?",
            "claimant_id": "Whose claim is it: the person the excerpt names, unnamed people, "
            "or the report in its own voice?",
            "stance": "What does the claimant do with the proposition: say it is so, deny it, "
            "disapprove of it, or read a motive into it?",
            "directness": "Are these the claimant's own words in quotation marks, a restatement, "
            "or words with no author named?",
        },
        default_hint="Give your row, the dictionary: answer = claim (the name in the template).",
        steps=(
            "Your answer is your row itself: write answer = claim after filling in the blanks "
            "of the template.",
            "Start from the words: copy a phrase of your excerpt, then ask who says it and what "
            "they do with the proposition (the codebook lists every stance).",
            "Directness is about the words, not about truth: quotation marks, a restatement, or "
            "no author named.",
        ),
        explanation=(
            "Your claim is someone's, on one proposition, and says how directly the excerpt "
            "passes it on; the project coded the same words the same way."
        ),
    )
)

register(
    Exercise(
        "project-5",
        written=True,
        steps=(
            "Underline, in your excerpt, every word that weighs or judges rather than says "
            "what happened or who said what.",
            "For each, say whose judgement it is: a person the excerpt names, unnamed people, "
            "or the report itself.",
            "Say how your claim row keeps that judgement apart from what happened.",
        ),
        explanation=(
            "A strong answer quotes the judging words, says whose each is, and shows that the "
            "coding stores them as someone's claim, not as an event."
        ),
    )
)

register(
    Exercise(
        "project-6",
        written=True,
        steps=(
            "Pick one field where your row and the other row differ: status, a date, a role, "
            "a stance or a directness.",
            "Quote the words each coding rests on, and say what each report could know.",
            "Say which coding the words support better, or why both can stand.",
        ),
        explanation=(
            "A strong answer names one difference, quotes the words behind each side, and "
            "decides from the words, not from which coding came from the project."
        ),
    )
)
