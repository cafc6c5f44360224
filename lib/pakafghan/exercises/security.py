"""Exercises of lesson 3, regional security concerns: who asserts, denies and confirms what.

Every answer is derived from the data when checked (so it follows the data), and answers are
actor ids or codebook words. Hints for common wrong answers are stored as digests.

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


register(
    Exercise(
        "security-1",
        derive=who_denies_ttp_presence,
        hints={
            "e6bb03780f25015be6019be04221e2794216d4cf2036da53894a131e1cae3a06": (
                "Pakistan asserts it (claim cl-018). Look for the stance 'denies'."
            ),
            "e494260e5a5fe222325b2312d50de1b286faa8c6b44ef46a13a45b417dbc1c77": (
                "The UN reports confirm it (claim cl-020). Who says the opposite?"
            ),
            "7e84704ca4257bdcee82d89684b6b15cc45908d549de9996f4efdcca38840c9f": (
                "The TTP is what the claim is about (the proposition's subject), not who makes it."
            ),
            "6f00dbdc20d36567db9b4d0171fed28f1e4c74ede6673f83e4bb87b29b882d46": (
                "Close. The data keeps the state apart from the movement that governs it as a "
                "de facto authority: which of the two is the claimant?"
            ),
        },
        default_hint=(
            "Keep the claims on 'pr-ttp-in-afghanistan' whose stance is 'denies', and give the "
            "claimant_id (an actor id, like 'pakistan')."
        ),
        steps=(
            (
                "In the table above, three claimants take a stance on the same proposition: one "
                "asserts, another denies, a third confirms."
            ),
            "Keep the row whose stance is denies, and read who its claimant is.",
            (
                "Give the claimant_id as ds.claims has it (an actor id), not the name the table "
                "shows. The data keeps a state apart from the movement that governs it: which is "
                "the claimant?"
            ),
        ),
        explanation=(
            "Claim cl-019: the article reports the Taliban's denial in paraphrase, in the same "
            "sentence as the UN reports that confirm the TTP's presence. Asserted, denied and "
            "confirmed: a disputed proposition."
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
                'The codebook says what each of the four values means: value_labels("claims", '
                '"directness") from pakafghan.vocabulary, or data/README.md.'
            ),
            (
                "Then check your reasoning in the data: the row cl-020 of ds.claims has a "
                "directness column."
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
        derive=envoy_groups,
        hints={
            "6ce246f3896702ac4ea823fb58a70681f0dcbac30e555c3e2d1fe984d41c5469": (
                "Those are the groups he said must be addressed. In the sentence before, he "
                "pointed to the presence of another group."
            ),
            "888cd29873dade908c004811d220f3cedab675972ae5399e0ef06542ecc4ea6e": (
                "That is one. The next sentence of the article names more."
            ),
            "057db8c6b088ee881d8883cd94f9eb60e2bae17603540871d01d208c47fd775c": (
                "The TTP is one of them. Read all the envoy's claims (claimant "
                "'asim-iftikhar-ahmad') again."
            ),
            "86dc018fe70dff9b52faa65eedca067222594858c1e5ee44ad36c1796785367f": (
                "The Taliban is the de facto authority in Kabul, not one of the armed groups the "
                "envoy's claims are about."
            ),
            "7997bedd2860be5d397b7af72c914b9962b29d299aa93ad9cb70d8ecf2734d80": (
                "The right groups: now write each as its actor id (see ds.actors)."
            ),
        },
        default_hint=(
            "Give a list of actor ids, e.g. ['a', 'b']: the armed groups that the claims by "
            "'asim-iftikhar-ahmad' are about."
        ),
        steps=(
            (
                'Use the article only: the claims whose claimant_id is "asim-iftikhar-ahmad" in '
                "article.claims, or the claims browser with Sources: the article only."
            ),
            (
                "A claim is about a group when the group is the subject or the object of its "
                "proposition: claims_about(article, group_id) lists the claims about one group."
            ),
            (
                "Take every armed group (kind armed_group in ds.actors) and keep those that at "
                "least one of the envoy's claims is about; give their actor ids as a list."
            ),
        ),
        explanation=(
            "In the article, the envoy (in paraphrase) points to ISIS-K's presence and to the "
            "need to address the TTP and Baloch insurgents. Other reports may name more groups "
            "from the same speech: check them in the claims browser."
        ),
    )
)

register(
    Exercise(
        "security-4",
        derive=whose_ttp_figure,
        hints={
            "c519d3d11efd819252b3acb74bb76ef266a04da225c254bcb224ce623ce52dd7": (
                "The sentence says how Pakistan views the TTP, but not that the number is "
                "Pakistan's. Who is the claimant of the claim with a value on 'pr-ttp-size'?"
            ),
            "7c5f986bc4a58c59c5ee279d557cc08fa0754095cb36be17f2a23e50a7c5fd6a": (
                "The article cites UN reports in the next sentence, for the TTP's presence, not "
                "for the number."
            ),
            "0c87254b28b7f47767a1d6163841821cfac7d70050483222c119943bb97980d1": (
                "The article does not say that the envoy gave this number."
            ),
            "5602316b977924b60ac4715eda2487dd23f991cf76b237211aad5992aa0d4f97": (
                "The TTP is what is counted, not who counts."
            ),
        },
        default_hint=(
            "Look at the article's claim on 'pr-ttp-size' that has a value, and give its "
            "claimant_id."
        ),
        steps=(
            (
                "A sentence that says how someone views a group does not make a number theirs: "
                "look for whom the data names as the claimant."
            ),
            "In the table above (size), keep the article's row on pr-ttp-size that has a value.",
            "Give that row's claimant_id as ds.claims has it (an actor id), not the name shown.",
        ),
        explanation=(
            "The article gives the figure in its own voice and does not say whose estimate it "
            "is (directness 'unattributed'), so the data records it as the article's own claim. "
            "Other claims on 'pr-ttp-size' show whether other sources attribute a figure."
        ),
    )
)
