"""python-telegram-bot callbacks around the pure ``Answerer``.

The callbacks on ``Handlers`` are short; the decisions (is this message addressed to the bot, what
text goes out, which chats are allowed) live in pure helpers that take plain strings and ints.
The per-chat state is reached through two small interfaces: ``Conversations`` (each user's
conversation context, ``bot.dialogue.Context``, what a follow-up refers to; by default in PTB's
``chat_data``, so that PTB's persistence keeps it too) and ``FloodCounters``.
"""

from __future__ import annotations

import asyncio
import html
import logging
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
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
from ..dialogue import Context as Dialogue
from ..errors import FactbotError
from ..helptext import first_example, help_text, sources_text, start_text
from ..language import (
    ASK_USAGE,
    EXPIRED,
    OLDER,
    RELOAD_FAILED,
    RELOAD_RUNNING,
    SHORT_DECLINE,
    SOURCE_BUTTON,
    TOO_MANY,
    choose,
    ui_language,
)
from ..misses import report_html
from ..misslog import MissLog
from ..reload import reload_answerer
from ..render import Reply, Source, clip, render_sources
from ..summary import Listed
from .buttons import (
    AskKeys,
    RememberedKeys,
    SourceKeys,
    meeting_key,
    meeting_of,
    page_key,
    page_of,
)
from .conversations import ChatDataConversations, Conversations
from .flood import FloodControl, FloodCounters, Verdict

log = logging.getLogger(__name__)

GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})

Context = ContextTypes.DEFAULT_TYPE
BUTTON_TEXT = 120  # characters of a button's label (a long "did you mean" question is cut)


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


def source_keyboard(data: str, lang: str = "en") -> InlineKeyboardMarkup:
    """The inline keyboard with one "Source" button carrying ``data`` (a key of bot.tg.buttons)."""
    label = SOURCE_BUTTON(lang)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


