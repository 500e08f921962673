"""Feeding updates to the Application: bounded long polling or a webhook that checks its secret.

PTB's Updater fetches every pending update at once (Telegram then counts them as delivered) and
queues them without bound, so a backlog of 20,000 messages was pulled in seconds, held in memory,
and lost on SIGKILL. Here at most ``IN_FLIGHT`` updates are fetched and not yet handled: long
polling asks for no more than the free slots, and the webhook answers Telegram only once an update
is handled (Telegram keeps at most ``IN_FLIGHT`` deliveries open and retries an unanswered one).
On SIGTERM/SIGINT fetching stops, what is in flight gets ``DRAIN_SECONDS`` to finish, and the
process exits; updates not handled by then are left to Telegram, which delivers them again to the
next start. After a SIGKILL at most ``IN_FLIGHT`` fetched updates can be lost (long polling
confirms a batch when it asks for the next one).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
from collections.abc import Callable
from typing import Any, TypeAlias

import tornado.web
from telegram import Update
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from ..config import TelegramConfig
from .resilience import PollingErrorLog

log = logging.getLogger(__name__)

IN_FLIGHT = 32  # updates fetched and not yet handled, at most (also the Bot API connections)
DRAIN_SECONDS = 5.0  # after SIGTERM, how long updates in flight may take to finish
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for an update
MAX_BODY = 1 << 20  # bytes of one webhook POST; Telegram's updates are far smaller
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]


def new_secret() -> str:
    """A random webhook secret (256 bits) in the alphabet Telegram accepts: A-Z a-z 0-9 _ -."""
    return secrets.token_urlsafe(32)


class InFlight:
    """Runs updates through the Application, at most ``limit`` at a time."""

    def __init__(self, app: App, limit: int = IN_FLIGHT):
        self.app, self.limit = app, limit
        self.tasks: dict[int, asyncio.Task[None]] = {}
        self._changed = asyncio.Event()

    @property
    def free(self) -> int:
        """Slots for more updates."""
        return self.limit - len(self.tasks)

    async def slot(self, at_least: int = 1) -> None:
        """Wait until at least ``at_least`` slots are free."""
        while self.free < at_least:
            self._changed.clear()
            await self._changed.wait()

    def start(self, update: Update) -> asyncio.Task[None]:
        """Handle ``update`` in a task of its own (the caller made sure a slot is free)."""
        task = asyncio.create_task(self._handle(update), name=f"update-{update.update_id}")
        self.tasks[update.update_id] = task
        task.add_done_callback(lambda _: self._done(update.update_id))
        return task

    async def handle(self, update: Update) -> None:
        """Wait for a slot, then handle ``update`` and return when it is handled."""
        await self.slot()
        await self.start(update)

    async def _handle(self, update: Update) -> None:
        try:  # the handlers' errors already went to the error handler; this is a last resort
            await self.app.process_update(update)
        except Exception:  # noqa: BLE001 - one bad update must not stop the others
            log.exception("update %s failed", update.update_id)

    def _done(self, update_id: int) -> None:
        self.tasks.pop(update_id, None)
        self._changed.set()

    async def drain(self, seconds: float) -> list[int]:
        """Let the updates in flight finish for up to ``seconds``; cancel the rest.

        Returns the ids of the cancelled (unhandled) updates, lowest first.
        """
        if self.tasks:
            await asyncio.wait(list(self.tasks.values()), timeout=seconds)
        left = dict(self.tasks)
        for task in left.values():
            task.cancel()
        await asyncio.gather(*left.values(), return_exceptions=True)
        if left:
            log.warning(
                "shutdown: %d updates not handled in %.0f s, left to Telegram to resend",
                len(left),
                seconds,
            )
        return sorted(left)


async def _until(stop: asyncio.Event, coroutine: Any) -> Any:
    """Await ``coroutine`` unless ``stop`` is set first (then cancel it and return None)."""
    task = asyncio.ensure_future(coroutine)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if task.done():
        return task.result()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return None


class Poller:
    """Long polling that asks Telegram for no more updates than there are free slots."""

    def __init__(
        self,
        app: App,
        in_flight: InFlight,
        *,
        timeout: float = POLL_TIMEOUT,
        errors: Callable[[TelegramError], None] | None = None,
    ):
        self.app, self.in_flight, self.timeout = app, in_flight, timeout
        self.errors = errors or PollingErrorLog()
        self.offset = 0  # the next update id wanted; Telegram forgets every one below it

    async def run(self, stop: asyncio.Event, ready: asyncio.Event) -> None:
        """Fetch and dispatch until ``stop``; raises InvalidToken."""
        await self._retry(stop, lambda: self.app.bot.delete_webhook(drop_pending_updates=False))
        ready.set()
        while not stop.is_set():
            # half the slots, so that a busy bot asks for batches, not one update per answer
            await _until(stop, self.in_flight.slot(max(1, self.in_flight.limit // 2)))
            if stop.is_set():
                return
            updates = await self._retry(stop, self._fetch)
            for update in updates or ():
                self.offset = max(self.offset, update.update_id + 1)
                self.in_flight.start(update)

    async def _fetch(self) -> tuple[Update, ...]:
        updates: tuple[Update, ...] = await self.app.bot.get_updates(
            offset=self.offset or None,
            limit=max(1, self.in_flight.free),
            timeout=self.timeout,
            allowed_updates=ALLOWED_UPDATES,
        )
        return updates

    async def _retry(self, stop: asyncio.Event, call: Callable[[], Any]) -> Any:
        """``call()`` until it succeeds or ``stop``; waits 1, 2, 4 ... 30 s after failures."""
        delay = 0.0
        while not stop.is_set():
            try:
                return await _until(stop, call())
            except InvalidToken:
                raise
            except RetryAfter as exc:
                wait = exc.retry_after
                delay = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
            except TelegramError as exc:
                self.errors(exc)
                delay = min(max(1.0, delay * 2), 30.0)
            await _until(stop, asyncio.sleep(delay))
        return None

    async def confirm(self, unhandled: list[int]) -> None:
        """Tell Telegram which updates were handled, so that a restart gets only the others."""
        offset = min(unhandled) if unhandled else self.offset
        if offset:
            try:
                await self.app.bot.get_updates(offset=offset, limit=1, timeout=0)
            except TelegramError as exc:
                log.warning("shutdown: could not confirm the handled updates (%s)", exc)


@tornado.web.stream_request_body
class WebhookHandler(tornado.web.RequestHandler):
    """One POST from Telegram: secret first, then a bounded body, then the update is handled.

    The secret is checked when the headers arrive, before any of the body is read. Telegram gets
    200 only once the update is handled; anything else it retries.
    """

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, app: App, in_flight: InFlight, secret: str) -> None:  # noqa: D102
        self.app, self.in_flight, self.secret = app, in_flight, secret
        self.body = bytearray()

    def prepare(self) -> None:  # noqa: D102
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning(
                "webhook: refused a POST from %s without the right secret", self.request.remote_ip
            )
            raise tornado.web.HTTPError(403)
        length = self.request.headers.get("Content-Length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            raise tornado.web.HTTPError(413)
        self.request.connection.set_max_body_size(MAX_BODY)  # type: ignore[union-attr]

    def data_received(self, chunk: bytes) -> None:  # noqa: D102
        self.body += chunk

    async def post(self) -> None:  # noqa: D102
        update = self._update()
        if update is None:
            raise tornado.web.HTTPError(400)
        await self.in_flight.handle(update)
        self.set_status(200)

    def _update(self) -> Update | None:
        try:
            data = json.loads(self.body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            return Update.de_json(data, self.app.bot)
        except Exception as exc:  # noqa: BLE001 - any malformed body is the sender's problem
            log.warning(
                "webhook: refused a malformed update (%s: %s)", type(exc).__name__, str(exc)[:200]
            )
            return None

    def log_exception(self, *args: Any) -> None:
        """HTTP errors are answered, not logged with a traceback (prepare logged what matters)."""

    def write_error(self, status_code: int, **kwargs: Any) -> None:  # noqa: D102
        self.finish()


def webhook_app(app: App, in_flight: InFlight, path: str, secret: str) -> tornado.web.Application:
    """The tornado application answering POSTs on ``/path``."""
    route = "/" + path.strip("/")
    args = {"app": app, "in_flight": in_flight, "secret": secret}
    return tornado.web.Application([(route + "/?", WebhookHandler, args)], log_function=_quiet)


def _quiet(handler: tornado.web.RequestHandler) -> None:
    """No access log line per request."""


async def serve(
    app: App,
    tg: TelegramConfig,
    stop: asyncio.Event,
    secret: str = "",
    *,
    in_flight: int = IN_FLIGHT,
    drain: float = DRAIN_SECONDS,
    poll_timeout: float = POLL_TIMEOUT,
    ready: asyncio.Event | None = None,
) -> None:
    """Run ``app`` until ``stop`` is set: polling or webhook per ``tg.mode``, then drain and stop.

    ``secret`` is the webhook secret (required in webhook mode); ``ready`` is set once updates
    can arrive. Raises InvalidToken, and TelegramError when start-up fails.
    """
    ready = ready or asyncio.Event()
    if tg.mode == "webhook" and not secret:
        raise ValueError("webhook mode needs a secret")
    flight = InFlight(app, in_flight)
    async with app:  # initialize ... shutdown
        if app.post_init:
            await app.post_init(app)
        await app.start()
        try:
            if tg.mode == "webhook":
                await _webhook(app, tg, stop, ready, secret, flight, drain)
            else:
                poller = Poller(app, flight, timeout=poll_timeout)
                try:
                    await poller.run(stop, ready)
                finally:
                    await poller.confirm(await flight.drain(drain))
        finally:
            await app.stop()


async def _webhook(
    app: App,
    tg: TelegramConfig,
    stop: asyncio.Event,
    ready: asyncio.Event,
    secret: str,
    flight: InFlight,
    drain: float,
) -> None:
    hook = tg.webhook
    server = HTTPServer(webhook_app(app, flight, hook.path, secret), max_body_size=MAX_BODY)
    server.listen(hook.port, address=hook.listen)
    try:
        await app.bot.set_webhook(
            url=hook.url or "",
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            max_connections=flight.limit,
        )
        log.info("webhook: listening on %s:%d/%s", hook.listen, hook.port, hook.path.strip("/"))
        ready.set()
        await stop.wait()
    finally:
        server.stop()  # no new connections; the requests in flight get the drain time
        await flight.drain(drain)
        await server.close_all_connections()
