"""A live blog that corrects itself, a government release that lists the participants side by
side, and a Russian wire brief of a seed meeting (tests/data/articles/liveblog, written for these
tests): where the principals "are due to hold talks" on the day they meet is where they met; a
figure the blog says was wrong ("7.9 trillion roubles, not 9.4 trillion as we reported") is no
figure anywhere in it; "Yelena ... – Deputy Prime Minister ...;" lines under "From the Russian
side:" were present, and "a Minister of Foreign Affairs" is a foreign minister; last year's
trade said at a meeting of 2047 is 2046's, asked of 2046; "Беседа продолжалась около часа" is the
talks' length and "Накануне ... провели 28-ю регулярную встречу" the premiers' meeting."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts import FactKind
from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("liveblog"), ARTICLES / "liveblog")


def test_the_corrected_figure_is_the_only_one(built: Built) -> None:
    shown = [f.display for f in built.table.find(FactKind("trade"))] + [
        f.display for f in built.table.find(FactKind("statement"))
    ]
    assert any("7.9 trillion" in d for d in shown), shown
    assert not any("9.4 trillion" in d for d in shown), shown


def test_the_meetings_and_the_venue_the_blog_announced(built: Built) -> None:
    places = {m.date: m.place for m in built.table.meetings if not m.what}
    assert places[date(2046, 9, 9)] == "Moscow" and places[date(2047, 5, 14)] == "Kazan"
    reply = built.answerer.ask("Where exactly did Mishustin and Xi meet in September 2046?").text
    assert "Government House" in reply, reply


@pytest.mark.parametrize(
    ("question", "has", "hasnt"),
    [
        ("What was trade in January-July 2046?", "7.9 trillion", "9.4"),
        ("Who was present at the Kazan meeting?", "Oksana Lyapina", "Li Qiang"),
        ("Which Chinese foreign minister attended in Kazan?", "Zhou Mingxuan", "Wang Yi"),
        ("What figure did Mishustin give for trade in 2046?", "33.6 trillion", "no such meeting"),
        ("How long did the December 2023 meeting last?", "about an hour", "do not say"),
        ("Сколько длилась встреча в декабре 2023 года?", "около 60 минут", "не сказано"),
        ("who did mishustin hold the 28th regular meeting with", "Li Qiang", "Xi Jinping and"),
    ],
)
def test_questions_of_the_three_reports(built: Built, question: str, has: str, hasnt: str) -> None:
    reply = built.answerer.ask(question).text
    assert has in reply and hasnt not in reply, reply
