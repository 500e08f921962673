"""Facts in Russian: ``render(glossary, fact, gaz)`` and ``check_facts`` over a fact table.

Facts keep English ``display`` strings; for Russian a phrase is built from the fact's structured
fields (``number``, ``year``, ``qualifier``, ``parts``) with the glossary's templates, case forms
and vocabularies. Nothing here translates whole English sentences: a term the glossary lacks is
reported (``Rendering.missing``) and the caller falls back to the English display.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .facts import Fact, FactKind
from .gazetteer import Gazetteer
from .glossary import TEMPLATES, Glossary, tokens, untranslated
from .text import format_date

_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Rendering:
    """A fact in Russian, and what the glossary lacked to write it ("section: term")."""

    text: str
    missing: tuple[str, ...] = ()


def render(glossary: Glossary, fact: Fact, gaz: Gazetteer) -> Rendering:
    """``fact`` in Russian; ``missing`` names each glossary entry it lacked."""
    r = _Renderer(glossary, gaz)
    text = _RENDERERS[fact.kind](r, fact)
    text = re.sub(r"\s+,", ",", " ".join(text.split()))
    return Rendering(text, tuple(dict.fromkeys(r.missing)))


def check_facts(glossary: Glossary, gaz: Gazetteer, facts: Iterable[Fact]) -> list[str]:
    """One line per fact that would not be shown fully in Russian (missing entry or English)."""
    allowed = glossary.allowed_latin(gaz)
    problems = []
    for f in facts:
        r = render(glossary, f, gaz)
        where = f"{f.article}#{f.sentence} {f.kind} {f.value!r}"
        problems += [f"{where}: glossary lacks {m}" for m in r.missing]
        english = untranslated(r.text, allowed)
        if english:
            problems.append(f"{where}: English words in {r.text!r}: {' '.join(english)}")
    return problems


class _Renderer:
    """Lookups that record what is missing instead of failing."""

    def __init__(self, glossary: Glossary, gaz: Gazetteer):
        self.g = glossary
        self.gaz = gaz
        self.missing: list[str] = []

    def fill(self, template_id: str, **slots: str) -> str:
        """The template with ``[optional parts]`` dropped when any slot in them is empty."""
        template = self.g.templates[template_id]

        def optional(m: re.Match[str]) -> str:
            names = [f for _, f, _, _ in string.Formatter().parse(m.group(1)) if f]
            return m.group(1) if all(slots.get(n) for n in names) else ""

        return _OPTIONAL.sub(optional, template).format(**slots)

    def name(self, canonical: str, form: str = "nom") -> str:
        """A gazetteer name in a grammatical case; the nominative may come from the gazetteer."""
        if not canonical:
            return ""
        forms = self.g.names.get(canonical, {})
        if form in forms:
            return forms[form]
        if form == "nom" and self.gaz.ru(canonical):
            return str(self.gaz.ru(canonical))
        self.missing.append(f"names: {canonical} ({form})")
        return canonical

    def plain(self, canonical: str) -> str:
        """A gazetteer name as the gazetteer writes it in Russian."""
        ru = self.gaz.ru(canonical) or self.g.names.get(canonical, {}).get("nom")
        if ru is None:
            self.missing.append(f"gazetteer: {canonical}")
            return canonical
        return ru

    def vocab(self, section: str, english: str) -> str:
        """A phrase through one vocabulary; unknown tokens are recorded as missing."""
        if not english:
            return ""
        ru, unknown = self.g.vocabs[section].phrase(english)
        if unknown:
            self.missing.append(f"{section}: {english!r} (unknown: {' '.join(unknown)})")
            return english
        return ru

    def word(self, key: str) -> str:
        """A word the code asks for by key (validated at load)."""
        return self.g.vocabs["words"].terms[(key,)]

    def plural(self, key: str, n: int) -> str:
        """'11 месяцев', '3 месяца', '1 месяц'."""
        one, few, many = self.g.plurals[key]
        if n % 10 == 1 and n % 100 != 11:
            return f"{n} {one}"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return f"{n} {few}"
        return f"{n} {many}"

    def people(self, names: list[str], form: str) -> str:
        """'Си Цзиньпин и Путин'."""
        return " и ".join(self.name(n, form) for n in names)


def _number(value: str) -> str:
    """'146.9' -> '146,9' (Russian decimal comma)."""
    return value.replace(".", ",")


def _when(r: _Renderer, f: Fact, prefix: str = "") -> str:
    month, year = f.part(prefix + "when_month"), f.part(prefix + "when_year")
    if month and year:
        return r.fill("month_year", month=r.vocab("months", month), year=year)
    return r.fill("year", year=year) if year else ""


def _meeting(r: _Renderer, f: Fact) -> str:
    if f.value:
        return format_date(date.fromisoformat(f.value), "ru")
    if f.qualifier:
        return r.fill("undated_meeting", weekday=r.vocab("weekdays", f.qualifier))
    return r.fill("no_date")


def _person(r: _Renderer, f: Fact) -> str:
    if f.qualifier == "delegation":
        return r.vocab("groups", f.value)
    role = f.part("role")
    return r.fill("person", name=r.plain(f.value), role=_role(r, role) if role else "")


def _role(r: _Renderer, role: str) -> str:
    """A whole role from ``roles``, else 'Title of Country' from ``titles`` and a genitive."""
    terms = r.g.vocabs["roles"].terms
    whole = terms.get(tuple(tokens(role)))
    if whole is not None:
        return whole
    m = re.fullmatch(r"(?P<title>.+) of (?P<country>[A-Z][\w ]+)", role)
    if m and m.group("country") in r.g.names:
        return f"{r.vocab('titles', m.group('title'))} {r.name(m.group('country'), 'gen')}"
    return r.vocab("titles", role)


def _occasion(r: _Renderer, f: Fact) -> str:
    if f.part("type") == "regular meeting":
        held = f.part("held")
        return r.fill("regular_meeting", n=f"{f.number:g}" if f.number else "",
                      held=format_date(date.fromisoformat(held), "ru") if held else "")  # fmt: skip
    return r.fill("visit", length=r.vocab("visit_lengths", f.part("length")),
                  kind=r.vocab("visit_kinds", f.qualifier), by=r.name(f.part("by"), "gen"),
                  to=r.name(f.part("to"), "acc"))  # fmt: skip


def _trade(r: _Renderer, f: Fact) -> str:
    amount = r.fill("amount", n=_number(f.part("n")), unit=r.vocab("units", f.part("unit")),
                    currency=r.vocab("currencies", f.part("currency")))  # fmt: skip
    period_kind, year = f.part("period"), f.part("period_year")
    period = ""
    if period_kind == "months":
        period = r.fill("period_months", months=r.plural("month", int(f.part("months"))), year=year)
    elif period_kind in ("year", "by"):
        period = r.fill(f"period_{period_kind}", year=year)
    set_by = r.people(f.all_parts("set_by"), "nom") or r.vocab("set_by", f.part("set_by_phrase"))
    approx = {"more": r.word("more"), "less": r.word("less")}.get(f.part("approx"), "")
    template = {"volume": "trade_volume", "target": "trade_target",
                "target reached": "trade_target_reached"}[f.qualifier]  # fmt: skip
    if f.qualifier == "target reached" and f.part("annual"):
        template = "trade_annual_target_reached"
    return r.fill(template, amount=amount, period=period, set_by=set_by, approx=approx)


def _anniversary(r: _Renderer, f: Fact) -> str:
    return r.fill("anniversary", n=f"{f.number:g}" if f.number else "",
                  of=r.vocab("anniversary_of", f.part("of")), year=str(f.year or ""))  # fmt: skip


def _initiative(r: _Renderer, f: Fact) -> str:
    if f.part("type") == "synergy":
        return r.fill("synergy", a=r.name(f.part("a"), "gen"), b=r.name(f.part("b"), "ins"))
    return r.plain(f.value)


def _event_name(r: _Renderer, f: Fact, prefix: str = "") -> str:
    kind = f.part(prefix + "type")
    if kind == "named":
        return r.vocab("event_names", f.part(prefix + "name"))
    if kind == "years_of":
        return r.fill("years_of", what=r.vocab("years_of", f.part(prefix + "what")),
                      span=f.part(prefix + "span").replace("-", "–"))  # fmt: skip
    if kind not in TEMPLATES:
        r.missing.append(f"templates: event type {kind!r}")
        return f.value
    return r.fill(kind, ord=f.part(prefix + "ord"), cc=f.part(prefix + "cc"))


def _event(r: _Renderer, f: Fact) -> str:
    return r.fill("event_when", event=_event_name(r, f), when=_when(r, f))


def _greeting(r: _Renderer, f: Fact) -> str:
    form = f.part("form")
    sender, via, to = f.part("sender"), f.part("via"), f.part("to")
    if form == "asked":
        return r.fill("greeting_asked", sender=r.name(sender), via=r.name(via, "acc"),
                      to=r.name(to, "dat"))  # fmt: skip
    if form == "own":
        return r.fill("greeting_own", sender=r.name(sender), to=r.name(to, "dat"))
    return r.fill("greeting_conveyed", sender=r.name(sender, "gen"), via=r.name(via),
                  to=r.name(to, "dat"))  # fmt: skip


def _condolence(r: _Renderer, f: Fact) -> str:
    where = " и ".join(r.name(x, "loc") for x in f.all_parts("region"))
    return r.fill("condolence", who=r.name(f.part("who")),
                  disaster=r.name(f.part("disaster"), "ins"),
                  magnitude=_number(f"{f.number:g}") if f.number else "", where=where)  # fmt: skip


def _aid(r: _Renderer, f: Fact) -> str:
    who = f.part("who")
    offer = f.part("offer")
    if not offer:
        return r.fill("aid_plain", who=r.name(who))
    female = r.g.names.get(who, {}).get("gender") == "f"
    return r.fill("aid", who=r.name(who), ready=r.word("ready_f" if female else "ready_m"),
                  offer=r.vocab("aid_offers", offer),
                  condition=r.vocab("aid_conditions", f.part("condition")))  # fmt: skip


def _invitation(r: _Renderer, f: Fact) -> str:
    verb, dest = f.part("action"), f.part("dest")
    action = ""
    if verb == "visit" and dest:
        action = r.fill("invite_visit", dest=r.name(dest, "acc"))
    elif verb:
        action = r.vocab("invite_actions", verb)
    event = ""
    if f.part("event_type"):
        event = r.fill("invite_event", event=_event_name(r, f, "event_"),
                       when=_when(r, f, "event_"))  # fmt: skip
    host, guest = f.part("host"), f.part("guest")
    if host:
        return r.fill("invitation", host=r.name(host), guest=r.name(guest, "acc"), action=action,
                      event=event)  # fmt: skip
    return r.fill("invitation_passive", guest=r.name(guest), action=action, event=event)


def _capitalised(render: Callable[[_Renderer, Fact], str]) -> Callable[[_Renderer, Fact], str]:
    """Sentence-like facts start with a capital, as their English displays do."""

    def wrapped(r: _Renderer, f: Fact) -> str:
        text = render(r, f)
        return text[:1].upper() + text[1:]

    return wrapped


_RENDERERS: dict[FactKind, Callable[[_Renderer, Fact], str]] = {
    FactKind.MEETING: _meeting,
    FactKind.VENUE: lambda r, f: r.plain(f.value),
    FactKind.PERSON: _person,
    FactKind.OCCASION: _occasion,
    FactKind.TRADE: _trade,
    FactKind.ANNIVERSARY: _anniversary,
    FactKind.AREA: lambda r, f: r.plain(f.value),
    FactKind.ORGANISATION: lambda r, f: r.plain(f.value),
    FactKind.INITIATIVE: _initiative,
    FactKind.EVENT: _event,
    FactKind.GREETING: _capitalised(_greeting),
    FactKind.CONDOLENCE: _capitalised(_condolence),
    FactKind.AID: _capitalised(_aid),
    FactKind.INVITATION: _capitalised(_invitation),
}


KINDS = frozenset(_RENDERERS)  # every fact kind has a Russian rendering (tests check)

__all__ = ["KINDS", "Rendering", "check_facts", "render"]
