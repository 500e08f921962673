"""Each article's extraction, kept beside the table so that a build extracts only what changed.

An ``Extracted`` is what a build needs of one article: its facts before merging, the meeting
context ``merge`` reads, its /sources line and its facts' problems in Russian (with the sha256
of the glossary they were checked against: a glossary edit re-checks, it does not re-extract).
``ExtractCache`` keeps one file per article, ``<stem>.json``, keyed by the sha256 of the
article's bytes and of everything extraction depends on (the build's code, the gazetteer, the
article's curated entry); ``Articles`` looks each article of a build up in it. An entry that is
damaged, written by other code or for other input is ignored (a miss), never trusted.
``bot.build`` imports this module only when it builds: ``ask`` on a fresh table never pays for it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from .context import Context
from .corpus import Article, parse_article
from .curated import CuratedFact
from .encounters import Encounter
from .errors import DataError
from .facts import ArticleInfo, Fact, PartsReader, fact_from_json
from .gazetteer import Gazetteer
from .glossary import Glossary
from .kinds import READERS, check_facts, checked_alike

log = logging.getLogger(__name__)

# Bump when the entry layout changes; it is part of every key, so old entries just miss.
FORMAT = 1
_HEX = 64
STALE_AFTER = 3600.0  # seconds: a temporary entry file this old was left by a killed build
_SUFFIX = ".json"

# How an entry keeps a Context field, by its type: what ``merge`` reads of a report. The article's
# text, the gazetteer, the speech, the encounters and the people finder are left out (the facts
# hold what came of them). ``tests/test_extractcache.py`` fails when Context gains a field of a
# type that is in neither table.
_Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _same(value: Any) -> Any:
    return value


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _ints(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value is not None else None


def _encounter_json(e: Encounter | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {f.name: list(v) if isinstance(v := getattr(e, f.name), tuple) else v
            for f in fields(e)}  # fmt: skip


def _encounter(data: dict[str, Any] | None) -> Encounter | None:
    if data is None:
        return None
    kw: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return Encounter(**kw)


CODECS: dict[str, _Codec] = {
    "str": (_same, _same),
    "str | None": (_same, _same),
    "int": (_same, _same),
    "Dated": (_same, _same),
    "date | None": (_iso, _day),
    "tuple[int, ...]": (list, _ints),
    "tuple[str, ...]": (list, tuple),
    "frozenset[int]": (sorted, frozenset),
    "tuple[int, int] | None": (lambda v: list(v) if v is not None else None, _pair),
    "Encounter | None": (_encounter_json, _encounter),
}
LEFT_OUT = frozenset(
    {
        "Article",
        "Gazetteer",
        "tuple[Said, ...]",
        "tuple[Encounter, ...]",
        "FindPeople | None",
        "tuple[Mention, ...]",
        "frozenset[str]",  # (the figures the article corrects: its kinds', not merge's)
    }
)  # (the people finder: extraction's, not merge's)
CONTEXT_FIELDS: dict[str, _Codec] = {
    f.name: CODECS[str(f.type)] for f in fields(Context) if str(f.type) in CODECS
}


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's extraction: its facts (before merging), its meeting context for ``merge``
    (an article without its text: ``with_text`` gives it back) and its /sources line."""

    key: str
    context: Context
    facts: tuple[Fact, ...]
    info: ArticleInfo  # ``meeting`` is the article's own, before merging
    glossary: str  # the sha256 of the glossary ``russian`` comes from
    russian: tuple[str, ...]  # ``bot.kinds.check_facts`` of ``facts``

    def with_text(self, article: Article) -> Context:
        """The context with ``article`` (this article, read again) in it: enough for
        ``bot.coverage``, which reads its sentences and the meeting's."""
        return replace(self.context, article=article)


def encode(key: str, ctx: Context, facts: Iterable[Fact], info: ArticleInfo, glossary: str,
           russian: Iterable[str]) -> str:  # fmt: skip
    """The cache entry of one article's extraction: a checksum line, then compact JSON."""
    body = json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "info": [info.stem, info.title, info.outlet, info.published, info.meeting],
            "context": context_json(ctx),
            "facts": [f.to_json() for f in facts],
            "russian": [glossary, list(russian)],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return f"{_sha256(body.encode('utf-8'))}\n{body}"


