"""Bad input through the core and the CLI: never an exception, a short decline, nothing echoed
unescaped, ``ask --json`` always valid JSON, and matching work bounded by ``match.max_chars``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Answerer
from bot.cli import main, valid_unicode
from bot.match import FRAMED
from bot.question import Reader
from tests.support import Project

from .nasty import check_reply, load_nasty

NASTY = load_nasty()
# Words the bot knows, names it looks up, and fragments that have broken bots before: mixed with
# arbitrary Unicode (surrogates included) some generated messages match and most do not.
_PIECES = [
    "when", "did", "they", "meet", "where", "how", "many", "times", "trade", "anniversary",
    "which", "first", "last", "in", "may", "2023", "2024", "75th", "Xi", "Mishustin", "Beijing",
    "Moscow", "Biden", "когда", "они", "встретились", "где", "годовщина", "Пекине", "?", "!",
    "<b>", "</a>", "<script>", "&", "&amp;", "*_[", "`", "@factbot", "/ask", "/ask@factbot",
    "\x00", "\x1b[0m", "\ud800", "\udfff", "\u202e", "\u200b", "😀", "🇷🇺", "متى", "\n", "\t",
    "{value}", "%s",
]  # fmt: skip
_ANY_CHAR = st.characters(exclude_categories=())  # every code point, lone surrogates too
messages = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(_ANY_CHAR, max_size=12)), max_size=14
).map(" ".join)
hints = st.sampled_from([None, "en", "ru", "", "ru-RU", "zh-hans", "\ud800", "EN"])
_FAST = settings(max_examples=1500, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


# --- the core: Answerer.ask and the matcher -------------------------------------------------------


@_FAST
@given(text=messages, lang=hints)
def test_any_message_gets_a_safe_reply(answerer: Answerer, text: str, lang: str | None) -> None:
    reply = answerer.ask(text, lang)
    check_reply(reply)
    assert answerer.ask(text, lang) == reply  # deterministic: no hidden state between messages


@settings(_FAST, max_examples=1000)  # three matches per example
@given(text=messages, tail=messages)
def test_matcher_is_total_and_sees_only_a_bounded_prefix(
    answerer: Answerer, text: str, tail: str
) -> None:
    matcher, read = answerer.matcher, answerer.reader.read
    match = matcher.match(read(text))
    assert 0.0 <= match.score <= 1.0
    if match.intent is not None:
        # (a meeting question framed by its question word may score FRAMED below: "when meet")
        assert match.intent in answerer.intents and match.score >= matcher.threshold - FRAMED
    # Past 2 * max_chars (room for stripped controls) nothing a message says can matter.
    long = text + " " * (2 * answerer.reader.max_chars)
    assert read(long + tail) == read(long) and read(long + tail).slots == read(long).slots
    assert matcher.match(read(long + tail)) == matcher.match(read(long))


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_string_gets_a_safe_reply(answerer: Answerer, text: str) -> None:
    check_reply(answerer.ask(text))
    check_reply(answerer.ask(text, "ru"))


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\t\n", "\x00", "\ud800", "😀😀😀", "@factbot", "/ask", "/ask@factbot",
     "@factbot @factbot", "</a>", "*_[", "<b></b>", "متى"],
)  # fmt: skip
def test_nothing_to_answer_is_a_short_decline(answerer: Answerer, text: str) -> None:
    reply = answerer.ask(text)
    assert not reply.matched and len(reply.text) < 120


@pytest.mark.parametrize(
    "noise",
    ["\x00", "\ud800", "\x1b", "\x0b", "\u200b", "\u2028", "\r\n", "\t", "<b>", "😀", "*"],
)
def test_noise_between_words_separates_them(answerer: Answerer, noise: str) -> None:
    plain = answerer.ask("when did they meet in 2023")
    assert plain.matched
    noisy = answerer.ask(f"{noise}when{noise}did{noise}they{noise}meet{noise}in{noise}2023{noise}")
    assert (noisy.intent, noisy.text) == (plain.intent, plain.text)


@pytest.mark.parametrize("noise", ["\u200d", "\u00ad", "\u202e", "\u200e", "\ufeff"])
def test_invisible_format_characters_inside_words_are_ignored(
    answerer: Answerer, noise: str
) -> None:
    plain = answerer.ask("when did they meet in 2023")
    assert answerer.ask(f"wh{noise}en did th{noise}ey me{noise}et in 20{noise}23") == plain


# --- bounded work ---------------------------------------------------------------------------------


def test_a_huge_message_costs_what_a_normal_one_does(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question is read from at most max_chars characters, so a 100,000-character message
    does the same work (fuzzy repairs included) as its first max_chars characters."""
    max_chars = answerer.config.match.max_chars
    seen: list[int] = []
    repairs: list[str] = []
    real_canon, real_repair = Reader._canon, Reader.repair

    def canon(self: Reader, text: str) -> object:
        seen.append(len(text))
        return real_canon(self, text)

    def repair(self: Reader, tok: str, written: str = "") -> str | None:
        repairs.append(tok)
        return real_repair(self, tok, written)

    monkeypatch.setattr(Reader, "_canon", canon)
    monkeypatch.setattr(Reader, "repair", repair)
    words = "when did they meet in Beijing, anniversary trade zzyzx qwerty meeeting "
    normal = (words * (max_chars // len(words) + 1))[:max_chars]
    huge = (words * (100_000 // len(words) + 1))[:100_000]

    first = answerer.ask(normal)
    normal_work = (list(seen), list(repairs))
    seen.clear()
    repairs.clear()
    second = answerer.ask(huge)
    assert seen and max(seen) <= max_chars
    assert (seen, repairs) == normal_work
    assert second == first


# --- the CLI --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_config(
    tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Project]
) -> Path:
    """A config over the project's data with its own table, built once for the module."""
    path = make_project(tmp_path_factory.mktemp("cli"), copy=False).path
    assert main(["--config", str(path), "build"]) == 0
    return path


def test_nasty_strings_through_ask_json(
    cli_config: Path, answerer: Answerer, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    for text in NASTY:
        # "--" so that "--help" or "-1" is a question, as a shell user would write it.
        assert main(["--config", str(cli_config), "ask", "--json", "--", text]) == 0, repr(text)
        out, err = capsys.readouterr()
        assert err == "" and out.endswith("\n") and out.count("\n") == 1, repr(text)
        data = json.loads(out)
        reply = answerer.ask(text, suggest=True)
        assert data == {
            "question": valid_unicode(text),
            "reply": reply.text,
            "matched": reply.matched,
            "intent": reply.intent,
            "score": reply.score,
            "sources": [{"file": s.file, "sentence": s.sentence} for s in reply.sources],
            "suggestions": list(reply.suggestions),
        }, repr(text)


def test_nasty_strings_through_plain_ask(
    cli_config: Path, answerer: Answerer, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    capsys.readouterr()
    for text in NASTY[::7]:
        assert main(["--config", str(cli_config), "ask", "--", text]) == 0, repr(text)
        assert capsys.readouterr().out == answerer.ask(text, suggest=True).text + "\n"
    # Standard input streams one answer line per input line, plain text on one line each.
    lines = [line for text in NASTY for line in text.split("\n")]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["--config", str(cli_config), "ask"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out.pop() == "" and len(out) == len(lines)
    for line, got in zip(lines, out, strict=True):
        assert got == answerer.ask(line.rstrip("\r"), suggest=True).text.replace("\n", " | ")


def test_ask_json_over_stdin_survives_invalid_utf8(cli_config: Path) -> None:
    """One real process: bad bytes and encoded surrogates on stdin, strict decoding requested."""
    good = [line for text in NASTY for line in text.split("\n")]
    raw = [line.encode("utf-8", "surrogatepass") for line in good] + [
        b"\xff\xfe", b"when did they \xc3\x28meet", b"\xe2\x82", b"\xc0\xaf", b"\xf5\x80\x80\x80",
        b"\xed\xa0\x80", b"which anniversary?\xff",
    ]  # fmt: skip
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(cli_config), "ask", "--json"],
        input=b"\n".join(raw) + b"\n", capture_output=True, timeout=60, env=env,
    )  # fmt: skip
    assert run.returncode == 0 and run.stderr == b""
    out = run.stdout.decode("utf-8").split("\n")  # strict: the output is valid UTF-8
    assert out.pop() == "" and len(out) == len(raw)
    replies = [json.loads(line) for line in out]
    assert all(isinstance(r["matched"], bool) and r["reply"] for r in replies)
    assert replies[-1]["question"] == "which anniversary?\ufffd" and replies[-1]["matched"]


def test_chat_reads_invalid_utf8_and_nasty_lines(
    cli_config: Path, answerer: Answerer, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    lines = [b"\xff\xfe", b"\x00", "<b>😀</b>".encode(), b"/ask", b"which anniversary?"]
    stdin = io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)  # strict decoding, as under a UTF-8 locale
    capsys.readouterr()
    assert main(["--config", str(cli_config), "chat"]) == 0
    out = capsys.readouterr().out
    assert out.count(answerer.ask("").text) == 4
    assert answerer.ask("which anniversary?").text in out
