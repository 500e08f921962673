"""python-telegram-bot callbacks around the pure ``Answerer``.

The callbacks on ``Handlers`` are short; the decisions (is this message addressed to the bot, what
text goes out, which chats are allowed) live in pure helpers that take plain strings and ints.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from itertools import count
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from ..errors import FactbotError
from ..helptext import first_example, help_text, start_text, ui_language
from ..misses import report_html
from ..misslog import MissLog
from ..reload import reload_answerer
from ..render import Reply, clip, render_sources
from .flood import FloodControl
from .resilience import PollingErrorLog

log = logging.getLogger(__name__)

SOURCE_PREFIX = "src:"
GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})
SHORT_DECLINE = {"en": "Sorry, I don't know that.", "ru": "Извините, я этого не знаю."}
SOURCE_BUTTON = {"en": "Source", "ru": "Источник"}
EXPIRED = {
    "en": "These sources are no longer available; please ask again.",
    "ru": "Источники больше недоступны; спросите ещё раз.",
}
ASK_USAGE = {"en": "Usage: /ask <question>, e.g. /ask {example}",
             "ru": "Как спросить: /ask <вопрос>, например /ask {example}"}
SOURCES_HEAD = {"en": ("The articles I know:", "I have no articles."),
                "ru": ("Статьи, которые я знаю:", "У меня нет статей.")}
COMMANDS = (
    ("start", "Introduction"),
    ("help", "What I can answer"),
    ("ask", "Ask a question (in groups)"),
    ("sources", "The articles I know"),
)

Context = ContextTypes.DEFAULT_TYPE


# ----------------------------------------------------------------------------- pure helpers


def addressed_text(text: str, username: str | None, replied_to_bot: bool) -> str | None:
    """The question in a group message, or None when the message is not for the bot.

    A message is addressed when it @mentions the bot (case-insensitive) or replies to one of the
    bot's messages; the mention itself is removed from the question.
    """
    if username:
        mention = re.compile(rf"@{re.escape(username)}(?![A-Za-z0-9_])", re.IGNORECASE)
        if mention.search(text):
            return " ".join(mention.sub(" ", text).split())
    return text.strip() if replied_to_bot else None


def command_text(text: str) -> str:
    """What follows the command word: ``"/ask@bot  when?"`` -> ``"when?"``."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def is_group(chat_type: str | None) -> bool:
    """True for groups and supergroups."""
    return chat_type in GROUP_TYPES


def chat_allowed(chat_id: int | None, allowed: Iterable[int]) -> bool:
    """An empty allow-list admits every chat; otherwise only the listed ids."""
    allowed = tuple(allowed)
    return not allowed or chat_id in allowed


def is_admin(user_id: int | None, admins: Iterable[int]) -> bool:
    """Only the listed user ids are admins; an empty list means nobody."""
    return user_id is not None and user_id in tuple(admins)


def reload_failed_text(error: BaseException) -> str:
    """The one-line HTML reply for a failed /reload."""
    problem = " ".join(str(error).split()) if isinstance(error, FactbotError) else (
        f"internal error ({type(error).__name__}), see the log")
    return html.escape(clip(f"Reload failed: {problem}. Still answering from the old table.", 1000))


def reply_html(reply: Reply, group: bool, group_declines: str = "short") -> str | None:
    """The HTML to send for ``reply``, or None to stay silent.

    Private chats get the full reply; in groups a decline is short or silent per config.
    """
    if reply.matched or not group:
        return reply.html
    if group_declines == "silent":
        return None
    return html.escape(SHORT_DECLINE.get(reply.lang, SHORT_DECLINE["en"]))


def sources_text(articles: Iterable[Any], lang: str = "en") -> str:
    """The articles as HTML: title, outlet and date, one per line."""
    head, empty = SOURCES_HEAD.get(lang, SOURCES_HEAD["en"])
    lines = [head]
    for art in articles:
        meta = ", ".join(x for x in (art.outlet, art.published or art.meeting[:10]) if x)
        title = " ".join(art.title.split()) or art.stem
        lines.append(f"• {html.escape(title)}" + (f" — <i>{html.escape(meta)}</i>" if meta else ""))
    return "\n".join(lines) if len(lines) > 1 else empty


def source_keyboard(key: str, lang: str = "en") -> InlineKeyboardMarkup:
    """The inline keyboard with one "Source" button carrying ``src:<key>`` (well under 64 bytes)."""
    label = SOURCE_BUTTON.get(lang, SOURCE_BUTTON["en"])
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=SOURCE_PREFIX + key)]])


def source_key(data: str | None) -> str | None:
    """The store key in a callback_data string, or None when it is not ours."""
    if data and data.startswith(SOURCE_PREFIX):
        return data[len(SOURCE_PREFIX):] or None
    return None


