"""The fact table: typed facts with provenance, grouped into meetings, and its JSON file."""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from types import UnionType
from typing import Any, Literal, NewType, Union, get_args, get_origin, get_type_hints

from .errors import DataError
from .tablefile import check_shape, unseal, write_sealed

# 2: typed parts per kind (bot/kinds/), a JSON object checked on load; kinds are plain names.
TABLE_VERSION = 2

FactKind = NewType("FactKind", str)
"""What a fact is about: the name of its module in ``bot/kinds/``; intents name the kinds they
answer. ``bot.kinds.KINDS`` holds every kind there is."""

MEETING = FactKind("meeting")  # the kind whose facts (one per article) make the meetings
# Other meetings an article mentions; the one an article without a meeting of the principals is
# about (qualifier "main") makes a group of its own (``FactTable.others``), never a meeting.
ENCOUNTER = FactKind("encounter")
MAIN = "main"
# The mark of a word of a quoted sentence (``bot.kinds``' ``QUOTES``) in the word index: what the
# articles say in passing is not what the facts hold, and only a question no intent answers looks
# for those words (``bot.relevance``, ``Picker._quoted``).
QUOTED = "§"


@dataclass(frozen=True, slots=True)
class Parts:
    """A fact's structured pieces beyond its fields: each kind types its own (a subclass in its
    module in ``bot/kinds/``), and its Russian rendering is written from them."""


NO_PARTS = Parts()


# weakref_slot: a store (bot/factstore.py) keeps the facts it decoded only as long as something
# holds them, and gives the same object back while one does.
@dataclass(frozen=True, slots=True, weakref_slot=True)
class Fact:
    """One fact and where it came from (article stem, sentence index and the sentence)."""

    kind: FactKind
    value: str
    display: str  # the fact in English, as replies show it
    article: str
    sentence: int
    source: str
    meeting: str = ""
    year: int | None = None
    place: str | None = None
    number: float | None = None
    qualifier: str = ""
    curated: str = ""  # non-empty for facts from the curated file: where they came from
    parts: Parts = NO_PARTS

    def to_json(self) -> dict[str, Any]:
        """A plain dict without empty optional fields (keeps the file small and stable)."""
        out: dict[str, Any] = {}
        for name in _FIELDS:
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = value
        parts = parts_to_json(self.parts)
        if parts:
            out["parts"] = parts
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], parts: PartsReader,
                  strings: dict[str, str] | None = None) -> Fact:  # fmt: skip
        """Inverse of ``to_json``; ``parts`` reads (and checks) the kind's parts."""
        # to_json leaves out empty strings, required ones too: an undated meeting's value is ""
        kw = _EMPTY | {k: v for k, v in data.items() if k in _FIELD_SET}
        return cls(**kw, parts=parts(data.get("parts"), strings))


_FIELDS = tuple(f.name for f in fields(Fact) if f.name != "parts")
_FIELD_SET = frozenset(_FIELDS)

PartsReader = Callable[[Any, dict[str, str] | None], Parts]


