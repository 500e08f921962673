"""Issue 17's shortcuts for large corpora give what the long way gives: the Russian check that
remembers a rendering's problems across articles, a store's articles and inputs read when asked
for, a fresh table known by its articles' listing."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bench.synth import write_project
from bot import build as build_module
from bot.answer import Answerer
from bot.build import build_report, current_table, seeds_listing
from bot.config import Config, load_config
from bot.corpus import load_articles
from bot.errors import DataError
from bot.extract import extract
from bot.extractcache import RussianCheck
from bot.facts import Fact
from bot.factstore import StoredTable, store_path
from bot.gazetteer import load_gazetteer
from bot.glossary import DEFAULT_PATH as GLOSSARY_PATH
from bot.glossary import glossary_from_data, load_glossary
from bot.kinds import NEEDS, READERS, check_facts, render
from bot.yamlio import load_yaml
from tests.support import ARTICLES, DEV_ARTICLES, GENRE_ARTICLES, ROOT


@pytest.fixture(scope="module")
def corpus_facts() -> list[Fact]:
    gaz = load_gazetteer()
    folders = (ROOT / "seeds", ARTICLES, ARTICLES / "styles", DEV_ARTICLES, GENRE_ARTICLES)
    return [f for folder in folders for a in load_articles(folder)
            if not isinstance(a, DataError) for f in extract(a, gaz)[1]]  # fmt: skip


def test_a_rendering_does_not_read_where_its_fact_came_from(corpus_facts: list[Fact]) -> None:
    """``check_facts``'s memo leaves these fields out of its key: no kind may read them."""
    glossary, gaz = load_glossary(NEEDS), load_gazetteer()
    for f in corpus_facts:
        where = {"article": "elsewhere", "sentence": f.sentence + 7, "source": "Another one.",
                 "meeting": "m-0", "place": "Nowhere"}  # fmt: skip
        moved = dataclasses.replace(f, **where)
        assert render(glossary, moved, gaz) == render(glossary, f, gaz), f


def test_the_check_with_a_memo_finds_what_the_check_without_finds(
    corpus_facts: list[Fact],
) -> None:
    data = load_yaml(GLOSSARY_PATH)
    broken = copy.deepcopy(data)
    for section in ("event_names", "units", "titles", "names"):
        for entry in list(broken[section])[::2]:
            del broken[section][entry]
    gaz = load_gazetteer()
    for glossary in (load_glossary(NEEDS), glossary_from_data(broken, NEEDS)):
        plain = check_facts(glossary, gaz, corpus_facts)
        memo: dict[Any, tuple[str, ...]] = {}
        assert check_facts(glossary, gaz, corpus_facts, memo=memo) == plain
        assert memo and len(memo) < len(corpus_facts)
        assert check_facts(glossary, gaz, corpus_facts, memo=memo) == plain  # (all remembered)
        check = RussianCheck(glossary, data, "sha")
        halves = corpus_facts[: len(corpus_facts) // 2], corpus_facts[len(corpus_facts) // 2 :]
        assert [line for h in halves for line in check.check(h, gaz)] == plain
    assert plain, "the broken glossary lacks terms the corpus needs"


def _project(tmp_path: Path) -> Config:
    config = load_config(write_project(tmp_path / "project", 12, seed=4), {})
    build_report(config)
    return config


def test_a_stored_table_reads_its_articles_and_inputs_when_asked_as_the_table_has_them(
    tmp_path: Path,
) -> None:
    config = _project(tmp_path)
    table, _ = build_module.build_table(config)  # in memory, as the build made it
    stored = StoredTable(store_path(config.table_path), READERS)
    try:
        assert stored._articles is None and stored._inputs is None  # (not read on opening)
        assert stored.articles == table.articles
        assert stored.inputs == table.inputs
        assert json.loads(stored.meta["articles"]) == [
            dataclasses.asdict(a) for a in table.articles
        ]
        assert set(stored.meta) >= {"articles", "inputs", "stats", "listing", "meetings"}
        assert json.loads(stored.meta["intents"]) == stored.intents  # (read again: long)
        answerer = Answerer.from_table(stored, config)
        assert answerer.titles == {a.stem: a.title for a in table.articles}
    finally:
        stored.close()


def test_a_fresh_table_is_known_by_its_listing_and_a_changed_article_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path)
    stats_read: list[int] = []
    real = build_module._stats

    def counted(stored: StoredTable) -> Any:
        stats_read.append(1)
        return real(stored)

    monkeypatch.setattr(build_module, "_stats", counted)
    assert not current_table(config).rebuilt
    assert stats_read == []  # (the listing was the build's: no stat compared one by one)
    article = sorted(config.seeds_dir.glob("*.txt"))[3]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(".", "!", 1), encoding="utf-8")  # same size
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 1_000_000))
    assert "changed" in current_table(config).rebuilt
    assert not current_table(config).rebuilt
    (config.seeds_dir / "zz_new.txt").write_text(text, encoding="utf-8")
    assert "added" in current_table(config).rebuilt
    # an article the build could not stat (read while it changed): compared one by one
    assert seeds_listing({}, {"seeds/a.txt": "x"}) == ""
