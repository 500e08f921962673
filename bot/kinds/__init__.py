"""The fact kinds: one module per kind in this folder, and ``KINDS``, the registry of them all.

A kind's module (``bot/kinds/<kind>.py``, the kind's name) holds everything about it:

- ``KIND``: its ``FactKind`` (the module's name);
- ``Parts``: a frozen slotted dataclass of its structured pieces (subclass of ``facts.Parts``);
- ``extract(ctx) -> Iterator[Fact]``: its facts in one article (``bot.context.Context``), each
  with its English ``display`` (the module's ``english``);
- ``russian(fact, parts, r) -> str``: the fact in Russian (``bot.russian.Russian`` lookups);
- ``NEEDS``: the glossary templates, vocabularies, words and plurals it writes Russian with;
- optionally ``same(fact) -> str``: what two facts of the kind share when they say the same
  thing (a reply shows one of them); by default their lower-cased value;
- optionally ``agent(fact) -> str``: who does what the fact reports (the speaker of a statement),
  a canonical name, for questions that name them ("what did Xi say ...");
- optionally ``DATED = True``: its facts give their own time (a trade period, an anniversary's
  year), so "when ..." about them is answered by them, not by the meeting's date.
- optionally ``parties(fact) -> tuple[str, ...]``: who took part in what the fact reports (the
  people of another meeting), for questions that name them ("when did Mishustin hold talks
  with Li Qiang");
- optionally ``same_event(fact) -> (key, detail) | None``: the one event a fact tells of, whichever
  meeting's report tells it (the 42nd regular meeting of heads of government, recalled in
  another year's report), and how much of it the fact tells (its date to the day, its place): a
  question about the event gets the facts that tell the most of it;
- optionally ``period(fact) -> (year, months, growth)``: the period a figure is for (its year,
  how many months: None for a whole year, and whether it comes with its growth), so that a
  question about a period gets that period's figure.
- optionally ``VALUES``: every value its facts can have, when they are few (the parts of the
  day): a question naming one asks for its facts only ("which meetings were in the afternoon").
- optionally ``MENTION = True``: a fact of the kind only names what was mentioned (an event, an
  organisation): a yes-or-no question of someone's deed at it is not confirmed by it ("did
  Putin go to the forum"), and "tell me about it" answers with what was said of it.
- optionally ``QUOTES = True``: a fact of the kind quotes its sentence whole (an article's
  passage): it reads nothing of it, so it covers no sentence (``build --coverage``), no intent
  answers it (a question no intent answers may: ``Picker._fallback``), and its words are kept
  apart from the other facts' (``facts.QUOTED``).
- optionally ``NAMED = True``: a fact of the kind answers only a question that names it (who a
  person is: "who is Oleg Barsukov", never everyone's role for "who is Mishustin's wife").

Adding a kind is adding a module here, an intent that answers it (``intents/*.yaml``; none for a
kind that ``QUOTES``) and its glossary terms (``bot/data/glossary.yaml``); the tests check all
three.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..context import Context
from ..facts import Fact, FactKind, Parts, PartsReader, parts_reader
from ..gazetteer import Gazetteer
from ..glossary import REPLIES, Glossary, Needs, untranslated
from ..russian import Rendering, Russian


@dataclass(frozen=True, slots=True)
class Kind:
    """One fact kind, as its module defines it."""

    name: FactKind
    module: str  # "bot.kinds.trade"
    parts: type[Parts]
    extract: Callable[[Context], Iterator[Fact]]
    russian: Callable[[Fact, Any, Russian], str]
    needs: Needs
    same: Callable[[Fact], str]
    read: PartsReader  # JSON -> parts, checked (``load_table``)
    agent: Callable[[Fact], str] | None = None
    dated: bool = False
    parties: Callable[[Fact], tuple[str, ...]] | None = None
    period: Callable[[Fact], tuple[int | None, int | None, bool]] | None = None
    same_event: Callable[[Fact], tuple[str, int] | None] | None = None
    values: frozenset[str] = frozenset()  # every value a fact of the kind can have, if few
    named: bool = False  # a fact answers only a question that names it
    mention: bool = False  # a fact says a thing was mentioned, not that anyone did anything
    quotes: bool = False  # a fact quotes its sentence whole: it reads nothing of it (coverage)


def _same(fact: Fact) -> str:
    return fact.value.lower()


def kind_of(module: ModuleType) -> Kind:
    """The ``Kind`` a module defines; TypeError naming the module and what it lacks."""
    name = module.__name__.rsplit(".", 1)[-1]
    where = f"fact kind module {module.__name__}"
    for attr, check in (("KIND", lambda v: v == name), ("NEEDS", lambda v: isinstance(v, Needs)),
                        ("Parts", lambda v: isinstance(v, type) and issubclass(v, Parts)),
                        ("extract", callable), ("russian", callable)):  # fmt: skip
        if not hasattr(module, attr) or not check(getattr(module, attr)):
            raise TypeError(f"{where}: {attr} missing or wrong (see bot/kinds/__init__.py)")
    cls = module.Parts
    if cls.__module__ != module.__name__ or "__slots__" not in cls.__dict__:
        raise TypeError(f"{where}: Parts must be its own @dataclass(frozen=True, slots=True)")
    return Kind(FactKind(name), module.__name__, cls, module.extract, module.russian,
                module.NEEDS, getattr(module, "same", _same), parts_reader(cls),
                getattr(module, "agent", None), getattr(module, "DATED", False),
                getattr(module, "parties", None), getattr(module, "period", None),
                getattr(module, "same_event", None), frozenset(getattr(module, "VALUES", ())),
                getattr(module, "NAMED", False), getattr(module, "MENTION", False),
                getattr(module, "QUOTES", False))  # fmt: skip


def discover(package: str = __name__) -> dict[FactKind, Kind]:
    """Every kind module of ``package``, by name (sorted)."""
    path = importlib.import_module(package).__path__
    names = sorted(m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_"))
    kinds = [kind_of(importlib.import_module(f"{package}.{name}")) for name in names]
    return {k.name: k for k in kinds}


KINDS: Mapping[FactKind, Kind] = discover()
READERS: Mapping[str, PartsReader] = {name: k.read for name, k in KINDS.items()}


def _needs(kinds: Iterable[Kind]) -> Needs:
    out = REPLIES
    for kind in kinds:
        try:
            out = out | kind.needs
        except ValueError as exc:
            raise TypeError(f"fact kind module {kind.module}: NEEDS: {exc}") from None
    return out


NEEDS = _needs(KINDS.values())  # what the glossary must hold: every kind's needs and the replies'


def render(glossary: Glossary, fact: Fact, gaz: Gazetteer) -> Rendering:
    """``fact`` in Russian; ``missing`` names each glossary entry it lacked."""
    r = Russian(glossary, gaz)
    text = KINDS[fact.kind].russian(fact, fact.parts, r)
    text = re.sub(r"\s+,", ",", " ".join(text.split()))
    return Rendering(text, tuple(dict.fromkeys(r.missing)))


def rendered(fact: Fact) -> tuple[Any, ...]:
    """What a fact's rendering in Russian reads of it: all but where it came from (its article,
    sentence and source) and its meeting and place; no kind's ``russian`` reads those."""
    f = fact
    return (f.kind, f.value, f.display, f.year, f.number, f.qualifier, f.curated, f.parts)


