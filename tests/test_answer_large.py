"""Many meetings: indexed lookups and replies cut at Telegram's limit change nothing."""

from __future__ import annotations

import random

import pytest
import yaml

from bench.synth import write_project
from bot import picker, writer
from bot.answer import Answerer
from bot.build import build_table
from bot.config import load_config
from bot.facts import dump_table, load_table
from bot.kinds import KINDS, READERS
from bot.kinds.person import KIND as PERSON
from bot.render import TELEGRAM_LIMIT
from tests.support import ROOT


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    config = load_config(write_project(tmp_path_factory.mktemp("large"), 80, seed=11), {})
    table, _ = build_table(config)
    return Answerer.from_table(table, config)


def test_cut_replies_equal_fully_built_ones(large, monkeypatch):
    monkeypatch.setattr(picker, "SHOWN", 10**9)  # every meeting listed: the writer cuts
    questions = [str(i["q"]) for i in yaml.safe_load(
        (ROOT / "tests" / "questions.yaml").read_text(encoding="utf-8"))["questions"]]  # fmt: skip
    fast = [large.ask(q) for q in questions]
    monkeypatch.setattr(writer, "TELEGRAM_LIMIT", 10**9)  # build every line, let render cut
    full = [large.ask(q) for q in questions]
    assert fast == full
    assert sum(len(r.text) == TELEGRAM_LIMIT for r in fast) >= 5  # the cut really happened


@pytest.mark.parametrize(
    ("question", "more"),
    [("when did they meet?", "earlier meetings"), ("когда они встречались?", "ещё встреч раньше"),
     ("what areas of cooperation did they discuss?", "earlier meetings")],
)  # fmt: skip
def test_long_answers_list_the_latest_meetings_and_say_how_many_more(large, question, more):
    reply = large.ask(question)
    meetings = len(large.table.meetings)
    assert meetings > picker.SHOWN
    lines = reply.text.splitlines()
    assert sum(line.startswith("•") for line in lines) == picker.SHOWN
    assert more in lines[-1] and str(meetings - picker.SHOWN) in lines[-1], lines[-1]
    assert len(reply.text) < TELEGRAM_LIMIT
    if "когда" not in question and "areas" not in question:
        assert f"They met {meetings} times" in lines[0]
    newest = max(large.table.meetings, key=lambda m: large.table.sort_key(m.id))
    assert large.writer.meeting_label(newest, reply.lang) in lines[1]


def test_indexed_lookups_equal_scans(large):
    table = large.table
    ids = [m.id for m in table.meetings]
    rng = random.Random(1)
    for kind in KINDS:
        facts = [f for f in table.facts if f.kind == kind]
        subsets = [None, set(), {ids[0]}, set(ids), set(rng.sample(ids, 10)), {"nope", ids[-1]}]
        for subset in subsets:
            scan = [f for f in facts if subset is None or f.meeting in subset]
            assert table.find(kind, subset) == scan
    for m in table.meetings:
        assert table.meeting(m.id) is m and table.sort_key(m.id) == m.sort_key()
        people = {f.value for f in table.facts if f.kind == PERSON and f.meeting == m.id}
        assert table.values(PERSON, m.id) == people
    assert table.meeting("nope") is None and table.sort_key("nope") == (0, "nope")


def test_table_round_trip_shares_repeated_strings(large, tmp_path):
    dump_table(large.table, tmp_path / "facts.json")
    loaded = load_table(tmp_path / "facts.json", READERS)
    key = lambda f: (f.article, f.sentence, f.kind, f.value)  # noqa: E731 - dump_table's order
    assert sorted(loaded.facts, key=key) == sorted(large.table.facts, key=key)
    by_sentence: dict[str, set[int]] = {}
    for f in loaded.facts:
        by_sentence.setdefault(f.source, set()).add(id(f.source))
    assert len(by_sentence) < len(loaded.facts) / 2  # sentences do repeat
    assert all(len(ids) == 1 for ids in by_sentence.values())  # one object per sentence
