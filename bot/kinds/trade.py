"""Trade volumes and targets: amount, period, whether a target was reached and who set it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import facts
from ..context import Context, subject, subject_entry
from ..corrections import UNITS, figure
from ..facts import Fact, FactKind
from ..glossary import needs
from ..lazyre import lazy_re
from ..russian import Russian, decimal
from ..speech_ru import is_russian
from ..text import MONTH_NAMES, NUMBER_WORDS, ORDINAL_WORDS, Pattern, relative_year

KIND = FactKind(
    "trade"
)  # number: the amount in units of its currency; qualifier: volume|target|target reached
_SET_BY = {"amount", "period", "set_by", "growth"}
DATED = True  # its facts give their own time
NEEDS = needs(
    {
        "amount": {"n", "unit", "currency"},
        "period_year": {"year"},
        "period_months": {"months", "year"},
        "period_range": {"start", "end", "year"},
        "period_month": {"month", "year"},
        "period_quarter": {"n", "year"},
        "period_by": {"year"},
        "period_run": {"n"},
        "trade_volume": {"period", "approx", "amount", "growth"},
        "trade_growth": {"period", "growth"},
        "trade_flow": {"subject", "period", "approx", "amount", "growth"},
        "growth": {"pct"},
        "decline": {"pct"},
        "trade_target": _SET_BY,
        "trade_target_reached": _SET_BY,
        "trade_annual_target_reached": _SET_BY,
    },
    vocabs=["units", "currencies", "set_by", "trade_subjects", "months_gen"],
    words=["more", "less"],
    plurals=["month"],
)

_MONEY = Pattern(
    r"(?P<pre>(?:US|U\.S\.)?\$|USD\s?|¥|RMB\s?)?\s?(?P<n>\d+(?:[.,]\d+)?)[\s-]*"
    r"(?P<unit>trillion|billion|million|bln|bn|tln|trln)\b[\s-]*(?P<cur>(?:U\.S\.\s+)?dollars?|"
    r"yuan|rubles|roubles|rbls?\b|rub\b|US dollars|USD|RMB)?",
    re.I,
)
# A currency named before its amounts: "In roubles, last year's turnover went past 20 trillion".
_CURRENCY_BEFORE = Pattern(r"\bin\s+(?P<cur>roubles|rubles|yuan|dollars|US dollars)\b", re.I)
# Growth of an amount: "which is 6.4 pct more than a year earlier", "jumped 26.3 percent to".
_GROWTH = Pattern(
    r"(?P<down>\b(?:fell|dropped|declined|decreased|down|(?:decrease|decline|drop|fall)\s+of)\b"
    r"[^.;,]{0,20}?)?(?P<g>\d+(?:[.,]\d+)?)"
    r"\s*(?:%|percent|per\s+cent|pct)(?P<tail>\s+(?:more|less|higher|lower|up|down|year[-\s]on[-\s]"
    r"year|yr/yr|y/y))?",
    re.I,
)
_GROWTH_VERB = Pattern(r"\b(?:grew|rose|jumped|increased|up|growth|gained|surged|more|higher|lower|"
                       r"fell|dropped|declined|decreased|down|year[-\s]on[-\s]year|yr/yr|y/y|"
                       r"(?:an?\s+)?(?:increase|rise|jump|gain|surge|decrease|decline|drop|fall)"
                       r"(?:\s+of|(?=\s+\d)))\b",  # (a machine translation's "increase 6.3 %")
                       re.I)  # fmt: skip
_RANGE = Pattern(rf"\b(?P<a>{'|'.join(m[:3] for m in MONTH_NAMES)})[a-z]*\.?\s*[-–]\s*"
                 rf"(?P<b>{'|'.join(m[:3] for m in MONTH_NAMES)})[a-z]*\.?(?:\s+(?P<y>\d{{4}}))?",
                 re.I)  # fmt: skip
_SUBJECT = Pattern(r"\b(?P<subj>(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:exports|imports)"
                   r"(?:\s+(?:to|from)\s+[A-Z][a-z]+)?)")  # fmt: skip
_TRADE = Pattern(r"\btrade\b|\bturnover\b|\bcommerce\b|\bexports?\b|\bimports?\b|\bcustoms\b",
                 re.I)  # fmt: skip
# An item of a list ("• fourth quarter of 2026: $68.9 billion"): under a head about trade, a
# trade figure though it says no word of trade.
_ITEM = Pattern(r"\W{0,2}[•▪◦·*–—-]\s")
# A quarter: "fourth quarter of 2026", "Q4 2026"; a month of a year: "December 2026".
_QUARTER = Pattern(r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                   r"|Q(?P<q>[1-4]))(?:\s+of)?\s+(?P<y>\d{4})\b", re.I)  # fmt: skip
_MONTH_OF = Pattern(rf"\b(?P<m>{'|'.join(MONTH_NAMES)})\s+(?P<y>\d{{4}})\b")
_TARGET = Pattern(r"\btarget\b|\bgoal\b|\btask\b|\baim\b|\bincrease it to\b"
                  # "to bring annual trade to", "raising it to" (not "trade rose to": a volume)
                  r"|\b(?:bring|bringing|raise|raising)\s+(?:[\w-]+\s+){0,3}?to\b",
                  re.I)  # fmt: skip
_REACHED = Pattern(r"\b(?:reached|achieved|hit|exceeded|surpassed|topped|amounted to|"
                   r"totall?ed|stood at|grew to|rose to|met)\b", re.I)  # fmt: skip
# A sentence that goes on about the trade the one before names: "Our trade is growing again. In
# the first nine months it reached 171.2 billion dollars".
_IT_REACHED = Pattern(r"\b(?:it|this|that)\s+(?:has\s+|had\s+|already\s+)*(?:reached|amounted\s+to|"
                      r"totall?ed|stood\s+at|grew\s+to|rose\s+to|exceeded|topped|came\s+to)\b",
                      re.I)  # fmt: skip
_APPROX = Pattern(r"\b(?P<more>exceeded|surpassed|more than|over|above|topped)\b|\b(?P<less>almost|"
                  r"nearly|about|around|approximately)\b", re.I)  # fmt: skip
# A figure held over a run of years: "for the third year in a row", "three years running".
_RUN = Pattern(r"\b(?:for\s+(?:the\s+)?)?(?P<n>[a-z]+|\d+(?:st|nd|rd|th)?)\s+(?:consecutive\s+"
               r"years?|years?\s+(?:in\s+a\s+row|running))\b", re.I)  # fmt: skip


def _run_length(word: str) -> int | None:
    """3 from 'third', '3rd', 'three' (the years of a run, this one the last)."""
    word = word.lower()
    if word[:1].isdigit():
        return int(re.sub(r"\D", "", word))
    return ORDINAL_WORDS.get(word) or NUMBER_WORDS.get(word)


_QUARTERS = ("first", "second", "third", "fourth")
_BACK_THEN = lazy_re(r"\W*(?:by then|by that time|at (?:that|the) time|back then)\b", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The amount as written (number, unit, currency), its period, and for a target who set it
    (canonical people, or the phrase when it names nobody)."""

    n: str  # "146.9": the number as written, decimal point
    unit: str  # million | billion | trillion
    currency: str = ""  # USD | yuan | rubles
    period: Literal["", "months", "by", "year", "run"] = ""
    months: int | None = None  # "the first 11 months"; "January-August": 8 (from month 1)
    period_year: int | None = None
    from_month: int | None = None  # a range of months as written: "January-August" is 1 (months 8)
    approx: Literal["", "more", "less"] = ""  # a volume of "more than" / "almost" the amount
    annual: bool = False  # "the annual trade target"
    set_by: tuple[str, ...] = ()
    set_by_phrase: str = ""
    growth: str = ""  # "6.4": percent on a year earlier ("-3.1" for a fall)
    subject: str = ""  # what is traded when not all of it: "Russian agricultural exports to China"
    run: int | None = None  # "for the third year in a row": 3 (period "run", of no one year)


