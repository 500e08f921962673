"""Errors the core raises while loading data; each prints as one line for the operator."""

from __future__ import annotations

from pathlib import Path


class FactbotError(Exception):
    """Base class: anything the CLI turns into one stderr line and exit code 2."""


class ConfigError(FactbotError):
    """config.yaml (or the environment) is missing, malformed or inconsistent."""

    def __init__(self, path: Path | str, problem: str, where: str = "") -> None:
        self.path, self.where, self.problem = str(path), where, problem
        super().__init__(_one_line(self.path, where, problem))


class DataError(FactbotError):
    """A data file (article, intent, gazetteer, curated fact, table) is unusable."""

    def __init__(self, path: Path | str, problem: str, where: str = "") -> None:
        self.path, self.where, self.problem = str(path), where, problem
        super().__init__(_one_line(self.path, where, problem))


def _one_line(path: str, where: str, problem: str) -> str:
    text = f"{path}: {where}: {problem}" if where else f"{path}: {problem}"
    return " ".join(text.split())
