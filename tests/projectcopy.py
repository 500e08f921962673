"""A writable copy of the project's articles and intents, for tests that change them."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from bot.config import Config
from tests.conftest import ROOT, project_config


def copied_project(tmp: Path, **changes: object) -> Config:
    """The project's config with seeds/, intents/ and the table under ``tmp`` (a copy)."""
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    shutil.copytree(ROOT / "intents", tmp / "intents")
    config = project_config(tmp, **changes)
    return dataclasses.replace(
        config,
        seeds_dir=tmp / "seeds",
        intents_dir=tmp / "intents",
        curated_path=tmp / "seeds" / "curated.yaml",
    )


ARTICLES = ROOT / "tests" / "data" / "articles"