@dataclass(slots=True)
class _Period:
    text: str  # "in the first 11 months of 2023"
    year: int | None
    parts: dict[str, Any] = field(default_factory=dict)


# A Russian report's words of trade, in the English this module reads: "по итогам 2033 года
# товарооборот ... составил 287 миллиардов долларов" is "in 2033 trade ... amounted to $287
# billion" (the fact keeps the Russian sentence as its source).
_RU_SCALE = r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>трлн|триллион\w*|млрд|миллиард\w*|млн|миллион\w*)\.?"
_RU_WORDS: tuple[tuple[str, str], ...] = (
    (r"\s+(?:ещ[её]|уже)\b", ""),
    (r"\b(?:товарооборот\w*|объ[её]м\w*\s+(?:двусторонней\s+|взаимной\s+)?торговли|"
     r"(?:двусторонн\w+|взаимн\w+)\s+торговл\w+|торговл\w+)", "trade"),
    (r"\bпо\s+итогам\s+(\d{4})\s+года\b|\bза\s+(\d{4})\s+год\b|\bв\s+(\d{4})\s+году\b",
     "in \\1\\2\\3"),
    (r"\b(?:в|за)\s+прошл\w+\s+год\w*|\bпо\s+итогам\s+прошлого\s+года", "last year"),
    (r"\b(?:в|за)\s+(?:этом|текущем)\s+году", "this year"),
    (r"\bза\s+первые\s+(\d+)\s+месяц\w*\s+(\d{4})\s+года", "in the first \\1 months of \\2"),
    (r"\bза\s+первые\s+(\d+)\s+месяц\w*", "in the first \\1 months"),
    (r"\bдостиг\w*", "reached"), (r"\bсоставил\w*", "amounted to"),
    (r"\bпревысил\w*", "exceeded"), (r"\b(?:более|свыше)\b", "more than"),
    (r"\b(?:почти|около|порядка)\b", "almost"),
    (r"\b(?:вырос|увеличил|прибавил)\w*\s+на\s+(\d+(?:[.,]\d+)?)\s*(?:%|процент\w*)",
     "rose \\1 percent"),
    (r"\b(?:снизил\w*|сократил\w*|упал\w*)\s+на\s+(\d+(?:[.,]\d+)?)\s*(?:%|процент\w*)",
     "fell \\1 percent"),
    # a range of months, in any case: "в январе–сентябре", "за январь - апрель 2044 года"
    *((rf"\b{ru}(?=\s*[-–—]\s*[а-яA-Z][а-яa-z]+\b|\s+(?:\d{{4}}|этого|прошлого|текущего)\s+года\b)",
       en) for ru, en in (
        ("январ[ьея]", "January"), ("феврал[ьея]", "February"), ("март[ае]?", "March"),
        ("апрел[ьея]", "April"), ("ма[йея]", "May"), ("июн[ьея]", "June"), ("июл[ьея]", "July"),
        ("август[ае]?", "August"), ("сентябр[ьея]", "September"), ("октябр[ьея]", "October"),
        ("ноябр[ьея]", "November"), ("декабр[ьея]", "December"))),
    (r"\b(?:в|за)\s+(?=[A-Z][a-z]+\s*[-–—])", "in "),
    (r"\b(\d{4})\s+года\b", "\\1"),
    (r"\b(?:этого|текущего)\s+года\b", "this year"), (r"\bпрошлого\s+года\b", "last year"),
    (r"\b(?:он|она|оно)\s+(?=вырос|снизил|сократил|увеличил|достиг|составил|"
     r"превысил|rose|fell|reached|amounted|exceeded)", "it "),
    (r"\b(?:цел\w*|задач\w*)\b", "target"),
)  # fmt: skip
_RU_MONEY = Pattern(
    _RU_SCALE + r"\s*(?P<c>долл(?:ар\w*|\.)(?:\s+США)?|\$|руб(?:л\w*|\.)|юан\w*)?", re.I
)


