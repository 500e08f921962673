"""What someone said: "Xi said the two sides should ...", "Mishustin applauded ...", a transcript's
"Mikhail Mishustin: ..." line; speaker, the kind of saying (say, hope, call, wish, applaud ...)
and the clause, from ``bot.speech``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import facts
from ..context import Context
from ..corrections import gives_retracted
from ..facts import Fact, FactKind
from ..glossary import needs
from ..lazyre import lazy_re
from ..russian import Russian, decimal
from ..speech_ru import is_russian
from ..text import FIRST_MONTHS

KIND = FactKind("statement")
NEEDS = needs({"statement": {"speaker", "verb", "content", "terms"}},
              vocabs=["statement_verbs", "statement_terms"], plurals=["month"])  # fmt: skip

# How a reply words each verb: the verb as written, finite ("adding" -> "added").
_FINITE = {"adding": "added", "noting": "noted", "stressing": "stressed", "saying": "said",
           "emphasizing": "emphasized", "emphasising": "emphasised",
           "pointing out": "pointed out", "underlining": "underlined", "expressing": "expressed",
           "expressing the hope": "expressed the hope", "expressing hope": "expressed hope",
           "calling for": "called for", "calling on": "called on", "hoping": "hoped",
           "wishing": "wished", "": "said"}  # fmt: skip
# A Russian report's verb in an English reply, by its kind (``bot.speech.VERBS``).
_IN_ENGLISH = {"say": "said", "hope": "hoped", "believe": "believed", "call": "called for",
               "wish": "wished", "thank": "thanked", "applaud": "welcomed", "describe": "called",
               "express": "expressed"}  # fmt: skip
_ASKED = 120  # characters of an interview's question a reply shows
LONGEST = 320  # characters of a clause a reply shows; longer clauses are cut at a word


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who spoke (canonical name), the kind of saying (``bot.speech.VERBS``: say, hope, wish,
    call, applaud, believe, describe, thank, express), the verb as written, and the clause."""

    speaker: str
    content: str
    kind: str = "say"
    verb: str = ""
    direct: bool = False  # a transcript line or a quote: the speaker's own words
    asked: str = ""  # the interview's question it answers ("Why did the tea always go cold?")
    terms: tuple[str, ...] = ()  # what a clause in Russian names, in English ("shipbuilding")


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per clause someone says in the article, but one giving a figure the article
    says was wrong ("... 8.3 trillion roubles", corrected to 6.8 trillion)."""
    for said in ctx.said:
        if gives_retracted(said.content, ctx.retracted):
            continue
        terms = _english_terms(ctx, said.content) if is_russian(said.content) else ()
        p = Parts(said.speaker, said.content, said.kind, said.verb, said.direct, said.asked, terms)
        text = english(p)  # the speaker's full name: "who said ..." is answered by it
        yield ctx.fact(KIND, said.idx, said.content, text, qualifier=said.speaker, parts=p)


def _english_terms(ctx: Context, content: str) -> tuple[str, ...]:
    """What a clause in Russian names that the gazetteer knows, by its English name (areas,
    organisations, initiatives, provinces): "в Арктике, в судостроении" -> Northern Sea Route,
    shipbuilding."""
    found = sorted((at, e.name) for section in _SECTIONS
                   for at, e in ctx.gaz.find(section, content))  # fmt: skip
    return tuple(dict.fromkeys(name for _, name in found))


def agent(f: Fact) -> str:
    """The speaker."""
    return f.parts.speaker if isinstance(f.parts, Parts) else ""


def same(fact: Fact) -> str:
    """Two reports' words for one statement ("Maintaining ..." and "maintaining ..."): its
    speaker and its content's words, whatever the case and punctuation."""
    return fact.qualifier + ":" + " ".join(_WORD.findall(fact.value.lower()))


_WORD = lazy_re(r"\w+")
_QUOTE_MARKS = '"“”„«»'


def _bare(content: str) -> str:
    """``content`` without the quote marks around it (a reply puts its own), and without a stray
    one; a quote inside it keeps both its marks ('Китай и Россия — "добрые соседи"')."""
    t = content.strip()
    if len(t) > 1 and t[0] in _QUOTE_MARKS and t[-1] in _QUOTE_MARKS:
        t = t[1:-1]
    elif sum(t.count(q) for q in _QUOTE_MARKS) % 2:
        t = t.strip(_QUOTE_MARKS)
    return t.strip()


