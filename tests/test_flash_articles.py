"""New articles in other styles (issue 13): a wire service's flash series (several datelined
items, one filed from Moscow; "PM", "pct", "yr/yr", "trln yuan"; a denied report) and a
feature that looks back at the meetings, with one that was postponed and never held, an
analyst's forecast and a planned visit. Invented, in tests/data/articles/flashes; built with
the seeds and asked."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support import ARTICLES, Built, built_with

FLASHES = ARTICLES / "flashes"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("flashes"), FLASHES)


def test_the_flashes_meeting_is_where_its_dateline_and_venue_say(built: Built) -> None:
    """Not at "the Kremlin" of "the Kremlin's government press office said", nor in Moscow, the
    city of another flash; and the feature's recalled meetings are the same ones, not new."""
    (held,) = [m for m in built.table.meetings if m.date == date(2031, 8, 12)]
    assert held.place == "Vladivostok"
    assert len([m for m in built.table.meetings if not m.what]) == 5  # the seeds' four and this one


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("where exactly in vladivostok did they meet?", "Far Eastern Federal University"),
        ("what time of day did they meet in August 2031?", "afternoon"),
        ("what was trade in jan-jul 2031?", "1.62 trillion yuan"),
        ("what was trade in 2030?", "$250 billion in 2030"),
        ("when did they last meet?", "August 12, 2031"),
        ("what did xi invite mishustin to?", "Hainan"),
        ("who said trade will double by 2035?", "Anton Belov"),
        # the year trade is to double by chooses no meeting; one pair of quote marks
        ("Кто сказал, что товарооборот удвоится к 2035 году?", "«Trade will probably double"),
        ("Когда Си и Мишустин встретились во Владивостоке?", "12 августа 2031"),
    ],
)
def test_answers(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


def test_in_person_is_no_place(built: Built) -> None:
    """ "in person", and a question In Title Case, name no place."""
    for question in ("when did they meet in person?", "When Did Xi Meet Mishustin In Person?"):
        assert "August 12, 2031" in built.answerer.ask(question).text


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # the postponed meeting never happened; a place no article names
        ("was the Xiamen meeting held?", "Xiamen"),
        ("was the xiamen meeting held?", "Xiamen"),
        ("when did they meet in Xiamen?", "Xiamen"),
        ("when did they meet in Nairobi?", "Nairobi"),
        # a name no statement found names: what was said of something else is no answer
        ("what did xi say about Norway's election?", "Norway"),
        # the denied report: no agreement on a price
        ("did they agree a new gas price?", "price"),
    ],
)
def test_declines(built: Built, question: str, missing: str) -> None:
    reply = built.answerer.ask(question)
    assert not reply.matched and missing in reply.text, reply.text


def test_the_analysts_forecast_is_not_mishustins(built: Built) -> None:
    text = built.answerer.ask("did mishustin say trade would double?").text
    assert text.startswith("No. ") and "Anton Belov" in text, text


def test_a_years_trade_is_its_whole_years_figure(built: Built) -> None:
    """ "trade in 2030": the year's own figure, not also its first six months'."""
    text = built.answerer.ask("what was trade in 2030?").text
    assert "$250 billion" in text and "118" not in text, text
    assert "118" in built.answerer.ask("what was trade in jan-jun 2030?").text