def checked_alike(a: Fact, b: Fact) -> bool:
    """Whether ``check_facts`` says the same of ``a`` as of ``b``: the same rendering, named
    alike (merging moves a fact to its meeting and place, which neither reads)."""
    return (a.article, a.sentence) == (b.article, b.sentence) and rendered(a) == rendered(b)


def check_facts(glossary: Glossary, gaz: Gazetteer, facts: Iterable[Fact],
                memo: dict[Any, tuple[str, ...]] | None = None) -> list[str]:  # fmt: skip
    """One line per fact that would not be shown fully in Russian (missing entry or English).

    ``memo``: the problems found before with this glossary and gazetteer, by what a rendering
    reads of a fact (``rendered``), kept and read there (a build checks 300,000
    facts, most of them a statement another report of the meeting quotes too).
    """
    allowed: frozenset[str] | None = None
    problems = []
    for f in facts:
        key = rendered(f)
        found = memo.get(key) if memo is not None else None
        if found is None:
            if allowed is None:
                allowed = glossary.allowed_latin(gaz)
            r = render(glossary, f, gaz)
            found = tuple(f"glossary lacks {m}" for m in r.missing)
            english = untranslated(r.text, allowed)
            if english:
                found += (f"English words in {r.text!r}: {' '.join(english)}",)
            if memo is not None:
                memo[key] = found
        where = f"{f.article}#{f.sentence} {f.kind} {f.value!r}"
        problems += [f"{where}: {p}" for p in found]
    return problems


__all__ = [
    "KINDS",
    "NEEDS",
    "READERS",
    "Kind",
    "check_facts",
    "checked_alike",
    "discover",
    "kind_of",
    "render",
    "rendered",
]
