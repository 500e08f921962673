"""``Russian``: what a fact kind writes Russian with (templates, names in cases, vocabularies).

Facts keep English ``display`` strings; for Russian each kind (``bot/kinds/``) builds a phrase
from the fact's fields and typed parts with these lookups into the glossary. Nothing here
translates whole English sentences: a term the glossary lacks is recorded (``missing``, which
``python -m bot build`` lists) and kept as a quoted name («Harbin Trade Fair»), so a Russian
sentence never mixes languages.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .glossary import Glossary, tokens
from .lazyre import lazy_re

_OPTIONAL = lazy_re(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Rendering:
    """A fact in Russian, and what the glossary lacked to write it ("section: term")."""

    text: str
    missing: tuple[str, ...] = ()


class Russian:
    """Lookups into the glossary that record what is missing instead of failing."""

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
        return str(self.gaz.ru(canonical) or quoted(canonical))

    def plain(self, canonical: str) -> str:
        """A gazetteer name as the gazetteer writes it in Russian."""
        ru = self.gaz.ru(canonical) or self.g.names.get(canonical, {}).get("nom")
        if ru is None:
            self.missing.append(f"gazetteer: {canonical}")
            return quoted(canonical)
        return ru

    def vocab(self, section: str, english: str) -> str:
        """A phrase through one vocabulary; unknown tokens are recorded as missing."""
        if not english:
            return ""
        ru, unknown = self.g.vocabs[section].phrase(english)
        if unknown:
            self.missing.append(f"{section}: {english!r} (unknown: {' '.join(unknown)})")
            return quoted(english)
        return ru

    def term(self, section: str, english: str) -> str | None:
        """A whole term of a vocabulary (no phrase building), or None."""
        return self.g.vocabs[section].terms.get(tuple(tokens(english)))

    def word(self, key: str) -> str:
        """A word the code asks for by key (a kind's ``Needs.words``, checked at load)."""
        return self.g.vocabs["words"].terms[(key,)]

    def plural(self, key: str, n: int) -> str:
        """'11 месяцев', '3 месяца', '1 месяц'."""
        one, few, many = self.g.plurals[key]
        if n % 10 == 1 and n % 100 != 11:
            return f"{n} {one}"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return f"{n} {few}"
        return f"{n} {many}"

    def role(self, role: str) -> str:
        """A person's role: a whole role from ``roles``, else 'Title of Country' from ``titles``
        and the country's genitive ("вице-премьер России")."""
        whole = self.term("roles", role)
        if whole is not None:
            return whole
        m = re.fullmatch(r"(?P<title>.+) (?P<prep>of|to) (?P<country>[A-Z][\w ]+)", role)
        if m and m.group("country") in self.g.names:
            # "Ambassador to China": "посол в Китае"; "Foreign Minister of China": "... Китая"
            case = "loc" if m.group("prep") == "to" else "gen"
            return f"{self.vocab('titles', m.group('title'))} {self.name(m.group('country'), case)}"
        if m and m.group("prep") == "of" and re.fullmatch(r"[A-Z]{2,6}", m.group("country")):
            # "Chairman of RCTPA": an organisation by its letters, as the article writes them
            return f"{self.vocab('titles', m.group('title'))} {quoted(m.group('country'))}"
        return self.vocab("titles", role)

    def people(self, names: tuple[str, ...], form: str) -> str:
        """'Си Цзиньпин и Путин'."""
        return " и ".join(self.name(n, form) for n in names)

    def female(self, canonical: str) -> bool:
        """True when the glossary says the name is grammatically feminine (Россия)."""
        return self.g.names.get(canonical, {}).get("gender") == "f"


def quoted(name: str) -> str:
    """A name or term the glossary lacks, as a Russian reply shows it: «as written»."""
    return "«" + name.strip().replace("«", "").replace("»", "").strip("\"“”'") + "»"


def decimal(value: str) -> str:
    """'146.9' -> '146,9' (Russian decimal comma)."""
    return value.replace(".", ",")


def capital(text: str) -> str:
    """Sentence-like facts start with a capital, as their English displays do."""
    return text[:1].upper() + text[1:]


__all__ = ["Rendering", "Russian", "capital", "decimal", "quoted"]
