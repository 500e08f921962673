"""The user's language and every fixed text the bot shows, in English and Russian.

``script(text)`` tells which alphabet a message is written in and ``choose`` picks the reply's
language: the configured one, else the message's, else the user's Telegram language. Every
sentence the code writes itself (declines, labels, /start, /help, the Source button ...) is a
``Text`` here; facts and intents bring their own wording (``bot/kinds/``, ``intents/*.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .lazyre import lazy_re
from .text import is_russian

LANGS = ("en", "ru")
Script = Literal["", "en", "ru"]
_COMMAND = lazy_re(r"^/\w+(?:@\w+)?")


def script(text: str, latin: int = 1) -> Script:
    """'ru' for text written mostly in Cyrillic, 'en' for text with ``latin`` Latin letters in a
    row, else '' (digits, emoji, other alphabets say nothing)."""
    if is_russian(text):
        return "ru"
    return "en" if re.search(f"[a-z]{{{latin}}}", text, re.IGNORECASE) else ""


def choose(fixed: str, written: str, code: str | None) -> str:
    """'en' or 'ru': the configured language unless it is 'auto'; else the language the message
    is ``written`` in, when it tells; else the user's Telegram language code."""
    if fixed in LANGS:
        return fixed
    if written:
        return written
    return "ru" if (code or "").lower().startswith("ru") else "en"


def ui_language(fixed: str, code: str | None, text: str = "") -> str:
    """The language of a command's reply (/start, /help ...): a single Latin letter after the
    command ("/help x") tells nothing, and neither does the command itself."""
    return choose(fixed, script(_COMMAND.sub("", text.strip()), latin=2), code)


@dataclass(frozen=True, slots=True)
class Text:
    """One fixed text in both languages; ``{placeholders}`` are filled by the caller."""

    en: str
    ru: str

    def __call__(self, lang: str, **slots: object) -> str:
        """The text in ``lang`` (English for any other language), filled."""
        text = self.ru if lang == "ru" else self.en
        return text.format(**slots) if slots else text


def counted(n: int, lang: str) -> dict[str, object]:
    """A reply template's count slots: ``count``, and ``times`` and ``meetings`` with the word
    in the form the number needs ("1 time", "4 раза", "5 встреч")."""
    if lang == "ru":
        form = 0 if n % 10 == 1 and n % 100 != 11 else (
            1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2)  # fmt: skip
        times = f"{n} " + ("раз", "раза", "раз")[form]
        meetings = f"{n} " + ("встреча", "встречи", "встреч")[form]
    else:
        times = f"{n} time" + ("" if n == 1 else "s")
        meetings = f"{n} meeting" + ("" if n == 1 else "s")
    return {"count": n, "times": times, "meetings": meetings}


# --- replies -----------------------------------------------------------------------------------

DECLINE = Text(
    "Sorry, I don't know that from the articles I have. Try /help to see what I can answer.",
    "Извините, в моих статьях этого нет. Наберите /help, чтобы узнать, на что я отвечаю.",
)
SHORT_DECLINE = Text("Sorry, I don't know that.", "Извините, я этого не знаю.")  # in groups
OUTSIDE = Text("The articles say nothing about {name}.", "В статьях ничего нет про «{name}».")
NO_MEETING = Text(
    "The articles report no such meeting ({what}).", "В статьях нет такой встречи ({what})."
)
NEAR_MEETING = Text(
    "They met then elsewhere: {what}.", "В то время они встречались в другом месте: {what}."
)  # a "no such meeting" decline's way forward: the meeting of the date asked
NO = Text("No. ", "Нет. ")  # the answer to a yes-or-no question whose claim is wrong
YES = Text("Yes. ", "Да. ")  # ... and whose claims the facts give
NO_BUT = Text("No. The articles report:", "Нет. В статьях:")  # ... no, and the meetings there are
UNSAID = Text(
    "The articles do not say that ({what}).", "В статьях этого не сказано ({what})."
)  # a question's claim ("accept", "$300 billion") that no fact makes
NOT_ANSWERED = Text(
    "Not in the articles: {what}.", "В статьях нет ответа на: {what}."
)  # the parts of a compound question the articles do not answer
OTHER_EVENT = Text(
    "The articles do not say when or where that was; they tell of the leaders' meetings.",
    "В статьях не сказано, когда и где это было; в них говорится о встречах лидеров.",
)  # "where was the 28th regular meeting held"
MORE_MEETINGS = Text(
    "…and {count} earlier meetings: name a year or a place to see them.",
    "…и ещё встреч раньше: {count}; назовите год или место, чтобы увидеть их.",
)  # after the latest meetings an answer lists
MEETING = Text("Meeting: ", "Встреча: ")  # before the meeting of a one-meeting answer
UNKNOWN_PLACE = Text("unknown", "неизвестно")
CURATED = Text("* date not in the article; from ", "* даты нет в статье; источник: ")
DID_YOU_MEAN = Text("Did you mean:", "Возможно, вы имели в виду:")  # then the questions
PICK_ONE = Text("Ask about one of them, or see /meetings.",
                "Спросите об одной из них или посмотрите /meetings.")  # fmt: skip