def file_titles(titles: Mapping[str, str]) -> dict[str, str]:
    """Titles keyed both by stem and by file name (sources name files, ``stem.txt``)."""
    return {**{f"{stem}.txt": title for stem, title in titles.items()}, **titles}


class ReplyStore:
    """The last ``size`` replies with sources, keyed by short ids (for the Source button)."""

    def __init__(self, size: int = 1000):
        self.size = size
        self._items: OrderedDict[str, Reply] = OrderedDict()
        self._ids = count(1)

    def put(self, reply: Reply) -> str:
        key = format(next(self._ids), "x")
        self._items[key] = reply
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return key

    def get(self, key: str | None) -> Reply | None:
        return self._items.get(key) if key else None

    def __len__(self) -> int:
        return len(self._items)


# ----------------------------------------------------------------------------- callbacks


class Handlers:
    """The bot's callbacks; ``config`` is read-only, ``answerer`` is replaced by /reload."""

    def __init__(self, answerer: Any, config: Any, store_size: int = 1000):
        self.config = config
        self.tg = config.telegram
        self.store = ReplyStore(store_size)
        self.flood = FloodControl(self.tg.per_chat_per_minute, self.tg.per_user_per_minute)
        self._reloading = asyncio.Lock()
        self.polling_errors = PollingErrorLog()
        self.misses = MissLog.from_config(config)  # None when misses.path is null
        self._use(answerer)

    def _use(self, answerer: Any) -> None:
        """Switch to ``answerer``; no await in here, so no callback sees a half-switched state."""
        self.titles = file_titles(answerer.titles)
        self.answerer = answerer

    # --- helpers used by the callbacks
    def _allowed(self, update: Update) -> bool:
        chat, user = update.effective_chat, update.effective_user
        ident = chat.id if chat else (user.id if user else None)
        return chat_allowed(ident, self.tg.allowed_chats)

    def _admit(self, update: Update) -> bool:
        """Flood control: False (and at most one log line per chat a minute) over the limit."""
        chat, user = update.effective_chat, update.effective_user
        verdict = self.flood.admit(chat.id if chat else None, user.id if user else None)
        if verdict.log:
            log.warning("flood control: chat %s is over the per-%s limit; silent for a while",
                        chat.id if chat else None, verdict.reason)
        return verdict.allowed

    @staticmethod
    def _lang(update: Update) -> str | None:
        user = update.effective_user
        return user.language_code if user else None

    def _ui(self, update: Update) -> str:
        """The language of /start and /help: config, else the message, else the user's."""
        text = update.effective_message.text if update.effective_message else ""
        return ui_language(self.config.reply.language, self._lang(update), text or "")

    def _ask(self, update: Update, question: str) -> Reply:
        return self.answerer.ask(question, lang=self._lang(update))

    def _asked(self, update: Update, question: str) -> Reply:
        """``_ask`` for a question addressed to the bot, logged when the bot missed it."""
        reply = self._ask(update, question)
        chat = update.effective_chat
        if self.misses is not None:  # the chat's type only: no id, name or username
            self.misses.record(question, reply, str(chat.type) if chat else "private")
        return reply

    def _markup(self, reply: Reply) -> InlineKeyboardMarkup | None:
        return source_keyboard(self.store.put(reply), reply.lang) if reply.sources else None

    async def _respond(self, update: Update, message: Message, reply: Reply, group: bool) -> None:
        text = reply_html(reply, group, self.tg.group_declines)
        if text is not None and self._admit(update):
            markup = self._markup(reply) if reply.matched else None
            await message.reply_text(text, parse_mode=ParseMode.HTML, do_quote=group,
                                     reply_markup=markup)

    async def _say(self, update: Update, text: str, limited: bool = True) -> None:
        message = update.effective_message
        if message is not None and self._allowed(update) and (not limited or self._admit(update)):
            group = is_group(message.chat.type)
            await message.reply_text(text, parse_mode=ParseMode.HTML, do_quote=group)

    # --- commands
    async def start(self, update: Update, context: Context) -> None:
        """/start: what the bot is for."""
        lang = self._ui(update)
        await self._say(update, start_text(lang, first_example(self.answerer.intents, lang)))

    async def help_command(self, update: Update, context: Context) -> None:
        """/help: one example question per intent."""
        await self._say(update, help_text(self.answerer.intents, self._ui(update)))

    async def sources_command(self, update: Update, context: Context) -> None:
        """/sources: the articles, with outlet and date."""
        await self._say(update, sources_text(self.answerer.table.articles, self._ui(update)))

    async def ask_command(self, update: Update, context: Context) -> None:
        """/ask <question> (also /ask@botname): always addressed, in any chat."""
        message = update.effective_message
        if message is None or not message.text or not self._allowed(update):
            return
        question = command_text(message.text)
        if not question:
            lang = self._ui(update)
            example = first_example(self.answerer.intents, lang)
            return await self._say(update, html.escape(ASK_USAGE[lang].format(example=example)))
        group = is_group(message.chat.type)
        await self._respond(update, message, self._asked(update, question), group)

    async def reload_command(self, update: Update, context: Context) -> None:
        """/reload (admins only; silent for others): rebuild the table, swap the answerer."""
        user = update.effective_user
        if not self._allowed(update) or not is_admin(user.id if user else None, self.tg.admins):
            return
        if self._reloading.locked():
            return await self._say(update, "A reload is already running.", limited=False)
        async with self._reloading:
            try:  # in a thread: questions keep being answered from the old table meanwhile
                done = await asyncio.to_thread(reload_answerer, self.config, self.answerer.table)
            except Exception as exc:  # noqa: BLE001 - the old table stays; the admin is told
                log.error("reload failed: %s", exc, exc_info=not isinstance(exc, FactbotError))
                return await self._say(update, reload_failed_text(exc), limited=False)
            self._use(done.answerer)
        log.info("reloaded: %s", done.summary().replace("\n", "; "))
        await self._say(update, html.escape(clip(done.summary())), limited=False)

    async def misses_command(self, update: Update, context: Context) -> None:
        """/misses (admins only; silent for others): the top 10 groups of the misses log."""
        user = update.effective_user
        if not self._allowed(update) or not is_admin(user.id if user else None, self.tg.admins):
            return
        if self.misses is None:
            return await self._say(update, "The misses log is off (misses.path).", limited=False)
        report = await asyncio.to_thread(report_html, self.misses.path, self.answerer.matcher)
        await self._say(update, report, limited=False)

    # --- plain messages
    async def message(self, update: Update, context: Context) -> None:
        """Private: every text. Groups: when addressed, or confident answers in group_mode 'all'."""
        message = update.message
        if message is None or not message.text or not self._allowed(update):
            return
        if not is_group(message.chat.type):
            return await self._respond(update, message, self._asked(update, message.text), False)
        replied = message.reply_to_message
        to_bot = bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
        question = addressed_text(message.text, context.bot.username, to_bot)
        await self._group_message(update, message, question)

    async def _group_message(self, update: Update, message: Message, question: str | None) -> None:
        if question:  # addressed: answers, or a short/silent decline
            return await self._respond(update, message, self._asked(update, question), True)
        if question is None and self.tg.group_mode == "all":
            reply = self._ask(update, message.text or "")
            if reply.matched:
                await self._respond(update, message, reply, True)

    # --- Source button
    async def source_button(self, update: Update, context: Context) -> None:
        """Answer the callback query and reply to the answer with its source sentences."""
        query = update.callback_query
        if query is None or not self._allowed(update) or not self._admit(update):
            return
        reply = self.store.get(source_key(query.data))
        lang = (reply.lang if reply else None) or (self._lang(update) or "en")[:2]
        if reply is None or query.message is None:
            return await query.answer(EXPIRED.get(lang, EXPIRED["en"]), show_alert=True)
        await query.answer()
        await self._send_sources(context, query.message, reply, lang)

    async def _send_sources(self, context: Context, answer: Any, reply: Reply, lang: str) -> None:
        params = ReplyParameters(answer.message_id, allow_sending_without_reply=True)
        await context.bot.send_message(answer.chat.id, render_sources(reply, self.titles, lang),
                                       parse_mode=ParseMode.HTML, reply_parameters=params)

    # --- inline mode
    async def inline_query(self, update: Update, context: Context) -> None:
        """Offer the answer (when there is one) as a single article result."""
        query = update.inline_query
        if query is None or not self._allowed(update):
            return
        reply = self._ask(update, query.query) if query.query.strip() else None
        results = [inline_result(query.query, reply)] if reply and reply.matched else []
        await query.answer(results, cache_time=60, is_personal=False)

    # --- errors
    async def error_handler(self, update: object, context: Context) -> None:
        """Log the failure with the update id; never raise.

        ``run_polling`` reports getUpdates failures here with no update: those get one line per
        episode (``PollingErrorLog``), not a traceback per retry.
        """
        try:
            if update is None and isinstance(context.error, TelegramError):
                return self.polling_errors(context.error)
            uid = update.update_id if isinstance(update, Update) else None
            log.error("update %s failed: %r", uid, context.error, exc_info=context.error)
        except Exception:  # pragma: no cover - logging must never take the bot down
            pass


def inline_result(question: str, reply: Reply) -> InlineQueryResultArticle:
    """The inline result for an answer: title is the question, description the first line."""
    first = reply.text.splitlines()[0] if reply.text else ""
    return InlineQueryResultArticle(
        id=format(abs(hash((question, reply.text))) % 10**12, "x"),
        title=clip(question.strip() or "Answer", 100),
        description=clip(first, 200),
        input_message_content=InputTextMessageContent(reply.html, parse_mode=ParseMode.HTML),
    )