def parts_to_json(parts: Parts) -> dict[str, Any]:
    """The non-default fields of ``parts`` as plain JSON data (tuples as lists)."""
    out: dict[str, Any] = {}
    for name, default in _defaults(type(parts)):
        value = getattr(parts, name)
        if value == default:
            continue
        if isinstance(value, Parts):
            value = parts_to_json(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


_DEFAULTS: dict[type[Parts], tuple[tuple[str, Any], ...]] = {}


def _defaults(cls: type[Parts]) -> tuple[tuple[str, Any], ...]:
    """Each field of the parts class ``cls`` and its default (``MISSING``: none), read once: a
    build writes every fact twice (its cache entry, the store), and ``fields`` each time was a
    fifth of that."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = tuple((f.name, f.default) for f in fields(cls))
    return found


def parts_reader(cls: type[Parts]) -> PartsReader:
    """A function that makes a ``cls`` from JSON data, checking every field against its type.

    Supported field types: str, int, float, bool, ``Literal[...]`` of strings, ``tuple[str,
    ...]``, another Parts class, and any of them ``| None``. A problem is a ValueError naming the
    field (``load_table`` reports it as an unreadable table).
    """
    hints = get_type_hints(cls)
    checks = {f.name: _check(hints[f.name], f.name) for f in fields(cls)}
    required = {f.name for f in fields(cls) if f.default is MISSING}
    empty = None if required else cls()

    def read(raw: Any, strings: dict[str, str] | None = None) -> Parts:
        if not raw:
            if empty is None:
                raise ValueError(f"parts: missing {', '.join(sorted(required))}")
            return empty
        if not isinstance(raw, dict):
            raise ValueError("parts: must be an object")
        unknown = set(raw) - set(checks)
        if unknown:
            raise ValueError(f"parts: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        missing = required - set(raw)
        if missing:
            raise ValueError(f"parts: missing {', '.join(sorted(missing))}")
        kw = {k: checks[k](v, strings) for k, v in raw.items()}
        return cls(**kw)

    return read


_Check = Callable[[Any, dict[str, str] | None], Any]


def _check(tp: Any, name: str) -> _Check:
    """A checker (and converter) of one JSON value for the field type ``tp``."""
    options = get_args(tp) if isinstance(tp, UnionType) or get_origin(tp) is Union else (tp,)
    checks = [_check_one(t, name) for t in options]
    if len(checks) == 1:
        return checks[0]

    def any_of(value: Any, strings: dict[str, str] | None) -> Any:
        for check in checks:
            try:
                return check(value, strings)
            except ValueError:
                continue
        raise ValueError(f"parts: {name}: {value!r} is not {tp}")

    return any_of


def _check_one(tp: Any, name: str) -> _Check:
    def fail(value: Any) -> ValueError:
        return ValueError(f"parts: {name}: {value!r} is not {getattr(tp, '__name__', tp)}")

    if tp is type(None):

        def none(value: Any, strings: dict[str, str] | None) -> None:
            if value is not None:
                raise fail(value)

        return none
    if tp is str:

        def text(value: Any, strings: dict[str, str] | None) -> str:
            if not isinstance(value, str):
                raise fail(value)
            return value if strings is None else strings.setdefault(value, value)

        return text
    if tp is bool or tp is int:

        def exact(value: Any, strings: dict[str, str] | None) -> Any:
            if type(value) is not tp:
                raise fail(value)
            return value

        return exact
    if tp is float:

        def real(value: Any, strings: dict[str, str] | None) -> float:
            if type(value) not in (int, float):
                raise fail(value)
            return float(value)

        return real
    if get_origin(tp) is Literal:
        allowed = get_args(tp)

        def one_of(value: Any, strings: dict[str, str] | None) -> Any:
            if value not in allowed:
                raise ValueError(f"parts: {name}: {value!r} is not one of {list(allowed)}")
            return allowed[allowed.index(value)]

        return one_of
    if get_origin(tp) is tuple and get_args(tp)[1:] == (Ellipsis,):
        item = _check_one(get_args(tp)[0], name)

        def items(value: Any, strings: dict[str, str] | None) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise fail(value)
            return tuple(item(v, strings) for v in value)

        return items
    if isinstance(tp, type) and issubclass(tp, Parts):
        nested = parts_reader(tp)

        def inner(value: Any, strings: dict[str, str] | None) -> Parts:
            if not isinstance(value, dict):
                raise fail(value)
            return nested(value, strings)

        return inner
    raise TypeError(f"parts field {name!r}: unsupported type {tp!r}")


_EMPTY: dict[str, Any] = {f.name: "" for f in fields(Fact) if f.type == "str"}


def fact_order(f: Fact) -> tuple[str, int, str, str]:
    """The one order of facts: in the JSON table, and in a table just built (so replies list
    values the same way before and after a reload from disk)."""
    return (f.article, f.sentence, f.kind, f.value)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What /sources shows about an article."""

    stem: str
    title: str
    outlet: str
    published: str  # ISO date or ""
    meeting: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting between the leaders; several articles may report the same one. In
    ``FactTable.others``: another encounter an article is about (``what`` says which)."""

    id: str
    date: date | None
    place: str | None
    weekday: str
    articles: tuple[str, ...]
    facts: tuple[Fact, ...]  # its MEETING facts (one per article), for sources
    what: str = ""  # of another encounter: "29th regular meeting of heads of government: Li
    # Qiang and Mikhail Mishustin"

    def sort_key(self) -> tuple[int, str]:
        """Chronological; meetings without a date sort before all dated ones."""
        return (self.date.toordinal() if self.date else 0, self.id)


@dataclass(slots=True)
class FactTable:
    """All facts, indexed by kind and by meeting."""

    facts: tuple[Fact, ...]
    articles: tuple[ArticleInfo, ...] = ()
    inputs: dict[str, str] = field(default_factory=dict)
    intents: list[dict[str, Any]] = field(default_factory=list)
    lexicon: dict[str, Any] = field(default_factory=lambda: {"synonyms": {}, "ignore": []})
    gazetteer: dict[str, Any] = field(default_factory=dict)
    glossary: dict[str, Any] = field(default_factory=dict)  # Russian replies (bot/glossary.py)
    meetings: tuple[Meeting, ...] = field(init=False)
    # The encounters that articles without a meeting of the principals are about (a premiers'
    # meeting, an announced meeting): their facts belong to these, which are no meetings.
    others: tuple[Meeting, ...] = field(init=False)
    _by_kind: dict[FactKind, tuple[Fact, ...]] = field(init=False, repr=False)
    # kind -> meeting id -> positions in _by_kind[kind]; meeting id -> Meeting. With a thousand
    # articles a linear scan per lookup made one answer cost ~100 ms (issue 5).
    _by_meeting: dict[FactKind, dict[str, tuple[int, ...]]] = field(init=False, repr=False)
    _meeting_by_id: dict[str, Meeting] = field(init=False, repr=False)
    _sort_keys: dict[str, tuple[int, str]] = field(init=False, repr=False)
    _values: dict[tuple[FactKind, str], frozenset[str]] = field(init=False, repr=False)
    _by_key: dict[int, Fact] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        by_kind: dict[FactKind, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            by_kind[fact.kind].append(fact)
        self._by_kind = {k: tuple(v) for k, v in by_kind.items()}
        positions: dict[FactKind, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for kind, facts in self._by_kind.items():
            for i, fact in enumerate(facts):
                positions[kind][fact.meeting].append(i)
        self._by_meeting = {k: {m: tuple(v) for m, v in ms.items()} for k, ms in positions.items()}
        self.meetings, self.others = group_meetings(
            self._by_kind.get(MEETING, ()), self._by_kind.get(ENCOUNTER, ())
        )
        self._meeting_by_id = {}
        for m in (*self.meetings, *self.others):
            self._meeting_by_id.setdefault(m.id, m)
        self._sort_keys = {mid: m.sort_key() for mid, m in self._meeting_by_id.items()}
        self._values = {}  # filled on demand by values()

    def find(self, kind: FactKind, meetings: set[str] | None = None) -> list[Fact]:
        """Facts of ``kind``, optionally only those of the given meeting ids."""
        facts = self._by_kind.get(kind, ())
        if meetings is None:
            return list(facts)
        index = self._by_meeting.get(kind, {})
        if len(meetings) >= len(index) and all(m in meetings for m in index):
            return list(facts)  # every meeting with facts of this kind
        if len(meetings) == 1:
            return [facts[i] for i in index.get(next(iter(meetings)), ())]
        # table order, as a scan would give
        return [facts[i] for i in sorted(i for m in meetings for i in index.get(m, ()))]

    def meeting(self, mid: str) -> Meeting | None:
        """The meeting with that id."""
        return self._meeting_by_id.get(mid)

    def values(self, kind: FactKind, mid: str) -> frozenset[str]:
        """The values of the meeting's facts of ``kind`` (e.g. who was there)."""
        found = self._values.get((kind, mid))
        if found is None:
            found = self._values[(kind, mid)] = frozenset(f.value for f in self.find(kind, {mid}))
        return found

    def everywhere(self, kind: FactKind, mids: Sequence[str]) -> frozenset[str]:
        """The values that facts of ``kind`` have at every one of the meetings ``mids`` (the
        people at every meeting); none when there is no meeting."""
        present = [self.values(kind, mid) for mid in mids]
        return frozenset.intersection(*present) if present else frozenset()

    def fact_articles(self) -> list[str]:
        """The stems of the articles that have facts, in the table's order."""
        return list(dict.fromkeys(f.article for f in sorted(self.facts, key=fact_order)))

    def article_facts(self, stem: str) -> list[Fact]:
        """The facts of the article ``stem``, in the table's order."""
        return sorted((f for f in self.facts if f.article == stem), key=fact_order)

    def fact_keys(self, facts: Iterable[Fact]) -> list[int]:
        """Numbers that tell the table's facts apart (``fact_values``): here ``id(fact)``."""
        return list(map(id, facts))

    def fact_key(self, fact: Fact) -> int:
        """``fact_keys`` of one fact: a key that stays the fact's as long as the table lives
        (here its ``id``: a table in memory holds every fact)."""
        return id(fact)

    def said_by(self, kind: FactKind, meetings: set[str], agent: str, first: int | None = None,
                years: Iterable[int] = ()) -> list[Fact] | None:  # fmt: skip
        """``find(kind, meetings)`` of the facts whose agent (``bot.kinds``) is ``agent`` (the
        ``first`` of them; with ``years``, those of a meeting of those years or of those years
        themselves, ``kind_years``), when the table indexes agents (``bot.factstore``); None
        here: the caller asks each fact."""
        return None

    def at(self, keys: Iterable[int]) -> list[Fact]:
        """The facts of these ``fact_keys``, in that order."""
        if self._by_key is None:
            self._by_key = {id(f): f for f in self.facts}
        return list(map(self._by_key.__getitem__, keys))

    def kind_meetings(self, kind: FactKind) -> Mapping[str, Sequence[int]] | None:
        """Meeting id -> ``fact_keys`` of its facts of ``kind`` (table order), when the table
        knows them without the facts (``bot.factstore``); None here."""
        return None

    def kind_years(self, kind: FactKind) -> Mapping[str, Sequence[tuple[int, frozenset[int]]]]:
        """Meeting id -> key and years of each fact of ``kind`` that is of a year besides its
        meeting's (``bot.factstore``, with ``kind_meetings``); here unknown: empty."""
        return {}

    def fact_values(self, kind: FactKind) -> Iterator[tuple[int, str]]:
        """``fact_keys`` and value of each fact of ``kind``, in the table's order."""
        return ((id(f), f.value) for f in self.find(kind))

    def overlap(self, kinds: Iterable[FactKind], meetings: set[str],
                words: Iterable[str]) -> dict[str, int] | None:  # fmt: skip
        """What a store answers through its index (``bot.factstore``); None here: the picker
        reads the facts."""
        return None

    def meeting_words(self, mid: str) -> frozenset[str] | None:
        """The words of the meeting's facts as relevance reads them, when the table stored
        them (``bot.factstore``); None: read them from its facts."""
        return None

    def kind_values(self, kind: FactKind) -> frozenset[str]:
        """The values of every fact of ``kind``."""
        return frozenset(f.value for f in self.find(kind))

    def sort_key(self, mid: str) -> tuple[int, str]:
        """``Meeting.sort_key`` of the meeting ``mid``; (0, mid) for an unknown id."""
        return self._sort_keys.get(mid) or (0, mid)

    def stored_reading(self) -> Any:
        """The JSON of the ``bot.reading.Reading`` its build stored with it; None: none (a
        table in memory has none, a store has one: ``bot.factstore.StoredTable``)."""
        return None

    def to_json(self) -> str:
        """Deterministic JSON text: sorted keys, facts in a stable order, one fact a line."""
        return "".join(self.json_chunks())

    def json_chunks(self) -> Iterator[str]:
        """``to_json``'s text in pieces (a thousand facts each), for writing as it is made.

        ``json.dumps`` indents in Python, a token at a time; a fact a line is written by its C
        encoder, and that was most of the time of writing a large table (issue 17).
        """
        data = {
            "version": TABLE_VERSION,
            "inputs": dict(sorted(self.inputs.items())),
            "articles": [asdict(a) for a in sorted(self.articles, key=lambda a: a.stem)],
            "intents": self.intents,
            "lexicon": self.lexicon,
            "gazetteer": self.gazetteer,
            "glossary": self.glossary,
            "facts": [],
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        if not self.facts:
            yield text
            return
        # The top level's keys are one space in and unique: this is the "facts" key's line.
        head, empty, tail = text.partition('\n "facts": [],\n')
        assert empty, "the facts line of an indented table"
        yield f'{head}\n "facts": [\n  '
        line = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": ")).encode
        facts = sorted(self.facts, key=fact_order)
        for start in range(0, len(facts), 1000):
            lines = ",\n  ".join(line(f.to_json()) for f in facts[start : start + 1000])
            yield f",\n  {lines}" if start else lines
        yield f"\n ],\n{tail}"


