"""Exercises of lesson 4, regional security concerns: who asserts, denies and confirms what, and
whose figure a number is.

The checked answers are derived from the data when checked (so they follow the data), and are
actor ids or codebook words; hints for common wrong answers are stored as digests. One exercise
is written: the learner's text is kept for the teacher (``write``), not checked.

Example:
    >>> from pakafghan.exercises import check
    >>> check("security-2", "direct")
    ✗ Not yet. 'Direct' would mean the claimant's own words in quotation marks. Does the article quote any UN report?
"""  # noqa: E501

from __future__ import annotations

from pakafghan.claims import armed_groups, claims_about
from pakafghan.exercises import Exercise, register
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import article_only

#: The article's claims used below (ids are stable).
TTP_PRESENCE = "pr-ttp-in-afghanistan"
TTP_SIZE = "pr-ttp-size"
UN_REPORTS_CLAIM = "cl-020"
ENVOY = "asim-iftikhar-ahmad"


def _article() -> Dataset:
    return article_only(load_dataset())


def _one_or_all(values: list[str]) -> str | list[str]:
    values = sorted(set(values))
    return values[0] if len(values) == 1 else values


def who_denies_ttp_presence() -> str | list[str]:
    """Who, in the article, denies that the TTP is present in Afghanistan (actor ids).

    Example:
        >>> who_denies_ttp_presence() in set(load_dataset().actors["actor_id"])
        True
    """
    claims = _article().claims
    denies = claims[(claims["proposition_id"] == TTP_PRESENCE) & (claims["stance"] == "denies")]
    return _one_or_all(list(denies["claimant_id"]))


def un_reports_directness() -> str:
    """The directness of the article's "UN reports confirm" claim.

    Example:
        >>> un_reports_directness() in {"direct", "paraphrase", "reported", "unattributed"}
        True
    """
    claims = load_dataset().claims.set_index("claim_id")
    return str(claims.loc[UN_REPORTS_CLAIM, "directness"])


def whose_ttp_figure() -> str | list[str]:
    """Whose estimate the article's number of TTP fighters is: the claimant of its claim with a
    value on the TTP's size.

    Example:
        >>> whose_ttp_figure() in set(load_dataset().actors["actor_id"])
        True
    """
    claims = _article().claims
    sized = claims[(claims["proposition_id"] == TTP_SIZE) & claims["value"].notna()]
    return _one_or_all(list(sized["claimant_id"]))


def envoy_groups() -> list[str]:
    """The armed groups (actor ids) that the article's claims by Pakistan's UN envoy are about.

    Example:
        >>> len(envoy_groups()) > 1
        True
    """
    ds = _article()
    said = set(ds.claims.loc[ds.claims["claimant_id"] == ENVOY, "claim_id"])
    return sorted(
        aid for _, aid in armed_groups(ds) if said & set(claims_about(ds, aid)["claim_id"])
    )


register(
    Exercise(
        "security-1",
        derive=who_denies_ttp_presence,
        hints={
            "e6bb03780f25015be6019be04221e2794216d4cf2036da53894a131e1cae3a06": (
                "Pakistan asserts it (sentence 11 and the envoy's words). Who says the opposite?"
            ),
            "e494260e5a5fe222325b2312d50de1b286faa8c6b44ef46a13a45b417dbc1c77": (
                "The UN reports confirm it, in the second half of sentence 12. Who says the "
                "opposite in the first half?"
            ),
            "7e84704ca4257bdcee82d89684b6b15cc45908d549de9996f4efdcca38840c9f": (
                "The TTP is what the claim is about (the proposition's subject), not who makes it."
            ),
            "6f00dbdc20d36567db9b4d0171fed28f1e4c74ede6673f83e4bb87b29b882d46": (
                "Close. The data keeps the state apart from the movement that governs it as a "
                "de facto authority: which of the two does sentence 12 name?"
            ),
        },
        default_hint=(
            "Give the claimant of the denial as an actor id (lower case, with hyphens, like "
            "'pakistan'): ds.actors lists them."
        ),
        steps=(
            (
                "Sentence 12 has two halves joined by 'however': one denies, one confirms. Read "
                "the first half."
            ),
            (
                "The data keeps a state apart from the movement that governs it as a de facto "
                "authority: which of the two does the sentence name?"
            ),
            "Give that actor as ds.actors has it (its actor_id), not as a name.",
        ),
        explanation=(
            "Claim cl-019: the article reports the denial in paraphrase, in the same sentence as "
            "the UN reports that confirm the TTP's presence. Asserted, denied and confirmed: a "
            "disputed proposition."
        ),
    )
)

register(
    Exercise(
        "security-2",
        derive=un_reports_directness,
        hints={
            "17f2fad6fe6c2fe3c68aa29d5b80332ea19a3bdac357cf3c014443f837ec4845": (
                "'Direct' would mean the claimant's own words in quotation marks. Does the "
                "article quote any UN report?"
            ),
            "7460dd597a6cae73d8ab35904138abefea99ee605ee24ab0e11c8f8ec98a52fe": (
                "A paraphrase restates what a named speaker said. The article does not even say "
                "which UN reports it means."
            ),
            "65dbe58f4ce4c718fc686f55847e9231192fbe70b3a5b9509faf8c67792cea7c": (
                "Someone is named: 'UN reports'. 'Unattributed' is for claims whose author is not "
                "named at all, like 'interpreted by some'."
            ),
            "26de47ec897995d615deeac8f207744216340ae4a4a94cf2c26d78b645d416df": (
                "That is the stance. The question asks for the directness: how the article "
                "passes the claimant's words on."
            ),
        },
        default_hint="Directness is one of: direct, paraphrase, reported, unattributed.",
        steps=(
            (
                "Ask what the article tells you of those UN reports: does it quote them, name "
                "them, or say which reports it means?"
            ),
            (
                "Compare with the table of directness values above: which one fits a finding "
                "passed on without its author's words or any detail of the report?"
            ),
            (
                "After you decide, the table below the exercises shows the row cl-020 with its "
                "directness: check your reasoning there."
            ),
        ),
        explanation=(
            "The article relays the UN's finding second-hand, without naming or quoting the "
            "reports: directness 'reported'. To weigh it you need the reports themselves, or "
            "other sources that name them."
        ),
    )
)

