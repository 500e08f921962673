"""Intent definitions from ``intents/*.yaml``: ``Intent`` and ``load_intents``.

An intent says what it answers (fact kinds) and how it behaves, as data: what it asks for
(``asks``: the facts, a date, a place, a count of meetings), whether it is about the meetings
themselves (``about``), the question words that frame "when did they meet when X" (``frame``),
whether the question's own words narrow the facts (``narrow``) or rank them (``rank``) and
whether matching it means declining (``declines``). ``asks: talk`` is small talk (a friendly line,
with example questions when ``suggest``); ``asks: summary`` summarises meetings from the kinds it
``answers``, in that order of priority. A file's ``topic`` heads its intents in /help. No code
names an intent. All validation of intent files lives here; an error names the file, the intent
and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import DataError
from .facts import FactKind
from .kinds import KINDS
from .lazyre import lazy_re
from .yamlio import Read, check_template, load_yaml

LANGS = ("en", "ru")
# {times} and {meetings}: the count with its word in the right form ("4 раза", "5 встреч").
PLACEHOLDERS = {"reply": {"value", "meeting", "count", "times", "meetings"},
                "many": {"count", "times", "meetings"}}  # fmt: skip
_NAME = lazy_re(r"^[a-z][a-z0-9_]{1,40}$")
_KEYS = {"name": True, "answers": True, "reply": True, "many": False, "examples": True,
         "requires": False, "asks": False, "about": False, "frame": False, "narrow": False,
         "declines": False, "suggest": False, "rank": False}  # fmt: skip
# What a reply gives per meeting: its facts, its date, its place; or how many meetings there are;
# a summary of each meeting (its facts, by the priority of ``answers``); or small talk.
Asks = Literal["facts", "date", "place", "count", "summary", "talk"]
# "meeting": a question about the meetings themselves (the people it names must have been
# there; "to China" names where); "topic": about what was said (people named need not attend);
# "other": about the other meetings the articles mention (the premiers' regular meeting, talks
# with Li Qiang, a planned meeting): the people it names must have taken part in them.
About = Literal["topic", "meeting", "other"]
# "words": the facts are ranked by how much of the question's own words they hold, and only those
# that hold enough of them answer (``bot.relevance``); "none": every fact of the kinds answers.
Rank = Literal["none", "words"]


@dataclass(frozen=True, slots=True)
class Intent:
    """One intent: what it answers, how to reply (per language) and example phrasings."""

    name: str
    answers: tuple[FactKind, ...]
    reply: dict[str, str]
    many: dict[str, str]
    examples: tuple[str, ...]
    source: str = ""  # file it came from
    requires: tuple[str, ...] = ()  # the message must hold one of these words (any form)
    asks: Asks = "facts"
    about: About = "topic"
    frame: tuple[str, ...] = ()  # with "meet": "when did they meet when X" asks this intent
    narrow: bool = False  # only the facts whose words the question names, when it names some
    declines: bool = False  # out of scope: matching this intent means declining
    suggest: bool = False  # small talk: the reply offers example questions
    topic: dict[str, str] = field(default_factory=dict)  # its file's /help heading, per language
    rank: Rank = "none"

    @property
    def talk(self) -> bool:
        """Small talk: answered by a friendly line, never by facts."""
        return self.asks == "talk"

    def to_json(self) -> dict[str, Any]:
        """Plain data for the compiled table."""
        return {"name": self.name, "answers": [str(k) for k in self.answers], "reply": self.reply,
                "many": self.many, "examples": list(self.examples), "source": self.source,
                "requires": list(self.requires), "asks": self.asks, "about": self.about,
                "frame": list(self.frame), "narrow": self.narrow,
                "declines": self.declines, "suggest": self.suggest,
                "topic": self.topic, "rank": self.rank}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Intent:
        """Inverse of ``to_json``."""
        return cls(data["name"], tuple(FactKind(k) for k in data["answers"]), data["reply"],
                   data["many"], tuple(data["examples"]), data.get("source", ""),
                   tuple(data.get("requires", ())), data.get("asks", "facts"),
                   data.get("about", "topic"), tuple(data.get("frame", ())),
                   data.get("narrow", False), data.get("declines", False),
                   data.get("suggest", False), dict(data.get("topic") or {}),
                   data.get("rank", "none"))  # fmt: skip


def intent_paths(intents_dir: Path) -> list[Path]:
    """The intent files, sorted; raise DataError when there are none."""
    if not intents_dir.is_dir():
        raise DataError(intents_dir, "intents folder not found")
    paths = sorted(p for p in intents_dir.glob("*.yaml") if p.is_file())
    if not paths:
        raise DataError(intents_dir, "no intent files (*.yaml)")
    return paths


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Rewrites before matching: variant -> canonical word, and filler words to ignore; and the
    words a reply's facts must say themselves when a question uses them (``verify``: "did Putin
    accept ...", "did Russia actually send aid ..." are answered only by a fact that says so)."""

    synonyms: dict[str, str]
    ignore: frozenset[str]
    verify: frozenset[str] = frozenset()
    # Words of opposite claims ("highest" / "lowest", "multipolar" / "unipolar"): a question
    # saying one side is not answered by facts that say only the other ("why did he call the
    # relations the worst in history" when he said "the highest").
    opposites: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain data for the compiled table."""
        return {"synonyms": dict(sorted(self.synonyms.items())), "ignore": sorted(self.ignore),
                "verify": sorted(self.verify),
                "opposites": [[list(a), list(b)] for a, b in self.opposites]}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        """Inverse of ``to_json``."""
        return cls(dict(data["synonyms"]), frozenset(data["ignore"]),
                   frozenset(data.get("verify", ())),
                   tuple((tuple(a), tuple(b)) for a, b in data.get("opposites", ())))  # fmt: skip


def load_lexicon(intents_dir: Path, read: Read = Path.read_bytes) -> Lexicon:
    """Merge the ``synonyms``, ``ignore``, ``verify`` and ``opposites`` sections of the intent
    files."""
    synonyms: dict[str, str] = {}
    ignore: set[str] = set()
    verify: set[str] = set()
    opposites: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for path in intent_paths(intents_dir):
        data = load_yaml(path, read=read)
        if not isinstance(data, dict):
            continue  # load_intents reports it
        raw = data.get("synonyms") or {}
        if not isinstance(raw, dict):
            raise DataError(path, "synonyms: must map a word to a list of variants")
        for word, variants in raw.items():
            if not isinstance(word, str) or not isinstance(variants, list):
                raise DataError(path, "must be a list of variants", f"synonyms: {word!r}")
            for v in variants:
                if not isinstance(v, str) or not v.strip():
                    raise DataError(
                        path, "variants must be non-empty strings", f"synonyms: {word!r}"
                    )
                key = " ".join(v.lower().split())
                if synonyms.get(key, word) != word:
                    raise DataError(
                        path, f"{v!r} is also a variant of {synonyms[key]!r}", f"synonyms: {word!r}"
                    )
                synonyms[key] = word
        for key, found in (("ignore", ignore), ("verify", verify)):
            words = data.get(key) or []
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataError(path, f"{key}: must be a list of words")
            found |= {w.lower() for w in words}
        opposites += _opposites(path, data.get("opposites") or [])
    return Lexicon(synonyms, frozenset(ignore), frozenset(verify), tuple(opposites))


def _opposites(path: Path, raw: object) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The ``opposites`` section: a list of [words of one side, words of the other]."""
    if not isinstance(raw, list):
        raise DataError(path, "opposites: must be a list of [words, opposite words] pairs")
    out = []
    for n, pair in enumerate(raw):
        sides = pair if isinstance(pair, list) and len(pair) == 2 else None
        if sides is None or not all(
            isinstance(side, list) and side and all(isinstance(w, str) and w.strip() for w in side)
            for side in sides
        ):
            raise DataError(path, "must be two non-empty lists of words", f"opposites[{n}]")
        a, b = ({w.lower().strip() for w in side} for side in sides)
        if a & b:
            raise DataError(path, f"{sorted(a & b)[0]!r} is on both sides", f"opposites[{n}]")
        out.append((tuple(sorted(a)), tuple(sorted(b))))
    return out


