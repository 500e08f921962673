"""A new article of the genre dropped into seeds/ is answered after a rebuild, no code changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.answer import Answerer
from bot.build import build_table

from .conftest import ROOT, project_config

NEW = Path(__file__).parent / "data" / "articles" / "tass_2024.txt"


def test_new_article_is_answered(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    shutil.copy(NEW, seeds / "005_tass_2024.txt")
    config = project_config(tmp_path, seeds_dir=seeds, curated_path=seeds / "curated.yaml")
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
