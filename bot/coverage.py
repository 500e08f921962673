"""How much of an article the facts cover: the content sentences that gave no fact.

A sentence is covered when a fact keeps it as its source, or when it reports the meeting (it
gave the meeting's date, place or venue). Boilerplate that is meant to give no fact is excluded
by a rule that says why (``RULES``: headings, captions, bylines, time stamps, repeated lines,
transcript headings, credits); everything else is content. ``python -m bot build --coverage``
prints it per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .context import Context
from .facts import Fact
from .lazyre import lazy_re

_CAPTION = lazy_re(
    r"\((?:Xinhua|Photo|TASS|Sputnik|RIA)\s*/[^)]*\)|/Xinhua\s*$|\[Photo/[^\]]*\]|^(?:Photo|Фото)\s*:"
    r"|^▲|^©|^\(Xinhua\)|\bPhoto:\s|[A-Z][\w ]+/(?:POOL/)?TASS\b",
    re.I,
)
_BYLINE = lazy_re(r"^By\s+(?:our\s+[\w ]+correspondent|[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3})$")
_STAMP = lazy_re(r"^\W*(?:\w+\)\s*)?\d{1,2}:\d\d\b|^\d{4}-\d\d-\d\d(?:\s+\d\d:\d\d)?$")
# A dateline on a line or sentence of its own: "MOSCOW, April 14.", "BEIJING, September 16.",
# "/TASS/." (it gives the reference date; no fact).
_DATELINE = lazy_re(r"^(?:[A-Z][A-Za-z .'’-]{1,30},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                    r"[A-Z][a-z]{2,8})\.?|/?[A-Z]{2,10}/\.?)$")  # fmt: skip
_TRANSCRIPT = lazy_re(r"^(?:excerpts?\s+from\s+the\s+transcript|from\s+the\s+transcript)\b", re.I)
_CREDIT = lazy_re(
    r"^\(?with input from\b|^read also\b|^news\s*[-–|]|^[\w ]+\|\s*[\w -]+$|press service\.?$"
    r"|^(?:xinhua|tass|ria novosti|cgtn|interfax)$",
    re.I,
)


def _heading(s: str) -> bool:
    """A title or section line: no sentence punctuation at the end, and short."""
    return not re.search(r"[.!?…\"”»,:;)]$", s.strip()) and len(s.split()) <= 16


# (reason, test of the sentence and the ones before it), in the order they are tried.
Rule = tuple[str, Callable[[str, AbstractSet[str]], bool]]
RULES: tuple[Rule, ...] = (
    ("repeated line", lambda s, before: " ".join(s.split()) in before),
    ("photo caption", lambda s, before: bool(_CAPTION.search(s))),
    ("byline", lambda s, before: bool(_BYLINE.match(s.strip()))),
    ("time stamp", lambda s, before: bool(_STAMP.search(s.strip()))),
    ("dateline (the reference date)", lambda s, before: bool(_DATELINE.match(s.strip()))),
    ("transcript heading", lambda s, before: bool(_TRANSCRIPT.match(s.strip()))),
    ("outlet or section credit", lambda s, before: bool(_CREDIT.search(s.strip()))),
    ("heading", lambda s, before: _heading(s)),
)


@dataclass(frozen=True, slots=True)
class Coverage:
    """One article: its content sentences, those that gave no fact, and the excluded ones."""

    stem: str
    content: tuple[int, ...]
    uncovered: tuple[int, ...]
    excluded: tuple[tuple[int, str], ...]  # (sentence, reason)
    sentences: tuple[str, ...]

    @property
    def covered(self) -> int:
        """How many content sentences gave a fact."""
        return len(self.content) - len(self.uncovered)

    @property
    def share(self) -> float:
        """The share of content sentences that gave a fact (1.0 for an article of no content)."""
        return self.covered / len(self.content) if self.content else 1.0

    def lines(self, width: int = 110) -> list[str]:
        """The report of this article: a summary line, then each sentence without a fact."""
        out = [f"{self.stem}: {self.covered}/{len(self.content)} content sentences give a fact "
               f"({self.share:.0%}), {len(self.excluded)} excluded"]  # fmt: skip
        for i in self.uncovered:
            out.append(f"  no fact #{i}: {_clip(self.sentences[i], width)}")
        return out

    def excluded_lines(self, width: int = 110) -> list[str]:
        """Each excluded sentence with its reason."""
        return [f"  excluded #{i} ({why}): {_clip(self.sentences[i], width)}"
                for i, why in self.excluded]  # fmt: skip


def excluded(sentences: Sequence[str]) -> dict[int, str]:
    """Sentence index -> the rule that excludes it (boilerplate meant to give no fact)."""
    out: dict[int, str] = {}
    seen: set[str] = set()
    for i, s in enumerate(sentences):
        for reason, rule in RULES:
            if rule(s, seen):
                out[i] = reason
                break
        else:
            if i + 1 < len(sentences) and re.match(r"(?:Photo|Фото)\s*:", sentences[i + 1]):
                out[i] = "photo caption (before its credit)"
        seen.add(" ".join(s.split()))
    return out


def coverage(ctx: Context, facts: Iterable[Fact]) -> Coverage:
    """The coverage of the article of ``ctx`` by its ``facts``."""
    sentences = ctx.article.sentences
    out = excluded(sentences)
    given = {f.sentence for f in facts} | set(ctx.meeting)
    content = tuple(i for i in range(len(sentences)) if i not in out)
    uncovered = tuple(i for i in content if i not in given)
    return Coverage(ctx.article.stem, content, uncovered, tuple(sorted(out.items())),
                    tuple(sentences))  # fmt: skip


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["RULES", "Coverage", "coverage", "excluded"]
