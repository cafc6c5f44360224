"""Exercises of lesson 2, "Background": predictions about the context rows, and careful sentences.

Example:
    >>> from pakafghan.exercises import check
    >>> check("background-1", "maybe").state
    'not yet'
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset

#: The claimant whose view of the credentials exercise 1 asks about.
_CHINA = "china-foreign-ministry"


def china_says_recognition() -> str:
    """Whether China's foreign ministry, as the data records it, says the credentials mean
    official recognition ("yes" or "no").

    Example:
        >>> china_says_recognition() in {"yes", "no"}
        True
    """
    claims = load_dataset().claims
    mine = claims[
        (claims["proposition_id"] == "pr-china-credentials-mean-recognition")
        & (claims["claimant_id"] == _CHINA)
    ]
    return "yes" if set(mine["stance"]) & {"asserts", "confirms"} else "no"


def durand_lengths() -> int:
    """How many different lengths the reports give the Durand Line.

    Example:
        >>> durand_lengths() >= 1
        True
    """
    claims = load_dataset().claims
    lengths = claims.loc[claims["proposition_id"] == "pr-durand-line-length", "value"]
    return int(lengths.dropna().nunique())


register(
    Exercise(
        "background-1",
        derive=china_says_recognition,
        hints={
            "ec1447d6e46daf769874c9a59f5e7dab8c69e9e0b7dc8feeb9adfb6e70dd8cda": (
                "Receiving an ambassador is an act; what it means is a claim. Run the next cell "
                "and read the stance China's foreign ministry takes."
            ),
        },
        default_hint='Answer "yes" or "no", in quotation marks.',
        steps=(
            "An act (accepting a letter of credentials) and what the act means are two different "
            "things: the second is a claim someone makes.",
            "Who would know best what China means by the act? Look for China's own foreign "
            "ministry among the claimants in the next table.",
            "After running the next cell, read the stance in the says column: asserts, denies "
            "or confirms?",
        ),
        explanation=(
            "China's foreign ministry says the act is not official recognition. What a state "
            "does and what it says its act means are recorded apart."
        ),
    )
)

register(
    Exercise(
        "background-2",
        derive=durand_lengths,
        hints={
            "16d894d592e3735e781d88f7d96c0ca72e835aa334399bf379d1d782bcf9a87e": (
                "A border is measured by someone, with some method, at some time. Run the next "
                "cell and compare the numbers the reports give."
            ),
            "7acd5076d5c2a5baf10a89cad7bf91cbb3462017ccd696563ad65ae3cafe0840": (
                "Some reports round, and some copy an older text. Run the next cell: do any two "
                "give the same figure?"
            ),
        },
        default_hint="Count the different figures in the says column of the next table.",
        steps=(
            "A border is measured by someone, with some method, at some time; sources copy "
            "their figure from somewhere, and often round it.",
            "After running the next cell, write down each figure in the says column once: "
            "'about 2,600 km' and '2,600 km' count as one.",
        ),
        explanation=(
            "The reports give different lengths: even a measurement is a claim by a source, "
            "and sources round, copy and measure differently."
        ),
    )
)

register(
    Exercise(
        "background-3",
        written=True,
        steps=(
            "Start from what no one disputes in the rows above: an agreement was signed in "
            "1893, by named people.",
            "Where the rows disagree (is it the border?), say who says what rather than "
            "deciding: 'reference works describe it as …; Taliban officials have said …'.",
            "Read your sentence as a reader from Islamabad, then as one from Kabul: does any "
            "word take a side?",
        ),
        explanation="Your sentence is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "background-4",
        accepted={"7e49b8ba179a24e4bbf4030371276d256bb572522312306391cbcb016ff18c8e"},
        hints={
            "fa9a4d8e7c2fd128e969ae9a10f9f30fde416a09e7945f3a2d10e65d44a5a6b6": (
                "Who says the TTP operates from Afghanistan, and who denies it? Look at "
                "the table of stances on the TTP's presence."
            ),
            "e4ad5cf9440167d0dd20ea37847160681bf66cb18e99b48b27108578452c8cf3": (
                "Pakistani officials assert it and India denies it: that is a disputed claim, "
                "which we can only report as somebody's."
            ),
        },
        default_hint='Give the letter of one sentence: "a", "b" or "c".',
        steps=(
            "A sentence in our own voice must be something every side's sources agree on, or a "
            "record anyone can check.",
            "For each sentence, ask: is there a row in which someone denies it?",
            "An act by a named body on a known date, recorded in its own document, can be "
            "checked by anyone; an accusation cannot.",
        ),
        explanation=(
            "A listing is a recorded act of a named body on a known date; whether a group "
            "operates from a country, or who backs it, is disputed, so it stays a claim."
        ),
    )
)

register(
    Exercise(
        "background-5",
        written=True,
        steps=(
            "Name what makes your chosen sentence checkable: who did what, when, and where it "
            "is recorded.",
            "Then say why each of the other two is a claim: who asserts it, and who denies it.",
        ),
        explanation="Your justification is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "background-6",
        accepted={"afa2f929006aa1e5700195206b24805331400ed0a565946d39e8bfce1881cf0a"},
        hints={
            "c92a368e1ba847afa291bd9574f80841a05f2daeb3206066ab5635fd3ea503d5": (
                "Look at the periods in brackets after each number: do they cover the same "
                "months? Could one agency's count include another's?"
            ),
        },
        default_hint='Answer "yes" or "no", in quotation marks.',
        steps=(
            "Before adding numbers, ask what each one counts: which people, over which months, "
            "counted by whom.",
            "Look at the brackets after each number in the says column: the periods differ, "
            "and some overlap.",
        ),
        explanation=(
            "Each agency counts its own period (some overlap, some are for a single month), so "
            "a sum would count some people twice and leave others out."
        ),
    )
)
