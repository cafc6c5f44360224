"""Exercises of lesson 6, checking the story: timing, independence and careful wording.

Two answers come from the data when checked (``derive``): how many independent sources report
the NRF's refusal, and which report says the Foreign Office commented, and when. The two
multiple-choice questions store their answers as digests. Hints for common wrong answers are
keyed by digest.

Example:
    >>> from pakafghan.exercises import check
    >>> check("checking-2", 2)  # doctest: +ELLIPSIS
    ✗ Not yet. S18 (MobiCrazy) is an aggregator...
"""

from __future__ import annotations

from pakafghan.conflicts import versions
from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset
from pakafghan.views import POSITIVE

NRF_DECLINED = "pr-nrf-declined"
FO_SILENT = "pr-fo-silent"


def independent_nrf_reports() -> int:
    """How many independent sources report that the NRF declined (a copy counts as its
    original).

    Example:
        >>> independent_nrf_reports() >= 1
        True
    """
    rows = versions(load_dataset(), NRF_DECLINED)
    return int(rows.loc[rows["stance"].astype(str).isin(POSITIVE), "original"].nunique())


def fo_comment_report_and_day() -> list[str]:
    """The source whose claim disputes the article's "has not commented", and the day of the
    event in which, according to that source, the Foreign Office spoke (ISO date).

    Example:
        >>> source, day = fo_comment_report_and_day()
        >>> source in set(load_dataset().sources["source_id"]), len(day)
        (True, 10)
    """
    ds = load_dataset()
    rows = versions(ds, FO_SILENT)
    source = sorted(rows.loc[rows["stance"].astype(str) == "disputes", "source_id"])[0]
    props = ds.propositions.set_index("proposition_id")
    speaker = props.loc[FO_SILENT, "subject_actor_id"]
    pa = ds.event_actors
    spoke = set(pa.loc[(pa["actor_id"] == speaker) & (pa["source_id"] == source), "event_id"])
    events = ds.events[ds.events["event_id"].isin(spoke) & ds.events["date_earliest"].notna()]
    day = events.sort_values(["date_earliest", "event_id"])["date_earliest"].iloc[0]
    return [source, day.date().isoformat()]


register(
    Exercise(
        "checking-1",
        accepted={"24c2268652ee328d510615ed117dac78ed8eec3469fdfe9c58a8e27f0959db21"},
        hints={
            "d4edc4cc5ab14b2d414b259e5a319d42865423b53889ec9cf7ac7668d7888080": (
                "More reports is not better support when all of them were written before those "
                "days: they report a plan. Look at the publication chart: what do the reports "
                "written after 26 August say?"
            ),
            "04ee868db84609e8a15e470147bd5a70931ce628b2ad31755013518fac6908d0": (
                "An outlet's name does not make its report right. That date comes from one "
                "report, published in August, alone with it (confidence 'contested'), and it "
                "reports a plan, not a meeting held."
            ),
            "54ad04cf118e5a709e4661955d693b6d538062bf050e6c8bf6e195339150152a": (
                "The reports disagree, but they are not equally placed. Compare when each was "
                "written, and whether it reports a plan or a meeting held."
            ),
        },
        default_hint="Answer with one letter: a, b, c or d.",
        steps=(
            (
                "More reports is not better support if all of them describe the plan as it stood "
                "before the meeting's days."
            ),
            (
                "Compare when each report was published (the publication chart) with the dates it "
                "gives, and whether it reports a plan or a meeting held."
            ),
            (
                "An outlet's name is not evidence. Which option rests on reports written as the "
                "meeting began and after it, and fits what the other reports say?"
            ),
        ),
        explanation=(
            "PTI reported on 29 September, the first day, that the two-day meeting had begun, "
            "and on 1 October that it was over; this fits the postponement announced on "
            "22 August and another report of the first day. The earlier reports described the "
            "plan as announced, and could not know it would change. A well-supported version "
            "is still a report: write 'PTI reported…'."
        ),
    )
)

register(
    Exercise(
        "checking-2",
        derive=independent_nrf_reports,
        hints={
            "1221c3f76bac8975cc859014c43fb387a17d5f8632c8c7f9211585b126535b7a": (
                "S18 (MobiCrazy) is an aggregator that republishes the article's text: a copy "
                "counts as its original (its copy_of is 'article')."
            ),
            "a60d10926efd2bdb6f4d604f65d70ba110565bbd551d09804c73acc3df2dd379": (
                "Several sites carry the article's words (the article, its syndicated copies and "
                "S18), but they are one text: one source, however many times it is printed."
            ),
            "44b0347ec0f93d0d8d66498954fa1fb0dbc82691939df6bc13872b9347dd60e4": (
                "The article's copies (copy_of = 'article') are not separate sources, and S1 and "
                "S9 do not report a refusal: their stance is 'complicates'."
            ),
            "b1250e9b4f29f313c1fcb0796465b840378fa7a02f0fad6b76aa0699eae709a0": (
                "S1 and S9 report things that fit it uneasily (stance 'complicates'): they do "
                "not report the refusal. Count only the sources that assert it."
            ),
            "131313617c0de5a7511dcd1c08382fac7dce0a6dec429b141ff784cb12e75148": (
                "The article itself says it: that is one source, even though no other report "
                "confirms it."
            ),
        },
        default_hint=(
            "Count the sources of the claims on 'pr-nrf-declined' whose stance is 'asserts', "
            "counting a copy as its original (the 'original' column of versions())."
        ),
        steps=(
            (
                "A copy counts as its original: a site that republishes the article's text is not "
                "an independent source."
            ),
            (
                "In the versions of pr-nrf-declined (the table nrf above), keep the rows whose "
                "stance is asserts."
            ),
            "Count the different values of the original column of those rows, with .nunique().",
        ),
        explanation=(
            "Only the article says so; S18 repeats the article's text. Repetition on several "
            "sites is not confirmation: the claim rests on one source, and the data marks it "
            "'unverified'."
        ),
    )
)

