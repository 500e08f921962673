"""The gazetteer: canonical names of places, people, organisations, areas ... and their aliases.

Loaded from ``bot/data/gazetteer.yaml`` and validated; extraction finds names with it and replies
translate names through its ``ru`` entries.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .errors import DataError
from .lazyre import lazy_re
from .text import CASE_EXOTIC
from .yamlio import load_yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.yaml"
SECTIONS = ("places", "venues", "countries", "people", "organisations", "initiatives", "areas",
            "outlets", "disasters", "regions", "anniversary_bases")  # fmt: skip
_EXTRA_KEYS = {"country": str, "city": str, "role": str, "year": int, "region": str}
# The only non-ASCII characters that IGNORECASE matches to an ASCII letter or digit (İ ı ſ K),
# and those it matches to a Russian letter that str.lower() does not give (U+1C80-U+1C88, old
# Cyrillic forms; checked by tests/test_gazetteer_needles.py). In a text without them,
# str.lower() keeps every letter an alias regex could match: a missing needle proves no match.
# Fuzzy people (extraction only): runs of capitalised Latin words, compared without spaces with
# every person's aliases and the Latin transliteration of the Russian name ("Si Tszinpin",
# "Mihail Mishustine", "Xi Jin Ping", "Manturof"). Keys shorter than this never match fuzzily.
# Where a name ends: not inside a longer word ("Xi" in "Xi'an", but "Xi's" is his)
_NAME_END = r"(?![\w-]|['’](?!s\b)\w)"
_CAP_RUN = lazy_re(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
_FUZZY_MIN = 6
_FUZZY_RATIO = 0.85
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                      "", "e", "yu", "ya"], strict=True))  # fmt: skip


def transliterate(text: str) -> str:
    """A Russian word in Latin letters, as English texts write Russian names ("Барсуков":
    barsukov)."""
    return "".join(_TRANSLIT.get(c, c) for c in text.lower())


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical name with its aliases and extra attributes (country, region, city, role,
    year)."""

    name: str
    aliases: tuple[str, ...]
    ru: str
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, key: str) -> Any:
        """An extra attribute, or None."""
        return dict(self.attrs).get(key)


