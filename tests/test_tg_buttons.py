"""Source button keys (bot/tg/buttons.py): self-describing, at most 64 bytes, never wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config
from bot.facts import FactTable
from bot.render import Source
from bot.tg.buttons import (
    LIMIT,
    AskKeys,
    RememberedKeys,
    SourceKeys,
    meeting_key,
    meeting_of,
    page_key,
    page_of,
)
from tests.support import ROOT, make_project


def questions() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests").glob("questions*.yaml")):
        out += [q["q"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return out


def test_every_answer_of_the_question_sets_has_a_named_key(answerer: Answerer) -> None:
    """With the seeds, every answer's sources fit in a self-describing key, in their order."""
    keys = SourceKeys(answerer.table)
    answered = 0
    for question in questions():
        reply = answerer.ask(question)
        if not reply.sources:
            continue
        answered += 1
        key = keys.key(reply.sources)
        assert key is not None, (question, len(reply.sources))
        assert key.startswith("src:1") and len(key.encode()) <= LIMIT
        assert keys.sources(key) == reply.sources
        # a new index of the same table (a restart) reads it the same
        assert SourceKeys(answerer.table).sources(key) == reply.sources
    assert answered > 300


def test_a_key_goes_stale_when_its_article_changes_and_not_otherwise(
    tmp_path: Path, answerer: Answerer
) -> None:
    config = make_project(tmp_path).config()
    before, _ = build_table(config)
    reply = Answerer.from_table(before, config).ask("when did they meet in 2025?")
    (file,) = {s.file for s in reply.sources}
    key = SourceKeys(before).key(reply.sources)
    other = Answerer.from_table(before, config).ask("which anniversary?")
    other_key = SourceKeys(before).key(other.sources)
    assert key and other_key and file not in {s.file for s in other.sources}
    article = config.seeds_dir / file
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence here.\n",
                       encoding="utf-8")  # fmt: skip
    after, _ = build_table(config)
    assert SourceKeys(after).sources(key) is None  # stale: an alert, not another sentence
    assert SourceKeys(after).sources(other_key) == other.sources  # untouched article: same


def test_garbage_and_old_keys_name_nothing(answerer: Answerer) -> None:
    keys = SourceKeys(answerer.table)
    good = keys.key(answerer.ask("which anniversary?").sources)
    assert good is not None
    for data in [None, "", "src:", "src:1", "src:2", "src:a", "src:1a", "src:1ab", "src:1abcd",
                 "src:1////", "src:1" + "A" * 59, "src:1" + "_" * 80, "xyz:1abc",
                 good[:-1], good + "A", good[:-4], good.replace("src:1", "src:2"),
                 good[:5] + "=" + good[6:], "src:1\x00\x00\x00\x00"]:  # fmt: skip
        assert keys.sources(data) is None, data
    # flipping any character of a good key names nothing, or other sentences of the articles
    sentences = {(s.file, s.sentence) for s in _all_sources(answerer.table)}
    for at in range(5, len(good)):
        for char in "AQgw-_9":
            data = good[:at] + char + good[at + 1 :]
            found = keys.sources(data)
            assert found is None or {(s.file, s.sentence) for s in found} <= sentences


def _all_sources(table: FactTable) -> list[Source]:
    from bot.sources import fact_source

    return [fact_source(f) for f in table.facts]


def test_too_many_sources_for_64_bytes_get_no_named_key(config: Config, answerer: Answerer) -> None:
    sources = _all_sources(answerer.table)
    assert SourceKeys(answerer.table).key(sources) is None
    assert SourceKeys(answerer.table).key([Source("nowhere.txt", "Not in the table.")]) is None


def test_article_digests_shared_by_two_articles_name_neither(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.tg.buttons.article_id", lambda stem, sha: b"same")
    keys = SourceKeys(answerer.table)
    reply = answerer.ask("which anniversary?")
    assert keys.key(reply.sources) is None and keys.sources("src:1c2FtZQEA") is None


def test_remembered_keys_are_random_per_chat_and_bounded() -> None:
    remembered = RememberedKeys(size=2)
    sources = (Source("a.txt", "A sentence."),)
    first = remembered.key(sources, 1)
    assert first.startswith("src:m") and len(first.encode()) <= LIMIT
    assert remembered.key(sources, 1) != first  # random, not a counter or a digest
    assert remembered.sources(first, 1) == sources
    assert remembered.sources(first, 2) is None  # another chat learns nothing
    remembered.key(sources, 1)
    assert remembered.sources(first, 1) is None and len(remembered) == 2
    assert remembered.sources(None, 1) is None and remembered.sources("src:m", 1) is None


def test_meeting_keys_name_the_meeting_and_survive_a_new_index(answerer: Answerer) -> None:
    for meeting in answerer.table.meetings:
        key = meeting_key(meeting.id)
        assert key == "mtg:" + meeting.id and len(key.encode()) <= LIMIT
        assert meeting_of(key, answerer.table) == meeting.id
    long_id = "2023-03-21-" + "x" * 80
    key = meeting_key(long_id)
    assert key.startswith("mtg:~") and len(key.encode()) <= LIMIT and key == meeting_key(long_id)
    assert meeting_of(key, answerer.table) is None  # no such meeting here
    for data in (None, "", "mtg:", "mtg:nowhere", "mtg:~", "src:1abc", "mtg:" + "x" * 80):
        assert meeting_of(data, answerer.table) is None, data
    assert page_of(page_key(10)) == 10
    assert [page_of(d) for d in (None, "mtgs:", "mtgs:x", "mtgs:-1", "mtgs:" + "9" * 20)] == [
        None
    ] * 5


def test_question_keys_hold_the_question_or_a_key_for_its_chat() -> None:
    asks = AskKeys(size=2)
    short = asks.key("when did they meet in Beijing?", 1)
    assert short == "ask:when did they meet in Beijing?"
    assert asks.question(short, 1) == asks.question(short, 2) == "when did they meet in Beijing?"
    long = "когда Си Цзиньпин и Михаил Мишустин встречались в Пекине?"  # 64+ bytes in UTF-8
    key = asks.key(long, 1)
    assert key.startswith("ask:~") and len(key.encode()) <= LIMIT
    assert asks.question(key, 1) == long and asks.question(key, 2) is None
    assert asks.question("ask:", 1) is None and asks.question("src:1ab", 1) is None
    asks.key("a" * 80, 1)
    asks.key("b" * 80, 1)
    assert asks.question(key, 1) is None  # forgotten: only the last ``size`` are kept
