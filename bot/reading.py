"""``Reading``: what a ``bot.question.Reader`` works out before it reads any message (the
gazetteer's names and the intents' examples as tokens, the words a typo may mean), as JSON.

Working it out reads every name and example as a message is read: a fifth of a cold ``ask``. A
build works it out anyway (``bot.build.write_index`` reads the facts' words with a Reader) and
stores it with the table; ``ask`` reads it back (``Answerer.from_table``). The store is made from
the same intents, lexicon and gazetteer in the same write, by the same code (a code change
rebuilds it); what a Reader is given besides (the examples, the frames and the longest message)
is kept with the reading and compared: a reading made from other ones is not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Reading:
    """A Reader's tables (see ``Reader.__init__``) and what they were made from."""

    made_from: tuple[tuple[str, ...], tuple[str, ...], int]  # examples, frames, max_chars
    entities: dict[tuple[str, ...], tuple[str, str]]  # a name's tokens -> (marker, name)
    examples: dict[str, tuple[str, ...]]  # an example -> its tokens
    spell: dict[str, str]  # a token a typo may mean -> the vocabulary word it stands for
    place_of: dict[str, str]  # a one-word place's token -> the place
    lexical: frozenset[str]  # the lexicon's words, never typos
    written: dict[str, str]  # a word as written -> its token
    frames: frozenset[str]
    verify: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        """The reading as JSON data (``from_json`` reads it back)."""
        examples, frames, max_chars = self.made_from
        made_from = {"examples": list(examples), "frames": list(frames), "max_chars": max_chars}
        return {
            "made_from": made_from,
            "entities": [[list(k), *hit] for k, hit in self.entities.items()],
            "examples": self.examples,
            "spell": self.spell,
            "place_of": self.place_of,
            "lexical": sorted(self.lexical),
            "written": self.written,
            "frames": sorted(self.frames),
            "verify": sorted(self.verify),
        }

    @classmethod
    def from_json(cls, data: Any, made_from: tuple[tuple[str, ...], tuple[str, ...], int]
                  ) -> Reading | None:  # fmt: skip
        """The reading ``to_json`` wrote, when it was made from ``made_from``; else (or when it
        is not one) None."""
        try:
            source = data["made_from"]
            if (tuple(source["examples"]), tuple(source["frames"]),
                    source["max_chars"]) != made_from:  # fmt: skip
                return None
            return cls(
                made_from,
                {tuple(key): (marker, name) for key, marker, name in data["entities"]},
                {e: tuple(toks) for e, toks in data["examples"].items()},
                dict(data["spell"]),
                dict(data["place_of"]),
                frozenset(data["lexical"]),
                dict(data["written"]),
                frozenset(data["frames"]),
                frozenset(data["verify"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


__all__ = ["Reading"]