class Gazetteer:
    """Name lookup: ``find(section, text)`` gives the entries mentioned, in text order."""

    def __init__(
        self,
        sections: dict[str, tuple[Entry, ...]],
        other_people: tuple[str, ...] = (),
        other_places: tuple[str, ...] = (),
        principals: tuple[str, ...] = (),
    ):
        self.sections = sections
        self.other_people = other_people
        self.other_places = other_places
        self.principals = principals  # the people whose own meetings make the table's meetings
        self.fuzzy_people = False  # see ``extracting``
        self._extracting: Gazetteer | None = None
        # Reading an article, every kind asks for the people and places of the same sentences:
        # the extracting gazetteer keeps the last answers (a build's hot spot, issue 13).
        self._spans_seen: dict[tuple[str, str], list[tuple[int, int, Entry]]] | None = None
        self._fuzzy_keys: dict[str, Entry] | None = None
        self._fuzzy_seen: dict[str, Entry | None] = {}
        # One regex per alias, compiled when first needed (``_compiled``): an `ask` reads a
        # handful of them, and compiling all ~450 was a fifth of a cold `python -m bot ask`.
        self._sources: dict[str, list[tuple[str, int]]] = {}
        self._patterns: dict[str, list[tuple[re.Pattern[str], Entry] | None]] = {}
        self._entries: dict[str, list[Entry]] = {}
        self._needles: dict[str, list[str]] = {}
        for section, entries in sections.items():
            # The Russian name is an alias too: questions ask "с Путиным", "в Пекине".
            pairs = [
                (alias, e)
                for e in entries
                for alias in dict.fromkeys((*e.aliases, *_ru_aliases(e)))
                if alias
            ]
            pairs.sort(key=lambda p: -len(p[0]))  # longest alias first: "Xi Jinping" before "Xi"
            self._sources[section] = [_alias_regex(a) for a, _ in pairs]
            self._patterns[section] = [None] * len(pairs)
            self._entries[section] = [e for _, e in pairs]
            self._needles[section] = [alias_needle(a) for a, _ in pairs]
        self._ru = {e.name: e.ru for entries in sections.values() for e in entries}
        self._other = _AnyAlias(other_people)
        self._other_places = _AnyAlias(other_places)

    def find(self, section: str, text: str) -> list[tuple[int, Entry]]:
        """(position, entry) for each entry of ``section`` named in ``text``, first mention only."""
        if self._spans_seen is not None:  # the same as below, from the (cached) mentions
            seen_names: set[str] = set()
            out_found = []
            for start, _, entry in self.spans(section, text):
                if entry.name not in seen_names:
                    seen_names.add(entry.name)
                    out_found.append((start, entry))
            return out_found
        hits: list[tuple[int, int, Entry]] = []
        for rx, entry in self._candidates(section, text):
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b, _ in hits):
                    continue
                hits.append((m.start(), m.end(), entry))
        if self.fuzzy_people and section == "people":
            hits = self._with_fuzzy(text, hits)
        seen: set[str] = set()
        out = []
        for start, _, entry in sorted(hits, key=lambda h: h[0]):
            if entry.name not in seen:
                seen.add(entry.name)
                out.append((start, entry))
        return out

    def new_message(self) -> None:
        """Remember mentions for one message only: a message's texts are scanned several times
        (slots, follow-ups, summaries), another message's never again."""
        if not self.fuzzy_people:
            self._spans_seen = {}

    def spans(self, section: str, text: str) -> list[tuple[int, int, Entry]]:
        """Every mention (start, end, entry) of ``section`` in ``text``."""
        cache = self._spans_seen
        if cache is not None:
            found = cache.get((section, text))
            if found is None:
                if len(cache) > 4096:
                    cache.clear()
                found = cache[(section, text)] = self._spans(section, text)
            return list(found)
        return self._spans(section, text)

    def _spans(self, section: str, text: str) -> list[tuple[int, int, Entry]]:
        hits: list[tuple[int, int, Entry]] = []
        for rx, entry in self._candidates(section, text):
            for m in rx.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b, _ in hits):
                    hits.append((m.start(), m.end(), entry))
        if self.fuzzy_people and section == "people":
            hits = self._with_fuzzy(text, hits)
        return sorted(hits, key=lambda h: h[0])

    # --- people written otherwise (extraction only) -------------------------------------------

    def extracting(self) -> Gazetteer:
        """This gazetteer for reading articles: people are also found when a transliteration or
        a machine translation garbles their name ("Mihail Mishustine", "Si Tszinpin", "Xi Jin
        Ping"). Questions keep exact matching (``find`` on ``self``): it is cheap and a typo
        there is repaired by ``bot.question``."""
        if self.fuzzy_people:
            return self
        if self._extracting is None:
            other = copy.copy(self)
            other.fuzzy_people = True
            other._extracting = other
            other._spans_seen = {}
            self._extracting = other
        return self._extracting

    def with_people(self, people: Iterable[Entry]) -> Gazetteer:
        """This gazetteer with ``people`` added (an article's officials it names by title and
        the gazetteer lacks, ``bot.context.titled_people``); itself when there are none."""
        extra = [e for e in people if self.get("people", e.name) is None]
        if not extra:
            return self
        sections = dict(self.sections)
        sections["people"] = (*sections.get("people", ()), *extra)
        other = Gazetteer(sections, self.other_people, self.other_places, self.principals)
        if self.fuzzy_people:
            other = other.extracting()
        return other

    def like_principal(self, name: str, ratio: float = 0.75) -> bool:
        """``name`` spells a principal's name, or their family name, even loosely: a machine
        translation's "Mi Shusijing" is Mishustin, not someone new."""
        key = re.sub(r"[^a-z]", "", name.lower())
        return any(SequenceMatcher(None, key, other, autojunk=False).ratio() >= ratio
                   for other, entry in self._person_keys().items()
                   if entry.name in self.principals)  # fmt: skip

    def _with_fuzzy(
        self, text: str, hits: list[tuple[int, int, Entry]]
    ) -> list[tuple[int, int, Entry]]:
        """``hits`` (exact) with the people a run of capitalised words names fuzzily; a fuzzy
        span that covers an exact hit of the same person replaces it ("Xi" in "Xi Jin Ping")."""
        out = list(hits)
        for a, b, entry in self._fuzzy_spans(text):
            inside = [h for h in out if h[0] < b and a < h[1]]
            if any(h[2].name != entry.name or (h[0], h[1]) == (a, b) for h in inside):
                continue
            out = [h for h in out if h not in inside] + [(a, b, entry)]
        return out

    def _fuzzy_spans(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of each window of 1-3 capitalised words whose letters are close
        to a person's name (longest window first, left to right)."""
        out: list[tuple[int, int, Entry]] = []
        for run in _CAP_RUN.finditer(text):
            words = [(run.start() + m.start(), run.start() + m.end())
                     for m in re.finditer(r"[A-Za-z]+", run.group())]  # fmt: skip
            i = 0
            while i < len(words):
                for n in (3, 2, 1):
                    if i + n > len(words):
                        continue
                    a, b = words[i][0], words[i + n - 1][1]
                    entry = self._fuzzy_person(text[a:b])
                    if entry is not None:
                        out.append((a, b, entry))
                        i += n
                        break
                else:
                    i += 1
        return out

    def _fuzzy_person(self, words: str) -> Entry | None:
        """The person whose name ``words`` spells with small differences, or None (cached)."""
        key = re.sub(r"[^a-z]", "", words.lower())
        if len(key) < _FUZZY_MIN:
            return None
        if key in self._fuzzy_seen:
            return self._fuzzy_seen[key]
        keys = self._person_keys()
        found = keys.get(key)
        if found is None:
            best = 0.0
            for other, entry in keys.items():
                if not 0.75 <= len(key) / len(other) <= 1.34:
                    continue
                matcher = SequenceMatcher(None, key, other, autojunk=False)
                if (
                    matcher.real_quick_ratio() < _FUZZY_RATIO
                    or matcher.quick_ratio() < _FUZZY_RATIO
                ):
                    continue
                ratio = matcher.ratio()
                if ratio >= _FUZZY_RATIO and ratio > best:
                    best, found = ratio, entry
        self._fuzzy_seen[key] = found
        return found

    def _person_keys(self) -> dict[str, Entry]:
        """Letters-only keys of every person: aliases and the transliterated Russian name."""
        if self._fuzzy_keys is None:
            keys: dict[str, Entry] = {}
            for entry in self.sections.get("people", ()):
                ru = "".join(_TRANSLIT.get(c, c) for c in entry.ru.lower())
                for name in (*entry.aliases, entry.name, ru, ru.split()[-1] if ru else ""):
                    key = re.sub(r"[^a-z]", "", name.lower())
                    if len(key) >= _FUZZY_MIN - 1:
                        keys.setdefault(key, entry)
            self._fuzzy_keys = keys
        return self._fuzzy_keys

    def _candidates(self, section: str, text: str) -> list[tuple[re.Pattern[str], Entry]]:
        """The (regex, entry) pairs of ``section`` that may match ``text``, in order.

        A regex runs only when its alias's needle is in the lower-cased text: a substring test
        costs ~0.1 us where a regex scan of a sentence costs ~4 us, and most aliases are absent
        (issue 5: this was two thirds of a build).
        """
        needles = self._needles[section]
        if CASE_EXOTIC.search(text):
            return self._compiled(section, range(len(needles)))
        lowered = text.lower()
        return self._compiled(section, [i for i, n in enumerate(needles) if n in lowered])

    def _compiled(
        self, section: str, indices: Iterable[int]
    ) -> list[tuple[re.Pattern[str], Entry]]:
        """The (regex, entry) pairs at ``indices``, compiling those never used before."""
        patterns = self._patterns[section]
        out = []
        for i in indices:
            pair = patterns[i]
            if pair is None:
                source, flags = self._sources[section][i]
                pair = patterns[i] = (re.compile(source, flags), self._entries[section][i])
            out.append(pair)
        return out

    def get(self, section: str, name: str) -> Entry | None:
        """The entry with that canonical name."""
        return next((e for e in self.sections[section] if e.name == name), None)

    def ru(self, name: str) -> str | None:
        """The Russian name for a canonical name, if the gazetteer has one; a venue placed in
        another city ("Kazan Kremlin": ``encounters``) is the venue's (the city is said beside)."""
        found = self._ru.get(name)
        if found is None and " " in name:
            city, _, venue = name.partition(" ")
            if self.get("places", city) is not None and self.get("venues", venue) is not None:
                return self._ru.get(venue)
        return found

    def other_person(self, text: str) -> str | None:
        """A person outside the genre named in ``text`` (e.g. a question about Biden)."""
        return self._other.first(text)

    def other_place(self, text: str) -> str | None:
        """A place outside the genre named in ``text`` (e.g. "did they meet in Paris?")."""
        return self._other_places.first(text)


def _ru_aliases(entry: Entry) -> list[str]:
    """The Russian name, and the word of it that matches a one-word English alias
    ("Putin" -> "Путин")."""
    if not entry.ru:
        return []
    out = [entry.ru]
    en, ru = entry.name.split(), entry.ru.split()
    if len(en) == len(ru) > 1:
        out += [ru[en.index(a)] for a in entry.aliases if a in en and a != entry.name]
    return out


_RU_ENDINGS = "аяоеьйыиую"  # the last letter a Russian name loses when declined
_RU_ADJECTIVE = frozenset({"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие"})  # both letters


def alias_needle(alias: str) -> str:
    """The longest run of ASCII letters and digits, or of Russian letters, in ``alias``,
    lower-cased ("" if none); a Russian run of four letters or more without its last letter,
    which a declined name changes ("Москва": "москв", found in "в Москве"), or without the two
    of an adjective's ending ("Нижний": "нижн", found in "в Нижнем Новгороде").

    ``_alias_regex`` keeps such runs literal (only spaces and apostrophes vary, and the ending of
    a Russian name), so every match contains the needle, up to case.
    """
    runs = [r if r.isascii() or len(r) < 4 else _ru_kept(r)[: len(r) - 1]
            for r in re.findall(r"[A-Za-z0-9]+|[А-Яа-яЁё]+", alias)]  # fmt: skip
    return max(runs, key=len, default="").lower()


def _alias_body(alias: str) -> tuple[str, int]:
    """The regex body of an alias and its flags."""
    # Two-letter acronyms (UN, AI, US) must match in capitals, or "us" and "un-" would; longer
    # ones (SCO, BRICS, USA) are written in lower case in chat, so everything else ignores case.
    flags = 0 if (alias.isupper() and len(alias) <= 2) else re.IGNORECASE
    words = [_declined(re.escape(w)) for w in alias.split()]
    return r"[\s-]+".join(words).replace("'", "['’]?"), flags


def _declined(word: str) -> str:
    """A word of an alias (regex-escaped) that matches its Russian case forms too: every Russian
    word of a name declines, not only the last (Пекин -> в Пекине, Дом народных собраний -> в
    Доме народных собраний, Нижний Новгород -> в Нижнем Новгороде, Санкт-Петербург -> в
    Санкт-Петербурге, БРИКС -> в БРИКСе); words of one or two letters (Си, и) do not."""
    run = re.search(r"[А-Яа-яЁё]+$", word)
    if run is None or len(run.group()) < 3:
        return word
    if run.group().isupper():  # an acronym: БРИКС -> в БРИКСе; ВТО is not "второй"
        return word + "[а-яё]{0,2}"
    if len(run.group()) == 3:  # Дом -> в Доме, Ли Цян -> с Ли Цяном (the needle keeps all 3)
        return word + "[а-яё]{0,3}" if run.group()[-1] not in _RU_ENDINGS else word
    return word[: run.start()] + _ru_kept(run.group()) + "[а-яё]{0,3}"


def _ru_kept(run: str) -> str:
    """What every case form of a Russian word of four letters or more starts with: the word
    without an adjective's ending (Нижний -> Нижн: Нижнем) or a final vowel (Москва -> Москв)."""
    if len(run) >= 5 and run[-2:].lower() in _RU_ADJECTIVE:
        return run[:-2]
    return run[:-1] if run[-1].lower() in _RU_ENDINGS else run


def _alias_regex(alias: str) -> tuple[str, int]:
    """The regex (source and flags) that finds ``alias`` as a whole word."""
    body, flags = _alias_body(alias)
    return rf"(?<![\w-]){body}{_NAME_END}", flags


class _AnyAlias:
    """Names outside the genre (``Gazetteer.other_people``, ``other_places``): the first one a
    text names. Their regexes (``_any_alias``) are compiled when first needed and run only on a
    text holding one of their needles (``alias_needle``), as ``Gazetteer._candidates`` runs an
    alias's: nearly every question names none, and two scans of an alternation of ~130 names
    were ~2% of an answer."""

    __slots__ = ("_aliases", "_needles", "_patterns")

    def __init__(self, aliases: tuple[str, ...]) -> None:
        self._aliases = aliases
        self._needles = tuple(dict.fromkeys(alias_needle(a) for a in aliases))
        self._patterns: list[re.Pattern[str]] | None = None

    def first(self, text: str) -> str | None:
        """The name the first regex finds first in ``text``, or None."""
        if not CASE_EXOTIC.search(text):
            lowered = text.lower()
            if not any(n in lowered for n in self._needles):
                return None
        if self._patterns is None:
            self._patterns = _any_alias(self._aliases)
        for rx in self._patterns:
            m = rx.search(text)
            if m:
                return m.group()
        return None


def _any_alias(aliases: tuple[str, ...]) -> list[re.Pattern[str]]:
    """At most two regexes (case-sensitive, case-insensitive) matching any of ``aliases``."""
    groups: dict[int, list[str]] = {}
    longest_first = sorted(aliases, key=len, reverse=True)  # "New Delhi" before "Delhi"
    for alias in longest_first:
        body, flags = _alias_body(alias)
        groups.setdefault(flags, []).append(body)
    return [re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)}){_NAME_END}", flags)
            for flags, bodies in sorted(groups.items())]  # fmt: skip


