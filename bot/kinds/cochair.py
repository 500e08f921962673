"""Who co-chaired what with whom: "the intergovernmental commission on energy cooperation,
co-chaired by Alexander Novak and Ding Xuexiang", "Mishustin and Li Qiang co-chaired the 28th
regular meeting of the heads of government"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, nth, ordinal
from ..facts import Fact, FactKind
from ..gazetteer import Entry
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern

KIND = FactKind("cochair")  # number: the ordinal of a regular meeting
NEEDS = needs({"cochair": {"chairs", "body"}, "cochair_n": {"chairs", "n", "body"}},
              vocabs=["bodies"])  # fmt: skip

_CO_CHAIR = Pattern(r"\bco-chair(?P<form>ed\s+by|ed|s|)\b", re.I)
# What was co-chaired, before "(which is) co-chaired by": "the commission on energy cooperation".
_BODY_BEFORE = Pattern(r"(?P<body>(?:[\w-]+\s+){0,4}(?:commission|committee|council|meeting|"
                       r"mechanism)(?:\s+(?:on|for|of)\s+[\w\s-]+?)?),?\s+(?:which\s+|that\s+)?"
                       r"(?:is\s+|was\s+|are\s+|were\s+|has\s+been\s+)?$", re.I)  # fmt: skip
# ... and after "co-chair(s of)": "co-chairs of the commission on humanitarian cooperation".
_BODY_AFTER = Pattern(r"\s+(?:of\s+)?(?P<body>[^,.;]+)", re.I)
# Between two chairs of one list: "Alexander Novak and Vice Premier Ding Xuexiang", "Premier of
# the State Council of the People's Republic of China Li Qiang"; and between the last chair and
# what they co-chair: "Shen Yiqin, co-chairs of", "Ding Xuexiang, who co-chair".
_TITLE_WORDS = r"(?:(?:[A-Z][\w'’.-]*|of|the|to|for)\s+)*"
_JOINED = Pattern(rf"(?:,\s+(?:and\s+)?|\s+and\s+){_TITLE_WORDS}")
_BEFORE = Pattern(r"\s*(?:,\s*)?(?:as\s+(?:you|we)\s+(?:know|may\s+know),\s*)?(?:who\s+|which\s+)?"
                 r"(?:(?:have|has|had|will|also|jointly)\s+)*")  # fmt: skip
_SPEAKS = Pattern(r"\s+(?:said|says|noted|added|told)\b")
_REGULAR = Pattern(r"^(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+regular\s+meeting", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who co-chaired (canonical names) and what, in English ("intergovernmental commission on
    energy cooperation", "regular meeting of heads of government": its number is the fact's)."""

    chairs: tuple[str, ...]
    body: str


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per co-chaired body a sentence names with its chairs ("the commission on energy
    cooperation, co-chaired by A and B", "A and B, who co-chair the commission on ...", "A and
    B, co-chairs of ..."; several in one sentence); the two heads of government who held a
    regular meeting co-chaired it."""
    said = False
    for e in ctx.encounters:
        if e.number and "regular meeting" in e.what and e.reported and len(e.who) == 2:
            parts = Parts(tuple(e.who), e.what.split(" ", 1)[1])
            said = True
            yield ctx.fact(KIND, e.idx, english(parts, e.number), english(parts, e.number),
                           number=float(e.number), parts=parts)  # fmt: skip
    for i, s in enumerate(ctx.article.sentences):
        if "co-chair" not in s.lower():
            continue
        spans = ctx.gaz.spans("people", s)
        found = list(_CO_CHAIR.finditer(s))
        for n, m in enumerate(found):
            lo = found[n - 1].end() if n else 0
            hi = found[n + 1].start() if n + 1 < len(found) else len(s)
            if m.group("form").lower().startswith("ed") and "by" in m.group("form").lower():
                chairs = _list_after(s, [x for x in spans if m.end() <= x[0] < hi])
                before = _BODY_BEFORE.search(s, lo, m.start())
                body = before.group("body") if before else ""
            else:
                chairs = _list_before(s, [x for x in spans if lo <= x[0] and x[1] <= m.start()],
                                      m.start())  # fmt: skip
                if m.group("form").lower() == "s" and re.search(r"\w\s+$", s[lo : m.start()]):
                    chairs = chairs[-1:]  # "A co-chairs ... with B" (a verb: one subject; not
                    # "A and B, co-chairs of ...")
                after = _BODY_AFTER.match(s, m.end())
                body = after.group("body") if after else ""
                partner = _partner(s, spans, after.start("body") if after else m.end(),
                                   after.end("body") if after else m.end())  # fmt: skip
                if partner is not None and len(chairs) == 1:  # "A co-chairs BODY with B"
                    chairs.append(partner[1])
                    body = s[after.start("body") : partner[0]] if after else ""
                if len(chairs) == 1:  # "he and Li Qiang co-chaired": "he" is the meeting's visitor
                    he = re.search(r"\b(?:he|she)\s+and\b", s[lo : m.start()], re.I)
                    other = next((e for e in ctx.encounters if e.idx == i and chairs[0] in e.who),
                                 None)  # fmt: skip
                    if he and other:
                        chairs = [n for n in other.who if n != chairs[0]] + chairs
            chairs = list(dict.fromkeys(chairs))
            if len(chairs) < 2 or not body or re.search(r"\b(?:commissions|committees)\b", body):
                continue  # "the co-chairs of the five intergovernmental commissions": no one
            body, number = _body(body)
            if said and number:
                continue  # the regular meeting's encounter gave it
            parts = Parts(tuple(chairs), body)
            text = english(parts, number)
            yield ctx.fact(KIND, i, text, text, number=float(number) if number else None,
                           parts=parts)  # fmt: skip


_WITH = Pattern(rf"\s+(?:together\s+)?with\s+{_TITLE_WORDS}$")


def _partner(s: str, spans: list[tuple[int, int, Entry]], lo: int,
             hi: int) -> tuple[int, str] | None:  # fmt: skip
    """The one who co-chairs with the subject, named inside what follows the verb ("the
    commission on energy cooperation with Vice Premier Ding Xuexiang"): where the body ends
    (before "with") and the partner's name."""
    for a, b, e in spans:
        if lo < a and b <= hi:
            w = _WITH.search(s, lo, a)
            if w is not None:
                return w.start(), e.name
    return None


def _list_after(s: str, spans: list[tuple[int, int, Entry]]) -> list[str]:
    """The people of the list that starts with the first of ``spans`` ("A, B and C"); a list
    ends with the name after "and", and never takes in a speaker (", Xi said")."""
    out: list[str] = []
    for n, (a, b, e) in enumerate(spans):
        if n and not _JOINED.rx.fullmatch(s, spans[n - 1][1], a):
            break
        if _SPEAKS.match(s, b):
            break
        out.append(e.name)
        if n and re.match(r"(?:,\s*)?\s*and\b", s[spans[n - 1][1] : a]):
            break
    return out


def _list_before(s: str, spans: list[tuple[int, int, Entry]], end: int) -> list[str]:
    """The people of the list that ends right before ``end`` ("A and B, who co-chair")."""
    if not spans or not _BEFORE.rx.fullmatch(s, spans[-1][1], end):
        return []
    out = [spans[-1][2].name]
    for n in range(len(spans) - 1, 0, -1):
        if not _JOINED.rx.fullmatch(s, spans[n - 1][1], spans[n][0]):
            break
        out.insert(0, spans[n - 1][2].name)
    return out


def _body(text: str) -> tuple[str, int | None]:
    """('regular meeting of heads of government', 28) from 'the 28th regular meeting of the
    heads of government of Russia and China'."""
    text = " ".join(text.split())
    text = re.sub(r"^.*?\bthe\s+(?=(?:\S+\s+){1,2}?(?:commission|committee|council))", "", text,
                  flags=re.I)  # fmt: skip
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    # "the Russian-Chinese intergovernmental commission": the two countries' own, as the bare name
    text = re.sub(r"^(?:Russian-Chinese|Chinese-Russian|Russia-China|China-Russia|Sino-Russian)\s+"
                  r"(?=\S+\s+(?:commission|committee|council))", "", text, flags=re.I)  # fmt: skip
    m = _REGULAR.match(text)
    if m:
        gov = re.search(r"heads\s+of\s+government|prime\s+ministers", text, re.I)
        return "regular meeting" + (" of heads of government" if gov else ""), ordinal(
            m.group("ord"))  # fmt: skip
    return text[:1].lower() + text[1:], None


def english(p: Parts, number: int | None = None) -> str:
    """'Alexander Novak and Ding Xuexiang co-chair the intergovernmental commission on energy
    cooperation'."""
    body = f"{nth(number)} {p.body}" if number else p.body
    chairs = " and ".join(p.chairs) if len(p.chairs) == 2 else ", ".join(p.chairs)
    return f"{chairs} co-chaired the {body}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Новак и Дин Сюэсян — сопредседатели межправительственной комиссии по энергетическому
    сотрудничеству'."""
    chairs = " и ".join(r.name(n) for n in p.chairs)
    body = r.vocab("bodies", p.body)
    if f.number:
        return r.fill("cochair_n", chairs=chairs, n=f"{f.number:g}", body=body)
    return r.fill("cochair", chairs=chairs, body=body)
