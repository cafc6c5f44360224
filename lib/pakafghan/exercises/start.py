"""Exercises of lesson 1, "Start here": sentences, tables, and what a record says.

Example:
    >>> from pakafghan.exercises import check
    >>> check("start-2", "propositions").correct
    False
"""

from __future__ import annotations

from pakafghan.article import records_for_sentence, sentences
from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset


def sentence_count() -> int:
    """How many sentences the article has.

    Example:
        >>> sentence_count() > 10
        True
    """
    return len(sentences(load_dataset()))


def meeting_status() -> str:
    """The status of the article's event row for the Islamabad meeting.

    Example:
        >>> meeting_status() in set(load_dataset().events["status"].cat.categories)
        True
    """
    events = load_dataset().events.set_index("event_id")
    return str(events.loc["ev-meeting-announced", "status"])


def trilateral_records() -> int:
    """How many records the sentence that begins "On August 20th" became.

    Example:
        >>> trilateral_records() >= 1
        True
    """
    ds = load_dataset()
    number = next(s.number for s in sentences(ds) if s.text.startswith("On August 20th"))
    return len(records_for_sentence(ds, number))


def interpreter() -> str:
    """The ``claimant_id`` of the article's claim quoting "interpreted by some".

    Example:
        >>> interpreter() in set(load_dataset().actors["actor_id"])
        True
    """
    claims = load_dataset().claims
    quoted = claims[
        (claims["source_id"] == "article") & claims["quote"].fillna("").str.contains("by some")
    ]
    return str(quoted["claimant_id"].iloc[0])


register(
    Exercise(
        "start-1",
        derive=sentence_count,
        hints={
            "3ed8f3391dc1c0bd8ce8e1154f62e73e88464ff076ada59e13031e818ef952da": (
                "That is the number of paragraphs. Count sentences: the numbers in brackets."
            ),
            "62967b40b40d4f950b5aa1da9f230e0b96f7e4df49ed83248097481c650f12e7": (
                "Close. Did the full stops in “U.S.” make you split a sentence, or miss one?"
            ),
        },
        default_hint="Count the numbers in brackets in the article, or the explorer's choices.",
        steps=(
            (
                "The article above is shown with its sentences numbered: look for the numbers in "
                "brackets."
            ),
            (
                "Not every full stop ends a sentence: an abbreviation such as “U.S.” has full "
                "stops inside it."
            ),
            (
                "In code: sentences(ds) gives the article's sentences as a list, and len() counts "
                "the items of a list."
            ),
        ),
        explanation="The full stops in “U.S.” do not end a sentence.",
    )
)

register(
    Exercise(
        "start-2",
        accepted={
            "c31535090759667fbaebcecb5a24ef463fac3e12d1a1c21bea561a3822af2cca",
            "75303eca4169d59dbe54445de83b8a8497c083e1060ed424d4bd7bb372271330",
        },
        hints={
            "652e46e0b7e198dd2668baed7c8b494e94e9a781623c0afdaeb1a8c16a579d75": (
                "An event is something that happened, or was to happen. A denial is a stance "
                "someone takes on a statement."
            ),
            "f9432f1381ff57dd29e81a2c86ba3f3e7b66d884ec19cab0565ef839a3bd8fd2": (
                "event_actors says who took part in an event. Who denies what is kept elsewhere."
            ),
            "fe5e28865037510f5f032c02111521f0189cf4bf548f22e3f13e3f1f767afc74": (
                "Nearly. A proposition is the statement itself, in neutral words. Who "
                "denies or confirms it, and where it is said, is another table."
            ),
        },
        default_hint="Give a table name: events, event_actors, propositions or claims.",
        steps=(
            (
                "A denial is not something that happens, like a meeting: it is someone's stance on "
                "a statement."
            ),
            (
                "Look at the records of the sentence that begins “The Taliban denies”, shown above "
                "by records_for_sentence(ds, denial): which table does each come from?"
            ),
            (
                "Only one table has a stance column (asserts, denies, confirms…): look at the "
                "columns of each table in ds.tables."
            ),
        ),
        explanation=(
            "A claim is one actor's stance on one proposition, as one source tells it. "
            "cl-019 records the denial and cl-020 the UN reports, on the same proposition."
        ),
    )
)

register(
    Exercise(
        "start-3",
        derive=meeting_status,
        hints={
            "046f78479bcc3463c5ca143106437d123c444c7ef9beef351d18842eddaa85e7": (
                "Read the status column, not what you know from the news. The row records "
                "what this source says: it writes about the meeting in advance."
            ),
            "ed99c9973512384298f455bfdb7d7b6515a2a3a009c5773a5904e2efd42eb649": (
                "The article does not report a postponement of this meeting. "
                "Look at the status column of ev-meeting-announced."
            ),
        },
        default_hint="Look at the status column of the row ev-meeting-announced in ds.events.",
        steps=(
            (
                "The status records what the source says of the event at the time it was written, "
                "not what you know happened later. Was the article written before or after the "
                "meeting's dates?"
            ),
            "Pick sentence 1 in the sentence explorer: the event's description shows its status.",
            (
                'Or in code: find the row whose event_id is "ev-meeting-announced" in ds.events '
                "and read its status column."
            ),
        ),
        explanation=(
            "The status records what the source says: a plan is not something that "
            "happened. Other sources say what became of it: that is lesson 5."
        ),
    )
)

register(
    Exercise(
        "start-4",
        derive=trilateral_records,
        hints={
            "4768774098b60ad3c7cf0cacda9e5486d80c5be43249d183d0f73d7d80deb626": (
                "That counts only the event. Who took part is also recorded, one row each."
            ),
            "88be8346b726aa5054980d9de95200cc1da72eccc58379c7943edcc63ea1f66e": (
                "That counts the participations only. The meeting itself is a record too."
            ),
            "963ab5628ac0a7ea340352dbac13a7fc8f1f8b9158cd49279065ed13576718a3": (
                "Close. Did you count the claims too?"
            ),
        },
        default_hint="Use records_for_sentence(ds, n) with that sentence's number.",
        steps=(
            (
                "A sentence can become several records: an event, a participation for each actor "
                "taking part, and claims."
            ),
            (
                "The variable trilateral holds the sentence's number; records_for_sentence(ds, "
                "trilateral) lists its records, or pick the sentence in the explorer."
            ),
            "Count the rows of that table: len() of a table is its number of rows.",
        ),
        explanation="Every record quoting the sentence counts: events, participations and claims.",
    )
)

register(
    Exercise(
        "start-5",
        derive=interpreter,
        hints={
            "be421081d2843bf53ef4c1071a251944fe992236402b933b6ad0c7f7555af287": (
                "Pakistan is who the interpretation is about, not who makes it."
            ),
            "d685f3bc5dd3ba3dd45a049d16dc1f77f5abcbcaa5c6406a88149049365cebdb": (
                "Here the article reports a view of others; it does not give it as its own."
            ),
            "2858faeab2eb99a781ee5eba72e68dd44fba2993e3f143edb018e1750562d075": (
                "The Taliban are who the interpretation is about, not who makes it."
            ),
        },
        default_hint="Find the claim whose quote says “interpreted by some”; give its claimant_id.",
        steps=(
            "The claimant is who holds the view, not who or what the view is about.",
            (
                "Find the claim whose quote contains “interpreted by some”: ds.claims has a quote "
                "column, and .str.contains() finds text in it."
            ),
            "Read that row's claimant_id: an actor id, which ds.actors describes.",
        ),
        explanation=(
            "Unnamed observers: the article does not say who they are, so the claim's "
            "directness is “unattributed”."
        ),
    )
)