TOO_MANY = Text("Too many questions; please try again in {seconds} s.",
                "Слишком много вопросов; попробуйте снова через {seconds} с.")  # fmt: skip
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}

# --- sources -----------------------------------------------------------------------------------

NO_SOURCES = Text("No sources for this reply.", "Нет источников.")
SOURCE_BUTTON = Text("Source", "Источник")
EXPIRED = Text("These sources are no longer available; please ask again.",
               "Источники больше недоступны; спросите ещё раз.")  # fmt: skip
ARTICLES = Text("The articles I know:", "Статьи, которые я знаю:")  # /sources
NO_ARTICLES = Text("I have no articles.", "У меня нет статей.")

# --- meetings (/meetings) ----------------------------------------------------------------------

MEETINGS_HEAD = Text(
    "The meetings in the articles ({count}); pick one for a summary:",
    "Встречи в статьях ({count}); выберите встречу, чтобы увидеть сводку:",
)
NO_MEETINGS = Text("The articles report no meetings.", "В статьях нет встреч.")
OLDER = Text("Older meetings", "Более ранние встречи")  # the button to the next page

# --- commands ----------------------------------------------------------------------------------

START = Text(
    "Hello! I answer short factual questions about a set of news articles "
    "(meetings of Xi Jinping and Mikhail Mishustin).\n"
    "Just ask, e.g. <i>{example}</i>\n"
    "/help — what I can answer, /sources — the articles.",
    "Здравствуйте! Я отвечаю на короткие вопросы о фактах из подборки новостных статей "
    "(встречи Си Цзиньпина и Михаила Мишустина).\n"
    "Просто спросите, например: <i>{example}</i>\n"
    "/help — на что я отвечаю, /sources — статьи.",
)  # HTML: the example is escaped by the caller
HELP_HEAD = Text("I can answer questions like:", "Я отвечаю на вопросы вроде таких:")
HELP_FOLLOW = Text(
    "After an answer you can go on: “and where?”, “what about 2025?”, “who else was there?”.",
    "После ответа можно уточнить: «а где?», «а в 2025?», «кто ещё там был?».",
)
HELP_MEETINGS = Text("/meetings lists the meetings, each with a summary.",
                     "/meetings — список встреч, у каждой есть сводка.")  # fmt: skip
HELP_GROUPS = Text(
    "In groups, mention me, reply to me or use /ask <question>.",
    "В группах упомяните меня, ответьте на моё сообщение или наберите /ask <вопрос>.",
)
DEFAULT_EXAMPLE = Text("when did they meet?", "когда они встретились?")
ASK_USAGE = Text("Usage: /ask <question>, e.g. /ask {example}",
                 "Как спросить: /ask <вопрос>, например /ask {example}")  # fmt: skip
# The command menu (English: Telegram shows one menu per scope; the default scope is English).
COMMANDS = (
    ("start", "Introduction"),
    ("help", "What I can answer"),
    ("ask", "Ask a question (in groups)"),
    ("meetings", "The meetings, with summaries"),
    ("sources", "The articles I know"),
)
# /reload answers the admins only, in English.
RELOAD_RUNNING = "A reload is already running."
RELOAD_FAILED = "Reload failed: {problem}. Still answering from the old table."


__all__ = ["LANGS", "Text", "choose", "script", "ui_language"]
