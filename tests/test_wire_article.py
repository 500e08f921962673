"""A wire report in shorthand (issue 13): 'Deputy PMs ... are in the delegation', '14 docs were
signed, incl. ...', what was said at a meeting held elsewhere (Hangzhou), and the meeting before
another one. The article is written for this test (tests/data/wire/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import build_table
from tests.support import ROOT, Project

WIRE = ROOT / "tests" / "data" / "wire" / "wire_beijing_2026.txt"


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory,
         make_project: Callable[..., Project]) -> Answerer:  # fmt: skip
    root: Path = tmp_path_factory.mktemp("wire")
    config = make_project(root, articles=[WIRE]).config()
    table, report = build_table(config)
    assert report.meetings == 5
    return Answerer.from_table(table, config)


@pytest.mark.parametrize(
    ("question", "expected", "rejected"),
    [
        ("who came with mishustin to beijing in may 2026?", ["Golikova", "Overchuk"], []),
        ("how many documents were signed in may 2026?", ["14", "academic degrees"], []),
        ("who co-chaired the regular meeting in Hangzhou?", ["Li Qiang", "31st"], ["Xi co"]),
        ("when did they meet before their May 2026 meeting?", ["November 4, 2025"], ["May 28"]),
        ("when did they meet in may 2026?", ["May 28, 2026"], ["Hangzhou"]),
    ],
)  # fmt: skip
def test_the_wire_report_is_read(wire: Answerer, question: str, expected: list[str],
                                 rejected: list[str]) -> None:  # fmt: skip
    reply = wire.ask(question)
    assert reply.matched, reply.text
    assert all(e in reply.text for e in expected), reply.text
    assert not any(r in reply.text for r in rejected), reply.text


@pytest.mark.parametrize(
    "question",
    ["what did they discuss in shanghai?", "how much was trade in the first quarter of 2026?",
     "who co-chaired the regular meeting in Kazan?"],
)  # fmt: skip
def test_what_the_wire_report_does_not_say_is_declined(wire: Answerer, question: str) -> None:
    assert not wire.ask(question).matched
