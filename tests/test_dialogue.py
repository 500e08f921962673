"""bot/dialogue.py: the context value, its expiry, and how a follow-up combines with it."""

from __future__ import annotations

import math

import pytest

from bot.answer import Answerer
from bot.dialogue import TTL, Context


def test_context_round_trips_as_plain_data_and_rejects_anything_else() -> None:
    context = Context("meeting_place", ("2023-03-21-moscow",), True, 12.5)
    data = context.to_json()
    assert data == ["meeting_place", ["2023-03-21-moscow"], True, 12.5]
    assert Context.from_json(data) == context
    assert Context.from_json(tuple(data)) == context
    bad: list[object] = [
        None, "x", [], {}, ["a", [], False], ["a", "b", False, 1.0], [1, [], False, 1.0],
        ["a", [1], False, 1.0], ["a", [], "no", 1.0], ["a", [], False, "1"],
        ["a", [], False, True], ["a", [], False, math.inf], ["a", [], False, math.nan],
    ]  # fmt: skip
    for item in bad:
        assert Context.from_json(item) is None, item


def test_a_context_lasts_ten_minutes() -> None:
    context = Context("meeting_date", (), at=1000.0)
    assert context.fresh(1000.0) and context.fresh(1000.0 + TTL)
    assert not context.fresh(1000.0 + TTL + 0.001)
    assert context.fresh(999.0)  # a clock that went back a little
    assert TTL == 600


def turns(answerer: Answerer, *texts: str, now: float = 0.0) -> list[str]:
    """Each message's reply in one conversation (context carried, clock fixed)."""
    context, out = None, []
    for text in texts:
        reply = answerer.ask(text, context=context, now=now)
        context = reply.context
        out.append(reply.text)
    return out


def test_ask_without_a_context_is_the_stateless_answer(answerer: Answerer) -> None:
    for text in ("and where?", "what about 2023?", "who else was there?", "а в 2024?"):
        alone, told = answerer.ask(text), answerer.ask(text, context=None, now=5.0)
        assert (alone.text, alone.intent) == (told.text, told.intent)


@pytest.mark.parametrize(
    ("first", "follow", "has", "lacks"),
    [
        ("when did they meet in 2025?", "and where?", "Beijing", "Moscow"),
        ("when did they meet in 2025?", "@bot where", "Beijing", "Moscow"),
        ("when did they meet in 2025?", "what about 2023?", "March 21, 2023", "November 4"),
        ("when did they meet at the Great Hall of the People?", "and in Moscow?",
         "March 21, 2023", "December 20"),
        ("who was at the Moscow meeting?", "and in December 2023?", "Wang Yi", "Cabinet"),
        ("when did they meet in May 2023?", "what day of the week was that?", "Wednesday",
         "Tuesday"),
        ("summarize the last meeting", "and the one before it?", "December 20, 2023",
         "November 4"),
        ("summarize the second meeting", "and the third?", "December 20, 2023", "May 24"),
        ("кратко о первой встрече", "а о второй?", "24 мая 2023", "21 марта"),
        ("когда они встречались в 2025?", "а где?", "Пекин", "Москв"),
        ("when did they meet in December 2023?", "in which building exactly?", "Great Hall",
         "Moscow"),
        ("which anniversary did they mention?", "where was that?", "Beijing", "Moscow"),
    ],
)  # fmt: skip
def test_follow_ups(answerer: Answerer, first: str, follow: str, has: str, lacks: str) -> None:
    _, reply = turns(answerer, first, follow)
    assert has in reply and lacks not in reply, reply


def test_a_follow_up_about_what_the_meeting_lacks_declines(answerer: Answerer) -> None:
    _, trade = turns(answerer, "when did they meet in Moscow?", "and the trade?")
    assert trade.startswith("Sorry") and "$200" not in trade  # never a neighbouring meeting's
    _, venue = turns(answerer, "when did they meet in May 2023?", "in which building exactly?")
    assert "Sorry" in venue and "Great Hall" not in venue


def test_questions_of_their_own_are_not_follow_ups(answerer: Answerer) -> None:
    _, anniversary = turns(answerer, "when did they meet in 2025?", "which anniversary?")
    assert "75th" in anniversary  # not limited to the 2025 meeting, which has none
    _, count = turns(answerer, "when did they meet in 2025?", "how many times did they meet?")
    assert "4 times" in count
    _, switched = turns(answerer, "who attended the December 2023 meeting?",
                        "different question: who was at the Moscow meeting?")  # fmt: skip
    assert "Cabinet" in switched and "Wang Yi" not in switched


def test_out_of_scope_and_small_talk_in_a_context(answerer: Answerer) -> None:
    replies = turns(answerer, "when did they meet in 2025?", "and how many people died?",
                    "thanks!", "and where?")  # fmt: skip
    assert replies[1].startswith("Sorry") and replies[2].startswith("You're welcome")
    assert "Beijing" in replies[3] and "Moscow" not in replies[3]  # the context outlived both


def test_an_expired_context_is_not_used(answerer: Answerer) -> None:
    first = answerer.ask("when did they meet in 2025?", now=100.0)
    later = answerer.ask("and where?", context=first.context, now=100.0 + TTL + 1)
    assert "Moscow" in later.text and "Beijing" in later.text
    sooner = answerer.ask("and where?", context=first.context, now=100.0 + TTL - 1)
    assert "Moscow" not in sooner.text
    assert later.context is not None and later.context.at == 100.0 + TTL + 1


def test_a_bare_follow_up_without_a_context_is_a_summary_or_a_decline(answerer: Answerer) -> None:
    assert answerer.ask("what about 2023?").intent == "meeting_summary"
    assert not answerer.ask("and in 2024?").matched
    assert not answerer.ask("and?").matched
