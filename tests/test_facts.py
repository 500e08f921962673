"""The fact table file: whatever ``build`` writes, ``load_table`` reads back as the same table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.build import build
from bot.facts import load_table

from .projectcopy import ARTICLES, copied_project

TEST_ARTICLES = sorted(p.name for p in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("article", [None, *TEST_ARTICLES])
def test_built_table_loads_back_equal(tmp_path: Path, article: str | None) -> None:
    """The seeds, and the seeds plus each held-out article (undated meetings included)."""
    config = copied_project(tmp_path)
    if article:
        shutil.copy(ARTICLES / article, config.seeds_dir / f"005_{article}")
    built, _ = build(config)
    loaded = load_table(config.table_path)
    assert loaded.facts == built.facts
    assert loaded.meetings == built.meetings
    assert loaded == built


def test_undated_meeting_round_trips(tmp_path: Path) -> None:
    """Issue 14 item 6: a copy of seed 000 in another city, with no curated date."""
    config = copied_project(tmp_path)
    seed = next(config.seeds_dir.glob("000_*.txt"))
    text = seed.read_text(encoding="utf-8").replace("Beijing", "Shanghai")
    (config.seeds_dir / "005_undated.txt").write_text(text, encoding="utf-8")
    built, _ = build(config)
    (undated,) = [m for m in built.meetings if m.place == "Shanghai"]
    assert undated.date is None
    assert load_table(config.table_path) == built
