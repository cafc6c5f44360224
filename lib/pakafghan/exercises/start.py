"""Exercises of lesson 1, "Start here": who is speaking in a sentence, and what a row keeps.

The first exercise labels six sentences of the article; its key comes from the data when
checked (a claim by someone other than the article's author, a judgement the author makes, or
only events and participations), and its hints for the common confusions are keyed by digest.
The others are predictions checked against the data, and two written answers.

Example:
    >>> from pakafghan.exercises import check
    >>> check("start-1", "did did").correct
    False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pakafghan.article import AUTHOR, records_for_sentence, sentence_number
from pakafghan.exercises import Exercise, Feedback, answer_digest, register
from pakafghan.load import load_dataset

#: The sentences of exercise start-1, by their first words, in the order learners label them.
VOICE_SENTENCES = (
    "Pakistan is facilitating",
    "The move is interpreted",
    "Pakistan has voiced",
    "The National Resistance Front",
    "On August 20th",
    "While no trade agreement",
)
#: The three labels, and other spellings learners use for them.
LABELS = ("did", "says", "judgement")
_ALIASES = {"judgment": "judgement", "say": "says", "do": "did", "does": "did"}
#: The sentence of exercise start-5, by its first words.
GUESTS_SENTENCE = "The event is expected"


def voice_numbers() -> list[int]:
    """The numbers of the sentences exercise start-1 asks about, in its order.

    Example:
        >>> len(voice_numbers())
        6
    """
    ds = load_dataset()
    return [sentence_number(ds, words) for words in VOICE_SENTENCES]


def _voice(records, claims) -> str | None:
    """What a sentence does, from its records: the rule the lesson states after the exercise."""
    said = claims.loc[records.loc[records["table"] == "claim", "id"]]
    if ((said["claimant_id"] == AUTHOR) & (said["stance"] == "interprets")).any():
        return LABELS[2]
    if (said["claimant_id"] != AUTHOR).any():
        return LABELS[1]
    if records["table"].isin(["event", "participation"]).any():
        return LABELS[0]
    return None


def voice_labels() -> str:
    """The labels of exercise start-1's sentences, from the data, in order (space-separated).

    Example:
        >>> len(voice_labels().split())
        6
    """
    ds = load_dataset()
    claims = ds.claims.set_index("claim_id")
    labels = [_voice(records_for_sentence(ds, n), claims) for n in voice_numbers()]
    return " ".join(str(label) for label in labels)


def _labels_given(answer: Any) -> list[str] | None:
    """The learner's labels in order, from text ("did, says …"), a list, or a dict by number."""
    if isinstance(answer, dict):
        numbers = voice_numbers()
        if sorted(answer) != sorted(numbers):
            return None
        answer = [answer[n] for n in numbers]
    if isinstance(answer, str):
        answer = re.split(r"[\s,;]+", answer.strip())
    if not isinstance(answer, list | tuple):
        return None
    words = [" ".join(str(a).split()).casefold() for a in answer if str(a).strip()]
    return [_ALIASES.get(w, w) for w in words]


@dataclass(frozen=True)
class LabelExercise(Exercise):
    """An exercise that labels several items: feedback says how many are right and gives the
    hint for the first confusion it knows (``targeted``: digest of "item=label" → hint)."""

    targeted: dict[str, str] = field(default_factory=dict)

    def is_right(self, answer: Any) -> bool:
        return _labels_given(answer) == self.derive().split()

    def feedback(self, answer: Any) -> Feedback:
        if answer is None or answer is Ellipsis or self.is_right(answer):
            return super().feedback(answer)
        given = _labels_given(answer)
        if isinstance(answer, dict) and given is None:
            numbers = ", ".join(str(n) for n in voice_numbers())
            return Feedback(False, f"Give a label for each of sentences {numbers}, no other.")
        if given is None or len(given) != len(VOICE_SENTENCES):
            return Feedback(False, self.default_hint)
        unknown = [w for w in given if w not in LABELS]
        if unknown:
            return Feedback(
                False, f"“{unknown[0]}” is not one of the labels: use did, says or judgement."
            )
        key = self.derive().split()
        right = sum(g == k for g, k in zip(given, key, strict=True))
        message = f"{right} of {len(key)} right."
        for words, g, k, n in zip(VOICE_SENTENCES, given, key, voice_numbers(), strict=True):
            if g != k:
                hint = self.targeted.get(answer_digest(self.exercise_id, f"{words}={g}"))
                message += f" Sentence {n}: " + (hint or "look at it again.")
                break
        return Feedback(False, message)


