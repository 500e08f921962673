"""New articles in other styles (issue 13): a live blog of a visit day (an arrival, "Xi Jinping
welcomed Mishustin" as the meeting, a signing, a quote an "UPDATE:" entry gives to the other
man, tomorrow's plans), a government transcript in the first person ("came with me", "last
year our trade ...", "this year marks ...") and an op-ed in which one welcomed the other's
proposal (no meeting). Invented, in tests/data/articles/liveday; built with the seeds."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support import ARTICLES, Built, built_with

LIVEDAY = ARTICLES / "liveday"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("liveday"), LIVEDAY)


def test_the_meetings_held(built: Built) -> None:
    """The blog's (a host who welcomed his guest by name met him) and the transcript's; the
    op-ed's welcome of a proposal and its guess at a Harbin meeting are none."""
    held = {m.date: m.place for m in built.table.meetings if not m.what and m.date}
    assert held[date(2032, 4, 22)] == "Chengdu"
    assert held[date(2033, 10, 9)] == "Qingdao"
    assert not any(m.place == "Harbin" for m in built.table.meetings)
    assert len(held) == 6  # the seeds' four and these two


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("who met mishustin at the airport in chengdu?", "Huang Qiang"),
        ("what documents were signed in chengdu?", "memorandum on panda conservation"),
        # the UPDATE entry: the remark was Mishustin's, not Xi's
        ("who said the countries should open new routes for trade across eurasia?",
         "Mikhail Mishustin"),
        ("what was trade in 2031?", "$255 billion"),
        ("who came with mishustin to qingdao?", "Dmitry Patrushev"),
        ("what was trade in 2032?", "270 billion"),
        ("which anniversary was mentioned in 2033?", "25th anniversary"),
    ],
)  # fmt: skip
def test_answers(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


def test_the_corrected_remark_is_not_xis(built: Built) -> None:
    assert (
        "Eurasia"
        not in built.answerer.ask("what did xi say about trade routes across eurasia?").text
    )
