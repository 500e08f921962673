"""A look back that lists earlier meetings, a machine translation from Chinese and a report of
the premiers' own meeting (tests/data/articles/review, written for these tests): a timeline's
entries ("1. March 21, 2023, Moscow.") recall the meetings they list, each where it was, and the
review reports none of its own; a numbered regular meeting it names in passing is the heads of
government's, not the principals'; "2040年6月3日" is a date and "on 3 afternoon" its time of
day; "Wang Yi, ... Hao Peng etc. participated the meeting" names who was there; a place where only
the premiers met chooses their meeting; a "Read more:" link is no text of the report."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts import FactKind
from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("review"), ARTICLES / "review")


def test_the_review_reports_no_meeting_and_moves_none(built: Built) -> None:
    places = {m.date: m.place for m in built.table.meetings if not m.what}
    assert places[date(2023, 3, 21)] == "Moscow"  # (a review had made it Beijing's)
    assert date(2039, 2, 11) not in places  # the review's own date is no meeting
    assert places[date(2040, 6, 3)] == "Dalian"  # the machine translation's
    assert not any(m.place == "Xiamen" for m in built.table.meetings if not m.what)


def test_a_numbered_meeting_named_in_passing_is_the_premiers(built: Built) -> None:
    numbered = [f for f in built.table.find(FactKind("encounter")) if f.number == 42]
    assert numbered, "the 42nd regular meeting is an encounter of the review"
    assert all("Xi Jinping" not in f.display for f in numbered), [f.display for f in numbered]


def test_read_more_links_are_no_text(built: Built) -> None:
    texts = [f.source for f in built.table.find(FactKind("passage"))]
    assert texts and not any("Read more" in t for t in texts)


@pytest.mark.parametrize(
    ("question", "has", "hasnt"),
    [
        ("When did Xi and Mishustin meet in Moscow?", "March 21, 2023", "Beijing"),
        ("When did they meet in Dalian?", "June 3, 2040", "unknown date"),
        ("What time of day did Xi meet Mishustin in Dalian?", "afternoon", "morning"),
        ("Who was at the meeting in Dalian?", "Hao Peng", "Li Qiang"),
        ("What was trade in January-April 2040?", "820 billion yuan", "no such meeting"),
        (
            "Which Russian deputy prime ministers were at the Xiamen talks?",
            "Overchuk",
            "Xi Jinping",
        ),
        ("When did Xi and Mishustin meet in Xiamen?", "no such meeting", "2040"),
        ("did xi and mishustin meet in vladivostok?", "no such meeting", "Yes"),
    ],
)
def test_questions_of_the_three_reports(built: Built, question: str, has: str, hasnt: str) -> None:
    reply = built.answerer.ask(question).text
    assert has in reply and hasnt not in reply, reply
