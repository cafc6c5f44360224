"""Exercises of lesson 2, "Actors": who belongs to whom, kinds of actor, unnamed actors, links.

Answers are derived from the data when checked, or stored as digests.

Example:
    >>> from pakafghan.exercises import check
    >>> check("actors-1", ...).state
    'not attempted'
    >>> check("actors-2", "c")
    ✗ Not yet. Directness says how a source attributes a claim, not whether the claim is true.
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register
from pakafghan.load import load_dataset
from pakafghan.relations import relations_graph
from pakafghan.select import article_only

#: Kinds of actor that hold an office or speak as individuals.
PEOPLE_KINDS = ("official", "person")


def envoy_parent() -> str:
    """The ``parent_id`` of Pakistan's envoy at the United Nations (``asim-iftikhar-ahmad``).

    Example:
        >>> envoy_parent() in set(load_dataset().actors["actor_id"])
        True
    """
    actors = load_dataset().actors.set_index("actor_id")
    return str(actors.loc["asim-iftikhar-ahmad", "parent_id"])


def acting_actors() -> list[str]:
    """``actor_id`` of every actor taking part in an event or making a claim in the article.

    Example:
        >>> "taliban" in acting_actors()
        True
    """
    article = article_only(load_dataset())
    return sorted(set(article.event_actors["actor_id"]) | set(article.claims["claimant_id"]))


def acting_kinds() -> int:
    """How many different kinds of actor take part in the article's events or make its claims.

    Example:
        >>> 1 < acting_kinds() <= len(load_dataset().actors["kind"].cat.categories)
        True
    """
    actors = load_dataset().actors.set_index("actor_id")
    return actors.loc[acting_actors(), "kind"].nunique()


def unnamed_people() -> list[str]:
    """Officials and persons acting in the article whose name its text never gives.

    Example:
        >>> "khalilzad" in unnamed_people()
        False
    """
    ds = load_dataset()
    text = ds.source_text("article")
    actors = ds.actors.set_index("actor_id").loc[acting_actors()]
    people = actors[actors["kind"].isin(PEOPLE_KINDS)]
    return sorted(aid for aid, name in people["name"].items() if str(name) not in text)


def most_linked() -> str:
    """The actor with the most links in the article's network (ties: the first by id).

    Example:
        >>> most_linked() in acting_actors()
        True
    """
    graph = relations_graph(article_only(load_dataset()))
    return min(graph.degree(), key=lambda pair: (-pair[1], pair[0]))[0]


register(
    Exercise(
        "actors-1",
        derive=envoy_parent,
        hints={
            "4033d310f83159e7f1aa38c62922316ff85803cec560af2339f0a5bc06aa312e": (
                "He speaks at the UN, but he does not act for it. Look at his parent_id."
            ),
            "d7b700a0980984744bb7bedb00549dad3907f79ef78b8895865f3a2c1c87622d": (
                "He speaks at the UN, but he does not act for it. Look at his parent_id."
            ),
            "367eae4138e2c9b3eff4f73d05a6088d1d123811ce3bffbbf5832bd8a2ffb489": (
                "He speaks at the UN, but he does not act for it. Look at his parent_id."
            ),
            "df4f9a449482e8c1476c4c7e630f1dc3d867c81415017512ab61623a0c2c991f": (
                "That is where he speaks, not whom he speaks for. Look at his parent_id."
            ),
            "7952960f6b91b801a8f4b5c4d5aa5d80ebbc29dea1e61f95077a411b806e18b0": (
                "A fair guess about diplomats in general, but read what this data records in "
                "his parent_id, not what you expect."
            ),
            "e81efb210414f871cd0f04aa7f8acd33b618675a1f9db318e2dd472d4b116a12": (
                "That is the envoy himself. Give the actor named in his parent_id column."
            ),
        },
        default_hint=(
            "Find asim-iftikhar-ahmad in actors_table(ds) or the explorer; "
            "give the actor_id he belongs to."
        ),
        steps=(
            "Where an official speaks (the UN, a conference) is not whom he acts for.",
            (
                "Find asim-iftikhar-ahmad in the actors table: its parent_id column names the "
                "actor an official belongs to."
            ),
            (
                'In code: ds.actors.set_index("actor_id") lets you look a row up by its id, with '
                ".loc[actor_id, column]."
            ),
        ),
        explanation=(
            "parent_id records whom an official acts for, whatever the place where he speaks."
        ),
    )
)

register(
    Exercise(
        "actors-2",
        accepted={"954fb20a49a51d713e6260ec1a14e325722029b1b6f655749c53a185fa1f8b93"},
        hints={
            "52536adaf52b68c3fdc3f011b90e78d2eceacac3af5c80fcd2da01c5b6a6cec6": (
                "The article gives no reason why nobody is named. Do not add what the source "
                "does not say."
            ),
            "39961d211f4204de79fd4e2a4d94381517e86c963448d8cc1d0a75969edbf06a": (
                "Directness says how a source attributes a claim, not whether the claim is true."
            ),
            "76bfbbeadcdc585e10f1013e6a16cf0303380767760a6e50cadef5279f632c2f": (
                "Pakistan is what the interpretation is about. Who holds the view?"
            ),
        },
        default_hint="Answer with one letter: a, b, c or d.",
        steps=(
            (
                "Directness says how a source passes a claim on; it says nothing about whether the "
                "claim is true."
            ),
            (
                "Read the article's sentence again: does it say who interprets the move, or why "
                "they are not named?"
            ),
            (
                "Keep only what the source itself says: an option that adds a reason or a name the "
                "article does not give goes beyond it."
            ),
        ),
        explanation=(
            "“Interpreted by some” names nobody: we cannot tell who holds the view, how many "
            "do, or why. A careful reader says so when repeating it."
        ),
    )
)

register(
    Exercise(
        "actors-3",
        derive=acting_kinds,
        hints={
            "5da4ea00e225de68b3ba46d639b1a3262b2f4f02fa7947eb8edd01f396bdf142": (
                "That counts every kind in the actors table. Count only the actors who take "
                "part in the article's events or make its claims: some actors are only "
                "spoken about."
            ),
            "b61564ad4c4a4ada2273f369998d3fa6afa3369ade804684fdcb2a1b26813ebe": (
                "That counts actors. Count their different kinds."
            ),
        },
        default_hint=(
            "Take the actor ids in article.event_actors and the claimant ids in article.claims, "
            "look up their kind, and count the different kinds."
        ),
        steps=(
            (
                "Use only the actors who act in the article (the set acting, shown in the table "
                "above), not the whole actors table."
            ),
            (
                "Each actor has one kind, in the kind column, and several actors can share a kind: "
                "count kinds, not actors."
            ),
            (
                "In code: keep the rows of ds.actors whose actor_id .isin(acting), take their kind "
                "column, and count its different values with .nunique()."
            ),
        ),
        explanation=(
            "Some actors of the article never act or speak in it: they are only what a claim "
            "is about. Noticing who speaks and who is spoken about is part of reading a source."
        ),
    )
)

register(
    Exercise(
        "actors-4",
        derive=unnamed_people,
        hints={
            "cb76e745161fd46eea85eb62ad82efa0acadbc882ddf74264b2e510cc3a57e19": (
                "Right about him. Which other officials does the article mention by office only?"
            ),
            "a03babeb2a6e8ea5d919eb747ce9888c8a2865f5cb3ed9047e32f7408436a4dd": (
                "Right about him. Which other officials does the article mention by office "
                "only? Give a list of ids."
            ),
            "8bc9cac07897624db2dd6a877e166b93b15ffdb153465768133979fed1e94171": (
                "Right about these two. One more official is named only by his title."
            ),
            "c9d4c031fcd790b4f96191ada016331c1afb8237a555297580d11adcc9e22a89": (
                "Those are the right people: give their actor ids instead of their names."
            ),
            "96fd3b6fcdb1256bb7511ec88183069b7e47a77060470336e493a86fdab6dd65": (
                "The article names him in full. Look for officials it calls only by their office."
            ),
        },
        default_hint=(
            "Give a list of actor ids, e.g. ['a', 'b']. For each official or person, check "
            "whether the name occurs in ds.source_text('article')."
        ),
        steps=(
            (
                "Start from the actors who act in the article (acting) and keep those whose kind "
                "is official or person."
            ),
            (
                "For each of them, test whether their name occurs in the article's text: name in "
                "text is True or False."
            ),
            (
                "Give the actor ids of those whose name is not in the text, as a list; the order "
                "does not matter."
            ),
        ),
        explanation=(
            "The article calls them by their office; their names come from other reports "
            "(the participations' notes say which)."
        ),
    )
)

register(
    Exercise(
        "actors-5",
        derive=most_linked,
        hints={
            "07365f97161344f52a9f84b401a047716c37823829249d7f5f8746bf4ebeee9b": (
                "Count the lines touching each actor, or read the text alternative."
            ),
            "06add817a976f7143b86dff5b9f99950af08ba0626b7508f95f38d265f0bff05": (
                "Count the lines touching each actor, or read the text alternative."
            ),
            "d6b0d02b2996069167f72a5708c8658cc7cd7ede36eb546d241ae0844630d71f": (
                "Close to the top, but one actor has more links. Read the text alternative."
            ),
            "38d903dbce8a4eced83a8d9b24d28db66a9270f54859dc78cc410c2d0863147f": (
                "Count the lines touching each actor, or read the text alternative."
            ),
        },
        default_hint="Read the text alternative under the article's network, or count the lines.",
        steps=(
            (
                "A link is a line in the network chart; the text alternative under the chart lists "
                "the links in words."
            ),
            (
                "The table links (relations_table(article)) has a row per link, with its two ends "
                "in the source and target columns."
            ),
            (
                "Count how often each actor is at either end: pd.concat the two columns, then "
                ".value_counts(). Two actors linked twice by the same kind of link count once: "
                ".drop_duplicates() first."
            ),
        ),
        explanation=(
            "Many links means the article reports many relations involving this actor. It is "
            "not a judgement of its power, its guilt or its importance."
        ),
    )
)