register(
    Exercise(
        "security-3",
        derive=whose_ttp_figure,
        hints={
            "cf723376b9fb1bcff4c23b707a45cfff7a64f659af8a7fcbdce87dc72296c34b": (
                "The sentence says how Pakistan views the TTP, but not that the number is "
                "Pakistan's. Does it name anyone as the source of the number?"
            ),
            "38224c7aebd98ddfdd1a4924b02988ca60c62b44641faacc9dac73f2928ae0a0": (
                "The article cites UN reports in the next sentence, for the TTP's presence, not "
                "for the number."
            ),
            "c34a008b97f0eb2352b4346399cbebcfd6f7ba4bd97b69f7f90f0f0a0e36cfce": (
                "Other reports do quote the envoy with a similar figure, but the article does "
                "not say that the envoy gave this number."
            ),
            "9739b19bfcfb727b5108f95dba2148525d12425a3d7db876318b522b5e26b3c7": (
                "The TTP is what is counted, not who counts."
            ),
            "1db83e3975bc049dfc2db1bccca7999ec0ab2c529630588431fc8130c1a3ad86": (
                "Close: 'article' is the source's id. The claimant is an actor: find the "
                "actor_id that ds.actors gives the one who wrote the article."
            ),
            "9b58d7ee62531b5b286d4cfc66ad62f412e1ed75720102a2bad29bd30e13c490": (
                "Close: give it as an actor id. ds.actors has an actor for the one who wrote the "
                "article."
            ),
        },
        default_hint=(
            "Give an actor id (as ds.actors has it): the one the data names as the claimant of "
            "the article's number of TTP fighters."
        ),
        steps=(
            (
                "A sentence that says how someone views a group does not make a number theirs: "
                "does sentence 11 say who counted the fighters?"
            ),
            (
                "When a source names nobody for a statement, the data records it in the "
                "source's own voice (directness unattributed): whose voice is that here?"
            ),
            "Give that claimant's actor_id as ds.actors has it, not a name.",
        ),
        explanation=(
            "The article gives the figure in its own voice and does not say whose estimate it "
            "is (directness 'unattributed'), so the data records it as the article's own claim. "
            "The table below shows who else gives a figure, and from which reports."
        ),
    )
)

register(
    Exercise(
        "security-4",
        written=True,
        steps=(
            (
                "Start with who gives the figure. If the article does not say, your sentence "
                "can say so, or name a source that does give it."
            ),
            (
                "Say what kind of figure it is and when it was given: an estimate, a range or a "
                "count, and from which year or report?"
            ),
            (
                "Where the reports differ, give each figure with its source rather than "
                "choosing one: a reader can then weigh them."
            ),
        ),
        explanation=(
            "A careful sentence names who gives the figure, says what kind of figure it is and "
            "when it was given, and gives the other figures without deciding between them."
        ),
    )
)

register(
    Exercise(
        "security-5",
        derive=envoy_groups,
        hints={
            "2d659aa9e3a4504d97ee4e1c3934af78962cf0e96249aa75e241bd2d8db83e86": (
                "Those are the groups he said must be addressed. In the sentence before, he "
                "pointed to the presence of another group."
            ),
            "cfcc51c65f68cc9ffd64be023d78fca938591e17afbef21efa46fc84debcf3f0": (
                "That is one. The next sentence of the article names more."
            ),
            "56d7782d31e90aaee706abce0cec4a1a6db3d2d8cc3f68a7c99bc1264b556501": (
                "The TTP is one of them. Read all the envoy's claims (claimant "
                "'asim-iftikhar-ahmad') again."
            ),
            "a3579db8f78a542b7663a46662068f90de769dd18b009bcb4444998572873622": (
                "The Taliban is the de facto authority in Kabul, not one of the armed groups the "
                "envoy's claims are about."
            ),
            "3ef4ed2457f879fd9ff9e6d7d921e1ba47b8d70e6f9478bbe88d4d9d920504b1": (
                "The right groups: now write each as its actor id (see ds.actors)."
            ),
        },
        default_hint=(
            "Give a list of actor ids, e.g. ['a', 'b']: the armed groups that the claims by "
            "'asim-iftikhar-ahmad' are about."
        ),
        steps=(
            (
                "Sentence 9 points to one group's presence; sentence 10 names groups that must be "
                "addressed. Keep every group from both sentences."
            ),
            (
                "Instability in a country is not a group, and the de facto authority in Kabul is "
                "not one of the armed groups: leave them out."
            ),
            (
                "Write each group as its actor_id from the table of armed groups in section 1 "
                "(lower case, with hyphens), as a list."
            ),
        ),
        explanation=(
            "In the article, the envoy (in paraphrase) points to ISIS-K's presence and to the "
            "need to address the TTP and Baloch insurgents. Other reports may name more groups "
            "from the same speech: check them in the claims browser."
        ),
    )
)