def english(p: Parts, short: str = "") -> str:
    """'Xi said China supports the Russian people ...', 'Mishustin: "I am delighted ..."';
    an interview's answer with its question: 'Asked “Why ...?”, Dmitry Lavrentyev: “...”'."""
    if p.asked:
        return f"Asked “{clip(p.asked, _ASKED)}”, " + english(replace(p, asked=""), short)
    who = short or p.speaker
    content = clip(p.content)
    if is_russian(content):  # a report in Russian: its words as written, the verb in English
        said = "" if p.direct else " " + _IN_ENGLISH.get(p.kind, "said")
        terms = f" ({', '.join(p.terms)})" if p.terms else ""
        return f"{who}{said} (in Russian): “{_bare(content)}”{terms}"
    if p.direct:  # (the quote marks are these: a quote's own would make two pairs)
        return f"{who}: “{_bare(content)}”"
    verb = _FINITE.get(p.verb, p.verb)
    return f"{who} {verb} {_reported(content)}" if content else f"{who} {verb}"


# Words that open a reported clause in lower case ("Xi said both sides should ..."); a name
# ("China", "Russia") keeps its capital.
_LOWER_OPENERS = frozenset({"the", "both", "this", "these", "it", "we", "our", "they", "there",
                            "all", "each", "in", "with", "since", "as", "a", "an", "its", "their",
                            "he", "she", "his", "her", "two", "such"})  # fmt: skip


def _reported(content: str) -> str:
    """``content`` as a reported clause: "Maintaining ..." -> "maintaining ..."."""
    first = content.split(" ", 1)[0]
    if (
        first[:1].isupper()
        and first[1:].islower()
        and (first.lower() in _LOWER_OPENERS or first.lower().endswith(("ing", "ed")))
    ):
        return first.lower() + content[len(first) :]
    return content


def clip(text: str, longest: int = LONGEST) -> str:
    """``text`` cut at a word before ``longest`` characters, with an ellipsis."""
    if len(text) <= longest:
        return text
    return text[:longest].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Си Цзиньпин сказал: «China supports ...» — искусственный интеллект': the words as the
    article gives them, and in Russian what they name that the glossary knows (areas,
    organisations, initiatives, sums of money)."""
    asked = f"На вопрос «{clip(p.asked, _ASKED)}» " if p.asked else ""
    verb = r.vocab("statement_verbs", p.kind)
    # (the quote marks are the template's: «"Trade will double."» would have two pairs)
    content = clip(_bare(p.content))
    return asked + r.fill("statement", speaker=r.name(p.speaker), verb=verb, content=content,
                          terms=", ".join(_terms(content, r)))  # fmt: skip


_SECTIONS = ("areas", "organisations", "initiatives", "regions")
_MONEY = lazy_re(r"\$\s?(\d+(?:\.\d+)?)\s*(billion|trillion|million)\b", re.I)
_SCALE = {"billion": "млрд", "trillion": "трлн", "million": "млн"}


def _terms(content: str, r: Russian) -> list[str]:
    """What ``content`` names, in Russian: gazetteer entries with a Russian name (areas,
    organisations, initiatives, provinces), sums, and the glossary's words of the genre's
    statements."""
    found = sorted((at, e.name) for section in _SECTIONS for at, e in r.gaz.find(section, content)
                   if r.gaz.ru(e.name))  # fmt: skip
    out = [str(r.gaz.ru(name)) for _, name in found]
    out += [f"{decimal(m.group(1))} {_SCALE[m.group(2).lower()]} долларов"
            for m in _MONEY.finditer(content)]  # fmt: skip
    out += [
        f"первые {r.plural('month', int(m.group(1)))}"  # a period: "первые 11 месяцев"
        for m in FIRST_MONTHS.finditer(content)
        if (m.group(1) or "").isdigit()
    ]
    out += r.g.vocabs["statement_terms"].found(content)  # the genre's words ("multipolar world")
    return list(dict.fromkeys(out))
