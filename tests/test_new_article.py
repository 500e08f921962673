"""A new article of the genre dropped into seeds/ is answered after a rebuild, no code changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.answer import Answerer
from bot.build import build_table
from tests.support import ARTICLES, Project


def test_new_article_is_answered(tmp_path: Path, make_project: Callable[..., Project]) -> None:
    config = make_project(tmp_path, articles=[ARTICLES / "tass_2024.txt"]).config()
    table, report = build_table(config)
    assert report.meetings == 5
    answerer = Answerer.from_table(table, config)
    assert "August 21, 2024" in answerer.ask("when did they meet in 2024?").text
    assert "5 times" in answerer.ask("how many times did they meet?").text
    assert "1.7 trillion yuan" in answerer.ask("what trade figure was given in august 2024?").text
    occasion = answerer.ask("which regular meeting of the heads of government was held in 2024?")
    assert "29th" in occasion.text
    areas = answerer.ask("what areas of cooperation did they discuss in august 2024?").text
    assert "shipbuilding" in areas and "Northern Sea Route" in areas
