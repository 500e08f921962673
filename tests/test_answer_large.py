"""Many meetings: replies stop building lines past Telegram's limit without changing a byte."""

from __future__ import annotations

import pytest
import yaml

from bench.synth import write_project
from bot import answer
from bot.answer import Answerer
from bot.build import build_table
from bot.config import load_config
from bot.render import TELEGRAM_LIMIT
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    config = load_config(write_project(tmp_path_factory.mktemp("large"), 80, seed=11), {})
    table, _ = build_table(config)
    return Answerer(table, config)


def test_cut_replies_equal_fully_built_ones(large, monkeypatch):
    questions = [str(i["q"]) for i in yaml.safe_load(
        (ROOT / "tests" / "questions.yaml").read_text(encoding="utf-8"))["questions"]]  # fmt: skip
    fast = [large.ask(q) for q in questions]
    monkeypatch.setattr(answer, "TELEGRAM_LIMIT", 10**9)  # build every line, let render cut
    full = [large.ask(q) for q in questions]
    assert fast == full
    assert sum(len(r.text) == TELEGRAM_LIMIT for r in fast) >= 5  # the cut really happened