def load_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    """Load and validate the gazetteer file."""
    return gazetteer_from_data(load_yaml(path), path)


def gazetteer_from_data(data: Any, path: Path = DEFAULT_PATH) -> Gazetteer:
    """Validate already-parsed gazetteer data (the table keeps a copy to skip YAML at start)."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataError(path, "must be a mapping with version: 1")
    unknown = set(data) - set(SECTIONS) - {"version", "other_people", "other_places",
                                           "principals"}  # fmt: skip
    if unknown:
        raise DataError(path, f"unknown section(s): {', '.join(sorted(unknown))}")
    sections: dict[str, tuple[Entry, ...]] = {}
    for section in SECTIONS:
        raw = data.get(section) or {}
        if not isinstance(raw, dict):
            raise DataError(path, "must be a mapping of name -> entry", section)
        sections[section] = tuple(_entry(path, section, k, v) for k, v in raw.items())
    lists = []
    for key in ("other_people", "other_places"):
        names = data.get(key) or []
        if not isinstance(names, list) or not all(isinstance(x, str) and x for x in names):
            raise DataError(path, "must be a list of names", key)
        lists.append(tuple(names))
    principals = data.get("principals") or []
    people = {e.name for e in sections["people"]}
    if not isinstance(principals, list) or not all(isinstance(x, str) for x in principals):
        raise DataError(path, "must be a list of names of the people section", "principals")
    if principals and (len(set(principals)) < 2 or not set(principals) <= people):
        unknown_people = sorted(set(principals) - people)
        problem = (f"not in people: {', '.join(unknown_people)}" if unknown_people
                   else "needs two or more different people")  # fmt: skip
        raise DataError(path, problem, "principals")
    return Gazetteer(sections, lists[0], lists[1], tuple(principals))


def _entry(path: Path, section: str, name: Any, raw: Any) -> Entry:
    where = f"{section}: {name!r}"
    if not isinstance(name, str) or not name.strip():
        raise DataError(path, "name must be a non-empty string", where)
    if not isinstance(raw, dict):
        raise DataError(path, "must be a mapping", where)
    aliases = raw.get("aliases", [name])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise DataError(path, "aliases: must be a list of non-empty strings", where)
    ru = raw.get("ru")
    if not isinstance(ru, str) or not ru:
        raise DataError(path, "ru: a Russian name is required", where)
    attrs = []
    for key, value in raw.items():
        if key in ("aliases", "ru"):
            continue
        if key not in _EXTRA_KEYS or not isinstance(value, _EXTRA_KEYS[key]):
            raise DataError(path, f"unknown or mistyped key {key!r}", where)
        attrs.append((key, value))
    return Entry(name, tuple(aliases), ru, tuple(sorted(attrs)))
