"""python-telegram-bot callbacks around the pure ``Answerer``.

The callbacks on ``Handlers`` are short; the decisions (is this message addressed to the bot, what
text goes out, which chats are allowed) live in pure helpers that take plain strings and ints.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Iterable, Mapping, Sequence
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
from telegram.ext import ContextTypes

from ..answer import Answerer
from ..config import Config
from ..errors import FactbotError
from ..facts import ArticleInfo
from ..helptext import first_example, help_text, start_text
from ..language import (
    ARTICLES,
    ASK_USAGE,
    EXPIRED,
    NO_ARTICLES,
    RELOAD_FAILED,
    RELOAD_RUNNING,
    SHORT_DECLINE,
    SOURCE_BUTTON,
    ui_language,
)
from ..misses import report_html
from ..misslog import MissLog
from ..reload import reload_answerer
from ..render import Reply, Source, clip, render_sources
from .buttons import RememberedKeys, SourceKeys
from .flood import FloodControl

log = logging.getLogger(__name__)

GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})

Context = ContextTypes.DEFAULT_TYPE


# ----------------------------------------------------------------------------- pure helpers


Entity = tuple[str, int, int, int | None]  # a message entity: type, offset, length, user id


def addressed_text(text: str, mentions: Sequence[tuple[int, int]],
                   replied_to_bot: bool) -> str | None:  # fmt: skip
    """The question in a group message, or None when the message is not for the bot.

    A message is addressed when it mentions the bot (``mentions``: where, from ``bot_mentions``)
    or replies to one of the bot's messages; the mentions are removed from the question.
    """
    if mentions:
        for start, end in sorted(mentions, reverse=True):
            text = text[:start] + " " + text[end:]
        return " ".join(text.split())
    return text.strip() if replied_to_bot else None


def bot_mentions(text: str, entities: Iterable[Entity], username: str | None,
                 bot_id: int) -> list[tuple[int, int]]:  # fmt: skip
    """Where ``text`` mentions the bot, as [start, end) positions: its ``mention`` entities of
    @username (any case) and ``text_mention`` entities of its user id. Telegram marks mentions,
    so "ann@yourbot" (an e-mail-like word, no entity) is none; offsets count UTF-16 units."""
    units = text.encode("utf-16-le", "surrogatepass")

    def index(unit: int) -> int:  # the str index at a UTF-16 offset
        return len(units[: 2 * unit].decode("utf-16-le", "surrogatepass"))

    found = []
    for kind, offset, length, user_id in entities:
        start, end = index(offset), index(offset + length)
        named = kind == "mention" and text[start:end].lower() == f"@{username}".lower()
        if (named and username) or (kind == "text_mention" and user_id == bot_id):
            found.append((start, end))
    return found


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
    problem = (
        " ".join(str(error).split())
        if isinstance(error, FactbotError)
        else (f"internal error ({type(error).__name__}), see the log")
    )
    return html.escape(clip(RELOAD_FAILED.format(problem=problem), 1000))


def reply_html(reply: Reply, group: bool, group_declines: str = "short") -> str | None:
    """The HTML to send for ``reply``, or None to stay silent.

    Private chats get the full reply; in groups a decline is short or silent per config.
    """
    if reply.matched or not group:
        return reply.html
    if group_declines == "silent":
        return None
    return html.escape(SHORT_DECLINE(reply.lang))


def sources_text(articles: Iterable[ArticleInfo], lang: str = "en") -> str:
    """The articles as HTML: title, outlet and date, one per line."""
    lines = [ARTICLES(lang)]
    for art in articles:
        meta = ", ".join(x for x in (art.outlet, art.published or art.meeting[:10]) if x)
        title = " ".join(art.title.split()) or art.stem
        lines.append(f"• {html.escape(title)}" + (f" — <i>{html.escape(meta)}</i>" if meta else ""))
    return "\n".join(lines) if len(lines) > 1 else NO_ARTICLES(lang)


def source_keyboard(data: str, lang: str = "en") -> InlineKeyboardMarkup:
    """The inline keyboard with one "Source" button carrying ``data`` (a key of bot.tg.buttons)."""
    label = SOURCE_BUTTON(lang)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


def file_titles(titles: Mapping[str, str]) -> dict[str, str]:
    """Titles keyed both by stem and by file name (sources name files, ``stem.txt``)."""
    return {**{f"{stem}.txt": title for stem, title in titles.items()}, **titles}


# ----------------------------------------------------------------------------- callbacks


class Handlers:
    """The bot's callbacks; ``config`` is read-only, ``answerer`` is replaced by /reload."""

    def __init__(self, answerer: Answerer, config: Config, store_size: int = 1000):
        self.config = config
        self.tg = config.telegram
        self.remembered = RememberedKeys(store_size)  # answers with too many sources to name
        self.flood = FloodControl(self.tg.per_chat_per_minute, self.tg.per_user_per_minute)
        self._reloading = asyncio.Lock()
        self.misses = MissLog.from_config(config)  # None when misses.path is null
        self._use(answerer)

    def _use(self, answerer: Answerer) -> None:
        """Switch to ``answerer``; no await in here, so no callback sees a half-switched state."""
        self.titles = file_titles(answerer.titles)
        self._keys: SourceKeys | None = None  # made on first use, from this answerer's table
        self.answerer = answerer

    @property
    def keys(self) -> SourceKeys:
        """Source button keys for the current table."""
        if self._keys is None:
            self._keys = SourceKeys(self.answerer.table)
        return self._keys

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
            log.warning(
                "flood control: chat %s is over the per-%s limit; silent for a while",
                chat.id if chat else None,
                verdict.reason,
            )
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

    def _markup(self, reply: Reply, chat_id: int) -> InlineKeyboardMarkup | None:
        if not reply.sources:
            return None
        data = self.keys.key(reply.sources) or self.remembered.key(reply.sources, chat_id)
        return source_keyboard(data, reply.lang)

    def _sources(self, data: str | None, chat_id: int | None) -> tuple[Source, ...] | None:
        return self.keys.sources(data) or self.remembered.sources(data, chat_id)

    def _asked(self, update: Update, question: str) -> Reply:
        """``_ask`` for a question addressed to the bot, logged when the bot missed it."""
        reply = self._ask(update, question)
        chat = update.effective_chat
        if self.misses is not None:  # the chat's type only: no id, name or username
            self.misses.record(question, reply, str(chat.type) if chat else "private")
        return reply

    async def _respond(self, update: Update, message: Message, reply: Reply, group: bool) -> None:
        text = reply_html(reply, group, self.tg.group_declines)
        if text is not None and self._admit(update):
            markup = self._markup(reply, message.chat.id) if reply.matched else None
            await message.reply_text(
                text, parse_mode=ParseMode.HTML, do_quote=group, reply_markup=markup
            )

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
            return await self._say(update, html.escape(ASK_USAGE(lang, example=example)))
        group = is_group(message.chat.type)
        await self._respond(update, message, self._asked(update, question), group)

    async def reload_command(self, update: Update, context: Context) -> None:
        """/reload (admins only; silent for others): rebuild the table, swap the answerer."""
        user = update.effective_user
        if not self._allowed(update) or not is_admin(user.id if user else None, self.tg.admins):
            return
        if self._reloading.locked():
            return await self._say(update, RELOAD_RUNNING, limited=False)
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
        report = await asyncio.to_thread(report_html, self.misses.path, self.answerer.reader)
        await self._say(update, report, limited=False)

    # --- plain messages
    async def message(self, update: Update, context: Context) -> None:
        """Private: every text. Groups: when addressed, or confident answers in group_mode 'all'."""
        message = update.message
        if message is None or not message.text or not self._allowed(update):
            return
        if message.via_bot and message.via_bot.id == context.bot.id:
            return  # the bot's own inline answer, sent by a user: not a question
        if not is_group(message.chat.type):
            return await self._respond(update, message, self._asked(update, message.text), False)
        replied = message.reply_to_message
        to_bot = bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
        entities = [(e.type, e.offset, e.length, e.user.id if e.user else None)
                    for e in message.entities]  # fmt: skip
        mentions = bot_mentions(message.text, entities, context.bot.username, context.bot.id)
        question = addressed_text(message.text, mentions, to_bot)
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
        """Answer every callback query (so no button keeps spinning); for a Source key, reply to
        the answer with its source sentences, and for an unknown or stale one show an alert."""
        query = update.callback_query
        if query is None:
            return
        answer, lang = query.message, (self._lang(update) or "en")[:2]
        sources = self._sources(query.data, answer.chat.id) if answer else None
        if not self._allowed(update) or not self._admit(update):
            await query.answer()  # refused: silent, but the button stops spinning
        elif answer is None or sources is None:
            await query.answer(EXPIRED(lang), show_alert=True)
        else:
            await query.answer()
            await self._send_sources(context, answer, sources, lang)

    async def _send_sources(self, context: Context, answer: Any, sources: tuple[Source, ...],
                            lang: str) -> None:  # fmt: skip
        params = ReplyParameters(answer.message_id, allow_sending_without_reply=True)
        text = render_sources(Reply("answer", "", "", sources), self.titles, lang)
        await context.bot.send_message(answer.chat.id, text, parse_mode=ParseMode.HTML,
                                       reply_parameters=params)  # fmt: skip

    # --- inline mode
    async def inline_query(self, update: Update, context: Context) -> None:
        """Offer the answer (when there is one) as a single article result."""
        query = update.inline_query
        if query is None or not self._allowed(update) or not self._admit(update):
            return  # over the per-user limit: no answer, as for messages
        reply = self._ask(update, query.query) if query.query.strip() else None
        results = [inline_result(query.query, reply)] if reply and reply.matched else []
        await query.answer(results, cache_time=60, is_personal=False)

    # --- errors
    async def error_handler(self, update: object, context: Context) -> None:
        """Log the failure with the update id; never raise."""
        try:
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
