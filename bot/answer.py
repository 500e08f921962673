"""``Answerer.ask(text) -> Reply``: the one call every shell makes.

Parts made once per table: the ``Reader`` reads the message into a ``Question``; ``Phrases`` tell
small talk (and, in the ``Dialogue``, summaries) by their phrasing, the ``Matcher`` scores the
question against the other intents, the ``Dialogue`` combines it with the conversation's context
(a follow-up), the ``Picker`` chooses the meetings and facts (or
why none), and the ``Writer`` (``Summaries`` for a summary) writes the reply in the user's
language; a decline that came close offers questions that are answered (``Suggester``). Out of
scope is a decline Reply, never an exception; nothing here does I/O or keeps state: a shell
passes the context it kept (and its clock's ``now``) and keeps the reply's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from . import compound
from .config import Config
from .dialogue import Context, Dialogue
from .facts import FactTable
from .gazetteer import Gazetteer, gazetteer_from_data
from .glossary import Glossary, glossary_from_data
from .helptext import question, suggested
from .intents import Intent, Lexicon
from .kinds import NEEDS
from .kinds.publication import dated_report, reported_on
from .kinds.role import KIND as ROLE
from .language import choose, counted
from .match import Match, Matcher
from .memo import FactText
from .phrases import Phrases
from .picker import Decline, Picker
from .question import Question, Reader, stem
from .relevance import latin_name
from .render import Line, Reply, render_lines, render_suggestions
from .suggest import Suggester
from .summary import Summaries
from .writer import Writer

SUGGESTIONS = 3  # "did you mean" questions offered at most
TRIES = 8  # candidate questions asked to find them, at most (each is a whole ask)


class Answerer:
    """Answers questions from one fact table."""

    def __init__(self, table: FactTable, intents: Sequence[Intent], reader: Reader,
                 matcher: Matcher, glossary: Glossary, config: Config):  # fmt: skip
        self.table = table
        self.config = config
        self.intents = {i.name: i for i in intents}
        self.reader = reader
        self.matcher = matcher
        self.gaz: Gazetteer = reader.gaz
        self.glossary = glossary
        memo = FactText(self.gaz)
        self.picker = Picker(table, intents, self.gaz, matcher, memo)
        self.writer = Writer(table, self.gaz, glossary, config.reply.order, memo)
        self.summaries = Summaries(table, intents, self.writer)
        self.talk = Phrases(intents, reader, "talk")
        self.dialogue = Dialogue(table, self.intents, reader, matcher)
        self.suggester = Suggester(table, self.intents, reader, self.gaz, matcher.threshold)
        self._titles: dict[str, str] | None = None  # (``titles``)
        self._examples: dict[str, list[str]] = {}  # small talk's example questions, per language
        self._names: frozenset[str] | None = None  # the words of introduced people's names

    @property
    def titles(self) -> dict[str, str]:
        """Each article's title by its stem (read when first asked for: a store's articles are
        read only then)."""
        if self._titles is None:
            self._titles = {a.stem: a.title for a in self.table.articles}
        return self._titles

    @classmethod
    def from_table(cls, table: FactTable, config: Config, gazetteer: Gazetteer | None = None,
                   glossary: Glossary | None = None) -> Answerer:  # fmt: skip
        """An Answerer made from what the table compiled (intents, lexicon, gazetteer, glossary):
        no file is read. ``gazetteer`` and ``glossary``: the table's, when already parsed."""
        intents, reader = table_reader(table, config, gazetteer, table.stored_reading())
        # Small talk and summaries are told by their phrasing (bot.phrases), not scored.
        asked = [i for i in intents if i.asks not in ("talk", "summary")]
        matcher = Matcher(asked, reader, config.match.threshold)
        glossary = glossary or glossary_from_data(table.glossary, NEEDS)
        return cls(table, intents, reader, matcher, glossary, config)

    def ask(self, text: str, lang: str | None = None, context: Context | None = None,
            now: float = 0.0, suggest: bool = False) -> Reply:  # fmt: skip
        """The reply to one message; ``lang`` is a hint (e.g. Telegram's language_code). A
        message that asks several things gets each answered (``bot.compound``).

        ``context``: the previous reply's ``context`` in this conversation, if the shell kept
        one, and ``now`` the shell's clock (an expired context is ignored). The reply's own
        ``context`` is what the next message of the conversation may refer to. ``suggest``: a
        decline that came close offers "did you mean" questions, each asked to be sure it is
        answered (a few more asks: only shells that show them ask for them).
        """
        fresh = context if context and context.fresh(now) else None
        clipped = text[: self.config.match.max_chars]
        parts = compound.split(clipped)
        if len(parts) == 1:  # one question, maybe put in order ("when they met, how did ...")
            return self._ask(text if parts[0] == clipped else parts[0], lang, fresh, now, suggest)
        replies: list[Reply] = []
        context = fresh
        for n, part in enumerate(parts):  # each part follows the one before ("..., and where
            reply = self._ask(part, lang, context, now, False, joined=n > 0)  # was that?")
            replies.append(reply)
            if reply.matched and reply.context is not None:
                context = reply.context
        return compound.combine(parts, replies, replies[0].lang)

    def _ask(self, text: str, hint: str | None, context: Context | None, now: float,
             suggest: bool, joined: bool = False) -> Reply:  # fmt: skip
        chosen: set[str] | None = None
        dated = dated_report(text)
        if dated is not None and (chosen := reported_on(self.table, dated[1])):
            text = dated[0]  # "the article dated March 19, 2024 reports ...": its meetings
        q = self._introduced(self.reader.read(text))
        lang = choose(self.config.reply.language, q.script, hint)
        words = self.talk.words(q.text)  # small talk's and summaries' reading, once
        talk = self.talk.match(q, words)
        if talk is not None:
            return self._talk(self.intents[talk], lang, context)
        match = self.dialogue.match(q, words)
        turn = self.dialogue.turn(q, match, context, joined)
        within = turn.within
        if chosen:
            within = frozenset(chosen if within is None else set(within) & chosen)
        pick = self.picker.pick(turn.question, turn.match, within)
        if isinstance(pick, Decline):
            reply = self.writer.decline(pick, lang, turn.match.score)
            if turn.match.intent is not None and context is not None:  # "and in 2024?": the
                context = replace(context, intent=turn.match.intent)  # intent carries on
            reply = replace(reply, runner_up=match.runner_up, context=context)
            if suggest:
                found = self._suggestions(q, turn.match, pick, lang, context, now)
                reply = render_suggestions(reply, found)
            return reply
        if pick.intent.asks == "summary":
            reply = self.summaries.reply(pick, lang, turn.match.score)
        else:
            reply = self.writer.answer(pick, lang, turn.match.score)
        meetings = tuple(sorted({f.meeting for f in pick.facts}, key=self.table.sort_key))
        after = Context(pick.intent.name, meetings, pick.weekday, now)
        return replace(reply, runner_up=match.runner_up, context=after)

    def _introduced(self, q: Question) -> Question:
        """``q`` with the names of people the articles introduce (``bot.kinds.role``: "who is
        Oleg Barsukov", "кто такой Олег Барсуков") read as names, not as words no intent knows
        (which count against every intent)."""
        if not q.unknown:
            return q
        if self._names is None:
            self._names = frozenset(stem(w) for v in self._people() for w in v.lower().split())
        if not self._names:
            return q
        written = dict(zip(q.tokens, q.written, strict=True))
        names = {
            t
            for t in q.unknown
            if t in self._names
            or (not written.get(t, t).isascii() and latin_name(written.get(t, t), self._names))
        }
        if not names:
            return q
        q = replace(q, unknown=tuple(t for t in q.unknown if t not in names),
                    words=tuple(w for w in q.words if w not in names))  # fmt: skip
        return self._introduced_speaker(q, names)

    def _people(self) -> list[str]:
        """The people the articles name whom the gazetteer may not know: those introduced with
        their role, and everyone present whose name is a name (not "the Cabinet members")."""
        return sorted({*self.table.kind_values(ROLE), *self.picker.people_named()})

    def _introduced_speaker(self, q: Question, names: set[str]) -> Question:
        """``q``, asking what someone the articles introduce said ("what did Lavrentyev say
        about the tea"), with that person as its speaker: the one introduced person whose
        name the question writes."""
        if not q.said or q.slots.speaker:
            return q
        found = {v for v in self.table.kind_values(ROLE)
                 if any(stem(w) in names for w in v.lower().split())}  # fmt: skip
        if len(found) != 1:
            return q
        slots = replace(q.slots, speaker=next(iter(found)))
        return replace(q, read_slots=lambda _q: slots)

    def summary_of(self, mid: str, lang: str, now: float = 0.0) -> Reply | None:
        """The summary of meeting ``mid`` (a /meetings choice), which follow-ups then refer to;
        None when there is no such meeting or no intent summarises."""
        reply = self.summaries.of_meeting(mid, lang)
        if reply is None or reply.intent is None:
            return None
        return replace(reply, context=Context(reply.intent, (mid,), False, now))

    def _talk(self, intent: Intent, lang: str, context: Context | None) -> Reply:
        """Small talk: the intent's line, with example questions when it suggests them; the
        conversation's context stays as it was."""
        lines = [Line(intent.reply[lang].format(value="", meeting="", **counted(0, lang)))]
        if intent.suggest:
            lines += [Line(f"• {q}") for q in self._offered(lang)]
        text, marked = render_lines(lines)
        return Reply("talk", text, marked, (), intent.name, 1.0, lang, context=context)

    def _offered(self, lang: str) -> list[str]:
        """The example questions small talk offers in ``lang`` (worked out once)."""
        found = self._examples.get(lang)
        if found is None:
            found = self._examples[lang] = [question(e) for e in
                                            suggested(self.intents, lang, self.table)]  # fmt: skip
        return found

    def _suggestions(self, q: Question, match: Match, decline: Decline, lang: str,
                     context: Context | None, now: float) -> tuple[str, ...]:  # fmt: skip
        """Up to ``SUGGESTIONS`` questions close to the declined one that are answered (asked
        in the same context)."""
        found: list[str] = []
        for tried, candidate in enumerate(self.suggester.candidates(q, match, decline, lang)):
            if tried == TRIES:
                break
            if candidate in found or not re.search(r"\w\w", candidate) or candidate == q.text:
                continue
            reply = self._ask(candidate, lang, context, now, suggest=False)
            if reply.kind == "answer":
                found.append(candidate)
                if len(found) == SUGGESTIONS:
                    break
        return tuple(found)


