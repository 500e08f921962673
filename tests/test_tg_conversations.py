"""The per-chat state behind two small interfaces (issue 17): ``Conversations`` and
``FloodCounters``. Implementations kept elsewhere (as several processes behind one webhook would
need) plug into the real Application and carry follow-ups and flood control; the default keeps
contexts in PTB's chat_data, expires and sweeps them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.dialogue import TTL
from bot.dialogue import Context as Dialogue
from bot.tg.app import build_application
from bot.tg.conversations import CONTEXTS, SWEEP_EVERY, ChatDataConversations, Conversations
from bot.tg.flood import FloodControl, FloodCounters, Verdict
from tests.tgharness import replies, serving, tg_config

USER = 1000
OTHER = 2000


class SharedConversations:
    """What a store shared by several processes does: plain JSON text under (chat, user)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[int, int], str] = {}

    def get(self, chat_id: int, user_id: int, now: float) -> Dialogue | None:
        text = self.kept.get((chat_id, user_id))
        found = Dialogue.from_json(json.loads(text)) if text else None
        return found if found is not None and found.fresh(now) else None

    def put(self, chat_id: int, user_id: int, context: Dialogue | None, now: float) -> None:
        if context is None:
            self.kept.pop((chat_id, user_id), None)
        else:
            self.kept[(chat_id, user_id)] = json.dumps(context.to_json())


class CountingFlood:
    """Flood counters elsewhere: every admission is asked of this object."""

    def __init__(self, refuse: bool = False) -> None:
        self.asked: list[tuple[int | None, int | None]] = []
        self.refuse = refuse

    def admit(self, chat_id: int | None, user_id: int | None) -> Verdict:
        self.asked.append((chat_id, user_id))
        return Verdict(False, True, "chat", 42.0) if self.refuse else Verdict(True)


def test_the_fakes_are_implementations() -> None:
    conversations: Conversations = SharedConversations()
    flood: FloodCounters = CountingFlood()
    assert conversations and flood  # mypy checks the assignments above against the protocols


async def ask(api: Any, chat: int, text: str, count: int) -> str:
    api.push_message(chat, text, user_id=chat)
    return str((await replies(api, chat, count=count))[-1].params["text"])


@pytest.mark.e2e
async def test_follow_ups_and_flood_control_go_through_the_interfaces(api, config, answerer):
    shared, flood = SharedConversations(), CountingFlood()
    app = build_application(tg_config(config, api), answerer, conversations=shared, flood=flood)
    async with serving(app):
        assert "2025" in await ask(api, USER, "when did they meet in 2025?", 1)
        followed = await ask(api, USER, "and where?", 2)  # in the context: the 2025 meeting
        assert "Beijing" in followed and "Moscow" not in followed
        assert "Moscow" in await ask(api, OTHER, "and where?", 1)  # no context: every meeting
    assert set(shared.kept) == {(USER, USER), (OTHER, OTHER)}
    assert not app.chat_data  # nothing kept in this process
    assert flood.asked == [(USER, USER), (USER, USER), (OTHER, OTHER)]


@pytest.mark.e2e
async def test_a_refusal_from_shared_counters_is_said_once(api, config, answerer):
    app = build_application(tg_config(config, api), answerer, flood=CountingFlood(refuse=True))
    async with serving(app):
        assert "42" in await ask(api, USER, "when did they meet?", 1)  # "try again in 42 s"


class App:
    """What ChatDataConversations uses of PTB's Application (chat_data makes entries on lookup,
    as PTB's does)."""

    def __init__(self) -> None:
        self.data: dict[int, dict[Any, Any]] = {}
        self.dropped: list[int] = []

    @property
    def chat_data(self) -> Any:
        app = self

        class Lookup(dict):  # type: ignore[type-arg]
            def __missing__(self, chat_id: int) -> dict[Any, Any]:
                return app.data.setdefault(chat_id, {})

        return Lookup(self.data)

    def drop_chat_data(self, chat_id: int) -> None:
        self.dropped.append(chat_id)
        self.data.pop(chat_id, None)


def dialogue(at: float) -> Dialogue:
    return Dialogue("meeting_place", ("2025-11-04-beijing",), at=at)


def test_chat_data_conversations_keep_forget_and_expire() -> None:
    app = App()
    kept = ChatDataConversations(app)
    kept.put(1, USER, None, 0.0)
    assert app.data == {}  # nothing to keep: no entry for the chat
    kept.put(1, USER, dialogue(100.0), 100.0)
    assert kept.get(1, USER, 100.0 + TTL - 1) == dialogue(100.0)
    assert kept.get(1, OTHER, 101.0) is None and kept.get(2, USER, 101.0) is None
    assert kept.get(1, USER, 100.0 + TTL + 1) is None  # expired
    kept.put(1, USER, None, 200.0)
    assert CONTEXTS not in app.data[1]


def test_chat_data_conversations_sweep_expired_contexts_and_empty_chats() -> None:
    app = App()
    kept = ChatDataConversations(app)
    kept.put(7, USER, dialogue(0.0), 0.0)
    app.data[8] = {"other": "kept"}
    later = TTL + 10.0
    for n in range(SWEEP_EVERY - 2):
        kept.put(9, n, dialogue(later), later)
    assert 7 in app.data and not app.dropped
    kept.put(9, SWEEP_EVERY, dialogue(later), later)  # the SWEEP_EVERY-th put: a sweep
    assert app.dropped == [7] and app.data[8] == {"other": "kept"}
    assert len(app.data[9][CONTEXTS]) == SWEEP_EVERY - 1


def test_flood_control_is_flood_counters() -> None:
    counters: FloodCounters = FloodControl(1, 5, clock=lambda: 0.0)
    assert counters.admit(1, 2).allowed and not counters.admit(1, 2).allowed
