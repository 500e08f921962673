"""What the tests share besides fixtures: the repository's paths and a project folder to change.

``make_project`` is the one way a test gets a project of its own (through the ``project``
fixture in conftest.py): a config.yaml, and copies of seeds/ and intents/ to break or extend.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config, load_config
from bot.facts import Fact, FactKind, FactTable

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"  # held-out articles, each with its expectations
GENRE_ARTICLES = ARTICLES / "genre"  # articles of the genre's odd forms (Q&A, wire, release)
DEV_ARTICLES = ARTICLES / "dev"  # issue 13's articles written blind, with MEETINGS.md and questions
# Real reports beside the repository (../shared/articles-real; FACTBOT_REAL_ARTICLES elsewhere).
REAL_ARTICLES = Path(
    os.environ.get("FACTBOT_REAL_ARTICLES") or ROOT.parent / "shared" / "articles-real"
)
# The four meetings of the seeds (articles added to them keep these and may add their own).
SEED_MEETINGS = frozenset(
    {date(2023, 3, 21), date(2023, 5, 24), date(2023, 12, 20), date(2025, 11, 4)}
)
BAD_BYTES = b"Xi Jinping met Mikhail Mishustin in Beijing \xff\xfe on Monday.\n"  # not UTF-8


@dataclass(frozen=True)
class Project:
    """A project folder: its config.yaml (``path``) and what it points at."""

    root: Path
    path: Path

    def config(self, **changes: object) -> Config:
        """The loaded config (no environment), with ``changes`` to its fields."""
        return replace(load_config(self.path, {}), **changes)  # type: ignore[arg-type]

    @property
    def seeds(self) -> Path:
        """The seeds folder (the repository's own when the project is not a copy)."""
        return self.config().seeds_dir


def make_project(
    root: Path,
    *,
    copy: bool = True,
    articles: Iterable[Path] = (),
    on_bad_article: str = "skip",
    extra: str = "",
    json_table: bool = False,
) -> Project:
    """A project in ``root``: config.yaml (the default settings, which are the repository's)
    and, with ``copy``, copies of seeds/ and intents/ it points at with relative paths, else the
    repository's own. The table goes to ``root/table/facts.json``. ``articles`` are copied into
    the seeds (``copy`` only); ``extra`` is appended to config.yaml as written; ``json_table``:
    builds also write the table as JSON (``build.json``)."""
    root.mkdir(parents=True, exist_ok=True)
    if copy:
        shutil.copytree(ROOT / "seeds", root / "seeds")
        shutil.copytree(ROOT / "intents", root / "intents")
        for article in articles:
            shutil.copy(article, root / "seeds" / f"005_{article.name}")
        seeds, intents, curated = "seeds", "intents", "seeds/curated.yaml"
    else:
        if articles:
            raise ValueError("articles are added to a copy of the seeds only")
        seeds, intents = str(ROOT / "seeds"), str(ROOT / "intents")
        curated = str(ROOT / "seeds" / "curated.yaml")
    path = root / "config.yaml"
    path.write_text(
        f"version: 1\nseeds_dir: {seeds}\nintents_dir: {intents}\ncurated: {curated}\n"
        f"table: table/facts.json\nbuild:\n  on_bad_article: {on_bad_article}\n"
        f"{'  json: true' + chr(10) if json_table else ''}{extra}",
        encoding="utf-8",
    )
    return Project(root, path)


def config_file(tmp: Path, extra: str = "") -> Path:
    """A config.yaml under ``tmp`` reading the repository's articles and intents, its table (and,
    unless ``extra`` says otherwise, the misses log) under ``tmp`` too."""
    path = tmp / "config.yaml"
    path.write_text(
        f"version: 1\nseeds_dir: {ROOT / 'seeds'}\nintents_dir: {ROOT / 'intents'}\n"
        f"curated: {ROOT / 'seeds' / 'curated.yaml'}\ntable: {tmp / 'facts.json'}\n{extra}",
        encoding="utf-8",
    )
    return path


__all__ = [
    "ARTICLES",
    "BAD_BYTES",
    "DEV_ARTICLES",
    "REAL_ARTICLES",
    "ROOT",
    "Project",
    "config_file",
    "make_project",
]


def with_articles(root: Path, folder: Path) -> Config:
    """The config of a project in ``root``: the seeds and every article of ``folder``."""
    return make_project(root, articles=sorted(folder.glob("*.txt"))).config()


@dataclass(frozen=True)
class Built:
    """A project of the seeds and a folder of test articles, built, and its answerer."""

    config: Config
    table: FactTable
    answerer: Answerer


def built_with(root: Path, folder: Path) -> Built:
    """The seeds and every article of ``folder`` in a project in ``root``, built."""
    config = with_articles(root, folder)
    table = build_table(config)[0]
    return Built(config, table, Answerer.from_table(table, config))


def facts_of(table: FactTable, kind: str, article: str) -> list[Fact]:
    """The facts of ``kind`` from an article ``make_project`` added (its name, no ``.txt``)."""
    return [f for f in table.find(FactKind(kind)) if f.article == f"005_{article}"]
