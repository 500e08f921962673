"""A feature with no date line that looks back at the meetings (issue 13): the ones the seeds
report, one only it reports ("their most recent encounter came in Nizhny Novgorod on July 3,
2029"), one that was postponed and never took place, an analyst's forecast and a principal's own
visit it announces. Invented, in tests/data/articles/lookback; built with the seeds."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("lookback"), ARTICLES / "lookback")


def test_the_meetings(built: Built) -> None:
    """The seeds' four, and Nizhny Novgorod; the postponed Sanya meeting is none (held,
    planned or recalled)."""
    held = {m.date: m.place for m in built.table.meetings if not m.what and m.date}
    assert held[date(2029, 7, 3)] == "Nizhny Novgorod"
    assert len(held) == 5
    texts = [f.display for m in built.table.meetings for f in m.facts]
    assert not any("Sanya" in t or "Boao" in t for t in texts)


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("when did they last meet?", "July 3, 2029"),
        ("when will mishustin visit harbin?", "May 2031"),
        ("is a visit planned?", "Harbin"),
        ("когда Мишустин посетит Харбин?", "запланирован"),
        ("what did Elena Markova say?", "technocrat"),
    ],
)
def test_answers(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    ["when did xi and mishustin meet in sanya?", "was the sanya meeting held?",
     "when will xi visit russia?"],
)  # fmt: skip
def test_declines(built: Built, question: str) -> None:
    assert not built.answerer.ask(question).matched


def test_the_analysts_forecast_is_not_mishustins(built: Built) -> None:
    text = built.answerer.ask("did mishustin say trade would pass 300 billion dollars?").text
    assert text.startswith("No. ") and "Elena Markova" in text, text
