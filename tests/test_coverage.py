"""What the facts cover: content sentences that gave no fact, boilerplate excluded by rule
(bot/coverage.py, ``python -m bot build --coverage``; issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.coverage import excluded
from tests.support import DEV_ARTICLES, Project


def test_boilerplate_is_excluded_by_rule_with_its_reason() -> None:
    sentences = [
        "Xi meets Russian prime minister",
        "By our Beijing correspondent",
        "2024-08-22 09:15",
        "BEIJING, September 16.",
        "Excerpts from the transcript:",
        "Chinese President Xi Jinping meets with Mishustin in Moscow, May 8. (Xinhua/Liu Bin)",
        "Mikhail Mishustin and Xi Jinping during the talks.",
        "Photo: Dmitry Astakhov",
        "Xi said the two sides should deepen cooperation.",
        "Xi meets Russian prime minister",
    ]
    assert excluded(sentences) == {
        0: "heading", 1: "byline", 2: "time stamp", 3: "dateline (the reference date)",
        4: "transcript heading", 5: "photo caption", 6: "photo caption (before its credit)",
        7: "photo caption", 9: "repeated line"}  # fmt: skip


def test_build_coverage_lists_what_gave_no_fact(
    make_project: Callable[..., Project], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, articles=sorted(DEV_ARTICLES.glob("*.txt")))
    assert main(["--config", str(project.path), "build", "--coverage"]) == 0
    out = capsys.readouterr().out
    assert "coverage (content sentences that give a fact):" in out
    assert "005_recall_2024: 13/14 content sentences give a fact (93%), 3 excluded" in out
    assert "  no fact #8: The numbers behind the relationship" in out  # no fact: honest
    assert "005_recall_2024  excluded #1 (byline): By our Beijing correspondent" in out
    for seed in ("000_8b0d3a19ac3361c9", "003_4a3b4d97d80af711"):
        assert f"{seed}: " in out and f"{seed}: " in out.split("total:")[0]
    assert "(100%)" in out.split("005_recall")[0]  # the seeds: every content sentence
