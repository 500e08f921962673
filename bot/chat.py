"""``python -m bot chat``: one conversation on standard input, as in a private Telegram chat.

Every line is a message of the same user. Follow-ups refer to the last answer (for
``bot.dialogue.TTL`` seconds of the clock); /start, /help, /sources and /meetings answer as in
Telegram; /source shows the last answer's sentences (Telegram's Source button); a number picks
one of the questions or meetings just offered (Telegram's buttons). ``--json`` writes one JSON
object per line with ``ask --json``'s fields.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from .answer import Answerer
from .dialogue import Context
from .helptext import first_example, help_text, sources_text, start_text
from .language import OLDER, ui_language
from .render import Reply, plain
from .summary import PAGE

BANNER = ("factbot: ask about the articles (Ctrl-D or 'quit' to leave; /help, /meetings, "
          "/sources; /source for the last answer's sentences).")  # fmt: skip
QUIT = frozenset({"quit", "exit", "/quit"})


def reply_json(question: str, reply: Reply) -> str:
    """The ``ask --json`` and ``chat --json`` contract: one JSON object per message, always valid
    UTF-8 JSON; ``matched`` is false only for a decline."""
    return json.dumps(
        {
            "question": valid_unicode(question),
            "reply": reply.text,
            "matched": reply.matched,
            "intent": reply.intent,
            "score": reply.score,
            "sources": [{"file": s.file, "sentence": s.sentence} for s in reply.sources],
            "suggestions": list(reply.suggestions),
        },
        ensure_ascii=False,
    )


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate (from bad bytes or a broken str) replaced by U+FFFD.

    A surrogate pair written as two code points becomes the one character it encodes.
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class Chat:
    """One conversation: its context, what was just offered, and the last reply."""

    def __init__(self, answerer: Answerer, clock: Callable[[], float] = time.time):
        self.answerer = answerer
        self.clock = clock
        self.context: Context | None = None
        self.offers: list[tuple[str, str]] = []  # ("ask", question) or ("meeting", id)
        self.last: Reply | None = None
        self.lang = "en"  # of the last reply: commands answer in it

    def reply(self, line: str) -> Reply:
        """The reply to one line of the conversation."""
        text = line.strip()
        word = text.split(maxsplit=1)[0].lower() if text.startswith("/") else ""
        commands = {"/start": self._start, "/help": self._help, "/sources": self._sources,
                    "/meetings": self._meetings, "/source": self._source}  # fmt: skip
        if word.split("@")[0] in commands:
            return commands[word.split("@")[0]](text)
        if text.isdigit() and 1 <= int(text) <= len(self.offers):
            what, value = self.offers[int(text) - 1]
            if what == "meeting":
                summary = self.answerer.summary_of(value, self.lang, self.clock())
                if summary is not None:
                    return self._keep(summary)
            else:
                line = value
        reply = self.answerer.ask(line, context=self.context, now=self.clock(), suggest=True)
        return self._keep(reply)

    def _keep(self, reply: Reply) -> Reply:
        self.context, self.last, self.lang = reply.context, reply, reply.lang
        self.offers = [("ask", q) for q in reply.suggestions]
        return reply

    # --- commands, as in Telegram ------------------------------------------------------------

    def _ui(self, text: str) -> str:
        return ui_language(self.answerer.config.reply.language, self.lang, text)

    def _command(self, marked: str, lang: str) -> Reply:
        return Reply("command", plain(marked), marked, lang=lang)

    def _start(self, text: str) -> Reply:
        lang = self._ui(text)
        return self._command(start_text(lang, first_example(self.answerer.intents, lang)), lang)

    def _help(self, text: str) -> Reply:
        lang = self._ui(text)
        return self._command(help_text(self.answerer.intents, lang, self.answerer.table), lang)

    def _sources(self, text: str) -> Reply:
        lang = self._ui(text)
        return self._command(sources_text(self.answerer.table.articles, lang), lang)

    def _source(self, text: str) -> Reply:
        """The last answer's sentences, each under its article."""
        sources = self.last.sources if self.last else ()
        lines = [f"[{s.file}] {s.sentence}" for s in sources]
        return Reply("command", "\n".join(lines) or "-", "", sources, lang=self.lang)

    def _meetings(self, text: str) -> Reply:
        """The meetings, numbered (a number then shows that meeting's summary); "/meetings 10"
        starts at the eleventh."""
        lang = self._ui(text)
        rest = text.split(maxsplit=1)[1:]
        offset = int(rest[0]) if rest and rest[0].isdigit() else 0
        head, page, total = self.answerer.summaries.listing(lang, offset)
        lines = [head] + [
            f"{n}. {m.label}" + (f" — {m.about}" if m.about else "")
            for n, m in enumerate(page, start=1)
        ]
        if offset + PAGE < total:
            lines.append(f"{OLDER(lang)}: /meetings {offset + PAGE}")
        self.offers = [("meeting", m.id) for m in page]
        return Reply("command", "\n".join(lines), "", lang=lang)


def run_chat(answerer: Answerer, lines: Iterable[str], out: TextIO, as_json: bool,
             clock: Callable[[], float] = time.time) -> int:  # fmt: skip
    """The chat loop: ``lines`` in (one conversation), replies out; 0 at the end or on 'quit'."""
    chat = Chat(answerer, clock)
    if not as_json:
        out.write(BANNER + "\n> ")
        out.flush()
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.strip().lower() in QUIT:
            return 0
        reply = chat.reply(line)
        out.write(reply_json(line, reply) + "\n" if as_json else reply.text + "\n> ")
        out.flush()
    if not as_json:
        out.write("\n")
    return 0


__all__ = ["Chat", "reply_json", "run_chat", "valid_unicode"]
