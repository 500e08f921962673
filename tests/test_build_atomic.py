"""``build`` is atomic and never drops a broken article silently.

A failure halfway (extraction, a disk error while writing) leaves the last good table
byte-identical and answering; a broken new article is skipped and named, or rejected with one
line, as ``build.on_bad_article`` says.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bot.build
import bot.extract
from bot.answer import Answerer
from bot.build import build, ensure_table
from bot.cli import main
from bot.config import Config
from bot.errors import DataError
from bot.extractcache import cache_folder
from bot.facts import load_table
from bot.factstore import StoredTable, store_path
from bot.kinds import READERS
from tests.support import BAD_BYTES, ROOT, Project

QUESTION = "which anniversary?"


@pytest.fixture(params=["store", "JSON"])
def built(
    request: pytest.FixtureRequest, tmp_path: Path, make_project: Callable[..., Project]
) -> tuple[Config, bytes]:
    """A project with a good table already built: (config, the table's bytes): its store
    (builds after a change are incremental), or its JSON file (``build.json``: full builds)."""
    config = make_project(tmp_path, json_table=request.param == "JSON").config()
    build(config)
    return config, table_file(config).read_bytes()


@pytest.fixture
def json_built(tmp_path: Path, make_project: Callable[..., Project]) -> tuple[Config, bytes]:
    """``built`` with a JSON table (tests/test_incremental.py breaks writing the store)."""
    config = make_project(tmp_path, json_table=True).config()
    build(config)
    return config, table_file(config).read_bytes()


def table_file(config: Config) -> Path:
    """The file a build writes the table to: the JSON table with ``build.json``, else the store."""
    return config.table_path if config.build.json else store_path(config.table_path)


def assert_last_good_table(config: Config, good: bytes) -> None:
    """The table is untouched, no temporary file is left, and it still answers."""
    assert table_file(config).read_bytes() == good
    # the extraction cache (tests/test_extractcache.py) and the store (tests/test_factstore.py)
    others = {cache_folder(config.table_path), store_path(config.table_path)}
    left = [p.name for p in config.table_path.parent.iterdir() if p not in others]
    assert left == ([config.table_path.name] if config.build.json else [])
    table = (load_table(config.table_path, READERS) if config.build.json
             else StoredTable(store_path(config.table_path), READERS))  # fmt: skip
    reply = Answerer.from_table(table, config).ask(QUESTION)
    assert reply.matched and "75th anniversary" in reply.text


def test_failure_in_extraction_halfway_keeps_the_last_table(
    built: tuple[Config, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, good = built
    (config.seeds_dir / "005_new.txt").write_bytes(
        (ROOT / "tests/data/articles/tass_2024.txt").read_bytes())  # fmt: skip
    for changed in sorted(config.seeds_dir.glob("00[12]_*.txt")):  # extracted again, not cached
        changed.write_bytes(changed.read_bytes() + b"\nA closing line of the report.\n")
    real, calls = bot.extract.extract, []

    def extract(article: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(article.stem[:4])
        if article.stem.startswith("002_"):
            raise RuntimeError("extraction bug on the third article")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(bot.build, "extract", extract)
    with pytest.raises(RuntimeError):
        build(config)
    with pytest.raises(RuntimeError):
        ensure_table(config)  # an input changed, so it rebuilds, and fails the same way
    # the article extracted before the failure is cached: the second build starts at the third
    assert calls == ["001_", "002_", "002_"]
    assert_last_good_table(config, good)


class _DiskFull:
    """A binary file that takes half of what it is given, then fails like a full disk."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _fail(err: int) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("fdopen", lambda real: lambda *a, **k: _DiskFull(real(*a, **k))),
        ("fsync", lambda real: _fail(errno.EIO)),
        ("replace", lambda real: _fail(errno.EACCES)),
    ],
    ids=["disk full halfway", "fsync fails", "rename fails"],
)
def test_disk_error_while_writing_keeps_the_last_table(
    json_built: tuple[Config, bytes], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], target: str, replacement: Any,
) -> None:  # fmt: skip
    config, good = json_built
    (config.seeds_dir / "005_new.txt").write_bytes(
        (ROOT / "tests/data/articles/tass_2024.txt").read_bytes())  # fmt: skip
    monkeypatch.setattr(os, target, replacement(getattr(os, target)))
    with pytest.raises(DataError, match="cannot write the fact table"):
        build(config)
    capsys.readouterr()
    assert main(["--config", str(config.path), "build"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "facts.json: cannot write the fact table" in err
    monkeypatch.undo()
    assert_last_good_table(config, good)


@pytest.mark.parametrize(
    ("breakage", "named"),
    [
        (lambda c: (c.intents_dir / "meetings.yaml").write_text("version: 1\nintents: [\n"),
         "meetings.yaml: line 3"),
        (lambda c: (c.seeds_dir / "curated.yaml").write_text("version: 1\nfacts: [{}]\n"),
         "curated.yaml: facts[0]: missing"),
        (lambda c: shutil.rmtree(c.seeds_dir), "seeds: seeds folder not found"),
    ],
    ids=["broken intent file", "broken curated file", "seeds gone"],
)  # fmt: skip
def test_ensure_table_with_broken_new_input_keeps_the_old_table(
    built: tuple[Config, bytes], breakage: Any, named: str
) -> None:
    config, good = built
    breakage(config)
    with pytest.raises(DataError, match=re.escape(named)):
        ensure_table(config)
    assert_last_good_table(config, good)


def test_rejected_article_fails_the_build_and_keeps_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    config = make_project(tmp_path, on_bad_article="reject").config()
    assert main(["--config", str(config.path), "build"]) == 0
    good = table_file(config).read_bytes()
    (config.seeds_dir / "005_broken.txt").write_bytes(BAD_BYTES)
    capsys.readouterr()
    for command in (["build"], ["ask", QUESTION]):
        assert main(["--config", str(config.path), *command]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1
        assert "seeds/005_broken.txt: not UTF-8" in err
    assert_last_good_table(config, good)


def test_skipped_article_is_named_and_the_rest_builds(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    make_project: Callable[..., Project],
) -> None:
    config = make_project(tmp_path, on_bad_article="skip").config()
    (config.seeds_dir / "005_broken.txt").write_bytes(BAD_BYTES)
    (config.seeds_dir / "006_empty.txt").write_bytes(b"date 2024-01-02\n\n")
    with caplog.at_level(logging.WARNING, logger="bot.build"):
        assert main(["--config", str(config.path), "build"]) == 0
    out = capsys.readouterr().out
    assert "5 articles, 4 meetings" in out
    assert "skipped: " in out and "005_broken.txt: not UTF-8" in out
    assert "006_empty.txt: no text" in out
    assert sum("skipped article" in r.getMessage() for r in caplog.records) == 2
    stems = {a.stem for a in ensure_table(config).articles}
    assert len(stems) == 5 and not stems & {"005_broken", "006_empty"}


def test_skipped_article_is_reported_when_ask_rebuilds(
    tmp_path: Path, make_project: Callable[..., Project]
) -> None:
    """The operator sees the skip even when the rebuild is implicit (``ask`` after a change)."""
    config = make_project(tmp_path, on_bad_article="skip").config()
    build(config)
    (config.seeds_dir / "005_broken.txt").write_bytes(BAD_BYTES)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config.path), "ask", QUESTION],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0 and "75th anniversary" in run.stdout
    assert "skipped article" in run.stderr and "005_broken.txt: not UTF-8" in run.stderr
    assert "Traceback" not in run.stderr


def test_curated_fact_of_a_skipped_article_is_noted_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    config = make_project(tmp_path, on_bad_article="skip").config()
    (config.seeds_dir / "000_8b0d3a19ac3361c9.txt").write_bytes(BAD_BYTES)
    assert main(["--config", str(config.path), "build"]) == 0
    out = capsys.readouterr().out
    assert "4 articles" in out and "000_8b0d3a19ac3361c9.txt: not UTF-8" in out
    assert "curated fact for 000_8b0d3a19ac3361c9 unused: the article was skipped" in out
