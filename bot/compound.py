"""Questions that ask several things at once: "When and where did they meet in December 2023, who
else attended, and what trade milestone did Xi point to?" becomes one question per thing, each
keeping what chose the meeting ("in December 2023", "For the May 2023 meeting:").

``split(text)`` returns the parts (or ``[text]``); ``Answerer.ask`` answers each and ``combine``
joins the replies. Pure string work: no table, no language model.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .language import NOT_ANSWERED
from .lazyre import lazy_re
from .render import Reply, clip, clip_html

_WH = (
    r"(?:when|where|who|whom|whose|what|which|how|why|когда|где|кто|кого|кому|что|чем|чём|чему|чего|кем|"
    r"какие|какой|какую|какая|какое|какого|каким|каких|каком|сколько|как|почему|зачем|куда|откуда)"
)
_PREP = r"(?:(?:in|for|on|at|with|to|by|с|со|в|во|на|о|об|по|к|за|из|от|для)\s+)?"
# A new question begins: after "?", ";" or ", and" / " and" / ", " when a question word follows
# (after a bare comma an English one only: "сказал, что ...", "знаешь, когда ..." go on one).
_WH_EN = r"(?:when|where|who|whom|whose|what|which|how|why)"
# (", when he met Mishustin" dates the question before it; ", when did they meet" asks)
_AUX = r"(?:did|do|does|was|were|is|are|will|would|has|have|had)"
_BREAK = lazy_re(rf"\?\s+(?=\S)|;\s*(?={_PREP}{_WH}\b)|,?\s+(?:and|и|а)\s+(?={_PREP}{_WH}\b)"
                 rf"|,\s+(?=(?:when|where)\s+{_AUX}\b|(?:who|whom|whose|what|which|how|why)\b)",
                 re.I)  # fmt: skip
# A Russian question's next question after a bare comma ("..., кто на ней присутствовал"), when
# the text began with a question word itself (not "сказал, что ...")
_RU_WH = r"(?:кто|где|когда|сколько|почему|зачем|какие|какой|какую|какая|каким)"
_RU_WH_FIRST = lazy_re(rf"^\s*{_RU_WH}\b", re.I)
_RU_BREAK = lazy_re(rf",\s+(?={_RU_WH}\b)", re.I)
# "when and where did they meet": two question words sharing one question.
_PAIR = lazy_re(
    rf"^\s*(?P<a>{_WH})\s+(?:and|и)\s+(?P<b>{_PREP}{_WH})\b(?P<rest>.*)$", re.I | re.S
)  # fmt: skip ("где и во сколько": the second after a preposition)
# ... the second with a noun of its own: "where and at what time of day did they meet"
_PAIR_NOUN = lazy_re(
    rf"^\s*(?P<a>{_WH})\s+(?:and|и)\s+(?P<b>{_PREP}(?:what|which|how|какое|какой|в\s+какое)"
    rf")\s+(?P<np>(?:[\w-]+\s+){{1,4}}?)(?P<aux>{_AUX})\b(?P<tail>[^?;]*)\??\s*$",
    re.I | re.S,
)
# What chooses the meeting and may stand for every part: a lead-in before the first question
# word ("For the May 2023 meeting:", "In Moscow,") and dating phrases anywhere ("in December 2023").
_LEAD = lazy_re(rf"^(?P<lead>.{{3,80}}?)[:,]\s+(?={_WH}\b)", re.I | re.S)
_DATING = lazy_re(
    r"\b(?:in|at|during|on)\s+(?:the\s+)?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+\d{4})?|\d{4}|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}))\b"
    r"|\b(?:в|во)\s+(?:\w+\s+)?\d{4}\s*(?:года|г\.)?"
    r"|\b\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
    r"ноября|декабря)\s+\d{4}(?:\s+(?:года|г\.))?"
    # "the November 2025 meeting", "the 2023 talks"
    r"|\bthe\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?\d{4}\s+(?:meeting|talks|visit|one)\b",
    re.I,
)
# Which meeting the first part picks by order ("the earliest", "the last"): the others too.
_SELECT = lazy_re(r"\b(?:earliest|first|latest|last|most recent)\b|(?<!\w)(?:перв|последн)\w*",
                  re.I)  # fmt: skip
# "When Xi went to Russia in 2023, how long was the trip ...": a clause that dates, no question
_CLAUSE = lazy_re(rf"^\s*(?:when|while|as)\s+(?!(?:and|or|can|could|{_AUX})\b)[\w'’.-]+\s+\w+",
                  re.I)  # fmt: skip
MOST = 4  # parts answered at most
_ELLIPTICAL = 4  # words of a later part at most that asks about the first part's subject
_DATE_AND_PLACE = ({"when", "where"}, {"когда", "где"})


def split(text: str) -> list[str]:
    """The questions ``text`` asks, each with what chooses the meeting; ``[text]`` for one."""
    body = " ".join(text.split())
    lead = ""
    m = _LEAD.match(body)
    if m and (
        not re.search(rf"\b{_WH}\b", m.group("lead"), re.I) or _CLAUSE.match(m.group("lead"))
    ):
        lead, body = m.group("lead"), body[m.end() :]
    words: tuple[str, ...] = ()
    noun = _PAIR_NOUN.match(body)
    if noun:  # "where and at what time of day did Xi meet Mishustin": "where did Xi meet
        # Mishustin", "at what time of day did Xi meet Mishustin"
        rest = f"{noun.group('aux')}{noun.group('tail')}".rstrip(" ?")
        return [
            f"{noun.group('a')} {rest}?",
            f"{noun.group('b')} {noun.group('np').strip()} {rest}?",
        ]
    pair = _PAIR.match(body)
    if pair:  # "when and where did they meet, ...": the first question, asked twice
        words, body = (pair.group("a"), pair.group("b")), pair.group("rest")
        if {w.lower() for w in words} in _DATE_AND_PLACE:  # a date's answer says the place too
            words = words[:1] if words[0].lower() in ("when", "когда") else words[1:]
    pieces = [p.strip(" ,;?") for p in _BREAK.split(body)]
    if _RU_WH_FIRST.match(body):  # "Где прошла встреча ..., кто на ней присутствовал": a
        pieces = [q for p in pieces for q in _RU_BREAK.split(p)]  # Russian question goes on
    pieces = [p for p in pieces if len(p.split()) >= 2 or (words and p is pieces[0])]
    if words and pieces:
        pieces[:1] = [f"{w} {pieces[0]}" for w in words]
    parts = pieces
    asking = [p for p in parts if re.match(rf"\s*{_PREP}{_WH}\b", p, re.I) or parts[0] is p]
    if len(asking) < 2:  # one question; a leading "when they met in Moscow, ..." goes last,
        # so that its "when" does not ask for a date
        return [f"{asking[0]} {lead}?"] if asking and lead and _CLAUSE.match(lead) else [text]
    context = [lead] if lead else []
    context += [m.group() for m in _SELECT.finditer(asking[0])][:1]  # "the earliest ..., where?"
    # what dates or places any part ("..., did Xi meet Mishustin on November 4, 2025?"), for the
    # parts that date nothing themselves ("in May 2023, and ... in March 2023": each its own)
    dating = [[d.group() for d in _DATING.finditer(part)] for part in asking]
    shared = list(dict.fromkeys(d for found in dating for d in found))
    out = []
    for part, own in zip(asking[:MOST], dating, strict=False):
        missing = [c for c in [*context, *([] if own else shared)] if c.lower() not in part.lower()]
        out.append(" ".join([part, *missing]).strip() + "?")
    return out


def combine(parts: Sequence[str], replies: Sequence[Reply], lang: str) -> Reply:
    """One reply for the parts: each answer in turn, then what the articles do not answer."""
    answered = [r for r in replies if r.matched]
    if not answered or (not replies[0].matched and all(
            len(p.split()) <= _ELLIPTICAL for p in parts[1:])):  # fmt: skip
        return replies[0]  # (": and in which city?" asks about the first part's subject)
    once = list({r.text: r for r in answered}.values())  # two parts, one answer: said once
    texts = [r.text for r in once]
    marked = [r.html for r in once]
    missed = [p for p, r in zip(parts, replies, strict=True) if not r.matched]
    if missed:
        line = NOT_ANSWERED(lang, what="; ".join(missed))
        texts.append(line)
        marked.append(html.escape(line))
    sources = tuple(dict.fromkeys(s for r in answered for s in r.sources))
    first = answered[0]
    html_lines = "\n\n".join(marked).split("\n")
    return Reply("answer", clip("\n\n".join(texts)), clip_html(html_lines), sources,
                 first.intent, first.score, lang, {"parts": str(len(parts))},
                 context=answered[-1].context)  # fmt: skip


__all__ = ["MOST", "combine", "split"]
