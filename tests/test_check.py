"""``bot.check``: what a correct reply to a question-set entry is (shared by eval, tests, bench)."""

from __future__ import annotations

from bot.check import check, found
from bot.render import Reply

ANSWER = Reply("answer", "They met on March 21, 2023.", "", intent="meeting_date")
DECLINED = Reply("decline", "Sorry, I don't know that.", "")


def ask(reply: Reply):
    return lambda question: reply


def test_expect_and_reject_ignore_case_and_may_list_alternatives() -> None:
    item = {"q": "when?", "intent": "meeting_date", "expect": [["21 March 2023", "march 21"]]}
    assert check(ask(ANSWER), item) == (True, "meeting_date", "meeting_date")
    rejected = {**item, "reject": [["2025", "MARCH 21, 2023"]]}
    assert check(ask(ANSWER), rejected) == (False, "meeting_date", "meeting_date (wrong text)")
    assert found(["x", "met"], "they met") and not found("x", "they met")


def test_intent_decline_and_any() -> None:
    assert check(ask(ANSWER), {"q": "?", "intent": "trade"}) == (False, "trade", "meeting_date")
    assert check(ask(DECLINED), {"q": "?", "decline": True}) == (True, "(decline)", "(decline)")
    assert check(ask(ANSWER), {"q": "?", "decline": True}) == (False, "(decline)", "meeting_date")
    assert check(ask(ANSWER), {"q": "?"}) == (True, "(any)", "meeting_date")
    assert check(ask(DECLINED), {"q": "?"}) == (False, "(any)", "(decline)")