def decode(text: str, key: str, path: Path, sha256: str, gaz: Gazetteer,
           parts: Mapping[str, PartsReader], strings: dict[str, str]) -> Extracted:  # fmt: skip
    """The extraction an entry holds; ValueError (or KeyError, TypeError) when it is damaged or
    is not the entry for ``key``. ``path`` and ``sha256`` are the article file's; the context's
    article has no sentences (``merge`` needs none)."""
    checksum, _, body = text.partition("\n")
    if len(checksum) != _HEX or _sha256(body.encode("utf-8")) != checksum:
        raise ValueError("checksum mismatch")
    data = json.loads(body)
    if data["format"] != FORMAT or data["key"] != key:
        raise ValueError("an entry for other input or other code")
    stem, title, outlet, published, meeting = data["info"]
    if stem != path.stem:
        raise ValueError("an entry of another article")
    context = context_from_json(data["context"], path, sha256, published, gaz)
    facts = tuple(fact_from_json(n, f, parts, strings) for n, f in enumerate(data["facts"]))
    if any(f.article != stem for f in facts):
        raise ValueError("a fact of another article")
    glossary, russian = data["russian"]
    if not isinstance(glossary, str) or not all(isinstance(r, str) for r in russian):
        raise ValueError("russian: not strings")
    info = ArticleInfo(stem, title, outlet, published, meeting)
    return Extracted(key, context, facts, info, glossary, tuple(russian))


def context_json(ctx: Context) -> dict[str, Any]:
    """What ``merge`` reads of an article's context, as JSON (``context_from_json``)."""
    return {n: w(getattr(ctx, n)) for n, (w, _) in CONTEXT_FIELDS.items()}


def context_from_json(data: dict[str, Any], path: Path, sha256: str, published: str,
                      gaz: Gazetteer) -> Context:  # fmt: skip
    """``context_json`` read back: the context of the article at ``path`` (its bytes' ``sha256``,
    its ISO ``published`` date or ""), without its text; KeyError, ValueError or TypeError when
    it is damaged."""
    day = date.fromisoformat(published) if published else None
    article = Article(path.stem, path, sha256, day, ())
    kw = {n: r(data[n]) for n, (_, r) in CONTEXT_FIELDS.items()}
    return Context(article=article, gaz=gaz, **kw)


def entry_key(base: str, stem: str, sha256: str, curated: tuple[str, str] | None) -> str:
    """The key of one article's entry: ``base`` (code and gazetteer), its name, the sha256 of
    its bytes and its curated (date, note), if any."""
    return _sha256(json.dumps([FORMAT, base, stem, sha256, curated]).encode("utf-8"))


