"""Lesson 5, the classroom project: the report the class codes, and the lesson's exercises.

The report is PTI's (source ``S10``), published on 29 September 2025, the day the Islamabad
meeting began: it can report the first day as held and the second only as planned. Its text is
not shipped with the data, so the lesson shows a short paraphrase in neutral words, with the
source's details from ``sources.csv``.

Example:
    >>> from pakafghan.exercises import check
    >>> check("project-2", "happened").correct
    False
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register
from pakafghan.html import field_table, html_text
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import select

#: The source the class codes.
REPORT_SOURCE = "S10"

#: What the report says on 29 September, paraphrased in the project's neutral words.
REPORT_PARAPHRASE = (
    "A dialogue of Afghan political leaders and women activists, programmed for two days, "
    "29 and 30 September 2025, began in Islamabad on 29 September, behind closed doors. On this "
    "first day the Afghan participants met on their own; the second day was to be a joint "
    "Pakistan–Afghanistan session."
)

#: The event the article announced, which the class links its new event to.
ANNOUNCED_EVENT = "ev-meeting-announced"


def report_html(ds: Dataset) -> str:
    """The report to code: its source's details (from the data) and the paraphrase, escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> html = report_html(load_dataset())
        >>> "Press Trust of India" in html and "closed doors" in html
        True
    """
    source = ds.sources.set_index("source_id").loc[REPORT_SOURCE]
    details = [
        ("Source", REPORT_SOURCE),
        ("Publisher", source["publisher"]),
        ("Headline", source["title"]),
        ("Published", source["published_text"]),
        ("Address", source["url"]),
        ("Reliability", f"{source['reliability']}: {source['reliability_note']}"),
    ]
    rows = field_table(((k, html_text(v)) for k, v in details), header_style="text-align:left")
    return (
        '<div style="border-left:4px solid #56B4E9;padding:4px 12px">'
        f"<p><strong>What the report says</strong> (our paraphrase; the report's own text is "
        f"not shipped with the data):</p><blockquote>{html_text(REPORT_PARAPHRASE)}</blockquote>"
        f"{rows}</div>"
    )


def days_until_held() -> int:
    """Days from the start date the article announced to the first day the project codes
    from the report.

    Example:
        >>> days_until_held() > 0
        True
    """
    ds = load_dataset()
    announced = ds.events.set_index("event_id").loc[ANNOUNCED_EVENT, "date_earliest"]
    held = select(ds, sources=[REPORT_SOURCE]).events["date_earliest"].min()
    return int((held - announced).days)


def project_event_count() -> int:
    """How many events the project's own coding of the report holds.

    Example:
        >>> project_event_count() >= 1
        True
    """
    return len(select(load_dataset(), sources=[REPORT_SOURCE]).events)


register(
    Exercise(
        "project-1",
        accepted={"da3f42c3da14ef89c8acb926cbdb8e3a0c70b63ecdf8bde981846e3dfec7f62e"},
        hints={
            "23d7c326fdfe1b8a890e0ec85d1a063782370a271dfa3b37c91e6f9fc46bf92b": (
                "That is one of them. The report lists every problem: read each row."
            ),
            "e3cd25dbc6c88d5d72df79012c385e95546fcb636040f946bc44371d95f56dc5": (
                "That is one of them. The report lists every problem: read each row."
            ),
            "dbcd4201143310474a253e4e5b5212f12223535691cea8e2b5c5603215cf0a0b": (
                "Look again at the field column: which of the two dates is impossible?"
            ),
            "88a0ec14c63fd313e831b74d8c851ef3c4afbd6c8619e9cbe61649ddd7573d6b": (
                "Only one date is wrong. What else does the report flag?"
            ),
        },
        default_hint="Give a list of two field names, as the report's field column shows them.",
        steps=(
            (
                "Read the validator's report above: each row names a file, a line, a record, a "
                "field and what is wrong."
            ),
            "The field column says which field of your row each problem is about; read every row.",
            (
                "Answer with a list of the field names exactly as the report writes them, e.g. "
                '["title", "note"].'
            ),
        ),
        explanation=(
            "One date does not exist and one value is not among those the codebook allows. "
            "The validator checks every cell, so both turn up at once."
        ),
    )
)

register(
    Exercise(
        "project-2",
        accepted={"56da6ea9f3c8fa2bcbb64280e8a1fd244702d72935c23c02f7b72576e1595a5c"},
        hints={
            "d9eddc4031ae4c4125896914a80c6eb93fdb30fd04041e4c37fa16dac5d1e780": (
                "That is the word the validator refused. Its message lists the allowed ones."
            ),
            "f27dbcdc139541e239e7717a9695209bb7a5da8c08eb97fdb9a8e84389044700": (
                "That is the article's event: a plan (and this report's second day, still to "
                "come). The report says the first day took place."
            ),
        },
        default_hint="Pick one of the values the validator's message lists.",
        steps=(
            "The validator's message for that field lists the values it allows.",
            (
                'The codebook says what each allowed value means: value_labels("events", "status") '
                "from pakafghan.vocabulary, or data/README.md."
            ),
            (
                "Pick the value for an event that took place, as the report says the first day "
                "did: not one for an event that is only intended, or put off."
            ),
        ),
        explanation="The codebook's word for something that took place.",
    )
)

register(
    Exercise(
        "project-3",
        accepted={"77f3c7c07851d8dfb20160cecccc51ca59bef3ebc4303ef439c2d5484fd32bef"},
        hints={
            "48ac34887da11392a80794afd38b6389f371de46cd5f9cdb53e1f6b886b0d65c": (
                "thread groups every row of one strand of the story. Which field names one "
                "particular other event?"
            ),
            "b199cc0c83764c0918886b8ddd57235b6634a5a4b10ae8c6821b98ba34406c50": (
                "event_id is the row's own key. Which field points at another event?"
            ),
            "42299f56546b3da0fde39125bd412f7bdbf527bc1e9425ef675210adb64bcfa5": (
                "source_id says who reports the row. Which field points at another event?"
            ),
        },
        default_hint="Look at the codebook's fields of events (data/README.md).",
        steps=(
            (
                "A field that points at another row holds that row's id: look for an events field "
                "whose value is another event's event_id."
            ),
            (
                "Read your row, the dictionary event above: which of its fields holds the id of "
                "the meeting the article announced?"
            ),
            (
                "Not thread (a whole strand of the story) and not event_id (the row's own key); "
                "the codebook (data/README.md) describes every field of events."
            ),
        ),
        explanation=(
            "That field links a row to the event it changes or follows; "
            "the validator checks that the event exists."
        ),
    )
)

register(
    Exercise(
        "project-4",
        derive=days_until_held,
        hints={
            "128fc87143d0c571e7f16c4593b85ed3e30cd62f23f94faa5863d3eafed840dc": (
                "August has 31 days."
            ),
            "2cbf0673e556de288c8c7c539179ae50588e3ef501d8f8ce26cf729cad4e65d6": (
                "That reaches the second day. Compare the two date_earliest values."
            ),
            "6efe6f74175064f6dd89e9051e75cd86887c3a47c0dbf77a7c81d27849e01c23": (
                "One short: count from 25 August to 29 September."
            ),
        },
        default_hint=(
            "Subtract the announced event's date_earliest from your event's date_earliest "
            "(pandas gives a Timedelta; .days is the number)."
        ),
        steps=(
            (
                'Use your copy\'s events (events = copy.events.set_index("event_id")): your event '
                "ev-class-meeting-day1 and the article's ev-meeting-announced."
            ),
            (
                "Subtract the announced event's date_earliest from your event's date_earliest: "
                "later minus earlier."
            ),
            "The result is a Timedelta; its .days is the number of days.",
        ),
        explanation="Over a month later than the article announced.",
    )
)

register(
    Exercise(
        "project-5",
        derive=project_event_count,
        hints={
            "10dd6ed2c4afe670597e84f97e76f90b9043a338fd8e88596721c2bfe9aa3197": (
                "That counts one day. The comparison shows how many you coded and how many the "
                "project did: count the project's rows whose table is “event”."
            ),
        },
        default_hint="Count the rows of the comparison with table “event” and coded_by “project”.",
        steps=(
            (
                'Look at the comparison above (compare_coding(folder, "S10")): it lists your rows '
                "and the project's, side by side."
            ),
            "Keep the project's rows (coded_by “project”) whose table is “event”, and count them.",
            (
                'Or in code: select(ds, sources=["S10"]).events holds the project\'s events from '
                "that report, and len() counts them."
            ),
        ),
        explanation=(
            "Like you, the project codes the first day as held and the second as planned, as "
            "PTI could know them on 29 September; its row for the meeting as held over both days "
            "comes from a later report (S11, 1 October)."
        ),
    )
)
