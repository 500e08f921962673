"""The benchmark's synthetic corpus: deterministic, parseable, one dated meeting per article."""

from __future__ import annotations

import dataclasses
from collections import Counter

from bench.synth import generate, ordinal, write_project
from bot.build import build_table
from bot.config import load_config
from bot.corpus import load_articles


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a = generate(tmp_path / "a", 8, seed=1)
    b = generate(tmp_path / "b", 8, seed=1)
    c = generate(tmp_path / "c", 8, seed=2)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.name for p in a] != [p.name for p in c]


def test_articles_parse_and_each_yields_its_own_dated_meeting(tmp_path):
    n = 30
    config = load_config(write_project(tmp_path, n, seed=7), {})
    items = list(load_articles(config.seeds_dir))
    assert len(items) == n and all(not isinstance(i, Exception) for i in items)
    table, report = build_table(dataclasses.replace(config, build=dataclasses.replace(
        config.build, on_bad_article="reject")))  # fmt: skip
    assert report.articles == n and not report.skipped
    assert all(a.meeting for a in table.articles)
    assert all(m.date is not None and m.place for m in table.meetings)
    # dates and places really vary: not the five seed meetings again
    assert len(table.meetings) >= n - 3
    assert len({m.place for m in table.meetings}) >= 8
    assert len({m.date.year for m in table.meetings if m.date}) >= 5
    kinds = Counter(str(f.kind) for f in table.facts)
    assert kinds["meeting"] >= n and kinds["area"] >= n


def test_ordinal():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 28, 40)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "28th",
        "40th",
    ]