def _in_english(s: str) -> str:
    """A Russian sentence about trade in the English words this module reads; any other
    sentence as it is."""
    if not is_russian(s) or not re.search(
        r"товарооборот|торговл|\d\s*(?:%|процент|млрд|миллиард|трлн|триллион)", s, re.I
    ):
        return s

    def money(m: re.Match[str]) -> str:
        u = m.group("u").lower()
        unit = "trillion" if u.startswith("тр") else "billion" if "рд" in u else "million"
        n, c = m.group("n").replace(",", "."), (m.group("c") or "").lower()
        if c.startswith(("руб", "юан")):
            return f"{n} {unit} {'rubles' if c.startswith('руб') else 'yuan'}"
        return f"${n} {unit}"

    out = _RU_MONEY.sub(money, s)
    for rx, english in _RU_WORDS:
        out = re.sub(rx, english, out, flags=re.I)
    return out


def extract(ctx: Context) -> Iterator[Fact]:
    """Trade volumes and targets: amount, period, growth, and whether a target was reached."""
    sentences = [_in_english(s) for s in ctx.article.sentences]
    last: _Period | None = None  # for "over the same period"
    listed = False  # a list of trade figures is going on
    for i, s in enumerate(sentences):
        if s.endswith(":"):  # "According to RCTPA calculations based on customs statistics:"
            listed = bool(_TRADE.search(s))
        elif not _ITEM.match(s):
            listed = False
        money = list(_MONEY.finditer(s))
        if not money:
            yield from _grown(ctx, i, s, sentences[i - 1] if i else "", last)
            continue
        about_trade = (
            _TRADE.search(s)
            or (listed and _ITEM.match(s))
            or (
                i > 0
                and _TRADE.search(sentences[i - 1])
                and (_TARGET.search(s) or _IT_REACHED.search(s))
            )
        )
        if not about_trade:
            continue
        for m in money:
            if _IF.search(s, max(0, m.start() - 60), m.start()):
                continue  # "If trade reaches $300 billion by 2030, ...": no figure of trade
            if figure(m.group("n"), m.group("unit")) in ctx.retracted:
                continue  # "trade was $312 billion, not $321 billion": the wrong figure, here and
                # wherever the article gave it before
            amount = _amount(m, s)
            period = _period(ctx, s, m, last)
            if not period.text and _correcting(ctx, i):
                continue  # an editor's correction restates a figure the story gives with its
                # period ("Correction: ... trade was $312 billion"): no figure of the meeting's year
            last = period if period.text else last
            parts: dict[str, Any] = period.parts | _amount_parts(m, s)
            near = s[max(0, m.start() - 45) : m.start()] + " " + s[m.end() : m.end() + 8]
            target = bool(_TARGET.search(near))
            # (in this amount's part of the sentence: "in 2036 trade reached $274.6 billion and
            # they agreed to bring it to $350 billion by 2040" reached the first, not the second)
            k = money.index(m)
            own = s[money[k - 1].end() if k else 0 : money[k + 1].start() if k + 1 < len(money)
                    else len(s)]  # fmt: skip
            at = m.start() - (money[k - 1].end() if k else 0)
            reached = bool(_REACHED.search(own[:at]) or re.search(r"\breached\b", own))
            growth = _growth(s, m)
            subject = _subject(s, m)
            if target and reached:
                qualifier, text = "target reached", f"the {amount} trade target was reached"
                if re.search(r"\bannual\b", s, re.I):
                    text = f"the annual trade target of {amount} was reached"
                    parts["annual"] = True
            elif target:
                qualifier, text = "target", f"a trade target of {amount}"
            else:
                near_before = s[max(0, m.start() - 40) : m.start()]
                approx = list(_APPROX.finditer(near_before))
                word = ""
                if approx:
                    more = approx[-1].group("more")
                    word = "more than " if more else "almost "
                    parts["approx"] = "more" if more else "less"
                what = subject or "trade"
                qualifier, text = "volume", f"{what} of {word}{amount}"
            text += f" {period.text}" if period.text else ""
            if growth:
                parts["growth"] = growth
                text += f", {'down' if growth.startswith('-') else 'up'} {growth.lstrip('-')}%"
                text += " on a year earlier"
            if subject and qualifier == "volume":
                parts["subject"] = subject
            who = re.search(r"\bset by (?:the )?(?P<who>.+?)(?:,|\.|$| which)", s)
            setting = _SETTING.search(s, 0, m.start()) if target and not who else None
            had_set = _HAD_SET.match(s, m.end()) if target and not who else None
            if had_set:  # "the target of $200 billion that he and Putin had set"
                who = had_set
            if who and target:
                text += f" (set by {_names(ctx, s, who.group('who'))})"
                parts |= _setters(ctx, s, who.group("who"))
            elif setting and (setters := _before_verb(ctx, s, setting.start())):
                # "Xi and Mishustin set the goal of raising bilateral trade to 2 trillion yuan"
                text += f" (set by {' and '.join(setters)})"
                parts["set_by"] = tuple(setters)
            yield ctx.fact(
                KIND,
                i,
                f"{qualifier}: {amount}" + (f" ({subject})" if parts.get("subject") else ""),
                text,
                year=period.year,
                number=_number(m),
                qualifier=qualifier,
                parts=Parts(**parts),
            )
    yield from _table(ctx)


