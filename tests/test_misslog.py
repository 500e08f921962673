"""The misses log writer: which replies are misses, what a line holds, rotation, concurrent
writers, and a full disk or an unwritable folder that never stops anything."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.config import Config
from bot.misslog import FIELDS, TEXT_LIMIT, MissLog, mask, miss_entry, rotated
from bot.render import Reply

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 11, 23, 12, 0, 5, tzinfo=UTC)


def entry(answerer: Answerer, config: Config, question: str, chat: str = "private") -> dict | None:
    reply = answerer.ask(question)
    return miss_entry(question, reply, chat, config.misses.margin, config.match.threshold, NOON)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- what is a miss


def test_the_matcher_exposes_the_runner_up_score(answerer: Answerer) -> None:
    match = answerer.matcher.match(
        answerer.reader.read("when did xi invite mishustin to visit china")
    )
    assert match.scores[1][1] == match.runner_up < match.score
    reply = answerer.ask("when did xi invite mishustin to visit china")
    assert reply.runner_up == match.runner_up and reply.score == match.score
    assert answerer.matcher.match(answerer.reader.read("???")).runner_up == 0.0


def test_a_clear_answer_is_no_miss(answerer: Answerer, config: Config) -> None:
    assert entry(answerer, config, "when did they meet?") is None


@pytest.mark.parametrize(
    ("question", "reason", "intent"),
    [
        ("when did xi invite mishustin to visit china", "low_margin", "invitations"),
        ("???", "no_words", None),
        ("what is the capital of France", "off_topic", "out_of_scope"),
        ("what did xi say about ukraine", "no_fact", "statements"),  # no statement says it
        ("when did they meet in 2019?", "no_fact", "meeting_date"),
    ],
)
def test_misses_and_their_reasons(
    answerer: Answerer, config: Config, question: str, reason: str, intent: str | None
) -> None:
    line = entry(answerer, config, question, "supergroup")
    assert line is not None and line["reason"] == reason and line["intent"] == intent
    assert tuple(line) == FIELDS
    assert line["time"] == "2026-11-23T12:00:05Z" and line["chat"] == "supergroup"
    assert line["text"] == question and line["lang"] == "en"
    assert line["answered"] is (reason == "low_margin")
    assert line["margin"] == round(
        line["score"] - answerer.matcher.match(answerer.reader.read(question)).runner_up, 4
    )
    if reason == "low_margin":
        assert line["margin"] < config.misses.margin


def test_a_decline_says_why_when_the_bot_could(answerer: Answerer, config: Config) -> None:
    line = entry(answerer, config, "когда они встретились в 2019 году")
    assert line is not None and line["lang"] == "ru"
    assert line["detail"] == "В статьях нет такой встречи (2019)."


def test_text_is_cut_to_500_characters(answerer: Answerer, config: Config) -> None:
    line = entry(answerer, config, "what about the weather " * 100)
    assert line is not None and len(line["text"]) == TEXT_LIMIT


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("@john_doe when did they meet?", "@user when did they meet?"),
        ("call me on +7 (915) 123-45-67 pls", "call me on <number> pls"),
        ("my id is 5123456789, chat -1001234567890", "my id is <number>, chat -<number>"),
        ("write to ann.lee@example.org", "write to <email>"),
        ("see https://t.me/some_user or t.me/other", "see <link> or <link>"),
        ("the 2024-2025 years of culture", "the 2024-2025 years of culture"),
        ("trade in 2023 2024", "trade in 2023 2024"),
        ("$200 billion by 2024, March 21, 2023", "$200 billion by 2024, March 21, 2023"),
        ("bad \udc80 surrogate", "bad ? surrogate"),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert mask(text) == masked


# --------------------------------------------------------------------------- writing and rotation


def record(i: int, text: str = "question") -> dict:
    return {
        "time": "2026-11-23T12:00:00Z",
        "text": f"{text} {i}",
        "lang": "en",
        "chat": "private",
        "answered": False,
        "intent": None,
        "score": 0.0,
        "margin": 0.0,
        "reason": "no_words",
        "detail": "",
    }


def test_write_creates_the_folder_and_appends_lines(tmp_path: Path) -> None:
    log = MissLog(tmp_path / "new" / "misses.jsonl")
    assert log.write(record(1)) and log.write(record(2))
    assert [x["text"] for x in lines(log.path)] == ["question 1", "question 2"]
    assert log.path.stat().st_mode & 0o077 == 0  # only the bot's user reads it


def test_rotation_caps_every_file_and_keeps_the_newest(tmp_path: Path) -> None:
    log = MissLog(tmp_path / "misses.jsonl", max_bytes=10_000, backups=2)
    size = len(json.dumps(record(1000)) + "\n")
    for i in range(1000, 1400):  # ~12 files' worth: all but the last three fall off
        assert log.write(record(i))
    files = [rotated(log.path, 2), rotated(log.path, 1), log.path]
    assert all(f.exists() and f.stat().st_size <= 10_000 for f in files)
    assert not rotated(log.path, 3).exists()
    kept = [int(x["text"].split()[1]) for f in files for x in lines(f)]
    assert kept == list(range(kept[0], 1400)), "lines are kept in order, newest last"
    assert len(kept) > 2 * (10_000 // size)


def test_no_backups_starts_over(tmp_path: Path) -> None:
    log = MissLog(tmp_path / "misses.jsonl", max_bytes=10_000, backups=0)
    for i in range(300):
        log.write(record(i))
    assert not rotated(log.path, 1).exists() and log.path.stat().st_size <= 10_000
    assert lines(log.path)[-1]["text"] == "question 299"


def test_the_curator_may_delete_the_file_while_it_is_written(tmp_path: Path) -> None:
    log = MissLog(tmp_path / "misses.jsonl")
    log.write(record(1))
    log.path.unlink()
    log.write(record(2))
    assert [x["text"] for x in lines(log.path)] == ["question 2"]


def test_concurrent_writers_never_interleave_lines(tmp_path: Path) -> None:
    """8 threads, rotation every ~40 lines: every line whole, none lost, each writer in order."""
    log = MissLog(tmp_path / "misses.jsonl", max_bytes=10_000, backups=100)
    threads, per_thread = 8, 250
    start = threading.Barrier(threads)

    def writer(n: int) -> None:
        start.wait()
        for i in range(per_thread):
            assert log.write(record(i, f"writer{n} " + "x" * (1 + i % 97)))

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    files = sorted(log.path.parent.glob("misses.jsonl.*"), key=lambda p: -int(p.suffix[1:]))
    assert len(files) > 10, "rotation happened while the threads wrote"
    seen: dict[str, list[int]] = {}
    for f in [*files, log.path]:
        assert f.stat().st_size <= 10_000
        for x in lines(f):  # json.loads fails on a torn or interleaved line
            name, _, i = x["text"].split()
            seen.setdefault(name, []).append(int(i))
    assert seen == {f"writer{n}": list(range(per_thread)) for n in range(threads)}


# --------------------------------------------------------------------------- failing disks


def test_a_full_disk_is_logged_once_and_writing_resumes(tmp_path: Path, caplog) -> None:
    path = tmp_path / "misses.jsonl"
    path.symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    log = MissLog(path)
    with caplog.at_level(logging.INFO, logger="bot.misslog"):
        assert not any(log.write(record(i)) for i in range(50))
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "No space left on device" in warnings[0]
        path.unlink()  # space again
        assert log.write(record(51)) and log.write(record(52))
    assert [x["text"] for x in lines(path)] == ["question 51", "question 52"]
    assert [r.getMessage() for r in caplog.records].count(f"misses log: writing {path} again") == 1
    path.unlink()
    path.symlink_to("/dev/full")  # full again: a new episode, one more warning
    with caplog.at_level(logging.INFO, logger="bot.misslog"):
        assert not log.write(record(53)) and not log.write(record(54))
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == 2


def test_a_folder_that_cannot_be_created_is_logged_once(tmp_path: Path, caplog) -> None:
    (tmp_path / "file").write_text("not a folder")
    log = MissLog(tmp_path / "file" / "misses.jsonl")
    with caplog.at_level(logging.WARNING, logger="bot.misslog"):
        assert not any(log.write(record(i)) for i in range(10))
    assert len(caplog.records) == 1 and "Not a directory" in caplog.records[0].getMessage()


READ_ONLY = """
import logging, sys
from pathlib import Path
from bot.misslog import MissLog
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = MissLog(Path(sys.argv[1]) / "misses.jsonl")
entry = {"time": "2026-11-23T12:00:00Z", "text": "q"}
print(sum(log.write(entry) for _ in range(20)))
"""


def test_a_read_only_folder_is_logged_once(tmp_path: Path) -> None:
    """In a process that may not write the folder: as root, whom permissions do not stop, one
    without capabilities."""
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    command = [sys.executable, "-c", READ_ONLY, str(folder)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv to drop the capabilities")
        command = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", *command]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "Permission denied" in warnings[0], done.stderr
    assert not (folder / "misses.jsonl").exists()


def test_record_writes_only_misses(tmp_path: Path, answerer: Answerer) -> None:
    log = MissLog(tmp_path / "misses.jsonl")
    for question in (
        "when did they meet?",
        "what is the capital of France",
        "where did they meet?",
    ):
        log.record(question, answerer.ask(question), "private")
    assert [x["text"] for x in lines(log.path)] == ["what is the capital of France"]


def test_a_reply_without_a_runner_up_has_its_whole_score_as_margin() -> None:
    reply = Reply("answer", "x", "x", intent="trade", score=0.9)
    assert miss_entry("trade?", reply, "private", 0.05, 0.62) is None
    close = Reply("answer", "x", "x", intent="trade", score=0.9, runner_up=0.88)
    assert miss_entry("trade?", close, "private", 0.05, 0.62)["margin"] == 0.02  # type: ignore[index]
