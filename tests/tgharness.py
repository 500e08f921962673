"""What the Telegram end-to-end tests share: a config pointed at the fake server, a running
Application, and waits for the bot's replies."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.config import Config, Secret, TelegramConfig
from bot.tg.serve import serve
from tests.fakebotapi import FakeBotAPI


def tg_config(config: Config, api: FakeBotAPI, **telegram: Any) -> Config:
    """``config`` with the fake server's URL and token, and ``telegram`` settings changed."""
    tg = dataclasses.replace(config.telegram, base_url=api.base_url, token=Secret(api.token),
                             **telegram)  # fmt: skip
    return dataclasses.replace(config, telegram=tg)


@asynccontextmanager
async def serving(app: Any, tg: Any = None, secret: str = "", **options: Any) -> AsyncIterator[Any]:
    """``app`` served as ``python -m bot run`` serves it (``bot.tg.serve.serve``), in a task;
    stopped (as by SIGTERM: drain, confirm) when the block ends. ``tg`` defaults to polling."""
    tg = tg or TelegramConfig()
    stop, ready = asyncio.Event(), asyncio.Event()
    options.setdefault("poll_timeout", 1)
    task = asyncio.create_task(serve(app, tg, stop, secret, ready=ready, **options))
    await asyncio.wait(
        [task, asyncio.ensure_future(ready.wait())], return_when=asyncio.FIRST_COMPLETED
    )
    if task.done():
        task.result()  # start-up failed: raise it here
    try:
        yield app
    finally:
        stop.set()
        await task


def to_chat(chat_id: int) -> Any:
    return lambda call: call.params.get("chat_id") == chat_id


async def replies(
    api: FakeBotAPI,
    chat_id: int,
    count: int = 1,
    timeout: float = 10.0,  # noqa: ASYNC109 - the fake server's own wait takes it
) -> Any:
    """The first ``count`` sendMessage calls to ``chat_id`` (waits for them)."""
    return await api.wait_for_async(
        "sendMessage", count, timeout=timeout, predicate=to_chat(chat_id)
    )


async def drained(api: FakeBotAPI) -> None:
    """Wait until some getUpdates answer has carried the last pushed update to the bot."""
    last = api.pending_updates[-1]["update_id"] if api.pending_updates else 0
    while True:
        fetched = [u["update_id"] for c in api.calls_of("getUpdates") for u in c.result]
        if not last or last in fetched:
            return
        await asyncio.sleep(0.02)