# A table of yearly trade ("| Year | Trade, USD bn | Trade, CNY trn | Change y/y |", then
# "| 2024 | 244.8 | 1.74 | +1.9% |"): a column's unit and currency from its heading.
_CELLS = lazy_re(r"^\|(.+)\|\s*$")
_COLUMN_UNIT = lazy_re(r"\b(?P<unit>bn|bln|billion|trn|tln|trillion|mln|million)\b", re.I)
_COLUMN_CURRENCY = (("usd", "USD"), ("$", "USD"), ("dollar", "USD"), ("cny", "yuan"),
                    ("yuan", "yuan"), ("rmb", "yuan"), ("rub", "rubles"))  # fmt: skip
_TABLE_UNITS = {"mln": "million"} | UNITS
_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6}


def _table(ctx: Context) -> Iterator[Fact]:
    """The figures of a table of trade by year, one fact per year and currency, with the
    year's change when a column gives it."""
    columns: list[tuple[str, str] | None] | None = None  # (unit, currency) per column
    change: int | None = None  # the column of the change on a year earlier
    for i, s in enumerate(ctx.article.sentences):
        row = _CELLS.match(s)
        if row is None:
            columns = None
            continue
        cells = [c.strip() for c in row.group(1).split("|")]
        if columns is None:
            if not any(_TRADE.search(c) for c in cells[1:]):
                continue
            columns, change = [], None
            for n, cell in enumerate(cells):
                found = _COLUMN_UNIT.search(cell)
                currency = next((c for w, c in _COLUMN_CURRENCY if w in cell.lower()), "")
                named = found.group("unit").lower() if found else ""
                columns.append((_TABLE_UNITS.get(named, named), currency)
                               if named and currency and n else None)  # fmt: skip
                if re.search(r"(?i)\b(?:change|growth|y/y|yoy)\b", cell):
                    change = n
            continue
        if not re.fullmatch(r"(?:19|20)\d\d", cells[0]) or len(cells) != len(columns):
            continue
        year = int(cells[0])
        growth = ""
        if change is not None and (
            g := re.fullmatch(r"([+-−]?)(\d+(?:\.\d+)?)\s*%", cells[change])
        ):
            growth = ("-" if g.group(1) in "-−" and g.group(1) else "") + g.group(2)
        for cell, column in zip(cells, columns, strict=True):
            if column is None or not re.fullmatch(r"\d+(?:\.\d+)?", cell):
                continue
            unit, currency = column
            amount = f"${cell} {unit}" if currency == "USD" else f"{cell} {unit} {currency}"
            text = f"trade of {amount} in {year}"
            if growth:
                text += f", {'down' if growth.startswith('-') else 'up'} {growth.lstrip('-')}%"
                text += " on a year earlier"
            parts = Parts(cell, unit, currency, "year", period_year=year, growth=growth)
            yield ctx.fact(KIND, i, f"volume: {amount}", text, year=year,
                           number=float(cell) * _SCALE[unit], qualifier="volume",
                           parts=parts)  # fmt: skip


