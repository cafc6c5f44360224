"""Exercises of lesson 3, "Actors": whom an official acts for, who is named, and what a link
in the article's network rests on.

Answers are derived from the data when checked, or stored as digests; two exercises take a
written answer (:func:`pakafghan.exercises.write`), which is handed in, not checked.

Example:
    >>> from pakafghan.exercises import check
    >>> check("actors-1", ...).state
    'not attempted'
    >>> check("actors-1", "shafqat-ali-khan")
    ✗ Not yet. That is the spokesman himself. Give the actor one level above him.
"""

from __future__ import annotations

from pakafghan.actors import named_in_text
from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset
from pakafghan.relations import relation_summary
from pakafghan.select import article_only


def unnamed_people() -> list[str]:
    """Officials and persons acting in the article whose name its text never gives.

    Example:
        >>> "khalilzad" in unnamed_people()
        False
    """
    table = named_in_text(article_only(load_dataset()))
    return sorted(table.index[table["in the article's text"] == "no"])


def links_resting_on_the_meeting(actor_id: str = "pakistan") -> int:
    """How many of an actor's links in the article's network are hosting links: the ones that
    rest on its role in running an event (host, facilitator or organiser).

    Example:
        >>> links_resting_on_the_meeting("khalilzad")
        0
    """
    summary = relation_summary(article_only(load_dataset()), ["hosts"])
    return int((summary["source"] == actor_id).sum())


_SPOKESMAN_HIMSELF = "That is the spokesman himself. Give the actor one level above him."
_CHAIN_END = (
    "That is where the chain ends. Is there a level between a spokesman and the state he serves?"
)

register(
    Exercise(
        "actors-1",
        accepted={
            "7952960f6b91b801a8f4b5c4d5aa5d80ebbc29dea1e61f95077a411b806e18b0",
            "4fec819721e70e89142eea1adbfcddda1ad49ab1fb9ba66a265992761b5a93ba",
            "dcf759a9f606127b9a67376c039fbb0084ca9b8864d55ff96d629e224c02caa8",
            "d031c22692ca8fbf7f253a24aa176608bddeb0dd0a09ca6a6afeb52217a1a047",
            "f1cbb0419256b85fc8eeed1ff93200e22a14ff840c6bf11ee6d0e79340df7e99",
            "2c5d7cc6ee73ca7943334c406ee62656930424ee17d52d9bc567b8a97c290c14",
            "4c1397aa7755327af009a8510e29eb808a536786788b2d54f72ec3387008970e",
            "f4ef11f78877693d827df2958d9a1dfe04b695744063205df384d17b051f3d11",
            "3ebf222c83310b69d817c8398a36f7a1db4e8d0dc92c52d88bfbaf728bd7a436",
            "a7861106923e1f1e1285761954c48087bbba03c011bd8bc41fb0f25900966ea8",
            "74413ee9b40ba062afed7f91bf08886009a28d4c3e00016d4f1a23036d5a8077",
            "ae9b8019244d6f4e7b0af4cc5e6533ca0b7daae15a4ba4800dc52d83d9da1b3b",
            "68c042fe6e0db19ad8784d768536775ba3a0d4b360e9d671d89a2310a833be95",
            "9f94f995b35fd232a151d4414b43111957ae77f9c2b469967cc1037636b78709",
        },
        hints={
            "3ef9cd120e0ee75731639fc40662914b724c81ccacc9d9aee4a0acf3655ea107": _CHAIN_END,
            "ba9408d269022705561fd65cbfdbc48d6f43ed3e9ae6f811732fafb47b784a2a": _CHAIN_END,
            "2952d31441078d5675444367ab187aa1f5e39efd4c1f93090c0075ac9c47b43f": _SPOKESMAN_HIMSELF,
            "91251ebdcf9d6a02e43b001d5e00b1b1ed81c8ef2d81dcd8e2cbe76649f79103": (
                "The data records whom an official acts for as an actor of its own (a body, a "
                "state), not as the minister in charge."
            ),
            "f9a76735bdeea6a1593f94cfaa0e2282df70679165b1ef61aa0c6af6085c53e7": (
                "That is a collective actor, a group described together. He speaks for a part "
                "of the government."
            ),
        },
        default_hint=(
            "Give the actor_id, or the name, of the actor the spokesman belongs to directly, "
            "one level above him."
        ),
        steps=(
            "A spokesman does not speak for a whole state at once: he speaks for the office "
            "that employs him.",
            "Among the kinds of actor, one sits between an official and a state: a ministry, "
            "agency or other part of a government.",
            "Whose spokesman is he? The source (S7) reports what he said at that office's "
            "weekly briefing.",
        ),
        explanation=(
            "The data records the spokesman under the Foreign Office, and the Foreign Office "
            "under Pakistan. So a reader can say exactly who spoke: not “Pakistan”, but "
            "Pakistan's Foreign Office, through its spokesman."
        ),
    )
)

register(
    Exercise(
        "actors-2",
        written=True,
        steps=(
            "Compare two headlines: “Pakistan denies backing the meeting” and “Pakistan's "
            "Foreign Office denies backing the meeting”. What does the second tell you that "
            "the first does not?",
            "A state has many parts. Look at the claims about Pakistan in the explorer: do "
            "other sources say that another part of the state backed the meeting?",
            "Write who said it, for whom they spoke, and why a reader should know that part "
            "of the state rather than the whole of it.",
        ),
        explanation=(
            "A strong answer says that the Foreign Office speaks for one part of the state, so "
            "its denial is the Foreign Office's account; other sources attribute the backing "
            "to other parts of the state."
        ),
    )
)

