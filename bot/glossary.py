"""The glossary for Russian replies (``bot/data/glossary.yaml``): loading and validation.

It holds templates (filled from a fact's structured fields by ``bot.russian``), case forms of
gazetteer names and small vocabularies of the genre's terms. Errors name file, entry and problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError
from .gazetteer import Gazetteer
from .lazyre import lazy_re
from .text import longest_spans
from .yamlio import check_template, load_yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "glossary.yaml"
FORMS = ("nom", "gen", "dat", "acc", "ins", "loc")


@dataclass(frozen=True, slots=True)
class Needs:
    """What a writer of Russian takes from the glossary; each fact kind declares its own.

    ``templates`` maps a template id to the placeholders it may use; ``vocabs`` are phrase
    vocabularies (English term -> Russian, in the case their template slot needs); ``words``
    are single words the code asks for by key (in the ``words`` vocabulary), ``plurals`` the
    keys of [one, few, many] forms. The glossary file must hold all of them and nothing else.
    """

    templates: Mapping[str, frozenset[str]] = field(default_factory=dict)
    vocabs: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    plurals: frozenset[str] = frozenset()

    def __or__(self, other: Needs) -> Needs:
        for key in self.templates.keys() & other.templates.keys():
            if self.templates[key] != other.templates[key]:
                raise ValueError(f"template {key!r} declared twice with other placeholders")
        return Needs({**self.templates, **other.templates}, self.vocabs | other.vocabs,
                     self.words | other.words, self.plurals | other.plurals)  # fmt: skip

    @property
    def sections(self) -> tuple[str, ...]:
        """The vocabulary sections, ``words`` included when a word is needed, sorted."""
        return tuple(sorted(self.vocabs | ({"words"} if self.words else set())))


def needs(templates: Mapping[str, Iterable[str]] | None = None, vocabs: Iterable[str] = (),
          words: Iterable[str] = (), plurals: Iterable[str] = ()) -> Needs:  # fmt: skip
    """``Needs`` from plain collections: ``needs({"visit": {"kind", "by"}}, vocabs=["units"])``."""
    return Needs({k: frozenset(v) for k, v in (templates or {}).items()}, frozenset(vocabs),
                 frozenset(words), frozenset(plurals))  # fmt: skip


# What replies take from the glossary besides the kinds' needs: month names for "no meeting in
# May" (bot/answer.py).
REPLIES = needs(vocabs=["months"])
_TOKEN = lazy_re(r"[\w’'-]+|[^\w\s]")
_LATIN_WORD = lazy_re(r"[A-Za-z]{3,}")
_QUOTED = lazy_re(r"«[^«»]*»")


@dataclass(frozen=True, slots=True)
class Vocab:
    """English term -> Russian; lookups ignore case and match whole tokens, longest first."""

    terms: dict[tuple[str, ...], str]

    def phrase(self, english: str) -> tuple[str, list[str]]:
        """(Russian, unknown English tokens): greedy longest-match over the phrase's tokens."""
        toks = tokens(english)
        longest = max((len(k) for k in self.terms), default=0)
        out: list[str] = []
        unknown: list[str] = []
        for span, ru in longest_spans(toks, self.terms, longest):
            if ru is None:
                unknown.append(span[0])
            elif ru:
                out.append(ru)
        text = " ".join(out).replace(" ,", ",")
        return text, unknown

    def found(self, text: str) -> list[str]:
        """The Russian of every term ``text`` names (longest first; other words are skipped)."""
        longest = max((len(k) for k in self.terms), default=0)
        return [ru for _, ru in longest_spans(tokens(text), self.terms, longest) if ru]


def tokens(text: str) -> list[str]:
    """Lower-case word and punctuation tokens, as vocabulary terms are matched."""
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class Glossary:
    """Templates, case forms of names and vocabularies for Russian replies."""

    templates: dict[str, str]
    names: dict[str, dict[str, str]]
    vocabs: dict[str, Vocab]
    plurals: dict[str, tuple[str, str, str]]
    latin_ok: frozenset[str] = field(default_factory=frozenset)

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
    text = _QUOTED.sub(" ", text)  # a quoted name or quoted words are shown as written, on purpose
    return [w for w in _LATIN_WORD.findall(text) if w.lower() not in ok]


# --- loading -------------------------------------------------------------------------------------