_OF_YEAR = Pattern(r"\s+(?:of\s+)?(?:this|last|the\s+previous|the\s+current)\s+year\b", re.I)
# An editor's note that corrects the story: "Correction: An earlier version of this story ..."
_CORRECTION = Pattern(r"^\W*(?:correction|clarification|editor['’]?s\s+note|corrects?)\b", re.I)


def _correcting(ctx: Context, i: int) -> bool:
    """Sentence ``i`` is in a paragraph that an editor's correction opens."""
    article = ctx.article
    return any(_CORRECTION.match(article.sentences[j]) for j in article.paragraph(i))


# An amount in a condition or a question: "if trade reaches", "whether the $300 billion mark
# is reachable"
_IF = Pattern(r"\b(?:if|whether|unless)\b[^.;:,]*$", re.I)


def period(f: Fact) -> tuple[int | None, int | None, bool]:
    """(year, months, growth given) of a figure: "$136 billion in the first seven months of
    2024" is (2024, 7, False); a target's year is the year it is set for."""
    p = f.parts
    if not isinstance(p, Parts):
        return (f.year, None, False)
    months = p.months if p.period == "months" else None
    return (p.period_year if p.period_year is not None else f.year, months, bool(p.growth))


def _growth(s: str, m: re.Match[str]) -> str:
    """The growth a sentence gives for the amount ``m``: the percentage nearest to it with a
    word of growth ("rose only 2.1 percent, to", "which is 6.4 pct more than a year earlier")."""
    best: tuple[int, str] | None = None
    for g in _GROWTH.finditer(s):
        window = s[max(0, g.start() - 25) : g.end() + 30]
        if not _GROWTH_VERB.search(window) or re.search(
            r"\bshare\b|\bsettlement|\baccount(?:s|ed)?\s+for\b|\bof\s+the\s+total\b", window, re.I
        ):  # "settlements ... now account for more than 95 percent": a share, no growth
            continue
        distance = min(abs(g.start() - m.end()), abs(m.start() - g.end()))
        if distance > 80:
            continue
        value = g.group("g").replace(",", ".")
        down = g.group("down") or re.match(r"\s+(?:less|lower|down)", g.group("tail") or "")
        if best is None or distance < best[0]:
            best = (distance, f"-{value}" if down else value)
    return best[1] if best else ""


# "trade rose by 4.2 percent year on year in the first seven months of 2026", "In the first
# eight months of this year it rose by another 3.4 percent" (after a sentence about trade): a
# growth with no amount; the clause before it says whose ("Although the figure was 6.9 percent
# lower than in the previous year, trade rose ...": the figure's is not)
_THE_FIGURE = Pattern(r"\b(?:the|this|that)\s+figure\b(?![^,;]*,)[^;]{0,30}$", re.I)
_GROWN_SUBJECT = Pattern(r"\b(?:trade|turnover|it)\b(?![^,;]*,)[^;]{0,40}$", re.I)


