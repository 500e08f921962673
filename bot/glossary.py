"""Russian replies: the glossary (``bot/data/glossary.yaml``) and ``Glossary.render(fact)``.

Facts keep English ``display`` strings; for Russian the glossary builds a phrase from the fact's
structured fields (``number``, ``year``, ``qualifier``, ``parts``) with templates and small
vocabularies of genre terms. Nothing here translates whole English sentences: a term the glossary
lacks is reported (``Rendering.missing``) and the caller falls back to the English display.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DataError
from .facts import Fact, FactKind
from .gazetteer import Gazetteer
from .text import format_date
from .yamlio import load_yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "glossary.yaml"
FORMS = ("nom", "gen", "dat", "acc", "ins", "loc")
# Phrase vocabularies: English term -> Russian, in the grammatical case their template slot needs.
VOCABS = ("roles", "titles", "groups", "visit_kinds", "visit_lengths", "units", "currencies",
          "set_by", "anniversary_of", "years_of", "event_names", "aid_offers",
          "aid_conditions", "invite_actions", "weekdays", "months", "words")  # fmt: skip
# Words the code asks for by key (so a missing one is a load error, not a silent gap).
WORDS = ("ready_m", "ready_f", "more", "less")
PLURALS = ("month",)
# Template id -> the placeholders it may use. Every id is required.
TEMPLATES: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "person": {"name", "role"},
        "undated_meeting": {"weekday"},
        "no_date": set(),
        "visit": {"length", "kind", "by", "to"},
        "regular_meeting": {"n", "held"},
        "amount": {"n", "unit", "currency"},
        "period_year": {"year"},
        "period_months": {"months", "year"},
        "period_by": {"year"},
        "trade_volume": {"period", "approx", "amount"},
        "trade_target": {"amount", "period", "set_by"},
        "trade_target_reached": {"amount", "period", "set_by"},
        "trade_annual_target_reached": {"amount", "period", "set_by"},
        "anniversary": {"n", "of", "year"},
        "synergy": {"a", "b"},
        "event_when": {"event", "when"},
        "month_year": {"month", "year"},
        "year": {"year"},
        "plenary_session": {"ord", "cc"},
        "party_congress": {"ord"},
        "belt_and_road_forum": {"ord"},
        "five_year_plan": {"ord"},
        "years_of": {"what", "span"},
        "two_sessions": set(),
        "greeting_conveyed": {"sender", "via", "to"},
        "greeting_own": {"sender", "to"},
        "greeting_asked": {"sender", "via", "to"},
        "condolence": {"who", "disaster", "magnitude", "where"},
        "aid": {"who", "ready", "offer", "condition"},
        "aid_plain": {"who"},
        "invitation": {"host", "guest", "action", "event"},
        "invite_event": {"event", "when"},
        "invitation_passive": {"guest", "action", "event"},
        "invite_visit": {"dest"},
    }.items()
}
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True, slots=True)
class Rendering:
    """A fact in Russian, and what the glossary lacked to write it ("section: term")."""

    text: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocab:
    """English term -> Russian; lookups ignore case and match whole tokens, longest first."""

    terms: dict[tuple[str, ...], str]

    def phrase(self, english: str) -> tuple[str, list[str]]:
        """(Russian, unknown English tokens): greedy longest-match over the phrase's tokens."""
        toks = _tokens(english)
        longest = max((len(k) for k in self.terms), default=0)
        out: list[str] = []
        unknown: list[str] = []
        i = 0
        while i < len(toks):
            for n in range(min(longest, len(toks) - i), 0, -1):
                ru = self.terms.get(tuple(toks[i : i + n]))
                if ru is not None:
                    if ru:
                        out.append(ru)
                    i += n
                    break
            else:
                unknown.append(toks[i])
                i += 1
        text = " ".join(out).replace(" ,", ",")
        return text, unknown


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class Glossary:
    """Templates, case forms of names and vocabularies for Russian replies."""

    templates: dict[str, str]
    names: dict[str, dict[str, str]]
    vocabs: dict[str, Vocab]
    plurals: dict[str, tuple[str, str, str]]
    latin_ok: frozenset[str] = field(default_factory=frozenset)

    def render(self, fact: Fact, gaz: Gazetteer) -> Rendering:
        """``fact`` in Russian; ``missing`` names each glossary entry it lacked."""
        r = _Renderer(self, gaz)
        text = _RENDERERS[fact.kind](r, fact)
        text = re.sub(r"\s+,", ",", " ".join(text.split()))
        return Rendering(text, tuple(dict.fromkeys(r.missing)))

    def word(self, section: str, english: str) -> str:
        """One term of a vocabulary in Russian, or the English term when it is missing."""
        ru, unknown = self.vocabs[section].phrase(english)
        return english if unknown else ru

    def allowed_latin(self, gaz: Gazetteer) -> frozenset[str]:
        """Latin words a Russian reply may contain: the glossary's list and the gazetteer's
        Russian names that are written in Latin letters (CGTN, G20)."""
        words = {w.lower() for w in self.latin_ok}
        for entries in gaz.sections.values():
            words |= {w.lower() for e in entries for w in _LATIN_WORD.findall(e.ru)}
        return frozenset(words)


def untranslated(text: str, allowed: Iterable[str]) -> list[str]:
    """English words (3+ Latin letters) in a Russian ``text`` other than the ``allowed`` ones."""
    ok = {w.lower() for w in allowed}
    return [w for w in _LATIN_WORD.findall(text) if w.lower() not in ok]


