"""bot/suggest.py through the Answerer: a decline that came close offers up to three questions,
each of which is answered; out of scope and names the articles lack get none."""

from __future__ import annotations

import pytest

from bot.answer import SUGGESTIONS, Answerer


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("when did they meet in 2024?", "when did they meet in 2025?"),
        ("when did Xi meet Mishustin in Shanghai?", "when did Xi meet Mishustin in Beijing?"),
        ("did they meet in Kazan?", "did they meet in Moscow?"),
        ("when did they meet in June 2023?", "when did they meet in May 2023?"),
        ("когда они встречались в 2024 году?", "когда они встречались в 2025 году?"),
        ("когда они встречались в Шанхае?", "когда они встречались?"),
        ("quake aid plan?", "Did russia offer help after the earthquake?"),  # ("thing": a filler)
    ],
)  # fmt: skip
def test_close_declines_offer_questions_that_answer(answerer: Answerer, question: str,
                                                    offered: str) -> None:  # fmt: skip
    reply = answerer.ask(question, suggest=True)
    assert not reply.matched and 1 <= len(reply.suggestions) <= SUGGESTIONS
    assert offered in reply.suggestions, reply.suggestions
    for suggestion in reply.suggestions:
        assert answerer.ask(suggestion).kind == "answer", suggestion
    assert reply.text.endswith("\n".join(f"{n}. {q}" for n, q in
                                         enumerate(reply.suggestions, start=1)))  # fmt: skip
    assert "Did you mean:" in reply.html or "имели в виду" in reply.html


@pytest.mark.parametrize(
    "question",
    ["what is the capital of France?", "how many people died in the earthquake?",
     "when did Xi meet Biden?", "asdkjh qwe zzz", "", "когда он родился"],
)  # fmt: skip
def test_far_declines_offer_nothing(answerer: Answerer, question: str) -> None:
    reply = answerer.ask(question, suggest=True)
    assert not reply.matched and reply.suggestions == ()
    assert "Did you mean" not in reply.text


def test_suggestions_are_made_only_when_asked_for(answerer: Answerer) -> None:
    assert answerer.ask("when did they meet in 2024?").suggestions == ()


def test_suggestions_are_checked_in_the_conversation(answerer: Answerer) -> None:
    first = answerer.ask("when did they meet in Moscow?")
    reply = answerer.ask("and in 2024?", context=first.context, suggest=True)
    assert not reply.matched and reply.suggestions
    for suggestion in reply.suggestions:  # "and in 2023?" answers in this conversation
        assert answerer.ask(suggestion, context=first.context).kind == "answer"