def _grown(ctx: Context, i: int, s: str, before: str, last: _Period | None) -> Iterator[Fact]:
    """The trade growths sentence ``i`` gives with no amount, each for a period it names (the
    sentence ``before`` it says what "it" is); "the figure was 6.9 percent lower" is the growth
    of the last amount's period (``last``)."""
    for g in _GROWTH.finditer(s):
        if not _GROWTH_VERB.search(s[max(0, g.start() - 25) : g.end() + 30]):
            continue
        subject = _GROWN_SUBJECT.search(s, 0, g.start())
        if subject is None:
            if not _THE_FIGURE.search(s, 0, g.start()) or last is None:
                continue
            period = last  # "Although the figure was 6.9 percent lower than ..."
        else:
            said = subject.group().lower()
            if not (_TRADE.search(said) or (said.startswith("it") and _TRADE.search(before))):
                continue
            period = _period(ctx, s, g, None)
        if "period" not in period.parts:
            continue
        value = g.group("g").replace(",", ".")
        down = bool(g.group("down") or re.match(r"\s+(?:less|lower|down)", g.group("tail") or ""))
        growth = f"-{value}" if down else value
        text = f"trade {period.text}, {'down' if down else 'up'} {value}% on a year earlier"
        yield ctx.fact(KIND, i, f"growth: {growth}%", text, year=period.year,
                       qualifier="growth", parts=Parts("", "", growth=growth,
                                                       **period.parts))  # fmt: skip


def _subject(s: str, m: re.Match[str]) -> str:
    """What is traded, when the sentence names a part of trade: "Russian agricultural exports to
    China reached $5.1 bln" (but not "trade ... and exports")."""
    before = s[: m.start()]
    found = list(_SUBJECT.finditer(before))
    if not found or re.search(r"\btrade\b|\bturnover\b", before[found[-1].end() :], re.I):
        return ""
    return found[-1].group("subj").strip()


# Who set a goal, named after it: "the target of $200 billion that he and Putin had set"; before
# the verb: "Xi and Mishustin set the goal of ...", "X and Y agreed on the goal of bringing ...".
_HAD_SET = Pattern(r"\s*(?:(?:trade\s+)?(?:target|goal)\s+)?(?:that\s+|which\s+)?"
                   r"(?P<who>(?:he|she|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,5}?)"
                   r"\s+(?:had|have|has)\s+set\b")  # fmt: skip
_SETTING = Pattern(r"\b(?:set|agreed\s+(?:on|to\s+set)|have\s+set|has\s+set)\s+(?:(?:the|a|an|"
                   r"their|a\s+new|the\s+new)\s+)?(?:goal|target|task)\b")  # fmt: skip


def _before_verb(ctx: Context, sentence: str, at: int) -> list[str]:
    """The people the clause before ``at`` names (its subject), full names."""
    clause = re.split(r"[;:]|\.\s", sentence[:at])[-1]
    return [e.name for _, e in ctx.gaz.find("people", clause)]


def _names(ctx: Context, sentence: str, phrase: str) -> str:
    """A phrase naming people (full names, as replies name people), with pronouns resolved to
    the sentence's subject."""
    names = [e.name for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her|he|she)\b", phrase):
        entry = subject_entry(ctx, sentence)
        names.insert(0, entry.name if entry else subject(ctx, sentence))
    return " and ".join(n for n in names if n) if names else phrase.strip()


def _setters(ctx: Context, sentence: str, phrase: str) -> dict[str, Any]:
    """``_names`` as parts: canonical people, or the phrase when it names nobody."""
    names = [e.name for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her|he|she)\b", phrase):
        entry = subject_entry(ctx, sentence)
        names.insert(0, entry.name if entry else "")
    names = [n for n in names if n]
    if names:
        return {"set_by": tuple(names)}
    return {"set_by_phrase": re.sub(r"^the\s+", "", phrase.strip(), flags=re.I)}


def _amount_parts(m: re.Match[str], s: str = "") -> dict[str, Any]:
    """Number, unit and currency of a money match, as ``_amount`` reads them."""
    text = _amount(m, s)
    unit = UNITS.get(m.group("unit").lower(), m.group("unit").lower())
    currency = text.rsplit(" ", 1)[-1] if text.count(" ") > 1 else ""
    currency = "USD" if text.startswith("$") else currency
    return {"n": m.group("n").replace(",", "."), "unit": unit, "currency": currency}