def load_glossary(needs: Needs, path: Path = DEFAULT_PATH) -> Glossary:
    """Load and validate the glossary file; ``needs`` is what it must hold (``bot.kinds.NEEDS``)."""
    return glossary_from_data(load_yaml(path), needs, path)


def glossary_from_data(data: Any, needs: Needs, path: Path | str = DEFAULT_PATH) -> Glossary:
    """Validate parsed glossary data (the fact table keeps a copy, as it does the gazetteer)."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataError(path, "must be a mapping with version: 1")
    known = {"version", "templates", "names", "plurals", "latin_ok", *needs.sections}
    unknown = set(data) - known
    if unknown:
        raise DataError(path, f"unknown section(s): {', '.join(sorted(map(str, unknown)))}")
    return Glossary(
        templates=_templates(path, data.get("templates"), needs.templates),
        names=_names(path, data.get("names")),
        vocabs={s: _vocab(path, s, data.get(s), needs.words) for s in needs.sections},
        plurals=_plurals(path, data.get("plurals"), needs.plurals),
        latin_ok=frozenset(_strings(path, "latin_ok", data.get("latin_ok") or [])),
    )


def _mapping(path: Path | str, section: str, raw: Any) -> dict[Any, Any]:
    if not isinstance(raw, dict) or not raw:
        raise DataError(path, "must be a non-empty mapping", section)
    return raw


def _templates(path: Path | str, raw: Any, needed: Mapping[str, frozenset[str]]) -> dict[str, str]:
    raw = _mapping(path, "templates", raw)
    for key in needed:
        if key not in raw:
            raise DataError(path, "required template missing", f"templates: {key}")
    out = {}
    for key, text in raw.items():
        where = f"templates: {key}"
        if key not in needed:
            known = ", ".join(sorted(needed))
            raise DataError(path, f"unknown template (known: {known})", where)
        if not isinstance(text, str) or not text.strip():
            raise DataError(path, "must be a non-empty string", where)
        if text.count("[") != text.count("]") or re.search(r"\[[^\]]*\[", text):
            raise DataError(path, "unbalanced or nested [optional] brackets", where)
        check_template(path, where, "", text, needed[key])
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


def _vocab(path: Path | str, section: str, raw: Any, words: frozenset[str]) -> Vocab:
    terms: dict[tuple[str, ...], str] = {}
    for english, entry in _mapping(path, section, raw).items():
        where = f"{section}: {english!r}"
        aliases: Any
        if isinstance(entry, str) or entry is None:
            ru, aliases = entry or "", []
        elif isinstance(entry, dict) and set(entry) <= {"ru", "aliases"}:
            ru, aliases = entry.get("ru") or "", entry.get("aliases") or []
        else:
            raise DataError(path, "must be a Russian string or {ru, aliases}", where)
        if not isinstance(ru, str) or not isinstance(aliases, list):
            raise DataError(path, "ru must be a string and aliases a list", where)
        for alias in [english, *aliases]:
            key = tuple(tokens(str(alias)))
            if not key:
                raise DataError(path, "empty term", where)
            if key in terms:
                raise DataError(path, f"term {alias!r} defined twice", where)
            terms[key] = ru
    if section == "words":
        for word in sorted(words):
            if (word,) not in terms:
                raise DataError(path, "required word missing", f"words: {word}")
    return Vocab(terms)


def _plurals(path: Path | str, raw: Any, needed: frozenset[str]) -> dict[str, tuple[str, str, str]]:
    out = {}
    for key, forms in _mapping(path, "plurals", raw).items():
        where = f"plurals: {key}"
        three = isinstance(forms, list) and len(forms) == 3
        if not three or not all(isinstance(x, str) for x in forms):
            raise DataError(path, "must be [one, few, many] (месяц, месяца, месяцев)", where)
        out[str(key)] = (forms[0], forms[1], forms[2])
    for key in sorted(needed):
        if key not in out:
            raise DataError(path, "required plural missing", f"plurals: {key}")
    return out


def _strings(path: Path | str, section: str, raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise DataError(path, "must be a list of non-empty strings", section)
    return raw


__all__ = ["DEFAULT_PATH", "REPLIES", "Glossary", "Needs", "Vocab", "glossary_from_data",
           "load_glossary", "needs", "tokens", "untranslated"]  # fmt: skip
