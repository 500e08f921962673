"""bot/summary.py: a meeting's summary in 3 to 6 lines by the declared priority of kinds, the
line per meeting of several, and the pages of /meetings."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answer import Answerer
from bot.kinds.meeting import KIND as MEETING


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_meeting_has_a_summary_of_three_to_six_lines(answerer: Answerer, lang: str) -> None:
    for meeting in answerer.table.meetings:
        reply = answerer.summary_of(meeting.id, lang)
        assert reply is not None and reply.kind == "answer" and reply.sources
        lines = reply.text.splitlines()
        assert 3 <= len(lines) <= 6, reply.text
        assert answerer.writer.meeting_label(meeting, lang) in lines[0]
        assert reply.context is not None and reply.context.meetings == (meeting.id,)


def test_lines_follow_the_priority_of_the_summary_intent(answerer: Answerer) -> None:
    text = answerer.summary_of("2023-12-20-beijing", "en").text  # type: ignore[union-attr]
    lines = text.splitlines()
    assert lines[0] == "Meeting: December 20, 2023, Beijing (Great Hall of the People)."
    assert lines[1].startswith("The occasion: 28th regular meeting")
    assert lines[2].startswith("Trade: the annual trade target of $200 billion")
    assert lines[3].startswith("The anniversary: the 75th anniversary")
    # each line is written with the reply of the intent that answers its kind
    assert all(line.endswith(".") for line in lines)


def test_the_priority_is_data(answerer: Answerer) -> None:
    """Reversing the summary intent's answers reverses what a summary shows first."""
    summary = answerer.summaries.intent
    assert summary is not None and summary.answers[0] == MEETING
    flipped = dataclasses.replace(summary, answers=(MEETING, *reversed(summary.answers[1:])))
    answerer.summaries.intent = flipped
    try:
        text = answerer.summary_of("2023-12-20-beijing", "en").text  # type: ignore[union-attr]
    finally:
        answerer.summaries.intent = summary
    assert text.splitlines()[1].startswith("Greetings") or "Trade" not in text.splitlines()[1]


def test_a_curated_date_is_said_within_the_six_lines(answerer: Answerer) -> None:
    text = answerer.summary_of("2023-05-24-beijing", "en").text  # type: ignore[union-attr]
    lines = text.splitlines()
    assert len(lines) <= 6 and lines[-1].startswith("* date not in the article")
    assert "official visit" in text


def test_several_meetings_get_a_line_each(answerer: Answerer) -> None:
    reply = answerer.ask("what happened in 2023?")
    lines = reply.text.splitlines()
    assert lines[0] == "3 meetings:" and sum(line.startswith("• ") for line in lines) == 3
    assert "state visit" in reply.text and "/meetings" in reply.text


def test_meetings_are_listed_newest_first_in_pages(answerer: Answerer) -> None:
    head, page, total = answerer.summaries.listing("en")
    assert total == 4 and head.startswith("The meetings in the articles (4)")
    assert [m.id for m in page] == [m.id for m in reversed(answerer.table.meetings)]
    assert page[-1].about == "three-day state visit to Russia by Xi Jinping"
    _, rest, _ = answerer.summaries.listing("ru", offset=3, limit=10)
    assert [m.label for m in rest] == ["21 марта 2023 г., Москва"]
    assert answerer.summaries.of_meeting("nowhere", "en") is None
