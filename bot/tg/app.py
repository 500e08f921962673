"""The python-telegram-bot ``Application``: building it and running it (polling or webhook)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram import BotCommand
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)

from ..answer import Answerer
from ..config import Config, TelegramConfig
from ..language import COMMANDS
from .buttons import ASK, MEETING, PAGE
from .conversations import ChatDataConversations, Conversations
from .flood import FloodCounters
from .handlers import Handlers
from .resilience import RetryingRateLimiter
from .serve import IN_FLIGHT, new_secret, serve

log = logging.getLogger(__name__)

NO_TOKEN = "error: no Telegram token: set TELEGRAM_BOT_TOKEN or telegram.token_file"
REJECTED_TOKEN = "error: Telegram rejected the token (check TELEGRAM_BOT_TOKEN)"
# Bot API connections: one per update in flight, so a handler never waits for a connection.
# PTB's default is 256, and httpcore checks every pooled connection on each request, so a burst
# cost ~4 ms of CPU per message instead of ~2.8 (issue 5).
CONNECTIONS = IN_FLIGHT
PERSIST_EVERY = 60  # seconds between two writes of the conversations file (and one at stop)


def api_base_url(base_url: str) -> str:
    """PTB appends the token to ``base_url``, which must end in ``/bot``."""
    url = base_url.rstrip("/")
    return url if url.endswith("/bot") else url + "/bot"


def file_base_url(base_url: str) -> str:
    """The matching file download URL (``.../file/bot``)."""
    return api_base_url(base_url)[: -len("/bot")] + "/file/bot"


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    log.info("factbot running as @%s", app.bot.username)


def persistence_of(tg: TelegramConfig) -> PicklePersistence[Any, Any, Any] | None:
    """PTB's persistence for the conversations' contexts (chat_data only), if configured."""
    if tg.persistence is None:
        return None
    with contextlib.suppress(OSError):  # if it cannot be made, persistence_problem says so
        tg.persistence.parent.mkdir(parents=True, exist_ok=True)
    only_chats = PersistenceInput(bot_data=False, user_data=False, callback_data=False)
    return PicklePersistence(tg.persistence, store_data=only_chats, update_interval=PERSIST_EVERY)


async def persistence_problem(app: Application) -> str | None:  # type: ignore[type-arg]
    """Why the conversations file cannot be used (one line), or None."""
    persistence = app.persistence
    if not isinstance(persistence, PicklePersistence):
        return None
    path = Path(persistence.filepath)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        await persistence.get_chat_data()
    except Exception as exc:  # noqa: BLE001 - unpickling fails in many ways; all are one line
        return f"telegram.persistence: {path}: cannot be used ({' '.join(str(exc).split())})"
    return None


def add_handlers(app: Application, handlers: Handlers) -> None:  # type: ignore[type-arg]
    """Register the callbacks: new text messages only (no edits, channel posts or media)."""
    new = filters.UpdateType.MESSAGE
    app.add_handler(CommandHandler("start", handlers.start, filters=new))
    app.add_handler(CommandHandler("help", handlers.help_command, filters=new))
    app.add_handler(CommandHandler("ask", handlers.ask_command, filters=new))
    app.add_handler(CommandHandler("sources", handlers.sources_command, filters=new))
    app.add_handler(CommandHandler("meetings", handlers.meetings_command, filters=new))
    app.add_handler(CommandHandler("reload", handlers.reload_command, filters=new))
    app.add_handler(CommandHandler("misses", handlers.misses_command, filters=new))
    app.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, handlers.message))
    app.add_handler(CallbackQueryHandler(handlers.meeting_button, pattern=f"^{MEETING}"))
    app.add_handler(CallbackQueryHandler(handlers.page_button, pattern=f"^{PAGE}"))
    app.add_handler(CallbackQueryHandler(handlers.question_button, pattern=f"^{ASK}"))
    app.add_handler(CallbackQueryHandler(handlers.source_button))  # the rest: answered too
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    app.add_error_handler(handlers.error_handler)


def build_application(
    config: Config,
    answerer: Answerer,
    *,
    rate_limiter: bool | BaseRateLimiter[Any] = True,
    timeout: float | None = None,
    clock: Callable[[], float] = time.time,
    conversations: Conversations | None = None,
    flood: FloodCounters | None = None,
) -> Application:  # type: ignore[type-arg]
    """The configured Application; raises ValueError when there is no token.

    ``rate_limiter``: True for ``RetryingRateLimiter()`` (rates, 429 waits, retried transient
    failures), False for none, or a limiter to use. ``timeout``: connect/read/write seconds for
    API requests (PTB's defaults when None). ``clock``: the wall clock conversations' contexts
    expire by. The per-chat state, by default kept in this process: ``conversations`` (in the
    Application's chat_data, and so in its persistence) and ``flood`` (the flood counters);
    processes that share one webhook would pass implementations that share them.
    """
    tg = config.telegram
    if tg.token is None or not tg.token.reveal():
        raise ValueError(NO_TOKEN)
    builder = (
        ApplicationBuilder()
        .token(tg.token.reveal())
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .updater(None)  # bot.tg.serve fetches the updates, a bounded number at a time
        .connection_pool_size(CONNECTIONS)
        .post_init(_post_init)
    )
    if tg.base_url:
        builder = builder.base_url(api_base_url(tg.base_url))
        builder = builder.base_file_url(file_base_url(tg.base_url))
    if timeout is not None:
        builder = builder.connect_timeout(timeout).read_timeout(timeout).write_timeout(timeout)
        builder = (builder.get_updates_connect_timeout(timeout).get_updates_read_timeout(timeout)
                   .get_updates_write_timeout(timeout))  # fmt: skip
    persistence = persistence_of(tg)
    if persistence is not None:
        builder = builder.persistence(persistence)
    if rate_limiter:
        limiter: BaseRateLimiter[Any] = (
            RetryingRateLimiter() if rate_limiter is True else rate_limiter
        )
        builder = builder.rate_limiter(limiter)
    app = builder.build()
    conversations = conversations or ChatDataConversations(app)
    add_handlers(app, Handlers(answerer, config, clock=clock, conversations=conversations,
                               flood=flood))  # fmt: skip
    return app


class RedactFilter(logging.Filter):
    """Replaces every occurrence of the secrets in a log record with ``***``."""

    def __init__(self, *secrets: str):
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def clean(self, text: str) -> str:
        """``text`` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record's message in place; never drop a record."""
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - bad format args: keep the pieces, redacted
            message = f"{record.msg} {record.args!r}"
        cleaned = self.clean(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = self.clean(text), None
        elif record.exc_text:
            record.exc_text = self.clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self.clean(record.stack_info)
        return True


def install_redaction(*secrets: str) -> Callable[[], None]:
    """Redact the secrets from every log record when it is created; returns the undo.

    A record factory sees every record of every logger, whatever handlers exist now or are added
    later (a handler filter only covers the handlers present when it was added).
    """
    redact = RedactFilter(*secrets)
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        redact.filter(record)
        return record

    def undo() -> None:
        if logging.getLogRecordFactory() is factory:
            logging.setLogRecordFactory(previous)

    logging.setLogRecordFactory(factory)
    return undo


def setup_logging(*secrets: str) -> RedactFilter:
    """INFO logging with quiet httpx (unless configured), and the secrets redacted everywhere."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    httpx_log = logging.getLogger("httpx")  # logs every request URL, which holds the token
    if httpx_log.level == logging.NOTSET:
        httpx_log.setLevel(logging.WARNING)
    install_redaction(*secrets)
    redact = RedactFilter(*secrets)
    for handler in root.handlers:
        handler.addFilter(redact)
    return redact


def run_bot(config: Config, answerer: Answerer) -> int:
    """Run until SIGINT/SIGTERM (0); 2 without a usable token, 1 if Telegram fails at start-up.

    Webhook mode always checks a secret: TELEGRAM_WEBHOOK_SECRET, or a random one made for this
    run and given to Telegram with setWebhook.
    """
    tg = config.telegram
    token = tg.token.reveal() if tg.token is not None else ""
    if not token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    secret = ""
    if tg.mode == "webhook":
        secret = tg.webhook.secret_token.reveal() if tg.webhook.secret_token else new_secret()
    redact = setup_logging(token, secret)
    if tg.mode == "webhook" and not tg.webhook.secret_token:
        log.info(
            "webhook: TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run "
            "(set one when several processes share the webhook)"
        )
    app = build_application(config, answerer)
    problem = asyncio.run(persistence_problem(app))
    if problem:
        print(f"error: {redact.clean(problem)}", file=sys.stderr)
        return 2
    try:
        asyncio.run(_serve_until_signal(app, tg, secret))
    except InvalidToken:  # its message quotes the token: never print it
        print(REJECTED_TOKEN, file=sys.stderr)
        return 2
    except TelegramError as exc:
        print(f"error: Telegram: {redact.clean(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:  # the webhook port is taken or not ours
        print(f"error: webhook: {redact.clean(str(exc))}", file=sys.stderr)
        return 1
    return 0


async def _serve_until_signal(app: Application, tg: Any, secret: str) -> None:  # type: ignore[type-arg]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(app, tg, stop, secret)
