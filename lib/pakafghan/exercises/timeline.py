"""Exercises of lesson 4, the diplomatic timeline: dates, inferred years, planned versus held.

Answers come from the data when checked (``derive``), except the multiple-choice question,
whose answer is stored as a digest. Hints for common wrong answers are keyed by digest.

Example:
    >>> from pakafghan.exercises import check
    >>> check("timeline-3", "held")  # doctest: +ELLIPSIS
    ✗ Not yet. The article reports a plan...
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset
from pakafghan.select import article_only

TRILATERAL = "ev-kabul-trilateral"
ISLAMABAD_PLAN = "ev-meeting-announced"


def _event(event_id: str):
    events = load_dataset().events
    return events.loc[events["event_id"] == event_id].iloc[0]


def trilateral_date_and_year_source() -> list[str]:
    """The Kabul trilateral's date (ISO) and the source that gives its year.

    Example:
        >>> len(trilateral_date_and_year_source())
        2
    """
    row = _event(TRILATERAL)
    return [row["date_earliest"].date().isoformat(), row["year_source_id"]]


def islamabad_status_in_article() -> str:
    """What the article says of the Islamabad meeting: its ``status``.

    Example:
        >>> islamabad_status_in_article() in {"planned", "held", "postponed"}
        True
    """
    return str(_event(ISLAMABAD_PLAN)["status"])


def planned_in_article() -> list[str]:
    """The ``event_id`` of every event the article reports as planned only.

    Example:
        >>> all(e.startswith("ev-") for e in planned_in_article())
        True
    """
    events = article_only(load_dataset()).events
    return sorted(events.loc[events["status"] == "planned", "event_id"])


def days_trilateral_to_meeting() -> int:
    """Days from the Kabul trilateral to the first planned day of the Islamabad meeting.

    Example:
        >>> days_trilateral_to_meeting() > 0
        True
    """
    return (_event(ISLAMABAD_PLAN)["date_earliest"] - _event(TRILATERAL)["date_earliest"]).days


register(
    Exercise(
        "timeline-1",
        derive=trilateral_date_and_year_source,
        hints={
            "c1037379414de0ab5f8e0b9d2bcc15e5f119a47c1fb02fa6182c5285f565251d": (
                "The article writes the day and month but no year. Which source does the data "
                "name in year_source_id?"
            ),
            "ea7cb0661689bee84881f7b9dc40e593ceddc215c4839d0aaaaed9d6f5065810": (
                "That source gives the year of another event. Look at the trilateral's own row."
            ),
            "d895db038b96b5e6204ad02f74b1c5870d4994666c5d58b4a1ee6cbfe42428d6": (
                "Right source. Give the date in ISO form, YYYY-MM-DD (the date_earliest column)."
            ),
            "0979cc4df1a052d6c3df35b7f4ea617b035da832e80360af1e8dea70ac929491": (
                "Right date. Add the source that gives the year: a list of two items."
            ),
        },
        default_hint=(
            "Answer with a list of two items: the date as YYYY-MM-DD and the source_id in "
            "year_source_id of ev-kabul-trilateral."
        ),
        steps=(
            (
                "The article writes the day and the month; the year comes from another report, "
                "which the data names."
            ),
            (
                "Find the row ev-kabul-trilateral in ds.events: date_earliest holds the date, and "
                "year_source_id the source that gives its year."
            ),
            (
                "Write the date as text in ISO form (.date().isoformat() turns a pandas date into "
                '"YYYY-MM-DD"), and answer with a list: [date, source_id].'
            ),
        ),
        explanation=(
            "The article gives the day and month only; the year comes from another report, "
            "named in year_source_id."
        ),
    )
)

register(
    Exercise(
        "timeline-2",
        accepted={"b9c65487926511151637c57b41e6c02cd4a1dc455f2c7db7e1e34f4d47ef28e1"},
        hints={
            "9c196b5c13b4b316e49c875dbeb08b3ccf67eaadbe8da7a545c9acb83c6bcf28": (
                "Read the article's words in date_text: is there a year in them?"
            ),
            "bf2f3204f670ec51e34438d3bcb9fd3b7fc1790d556e1b56a4f31802c9382370": (
                "The year is not guessed: the data names the report that states it "
                "(year_source_id)."
            ),
            "0c805a0782e9a11609c73b923aed0e9e385871734e30f858bae15db82527fc13": (
                "'Inferred' says where the year comes from, not whether the event happened. "
                "The status column says what the source reports of the event."
            ),
        },
        default_hint="Answer with one letter: a, b, c or d.",
        steps=(
            "year_basis says where a date's year comes from, not whether the event took place.",
            "Look at the article's own words for the date (date_text): is there a year in them?",
            (
                "If not, the year has to come from somewhere, and the column year_source_id names "
                "it. Which option says so?"
            ),
        ),
        explanation=(
            "An inferred year is borrowed from another report, so it is only as good as that "
            "report; the article itself never states it."
        ),
    )
)

register(
    Exercise(
        "timeline-3",
        derive=islamabad_status_in_article,
        hints={
            "c78b9da13febcd8d2fca95db610f5946820567510d9615e16a4219d846b32911": (
                "The article reports a plan: a meeting announced for dates after the article was "
                "written. A reported plan is not an event that happened."
            ),
            "3e4e419d378456e410a5bf2a1f07109b1201d586b910f879680f338b89ca35a9": (
                "Other reports may say so, but this asks for the article's account. Look at the "
                "status of ev-meeting-announced with the article only."
            ),
        },
        default_hint="Answer with one word from the status column: planned, held or postponed.",
        steps=(
            "Use the article's account only: article.events, not every report in ds.events.",
            (
                "The status records what the source says of an event when it was written. Was the "
                "article written before or after the meeting's dates?"
            ),
            (
                "Read the status of the row ev-meeting-announced in article.events, or in the "
                "table above."
            ),
        ),
        explanation=(
            "In the article's account the meeting is planned: the article tells us what was "
            "announced, not what took place."
        ),
    )
)

register(
    Exercise(
        "timeline-4",
        derive=planned_in_article,
        hints={
            "b26f98a2364ff694f18e59cde0ba715c85f75fea6190a922f7da46a5bd1847fa": (
                "A postponed event was planned and then put off: its status is 'postponed', "
                "not 'planned'. Keep only the rows whose status is 'planned'."
            ),
            "c91c4e87a396e356b37cfd0903dd3c48c2851b82475126be8de2fc8d454f0dda": (
                'Give a list of event_id values, even for one event: ["..."].'
            ),
        },
        default_hint=(
            "Use the article only, keep the rows whose status is 'planned', and answer with "
            "the list of their event_id values."
        ),
        steps=(
            "Use the article only (article.events) and its status column.",
            (
                "Keep the rows whose status is 'planned': an event that was put off has a status "
                "of its own."
            ),
            (
                "Answer with the list of their event_id values (sorted() of a column gives a "
                "list), even for a single event."
            ),
        ),
        explanation="These are plans the article reports; it does not say they took place.",
    )
)

register(
    Exercise(
        "timeline-5",
        derive=days_trilateral_to_meeting,
        hints={
            "62e0a988da7cf7210af44af5aac13eb0f4e41f291c56beffe53691a09a78100d": (
                "That counts to the meeting's second day. Use the first day (date_earliest)."
            ),
            "d988c685dc37645048063a6f5ff2356b97091d5482bfabb71021c6af32587868": (
                "That counts only the days in between. Subtract the dates: later minus earlier."
            ),
            "a43f2fdacfefbe9669f2aa7db0192c56a80040e7bbca2bd6e0b7a90706e54865": (
                "That is the gap to a later date that other reports give. The question asks "
                "about the article's planned date."
            ),
        },
        default_hint=(
            "Subtract the trilateral's date_earliest from the planned meeting's date_earliest "
            "and count the days."
        ),
        steps=(
            (
                "Use the article's dates: the date_earliest of ev-kabul-trilateral and of "
                "ev-meeting-announced (its first planned day)."
            ),
            (
                "Subtract the earlier date from the later one: pandas gives a time difference (a "
                "Timedelta)."
            ),
            "The Timedelta's .days is the number of days; there is no need to count them by hand.",
        ),
        explanation="Both dates are the article's; their years come from other reports.",
    )
)
