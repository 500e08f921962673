"""Facts from one article: ``extract(article, gazetteer)`` runs every fact kind's extractor.

Written for the genre (agency reports of leaders' meetings, machine-translated), not for given
files: names come from the gazetteer, everything else from patterns over sentences. What the
kinds share (the dateline, the meeting and its date and place) is ``bot.context``; each kind's
own patterns are in its module in ``bot/kinds/``.
"""

from __future__ import annotations

from datetime import date

from .context import Context, article_context, scopes
from .corpus import Article
from .facts import MEETING, Fact
from .gazetteer import Gazetteer
from .kinds import KINDS


def extract(
    article: Article, gaz: Gazetteer, curated: tuple[date, str] | None = None
) -> tuple[Context, list[Fact]]:
    """All facts of one article (and its meeting context).

    ``curated`` is (date, note) from the curated file, for an article that gives no date.
    """
    ctx = article_context(article, gaz, curated)
    facts = _facts(ctx)
    for inside, sub in scopes(ctx):
        # a paragraph about another meeting is read as that meeting's (``bot.merge`` gives its
        # facts to it); it is no report of the meeting, so no MEETING fact of its own
        facts = [f for f in facts if f.sentence not in inside]
        facts += [f for f in _facts(sub) if f.sentence in inside and f.kind != MEETING]
    return ctx, facts


def _facts(ctx: Context) -> list[Fact]:
    """Every kind's facts of the article read in ``ctx``."""
    facts: list[Fact] = []
    for kind in KINDS.values():
        for fact in kind.extract(ctx):
            if fact.kind != kind.name or type(fact.parts) is not kind.parts:
                raise TypeError(f"{kind.module}: extract gave a {fact.kind} fact with "
                                f"{type(fact.parts).__name__} parts")  # fmt: skip
            facts.append(fact)
    return facts


def outlet(article: Article, gaz: Gazetteer) -> str:
    """The news outlet the article names first (for /sources), or ''."""
    for s in article.sentences[:3] + article.sentences[-2:]:
        found = gaz.find("outlets", s)
        if found:
            return found[0][1].name
    return ""


__all__ = ["extract", "outlet"]
