"""What an article says, sentence by sentence: every content sentence (not boilerplate by
``bot.coverage``'s rules) is a fact of its own, its words kept for matching. A question that no
intent answers, and whose every specific word one sentence holds (``Picker._fallback``), is
answered with that sentence: the details no other kind reads ("70,000 Chinese students study in
Russia", "the talks with Li Qiang were held at the Great Hall of the People"). Facts of the other
kinds answer first: a passage answers only when none of them holds the question."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context
from ..corrections import gives_retracted
from ..coverage import excluded
from ..facts import Fact, FactKind
from ..glossary import needs
from ..lazyre import lazy_re
from ..russian import Russian
from .statement import clip

KIND = FactKind("passage")
QUOTES = True  # (it covers no sentence: ``build --coverage`` counts what the other kinds read)
NEEDS = needs({"passage": {"text"}})
LONGEST = 300  # characters of a sentence a reply shows; longer ones are cut at a word
# Boilerplate: lines that say nothing of the meeting (captions and headings do: they stay).
_NO_CONTENT = frozenset({"repeated line", "byline", "time stamp", "dateline (the reference date)",
                         "transcript heading", "outlet or section credit"})  # fmt: skip
_SHORT = 4  # words: a shorter line ("Thank you.", "Good afternoon!") says nothing to look up
_LABEL = lazy_re(r"^(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*:\s+|^(?:Q|A)\s*:\s*")


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The sentence as the article writes it (spaces made single; a speaker label kept)."""

    text: str


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per content sentence of the article."""
    sentences = ctx.article.sentences
    out = excluded(sentences)
    for i, s in enumerate(sentences):
        if out.get(i) in _NO_CONTENT or gives_retracted(s, ctx.retracted):  # (what it corrects)
            continue
        text = " ".join(s.split())
        if len(_LABEL.sub("", text).split()) < _SHORT:
            continue
        p = Parts(text)
        yield ctx.fact(KIND, i, text, english(p), parts=p)


def same(fact: Fact) -> str:
    """Two reports with one sentence: its words, whatever the case and punctuation."""
    return " ".join(re.findall(r"\w+", fact.value.lower()))


def english(p: Parts) -> str:
    """'The article says: “...”'."""
    return f"The article says: “{clip(p.text, LONGEST).rstrip('.')}”"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'В статье сказано: «...»' (the article's own words, as written)."""
    return r.fill("passage", text=clip(p.text, LONGEST).rstrip("."))