register(
    Exercise(
        "checking-3",
        accepted={"d5b44e13bf0bc92b2093dd07708b95c63a3303153433604354b531c4393e877c"},
        hints={
            "0d95ea72eab93b3a1dd1ec16fe773cf975306a6acf60f5304e121b330b9acf0e": (
                "That states the claim as a fact, in our own voice. The data marks it "
                "'unverified': who says so, and does anyone else?"
            ),
            "e864aa99538fbafa47a650b63f04250663bb9dddeba0040dae37262cbadef1c9": (
                "'Several websites' sounds like confirmation, but they carry one text: that is "
                "one source."
            ),
            "0e6c09085843c15477a8d41cb8f93b8a4d7f6d4b28671c397dc8541da2f66ebd": (
                "No report says that the NRF accepted either. 'Unverified' means not confirmed, "
                "not proven false."
            ),
        },
        default_hint="Answer with one letter: a, b, c or d.",
        steps=(
            (
                "'Unverified' means that no other report confirms the claim; it does not mean that "
                "the claim is false."
            ),
            (
                "A careful sentence says who makes the claim, and does not state it in our own "
                "voice as a fact."
            ),
            (
                "Several websites carrying the same text are still a single source. Which option "
                "names the source, says it is not confirmed, and gives what the other reports say?"
            ),
        ),
        explanation=(
            "It says who makes the claim, that nobody else confirms it, and what the other "
            "reports say, without deciding for the reader."
        ),
    )
)

register(
    Exercise(
        "checking-4",
        derive=fo_comment_report_and_day,
        hints={
            "5d4485cb03f9e2959e2282d7cbd47f8586c1bbee6128bc45c31dc9dbd96ad010": (
                "The article is the report that says there was no comment. Which claim on "
                "'pr-fo-silent' disputes it?"
            ),
            "ecdd98ffbecb1d612a023295614c5f2d8d7bf096626d7f1109848ed613261612": (
                "That report covers the comments too, but the claim on 'pr-fo-silent' that "
                "disputes the article cites another report: look at its source_id."
            ),
            "e1d67ee7d10c24d02115f864f779502cdcce577c18ba7a53a75402a96e6bde5c": (
                "That report covers the comments too, but the claim on 'pr-fo-silent' that "
                "disputes the article cites another report: look at its source_id."
            ),
            "31be3dbc192be3fd97f7f27f9be6cc05d82a32f5b2d476e9bd72808b4d878660": (
                "Right report. The day of the briefing is in the report's event row "
                "(date_earliest), not the day other reports were published."
            ),
            "0cb1082461a45bbb3fed3bbf01f09cab2d21a09ba4221001e43800973ff08713": (
                "Right report. Add the day of the briefing: a list of two items."
            ),
            "c2e55566ae9410e8fae7bfcb3b7d5759705839e5b29609a069a7c16e99036fe8": (
                "Right day. Add the report's source_id: a list of two items."
            ),
        },
        default_hint=(
            "Find the claim on 'pr-fo-silent' whose stance is 'disputes': give its source_id "
            "and the date_earliest of that source's event in which the Foreign Office speaks, "
            'as ["S99", "YYYY-MM-DD"].'
        ),
        steps=(
            (
                'versions(ds, "pr-fo-silent") lists each source\'s claim on the proposition: keep '
                "the row whose stance is disputes, and read its source_id."
            ),
            (
                "That source also codes the event in which the Foreign Office "
                "(pakistan-foreign-ministry) speaks: find its rows in ds.event_actors with that "
                "source_id."
            ),
            (
                'Look that event up in ds.events and write its date_earliest as "YYYY-MM-DD"; '
                "answer with a list: [source_id, day]."
            ),
        ),
        explanation=(
            "The Foreign Office's spokesman answered questions about the meeting at the weekly "
            "briefing, according to that report. The article, dated around 22-24 August, may "
            "have been written before the briefing: its sentence was overtaken, which is "
            "different from being invented. Check a 'has not commented' against later reports."
        ),
    )
)
