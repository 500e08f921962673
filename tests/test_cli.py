"""The CLI contract: ask, ask --json, streaming stdin, build, exit codes, lazy imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import bot.cli
from bot.cli import ProgressBar, main
from bot.config import Config
from bot.errors import DataError
from tests.support import Project


def test_ask_prints_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    assert (
        main(
            ["--config", str(make_project(tmp_path, copy=False).path), "ask", "which anniversary?"]
        )
        == 0
    )
    assert "75th anniversary" in capsys.readouterr().out


def test_ask_json_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    main(
        [
            "--config",
            str(make_project(tmp_path, copy=False).path),
            "ask",
            "--json",
            "what was the trade target?",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "question",
        "reply",
        "matched",
        "intent",
        "score",
        "sources",
        "suggestions",
    }
    assert data["matched"] is True and data["intent"] == "trade"
    assert data["sources"] and {"file", "sentence"} == set(data["sources"][0])


def test_ask_json_decline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    main(
        [
            "--config",
            str(make_project(tmp_path, copy=False).path),
            "ask",
            "--json",
            "when did Xi meet Biden?",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert data["matched"] is False and data["intent"] is None and data["sources"] == []
    assert data["suggestions"] == []


def test_ask_streams_stdin_one_line_per_answer(
    tmp_path: Path, make_project: Callable[..., Project]
) -> None:
    config = make_project(tmp_path, copy=False).path
    questions = "when did they meet?\ntell me a joke\nwhich anniversary?\n" * 50
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "ask", "--json"],
        input=questions,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    assert len(out) == 150
    assert [json.loads(line)["matched"] for line in out[:3]] == [True, False, True]


def test_ask_does_not_import_telegram(tmp_path: Path, make_project: Callable[..., Project]) -> None:
    code = (
        "import sys; from bot.cli import main; main(['--config', sys.argv[1], 'ask', 'hi']);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('telegram', 'httpx')];"
        "print('IMPORTED', bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(make_project(tmp_path, copy=False).path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "IMPORTED []" in out


def test_build_is_deterministic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    config = make_project(tmp_path, copy=False).path
    assert main(["--config", str(config), "build", "--json"]) == 0
    first = (tmp_path / "table" / "facts.json").read_bytes()
    assert main(["--config", str(config), "build", "--json"]) == 0
    assert (tmp_path / "table" / "facts.json").read_bytes() == first
    out = capsys.readouterr().out
    assert "5 articles, 4 meetings" in out and "(JSON: " in out
    assert main(["--config", str(config), "build"]) == 0  # nothing changed: the JSON stays
    assert (tmp_path / "table" / "facts.json").read_bytes() == first


def test_ask_rebuilds_when_an_input_changed(
    tmp_path: Path, make_project: Callable[..., Project]
) -> None:
    project = make_project(tmp_path)
    config = project.path
    assert main(["--config", str(config), "build"]) == 0
    (project.seeds / "001_33faab09024306e9.txt").unlink()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--config",
            str(config),
            "ask",
            "how many times did they meet",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "3 times" in run.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("match:\n  threshold: 7\n", "threshold: must be between"),
        ("match:\n  treshold: 0.5\n", "unknown key 'treshold'"),
        ("reply:\n  order: random\n", "order: must be one of"),
        ("version: 1\n", "duplicate key 'version'"),
        ("telegram: [1, 2\n", "config.yaml"),
    ],
)
def test_bad_config_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: str,
    message: str,
    make_project: Callable[..., Project],
) -> None:
    assert (
        main(["--config", str(make_project(tmp_path, copy=False, extra=extra).path), "ask", "hi"])
        == 2
    )
    err = capsys.readouterr().err.strip()
    assert message in err and "config.yaml" in err and len(err.splitlines()) == 1


def test_missing_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(tmp_path / "nope.yaml"), "build"]) == 2
    assert "nope.yaml: file not found" in capsys.readouterr().err


def test_eval_prints_accuracy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    qs = tmp_path / "q.yaml"
    qs.write_text(
        "questions:\n  - q: when did they meet\n    intent: meeting_date\n"
        "  - q: tell me a joke\n    decline: true\n",
        encoding="utf-8",
    )
    assert main(["--config", str(make_project(tmp_path, copy=False).path), "eval", str(qs)]) == 0
    assert "in scope: 1/1 = 100.0%" in capsys.readouterr().out


def test_fresh_and_loaded_tables_answer_alike(config: Config) -> None:
    from bot.answer import Answerer
    from bot.build import build
    from bot.facts import load_table
    from bot.kinds import READERS

    fresh, _ = build(config, json_table=True)
    loaded = load_table(config.table_path, READERS)
    assert fresh.facts == loaded.facts
    question = "what areas of cooperation did they discuss"
    assert (
        Answerer.from_table(fresh, config).ask(question).text
        == Answerer.from_table(loaded, config).ask(question).text
    )


@pytest.mark.parametrize(
    ("workers", "message"),
    [("0", "workers: must be between 1 and 1024, or null"), ("two", "workers: has the wrong type")],
)
def test_bad_build_workers_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project],
    workers: str, message: str,
) -> None:  # fmt: skip
    # make_project writes the build section: the line goes in after on_bad_article's
    project = make_project(tmp_path, copy=False, on_bad_article=f"skip\n  workers: {workers}")
    assert main(["--config", str(project.path), "build"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "config.yaml" in err and len(err.splitlines()) == 1


def test_build_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_project: Callable[..., Project]
) -> None:
    project = make_project(tmp_path, copy=False, on_bad_article="skip\n  workers: 3")
    config = str(project.path)
    assert main(["--config", config, "build", "--workers", "2"]) == 0
    assert "5 articles, 4 meetings" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["--config", config, "build", "--workers", "0"])
    assert exit_.value.code == 2 and "not a positive number: '0'" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_after_two_seconds_and_is_wiped() -> None:
    clock = [0.0]
    out = _Terminal()
    bar = ProgressBar(out, clock=lambda: clock[0])
    bar(1, 100)
    assert out.getvalue() == ""  # a quick build says nothing
    clock[0] = 2.5
    bar(40, 100)
    assert out.getvalue() == "\rextracting articles [############..................] 40/100 (2 s)"
    clock[0] = 2.6
    bar(41, 100)  # drawn at most five times a second ...
    assert out.getvalue().count("\r") == 1
    bar(100, 100)  # ... and always at the end, then wiped: the next line starts clean
    width = len("extracting articles [##############################] 100/100 (3 s)")
    assert out.getvalue().endswith("100/100 (3 s)\r" + " " * width + "\r")
    bar.close()  # nothing more to wipe
    assert out.getvalue().endswith("100/100 (3 s)\r" + " " * width + "\r")


def test_no_progress_bar_unless_standard_error_is_a_terminal(
    tmp_path: Path, make_project: Callable[..., Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []

    def build(*args: object) -> tuple[object, object]:
        calls.append(args[-2])
        raise DataError(tmp_path, "stop here")

    monkeypatch.setattr(bot.cli, "build_report", build)
    config = str(make_project(tmp_path, copy=False).path)
    assert main(["--config", config, "build"]) == 2
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert main(["--config", config, "build"]) == 2
    assert calls[0] is None and isinstance(calls[1], ProgressBar)