def meeting_status() -> str:
    """The status of the article's event row for the Islamabad meeting.

    Example:
        >>> meeting_status() in set(load_dataset().events["status"].cat.categories)
        True
    """
    events = load_dataset().events.set_index("event_id")
    return str(events.loc["ev-meeting-announced", "status"])


def guest_participations() -> int:
    """How many participations the article's sentence on the expected attendees became.

    Example:
        >>> guest_participations() >= 1
        True
    """
    ds = load_dataset()
    records = records_for_sentence(ds, sentence_number(ds, GUESTS_SENTENCE))
    return int((records["table"] == "participation").sum())


register(
    LabelExercise(
        "start-1",
        derive=voice_labels,
        targeted={
            "1870e9ba2a0e83baf2fd41628162a92e28df83d05a8c50a62f2d4469ecabfe5c": (
                "what does it report: someone's words or views, or who is doing what, where and "
                "when?"
            ),
            "1ab1846ee1d066db8353fbe29913ee0d44dad4801d3afab5c342f63121c95583": (
                "is there a word of assessment in it (an aim, a success, a threat)? Or does it "
                "report who is organising what, where and when?"
            ),
            "12d7d43fa93ed9170f2bec1e373f384fa1c0fd918793776e3e2ecc47a3e0ef39": (
                "it does not report the move itself (that is sentence 1): it reports how the move "
                "is read, and by whom."
            ),
            "4fe737e33e10fdc71046a0c073f05516994d7ee0b303ab40381dd6907d63193c": (
                "whose reading is it, in the sentence's own words? Look at who “interprets”: the "
                "sentence gives the view to someone, even without a name."
            ),
            "f4573faaa3a6f0202cadc3d1fe9f76fc422f8042bb52e8baad1197f8ef8b01ad": (
                "voicing concerns is an act, but what the sentence passes on is a view (“viewing "
                "… as a serious threat”). Whose view is it?"
            ),
            "63579047b346b5a23a81547c895bfa6cc2a5c2bc2a83a20b61f9c9c1e41eedaf": (
                "the view of the threat is given to someone the sentence names at its start, not "
                "to the author."
            ),
            "cfeb15b75569ecee71b1e678084badc7d20afea080d78071a80e675eecaa35ba": (
                "declining an invitation is something the NRF did; the sentence gives no words or "
                "views of anyone."
            ),
            "8a5e3443a1cbd72f294faf83b911c0b33ecf99523bcc311d241517a39b5bfc75": (
                "is there a word of assessment in it? It reports what the NRF did with its "
                "invitation."
            ),
            "287933a2392ff5dd0b27fbab20d3aebf7b1e22d416a674130ee257b87bdc388b": (
                "is anyone said to say or think something here? The sentence reports a meeting: "
                "when, where, and who met."
            ),
            "f8e7a182bb2e12b1677ef26bdb81a04d1028c9fef6c7b4807a8d9f9e0bb7a8bf": (
                "it reports a meeting (when, where, who met); no word in it weighs or assesses."
            ),
            "8752fc7c7a398bb52b7f13583bdf60344e06c36673b13ffe266051448d44d3c1": (
                "part of it reports an agreement, yes; but “China achieved its strategic goals” "
                "weighs the outcome. Who is said to weigh it so?"
            ),
            "ae2c305fccbfba89baedb5965155a1d00a2823c3e8d5a3fa8d8675c53ab13098": (
                "look for whoever is said to think that China achieved its goals. Does the "
                "sentence name anyone, or even say “some”?"
            ),
        },
        default_hint=(
            "Give six labels in one pair of quotation marks, one per sentence in the order of "
            "the sentences, separated by spaces. Each label is did, says or judgement."
        ),
        steps=(
            (
                "For each sentence ask: is it about an action or a plan, about what someone says "
                "or thinks, or about how good, important or successful something is?"
            ),
            (
                "A report of someone speaking (criticising, denying, voicing a concern) counts as "
                "what they say, even though speaking is also an act."
            ),
            (
                "Before you choose the author's judgement, look for a name: is anyone other than "
                "the author said to hold the view, even without being named?"
            ),
        ),
        explanation=(
            "The data draws the same lines: a view someone else holds is a claim with that "
            "claimant; the author's own reading of events is a claim by the author that "
            "interprets; and what people did becomes events and participations."
        ),
    )
)

