"""Shared fixtures: the repository's config with its table in a temporary folder, an Answerer
over the seed articles, a project folder of one's own, and a fake Bot API server."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config, load_config
from tests.fakebotapi import FakeBotAPI
from tests.support import ROOT, Project
from tests.support import make_project as _make_project


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """The repository's config.yaml, writing its table (and misses log) to a temporary folder."""
    folder = tmp_path_factory.mktemp("table")
    config = load_config(ROOT / "config.yaml", {})
    misses = dataclasses.replace(config.misses, path=folder / "misses.jsonl")
    return dataclasses.replace(config, table_path=folder / "facts.json", misses=misses)


@pytest.fixture(scope="session")
def answerer(config: Config) -> Answerer:
    table, _ = build_table(config)
    return Answerer.from_table(table, config)


@pytest.fixture(scope="session")
def make_project() -> Callable[..., Project]:
    """``make_project(folder, copy=True, articles=(), on_bad_article="skip", extra="")``: a
    project of one's own to build, break or extend (``tests.support.make_project``)."""
    return _make_project


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    """A fake Bot API server on 127.0.0.1 for one test."""
    with FakeBotAPI() as server:
        yield server
