"""Exercises of lesson 7, checking the sources: timing, independence and whose outlet.

Two answers come from the data when checked (``derive``): how many independent sources report
the NRF's refusal, and which of a list of outlets are owned or run by a state. The choice of
the best-supported dates stores its answer as a digest, and its justification is written
(``write``), as is the note on whose outlet a report comes from. Hints for common wrong answers
are keyed by digest.

Example:
    >>> from pakafghan.exercises import check
    >>> check("checking-3", 4)  # doctest: +ELLIPSIS
    ✗ Not yet. ...
"""

from __future__ import annotations

from pakafghan.conflicts import versions
from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset
from pakafghan.views import POSITIVE

NRF_DECLINED = "pr-nrf-declined"
#: The outlets exercise checking-4 asks about (their source ids), in the lesson's order.
OUTLETS = ("S58", "S43", "S47", "S23", "S4", "S3")
#: Ownership types that mean a state owns, runs or funds the outlet.
STATE = ("state_owned", "public_broadcaster")


def independent_nrf_reports() -> int:
    """How many independent sources report that the NRF declined (a copy counts as its
    original).

    Example:
        >>> independent_nrf_reports() >= 1
        True
    """
    rows = versions(load_dataset(), NRF_DECLINED)
    return int(rows.loc[rows["stance"].astype(str).isin(POSITIVE), "original"].nunique())


def state_outlets(source_ids: tuple[str, ...] = OUTLETS) -> list[str]:
    """Which of ``source_ids`` carry the words of an outlet a state owns, runs or funds
    (``ownership`` state-owned or public broadcaster, from the outlet profiles).

    Example:
        >>> state_outlets(("S10",))
        []
    """
    sources = load_dataset().sources
    rows = sources[sources["source_id"].isin(source_ids)]
    return sorted(rows.loc[rows["ownership"].astype(str).isin(STATE), "source_id"])


register(
    Exercise(
        "checking-1",
        accepted={"54ad04cf118e5a709e4661955d693b6d538062bf050e6c8bf6e195339150152a"},
        hints={
            "d4edc4cc5ab14b2d414b259e5a319d42865423b53889ec9cf7ac7668d7888080": (
                "More reports is not better support when all of them were written before those "
                "days: they report a plan. Look at the publication chart: what do the reports "
                "written after 26 August say?"
            ),
            "24c2268652ee328d510615ed117dac78ed8eec3469fdfe9c58a8e27f0959db21": (
                "It fits the postponement, but that report is dated only to August: it gives a "
                "plan, alone with that date (confidence 'contested'). Does any report tell a "
                "meeting as held?"
            ),
            "04ee868db84609e8a15e470147bd5a70931ce628b2ad31755013518fac6908d0": (
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
                "For each version, ask when its report was published, against the dates it "
                "gives: could it know whether the meeting took place?"
            ),
            (
                "Which version rests on a report written as the meeting began, another written "
                "after it, and fits what the other reports say?"
            ),
        ),
        explanation=(
            "PTI reported on 29 September, the first day, that the two-day meeting had begun, "
            "and on 1 October that it was over; this fits the postponement announced on "
            "22 August. The earlier reports described the plan as announced, and could not "
            "know it would change. A well-supported version is still a report: write 'PTI "
            "reported…'."
        ),
    )
)

