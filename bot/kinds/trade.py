"""Trade volumes and targets: amount, period, whether a target was reached and who set it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import facts
from ..context import Context, short, subject, subject_entry
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, decimal
from ..text import NUMBER_WORDS, Pattern, relative_year, years_in

KIND = FactKind(
    "trade"
)  # number: the amount in units of its currency; qualifier: volume|target|target reached
_SET_BY = {"amount", "period", "set_by"}
DATED = True  # its facts give their own time
NEEDS = needs(
    {
        "amount": {"n", "unit", "currency"},
        "period_year": {"year"},
        "period_months": {"months", "year"},
        "period_by": {"year"},
        "trade_volume": {"period", "approx", "amount"},
        "trade_target": _SET_BY,
        "trade_target_reached": _SET_BY,
        "trade_annual_target_reached": _SET_BY,
    },
    vocabs=["units", "currencies", "set_by"],
    words=["more", "less"],
    plurals=["month"],
)

_MONEY = Pattern(
    r"(?P<pre>(?:US|U\.S\.)?\$|USD\s?|¥|RMB\s?)?\s?(?P<n>\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>trillion|billion|million|bln|bn|tln)\b\s*(?P<cur>(?:U\.S\.\s+)?dollars|yuan|rubles|"
    r"roubles|US dollars|USD)?",
    re.I,
)
_TRADE = Pattern(r"\btrade\b|\bturnover\b|\bcommerce\b|\bexports?\b|\bimports?\b", re.I)
_TARGET = Pattern(r"\btarget\b|\bgoal\b|\btask\b|\baim\b|\bbringing it to\b|\bbring it to\b"
                  r"|\braise it to\b|\bincrease it to\b", re.I)  # fmt: skip
_REACHED = Pattern(r"\b(?:reached|achieved|hit|exceeded|surpassed|topped|amounted to|"
                   r"totall?ed|stood at|grew to|rose to|met)\b", re.I)  # fmt: skip
_APPROX = Pattern(r"\b(?P<more>exceeded|surpassed|more than|over|topped)\b|\b(?P<less>almost|"
                  r"nearly|about|around|approximately)\b", re.I)  # fmt: skip
_UNITS = {"bln": "billion", "bn": "billion", "tln": "trillion"}


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The amount as written (number, unit, currency), its period, and for a target who set it
    (canonical people, or the phrase when it names nobody)."""

    n: str  # "146.9": the number as written, decimal point
    unit: str  # million | billion | trillion
    currency: str = ""  # USD | yuan | rubles
    period: Literal["", "months", "by", "year"] = ""
    months: int | None = None  # "the first 11 months"
    period_year: int | None = None
    approx: Literal["", "more", "less"] = ""  # a volume of "more than" / "almost" the amount
    annual: bool = False  # "the annual trade target"
    set_by: tuple[str, ...] = ()
    set_by_phrase: str = ""


@dataclass(slots=True)
class _Period:
    text: str  # "in the first 11 months of 2023"
    year: int | None
    parts: dict[str, Any] = field(default_factory=dict)


def extract(ctx: Context) -> Iterator[Fact]:
    """Trade volumes and targets: amount, period, and whether a target was reached."""
    sentences = ctx.article.sentences
    for i, s in enumerate(sentences):
        money = list(_MONEY.finditer(s))
        if not money:
            continue
        about_trade = _TRADE.search(s) or (
            i > 0 and _TRADE.search(sentences[i - 1]) and _TARGET.search(s)
        )
        if not about_trade:
            continue
        for m in money:
            amount = _amount(m)
            period = _period(ctx, s, m)
            parts: dict[str, Any] = period.parts | _amount_parts(m)
            near = s[max(0, m.start() - 45) : m.start()] + " " + s[m.end() : m.end() + 8]
            target = bool(_TARGET.search(near))
            reached = bool(_REACHED.search(s[: m.start()]) or re.search(r"\breached\b", s))
            if target and reached:
                qualifier, text = "target reached", f"the {amount} trade target was reached"
                if re.search(r"\bannual\b", s, re.I):
                    text = f"the annual trade target of {amount} was reached"
                    parts["annual"] = True
            elif target:
                qualifier, text = "target", f"a trade target of {amount}"
            else:
                approx = _APPROX.search(s[: m.start()])
                word = ("more than " if approx.group("more") else "almost ") if approx else ""
                if approx:
                    parts["approx"] = "more" if approx.group("more") else "less"
                qualifier, text = "volume", f"trade of {word}{amount}"
            text += f" {period.text}" if period.text else ""
            who = re.search(r"\bset by (?:the )?(?P<who>.+?)(?:,|\.|$| which)", s)
            if who and target:
                text += f" (set by {_names(ctx, s, who.group('who'))})"
                parts |= _setters(ctx, s, who.group("who"))
            yield ctx.fact(
                KIND,
                i,
                f"{qualifier}: {amount}",
                text,
                year=period.year,
                number=_number(m),
                qualifier=qualifier,
                parts=Parts(**parts),
            )


