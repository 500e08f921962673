"""A briefing note's labelled lines and a podcast that corrects itself (tests/data/articles/sheet,
written for these tests): "- Venue: Qujiang Guesthouse, Xi'an" is the meeting's venue and "- Date:
Wednesday, 8 September 2038 (morning session ...)" its time of day; a host's slip that the other
host corrects at once ("Xi received Mishustin on Monday the sixth" / "Not quite. ...") is no
meeting; a yes-or-no question about a day they did not meet on is answered no."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("sheet"), ARTICLES / "sheet")


def test_one_meeting_at_the_venue_the_note_lists(built: Built) -> None:
    held = [m for m in built.table.meetings if not m.what and m.date and m.date.year == 2038]
    assert [m.date for m in held] == [date(2038, 9, 8)]
    reply = built.answerer.ask("Where did Xi meet Mishustin in September 2038?")
    assert "Qujiang Guesthouse" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "starts", "has"),
    [
        ("What time of day did they meet in Xi'an?", "Time of day: morning", "morning"),
        ("Did Xi meet Mishustin on September 6, 2038?", "No.", "September 8, 2038"),
        ("Did Xi meet Mishustin on September 8, 2038?", "Yes.", "September 8, 2038"),
        ("Did they meet on May 25, 2023?", "No.", "May 24, 2023"),
    ],
)
def test_questions_of_the_note_and_the_podcast(
    built: Built, question: str, starts: str, has: str
) -> None:
    reply = built.answerer.ask(question)
    assert reply.text.startswith(starts) and has in reply.text, reply.text
