"""The core of /reload: rebuilding the table and describing what changed."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.build import build
from bot.errors import FactbotError
from bot.factstore import store_path
from bot.reload import compare_tables, reload_answerer
from tests.support import ARTICLES


@pytest.fixture
def project(tmp_path, make_project):
    config = make_project(tmp_path).config()
    table, _ = build(config)
    return config, table


def test_nothing_changed(project):
    config, table = project
    result = reload_answerer(config, table)
    assert result.changes.unchanged
    assert result.summary().startswith("Reloaded: no changes.")
    n = len(table.facts)
    assert f"Facts: {n} -> {n}" in result.summary()
    assert isinstance(result.answerer, Answerer) and result.answerer.table is not table


def test_added_removed_changed_articles(project):
    config, table = project
    seeds = config.seeds_dir
    (seeds / "tass_2024.txt").write_bytes((ARTICLES / "tass_2024.txt").read_bytes())
    (seeds / "004_505f30e160bf41c1.txt").unlink()
    changed = seeds / "003_4a3b4d97d80af711.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nA new closing sentence.\n", encoding="utf-8"
    )
    result = reload_answerer(config, table)
    ch = result.changes
    assert ch.added == ("tass_2024",) and ch.removed == ("004_505f30e160bf41c1",)
    assert ch.changed == ("003_4a3b4d97d80af711",)
    assert ch.facts == (len(table.facts), len(result.answerer.table.facts))
    text = result.summary()
    assert "Articles added (1): tass_2024" in text
    assert "Articles removed (1): 004_505f30e160bf41c1" in text
    assert "Articles changed (1): 003_4a3b4d97d80af711" in text
    assert "tass_2024" in {a.stem for a in result.answerer.table.articles}


def test_intent_file_removed(project):
    config, table = project
    before = len(table.intents)
    (config.intents_dir / "topics.yaml").unlink()
    ch = reload_answerer(config, table).changes
    assert ch.intents[0] == before and ch.intents[1] < before and ch.intents_changed
    assert not ch.added and not ch.removed


def test_broken_intent_file_raises_and_keeps_the_table_file(project):
    config, table = project
    saved = store_path(config.table_path).read_bytes()
    (config.intents_dir / "meetings.yaml").write_text("intents: [unclosed\n", encoding="utf-8")
    with pytest.raises(FactbotError) as info:
        reload_answerer(config, table)
    assert "meetings.yaml" in str(info.value) and "\n" not in str(info.value)
    assert store_path(config.table_path).read_bytes() == saved


def test_compare_is_symmetric_in_added_and_removed(project):
    config, table = project
    (config.seeds_dir / "tass_2024.txt").write_bytes((ARTICLES / "tass_2024.txt").read_bytes())
    new, _ = build(config)
    forward, backward = compare_tables(table, new), compare_tables(new, table)
    assert forward.added == backward.removed and forward.removed == backward.added
    assert forward.facts == backward.facts[::-1]
