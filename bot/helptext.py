"""The /start and /help texts: one example question per intent, in the reply's language.

Pure (no Telegram import): the shells pass the language and the intents. Examples come from the
intents' own example questions, in the reply's language; the fixed sentences are
``bot.language``'s.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from .intents import Intent
from .language import DEFAULT_EXAMPLE, HELP_GROUPS, HELP_HEAD, START
from .render import clip
from .text import is_russian


def examples(intent: Intent, lang: str) -> list[str]:
    """The intent's example questions written in ``lang``."""
    found = [e.strip() for e in intent.examples if e.strip()]
    return [e for e in found if is_russian(e) == (lang == "ru")]


def _question(example: str) -> str:
    return (example[:1].upper() + example[1:] + "?").replace("??", "?")


def first_example(intents: Mapping[str, Intent], lang: str = "en") -> str:
    """The first in-scope example question in ``lang`` (for /start and /ask usage)."""
    for intent in intents.values():
        found = examples(intent, lang)
        if not intent.declines and found:
            return found[0].rstrip("?") + "?"
    return DEFAULT_EXAMPLE(lang)


def start_text(lang: str, example: str) -> str:
    """/start as HTML; ``example`` is plain text."""
    return START(lang, example=html.escape(example))


def help_text(intents: Mapping[str, Intent], lang: str = "en") -> str:
    """/help as HTML: one example question per intent (skipping those that decline) in ``lang``."""
    lines = [HELP_HEAD(lang)]
    for intent in intents.values():
        found = examples(intent, lang)
        if not intent.declines and found:
            lines.append(f"• {html.escape(_question(found[0]))}")
    lines.append(html.escape(HELP_GROUPS(lang)))
    return clip("\n".join(lines))


__all__ = ["examples", "first_example", "help_text", "start_text"]
