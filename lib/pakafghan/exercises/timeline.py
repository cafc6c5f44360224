"""Exercises of lesson 5, the diplomatic timeline: coding a date, where a year comes from, and
what a report can say of an event when it is published.

Each checked exercise asks the learner to decide before the data that settles it is shown: code
a date from a report's words (its answers stored as digests, since two codings are defensible),
tell which reports must borrow a year, and predict the status a report gives a day that had not
yet come (both derived from the data when checked). Two written exercises ask why, and for a
sentence an editor would accept. Hints for common wrong answers are keyed by digest.

Example:
    >>> from pakafghan.exercises import check
    >>> check("timeline-3", ...)  # doctest: +ELLIPSIS
    ○ Not attempted yet. Replace ... with your answer, then run the cell again...
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset

#: The rows the exercises ask about (ids are stable).
#: Exercise 2: a date as written in four reports, two of them dated, two not.
YEAR_CASES = (
    "ev-meeting-plan-afghan-day",
    "ev-meeting-dates-s16",
    "ev-meeting-dates-s15",
    "ev-meeting-dates-s20",
)
#: Exercise 3: PTI's report of the first day (S10), on the meeting's second day.
SECOND_DAY = "ev-meeting-plan-joint-day-sep"


def borrowed_years() -> list[str]:
    """Which of :data:`YEAR_CASES` take their year from another report (``event_id`` values).

    Example:
        >>> set(borrowed_years()) <= set(YEAR_CASES)
        True
    """
    events = load_dataset().events
    rows = events[events["event_id"].isin(YEAR_CASES)]
    return sorted(rows.loc[rows["year_basis"] == "inferred", "event_id"])


def second_day_status() -> str:
    """The status PTI's report of the first day (S10) gives the meeting's second day.

    Example:
        >>> second_day_status() in set(load_dataset().events["status"].cat.categories)
        True
    """
    events = load_dataset().events
    return str(events.loc[events["event_id"] == SECOND_DAY, "status"].iloc[0])


register(
    Exercise(
        "timeline-1",
        accepted={
            "482236408b01e60e3d6469340a37e35b41b5ba60236ec736ee399509d6544885",
            "2252ba38a2ec04ff21584dd3315ef54b3f75907fb5d51ae3135c8b6c123dcc99",
        },
        hints={
            "953323a04b4cd11b2b0560a195dc774c332f77757f433b648029a30ba577076d": (
                "Your range ends on a Sunday and leaves out the last two days of the month. "
                "Are they not in the last week of September too?"
            ),
            "423dfd6584eb0bfdc08d609a36aa3cd00619bb189c519168c1aa1997d6593aa3": (
                "Your range runs into October, but the report says September: keep only the "
                "days its words allow."
            ),
            "2e465fb171f13262563f0f4a94b80d19a280d9ae13d03534b8964c4f2979b5b4": (
                "Good days. But 'days' is for a range of days the source itself names, like "
                "'25-26 Sep'. Which precision says the source names no day at all?"
            ),
            "d4eca5eef210a5d3353753276ef1d969c6a8e5b6fcdeca1bca3c14a7a01dc2cf": (
                "The report says more than the month: it narrows the date. Keep the range as "
                "narrow as its words, and no narrower."
            ),
            "eb4b2e13d457584dae03d59de812c006bca372ba348f82d50e9d8e901f869ac6": (
                "Count your range, first and last day included: how many days is that?"
            ),
            "949104395f83c7803e1a33b55fa33e21779f8dff5d5a332d41aeff2b3c9307e9": (
                "Count your range, first and last day included: is it a whole week?"
            ),
            "0ee9acc92d09b2a460c20403a244aadad66abcd80fff415dc439e8c00e107ee1": (
                "Good days. Add the third item: the precision, one word from the table."
            ),
        },
        default_hint=(
            'Answer with a list of three items: the first and the last possible day, each as "YYYY-'
            'MM-DD" with the year of the report, and a precision from the table (day, days, week, '
            "month, year or unknown)."
        ),
        steps=(
            (
                "A range keeps every day the words allow and no day they rule out: which is the "
                "first day the report could mean, and which the last?"
            ),
            (
                "Count back from the month's last day: seven days, both ends included. Write both "
                "days as YYYY-MM-DD, with the year the report was published."
            ),
            (
                "For the precision, read the table above: the words name neither a day nor a "
                "range of days, and they say more than the month."
            ),
        ),
        explanation=(
            "The range holds every day the words allow, and the precision says how loose it is. "
            "Compare your days with the project's coding below: a coder who reads the week as "
            "starting on Monday 22 September keeps two more days, which is just as honest."
        ),
    )
)

register(
    Exercise(
        "timeline-2",
        derive=borrowed_years,
        hints={
            "48b0b9e51104529ec27a45478fb671e5992a439ac213edc25fd4e55e59171f24": (
                "Not all of them: a report that carries its own date gives the year of the dates "
                "it writes. Keep only the reports with no date of their own."
            ),
            "5f37fed6b3bcfd5661dfdc75162ae193462f8fdf5a95c52942b0322e70760ec9": (
                "Hum News (S7) carries its own date, 22 Aug 2025, so its '25 Aug' needs no "
                "borrowed year."
            ),
            "d6ee2f140041515de3763d9a6e85020cbd8748613e172f738391479e9ebf65e9": (
                "Pakistan News Network (S16) was published in Aug 2025: the project did not see "
                "the day, but the report's year is known. Must it borrow one?"
            ),
            "25223657cd10190254ae3a6a9aea52200619540f2442399fc925947d8dde6490": (
                "One more report carries no date of its own. Read published_text again."
            ),
            "a380d053c0b2d7bd36618f46860b109c74024a9d428acdf995700fe4972f4daf": (
                "One more report carries no date of its own. Read published_text again."
            ),
            "15e8fae82a3e89343aa92179e5176a71a6c7f790b1a062cdaa337a28109ed316": (
                "None? None of the dates as written has a year. Which reports cannot lend one "
                "from their own date ('n.d.' means no date)?"
            ),
            "9d1f583937091e19a79b3810bdc157ff190c4e3b66f015fab1a46fb82518514b": (
                "The other way round: those two reports carry their own dates. Which must borrow "
                "a year?"
            ),
            "9f5652b1a1f06ffab676117d29cba1327f0bc3b4a65272dd46dd615a06901d47": (
                'Give a list of event_id values, even for one: ["..."]. Is one all?'
            ),
        },
        default_hint=(
            "Answer with a list of event_id values from the table above: the rows whose report "
            "has no date of its own."
        ),
        steps=(
            (
                "None of the dates as written has a year. So the year comes from the report's own "
                "date, or from another report."
            ),
            (
                "Read published_text: a report with a date of its own, even a month only, gives "
                "the year of what it writes; 'n.d.' means the report carries no date."
            ),
            "List the event_id of each row whose report carries no date of its own.",
        ),
        explanation=(
            "An undated report cannot lend its dates a year, so the data borrows one from a dated "
            "report and names it in year_source_id; a dated report gives its own."
        ),
    )
)

register(
    Exercise(
        "timeline-3",
        derive=second_day_status,
        hints={
            "c78b9da13febcd8d2fca95db610f5946820567510d9615e16a4219d846b32911": (
                "PTI's report was published on 29 September. Could it say that something on "
                "30 September took place?"
            ),
            "3e4e419d378456e410a5bf2a1f07109b1201d586b910f879680f338b89ca35a9": (
                "The report describes the second day's session; nothing in the question says it "
                "was put off. What was that day, when the report was written?"
            ),
            "b4ddd09cf8cf145c7397590c3fd373d6a701220e521b02885a40f264dedc9dbb": (
                "The report describes the second day's session; nothing in the question says it "
                "was called off. What was that day, when the report was written?"
            ),
        },
        default_hint=(
            "Answer with one status from the table: planned, held, postponed, cancelled or refused."
        ),
        steps=(
            (
                "Compare two dates: the day PTI's report was published, and the day the "
                "question asks about."
            ),
            (
                "A status records what the source says at the time it was written, not what we "
                "know now from later reports."
            ),
            (
                "Could a report published on the first day tell of the second day as something "
                "that took place?"
            ),
        ),
        explanation=(
            "Published on the first day, PTI could only give the second day's programme: the "
            "data keeps it as PTI's plan, and leaves later reports to say what became of it."
        ),
    )
)

register(
    Exercise(
        "timeline-4",
        written=True,
        steps=(
            (
                "Start from when PTI's report was published, and what had and had not happened "
                "by then."
            ),
            (
                "Say what the report can tell about the second day (its programme, what was "
                "announced) and what it cannot (that the day went ahead)."
            ),
            "Name the source and its date in your sentence, as a careful reporter would.",
        ),
        explanation=(
            "A strong answer says that a report published on 29 September can give the programme "
            "of 30 September but not that it took place, so its account of that day is a plan."
        ),
    )
)

register(
    Exercise(
        "timeline-5",
        written=True,
        steps=(
            (
                "Keep the plans (what was announced, by whom, when) apart from the reports that "
                "the meeting was held."
            ),
            (
                "Give each date with its source, 'according to …', and say when that report was "
                "published if it matters."
            ),
            "Do not make a date more exact than its report: a week stays a week.",
        ),
        explanation=(
            "A strong answer attributes every date, keeps what was planned apart from what was "
            "reported as held, and says which report could know what."
        ),
    )
)