def _names(ctx: Context, sentence: str, phrase: str) -> str:
    """A phrase naming people, with pronouns resolved to the sentence's subject."""
    names = [short(e) for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her)\b", phrase):
        names.insert(0, subject(ctx, sentence))
    return " and ".join(n for n in names if n) if names else phrase.strip()


def _setters(ctx: Context, sentence: str, phrase: str) -> dict[str, Any]:
    """``_names`` as parts: canonical people, or the phrase when it names nobody."""
    names = [e.name for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her)\b", phrase):
        entry = subject_entry(ctx, sentence)
        names.insert(0, entry.name if entry else "")
    names = [n for n in names if n]
    if names:
        return {"set_by": tuple(names)}
    return {"set_by_phrase": re.sub(r"^the\s+", "", phrase.strip(), flags=re.I)}


def _amount_parts(m: re.Match[str]) -> dict[str, Any]:
    """Number, unit and currency of a money match, as ``_amount`` reads them."""
    text = _amount(m)
    unit = _UNITS.get(m.group("unit").lower(), m.group("unit").lower())
    currency = text.rsplit(" ", 1)[-1] if text.count(" ") > 1 else ""
    currency = "USD" if text.startswith("$") else currency
    return {"n": m.group("n").replace(",", "."), "unit": unit, "currency": currency}


def _amount(m: re.Match[str]) -> str:
    """The amount in English: '$200 billion', '1.7 trillion yuan'."""
    n, unit = m.group("n").replace(",", "."), m.group("unit").lower()
    unit = _UNITS.get(unit, unit)
    cur = (m.group("cur") or "").lower()
    pre = (m.group("pre") or "").strip().upper()
    if "$" in pre or "USD" in pre or "dollar" in cur or "usd" in cur:
        return f"${n} {unit}"
    if "yuan" in cur or pre in ("¥", "RMB"):
        return f"{n} {unit} yuan"
    if "rub" in cur or "roub" in cur:
        return f"{n} {unit} rubles"
    return f"{n} {unit}"


def _number(m: re.Match[str]) -> float:
    scale = {"trillion": 1e12, "tln": 1e12, "billion": 1e9, "bln": 1e9, "bn": 1e9, "million": 1e6}
    return float(m.group("n").replace(",", ".")) * scale[m.group("unit").lower()]


def _period(ctx: Context, s: str, m: re.Match[str]) -> _Period:
    """The period an amount is for: the first N months of a year, by a year, or a year."""
    months = re.search(r"\bfirst (\w+) months of (?:(this|last) year|(\d{4}))", s, re.I)
    if months:
        year = int(months.group(3)) if months.group(3) else relative_year(months.group(), ctx.year)
        n = months.group(1)
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
        parts = {"period": "months", "months": count, "period_year": year}
        return _Period(f"in the first {n} months of {year}", year, parts if count and year else {})
    by = re.search(r"\bby (\d{4})\b", s[m.end() :])
    if by:
        return _Period(f"by {by.group(1)}", int(by.group(1)),
                       {"period": "by", "period_year": int(by.group(1))})  # fmt: skip
    year = relative_year(s, ctx.year)
    if year is None:
        years = years_in(s)
        year = years[0] if years else None
    if year is not None:
        return _Period(f"in {year}", year, {"period": "year", "period_year": year})
    return _Period("", ctx.year)


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'годовая цель по товарообороту в 200 млрд долларов США достигнута за первые 11 месяцев
    2023 г. (цель поставили Си Цзиньпин и Путин)'."""
    amount = r.fill("amount", n=decimal(p.n), unit=r.vocab("units", p.unit),
                    currency=r.vocab("currencies", p.currency))  # fmt: skip
    year = str(p.period_year) if p.period_year is not None else ""
    period = ""
    if p.period == "months":
        period = r.fill("period_months", months=r.plural("month", p.months or 0), year=year)
    elif p.period in ("year", "by"):
        period = r.fill(f"period_{p.period}", year=year)
    set_by = r.people(p.set_by, "nom") or r.vocab("set_by", p.set_by_phrase)
    approx = {"more": r.word("more"), "less": r.word("less")}.get(p.approx, "")
    template = {"volume": "trade_volume", "target": "trade_target",
                "target reached": "trade_target_reached"}[f.qualifier]  # fmt: skip
    if f.qualifier == "target reached" and p.annual:
        template = "trade_annual_target_reached"
    return r.fill(template, amount=amount, period=period, set_by=set_by, approx=approx)
