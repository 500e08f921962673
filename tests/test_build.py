"""``build`` records the hash of what it read: an input changed during a build is noticed.

Issue 14: hashing the inputs after extracting left facts of an article's old text under its new
file's hash, and every later ``ask`` trusted that table. The race is made deterministic here: a
hook rewrites the input right after the build has read it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

import pytest

import bot.build
import bot.intents
from bot.answer import Answerer
from bot.build import build, ensure_table, input_hashes
from bot.config import Config
from bot.reload import reload_answerer
from tests.support import ARTICLES, make_project

QUESTION = "where did they meet in 2025?"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rewrite_after_read(monkeypatch: pytest.MonkeyPatch, path: Path, new: bytes) -> list[str]:
    """Replace ``path`` with ``new`` as soon as the build has read it: its facts come from the
    old bytes, whether extracted now or taken from the extraction cache."""
    real, seen = bot.build.InputReader.once, cast(list[str], [])

    def once(self: bot.build.InputReader, read: Path) -> bytes:
        data = real(self, read)
        if read == path and not seen:
            seen.append(read.stem)
            path.write_bytes(new)
        return data

    monkeypatch.setattr(bot.build.InputReader, "once", once)
    return seen


@pytest.fixture
def project(tmp_path: Path) -> tuple[Config, Path, bytes, bytes]:
    """(config, the 2025 article, its text, a new text moving that meeting to Shanghai)."""
    config = make_project(tmp_path, json_table=True).config()  # (full builds read every article)
    article = next(config.seeds_dir.glob("001_*.txt"))
    old = article.read_bytes()
    new = old.replace(b"Beijing", b"Shanghai").replace(b"BEIJING", b"SHANGHAI")
    assert new != old
    return config, article, old, new


def answer(config: Config) -> str:
    return Answerer.from_table(ensure_table(config), config).ask(QUESTION).text


@pytest.mark.parametrize("how", ["build", "reload", "start"])
def test_article_replaced_during_a_build_is_not_trusted_afterwards(
    project: tuple[Config, Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    config, article, old, new = project
    before, _ = build(config)
    assert "Beijing" in answer(config)
    (config.seeds_dir / "005_tass_2024.txt").write_bytes((ARTICLES / "tass_2024.txt").read_bytes())
    seen = rewrite_after_read(monkeypatch, article, new)
    if how == "build":
        table, _ = build(config)
    elif how == "reload":
        table = reload_answerer(config, before).answerer.table
    else:  # `run` and `ask` at start: an input changed, so they rebuild
        table = ensure_table(config)
    assert seen, "the hook never ran"
    name = f"seeds/{article.name}"
    # the table holds facts of the old text, and says so ...
    assert table.inputs[name] == sha256(old) != input_hashes(config)[name]
    monkeypatch.undo()
    # ... so the next start rebuilds from the new text instead of trusting it
    assert "Shanghai" in answer(config)
    assert ensure_table(config).inputs[name] == sha256(new)


def test_intent_file_changed_between_intents_and_lexicon_is_read_once(
    project: tuple[Config, Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project[0]
    lexicon = config.intents_dir / "meetings.yaml"
    old = lexicon.read_bytes()
    real = bot.intents.load_lexicon

    def load_lexicon(intents_dir: Path, *args: Any) -> Any:
        lexicon.write_bytes(old + b"\nignore: [zzzq]\n")
        return real(intents_dir, *args)

    monkeypatch.setattr(bot.build, "load_lexicon", load_lexicon)
    table, _ = build(config)
    assert "zzzq" not in table.lexicon["ignore"]  # the text load_intents read
    assert table.inputs["intents/meetings.yaml"] == sha256(old)
    monkeypatch.undo()
    assert "zzzq" in ensure_table(config).lexicon["ignore"]


def test_code_hashes_are_taken_once_per_process(
    project: tuple[Config, Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code a process runs is what it imported: an upgrade on disk meanwhile does not make
    a table built by the old code look current to the new one."""
    config = project[0]
    table, _ = build(config)
    real = Path.read_bytes

    def upgraded(path: Path) -> bytes:
        data = real(path)
        return data + b"# upgraded\n" if path.name == "extract.py" else data

    monkeypatch.setattr(Path, "read_bytes", upgraded)
    assert table.inputs == input_hashes(config)  # so ensure_table() trusts the table
