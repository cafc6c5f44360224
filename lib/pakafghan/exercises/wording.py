"""Exercises of lesson 8, checking the claims: wording, careful sentences, the project's notes.

The source that gives Khalilzad's own words comes from the data when checked (``derive``); the
check of two of the project's notes against the article's text stores its answer as a digest.
The careful sentence about an unconfirmed claim, the check of a report against the project's
note, and the lesson's closing sentence are written (``write``). Hints for common wrong answers
are keyed by digest.

Example:
    >>> from pakafghan.exercises import check
    >>> check("wording-1", "S15")  # doctest: +ELLIPSIS
    ✗ Not yet. ...
"""

from __future__ import annotations

from pakafghan.conflicts import versions
from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset

HOSTING_UNWISE = "pr-hosting-unwise"


def direct_wording_source() -> str | list[str]:
    """The source (or sources) whose claims on the Khalilzad proposition pass on his words
    directly (directness ``direct``), rather than in another outlet's rendering.

    Example:
        >>> isinstance(direct_wording_source(), str | list)
        True
    """
    rows = versions(load_dataset(), HOSTING_UNWISE)
    found = sorted(set(rows.loc[rows["directness"].astype(str) == "direct", "source_id"]))
    return found[0] if len(found) == 1 else found


_RENDERING = (
    "The note of that row calls it a rendering of his words by the outlet: another outlet's "
    "version, not his own. Which row's note says it gives his own words?"
)

register(
    Exercise(
        "wording-1",
        derive=direct_wording_source,
        hints={
            "1e0ba9f647236427ec6995a5177309bb4f6b67d98e1e6f7cf68f6e8ab7ca9d7f": _RENDERING,
            "3918fd003dc7e4a2f7eca7c61b2c1be5d26eac32cd1d489487f6ea24adf4154b": _RENDERING,
            "ca2c9274f4d3571c2d2630087bdb86bee7b600f75827aec90ccb364459757222": _RENDERING,
            "f3dfc894198ca8904b7a2e90d6aa17cd656f434538b50d1eff47a2274b10ccb9": (
                "That wording is found only in unnamed copies of the article, and the article "
                "itself does not use it (read its note): the weakest row of all."
            ),
            "e75c9f4353c9663e99474a593b76164461f0b089e451a83b03c5dfde856f7b19": (
                "The article only says that he criticised the event, in its own words: it "
                "quotes none of his."
            ),
            "7171bcbb3affa708cef6556f8c1e15082c0f6325c91a67060c32e1f4975b6982": (
                "A note says that report gives his words too, but no row of the data is coded "
                "from it: give the source of a row in the table."
            ),
            "a55341718e874e891f58446310843f5d4ada329919cb7068bca578eba421886a": (
                "A note says that report gives his words too, but no row of the data is coded "
                "from it: give the source of a row in the table."
            ),
        },
        default_hint="Answer with the source_id of a row in the table, in quotation marks.",
        steps=(
            (
                "Read the note column: some rows are an outlet's rendering, or a wording found "
                "in copies; one says it gives his own words."
            ),
            "His own words would be those of his post, as a report quotes them word for word.",
        ),
        explanation=(
            "Ariana News quotes his post word for word (directness 'direct'); the other rows are "
            "other outlets' renderings, and one wording is found only in copies of the article. "
            "Quote the direct words, and say where they come from: 'Khalilzad wrote on X, as "
            "Ariana News quoted him, …'."
        ),
    )
)

register(
    Exercise(
        "wording-2",
        written=True,
        steps=(
            "Name who makes the claim: a source, not 'reports' or 'websites'.",
            "Say whether anything else confirms it: copies of the same text do not.",
            (
                "Give what the other reports say, without deciding for the reader whether the "
                "claim is true or false."
            ),
        ),
        explanation="Your sentence is saved; the model sentence is in the next cell.",
    )
)

register(
    Exercise(
        "wording-3",
        accepted={"22e92c37cfa0be0bae5daa3e43bf159c5e6536e5220f4ee61d9ad3b0e26e2d35"},
        hints={
            "44db948b13c8dd0a568447ed8a1c3e166e7051b8528a1fdeea59a7504756b732": (
                "Did a search for 'postpone' find something? Read the sentence around it: whose "
                "postponement is it, the meeting's or something else's?"
            ),
            "c5826d32bd991ee05e02fd52e7bbc3e9581261a881addd1b1f653d5874ab228d": (
                "Search the article for the words of the first note, 'childish': does the "
                "article use them, or only say that he criticised the event?"
            ),
            "ad85535764f8e0d2cc830359bfee8ddb5f014b0803df010071fb90cbdfb62e28": (
                "Search the text again: both notes say what the article does NOT contain. "
                "Finding nothing is what bears a note out."
            ),
        },
        default_hint="Answer with one letter: a, b, c or d.",
        steps=(
            "Both notes say what the article does not contain: search its text for each.",
            (
                "A search finds words, not meanings: read the sentence around each hit, and ask "
                "what it is about."
            ),
            (
                "The article may mention another postponement: is it of the meeting in "
                "Islamabad, or of something else?"
            ),
        ),
        explanation=(
            "The article never uses those words (it says only that Khalilzad 'criticized' "
            "Pakistan's support), and the postponement it mentions is of the Taliban foreign "
            "minister's visit, not of the meeting. On what we can check, the notes say what the "
            "text says; a search word can mislead until you read its sentence."
        ),
    )
)

register(
    Exercise(
        "wording-4",
        written=True,
        steps=(
            "Write down the note's claim first, in a few words, before you read the report.",
            (
                "Look in the report for the words of the row's quote, or for what the note says: "
                "the same facts, the same dates, the same speaker?"
            ),
            (
                "Say what you found (yes, partly, no, or could not open it) and what that tells "
                "you about relying on the project's notes."
            ),
        ),
        explanation="Your answer is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "wording-5",
        written=True,
        steps=(
            "Pick one claim of the article and find its versions with versions(ds, ...).",
            (
                "Say who makes the claim, who else does (independent sources only), who says "
                "otherwise, and when each was published."
            ),
            "Read your sentences as a reader from each side: does any word take a side?",
        ),
        explanation="Your sentences are saved; your teacher's guide has a rubric.",
    )
)