def base_key(code: Mapping[str, str], gazetteer: str) -> str:
    """What every entry's key shares: the sha256 of the code and of the gazetteer's bytes."""
    return _sha256(json.dumps([sorted(code.items()), gazetteer]).encode("utf-8"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ExtractCache:
    """The folder of entries, one per article. Reading never fails (a problem is a miss);
    writing failures are logged once and the build goes on without the cache."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._broken = False  # writing failed once: stop trying for this build

    def path(self, stem: str) -> Path:
        """The entry file of the article ``stem``."""
        return self.folder / f"{stem}{_SUFFIX}"

    def get(self, stem: str) -> str | None:
        """The entry text kept for ``stem``, or None (no entry, unreadable, not UTF-8)."""
        try:
            return self.path(stem).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, stem: str, text: str) -> None:
        """Keep ``text`` as the entry of ``stem``, atomically (a reader sees the old entry or the
        new one; a torn write after a crash fails the checksum)."""
        if self._broken:
            return
        tmp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as out:
                out.write(text.encode("utf-8"))
            os.replace(tmp, self.path(stem))
            tmp = None
        except OSError as exc:
            self._broken = True
            log.warning("cannot write the extraction cache %s (%s): the next build extracts "
                        "every article again", self.folder, exc.strerror or exc)  # fmt: skip
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Remove the entries of articles not in ``keep`` (removed, or now unusable) and the
        temporary files a killed build left (an hour old: a younger one may be another build's
        entry being written)."""
        names = {f"{stem}{_SUFFIX}" for stem in keep}
        try:
            found = list(self.folder.iterdir())
        except OSError:
            return
        old = time.time() - STALE_AFTER
        for path in found:
            with suppress(OSError):
                entry = path.suffix == _SUFFIX and path.name not in names
                if entry or (path.name.startswith(".") and path.suffix == ".tmp"
                             and path.stat().st_mtime < old):  # fmt: skip
                    path.unlink()


@dataclass(frozen=True, slots=True)
class Pending:
    """An article to extract, with its curated entry and the key of its cache entry."""

    article: Article
    curated: CuratedFact | None
    key: str


class Articles:
    """The articles of one build: each one's cache entry when it is sound and for this input."""

    def __init__(self, cache: ExtractCache, code: Mapping[str, str], gazetteer: str,
                 gaz: Gazetteer, coverage: bool) -> None:  # fmt: skip
        self.cache, self.gaz = cache, gaz
        self.base = base_key(code, gazetteer)
        self.strings: dict[str, str] = {}  # one object per repeated string, as in load_table
        self.raw: dict[str, bytes] | None = {} if coverage else None  # cached ones' bytes

    def look_up(self, path: Path, raw: bytes, sha256: str,
                cur: CuratedFact | None) -> Extracted | Pending | DataError:  # fmt: skip
        """The article's cached extraction, else the article to extract, else why it cannot
        be used. ``raw``: its bytes, ``sha256`` theirs."""
        key = entry_key(self.base, path.stem, sha256, curated_key(cur))
        text = self.cache.get(path.stem)
        if text is not None:
            try:
                found = decode(text, key, path, sha256, self.gaz, READERS, self.strings)
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                log.debug("extraction cache: %s ignored (%s)", self.cache.path(path.stem), exc)
            else:
                if self.raw is not None:
                    self.raw[path.stem] = raw
                return found
        try:
            return Pending(parse_article(path, raw), cur, key)
        except DataError as exc:
            return exc

    def fresh(self, item: Pending, text: str) -> Extracted:
        """A new extraction (a cache entry's text), kept in the cache and read back as a cached
        one is, so a table is the same whichever way each article came."""
        self.cache.put(item.article.stem, text)
        a = item.article
        return decode(text, item.key, a.path, a.sha256, self.gaz, READERS, self.strings)

    def article(self, item: Extracted | Pending) -> Article:
        """The article with its text (for its coverage report; a cached one is parsed again)."""
        if isinstance(item, Pending):
            return item.article
        assert self.raw is not None, "kept with coverage=True"
        return parse_article(item.context.article.path, self.raw[item.info.stem])


def curated_key(cur: CuratedFact | None) -> tuple[str, str] | None:
    """What extraction reads of an article's curated entry: the date and its note."""
    return (cur.value, f"curated: {cur.reason} Source: {cur.source}") if cur else None


_MEMO = 200_000  # renderings' problems kept by ``RussianCheck`` (then it starts again)


class RussianCheck:
    """The glossary a build checks facts against (``check_facts``), and its sha256."""

    def __init__(self, glossary: Glossary, data: Any, sha256: str) -> None:
        self.glossary = glossary
        self.data = data  # as read, for worker processes
        self.sha256 = sha256
        self._gaz: Gazetteer | None = None  # the gazetteer ``_memo``'s problems were found with
        self._memo: dict[Any, tuple[str, ...]] = {}

    def check(self, facts: Sequence[Fact], gaz: Gazetteer) -> list[str]:
        """``check_facts`` of ``facts``: a line per problem (a fact rendered as one checked
        before with ``gaz``, in any article, is not rendered again)."""
        if gaz is not self._gaz or len(self._memo) > _MEMO:
            self._gaz, self._memo = gaz, {}
        return check_facts(self.glossary, gaz, facts, memo=self._memo)

    def lines(self, e: Extracted, mine: Sequence[Fact], gaz: Gazetteer,
              cache: ExtractCache) -> tuple[str, ...]:  # fmt: skip
        """``check_facts`` of one article's merged facts ``mine`` (a fact for each of its
        facts, in their order), taken from its extraction when merging left what the check
        reads of each fact as it was (``checked_alike``) and the glossary is the one they were
        checked against. A
        glossary edit re-checks an article once and keeps the new lines in its entry."""
        lines = e.russian
        if e.glossary != self.sha256:
            lines = tuple(self.check(e.facts, gaz))
            text = encode(e.key, e.context, e.facts, e.info, self.sha256, lines)
            cache.put(e.info.stem, text)
        # (merging gives most facts their meeting and place, which no line depends on: at
        # 10,000 articles a quarter of the reports were checked again for nothing)
        same = all(a is b or checked_alike(a, b) for a, b in zip(mine, e.facts, strict=True))
        return lines if same else tuple(self.check(mine, gaz))


def cache_folder(table: Path) -> Path:
    """The extraction cache of the table at ``table``: a folder beside it."""
    return table.with_name(f"{table.stem}.cache")


__all__ = [
    "CODECS",
    "CONTEXT_FIELDS",
    "FORMAT",
    "LEFT_OUT",
    "Articles",
    "ExtractCache",
    "Extracted",
    "Pending",
    "RussianCheck",
    "base_key",
    "cache_folder",
    "context_from_json",
    "context_json",
    "curated_key",
    "decode",
    "encode",
    "entry_key",
]
