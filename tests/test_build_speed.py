"""Issue 17's shortcuts for large corpora give what the long way gives: the Russian check that
remembers a rendering's problems across articles."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from bot.corpus import load_articles
from bot.errors import DataError
from bot.extract import extract
from bot.extractcache import RussianCheck
from bot.facts import Fact
from bot.gazetteer import load_gazetteer
from bot.glossary import DEFAULT_PATH as GLOSSARY_PATH
from bot.glossary import glossary_from_data, load_glossary
from bot.kinds import NEEDS, check_facts, render
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
