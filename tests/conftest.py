"""Shared fixtures: the project's config with the table in a temporary folder, and an Answerer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config, load_config
from tests.fakebotapi import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent


def project_config(tmp: Path, **changes: object) -> Config:
    """The repository's config.yaml, writing its table (and any misses log) under ``tmp``."""
    config = load_config(ROOT / "config.yaml", {})
    misses = dataclasses.replace(config.misses, path=tmp / "misses.jsonl")
    return dataclasses.replace(config, table_path=tmp / "facts.json", misses=misses, **changes)  # type: ignore[arg-type]


def config_file(tmp: Path, extra: str = "") -> Path:
    """A config.yaml under ``tmp`` reading the project's articles and intents, its table (and,
    unless ``extra`` says otherwise, the misses log) under ``tmp`` too."""
    path = tmp / "config.yaml"
    path.write_text(
        f"version: 1\nseeds_dir: {ROOT / 'seeds'}\nintents_dir: {ROOT / 'intents'}\n"
        f"curated: {ROOT / 'seeds' / 'curated.yaml'}\ntable: {tmp / 'facts.json'}\n{extra}",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return project_config(tmp_path_factory.mktemp("table"))


@pytest.fixture(scope="session")
def answerer(config: Config) -> Answerer:
    table, _ = build_table(config)
    return Answerer(table, config)


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    """A fake Bot API server on 127.0.0.1 for one test."""
    with FakeBotAPI() as server:
        yield server
