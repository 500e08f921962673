"""Answers from what only the new articles say (issue 13): other meetings, trade for a period,
time of day, co-chairs; the seeds with the eight articles of tests/data/articles/dev."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import build_table
from tests.support import DEV_ARTICLES, make_project

DATA = DEV_ARTICLES.parent.parent  # tests/data


def _answerer(tmp: pytest.TempPathFactory, name: str, articles: list[Path]) -> Answerer:
    """An answerer over the seeds and ``articles``, built in a project of its own."""
    project = make_project(tmp.mktemp(name), articles=articles)
    config = project.config()
    return Answerer.from_table(build_table(config)[0], config)


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer(tmp_path_factory, "dev", sorted(DEV_ARTICLES.glob("*.txt")))


@pytest.mark.parametrize(
    ("question", "expected", "rejected"),
    [
        ("When did Mishustin hold talks with Li Qiang during his March 2026 visit?",
         ["March 2, 2026"], ["March 21"]),
        ("Who held the 29th regular meeting of the heads of government, and when?",
         ["Li Qiang", "August 21, 2024"], ["December 19"]),
        ("where was the 29th regular meeting held?", ["Moscow"], ["Beijing"]),
        ("What was bilateral trade in the first seven months of 2024?", ["136 billion"],
         ["222.8", "240.1"]),  # only that period's figure
        ("How much did China-Russia trade grow in January-November 2024?", ["2.1%"], ["26.3"]),
        ("Who co-chaired the 28th regular meeting of heads of government with Mishustin?",
         ["Li Qiang"], ["Ding Xuexiang"]),
        ("Which Xi-Mishustin meetings took place in the afternoon?",
         ["December 10, 2024", "September 16, 2026"], ["May 8, 2025", "March 3, 2026"]),
        ("В какое время суток Си Цзиньпин принял Мишустина 3 марта 2026 года?", ["вечер"], []),
        # no statement holds "anniversary": the anniversary named that day answers
        ("What anniversary did Mishustin mention when he met Xi in March 2026?",
         ["25th anniversary", "Treaty"], ["75th", "80th"]),
    ],
)  # fmt: skip
def test_answers(dev: Answerer, question: str, expected: list[str], rejected: list[str]) -> None:
    reply = dev.ask(question)
    assert reply.matched, reply.text
    assert all(e in reply.text for e in expected), reply.text
    assert not any(r in reply.text for r in rejected), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "When did Xi Jinping meet Mishustin in Moscow in August 2024?",  # the premiers met
        "When did Xi meet Mishustin in Astana?",  # Xi met Putin there
        "when did xi meet putin in 2025?",  # a year, no day
        "How much did Russia-China trade grow in 2025?",  # 2025's figure comes with no growth
        "What was Russia-China trade in January-August 2025?",  # that period is 2026's
    ],
)
def test_other_meetings_are_no_meetings_of_the_principals(dev: Answerer, question: str) -> None:
    assert not dev.ask(question).matched


def test_when_did_they_meet_lists_only_the_principals_meetings(dev: Answerer) -> None:
    reply = dev.ask("when did they meet?")
    assert "They met 9 times" in reply.text and "Li Qiang" not in reply.text


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer(tmp_path_factory, "planned", [DATA / "planned" / "announce_2027.txt"])


def test_a_planned_meeting_answers_the_future_only(planned: Answerer) -> None:
    text = planned.ask("who will accompany mishustin in april 2027?").text
    assert "Novak" in text and "planned" in text, text
    assert not planned.ask("What did Xi and Mishustin agree on when they met in Beijing on "
                           "April 7, 2027?").matched  # fmt: skip


@pytest.fixture(scope="module")
def goal(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer(tmp_path_factory, "goal", [DATA / "goal" / "trade_goal_2026.txt"])


def test_a_goal_for_a_year_is_no_figure_of_it(goal: Answerer) -> None:
    assert not goal.ask("what was trade in 2028?").matched  # "$300 billion by 2028" is a goal
    assert "$300 billion by 2028" in goal.ask("what is the trade target for 2028?").text


def test_a_planned_meeting_answers_when_and_where_it_will_be(planned: Answerer) -> None:
    text = planned.ask("Is another Xi-Mishustin meeting planned, and where?").text
    assert "planned" in text and "April 7, 2027" in text and "Beijing" in text, text
    assert "They met on" not in planned.ask("when will xi and mishustin meet in 2027?").text


def test_a_question_about_a_scheduled_meeting_is_answered_by_an_announced_one_only(
    planned: Answerer, answerer: Answerer
) -> None:
    question = "When is Mishustin's next visit to China scheduled?"
    text = planned.ask(question).text
    assert "April 7, 2027" in text and "28th regular meeting" not in text, text
    reply = answerer.ask(question)  # the seeds announce none: the past meetings are no answer
    assert not reply.matched and "28th regular meeting" not in reply.text, reply.text


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer(tmp_path_factory, "numbered", [DATA / "numbered" / "wire_2027.txt"])


def test_where_a_numbered_other_meeting_was_is_what_its_sentence_says(
    numbered: Answerer,
) -> None:
    text = numbered.ask("Where and on what date was the 32nd regular meeting held?").text
    assert "Harbin" in text and "June 9, 2027" in text, text
    # the seeds' 28th: "on Tuesday, the two sides held the 28th regular meeting" says not where
    assert not numbered.ask("where was the 28th regular meeting held?").matched


def test_a_transcript_speakers_fact_is_what_he_said(dev: Answerer) -> None:
    """A transcript's sentence names no speaker: what Mishustin said there is his, not Xi's."""
    reply = dev.ask("What did Mishustin say about the anniversary in March 2026?")
    assert reply.matched and "25th anniversary" in reply.text, reply.text
    assert not dev.ask("What did Xi say about the anniversary in March 2026?").matched


def test_words_no_intent_takes_find_what_was_said_at_another_meeting_too(dev: Answerer) -> None:
    """The fallback (facts holding nearly all the question's words) reads the premiers' meeting
    an article is about as well: Mishustin spoke of the commissions there too."""
    reply = dev.ask("intergovernmental commissions deputy level?")
    assert reply.matched and "29th regular meeting" in reply.text, reply.text