def _amount(m: re.Match[str], s: str = "") -> str:
    """The amount in English: '$200 billion', '1.7 trillion yuan'; a currency named before the
    amount in its sentence counts ("in yuan it comes to about 1.7 trillion")."""
    n, unit = m.group("n").replace(",", "."), m.group("unit").lower()
    unit = UNITS.get(unit, unit)
    cur = (m.group("cur") or "").lower()
    pre = (m.group("pre") or "").strip().upper()
    if not cur and not pre and s:
        before = list(_CURRENCY_BEFORE.finditer(s[: m.start()]))
        cur = before[-1].group("cur").lower() if before else ""
    if "$" in pre or "USD" in pre or "dollar" in cur or "usd" in cur:
        return f"${n} {unit}"
    if "yuan" in cur or "rmb" in cur or pre in ("¥", "RMB"):
        return f"{n} {unit} yuan"
    if "rub" in cur or "roub" in cur or cur.startswith("rbl"):
        return f"{n} {unit} rubles"
    return f"{n} {unit}"


def _number(m: re.Match[str]) -> float:
    scale = {"trillion": 1e12, "tln": 1e12, "trln": 1e12, "billion": 1e9, "bln": 1e9, "bn": 1e9,
             "million": 1e6}  # fmt: skip
    return float(m.group("n").replace(",", ".")) * scale[m.group("unit").lower()]


