"""The dialogue sets (tests/data/dialogues/*.yaml): conversations through chat --json's own code
path, through the real ``python -m bot chat --json``, and through the real bot against the fake
Bot API, in private chats and in a group.

blind.yaml was written by someone who never saw the code; own.yaml next to it. A conversation
is turns of one user in one chat, checked with ``bot.check.turn_problems``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.answer import Answerer
from bot.chat import run_chat
from bot.check import conversations, said, turn_problems, waited
from bot.config import Config
from bot.kinds import KINDS
from bot.language import DECLINE, SHORT_DECLINE
from bot.tg.app import build_application
from tests.support import ROOT, config_file
from tests.tgharness import serving, tg_config

DIALOGUES = ROOT / "tests" / "data" / "dialogues"
FILES = ("blind.yaml", "own.yaml")
# Blind conversations that ask what someone said at a meeting: they need the statement facts
# another branch adds (and the summaries list "statement" once that kind exists).
NEEDS_STATEMENTS = {
    "summary-by-month-december-2023",
    "followup-statement-when-where",
    "switch-statement-question-then-where",
}
GROUP = -100777
DECLINES = (DECLINE("en"), DECLINE("ru"), SHORT_DECLINE("en"), SHORT_DECLINE("ru"))


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DIALOGUES / name).read_text(encoding="utf-8"))
    return list(conversations(data))  # type: ignore[arg-type]


def every() -> Iterator[tuple[str, dict[str, Any]]]:
    for name in FILES:
        for conv in load(name):
            yield name, conv


def params() -> list[Any]:
    out = []
    for name, conv in every():
        marks = []
        if conv["name"] in NEEDS_STATEMENTS and "statement" not in KINDS:
            marks.append(pytest.mark.xfail(reason="needs statement facts", strict=True))
        out.append(pytest.param(conv, id=f"{name[:-5]}:{conv['name']}", marks=marks))
    return out


def problems(conv: dict[str, Any], texts: list[tuple[str, bool]], group: bool = False) -> str:
    """Every turn's problems, one line each ("" when none)."""
    lines = []
    for turn, (text, matched) in zip(conv["turns"], texts, strict=True):
        found = turn_problems(turn, text, matched, short_declines=group)
        if found:
            lines.append(f"{turn['say']!r}: {'; '.join(found)} -> {text[:300]!r}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the sets


def test_the_sets_are_large_and_bilingual() -> None:
    own, blind = load("own.yaml"), load("blind.yaml")
    assert len(own) >= 40 and len(blind) == 74
    for convs in (own, blind):
        said_ = [said(t) for c in convs for t in c["turns"]]
        assert sum(any("а" <= ch <= "я" for ch in s.lower()) for s in said_) >= 30  # Russian
        assert len({c["name"] for c in convs}) == len(convs)
    assert any(waited(t) > 600 for c in own for t in c["turns"])  # a context expires


# --------------------------------------------------------------------------- chat --json


def chat_json(answerer: Answerer, turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The turns through ``run_chat`` (what ``python -m bot chat --json`` runs), the clock moved
    on by each turn's ``wait``."""
    now = [1_000_000.0]

    def lines() -> Iterator[str]:
        for turn in turns:
            now[0] += waited(turn)
            yield said(turn) + "\n"

    out = io.StringIO()
    assert run_chat(answerer, lines(), out, as_json=True, clock=lambda: now[0]) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("conv", params())
def test_conversation_through_chat_json(answerer: Answerer, conv: dict[str, Any]) -> None:
    replies = chat_json(answerer, conv["turns"])
    assert len(replies) == len(conv["turns"])
    found = problems(conv, [(r["reply"], r["matched"]) for r in replies])
    assert not found, found


def test_conversations_through_the_real_chat_command(tmp_path: Path) -> None:
    """Every sixth conversation (a process each takes a while) in ``python -m bot chat --json``
    processes: their replies equal the in-process chat's, so the checks above hold for it."""
    config = config_file(tmp_path)
    subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "build"],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    convs = [c for _, c in every() if not any(waited(t) for t in c["turns"])][::6]

    def run(conv: dict[str, Any]) -> list[dict[str, Any]]:
        lines = "".join(said(t) + "\n" for t in conv["turns"])
        done = subprocess.run(
            [sys.executable, "-m", "bot", "--config", str(config), "chat", "--json"],
            input=lines, capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        assert done.stderr == "", done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    with ThreadPoolExecutor(4) as pool:
        outputs = list(pool.map(run, convs))
    from bot.build import current_table
    from bot.config import load_config

    loaded = load_config(config, {})
    current = current_table(loaded)
    answerer = Answerer.from_table(current.table, loaded, current.gazetteer, current.glossary)
    for conv, output in zip(convs, outputs, strict=True):
        assert set(output[0]) == {"question", "reply", "matched", "intent", "score", "sources",
                                  "suggestions"}  # fmt: skip
        expected = chat_json(answerer, conv["turns"])
        assert [o["reply"] for o in output] == [e["reply"] for e in expected], conv["name"]
        assert [o["matched"] for o in output] == [e["matched"] for e in expected], conv["name"]


# --------------------------------------------------------------------------- Telegram


def seen(call: Any) -> tuple[str, bool]:
    """What the user sees of a bot message (its text and its buttons) and whether it answers."""
    text = call.result["text"]
    markup = call.params.get("reply_markup") or {}
    buttons = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
    return "\n".join([text, *buttons]), not any(d in text for d in DECLINES)


async def converse(api: Any, convs: list[dict[str, Any]], group: bool, clock: list[float],
                   first: int = 5000) -> list[list[tuple[str, bool]]]:  # fmt: skip
    """All ``convs`` at once, turn by turn: each in a private chat of its own, or each by a user
    of its own in one group (addressed: a mention), users from ``first`` on. Returns what each
    conversation got."""
    users = [first + n for n in range(len(convs))]
    got: list[list[tuple[str, bool]]] = [[] for _ in convs]
    for step in range(max(len(c["turns"]) for c in convs)):
        pushed = {}
        for n, conv in enumerate(convs):
            if step < len(conv["turns"]):
                turn = conv["turns"][step]
                clock[0] += waited(turn)
                if group:
                    text = f"@{api.username} {said(turn)}"
                    update = api.push_message(GROUP, text, chat_type="supergroup", user_id=users[n])
                else:
                    update = api.push_message(users[n], said(turn), user_id=users[n])
                pushed[n] = update["message"]["message_id"]
        for n, message_id in pushed.items():
            chat = GROUP if group else users[n]

            def answers(call: Any, chat: int = chat, message_id: int = message_id) -> bool:
                params = call.params.get("reply_parameters") or {}
                quoted = params.get("message_id") if isinstance(params, dict) else None
                return call.params.get("chat_id") == chat and (not group or quoted == message_id)

            calls = await api.wait_for_async("sendMessage", step + 1 if not group else 1,
                                             timeout=30, predicate=answers)  # fmt: skip
            got[n].append(seen(calls[-1]))
    return got


def unlimited(config: Config, api: Any) -> Config:
    """No flood limits: 300 messages in one group are the test, not a flood."""
    return tg_config(config, api, per_chat_per_minute=10_000, per_user_per_minute=10_000)


def bot(config: Config, api: Any, answerer: Answerer, clock: list[float]) -> Any:
    """The Application without Telegram's own rate limiter (20 messages a minute in a group would
    make this test take a quarter of an hour), with the test's clock."""
    return build_application(unlimited(config, api), answerer, rate_limiter=False,
                             clock=lambda: clock[0])  # fmt: skip


@pytest.mark.e2e
@pytest.mark.parametrize("group", [False, True], ids=["private", "group"])
async def test_conversations_through_the_bot(api, config, answerer, group: bool) -> None:
    """Every conversation through the real Application, all at once; those that wait for the
    clock one at a time, each on a bot of its own with an injected clock."""
    convs = [c for _, c in every()]
    steady = [c for c in convs if not any(waited(t) for t in c["turns"])]
    clock = [1_000_000.0]
    async with serving(bot(config, api, answerer, clock)):
        got = await converse(api, steady, group, clock)
    for n, conv in enumerate(c for c in convs if c not in steady):
        async with serving(bot(config, api, answerer, clock)):
            got.append((await converse(api, [conv], group, clock, 9000 + n))[0])
    failed = []
    for conv, texts in zip([*steady, *[c for c in convs if c not in steady]], got, strict=True):
        found = problems(conv, texts, group)
        known = conv["name"] in NEEDS_STATEMENTS and "statement" not in KINDS
        if found and not known:
            failed.append(f"{conv['name']}:\n{found}")
        if known and not group:  # (in a group a decline's text is not checked)
            assert found, f"{conv['name']} passes: take it off NEEDS_STATEMENTS"
    assert not failed, "\n".join(failed)


def test_group_declines_stay_one_short_line(answerer: Answerer) -> None:
    """What the group run does not check of a decline: there it is the one short line."""
    reply = answerer.ask("when did Xi meet Mishustin in Shanghai?", suggest=True)
    assert not reply.matched and reply.suggestions  # private chats get suggestions ...
    from bot.tg.handlers import reply_html

    assert reply_html(reply, group=True) == "Sorry, I don&#x27;t know that."  # ... groups not