def load_intents(intents_dir: Path, read: Read = Path.read_bytes) -> list[Intent]:
    """Load and validate every intent file; names and examples must be unique across files."""
    intents: list[Intent] = []
    names: dict[str, str] = {}
    examples: dict[str, str] = {}
    frames: dict[str, str] = {}
    for path in intent_paths(intents_dir):
        for intent in _load_file(path, read):
            where = f"intent {intent.name!r}"
            if intent.name in names:
                other = names[intent.name]
                also = "earlier in this file" if other == path.name else f"also in {other}"
                raise DataError(path, f"duplicate name ({also})", where)
            names[intent.name] = path.name
            for word in intent.frame:
                if frames.setdefault(word, intent.name) != intent.name:
                    raise DataError(path, f"frame: {word!r} also frames {frames[word]!r}", where)
            for n, example in enumerate(intent.examples):
                key = " ".join(example.lower().split())
                if key in examples and examples[key] != intent.name:
                    raise DataError(path, f"examples[{n}]: {example!r} is also an example of "
                                    f"{examples[key]!r}", where)  # fmt: skip
                examples[key] = intent.name
            intents.append(intent)
    return intents


def _load_file(path: Path, read: Read) -> list[Intent]:
    data = load_yaml(path, read=read)
    if not isinstance(data, dict):
        raise DataError(path, "must be a mapping with version and intents")
    if data.get("version") != 1:
        raise DataError(path, "version: must be 1")
    unknown = set(data) - {"version", "intents", "synonyms", "ignore", "verify", "opposites",
                           "topic"}  # fmt: skip
    if unknown:
        raise DataError(path, f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}")
    raw = data.get("intents")
    if raw is None and any(k in data for k in ("synonyms", "ignore", "verify", "opposites")):
        return []
    if not isinstance(raw, list) or not raw:
        raise DataError(path, "intents: must be a non-empty list")
    topic = _topic(path, data.get("topic"))
    return [replace(_intent(path, n, entry), topic=topic) for n, entry in enumerate(raw)]


