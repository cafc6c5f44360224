"""Exercises of lesson 9, "What happened next": predictions about the later reports' figures and
statements, made before the tables that settle them, and sentences that attribute every figure.

Example:
    >>> from pakafghan.exercises import check
    >>> check("after-1", "maybe").state
    'not yet'
"""

from __future__ import annotations

from pakafghan.exercises import Exercise, register

_YES_NO = 'Answer "yes" or "no", in quotation marks.'
_LETTERS = 'Give a list of letters, for example ["a", "c"].'

register(
    Exercise(
        "after-1",
        accepted={"d00dd4338315e14efe0ad1c7d11d11491ca218bdb5b01ab84c735d19602c3bc6"},
        hints={
            "6f40530e98e54424f444c525a66a071ae78c2d5cef1f426a72c05d06bfab7d41": (
                "Run the next cell and compare the number in the says column for ISPR with "
                "the one for the Taliban's spokesman."
            ),
        },
        default_hint=_YES_NO,
        steps=(
            "Each side of a fight speaks about its own losses and about the other side's: what "
            "might each want its public to hear?",
            "Nobody independent counted the soldiers: each figure comes from one party to the "
            "fighting.",
            "After running the next cell, read the says column of the two rows that come from "
            "the two sides.",
        ),
        explanation=(
            "The two sides give different figures for the same soldiers. Each figure is one "
            "party's claim; the encyclopaedia gives only a floor, and notes both sides claimed "
            "more."
        ),
    )
)

register(
    Exercise(
        "after-2",
        written=True,
        steps=(
            "Name who gives each figure (ISPR, the Taliban's spokesman) in the same sentence as "
            "the figure.",
            "Use reporting verbs that take no side: 'said', 'according to'; avoid 'admitted' or "
            "'claimed falsely'.",
            "Check the words you use for the two sides' fighters: would a reader in Kabul and "
            "one in Islamabad both accept them?",
        ),
        explanation="Your sentence is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "after-3",
        accepted={"7e830b64cbe419307538ac481fcac8d2878a3831ad04863de51b1c0f1183148f"},
        hints={
            "9a0e90f0ed1067c117eed223bceeb3abbf1422894adf8d99e2325949e8d9706d": (
                "That is one reason. Now look at when each figure was given: the next day, "
                "or months later?"
            ),
            "8df81b7408e0106c60b7d224b7e2e16a39a04996fe3f54fd9c448f329b4a3f07": (
                "That is one reason. Now look at whom each figure counts: people in a house, "
                "civilians, combatants?"
            ),
            "384c856cdf7c454bf45c3a1a0d53c330b47512ff361c791b83f9ad59c61f4e93": (
                "Every report places the strikes in the same province, on the same day."
            ),
            "fc25277421e8840c0beb0805a32657ecad3b80d96f7dbd512722fa6d767b0d8a": (
                "A copying slip is when two copies of one report differ; here each figure "
                "comes from a different speaker."
            ),
        },
        default_hint=_LETTERS,
        steps=(
            "A death toll answers three questions: who counted, whom they counted, and when "
            "they counted.",
            "A party to the fighting may count the same dead as fighters that others count as "
            "civilians.",
            "A toll given the next day can grow as the wounded die and the missing are found.",
        ),
        explanation=(
            "The figures count different people (people in one house, civilians, combatants) "
            "and were given at different times (the next day; UNAMA months later). Each stays "
            "its speaker's claim."
        ),
    )
)

register(
    Exercise(
        "after-4",
        accepted={"1ff5c70a17582875051cf32f49ce168aaa668230be8a50ff6c10d2b14e2e5762"},
        hints={
            "f0180f4c2f4a82201074379b88d34774b55c4f7befeec3c5d58b26a4aeaa6714": (
                "Run the next cell: does everyone who speaks about the ceasefire say the same "
                "thing about it, at every date?"
            ),
        },
        default_hint=_YES_NO,
        steps=(
            "A sentence in our own voice must be something every side's sources agree on, or "
            "a record anyone can check.",
            "'Held' is a judgement about weeks of events: who would have to agree with it, and "
            "when?",
            "After running the next cell, look for a row in which someone denies that the "
            "ceasefire holds.",
        ),
        explanation=(
            "Whether the ceasefire held is disputed: Turkey's foreign ministry and Asif said it "
            "still stood, the Foreign Office spokesperson said it had broken down, and a Taliban "
            "official said Pakistan had broken the first truce. Each stays its speaker's claim."
        ),
    )
)

register(
    Exercise(
        "after-5",
        written=True,
        steps=(
            "Name at least two speakers from the table, what each said about the ceasefire, and "
            "the date.",
            "Say what makes 'held' a judgement rather than a record: who would have to agree, "
            "over which weeks?",
            "Then write the sentence you could use instead: 'X said on … that …'.",
        ),
        explanation="Your justification is saved; your teacher's guide has a rubric.",
    )
)

register(
    Exercise(
        "after-6",
        accepted={"7b15a4254470920be4733b80beedaee4d4ec0e63454da57786c0ff9fb1688dcd"},
        hints={
            "14ce05d869b93fbee2dc0a1cf2dd44394c5a02f8ef5bf995fc8c864f161a73a7": (
                "One more: look for talks in April 2026, and who took part."
            ),
            "37303b429c3122e401b9dcc5d31e3a78f550ba1a8a7720fe8603cf865b799fda": (
                "One more: look for the foreign minister's travels in October 2025."
            ),
            "8ee76cb71a041c28f91cf8d2da29fac5c116eb058af978ddd994e0423353bf86": (
                "Koofi said more rounds would follow; a promise is a plan. Is there a row of a "
                "second round held?"
            ),
            "8858b72950f8acfa4d655132f8f430aace974e3341a98fdcdaa5861031c8fa08": (
                "Talks of the three countries are not work on the corridor. Is there a row of "
                "any CPEC project in Afghanistan?"
            ),
            "8a9aad294d10b4679b945621b980d8ef43092239fb299497330ed0daf6986bda": (
                "A plan or a promise is not an event that took place: keep only what a later "
                "report says happened."
            ),
        },
        default_hint=_LETTERS,
        steps=(
            "Keep only what a report published after September 2025 says took place: a promise "
            "or a plan does not count.",
            "The absence of a report is not proof that something did not happen, but it is "
            "not a report that it did either.",
            "After running the next cell, read the status column and the source of each row.",
        ),
        explanation=(
            "Later reports tell of Muttaqi in India in October 2025 and of talks of the three "
            "countries in Urumqi in April 2026; the data has no later report of a second "
            "Islamabad Process round or of CPEC work in Afghanistan."
        ),
    )
)

register(
    Exercise(
        "after-7",
        written=True,
        steps=(
            "Say when the article was written, and name one or two things that happened after "
            "it, with their dates and sources.",
            "Name a sentence of the article that reads differently now, without saying the "
            "article was wrong to write it then.",
            "Keep every later figure or judgement attributed: 'according to …'.",
        ),
        explanation="Your note is saved; your teacher's guide has a rubric.",
    )
)
