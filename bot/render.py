"""Replies: ``Reply`` and the functions that write answers, declines, suggestions and sources.

Escaping for Telegram's HTML parse mode and the 4096-character cut happen here and only here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .language import DECLINE, DID_YOU_MEAN, NO_SOURCES

if TYPE_CHECKING:
    from .dialogue import Context

TELEGRAM_LIMIT = 4096
_ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an answer came from: the article file and the sentence."""

    file: str
    sentence: str
    note: str = ""  # for curated facts: where the fact really came from


@dataclass(frozen=True, slots=True)
class Reply:
    """What every shell shows: plain text, Telegram HTML, and the sources behind it."""

    kind: str  # "answer", "talk" (small talk) or "decline"
    text: str
    html: str
    sources: tuple[Source, ...] = ()
    intent: str | None = None
    score: float = 0.0
    lang: str = "en"
    extra: dict[str, str] = field(default_factory=dict)
    runner_up: float = 0.0  # the second-best intent's score: score - runner_up is the margin
    suggestions: tuple[str, ...] = ()  # a decline's "did you mean" questions (each answers)
    context: Context | None = None  # what a follow-up to this reply refers to (bot.dialogue)

    @property
    def matched(self) -> bool:
        """True when the bot answered (small talk included); False for a decline."""
        return self.kind != "decline"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an answer: an optional bold label and a text."""

    text: str
    label: str = ""


def plain(marked: str) -> str:
    """The text of our own Telegram HTML (/help, /sources ...), for the console."""
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


def clip(text: str, limit: int = TELEGRAM_LIMIT) -> str:
    """Cut ``text`` to ``limit`` characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + _ELLIPSIS


def render_lines(lines: list[Line]) -> tuple[str, str]:
    """(plain text, HTML) for answer lines; HTML escapes every piece of dynamic text."""
    plain, marked = [], []
    for line in lines:
        if line.label:
            plain.append(f"• {line.label}: {line.text}" if line.text else f"• {line.label}")
            body = f": {html.escape(line.text)}" if line.text else ""
            marked.append(f"• <b>{html.escape(line.label)}</b>{body}")
        else:
            plain.append(line.text)
            marked.append(html.escape(line.text))
    return clip("\n".join(plain)), clip_html(marked)


def clip_html(lines: list[str]) -> str:
    """Join HTML lines, dropping whole lines (never cutting inside a tag) to fit the limit."""
    out: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > TELEGRAM_LIMIT - 2:
            out.append(_ELLIPSIS)
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def render_decline(lang: str = "en", reason: str = "") -> Reply:
    """The one-line decline, with a short reason when there is one."""
    text = DECLINE(lang)
    if reason:
        text = f"{reason} {text}"
    text = clip(" ".join(text.split()))
    return Reply("decline", text, html.escape(text), lang=lang)


def render_suggestions(reply: Reply, suggestions: tuple[str, ...]) -> Reply:
    """``reply`` (a decline) offering ``suggestions``: numbered lines in the text (the console
    answers "2" with the second), the heading only in the HTML (Telegram shows buttons)."""
    if not suggestions:
        return reply
    lang = reply.lang
    lines = "\n".join(f"{n}. {q}" for n, q in enumerate(suggestions, start=1))
    text = clip(f"{reply.text}\n{DID_YOU_MEAN(lang)}\n{lines}")
    marked = f"{reply.html}\n{html.escape(DID_YOU_MEAN(lang))}"
    return Reply(reply.kind, text, marked, reply.sources, reply.intent, reply.score, lang,
                 reply.extra, reply.runner_up, suggestions, reply.context)  # fmt: skip


def render_sources(reply: Reply, titles: dict[str, str] | None = None, lang: str = "en") -> str:
    """HTML for the Source button: each sentence quoted under its article."""
    if not reply.sources:
        return html.escape(NO_SOURCES(lang))
    titles = titles or {}
    blocks, seen = [], set()
    for src in reply.sources:
        if (src.file, src.sentence) in seen:
            continue
        seen.add((src.file, src.sentence))
        title = titles.get(src.file, "")
        head = f"<b>{html.escape(src.file)}</b>" + (f" — {html.escape(title)}" if title else "")
        body = f"<blockquote>{html.escape(src.sentence)}</blockquote>"
        note = f"\n<i>{html.escape(src.note)}</i>" if src.note else ""
        blocks.append(head + "\n" + body + note)
    return clip_html("\n".join(blocks).split("\n"))
