"""The /start and /help texts in English and Russian, and which language a reply takes.

Pure (no Telegram import): the shells pass the user's language code and the intents. Examples
come from the intents' own example questions, in the reply's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from .render import clip
from .text import is_russian

LANGS = ("en", "ru")
START = {
    "en": ("Hello! I answer short factual questions about a set of news articles "
           "(meetings of Xi Jinping and Mikhail Mishustin).\n"
           "Just ask, e.g. <i>{example}</i>\n"
           "/help — what I can answer, /sources — the articles."),
    "ru": ("Здравствуйте! Я отвечаю на короткие вопросы о фактах из подборки новостных статей "
           "(встречи Си Цзиньпина и Михаила Мишустина).\n"
           "Просто спросите, например: <i>{example}</i>\n"
           "/help — на что я отвечаю, /sources — статьи."),
}  # fmt: skip
HELP_HEAD = {"en": "I can answer questions like:", "ru": "Я отвечаю на вопросы вроде таких:"}
HELP_GROUPS = {
    "en": "In groups, mention me, reply to me or use /ask <question>.",
    "ru": "В группах упомяните меня, ответьте на моё сообщение или наберите /ask <вопрос>.",
}
DEFAULT_EXAMPLE = {"en": "when did they meet?", "ru": "когда они встретились?"}


def ui_language(fixed: str, language_code: str | None, text: str = "") -> str:
    """'en' or 'ru': the configured language unless it is 'auto'; else the message's own
    language when it tells (Cyrillic or Latin words), else the user's Telegram language code."""
    if fixed in LANGS:
        return fixed
    words = re.sub(r"^/\w+(?:@\w+)?", "", text.strip())  # "/start@bot" tells nothing
    if is_russian(words):
        return "ru"
    if re.search(r"[a-z]{2}", words, re.IGNORECASE):
        return "en"
    return "ru" if (language_code or "").lower().startswith("ru") else "en"


def examples(intent: Any, lang: str) -> list[str]:
    """The intent's example questions written in ``lang``."""
    found = [e.strip() for e in tuple(getattr(intent, "examples", ()) or ()) if e.strip()]
    return [e for e in found if is_russian(e) == (lang == "ru")]


def _question(example: str) -> str:
    return (example[:1].upper() + example[1:] + "?").replace("??", "?")


def first_example(intents: Mapping[str, Any], lang: str = "en") -> str:
    """The first in-scope example question in ``lang`` (for /start and /ask usage)."""
    for name, intent in intents.items():
        found = examples(intent, lang)
        if not getattr(intent, "declines", False) and found:
            return found[0].rstrip("?") + "?"
    return DEFAULT_EXAMPLE.get(lang, DEFAULT_EXAMPLE["en"])


def start_text(lang: str, example: str) -> str:
    """/start as HTML; ``example`` is plain text."""
    return START.get(lang, START["en"]).format(example=html.escape(example))


def help_text(intents: Mapping[str, Any], lang: str = "en") -> str:
    """/help as HTML: one example question per intent (skipping out_of_scope) in ``lang``."""
    lang = lang if lang in LANGS else "en"
    lines = [HELP_HEAD[lang]]
    for name, intent in intents.items():
        found = examples(intent, lang)
        if not getattr(intent, "declines", False) and found:
            lines.append(f"• {html.escape(_question(found[0]))}")
    lines.append(html.escape(HELP_GROUPS[lang]))
    return clip("\n".join(lines))


__all__ = ["examples", "first_example", "help_text", "start_text", "ui_language"]
