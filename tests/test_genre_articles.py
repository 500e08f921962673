"""The genre's odd forms (issue 13): a Q&A explainer that only recalls meetings, a wire second
report with transcript lines and a length of talks, a government announcement under its site's
furniture; the seeds with the articles of tests/data/articles/genre, built and asked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.corpus import parse_article
from bot.facts import FactTable
from tests.support import GENRE_ARTICLES, SEED_MEETINGS, facts_of, with_articles


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> FactTable:
    return build_table(with_articles(tmp_path_factory.mktemp("genre"), GENRE_ARTICLES))[0]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    config = with_articles(tmp_path_factory.mktemp("genre-ask"), GENRE_ARTICLES)
    return Answerer.from_table(build_table(config)[0], config)


def test_no_article_adds_a_meeting_and_the_second_report_merges(table: FactTable) -> None:
    """The explainer's questions, habits and recalls and the announced visit are no meetings;
    the wire's report of December 20, 2023 is the seeds' meeting of that day."""
    assert {m.date for m in table.meetings} == SEED_MEETINGS
    december = next(m for m in table.meetings if m.date == date(2023, 12, 20))
    assert "005_wire_second_2023" in december.articles


def test_a_report_of_no_meeting_keeps_its_facts_in_a_group_of_its_own(table: FactTable) -> None:
    """The explainer's trade figure and the leaders' other meetings (a year named once dates
    both months; a country is a place of its own) belong to the report, one of the others."""
    (report,) = [m for m in table.others if m.articles == ("005_qa_explainer_2025",)]
    (trade,) = facts_of(table, "trade", "qa_explainer_2025")
    assert trade.meeting == report.id
    assert (trade.parts.n, trade.parts.period_year, trade.parts.growth) == ("237.2", 2024, "1.8")  # type: ignore[attr-defined]
    found = facts_of(table, "encounter", "qa_explainer_2025")
    others = [f.parts for f in found if f.qualifier != "main"]
    met = {(p.when, p.place or p.country) for p in others}  # type: ignore[attr-defined]
    assert met == {("2024-05", "Beijing"), ("2024-10", "Russia")}


def test_the_wire_gives_the_length_of_the_talks_and_first_person_trade(table: FactTable) -> None:
    """ "The meeting lasted nearly two hours"; "Last year trade ... grew to $190 billion, an
    increase of 29.3 percent, and this year ...": 2022 (the meeting's last year), not this
    year; "State television quoted Xi as saying ..." is Xi's, the line after it no one's."""
    (length,) = facts_of(table, "duration", "wire_second_2023")
    assert (length.parts.minutes, length.parts.approx) == (120, "less")  # type: ignore[attr-defined]
    assert length.meeting.startswith("2023-12-20")
    (trade,) = facts_of(table, "trade", "wire_second_2023")
    assert (trade.parts.period_year, trade.parts.growth) == (2022, "29.3")  # type: ignore[attr-defined]
    said = {f.sentence: f.parts.speaker for f in facts_of(table, "statement", "wire_second_2023")}  # type: ignore[attr-defined]
    quoted = [i for i, s in enumerate(_source_sentences(table)) if "quoted Xi" in s]
    assert said.get(quoted[0]) == "Xi Jinping" and quoted[0] + 1 not in said


def _source_sentences(table: FactTable) -> list[str]:
    path = GENRE_ARTICLES / "wire_second_2023.txt"
    return list(parse_article(path, path.read_bytes()).sentences)


def test_the_announcement_is_about_its_planned_meeting(table: FactTable) -> None:
    """Under seven lines of the site's furniture: the planned meeting is the announcement's
    group (never held), the leaders' phone call an encounter, the commission its bare name."""
    (group,) = [m for m in table.others if m.articles == ("005_announce_gov_2026",)]
    assert group.date == date(2026, 9, 16) and group.place == "Beijing"
    encounters = facts_of(table, "encounter", "announce_gov_2026")
    (main,) = [f for f in encounters if f.qualifier == "main"]
    assert main.parts.status == "planned"  # type: ignore[attr-defined]
    calls = [f.parts for f in facts_of(table, "encounter", "announce_gov_2026")
             if f.parts.what == "phone call"]  # type: ignore[attr-defined]  # fmt: skip
    pair = {"Vladimir Putin", "Xi Jinping"}
    assert [(c.when, set(c.who)) for c in calls] == [("2026-07-07", pair)]  # type: ignore[attr-defined]
    (chairs,) = facts_of(table, "cochair", "announce_gov_2026")
    assert chairs.parts.body == "intergovernmental commission on investment cooperation"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("question", "expected", "rejected"),
    [
        ("How long did the talks last in December 2023?", ["two hours"], []),
        ("Сколько длилась встреча в декабре 2023 года?", ["120 минут", "почти"], []),
        ("How long did the talks last in March 2023?", [], []),  # no report says: declined
        ("What was China-Russia trade in 2024?", ["237.2"], []),
    ],
)
def test_answers_from_the_genre_articles(answerer: Answerer, question: str, expected: list[str],
                                         rejected: list[str]) -> None:  # fmt: skip
    reply = answerer.ask(question)
    if not expected:
        assert not reply.matched, reply.text
        return
    assert reply.matched and all(e in reply.text for e in expected), reply.text
    assert not any(r in reply.text for r in rejected), reply.text


@pytest.mark.parametrize(
    "message",
    ["when did the two presidents have a phone call?", "когда лидеры говорили по телефону?"],
)
def test_a_phone_call_is_asked_about(answerer: Answerer, message: str) -> None:
    """A phone call is another encounter of the articles: asked as one, in both languages."""
    reply = answerer.ask(message)
    assert reply.intent == "other_meetings", reply.text
    assert "Phone call" in reply.text or "Телефонный разговор" in reply.text


@pytest.mark.parametrize(
    "message",
    ["By how much did trade grow in 2022, according to what Mishustin told Xi?",
     "according to mishustin, how much did trade grow in 2022?"],
)  # fmt: skip
def test_a_figure_attributed_to_someone_is_the_figure(answerer: Answerer, message: str) -> None:
    """ "According to what Mishustin told Xi" says whose figure it is: the figure is asked, not
    what he said."""
    reply = answerer.ask(message)
    assert reply.intent == "trade", reply.text