Meetings = tuple[tuple["Meeting", ...], tuple["Meeting", ...]]


def group_meetings(meeting_facts: Iterable[Fact], encounters: Iterable[Fact]) -> Meetings:
    """The meetings (one per meeting id of the MEETING facts) and the others: one group per
    main encounter of the articles without a meeting of the principals; each chronological."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in meeting_facts:
        groups[fact.meeting].append(fact)
    meetings = []
    for mid, group in groups.items():
        first = group[0]
        meetings.append(
            Meeting(
                id=mid,
                date=date.fromisoformat(first.value) if first.value else None,
                place=first.place,
                weekday=first.qualifier,
                articles=tuple(sorted({f.article for f in group})),
                facts=tuple(group),
            )
        )
    held = set(groups)
    others: dict[str, list[Fact]] = defaultdict(list)
    for fact in encounters:
        if fact.qualifier == MAIN and fact.meeting not in held:
            others[fact.meeting].append(fact)
    out = []
    for mid, group in others.items():
        # a report that it was held names it, not an earlier announcement (the first fact is
        # what a reply's label shows)
        happened = [f for f in group if getattr(f.parts, "status", "") == "held"]
        first = (happened or group)[0]
        when = str(getattr(first.parts, "when", ""))
        out.append(Meeting(id=mid, date=date.fromisoformat(when) if len(when) == 10 else None,
                           place=first.place, weekday=str(getattr(first.parts, "weekday", "")),
                           articles=tuple(sorted({f.article for f in group})),
                           facts=(first, *(f for f in group if f is not first)),
                           what=first.value))  # fmt: skip
    return (tuple(sorted(meetings, key=Meeting.sort_key)),
            tuple(sorted(out, key=Meeting.sort_key)))  # fmt: skip


def load_table(path: Path, parts: Mapping[str, PartsReader]) -> FactTable:
    """Read a table written by ``dump_table``; raise DataError when it is unusable: no or a wrong
    checksum (``bot.tablefile``), another version, or JSON that is not a table's.

    ``parts`` reads each kind's parts (``bot.kinds.READERS``): a fact of an unknown kind, or
    with parts its kind does not have, makes the table unusable.
    """
    strings: dict[str, str] = {}
    try:
        data = check_shape(unseal(path.read_bytes(), path), path, Fact, ArticleInfo)
        if data.get("version") != TABLE_VERSION:
            raise DataError(
                path, f"table version {data.get('version')!r}, expected {TABLE_VERSION}"
            )
        return FactTable(
            facts=tuple(fact_from_json(n, f, parts, strings) for n, f in enumerate(data["facts"])),
            articles=tuple(ArticleInfo(**a) for a in data["articles"]),
            inputs=data["inputs"],
            intents=data["intents"],
            lexicon=data["lexicon"],
            gazetteer=data["gazetteer"],
            glossary=data.get("glossary", {}),
        )
    except FileNotFoundError:
        raise DataError(path, "fact table not found (run `python -m bot build`)") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:  # deep nesting
        raise DataError(path, f"unreadable fact table ({exc.__class__.__name__}: {exc})") from None


def fact_from_json(n: int, data: Any, parts: Mapping[str, PartsReader],
                   strings: dict[str, str]) -> Fact:  # fmt: skip
    """Fact number ``n`` of a file (the table, a cache entry); a ValueError names it when its
    kind or parts are wrong. ``strings`` makes repeated strings one object (``_shared``)."""
    reader = parts.get(data["kind"])
    if reader is None:
        raise ValueError(f"facts[{n}]: unknown kind {data['kind']!r}")
    try:
        return Fact.from_json(_shared(data, strings), reader, strings)
    except ValueError as exc:
        raise ValueError(f"facts[{n}] ({data['kind']}): {exc}") from None


def _shared(fact: dict[str, Any], strings: dict[str, str]) -> dict[str, Any]:
    """``fact`` with its repeated strings (sentence, article, meeting...) as one shared object.

    Every fact carries its whole source sentence; JSON gives each copy its own string, which with
    1,000 articles was ~8 MB of the running bot's memory (issue 5).
    """
    for key in _SHARED_KEYS:
        value = fact.get(key)
        if type(value) is str:  # noqa: E721 - exactly str: no subclass comes out of json
            fact[key] = strings.setdefault(value, value)
    return fact


_SHARED_KEYS = (
    "kind",
    "source",
    "article",
    "meeting",
    "place",
    "qualifier",
    "curated",
    "value",
    "display",
)


def dump_table(table: FactTable, path: Path) -> None:
    """Write the table atomically: a temporary file in the same folder, synced, then a rename.

    On any failure the previous table stays as it was and the temporary file is removed; a disk
    error is a DataError naming the table.
    """
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # not mkstemp's 600
        with os.fdopen(fd, "wb") as out:
            # Written as it is made: a large table's text is never whole in memory (at 10,000
            # articles that was twice 250 MB, as text and as bytes). A bug halfway leaves only
            # the temporary file, which goes.
            write_sealed(table.json_chunks(), out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise DataError(path, f"cannot write the fact table: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