register(
    Exercise(
        "start-2",
        written=True,
        steps=(
            (
                "Pick the sentence you hesitated over, and name the two labels you hesitated "
                "between."
            ),
            (
                "Point to the words in the sentence that decided it for you, such as a verb of "
                "saying or thinking, a name, or a word of assessment."
            ),
            "One sentence is enough: “Sentence N is … because the words … show …”.",
        ),
        explanation="A written answer: your teacher reads it.",
    )
)

register(
    Exercise(
        "start-3",
        derive=meeting_status,
        hints={
            "046f78479bcc3463c5ca143106437d123c444c7ef9beef351d18842eddaa85e7": (
                "Compare the dates: when was the article published (published_text above), and "
                "when was the meeting to take place? A row records what its source says."
            ),
            "ed99c9973512384298f455bfdb7d7b6515a2a3a009c5773a5904e2efd42eb649": (
                "The article does not report a postponement of this meeting. A row records what "
                "its own source says, not what other reports said later."
            ),
        },
        default_hint=(
            "Give one word for the status, such as held or postponed: what did the article "
            "know when it was written?"
        ),
        steps=(
            (
                "The status records what the source says of the event at the time it was written, "
                "not what you know happened later."
            ),
            (
                "Compare the article's published_text, in the sources table above, with the dates "
                "sentence 1 gives for the meeting."
            ),
            "Read the verbs of sentence 1 and 2: “is facilitating”, “is expected to draw”.",
        ),
        explanation=(
            "The article was written before the meeting's dates, so it can only report a plan. "
            "Other sources say what became of it: that is lesson 5."
        ),
    )
)

register(
    Exercise(
        "start-4",
        written=True,
        steps=(
            "Say what the article could know on the day it was published.",
            (
                "Use the dates: the article's publication date (sources table) and the meeting's "
                "dates (sentence 1)."
            ),
            "Say why a row should record what its source says, not what we know happened later.",
        ),
        explanation="A written answer: your teacher reads it.",
    )
)

register(
    Exercise(
        "start-5",
        derive=guest_participations,
        hints={
            "735c1f172b9ea4793e1d6288c4ffa85cfd95db71581ceafeaf8a1dfaa9e78240": (
                "One row per actor, not one per sentence: how many different groups of people "
                "does the sentence list?"
            ),
            "daf7615c491de5f22675756c36c2db700434ac9c76ee42f280b7ba2b48e9fb82": (
                "Two passages carry a P, but one passage can list several groups, and each group "
                "is one participation."
            ),
            "e22d2f4f3c33af4f06c1b8ddedd5ef44f996f31ee25a8d66b96fef2c3fc0fc2d": (
                "Close. Did you count the group that comes after “alongside”?"
            ),
        },
        default_hint=(
            "Count the groups of people the sentence lists as coming: each becomes one "
            "participation."
        ),
        steps=(
            "A participation is one actor in one role at one event: one row per actor.",
            (
                "List the groups of people sentence 2 says will come; a number of attendees is "
                "not an actor."
            ),
            "Read the whole sentence, to its last words: who comes “alongside” the others?",
        ),
        explanation=(
            "Each group the sentence lists is one participation, with the role invitee. The "
            "number of attendees is not an actor: it becomes a claim, with its value."
        ),
    )
)
