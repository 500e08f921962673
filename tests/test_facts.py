"""The fact table file: whatever ``build`` writes, ``load_table`` reads back as the same table."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.build import build
from bot.facts import FactTable, fact_order, load_table
from bot.kinds import READERS
from tests.support import ARTICLES, make_project

TEST_ARTICLES = sorted(p.name for p in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("article", [None, *TEST_ARTICLES])
def test_built_table_loads_back_equal(tmp_path: Path, article: str | None) -> None:
    """The seeds, and the seeds plus each held-out article (undated meetings included)."""
    config = make_project(tmp_path, json_table=True).config()
    if article:
        shutil.copy(ARTICLES / article, config.seeds_dir / f"005_{article}")
    built, _ = build(config)
    loaded = load_table(config.table_path, READERS)
    assert loaded.facts == built.facts
    assert loaded.meetings == built.meetings
    assert loaded == built


def test_undated_meeting_round_trips(tmp_path: Path) -> None:
    """Issue 14 item 6: a copy of seed 000 in another city, with no curated date."""
    config = make_project(tmp_path, json_table=True).config()
    seed = next(config.seeds_dir.glob("000_*.txt"))
    text = seed.read_text(encoding="utf-8").replace("Beijing", "Shanghai")
    (config.seeds_dir / "005_undated.txt").write_text(text, encoding="utf-8")
    built, _ = build(config)
    (undated,) = [m for m in built.meetings if m.place == "Shanghai"]
    assert undated.date is None
    assert load_table(config.table_path, READERS) == built


def test_ask_says_once_on_stderr_when_it_rebuilds_and_why(tmp_path: Path) -> None:
    config = make_project(tmp_path).config()
    shutil.copy(ARTICLES / "cgtn_moscow.txt", config.seeds_dir / "005_cgtn_moscow.txt")
    path = tmp_path / "config.yaml"
    path.write_text(
        f"version: 1\nseeds_dir: {config.seeds_dir}\nintents_dir: {config.intents_dir}\n"
        f"curated: {config.curated_path}\ntable: {config.table_path}\n",
        encoding="utf-8",
    )

    def ask() -> str:
        run = subprocess.run(
            [sys.executable, "-m", "bot", "--config", str(path), "ask", "where did they meet?"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert run.returncode == 0 and "Moscow" in run.stdout, run.stderr
        return run.stderr

    first = ask().splitlines()
    assert len(first) == 1 and "rebuilt the fact table" in first[0], first
    assert "not found" in first[0]
    assert ask() == ""  # read back, not rebuilt
    (config.seeds_dir / "005_cgtn_moscow.txt").write_text(
        (ARTICLES / "cgtn_moscow.txt").read_text(encoding="utf-8") + "\nOne more sentence here.\n",
        encoding="utf-8",
    )
    (changed,) = ask().splitlines()
    assert "rebuilt the fact table" in changed and "seeds/005_cgtn_moscow.txt changed" in changed
    assert ask() == ""


def test_table_text_is_the_indented_json_with_a_fact_a_line(tmp_path: Path) -> None:
    """The same data as ``json.dumps(indent=1)`` of the table (issue 17 wrote its facts with the C
    encoder, one a line), and the same text for the same table."""
    table, _ = build(make_project(tmp_path).config())
    text = table.to_json()
    data = json.loads(text)
    assert data["facts"] == [f.to_json() for f in sorted(table.facts, key=fact_order)]
    indented = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    head = indented.partition('"facts": [')[0]
    assert text.startswith(head)  # the sections before the facts, as they were
    lines = text.partition('"facts": [\n')[2].partition("\n ],\n")[0].split(",\n")
    assert [json.loads(line) for line in lines] == data["facts"]
    assert FactTable(table.facts, table.articles, table.inputs, table.intents, table.lexicon,
                     table.gazetteer, table.glossary).to_json() == text  # fmt: skip
    assert json.loads(FactTable(()).to_json())["facts"] == []
