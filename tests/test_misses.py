"""The misses report: reading the log back (rotated files, torn lines, filters), grouping similar
questions, the text, Telegram and YAML reports, the ``misses`` command and its config."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.cli import main
from bot.config import Config
from bot.misses import (
    candidates_yaml,
    group_misses,
    load_misses,
    parse_miss,
    question_key,
    render_report,
    render_report_html,
    report,
    report_html,
)
from bot.misslog import MissLog, miss_entry, rotated
from bot.yamlio import load_yaml
from tests.fakebotapi import prepare_text
from tests.nasty import load_nasty
from tests.support import config_file

DAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def log_questions(
    answerer: Answerer,
    path: Path,
    questions: list[str],
    start: datetime = DAY,
    step: timedelta = timedelta(minutes=1),
    chat: str = "private",
) -> int:
    """Ask each question and log the misses as the bot would, one a ``step`` apart."""
    log = MissLog(path, max_bytes=10**9)
    written = 0
    for n, question in enumerate(questions):
        entry = miss_entry(question, answerer.ask(question), chat, 0.05, 0.62, start + n * step)
        if entry is not None:
            written += log.write(entry)
    return written


def groups_of(answerer: Answerer, questions: list[str]) -> list[list[str]]:
    misses = [
        parse_miss(json.dumps(entry))
        for q in questions
        if (entry := miss_entry(q, answerer.ask(q), "private", 0.05, 0.62, DAY))
    ]
    groups = group_misses([m for m in misses if m], question_key(answerer.reader))
    return [sorted({m.text for m in g.misses}) for g in groups]


# --------------------------------------------------------------------------- grouping


def test_typos_slang_case_and_years_group_together(answerer: Answerer) -> None:
    questions = [
        "when did they meet in 2019?",
        "wen did they meat in 2018",
        "WHEN DID THEY MEET IN 2019",
        "yo when did they meet in 2020 lol",
        "what is the capital of France?",
        "whats the capital of france",
        "what did xi say about ukraine",
        "what did xi say about the arctic route",
        "what did xi say about ukraine?",
    ]
    assert groups_of(answerer, questions) == [
        [
            "WHEN DID THEY MEET IN 2019",
            "wen did they meat in 2018",
            "when did they meet in 2019?",
            "yo when did they meet in 2020 lol",
        ],
        ["what did xi say about ukraine", "what did xi say about ukraine?"],
        ["what is the capital of France?", "whats the capital of france"],
        ["what did xi say about the arctic route"],
    ]


def test_russian_inflections_group_together(answerer: Answerer) -> None:
    questions = [
        "когда они встретились в 2019 году",
        "когда они встречались в 2019 году?",
        "what is the capital of France?",
    ]
    assert groups_of(answerer, questions)[0] == [
        "когда они встретились в 2019 году",
        "когда они встречались в 2019 году?",
    ]


def test_group_counts_guess_reasons_and_examples(answerer: Answerer, tmp_path: Path) -> None:
    path = tmp_path / "misses.jsonl"
    asked = (
        ["when did they meet in 2019?"] * 5
        + ["When did they meet in 2019"] * 2
        + ["when did they meet in 2020?"]
        + ["what is the capital of France?"] * 3
        + ["👍"]
    )
    assert log_questions(answerer, path, asked) == 12
    misses, bad = load_misses(path)
    groups = group_misses(misses, question_key(answerer.reader))
    assert [g.count for g in groups] == [8, 3, 1] and bad == 0
    first = groups[0]
    assert first.examples == [
        ("when did they meet in 2019?", 7),
        ("when did they meet in 2020?", 1),
    ]
    assert first.intent == "meeting_date" and first.reasons == [("no_fact", 8)]
    assert first.detail == "The articles report no such meeting (2019)."
    assert groups[1].intent == "out_of_scope" and groups[2].intent is None
    assert groups[2].reasons == [("no_words", 1)]
    text = render_report(groups, top=2)
    assert text.splitlines()[0] == "  1. 8x  best guess: meeting_date 1.00  why: no_fact 8"
    assert '"when did they meet in 2019?" x7' in text and "... 1 more groups" in text


# --------------------------------------------------------------------------- reading


def test_rotated_files_are_read_oldest_first(answerer: Answerer, tmp_path: Path) -> None:
    path = tmp_path / "misses.jsonl"
    for n, hours in ((2, 0), (1, 1), (0, 2)):  # .2 is the oldest, the plain file the newest
        target = rotated(path, n) if n else path
        log_questions(
            answerer, target, [f"what is the capital of country {n}?"], DAY + timedelta(hours=hours)
        )
    rotated(path, 7).write_text("not a log\n")  # a stray file: read too, and skipped as bad
    (tmp_path / "misses.jsonl.old").write_text("{}\n")  # not a rotated file: ignored
    misses, bad = load_misses(path)
    assert [m.text[-2] for m in misses] == ["2", "1", "0"] and bad == 1


def test_since_and_lang_filter(answerer: Answerer, tmp_path: Path) -> None:
    path = tmp_path / "misses.jsonl"
    log_questions(
        answerer,
        path,
        ["what is the capital of France?", "какая погода?", "tell me a joke", "расскажи анекдот"],
        step=timedelta(days=1),
    )
    assert [m.text for m in load_misses(path, lang="ru")[0]] == [
        "какая погода?",
        "расскажи анекдот",
    ]
    since = DAY + timedelta(days=2)
    assert [m.text for m in load_misses(path, since=since)[0]] == [
        "tell me a joke",
        "расскажи анекдот",
    ]
    assert load_misses(tmp_path / "none.jsonl") == ([], 0)


GOOD = {
    "time": "2026-11-23T08:00:00Z",
    "text": "hi",
    "lang": "en",
    "chat": "private",
    "answered": False,
    "intent": "out_of_scope",
    "score": 0.85,
    "margin": 0.85,
    "reason": "off_topic",
    "detail": "",
}


@pytest.mark.parametrize(
    "change",
    [
        {"time": "yesterday"},
        {"time": None},
        {"text": 5},
        {"answered": "no"},
        {"score": "high"},
        {"reason": "because"},
        {"intent": "<b>x</b>"},
        {"lang": "en\x1b[31m"},
        {"chat": ""},
        {"detail": ["x"]},
    ],
)
def test_a_malformed_line_is_skipped(change: dict) -> None:
    assert parse_miss(json.dumps(GOOD)) is not None
    assert parse_miss(json.dumps({**GOOD, **change})) is None


@pytest.mark.parametrize("line", ["", "{", "[]", "null", '"x"', '{"text": "hi"}', "\x00" * 5])
def test_a_torn_line_is_skipped(line: str) -> None:
    assert parse_miss(line) is None


def test_torn_lines_are_counted_not_fatal(answerer: Answerer, tmp_path: Path) -> None:
    path = tmp_path / "misses.jsonl"
    log_questions(answerer, path, ["tell me a joke"])
    with path.open("ab") as f:
        f.write(b'{"time": "2026-11-23T08:0\n\xff\xfe garbage\n')
    log_questions(answerer, path, ["tell me a joke"])
    misses, bad = load_misses(path)
    assert len(misses) == 2 and bad == 2
    assert "2 unreadable lines skipped" in report(path, answerer.reader)


# --------------------------------------------------------------------------- reports


def test_telegram_report_is_escaped_and_fits(answerer: Answerer, tmp_path: Path) -> None:
    path = tmp_path / "misses.jsonl"
    nasty = load_nasty()
    long = [f"<b>what about {n}</b> & <i>" + "x" * 300 + f" {n}" for n in range(30)]
    log_questions(answerer, path, nasty + long * 2)
    text = report_html(path, answerer.reader)
    plain, entities = prepare_text(text, "HTML")  # raises as Telegram would on bad markup
    assert len(text) <= 4096 and {e["type"] for e in entities} <= {"bold", "italic"}
    assert "<b>what about" not in text and "&lt;b&gt;what about" in text
    assert plain.startswith("misses.jsonl") is False and str(tmp_path) not in text


def test_telegram_report_when_nothing_was_missed(answerer: Answerer, tmp_path: Path) -> None:
    text = report_html(tmp_path / "misses.jsonl", answerer.reader)
    assert text == "No misses recorded in misses.jsonl."
    assert render_report_html([], "head") == "head"


def candidates(answerer: Answerer, folder: Path, questions: list[str]) -> tuple[Path, int]:
    """The questions logged, grouped and written as candidates; (file, groups)."""
    log_questions(answerer, folder / "misses.jsonl", questions)
    groups = group_misses(load_misses(folder / "misses.jsonl")[0], question_key(answerer.reader))
    path = folder / "candidates.yaml"
    path.write_text(candidates_yaml(groups, top=1000), encoding="utf-8")
    return path, len(groups)


def test_odd_questions_round_trip_through_the_candidates(
    answerer: Answerer, tmp_path: Path
) -> None:
    path, groups = candidates(answerer, tmp_path, load_nasty())
    data = load_yaml(path)
    assert data["version"] == 1 and len(data["questions"]) == groups > 20
    logged = {" ".join(m.text.split()) for m in load_misses(tmp_path / "misses.jsonl")[0]}
    assert {
        item["q"] for item in data["questions"]
    } <= logged  # as logged (masked), spaces collapsed


def test_candidates_are_a_question_set_that_eval_passes(
    answerer: Answerer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = ["when did they meet in 2019?"] * 3 + [
        "when did xi invite mishustin to visit china"
    ] * 2
    questions += ["tell me a joke", "какая погода?", "👍", "what is the capital of France?"]
    path, _ = candidates(answerer, tmp_path, questions)
    data = load_yaml(path)
    answered = [item for item in data["questions"] if "intent" in item]
    assert answered == [
        {"q": "when did xi invite mishustin to visit china", "intent": "invitations"}
    ]
    assert all(item.get("decline") is True for item in data["questions"] if "intent" not in item)
    config = config_file(tmp_path)
    assert (
        main(
            [
                "--config",
                str(config),
                "eval",
                str(path),
                "--min-in-scope",
                "1",
                "--min-declined",
                "1",
            ]
        )
        == 0
    )
    assert "in scope: 1/1 = 100.0%; declined out of scope: 5/5" in capsys.readouterr().out


def test_no_candidates_is_an_empty_question_set() -> None:
    assert "questions: []\n" in candidates_yaml([], top=10)


# --------------------------------------------------------------------------- the command


def misses_config(tmp: Path, extra: str = "") -> Path:
    return config_file(tmp, f"misses:\n  path: {tmp / 'log' / 'misses.jsonl'}\n{extra}")


def test_misses_command(
    answerer: Answerer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = misses_config(tmp_path)
    questions = ["what is the capital of France?"] * 3 + ["какая погода?"] * 2 + ["tell me a joke"]
    log_questions(answerer, tmp_path / "log" / "misses.jsonl", questions, step=timedelta(hours=1))
    assert main(["--config", str(config), "misses"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "6 questions (6 declined, 0 answered with a low margin) in 3 groups, "
        "2026-11-23 08:00 to 2026-11-23 13:00 UTC"
    )
    assert lines[1].startswith("  1. 3x  best guess: out_of_scope")
    assert main(["--config", str(config), "misses", "--lang", "ru", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 questions") and '"какая погода?" x2' in out
    assert main(["--config", str(config), "misses", "--since", "2026-11-23T12:00"]) == 0
    assert capsys.readouterr().out.startswith("2 questions")
    assert main(["--config", str(config), "misses", "--yaml", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert 'q: "what is the capital of France?"' in out and "какая погода" not in out


def test_misses_command_without_a_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(misses_config(tmp_path)), "misses"]) == 0
    assert capsys.readouterr().out.startswith("No misses recorded in ")
    off = config_file(tmp_path, "misses:\n  path: null\n")
    assert main(["--config", str(off), "misses"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("misses.path is null: the misses log is off") and "\n" not in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("misses:\n  margin: 2\n", "margin: must be between 0.0 and 1.0"),
        ("misses:\n  margin: yes\n", "margin: has the wrong type (bool)"),
        ("misses:\n  max_bytes: 10\n", "max_bytes: must be between 10000"),
        ("misses:\n  backups: -1\n", "backups: must be between 0 and 100"),
        ("misses:\n  path: '  '\n", "path: must be a path or null"),
        ("misses:\n  path: [a]\n", "path: has the wrong type (list)"),
        ("misses:\n  size: 5\n", "unknown key 'size' (known: backups, margin, max_bytes, path)"),
        ("misses: on\n", "must be a mapping"),
    ],
)
def test_bad_misses_config_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, message: str
) -> None:
    assert main(["--config", str(config_file(tmp_path, extra)), "misses"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "config.yaml" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("args", [["--since", "yesterday"], ["--top", "0"], ["--lang", "de"]])
def test_bad_misses_arguments_exit_2(tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--config", str(misses_config(tmp_path)), "misses", *args])
    assert exc.value.code == 2


def test_the_log_defaults_next_to_the_config_and_path_null_turns_it_off(tmp_path: Path) -> None:
    from bot.config import load_config

    config: Config = load_config(config_file(tmp_path), {})
    assert config.misses.path == tmp_path / ".factbot" / "misses.jsonl"
    assert MissLog.from_config(config) is not None
    off = load_config(config_file(tmp_path, "misses:\n  path: null\n"), {})
    assert off.misses.path is None and MissLog.from_config(off) is None


def test_an_unreadable_log_is_one_line(
    answerer: Answerer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "log" / "misses.jsonl").mkdir(parents=True)  # a folder where the file should be
    text = report_html(tmp_path / "log" / "misses.jsonl", answerer.reader)
    assert text == "Cannot read the misses log: cannot read: Is a directory"
    assert main(["--config", str(misses_config(tmp_path)), "misses"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.strip().endswith(
        "misses.jsonl: cannot read: Is a directory"
    )