def table_reader(table: FactTable, config: Config, gazetteer: Gazetteer | None = None,
                 reading: Any = None) -> tuple[list[Intent], Reader]:  # fmt: skip
    """The table's intents and the ``Reader`` of questions made from them (the same reader
    reads the facts' words for the stored word index, ``bot.factstore``). ``reading``: what
    its build stored of a Reader of the table (``FactTable.stored_reading``), used when made
    from the same examples."""
    gaz = gazetteer or gazetteer_from_data(table.gazetteer)
    intents = [Intent.from_json(d) for d in table.intents]
    asked = [i for i in intents if i.asks not in ("talk", "summary")]
    reader = Reader(Lexicon.from_json(table.lexicon), gaz,
                    [e for i in asked for e in i.examples],
                    [w for i in asked for w in i.frame], config.match.max_chars,
                    reading)  # fmt: skip
    return intents, reader


def reading_json(table: FactTable, config: Config) -> str:
    """The JSON text of the ``bot.reading.Reading`` of a Reader of ``table``, made as ``ask``
    makes it from the table's store, which keeps the intents, lexicon and gazetteer with their
    keys sorted (the order of the lexicon is the order its words are read in): a build stores it
    (``bot.build.write_index``) for ``Answerer.from_table`` to read back."""
    kept = {k: json.loads(json.dumps(getattr(table, k), sort_keys=True))
            for k in ("intents", "lexicon", "gazetteer")}  # fmt: skip
    _, reader = table_reader(FactTable(facts=(), **kept), config)
    return json.dumps(reader.reading.to_json(), ensure_ascii=False)


__all__ = ["SUGGESTIONS", "Answerer", "reading_json", "table_reader"]