def _period(ctx: Context, s: str, m: re.Match[str], last: _Period | None = None) -> _Period:
    """The period an amount is for, the nearest the sentence gives: the first N months of a
    year, a range of months ("January-August"), by a year, a year ("last year"); "over the same
    period" is the previous amount's."""
    if _BACK_THEN.match(s):  # "By then trade had already passed $200 billion": some earlier
        return _Period("", None)  # time the sentence does not name, not the meeting's year
    found: list[tuple[int, int, _Period]] = []  # (start, end, period)
    for months in re.finditer(r"\bfirst (\w+) months(?: of (?:(this|last|the) year|(\d{4})))?", s,
                              re.I):  # fmt: skip
        year = (
            int(months.group(3))
            if months.group(3)
            else (relative_year(months.group(), ctx.year) or relative_year(s, ctx.year) or ctx.year)
        )
        n = months.group(1)
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
        parts = {"period": "months", "months": count, "period_year": year}
        text = f"in the first {n} months of {year}"
        found.append((months.start(), months.end(), _Period(text, year, parts if count and year
                                                                   else {})))  # fmt: skip
    for span in _RANGE.finditer(s):
        a = next(
            k for k, name in enumerate(MONTH_NAMES, 1) if name.startswith(span.group("a").title())
        )
        b = next(
            k for k, name in enumerate(MONTH_NAMES, 1) if name.startswith(span.group("b").title())
        )
        # "January-September this year": the range and its year are one period
        tail = _OF_YEAR.match(s, span.end()) if not span.group("y") else None
        said = relative_year(tail.group(), ctx.year) if tail else None
        year = (int(span.group("y")) if span.group("y") else said or relative_year(s, ctx.year)
                or ctx.year)  # fmt: skip
        if year and b >= a:
            text = f"in {MONTH_NAMES[a - 1]}-{MONTH_NAMES[b - 1]} {year}"
            parts = {"period": "months", "months": b - a + 1, "period_year": year, "from_month": a}
            found.append((span.start(), tail.end() if tail and said else span.end(),
                          _Period(text, year, parts)))  # fmt: skip
    for quarter in _QUARTER.finditer(s):
        n = int(quarter.group("q") or ORDINAL_WORDS.get(quarter.group("ord").lower())
                or quarter.group("ord")[0])  # fmt: skip
        year = int(quarter.group("y"))
        text = f"in the {_QUARTERS[n - 1]} quarter of {year}"
        parts = {"period": "months", "months": 3, "period_year": year, "from_month": 3 * n - 2}
        found.append((quarter.start(), quarter.end(), _Period(text, year, parts)))
    for month in _MONTH_OF.finditer(s):  # "December 2026: $24.1 billion": that month's
        if any(a <= month.start() < b for a, b, _ in found) or _RANGE.match(s, month.start()):
            continue
        k, year = MONTH_NAMES.index(month.group("m")) + 1, int(month.group("y"))
        parts = {"period": "months", "months": 1, "period_year": year, "from_month": k}
        found.append((month.start(), month.end(), _Period(f"in {month.group()}", year, parts)))
    for run in _RUN.finditer(s):  # the latest of several years, which the text does not name
        n = _run_length(run.group("n"))
        held = _Period(
            " ".join(run.group().split()), None, {"period": "run", "run": n} if n else {}
        )
        found.append((run.start(), run.end(), held))
    if last is not None:
        for same in re.finditer(r"\b(?:over|in|for)\s+the\s+same\s+period\b", s, re.I):
            found.append((same.start(), same.end(), last))
    by = re.search(r"\bby (\d{4})\b", s[m.end() :])
    if by:
        year = int(by.group(1))
        by_year = _Period(f"by {year}", year, {"period": "by", "period_year": year})
        found.append((m.end() + by.start(), m.end() + by.end(), by_year))
    for rel in re.finditer(r"\b(?:this|next|last|previous|the\s+coming|the\s+following)\s+year\b"
                           r"(?!['’]s\s+(?:meeting|schedule))", s, re.I):  # fmt: skip
        if any(a <= rel.start() < b for a, b, _ in found):
            continue
        year = relative_year(rel.group(), ctx.year)
        if year is not None:
            found.append(
                (
                    rel.start(),
                    rel.end(),
                    _Period(f"in {year}", year, {"period": "year", "period_year": year}),
                )
            )
    for y in re.finditer(r"(?<![\d.,$-])((?:19|20)\d\d)(?![\d%])", s):
        if (
            any(a <= y.start() < b for a, b, _ in found)
            or y.start() < m.end()
            and y.end() > m.start()
        ):
            continue
        year = int(y.group(1))
        found.append(
            (
                y.start(),
                y.end(),
                _Period(f"in {year}", year, {"period": "year", "period_year": year}),
            )
        )
    if not found:
        return _Period("", ctx.year)

    def distance(item: tuple[int, int, _Period]) -> int:
        start, end, _ = item
        between = s[end : m.start()] if end <= m.start() else s[m.end() : start]
        # a period in another clause is the last resort: "Last year trade grew to $190 billion,
        # an increase of 29.3 percent, and this year it will be higher still"
        other = 1000 if re.search(r",\s+(?:and|but|while)\s+|;", between) else 0
        if end <= m.start():
            return other + m.start() - end + 5  # a period before the amount: a little less likely
        return other + max(0, start - m.end())

    return min(found, key=distance)[2]


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'годовая цель по товарообороту в 200 млрд долларов США достигнута за первые 11 месяцев
    2023 г. (цель поставили Си Цзиньпин и Путин)'."""
    amount = r.fill("amount", n=decimal(p.n), unit=r.vocab("units", p.unit),
                    currency=r.vocab("currencies", p.currency)) if p.n else ""  # fmt: skip
    year = str(p.period_year) if p.period_year is not None else ""
    period = ""
    if p.period == "months" and p.from_month and p.months == 1:
        period = r.fill("period_month", month=r.vocab("months_gen", MONTH_NAMES[p.from_month - 1]),
                        year=year)  # fmt: skip
    elif p.period == "months" and p.months == 3 and p.from_month in (1, 4, 7, 10):
        period = r.fill("period_quarter", n=str((p.from_month + 2) // 3), year=year)
    elif p.period == "months" and p.from_month and p.from_month + (p.months or 1) - 1 <= 12:
        start = p.from_month
        period = r.fill("period_range", start=r.vocab("months_gen", MONTH_NAMES[start - 1]),
                        end=r.vocab("months_gen", MONTH_NAMES[start + (p.months or 1) - 2]),
                        year=year)  # fmt: skip
    elif p.period == "months":
        period = r.fill("period_months", months=r.plural("month", p.months or 0), year=year)
    elif p.period in ("year", "by"):
        period = r.fill(f"period_{p.period}", year=year)
    elif p.period == "run" and p.run:
        period = r.fill("period_run", n=str(p.run))
    set_by = r.people(p.set_by, "nom") or r.vocab("set_by", p.set_by_phrase)
    approx = {"more": r.word("more"), "less": r.word("less")}.get(p.approx, "")
    template = {"volume": "trade_volume", "target": "trade_target", "growth": "trade_growth",
                "target reached": "trade_target_reached"}[f.qualifier]  # fmt: skip
    if f.qualifier == "target reached" and p.annual:
        template = "trade_annual_target_reached"
    growth = ""
    if p.growth:
        down = p.growth.startswith("-")
        growth = r.fill("decline" if down else "growth", pct=decimal(p.growth.lstrip("-")))
    if p.subject and f.qualifier == "volume":
        return r.fill("trade_flow", subject=r.vocab("trade_subjects", p.subject), amount=amount,
                      period=period, approx=approx, growth=growth)  # fmt: skip
    return r.fill(template, amount=amount, period=period, set_by=set_by, approx=approx,
                  growth=growth)  # fmt: skip
