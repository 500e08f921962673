"""``Answerer.ask(text) -> Reply``: the one call every shell makes.

Four parts, each made once per table: the ``Reader`` reads the message into a ``Question``, the
``Matcher`` scores it against the intents, the ``Picker`` chooses the meetings and facts (or why
none), and the ``Writer`` writes the reply in the user's language. Out of scope is a decline
Reply, never an exception; nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from . import compound
from .config import Config
from .facts import FactTable
from .gazetteer import Gazetteer, gazetteer_from_data
from .glossary import Glossary, glossary_from_data
from .intents import Intent, Lexicon
from .kinds import NEEDS
from .language import choose
from .match import Matcher
from .memo import FactText
from .picker import Decline, Picker
from .question import Reader
from .render import Reply
from .writer import Writer


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
        self.titles = {a.stem: a.title for a in table.articles}

    @classmethod
    def from_table(cls, table: FactTable, config: Config, gazetteer: Gazetteer | None = None,
                   glossary: Glossary | None = None) -> Answerer:  # fmt: skip
        """An Answerer made from what the table compiled (intents, lexicon, gazetteer, glossary):
        no file is read. ``gazetteer`` and ``glossary``: the table's, when already parsed."""
        gaz = gazetteer or gazetteer_from_data(table.gazetteer)
        intents = [Intent.from_json(d) for d in table.intents]
        reader = Reader(Lexicon.from_json(table.lexicon), gaz,
                        [e for i in intents for e in i.examples],
                        [w for i in intents for w in i.frame], config.match.max_chars)  # fmt: skip
        matcher = Matcher(intents, reader, config.match.threshold)
        glossary = glossary or glossary_from_data(table.glossary, NEEDS)
        return cls(table, intents, reader, matcher, glossary, config)

    def ask(self, text: str, lang: str | None = None) -> Reply:
        """The reply to one message; ``lang`` is a hint (e.g. Telegram's language_code). A
        message that asks several things gets each answered (``bot.compound``)."""
        parts = compound.split(text[: self.config.match.max_chars])
        if len(parts) == 1:
            return self._ask(text, lang)
        replies = [self._ask(part, lang) for part in parts]
        return compound.combine(parts, replies, replies[0].lang)

    def _ask(self, text: str, lang: str | None = None) -> Reply:
        question = self.reader.read(text)
        match = self.matcher.match(question)
        lang = choose(self.config.reply.language, question.script, lang)
        pick = self.picker.pick(question, match)
        if isinstance(pick, Decline):
            reply = self.writer.decline(pick, lang, match.score)
        else:
            reply = self.writer.answer(pick, lang, match.score)
        return replace(reply, runner_up=match.runner_up)