register(
    Exercise(
        "checking-2",
        written=True,
        steps=(
            "Name the reports your choice rests on, by their source_id or publisher.",
            "Say when each was published against the dates it gives: before them, on them, or "
            "after them.",
            "Say why the other versions weigh less, without calling their reports false.",
        ),
        explanation="Your justification is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "checking-3",
        derive=independent_nrf_reports,
        hints={
            "9b296931ee6889c17127ba7186c787761c6a913b9e275fbf60fb04f1a01de635": (
                "S18 (MobiCrazy) is an aggregator that republishes the article's text: a copy "
                "counts as its original (its copy_of is 'article')."
            ),
            "4243d6c988066b1dc6ff95ecc6a63eea428e5f0871e569735b8662c334dab15f": (
                "Not every row asserts the refusal: S1 and S9 report things that fit it uneasily "
                "(stance 'complicates'). Count only the sources that assert it."
            ),
            "3c5345e82c88853e0c124dae7aa6dbc36495d8f70d032d807f71d66eb7a7e75b": (
                "S1 and S9 do not report the refusal (stance 'complicates'), and a copy is not a "
                "source of its own."
            ),
            "ed6f994c350b81f44a5c3d3cfd317a1fd69932afadba3741c290e21ebb39cd03": (
                "The article itself says it: that is a source, even though no other report "
                "confirms it."
            ),
        },
        default_hint=(
            "Count the sources whose stance on 'pr-nrf-declined' is 'asserts', counting a copy "
            "as the text it copies (the copies table above)."
        ),
        steps=(
            (
                "A copy counts as its original: a site that republishes the article's text is not "
                "an independent source."
            ),
            "In the table nrf above, keep only the rows whose stance is asserts.",
            (
                "For each of those rows, look its source up in the copies table: is it the "
                "article, a copy of the article, or a report of its own?"
            ),
        ),
        explanation=(
            "Only the article says so; S18 repeats the article's text. Repetition on several "
            "sites is not confirmation: the claim rests on a single source, and the data marks "
            "it 'unverified'."
        ),
    )
)

register(
    Exercise(
        "checking-4",
        derive=state_outlets,
        hints={
            "8033fd8a0a6bbf1edb8c47e362f05c6ed05c52978421196c0d95ac2fdabca81d": (
                "CGTN is one. A news agency can belong to a state too: look again at the "
                "agencies in the list, and at whose words each row carries."
            ),
            "4496bde3d5ae33b2ad6c554cf1ea26f2bae549e05b347542d980424ab9dc0e7c": (
                "APP is one. Is it the only one? A broadcaster and another agency in the list "
                "belong to states too."
            ),
            "599947a4dbf32a2a96d512deacd24e7bfad0a6a0a7586532c3126f9462d988e7": (
                "Two of them. Pakistan has a news agency of its own in the list: who runs it?"
            ),
            "94753c728c8797b943eb7e65c727f58b8a8cc00746e1933bddb09edbd285df07": (
                "Two of them. S43 is TRT World carrying a text of Anadolu Agency: whose words "
                "are they, and who owns that agency?"
            ),
            "27e9a7dab7412ec0d1a49f31b2d251c8cebbc5bf391740b63b20645487305828": (
                "Two of them. China's international broadcaster is in the list too."
            ),
            "a8ca5e15765839cd76bf6cf35415172ef63e7128d7ac35c7ada6a2dedb5f2122": (
                "Afghanistan International works from London, outside the country it covers: "
                "exile media, and no page the project found names its owner as a state."
            ),
            "d1ce1f0870853f3bad022765a477881c05afbc6af3ea32f6f8a1e5963b8f987f": (
                "Ariana News works in Kabul, where the Taliban govern, but its profile calls it "
                "privately owned: working under a government is not being owned by it."
            ),
        },
        default_hint=(
            'Give a list of source ids from the six in the question, e.g. ["S99", "S98"]: those '
            "whose outlet a state owns, runs or funds."
        ),
        steps=(
            (
                "Where a site carries another outlet's text (TRT World carrying Anadolu), the "
                "question is about the outlet whose words they are."
            ),
            (
                "A state can own a broadcaster or a news agency as well as a ministry: think of "
                "each country's national agency and international channel."
            ),
            (
                "Working inside a country under its government, or from exile, is not the same "
                "as being owned by a state."
            ),
        ),
        explanation=(
            "According to the outlet profiles, a state owns or runs China's CGTN, Turkey's "
            "Anadolu Agency (carried by TRT World) and Pakistan's APP. That does not make their "
            "reports wrong; it tells you whose view they may be constrained to give, and to look "
            "for another report."
        ),
    )
)

register(
    Exercise(
        "checking-5",
        written=True,
        steps=(
            "Start from what the two profiles say: where each outlet works, and who owns it.",
            (
                "Ask what each outlet might find hard to report, or be tempted to stress, given "
                "where it works: a constraint, not a verdict."
            ),
            (
                "Say what the profile does not tell you: whether this particular report is "
                "accurate. How would you find out?"
            ),
        ),
        explanation="Your answer is saved; your teacher's guide has a rubric.",
    )
)