def question_keyboard(buttons: Sequence[tuple[str, str]]) -> InlineKeyboardMarkup:
    """One button per "did you mean" question: (its text, its callback data), one per row."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(clip(text, BUTTON_TEXT), callback_data=data)]
            for text, data in buttons
        ]
    )


def meetings_keyboard(page: Sequence[Listed], more: int | None,
                      lang: str = "en") -> InlineKeyboardMarkup:  # fmt: skip
    """One button per meeting (its summary), and one to the next page when ``more`` is set."""
    rows = [[InlineKeyboardButton(clip(m.label, BUTTON_TEXT), callback_data=meeting_key(m.id))]
            for m in page]  # fmt: skip
    if more is not None:
        rows.append([InlineKeyboardButton(OLDER(lang), callback_data=page_key(more))])
    return InlineKeyboardMarkup(rows)


def meetings_text(head: str, page: Sequence[Listed]) -> str:
    """/meetings as HTML: the heading, then each meeting with what it was."""
    lines = [html.escape(head)]
    for m in page:
        about = f" — {html.escape(m.about)}" if m.about else ""
        lines.append(f"• <b>{html.escape(m.label)}</b>{about}")
    return clip("\n".join(lines))


def too_many_text(wait: float, lang: str) -> str:
    """The one reply to the first message over a flood limit: when to try again."""
    return html.escape(TOO_MANY(lang, seconds=max(1, math.ceil(wait))))


def file_titles(titles: Mapping[str, str]) -> dict[str, str]:
    """Titles keyed both by stem and by file name (sources name files, ``stem.txt``)."""
    return {**{f"{stem}.txt": title for stem, title in titles.items()}, **titles}


# ----------------------------------------------------------------------------- callbacks


class Handlers:
    """The bot's callbacks; ``config`` is read-only, ``answerer`` is replaced by /reload.
    ``clock``: wall-clock seconds, for how long a conversation's context lasts (it may be kept
    across restarts). The per-chat state: ``conversations`` (default: in the Application's
    chat_data, bound on the first callback) and ``flood`` (default: counted in this process)."""

    def __init__(self, answerer: Answerer, config: Config, store_size: int = 1000,
                 clock: Callable[[], float] = time.time,
                 conversations: Conversations | None = None,
                 flood: FloodCounters | None = None):  # fmt: skip
        self.config = config
        self.tg = config.telegram
        self.clock = clock
        self.remembered = RememberedKeys(store_size)  # answers with too many sources to name
        self.asks = AskKeys(store_size)  # "did you mean" questions too long to name
        self.flood = flood or FloodControl(self.tg.per_chat_per_minute, self.tg.per_user_per_minute)
        self.conversations = conversations
        self._reloading = asyncio.Lock()
        self.misses = MissLog.from_config(config)  # None when misses.path is null
        self._use(answerer)

    def _use(self, answerer: Answerer) -> None:
        """Switch to ``answerer``; no await in here, so no callback sees a half-switched state."""
        self._titles: dict[str, str] | None = None  # made on first use (sources asked for)
        self._keys: SourceKeys | None = None  # made on first use, from this answerer's table
        self.answerer = answerer

    @property
    def titles(self) -> dict[str, str]:
        """The current table's article titles by stem and by file name (``file_titles``)."""
        if self._titles is None:
            self._titles = file_titles(self.answerer.titles)
        return self._titles

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

    def _verdict(self, update: Update) -> Verdict:
        """Flood control (at most one log line per chat a minute over the limit)."""
        chat, user = update.effective_chat, update.effective_user
        verdict = self.flood.admit(chat.id if chat else None, user.id if user else None)
        if verdict.log:
            log.warning(
                "flood control: chat %s is over the per-%s limit; silent for a while",
                chat.id if chat else None,
                verdict.reason,
            )
        return verdict

    def _admit(self, update: Update) -> bool:
        """Flood control: False over the limit."""
        return self._verdict(update).allowed

    @staticmethod
    def _lang(update: Update) -> str | None:
        user = update.effective_user
        return user.language_code if user else None

    def _ui(self, update: Update) -> str:
        """The language of /start and /help: config, else the message, else the user's."""
        text = update.effective_message.text if update.effective_message else ""
        return ui_language(self.config.reply.language, self._lang(update), text or "")

    def _ask(self, update: Update, question: str, context: Context | None = None) -> Reply:
        """The answer; with the conversation's ``context`` (PTB's), in it; without, on its own.
        A private chat's declines offer "did you mean" questions (a group's are one line)."""
        kept = self._context(update, context) if context is not None else None
        chat = update.effective_chat
        private = chat is not None and not is_group(chat.type)
        return self.answerer.ask(question, lang=self._lang(update), context=kept,
                                 now=self.clock(), suggest=private)  # fmt: skip

    def _conversations(self, context: Context) -> Conversations:
        """Where contexts are kept: by default the Application's chat_data."""
        if self.conversations is None:
            self.conversations = ChatDataConversations(context.application)
        return self.conversations

    def _context(self, update: Update, context: Context) -> Dialogue | None:
        """The user's context in this chat."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None:
            return None
        return self._conversations(context).get(chat.id, user.id, self.clock())

    def _keep(self, update: Update, context: Context, reply: Reply) -> None:
        """Keep what a follow-up to ``reply`` refers to, for this user in this chat."""
        chat, user = update.effective_chat, update.effective_user
        if chat is not None and user is not None:
            self._conversations(context).put(chat.id, user.id, reply.context, self.clock())

    def _markup(self, reply: Reply, chat_id: int, group: bool) -> InlineKeyboardMarkup | None:
        """The Source button of an answer; the questions of a decline (private chats only)."""
        if reply.kind == "decline" and reply.suggestions and not group:
            keys = [(q, self.asks.key(q, chat_id)) for q in reply.suggestions]
            return question_keyboard(keys)
        if reply.kind != "answer" or not reply.sources:
            return None
        data = self.keys.key(reply.sources) or self.remembered.key(reply.sources, chat_id)
        return source_keyboard(data, reply.lang)

    def _sources(self, data: str | None, chat_id: int | None) -> tuple[Source, ...] | None:
        return self.keys.sources(data) or self.remembered.sources(data, chat_id)

    def _asked(self, update: Update, question: str, context: Context) -> Reply:
        """The answer to a question addressed to the bot, in its conversation (whose context it
        keeps), logged when the bot missed it."""
        reply = self._ask(update, question, context)
        self._keep(update, context, reply)
        chat = update.effective_chat
        if self.misses is not None:  # the chat's type only: no id, name or username
            self.misses.record(question, reply, str(chat.type) if chat else "private")
        return reply

    async def _respond(self, update: Update, message: Message, reply: Reply, group: bool) -> None:
        text = reply_html(reply, group, self.tg.group_declines)
        if text is None:
            return
        verdict = self._verdict(update)
        if not verdict.allowed:
            return await self._too_many(message, verdict, reply.lang, group)
        markup = self._markup(reply, message.chat.id, group)
        await message.reply_text(text, parse_mode=ParseMode.HTML, do_quote=group,
                                 reply_markup=markup)  # fmt: skip

    async def _too_many(self, message: Message, verdict: Verdict, lang: str, group: bool) -> None:
        """The first message over a limit in a chat hears when to try again; then silence."""
        if verdict.log:
            await message.reply_text(too_many_text(verdict.wait, lang), do_quote=group)

    async def _say(self, update: Update, text: str, limited: bool = True,
                   markup: InlineKeyboardMarkup | None = None) -> None:  # fmt: skip
        message = update.effective_message
        if message is None or not self._allowed(update):
            return
        group = is_group(message.chat.type)
        verdict = self._verdict(update) if limited else Verdict(True)
        if not verdict.allowed:
            return await self._too_many(message, verdict, self._ui(update), group)
        await message.reply_text(text, parse_mode=ParseMode.HTML, do_quote=group,
                                 reply_markup=markup)  # fmt: skip

    # --- commands
    async def start(self, update: Update, context: Context) -> None:
        """/start: what the bot is for."""
        lang = self._ui(update)
        await self._say(update, start_text(lang, first_example(self.answerer.intents, lang)))

    async def help_command(self, update: Update, context: Context) -> None:
        """/help: what the bot answers, by topic, with an example question each."""
        lang = self._ui(update)
        await self._say(update, help_text(self.answerer.intents, lang, self.answerer.table))

    async def meetings_command(self, update: Update, context: Context) -> None:
        """/meetings: the newest meetings, each with a button that shows its summary."""
        await self._meetings(update, self._ui(update), 0)

    async def _meetings(self, update: Update, lang: str, offset: int) -> None:
        head, page, total = self.answerer.summaries.listing(lang, offset)
        more = offset + len(page) if offset + len(page) < total else None
        summarised = page and self.answerer.summaries.intent is not None
        markup = meetings_keyboard(page, more, lang) if summarised else None
        await self._say(update, meetings_text(head, page), markup=markup)

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
        await self._respond(update, message, self._asked(update, question, context), group)

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
            reply = self._asked(update, message.text, context)
            return await self._respond(update, message, reply, False)
        replied = message.reply_to_message
        to_bot = bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
        entities = [(e.type, e.offset, e.length, e.user.id if e.user else None)
                    for e in message.entities]  # fmt: skip
        mentions = bot_mentions(message.text, entities, context.bot.username, context.bot.id)
        question = addressed_text(message.text, mentions, to_bot)
        await self._group_message(update, context, message, question)

    async def _group_message(self, update: Update, context: Context, message: Message,
                             question: str | None) -> None:  # fmt: skip
        if question:  # addressed: answers, or a short/silent decline
            reply = self._asked(update, question, context)
            return await self._respond(update, message, reply, True)
        if question is None and self.tg.group_mode == "all":
            reply = self._ask(update, message.text or "")  # overheard: no small talk, no context
            if reply.kind == "answer":
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

    # --- the other buttons: a meeting, a page of meetings, a "did you mean" question
    async def meeting_button(self, update: Update, context: Context) -> None:
        """A meeting of /meetings: its summary, below the list; follow-ups refer to it."""
        query = update.callback_query
        if query is None:
            return
        mid = meeting_of(query.data, self.answerer.table)
        lang = choose(self.config.reply.language, "", self._lang(update))
        reply = self.answerer.summary_of(mid, lang, self.clock()) if mid else None
        if reply is not None and await self._pressed(update, query, known=True):
            self._keep(update, context, reply)
            await self._below(context, query.message, reply)
        elif reply is None:
            await self._pressed(update, query, known=False)

    async def page_button(self, update: Update, context: Context) -> None:
        """The next page of /meetings."""
        query = update.callback_query
        offset = page_of(query.data) if query else None
        if query is not None and await self._pressed(update, query, offset is not None):
            lang = choose(self.config.reply.language, "", self._lang(update))
            await self._meetings(update, lang, offset or 0)

    async def question_button(self, update: Update, context: Context) -> None:
        """A "did you mean" question: answered as if the user had asked it, in context."""
        query = update.callback_query
        if query is None:
            return
        chat = query.message.chat.id if query.message else None
        question = self.asks.question(query.data, chat)
        if await self._pressed(update, query, question is not None) and question:
            await self._below(context, query.message, self._asked(update, question, context))

    async def _pressed(self, update: Update, query: Any, known: bool) -> bool:
        """Answer a button press (so it stops spinning): True when the bot is to act on it;
        silent when refused, an alert when the button is unknown or stale."""
        if not self._allowed(update) or not self._admit(update):
            await query.answer()
            return False
        if query.message is None or not known:
            await query.answer(EXPIRED((self._lang(update) or "en")[:2]), show_alert=True)
            return False
        await query.answer()
        return True

    async def _below(self, context: Context, message: Any, reply: Reply) -> None:
        """``reply`` sent as an answer to the bot's own ``message`` (the one with the button)."""
        group = is_group(message.chat.type)
        text = reply_html(reply, group, self.tg.group_declines)
        if text is None:
            return
        params = ReplyParameters(message.message_id, allow_sending_without_reply=True)
        markup = self._markup(reply, message.chat.id, group)
        await context.bot.send_message(message.chat.id, text, parse_mode=ParseMode.HTML,
                                       reply_parameters=params, reply_markup=markup)  # fmt: skip

    # --- inline mode
    async def inline_query(self, update: Update, context: Context) -> None:
        """Offer the answer (when there is one) as a single article result."""
        query = update.inline_query
        if query is None or not self._allowed(update) or not self._admit(update):
            return  # over the per-user limit: no answer, as for messages
        reply = self._ask(update, query.query) if query.query.strip() else None
        results = [inline_result(query.query, reply)] if reply and reply.kind == "answer" else []
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