register(
    Exercise(
        "actors-3",
        derive=unnamed_people,
        hints={
            "5ac5ae6195a70305cb3f288f5f6f8e514180129d4b810be8de641da2271e8168": (
                "Right about him. Which other officials does the article mention by office "
                "only? Give a list of ids."
            ),
            "b606d5e72afeee9027f0361e9af7d8c40494bb5e5fd7fd1f453050786a4255a7": (
                "Right about him. Which other officials does the article mention by office "
                "only? Give a list of ids."
            ),
            "bea01e6eaec326bbf18a5469aafd83f06450d5ee7aa0d5daad472e73a96a777c": (
                "Right about these two. One more official is named only by his title."
            ),
            "8ed51fb1f3383ed652f4155ee3868ba11fa88a3d0f55d3e6f3b11256e38fe3fe": (
                "Those are the right people: give their actor ids instead of their names."
            ),
            "ac96107cdc8ed384da9cb189512c2d7cc4c686a7b3b85d973e5944bb2b78593f": (
                "The article names him in full. Look for officials it calls only by their office."
            ),
            "df5465db19e65d0b1551929ccf5005529a10dd10059a5fed985668181828ca41": (
                "The article names him in full. Look for officials it calls only by their office."
            ),
            "d87e36cb7496c5a53112a45e5a9dcbe7f49801433b4bca10cb19b45838a0627e": (
                "One of these the article names in full, as Pakistan's envoy. Test each name "
                "with in."
            ),
        },
        default_hint=(
            'Give a list of actor ids, e.g. ["a", "b"]. For each official or person, test '
            'whether the name occurs in the article: "Name" in text.'
        ),
        steps=(
            "Start from the table of the actors who act in the article and keep those whose "
            "kind is official or person.",
            'For each of them, test whether their name occurs in the article\'s text: "Name" in '
            "text is True or False.",
            "Give the actor ids of those whose name is not in the text, as a list; the order "
            "does not matter.",
        ),
        explanation=(
            "The article calls them by their office (“the foreign ministers of …”); their names "
            "come from another report, S43, and the participations' notes say so. A data set "
            "can know more than the article: check where each fact comes from."
        ),
    )
)

register(
    Exercise(
        "actors-4",
        derive=links_resting_on_the_meeting,
        hints={
            "3f0fdfc671bf361b162f98a7ff8b5246ec2ad1950d469d1a00163e5e08177557": (
                "That is every link of Pakistan's. Which of them say that the state does "
                "something for the Islamabad meeting, the part the Foreign Office denies?"
            ),
            "2c9788b02ebac4bd51a904a134b18a98b68deb76da3bc05d1beea860cc9a6f6e": (
                "One too many. Trusting the Foreign Office does not unsay Khalilzad's "
                "criticism: the article reports that he made it, whatever the truth of what he "
                "criticised."
            ),
            "6024bb3bcb9a3fb8547f08a4c620e7bef7e28fc9e8800b06b9e19b977ce17a05": (
                "That counts the think tank's links too. The Foreign Office called the meeting "
                "a think-tank activity: that does not take the think tank's part away."
            ),
            "59d76b43640c370be0300a99496125b21ddbd0c26ee1be931478c103aadbccd1": (
                "Some do go. Which of Pakistan's links come from its role in the meeting's "
                "event, the role the article's word “facilitating” gives it?"
            ),
            "9a27ad52fd7d14b7eb6f11785ef964ac687ab70da9763e691bf1bc26158bae74": (
                "Pakistan facilitates one event, but it has a link to each of that event's "
                "invitees. Count links, not events."
            ),
        },
        default_hint=(
            "Give a number: how many of Pakistan's lines in the article's network would go."
        ),
        steps=(
            "The spokesman said the meeting was a think-tank activity, not state sponsored. "
            "Which of Pakistan's links say that the state does something for the meeting?",
            "Those links come from Pakistan's role in the meeting's event (from the article's "
            "word “facilitating”). Links from other events, or from claims, stay.",
            "Count Pakistan's grey hosting arrows in the chart: each invitee group has an arrow "
            "of its own.",
        ),
        explanation=(
            "Pakistan's hosting links to the meeting's invitees rest on one word of the "
            "article, “facilitating”; the Foreign Office denies that the state sponsors the "
            "meeting. The other links come from other records: the UN statement, the CPEC "
            "agreement and Khalilzad's criticism."
        ),
    )
)

register(
    Exercise(
        "actors-5",
        written=True,
        steps=(
            "Name the links that would go and the record they all come from (the meeting's "
            "event row, and Pakistan's role in it).",
            "Name one link that would stay and say what it rests on instead (another event, or "
            "a claim someone made).",
            "Say whose account each rests on: the article's own voice, Khalilzad's criticism, "
            "the Foreign Office's denial.",
        ),
        explanation=(
            "A strong answer says that the hosting links go because they rest only on the "
            "article's word “facilitating”, while links from other records stay, and that "
            "Khalilzad's criticism stays because it is his claim, reported as made."
        ),
    )
)