def _topic(path: Path, raw: Any) -> dict[str, str]:
    """The file's /help heading: {en: ..., ru: ...}, or none."""
    if raw is None:
        return {}
    if (not isinstance(raw, dict) or set(raw) != set(LANGS)
            or not all(isinstance(v, str) and v.strip() for v in raw.values())):  # fmt: skip
        raise DataError(path, f"topic: must map each language ({', '.join(LANGS)}) to a heading")
    return {lang: raw[lang] for lang in LANGS}


def _intent(path: Path, n: int, entry: Any) -> Intent:
    where = f"intents[{n}]"
    if not isinstance(entry, dict):
        raise DataError(path, "must be a mapping", where)
    name = entry.get("name")
    if isinstance(name, str):
        where = f"intent {name!r}"
    for key, required in _KEYS.items():
        if required and key not in entry:
            raise DataError(path, f"missing key {key!r}", where)
    unknown = set(entry) - set(_KEYS)
    if unknown:
        raise DataError(path, f"unknown key(s): {', '.join(sorted(map(str, unknown)))}", where)
    if not isinstance(name, str) or not _NAME.match(name):
        raise DataError(path, "name: must be snake_case (a-z, 0-9, _)", where)
    answers = entry["answers"]
    if not isinstance(answers, list):
        raise DataError(path, "answers: must be a list of fact kinds", where)
    kinds = []
    for kind in answers:
        if kind not in KINDS:
            known = ", ".join(KINDS)
            raise DataError(path, f"answers: unknown fact kind {kind!r} (known: {known})", where)
        kinds.append(FactKind(kind))
    declines = _flag(path, where, entry, "declines")
    asks = _choice(path, where, entry, "asks", Asks)
    talk = asks == "talk"
    if not kinds and not declines and not talk:
        raise DataError(path, "answers: must name at least one fact kind", where)
    if kinds and (declines or talk):
        what = "declines" if declines else "is small talk (asks: talk)"
        raise DataError(path, f"answers: an intent that {what} answers nothing", where)
    if declines and talk:
        raise DataError(path, "declines: small talk (asks: talk) is answered, not declined", where)
    suggest = _flag(path, where, entry, "suggest")
    if suggest and not talk:
        raise DataError(path, "suggest: only small talk (asks: talk) suggests questions", where)
    reply = _templates(path, where, "reply", entry["reply"], required=bool(kinds) or talk)
    many = _templates(path, where, "many", entry.get("many", {}), required=False)
    examples = entry["examples"]
    if not isinstance(examples, list) or not examples:
        raise DataError(path, "examples: must be a non-empty list", where)
    for i, ex in enumerate(examples):
        if not isinstance(ex, str) or not ex.strip():
            raise DataError(path, f"examples[{i}]: must be a non-empty string", where)
    requires = _words(path, where, entry, "requires")
    about = _choice(path, where, entry, "about", About)
    frame = _words(path, where, entry, "frame")
    if frame and asks not in ("date", "place"):
        raise DataError(path, "frame: only an intent that asks for a date or a place frames", where)
    if talk and (requires or frame or entry.get("narrow") or "about" in entry):
        raise DataError(path, "small talk (asks: talk) takes no requires, about, frame or narrow",
                        where)  # fmt: skip
    rank = _choice(path, where, entry, "rank", Rank)
    return Intent(name, tuple(kinds), reply, many, tuple(examples), path.name, requires, asks,
                  about, frame, _flag(path, where, entry, "narrow"), declines,
                  suggest, rank=rank)  # fmt: skip


def _words(path: Path, where: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    words = entry.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataError(path, f"{key}: must be a list of words", where)
    return tuple(words)


def _choice(path: Path, where: str, entry: dict[str, Any], key: str, options: Any) -> Any:
    allowed = get_args(options)
    value = entry.get(key, allowed[0])
    if value not in allowed:
        raise DataError(path, f"{key}: must be one of {', '.join(allowed)}", where)
    return value


def _flag(path: Path, where: str, entry: dict[str, Any], key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise DataError(path, f"{key}: must be true or false", where)
    return value


def _templates(path: Path, where: str, key: str, raw: Any, required: bool) -> dict[str, str]:
    if not isinstance(raw, dict) or set(raw) - set(LANGS):
        raise DataError(path, f"{key}: must map languages ({', '.join(LANGS)}) to templates", where)
    out = {}
    for lang in LANGS:
        text = raw.get(lang, "")
        if not isinstance(text, str) or (required and key == "reply" and not text.strip()):
            raise DataError(path, f"{key}.{lang}: must be a non-empty string", where)
        check_template(path, where, f"{key}.{lang}: ", text, PLACEHOLDERS[key])
        out[lang] = text
    return out
