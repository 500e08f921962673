"""A question's clause that chooses the meeting by its occasion (bot.occasions), and the answers
it chooses: what was said at the meeting of that occasion."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.occasions import occasion


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("what did Xi say during Mishustin's official visit to China?", {"official"}),
        ("what did he say when Mishustin was on his official visit?", {"official"}),
        ("what did Mishustin say on Xi's three-day state visit?", {"state"}),
        ("что сказал Си во время официального визита Мишустина в Китай?", {"official"}),
        ("когда Мишустин был в Китае с официальным визитом", {"official"}),
        ("what did Xi say about the visit?", None),  # no kind of visit: no occasion
        ("what did they say in Moscow?", None),
    ],
)
def test_the_occasion_clause(text: str, kinds: set[str] | None) -> None:
    found = occasion(text)
    assert (found.kinds if found else None) == (frozenset(kinds) if kinds else None)


def test_what_was_said_at_the_meeting_of_the_occasion(answerer: Answerer) -> None:
    """The clause chooses the May 2023 meeting (Mishustin's official visit) and is no topic:
    what Mishustin said there of promoting (not a statement about official visits)."""
    reply = answerer.ask(
        "What did Mishustin say Russia is willing to promote with China during his official "
        "visit to China?"
    )
    assert "multipolarization" in reply.text and "May 24, 2023" in reply.text
    reply = answerer.ask("Which mechanism did Mishustin say Russia would make full use of, "
                         "during his official visit to China?")  # fmt: skip
    assert "regular prime minister-level meetings" in reply.text


def test_the_occasion_clause_is_no_part_of_what_is_asked(answerer: Answerer) -> None:
    """What Xi asked Mishustin to pass on is a greeting: the clause does not keep the question
    from the greetings (in the matcher's scores or in what the statements' words cover)."""
    for question in (
        "What did Xi ask Mishustin to convey to Putin during Mishustin's official visit to China?",
        "Что Си попросил Мишустина передать Путину во время официального визита Мишустина в Китай?",
        "lol what did xi ask mishustin to pass to putin when he was on that official visit",
    ):
        reply = answerer.ask(question)
        assert reply.intent == "greetings", reply.text
        assert "May 24, 2023" in reply.text or "24 мая 2023" in reply.text, reply.text
