"""The /start, /help and /sources texts, and the example questions small talk offers.

Pure (no Telegram import): the shells pass the language and the intents. /help groups the
intents by their file's ``topic`` (in file order) with one example question each, in the reply's
language; small talk and the intents that decline are not shown. The fixed sentences are
``bot.language``'s.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from .facts import ArticleInfo, FactTable
from .intents import Intent
from .kinds import KINDS
from .language import (
    ARTICLES,
    DEFAULT_EXAMPLE,
    HELP_FOLLOW,
    HELP_GROUPS,
    HELP_HEAD,
    HELP_MEETINGS,
    NO_ARTICLES,
    START,
)
from .render import clip
from .text import is_russian


def examples(intent: Intent, lang: str) -> list[str]:
    """The intent's example questions written in ``lang``."""
    found = [e.strip() for e in intent.examples if e.strip()]
    return [e for e in found if is_russian(e) == (lang == "ru")]


def question(example: str) -> str:
    """An example as a question: "When did they meet?"."""
    return (example[:1].upper() + example[1:] + "?").replace("??", "?")


def answering(intents: Iterable[Intent], table: FactTable | None = None) -> list[Intent]:
    """The intents that answer from facts (not small talk, not those that decline, nor those
    whose facts answer only a question that names them: "who is he" has no answer); with a
    ``table``, only those it has facts for (no /help example that the articles cannot answer)."""
    return [i for i in intents if not i.declines and not i.talk
            and not (i.answers and all(KINDS[k].named for k in i.answers))
            and (table is None or any(table.kind_values(k) for k in i.answers))]  # fmt: skip


def topics(intents: Mapping[str, Intent], lang: str,
           table: FactTable | None = None) -> list[tuple[str, list[str]]]:  # fmt: skip
    """(heading, one example question per intent) per topic, in file order; intents without a
    topic come last under an empty heading."""
    groups: dict[str, list[str]] = {}
    for intent in answering(intents.values(), table):
        found = examples(intent, lang)
        if found:
            groups.setdefault(intent.topic.get(lang, ""), []).append(question(found[0]))
    untitled = groups.pop("", None)
    return list(groups.items()) + ([("", untitled)] if untitled else [])


def suggested(intents: Mapping[str, Intent], lang: str, table: FactTable | None = None,
              count: int = 3) -> list[str]:  # fmt: skip
    """The example questions small talk offers: the first of each of the first topics."""
    return [found[0] for _, found in topics(intents, lang, table)[:count]]


def first_example(intents: Mapping[str, Intent], lang: str = "en") -> str:
    """The first in-scope example question in ``lang`` (for /start and /ask usage)."""
    for intent in answering(intents.values()):
        found = examples(intent, lang)
        if found:
            return found[0].rstrip("?") + "?"
    return DEFAULT_EXAMPLE(lang)


def start_text(lang: str, example: str) -> str:
    """/start as HTML; ``example`` is plain text."""
    return START(lang, example=html.escape(example))


def help_text(intents: Mapping[str, Intent], lang: str = "en",
              table: FactTable | None = None) -> str:  # fmt: skip
    """/help as HTML: per topic, one example question per intent in ``lang`` (with ``table``:
    per intent it has facts for); then follow-ups, /meetings and how to ask in groups."""
    lines = [HELP_HEAD(lang)]
    for heading, found in topics(intents, lang, table):
        if heading:
            lines.append(f"<b>{html.escape(heading)}</b>")
        lines += [f"• {html.escape(q)}" for q in found]
    lines += [html.escape(HELP_FOLLOW(lang)), html.escape(HELP_MEETINGS(lang)),
              html.escape(HELP_GROUPS(lang))]  # fmt: skip
    return clip("\n".join(lines))


def sources_text(articles: Iterable[ArticleInfo], lang: str = "en") -> str:
    """/sources as HTML: the articles with title, outlet and date, one per line."""
    lines = [ARTICLES(lang)]
    for art in articles:
        meta = ", ".join(x for x in (art.outlet, art.published or art.meeting[:10]) if x)
        title = " ".join(art.title.split()) or art.stem
        lines.append(f"• {html.escape(title)}" + (f" — <i>{html.escape(meta)}</i>" if meta else ""))
    return "\n".join(lines) if len(lines) > 1 else NO_ARTICLES(lang)


__all__ = ["answering", "examples", "first_example", "help_text", "question", "start_text",
           "sources_text", "suggested", "topics"]  # fmt: skip