def check_facts(glossary: Glossary, gaz: Gazetteer, facts: Iterable[Fact]) -> list[str]:
    """One line per fact that would not be shown fully in Russian (missing entry or English)."""
    allowed = glossary.allowed_latin(gaz)
    problems = []
    for f in facts:
        r = glossary.render(f, gaz)
        where = f"{f.article}#{f.sentence} {f.kind} {f.value!r}"
        problems += [f"{where}: glossary lacks {m}" for m in r.missing]
        english = untranslated(r.text, allowed)
        if english:
            problems.append(f"{where}: English words in {r.text!r}: {' '.join(english)}")
    return problems


# --- rendering ---------------------------------------------------------------------------------


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
    whole = terms.get(tuple(_tokens(role)))
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
        event = r.fill("invite_event", event=_event_name(r, f, "event_"), when=_when(r, f, "event_"))
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


# --- loading -------------------------------------------------------------------------------------


def load_glossary(path: Path = DEFAULT_PATH) -> Glossary:
    """Load and validate the glossary file."""
    return glossary_from_data(load_yaml(path), path)


def glossary_from_data(data: Any, path: Path | str = DEFAULT_PATH) -> Glossary:
    """Validate parsed glossary data (the fact table keeps a copy, as it does the gazetteer)."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataError(path, "must be a mapping with version: 1")
    known = {"version", "templates", "names", "plurals", "latin_ok", *VOCABS}
    unknown = set(data) - known
    if unknown:
        raise DataError(path, f"unknown section(s): {', '.join(sorted(map(str, unknown)))}")
    return Glossary(
        templates=_templates(path, data.get("templates")),
        names=_names(path, data.get("names")),
        vocabs={s: _vocab(path, s, data.get(s)) for s in VOCABS},
        plurals=_plurals(path, data.get("plurals")),
        latin_ok=frozenset(_strings(path, "latin_ok", data.get("latin_ok") or [])),
    )


def _mapping(path: Path | str, section: str, raw: Any) -> dict[Any, Any]:
    if not isinstance(raw, dict) or not raw:
        raise DataError(path, "must be a non-empty mapping", section)
    return raw


def _templates(path: Path | str, raw: Any) -> dict[str, str]:
    raw = _mapping(path, "templates", raw)
    for key in TEMPLATES:
        if key not in raw:
            raise DataError(path, "required template missing", f"templates: {key}")
    out = {}
    for key, text in raw.items():
        where = f"templates: {key}"
        if key not in TEMPLATES:
            raise DataError(path, f"unknown template (known: {', '.join(sorted(TEMPLATES))})", where)
        if not isinstance(text, str) or not text.strip():
            raise DataError(path, "must be a non-empty string", where)
        if text.count("[") != text.count("]") or re.search(r"\[[^\]]*\[", text):
            raise DataError(path, "unbalanced or nested [optional] brackets", where)
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as exc:
            raise DataError(path, f"bad placeholder: {exc}", where) from None
        extra = used - TEMPLATES[key]
        if extra:
            raise DataError(path, f"unknown placeholder(s) {sorted(extra)}; allowed: "
                                  f"{sorted(TEMPLATES[key])}", where)  # fmt: skip
        out[key] = text
    return out


def _names(path: Path | str, raw: Any) -> dict[str, dict[str, str]]:
    out = {}
    for name, forms in _mapping(path, "names", raw).items():
        where = f"names: {name!r}"
        if not isinstance(name, str) or not isinstance(forms, dict) or not forms:
            raise DataError(path, "must be name: {case: form, ...}", where)
        for form, text in forms.items():
            if form == "gender" and text in ("m", "f"):
                continue
            if form not in FORMS or not isinstance(text, str) or not text:
                raise DataError(path, f"unknown case {form!r} or empty form (cases: "
                                      f"{', '.join(FORMS)}; gender: m|f)", where)  # fmt: skip
        out[name] = {str(k): str(v) for k, v in forms.items()}
    return out


def _vocab(path: Path | str, section: str, raw: Any) -> Vocab:
    terms: dict[tuple[str, ...], str] = {}
    for english, entry in _mapping(path, section, raw).items():
        where = f"{section}: {english!r}"
        if isinstance(entry, str) or entry is None:
            ru, aliases = entry or "", []
        elif isinstance(entry, dict) and set(entry) <= {"ru", "aliases"}:
            ru, aliases = entry.get("ru") or "", entry.get("aliases") or []
        else:
            raise DataError(path, "must be a Russian string or {ru, aliases}", where)
        if not isinstance(ru, str) or not isinstance(aliases, list):
            raise DataError(path, "ru must be a string and aliases a list", where)
        for alias in [english, *aliases]:
            key = tuple(_tokens(str(alias)))
            if not key:
                raise DataError(path, "empty term", where)
            if key in terms:
                raise DataError(path, f"term {alias!r} defined twice", where)
            terms[key] = ru
    if section == "words":
        for key in WORDS:
            if (key,) not in terms:
                raise DataError(path, "required word missing", f"words: {key}")
    return Vocab(terms)


def _plurals(path: Path | str, raw: Any) -> dict[str, tuple[str, str, str]]:
    out = {}
    for key, forms in _mapping(path, "plurals", raw).items():
        if not isinstance(forms, list) or len(forms) != 3 or not all(isinstance(x, str) for x in forms):
            raise DataError(path, "must be [one, few, many] (месяц, месяца, месяцев)", f"plurals: {key}")
        out[str(key)] = (forms[0], forms[1], forms[2])
    for key in PLURALS:
        if key not in out:
            raise DataError(path, "required plural missing", f"plurals: {key}")
    return out


def _strings(path: Path | str, section: str, raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise DataError(path, "must be a list of non-empty strings", section)
    return raw


__all__ = ["DEFAULT_PATH", "Glossary", "Rendering", "check_facts", "glossary_from_data",
           "load_glossary", "untranslated"]  # fmt: skip
