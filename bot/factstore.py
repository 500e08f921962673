"""The fact table in SQLite: facts by kind and meeting, and the word index, read on demand.

A build writes it beside the JSON table (``store_path``) from the very table it dumped, with
each fact's words as ``bot/relevance.py`` reads them, the postings (word -> facts) and the
document frequencies among the ranked kinds, so that ``ask`` and ``run`` open it and decode only
the facts a question's meetings and words lead to (issue 17). What every question needs (the
intents, lexicon, gazetteer, glossary, articles and meetings) is loaded whole when it opens;
the meetings are stored ready-made, and the facts they hold are read when first used.

Facts are numbered in the order the word index counts them (the kinds of ``bot.kinds.KINDS``,
then the table's order), so a kind's facts in number order are the table's order, as
``FactTable.find`` gives them. Decoded facts are kept (the last ``_HELD``, and any that something
else still holds): a fact read again while it is alive is the same object, and answers key what
they remember of a fact by its number (``fact_key``), which outlives it.
"""

from __future__ import annotations

import bisect
import errno
import gc
import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import weakref
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, cast, overload

from .errors import DataError

try:
    import fcntl
except ImportError:  # (Windows: no locks, so every incremental build patches a copy)
    fcntl = None  # type: ignore[assignment]
from .facts import (
    ENCOUNTER,
    MAIN,
    MEETING,
    QUOTED,
    ArticleInfo,
    Fact,
    FactKind,
    FactTable,
    Meeting,
    PartsReader,
    fact_from_json,
    fact_order,
    group_meetings,
)

# 2: facts (kind, meeting, article, value, qualifier, JSON, words), words (postings, ranked
# df), each kind's values, each meeting's words, meta. 3: each fact's agent (a statement's
# speaker), indexed, and the years it is of besides its meeting's. 4: a fact's number is its
# kind's, its article's place and its own among the article's facts of that kind (8-byte
# postings); each article's report (what an incremental build merges again), how many facts
# have each value. 5: the meetings ready-made (meta "meetings": ``_meetings_json``), their facts
# read when first used. 6: a fact's JSON without what its columns hold (kind, meeting, article,
# value, qualifier) and, instead of its other texts that repeat the value (a passage's sentence
# three times, a statement's words twice), their names under "same" (``_packed``); the content
# index without quoted sentences, the meetings' words without their mark (``QUOTED``).
STORE_VERSION = 6
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE facts (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, meeting TEXT NOT NULL,
                    article TEXT NOT NULL, value TEXT NOT NULL, qualifier TEXT NOT NULL,
                    data TEXT NOT NULL, words TEXT NOT NULL, said INTEGER NOT NULL,
                    agent TEXT NOT NULL, years TEXT NOT NULL);
CREATE INDEX facts_by_kind ON facts (kind, meeting, id);
CREATE INDEX facts_by_agent ON facts (kind, agent, id);
CREATE INDEX facts_by_article ON facts (article, id);
CREATE TABLE reports (stem TEXT PRIMARY KEY, pos INTEGER NOT NULL, data TEXT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE content (word TEXT PRIMARY KEY, ids BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE kind_values (kind TEXT NOT NULL, value TEXT NOT NULL, facts INTEGER NOT NULL,
                          PRIMARY KEY (kind, value)) WITHOUT ROWID;
CREATE TABLE meeting_words (meeting TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE words (word TEXT PRIMARY KEY, ranked INTEGER NOT NULL, ids BLOB NOT NULL)
    WITHOUT ROWID;
"""
_TABLES = frozenset(re.findall(r"CREATE TABLE (\w+)", _SCHEMA))
_REMEMBERED = 2000  # postings kept (a common word's, at 10,000 articles: 100,000 numbers)
_BATCH = 500  # facts decoded per query (SQLite's limit on parameters is far above)
# Decoded facts kept at most (beyond those something else holds). At 10,000 articles a fact
# held costs about 1.9 KB with what answers remember of it, and the 536 questions of the
# benchmark still read 206,000 facts between them (the answers that read whole kinds: README);
# with 50,000 kept, those were read again on every ask (warm p99 0.85 s instead of 21 ms).
_HELD = 200_000
_WORD_SETS = 50_000  # the word sets of displays kept for the next fact of the display
_SPEAKERS = 16  # a speaker's facts by meeting, kept for the last few speakers asked about
READER_CACHE_KIB = 512  # a reading connection's page cache (``_connect``) of a large store
_WHOLE_CACHE = 2 << 20  # a store up to this size keeps SQLite's cache (2 MiB): all of it
_SEP = "\x1f"  # between a fact's words (a name has spaces: "@Xi Jinping")
# A fact's number: its kind's index, its article's place among the articles (in the order of
# their stems) and its own among that article's facts of that kind, so that numbers sort as the
# table's order does (kinds, then ``fact_order``) and an article's facts can be replaced without
# renumbering any other: a new article takes a place between its neighbours' (``positions``).
_KIND_SHIFT = 56
_POS_SHIFT = 16
_POS_LIMIT = 1 << (_KIND_SHIFT - _POS_SHIFT)
_TYPECODE = "Q"  # postings: 8-byte little-endian unsigned ints

WordsOf = Callable[[Fact], frozenset[str]]
AgentOf = Callable[[Fact], str]
YearsOf = Callable[[Fact], Iterable[int]]


def store_path(table_path: Path) -> Path:
    """Where the store of the table at ``table_path`` lives: beside it, ``<stem>.sqlite``."""
    path = table_path.with_name(f"{table_path.stem}.sqlite")
    return path if path != table_path else table_path.with_name(f"{table_path.name}.sqlite")


def table_seal(table_path: Path) -> str:
    """What identifies the JSON table the store was made from: its size, its modification time
    and its checksum line (a table replaced or edited since is another one)."""
    st = table_path.stat()
    with table_path.open("rb") as f:
        head = f.read(96)
    return f"{st.st_size}:{st.st_mtime_ns}:{head.hex()}"


def write_store(table: FactTable, path: Path, kinds: Sequence[FactKind], words_of: WordsOf,
                ranked: Iterable[FactKind], meta: Mapping[str, str],
                known: Mapping[int, str] | None = None,
                content_of: WordsOf | None = None, agent_of: AgentOf | None = None,
                years_of: YearsOf | None = None,
                reports: Mapping[str, str] | None = None) -> None:  # fmt: skip
    """Write ``table`` to a new SQLite file and put it in place of ``path`` atomically.

    ``kinds``: every kind, in the word index's order; ``words_of``: a fact's words as
    relevance reads them; ``ranked``: the kinds whose document frequencies weigh a question's
    words; ``meta``: more to record (the JSON table's seal, the reader's key); ``known``: the
    words of displays read before (``said_words``), not read again; ``content_of``: the words
    that tell facts apart (``FactText.content``), indexed for ``StoredTable.overlap``;
    ``agent_of``: who does what a fact reports (``bot.kinds``), for ``StoredTable.said_by``;
    ``years_of``: the years a fact is of besides its meeting's (``StoredTable.kind_years``);
    ``reports``: each article's report (stem -> JSON text, ``StoredTable.reports``), which an
    incremental build (``update_store``) merges again. The contents are the same for the same
    table; a disk error is a DataError naming the store.
    """
    with _beside(path, make_folder=True) as tmp:
        _fill(tmp, table, kinds, words_of, frozenset(ranked), meta, known or {},
              content_of or (lambda f: frozenset()), agent_of or (lambda f: ""),
              years_of or (lambda f: ()), reports or {})  # fmt: skip
        with _replacing(path):
            os.replace(tmp, path)  # an open reader keeps the old file; the next opens the new


@contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    """A disk error in the body is a DataError naming the store at ``path``."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        problem = getattr(exc, "strerror", None) or exc
        raise DataError(path, f"cannot write the fact store: {problem}") from None


@contextmanager
def _beside(path: Path, make_folder: bool = False) -> Iterator[Path]:
    """A new file beside the store at ``path`` for the body to fill and put in its place
    (``os.replace``, under ``_replacing``); removed when it does not get there. A disk error is
    a DataError naming the store."""
    tmp: Path | None = None
    with _disk_errors(path):
        try:
            if make_folder:
                path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            tmp = Path(name)
            os.chmod(tmp, 0o644)
            yield tmp
        finally:
            if tmp is not None:
                tmp.unlink(missing_ok=True)  # (gone when it was put in place)


# Readers and writers of a store take advisory locks (flock(2)) on its file, which SQLite's own
# locks (fcntl(2) byte ranges, held only while a statement or transaction runs) do not see. A
# reader (``StoredTable``) holds a shared lock for as long as it is open: it reads what it
# needs when it needs it, over many transactions, and keeps what it read (meetings, numbers),
# so the file must not change under it. An incremental build that gets an exclusive lock (no
# reader has the file open) updates the file in place, in one SQLite transaction with a rollback
# journal; a reader that opens it meanwhile waits for the lock. Otherwise the build patches a
# copy and renames it over the file, as a full build writes a new one; both rename only holding a
# shared lock on the file they replace (``_replacing``), so that no update in place is under way
# on a file renamed away (its journal, named after the path, would be left beside the new file).
_SHARED, _EXCLUSIVE = (fcntl.LOCK_SH, fcntl.LOCK_EX) if fcntl is not None else (1, 2)
_WAIT = 60.0  # seconds a reader waits for an update in place to end (it takes 1-2 s)


def _lock(fd: int, how: int, wait: float) -> bool | None:
    """Take the flock ``how`` (``_SHARED``, ``_EXCLUSIVE``) on ``fd``, trying for ``wait``
    seconds: True when held, False when another holds a conflicting one, None when there are
    no such locks here (Windows, a file system without them)."""
    if fcntl is None:
        return None
    deadline = time.monotonic() + wait
    delay = 0.002
    while True:
        try:
            fcntl.flock(fd, how | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return None  # (ENOLCK, EOPNOTSUPP, EINVAL)
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


class _Hold:
    """An open descriptor of a store's file and the flock it holds (``held``: as ``_lock``
    says); closed, the lock released, by ``release`` or when nothing refers to it any more."""

    def __init__(self, path: Path, how: int, wait: float):
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        self.release = weakref.finalize(self, os.close, self.fd)
        try:
            self.held = _lock(self.fd, how, wait)
        except BaseException:
            self.release()
            raise

    def at(self, path: Path) -> bool:
        """Whether ``path`` is still this file (no build renamed another over it)."""
        mine = os.fstat(self.fd)
        try:
            now = os.stat(path)
        except FileNotFoundError:
            return False
        return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _held(path: Path, how: int, wait: float) -> _Hold:
    """The file at ``path`` held with the lock ``how`` (``_Hold``), the one the path names once
    it is held; a DataError when a shared lock waited ``wait`` seconds in vain."""
    for _ in range(20):
        hold = _Hold(path, how, wait)
        if hold.held is False and how == _SHARED:
            hold.release()
            raise DataError(path, f"the fact store is being written (waited {wait:.0f} s)")
        if hold.held is not True or hold.at(path):
            return hold
        hold.release()  # replaced between the open and the lock: take the new one
    raise DataError(path, "the fact store keeps being replaced")


@contextmanager
def _replacing(path: Path) -> Iterator[None]:
    """Held while a new file is renamed over the store at ``path``: a shared lock on the file it
    replaces (waiting for an update in place to end), and no journal beside it left by a build
    that died while updating it in place (it would be the new file's)."""
    try:
        hold = _held(path, _SHARED, _WAIT)
    except FileNotFoundError:
        yield
        return
    try:
        Path(f"{path}-journal").unlink(missing_ok=True)
        yield
    finally:
        hold.release()


def _recover(path: Path) -> None:
    """Roll back what a build that died left half-written in the store at ``path`` (its hot
    journal beside it), as SQLite does when a connection that may write opens it. The caller
    holds a lock on the file (no update in place is under way)."""
    if not Path(f"{path}-journal").exists():
        return
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    finally:
        db.close()


def _fill(path: Path, table: FactTable, kinds: Sequence[FactKind], words_of: WordsOf,
          ranked: frozenset[FactKind], meta: Mapping[str, str],
          known: Mapping[int, str], content_of: WordsOf, agent_of: AgentOf,
          years_of: YearsOf, reports: Mapping[str, str]) -> None:  # fmt: skip
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new private file: renamed only when whole
        db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        order = {k: n for n, k in enumerate(kinds)}
        facts = sorted(table.facts, key=lambda f: (order[f.kind], *fact_order(f)))
        postings: dict[str, array[int]] = {}
        by_meeting: dict[str, set[str]] = {}
        content: dict[str, array[int]] = {}
        ranked_df: dict[str, int] = {}
        ranked_count = 0
        rows = []
        places = positions({*reports, *(f.article for f in facts)})
        last, i = ("", ""), 0
        numbers: dict[int, int] = {}  # id(fact) -> its number
        for fact in facts:
            i = i + 1 if (fact.kind, fact.article) == last else 0
            last = (fact.kind, fact.article)
            n = numbers[id(fact)] = fact_number(order[fact.kind], places[fact.article], i)
            said = _said(fact.display)
            before = known.get(said)
            words = before.split(_SEP) if before else [] if before == "" else sorted(words_of(fact))
            for w in words:
                found = postings.get(w)
                if found is None:
                    found = postings[w] = array(_TYPECODE)
                found.append(n)
            by_meeting.setdefault(fact.meeting, set()).update(_unquoted(words))
            for w in content_of(fact):
                found = content.get(w)
                if found is None:
                    found = content[w] = array(_TYPECODE)
                found.append(n)
            if fact.kind in ranked:
                ranked_count += 1
                for w in words:
                    ranked_df[w] = ranked_df.get(w, 0) + 1
            rows.append((n, fact.kind, fact.meeting, fact.article, fact.value, fact.qualifier,
                         _packed(fact), _SEP.join(words), said, agent_of(fact),
                         ",".join(map(str, sorted(set(years_of(fact)))))))  # fmt: skip
        db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany(
            "INSERT INTO words VALUES (?, ?, ?)",
            ((w, ranked_df.get(w, 0), _blob(ids)) for w, ids in sorted(postings.items())),
        )
        db.executemany("INSERT INTO content VALUES (?, ?)",
                       ((w, _blob(ids)) for w, ids in sorted(content.items())))  # fmt: skip
        values = Counter((f.kind, f.value) for f in facts)
        db.executemany("INSERT INTO kind_values VALUES (?, ?, ?)",
                       ((k, v, n) for (k, v), n in sorted(values.items())))  # fmt: skip
        db.executemany(
            "INSERT INTO meeting_words VALUES (?, ?)",
            ((m, _SEP.join(sorted(ws))) for m, ws in sorted(by_meeting.items())),
        )
        sections = {
            "version": STORE_VERSION,
            "inputs": table.inputs,
            "articles": [asdict(a) for a in sorted(table.articles, key=lambda a: a.stem)],
            "intents": table.intents,
            "lexicon": table.lexicon,
            "gazetteer": table.gazetteer,
            "glossary": table.glossary,
            "kinds": list(kinds),
            "ranked": sorted(ranked),
            "ranked_count": ranked_count,
            "meetings": _meetings_json(table.meetings, table.others, numbers),
        }
        items = {k: json.dumps(v, ensure_ascii=False, sort_keys=True) for k, v in sections.items()}
        items |= dict(meta)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(items.items()))
        db.executemany(
            "INSERT INTO reports VALUES (?, ?, ?)",
            ((stem, places[stem], data) for stem, data in sorted(reports.items())),
        )
        db.execute("COMMIT")
    finally:
        db.close()
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def update_store(path: Path, replaced: Mapping[str, Sequence[Fact]], dropped: Iterable[str],
                 reports: Mapping[str, str], meta: Mapping[str, str],
                 parts: Mapping[str, PartsReader], words_of: WordsOf, content_of: WordsOf,
                 agent_of: AgentOf, years_of: YearsOf) -> bool:  # fmt: skip
    """Replace the rows of a few articles of the store at ``path`` (an incremental build),
    on a copy put in its place atomically, as ``write_store`` does: a reader sees the old store
    or the new one.

    ``replaced``: stem -> the article's facts now (merged); ``dropped``: articles that are gone;
    ``reports``: their report rows now (stem -> JSON text); ``meta``: items to set. Every other
    article's facts, numbers and words stay as they are; the word index, the values, the
    meetings' words and the count of ranked facts change by what the replaced facts change.
    The store then holds what ``write_store`` writes for the whole table, but for the numbers
    of the new articles' facts (their places: ``positions``). False when a new article finds
    no room between its neighbours' places (then write the store whole); a disk error is a
    DataError naming the store.

    In place, in one transaction, when no reader has the store open (see ``_lock``); else on a
    copy renamed over it."""
    args = (replaced, set(dropped), reports, meta, parts, words_of, content_of, agent_of,
            years_of)  # fmt: skip
    with _disk_errors(path):
        hold = _held(path, _EXCLUSIVE, 0)
        try:
            if hold.held:
                return _in_place(path, *args)
        finally:
            hold.release()
    with _disk_errors(path):
        hold = _held(path, _SHARED, _WAIT)  # (an update in place is not copied half done)
    try:
        with _beside(path) as tmp:
            _recover(path)
            shutil.copyfile(path, tmp)  # (sendfile: 0.2-0.4 s for the 420 MB of 10,000 articles)
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = OFF")  # a private copy: renamed only when whole
                db.execute("PRAGMA synchronous = OFF")
                db.execute("BEGIN")
                done = _patch(db, *args)
                db.execute("COMMIT" if done else "ROLLBACK")
            finally:
                db.close()
            if not done:
                return False
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            # an open reader keeps the old file; the next opens the new (renamed under the
            # shared lock taken to copy it, as ``_replacing`` would take it)
            Path(f"{path}-journal").unlink(missing_ok=True)
            os.replace(tmp, path)
            return True
    finally:
        hold.release()


def _in_place(path: Path, *args: Any) -> bool:
    """``update_store`` in the file itself, in one transaction (the caller holds the exclusive
    lock): a reader that does not lock (another tool) reads the old rows until the commit, and
    a build that dies before it leaves a journal that the next to open the file rolls back."""
    db = sqlite3.connect(path, isolation_level=None, timeout=_WAIT)
    try:  # (closed before the commit, the transaction is rolled back)
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA cache_size = -32768")  # (32 MiB: more changed pages go early)
        db.execute("BEGIN IMMEDIATE")
        done = _patch(db, *args)
        db.execute("COMMIT" if done else "ROLLBACK")
        return done
    finally:
        db.close()


def _patch(db: sqlite3.Connection, replaced: Mapping[str, Sequence[Fact]], dropped: set[str],
           reports: Mapping[str, str], meta: Mapping[str, str], parts: Mapping[str, PartsReader],
           words_of: WordsOf, content_of: WordsOf, agent_of: AgentOf,
           years_of: YearsOf) -> bool:  # fmt: skip
    """``update_store`` on the open copy ``db``; False when a new article has no room."""
    kinds = json.loads(db.execute("SELECT value FROM meta WHERE key = 'kinds'").fetchone()[0])
    ranked = frozenset(json.loads(db.execute("SELECT value FROM meta WHERE key = 'ranked'")
                                  .fetchone()[0]))  # fmt: skip
    order = {k: n for n, k in enumerate(kinds)}
    places = dict(db.execute("SELECT stem, pos FROM reports"))
    for stem in dropped:
        places.pop(stem, None)
    ordered = sorted(places)
    for stem in sorted(s for s in replaced if s not in places):
        pos = _place_between(stem, places, ordered)
        if pos is None:
            return False
        places[stem] = pos
        bisect.insort(ordered, stem)
    # what the old rows held: their words and content words go from the indexes
    gone_words: dict[str, list[int]] = {}
    gone_content: dict[str, list[int]] = {}
    gone_ranked: Counter[str] = Counter()
    values: Counter[tuple[str, str]] = Counter()  # how many facts of a value more (or fewer)
    meetings: set[str] = set()
    ranked_change = 0
    strings: dict[str, str] = {}
    for stem in sorted({*replaced, *dropped}):
        rows = db.execute(f"SELECT id, words, {_COLUMNS}, data FROM facts WHERE article = ?",
                          (stem,)).fetchall()  # fmt: skip
        for n, words, *row in rows:
            fact = _unpacked(n, row, parts, strings)
            kind, mid, _, value, _ = row[:5]  # (``_IN_COLUMNS``)
            said = words.split(_SEP) if words else []
            for w in said:
                gone_words.setdefault(w, []).append(n)
            for w in content_of(fact):
                gone_content.setdefault(w, []).append(n)
            if kind in ranked:
                ranked_change -= 1
                gone_ranked.update(said)
            values[(kind, value)] -= 1
            meetings.add(mid)
        db.execute("DELETE FROM facts WHERE article = ?", (stem,))
    new_words: dict[str, list[int]] = {}
    new_content: dict[str, list[int]] = {}
    new_ranked: Counter[str] = Counter()
    rows = []
    for stem, facts in sorted(replaced.items()):
        last, i = "", 0
        for fact in sorted(facts, key=lambda f: (order[f.kind], *fact_order(f))):
            i = i + 1 if fact.kind == last else 0
            last = fact.kind
            n = fact_number(order[fact.kind], places[stem], i)
            words = sorted(words_of(fact))
            for w in words:
                new_words.setdefault(w, []).append(n)
            for w in content_of(fact):
                new_content.setdefault(w, []).append(n)
            if fact.kind in ranked:
                ranked_change += 1
                new_ranked.update(words)
            meetings.add(fact.meeting)
            values[(fact.kind, fact.value)] += 1
            rows.append((n, fact.kind, fact.meeting, fact.article, fact.value, fact.qualifier,
                         _packed(fact), _SEP.join(words), _said(fact.display),
                         agent_of(fact),
                         ",".join(map(str, sorted(set(years_of(fact)))))))  # fmt: skip
    db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    for word in sorted(gone_words.keys() | new_words.keys()):
        row = db.execute("SELECT ranked, ids FROM words WHERE word = ?", (word,)).fetchone()
        ids = _moved(_ids(row[1]) if row else array(_TYPECODE), gone_words.get(word, ()),
                     new_words.get(word, ()))  # fmt: skip
        df = (row[0] if row else 0) - gone_ranked[word] + new_ranked[word]
        if ids:
            db.execute("INSERT OR REPLACE INTO words VALUES (?, ?, ?)", (word, df, _blob(ids)))
        else:
            db.execute("DELETE FROM words WHERE word = ?", (word,))
    for word in sorted(gone_content.keys() | new_content.keys()):
        row = db.execute("SELECT ids FROM content WHERE word = ?", (word,)).fetchone()
        ids = _moved(_ids(row[0]) if row else array(_TYPECODE), gone_content.get(word, ()),
                     new_content.get(word, ()))  # fmt: skip
        if ids:
            db.execute("INSERT OR REPLACE INTO content VALUES (?, ?)", (word, _blob(ids)))
        else:
            db.execute("DELETE FROM content WHERE word = ?", (word,))
    for (kind, value), more in sorted(values.items()):
        row = db.execute("SELECT facts FROM kind_values WHERE kind = ? AND value = ?",
                         (kind, value)).fetchone()  # fmt: skip
        left = (row[0] if row else 0) + more
        if left > 0:
            db.execute("INSERT OR REPLACE INTO kind_values VALUES (?, ?, ?)", (kind, value, left))
        else:
            db.execute("DELETE FROM kind_values WHERE kind = ? AND value = ?", (kind, value))
    marks = ",".join("?" * len(kinds))
    for mid in sorted(meetings):
        found: set[str] = set()
        for (words,) in db.execute(f"SELECT words FROM facts WHERE kind IN ({marks}) "
                                   "AND meeting = ?", (*kinds, mid)):  # fmt: skip
            found.update(_unquoted(w for w in words.split(_SEP) if w))
        if found:
            db.execute("INSERT OR REPLACE INTO meeting_words VALUES (?, ?)",
                       (mid, _SEP.join(sorted(found))))  # fmt: skip
        else:
            db.execute("DELETE FROM meeting_words WHERE meeting = ?", (mid,))
    count = int(json.loads(db.execute("SELECT value FROM meta WHERE key = 'ranked_count'")
                           .fetchone()[0]))  # fmt: skip
    items = {"ranked_count": json.dumps(count + ranked_change), **meta,
             "meetings": _meetings_again(db, meetings, parts, strings)}  # fmt: skip
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(items.items()))
    db.executemany("DELETE FROM reports WHERE stem = ?", [(s,) for s in sorted(dropped)])
    db.executemany(
        "INSERT OR REPLACE INTO reports VALUES (?, ?, ?)",
        [(stem, places[stem], data) for stem, data in sorted(reports.items())],
    )
    return True


def _meetings_json(meetings: Iterable[Meeting], others: Iterable[Meeting],
                   numbers: Mapping[int, int]) -> dict[str, list[list[Any]]]:  # fmt: skip
    """The meetings and the others (``FactTable.meetings``, ``others``), as ``StoredTable``
    makes them again without reading a fact: each one's fields and its facts' numbers
    (``numbers``: ``id(fact)`` -> number)."""
    return {
        name: [[m.id, m.date.isoformat() if m.date else "", m.place, m.weekday, list(m.articles),
                m.what, [numbers[id(f)] for f in m.facts]] for m in group]
        for name, group in (("meetings", meetings), ("others", others))
    }  # fmt: skip


def _meetings_again(db: sqlite3.Connection, touched: set[str],
                    parts: Mapping[str, PartsReader], strings: dict[str, str]) -> str:  # fmt: skip
    """The stored meetings (``_meetings_json``) with those of the ids ``touched`` made again
    from their facts now (the others' are as they were)."""
    old = json.loads(db.execute("SELECT value FROM meta WHERE key = 'meetings'").fetchone()[0])
    marks = ",".join("?" * len(touched))
    numbers: dict[int, int] = {}
    held: list[Fact] = []
    for n, *row in db.execute(
        f"SELECT id, {_COLUMNS}, data FROM facts WHERE meeting IN ({marks}) AND "
        "(kind = ? OR (kind = ? AND qualifier = ?)) ORDER BY id",
        (*sorted(touched), MEETING, ENCOUNTER, MAIN),
    ):
        fact = _unpacked(n, row, parts, strings)
        numbers[id(fact)] = n
        held.append(fact)
    meetings, others = group_meetings([f for f in held if f.kind == MEETING],
                                      [f for f in held if f.kind == ENCOUNTER])  # fmt: skip
    new = _meetings_json(meetings, others, numbers)
    out = {}
    for name in ("meetings", "others"):
        kept = [m for m in old[name] if m[0] not in touched] + new[name]
        out[name] = sorted(kept, key=lambda m: (date.fromisoformat(m[1]).toordinal()
                                                if m[1] else 0, m[0]))  # fmt: skip
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def _moved(ids: array[int], gone: Iterable[int], new: Iterable[int]) -> array[int]:
    """``ids`` (ascending) without the numbers ``gone`` and with those ``new``, ascending."""
    for n in gone:
        at = bisect.bisect_left(ids, n)
        if at < len(ids) and ids[at] == n:
            del ids[at]
    for n in new:
        at = bisect.bisect_left(ids, n)
        if at == len(ids) or ids[at] != n:
            ids.insert(at, n)
    return ids


_DUMP = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def fact_text(fact: Fact) -> str:
    """What tells a fact apart from others (its columns and its JSON as the store keeps them,
    ``_packed``): equal facts, equal texts; ``StoredTable.fact_texts`` gives the same."""
    return _SEP.join((fact.kind, fact.meeting, fact.article, fact.value, fact.qualifier,
                      _packed(fact)))  # fmt: skip


# The fields of a fact the facts table has columns for (in this order, ``_COLUMNS``), and the
# texts of a fact that often repeat its value: a passage's source and parts.text, a statement's
# parts.content and often its source, an area's display.
_IN_COLUMNS = ("kind", "meeting", "article", "value", "qualifier")
_COLUMNS = ", ".join(_IN_COLUMNS)
_TEXTS = ("source", "display")
_STRETCH = 24  # characters of a value a display must hold to be kept as the stretch it holds


def _packed(fact: Fact) -> str:
    """A fact's JSON as the store keeps it (compact, keys sorted): without the fields its
    columns hold (``_IN_COLUMNS``); in place of each text that equals the value, its name under
    "same" ("source", "display", "parts.<field>"); a display that holds a stretch of the value
    (a passage's "The article says: “...”", a statement's "Xi said ...") as what is before it,
    its length and what is after it. At 1,000 articles the store is a third smaller."""
    data = fact.to_json()
    for k in _IN_COLUMNS:
        data.pop(k, None)
    value = fact.value
    if not value:
        return _DUMP(data)
    same = [k for k in _TEXTS if data.get(k) == value]
    parts = data.get("parts", {})
    same += [f"parts.{k}" for k, v in parts.items() if v == value]
    for k in same:
        if k.startswith("parts."):
            del parts[k[6:]]
        else:
            del data[k]
    if same:
        data["same"] = same
        if not parts:
            data.pop("parts", None)
    display = data.get("display", "")
    at = display.find(value[:_STRETCH]) if len(value) >= _STRETCH else -1
    if at >= 0:
        held = len(os.path.commonprefix((display[at:], value)))
        data["display"] = [display[:at], held, display[at + held :]]
    return _DUMP(data)


def _unpacked(n: int, row: Sequence[str], parts: Mapping[str, PartsReader],
              strings: dict[str, str]) -> Fact:  # fmt: skip
    """The fact number ``n`` of its row: its columns (``_IN_COLUMNS``) and its JSON
    (``_packed``)."""
    raw = json.loads(row[-1])
    for k, v in zip(_IN_COLUMNS, row, strict=False):
        if v:
            raw[k] = v
    value = row[_IN_COLUMNS.index("value")]
    for k in raw.pop("same", ()):
        if k.startswith("parts."):
            raw.setdefault("parts", {})[k[6:]] = value
        else:
            raw[k] = value
    display = raw.get("display")
    if type(display) is list:
        before, held, after = display
        raw["display"] = before + value[:held] + after
    return fact_from_json(n, raw, parts, strings)


def _unquoted(words: Iterable[str]) -> set[str]:
    """Words of facts with a quoted sentence's mark taken off (``QUOTED``): what a meeting's
    words are read as (``Picker._meeting_words``)."""
    return {w.removeprefix(QUOTED) for w in words}


def store_counts(path: Path) -> tuple[dict[str, int], int]:
    """How many facts of each kind the store at ``path`` holds, and how many meetings of the
    principals (what a build's summary says), without opening it as a table."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        kinds = dict(db.execute("SELECT kind, COUNT(*) FROM facts GROUP BY kind"))
        (meetings,) = db.execute("SELECT COUNT(DISTINCT meeting) FROM facts WHERE kind = ?",
                                 (MEETING,)).fetchone()  # fmt: skip
    finally:
        db.close()
    return kinds, int(meetings)


def _said(display: str) -> int:
    """A 63-bit key of a fact's display: its words depend on nothing else of it."""
    digest = hashlib.blake2b(display.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


def display_key(display: str) -> int:
    """The key of a display in ``write_store``'s ``known`` (``said_words``)."""
    return _said(display)


def words_text(words: Iterable[str]) -> str:
    """A display's words as ``write_store``'s ``known`` holds them (and the store keeps them)."""
    return _SEP.join(sorted(words))


def said_words(path: Path) -> dict[int, str]:
    """The words of each display a store at ``path`` holds (``write_store``'s ``known``); {}
    when there is no such store."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return dict(db.execute("SELECT said, words FROM facts"))
    except sqlite3.Error:
        return {}
    finally:
        db.close()


def fact_number(kind: int, pos: int, index: int) -> int:
    """The number of the ``index``-th fact (in ``fact_order``) of kind number ``kind`` of the
    article at place ``pos`` (``positions``)."""
    if not (0 <= index < 1 << _POS_SHIFT and 0 < pos < _POS_LIMIT and 0 <= kind < 1 << 6):
        raise ValueError(f"no fact number for kind {kind}, place {pos}, fact {index}")
    return kind << _KIND_SHIFT | pos << _POS_SHIFT | index


def positions(stems: Iterable[str]) -> dict[str, int]:
    """The places of articles (stem -> place), spread evenly in the order of their stems, so
    that articles added later fit between them."""
    ordered = sorted(set(stems))
    step = _POS_LIMIT // (len(ordered) + 1)
    return {stem: (n + 1) * step for n, stem in enumerate(ordered)}


def _place_between(stem: str, places: Mapping[str, int], ordered: list[str]) -> int | None:
    """A place for the new article ``stem`` between its neighbours' in ``ordered`` (the stems of
    ``places``, sorted); None when there is no room left."""
    at = bisect.bisect_left(ordered, stem)
    low = places[ordered[at - 1]] if at > 0 else 0
    high = places[ordered[at]] if at < len(ordered) else _POS_LIMIT
    mid = (low + high) // 2
    return mid if low < mid < high else None


def _blob(ids: array[int]) -> bytes:
    """Fact numbers as the file keeps them: 8-byte little-endian unsigned ints."""
    if sys.byteorder != "little":
        ids = array(ids.typecode, ids)
        ids.byteswap()
    return ids.tobytes()


def _ids(blob: bytes) -> array[int]:
    ids = array(_TYPECODE)
    ids.frombytes(blob)
    if sys.byteorder != "little":
        ids.byteswap()
    return ids


class StoredTable(FactTable):
    """A ``FactTable`` read from the store: the small sections and the meetings when it opens,
    a kind's facts of a meeting when first asked for (and kept)."""

    def __init__(self, path: Path, parts: Mapping[str, PartsReader], meetings: bool = True):
        """Open the store at ``path``; a DataError when it is not one this code wrote.
        ``meetings``: read the meetings (False: none, for a build that reads only its
        sections and reports). The file is held with a shared lock until ``close`` (``_lock``):
        no build updates it in place meanwhile."""
        self.path = path
        self._parts = parts
        self._strings: dict[str, str] = {}
        self._held: dict[int, Fact] = {}  # fact number -> the fact: the last _HELD decoded
        self._alive: dict[int, _Alive] = {}  # fact number -> the fact while anything holds it
        self._number: dict[int, int] = {}  # id(fact) -> its number, while the fact is alive
        self._words: dict[int, frozenset[str]] = {}  # fact number -> its words, while alive
        # a words text -> its set, one object for the facts of one display (72,000 areas have
        # 24 values; a set of 10 words is 700 bytes): the last _WORD_SETS texts read
        self._word_sets: dict[str, frozenset[str]] = {}
        # id(fact) -> its words, while the fact is alive (relevance reads it as its own cache)
        self.id_words: dict[int, frozenset[str]] = {}
        self._speakers: dict[tuple[FactKind, str], dict[str, tuple[int, ...]]] = {}
        self._years: dict[FactKind, dict[str, list[tuple[int, frozenset[int]]]]] = {}
        self._meeting_words: dict[str, frozenset[str]] | None = None
        self._kind_ids: dict[FactKind, dict[str, tuple[int, ...]]] = {}
        self._whole: dict[FactKind, tuple[int, ...]] = {}  # a kind's numbers, in order
        self._postings: dict[tuple[str, str], array[int]] = {}  # (``_remembered``)
        self._kind_values: dict[FactKind, frozenset[str]] = {}
        self._values = {}
        try:
            self._file, self._db, tables = _reading(path)
            if not tables >= _TABLES:
                raise ValueError(f"not a fact store: no {', '.join(sorted(_TABLES - tables))}")
            marks = ",".join("?" * len(_LATER))
            keys = {k for (k,) in self._db.execute("SELECT key FROM meta")}
            meta = dict(self._db.execute(f"SELECT key, value FROM meta WHERE key NOT IN ({marks})",
                                         _LATER).fetchall())  # fmt: skip
            if meta.get("version") != str(STORE_VERSION):
                raise ValueError(f"store version {meta.get('version')!r}, expected {STORE_VERSION}")
            missing = {"inputs", "articles"} - keys
            if missing:
                raise KeyError(", ".join(sorted(missing)))
            section = {k: json.loads(meta[k]) for k in _SECTIONS}
            self.meta = _Meta(self._db, keys, {k: v for k, v in meta.items() if len(v) < 4096})
            self._inputs: dict[str, str] | None = None
            self._articles: tuple[ArticleInfo, ...] | None = None
            self.intents = section["intents"]
            self.lexicon = section["lexicon"]
            self.gazetteer = section["gazetteer"]
            self.glossary = section["glossary"]
            self.kinds = tuple(section["kinds"])
            self.ranked = frozenset(section["ranked"])
            self.ranked_count = int(section["ranked_count"])
            # the kinds the content index leaves out (``overlap``)
            self._unindexed = frozenset(json.loads(meta.get("unindexed", "[]")))
            ready = section["meetings"] if meetings else {"meetings": [], "others": []}
            self.meetings, self.others = (
                tuple(self._meeting(*m) for m in ready[name]) for name in ("meetings", "others")
            )
        except FileNotFoundError:
            raise DataError(path, "fact store not found") from None
        except (OSError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            if hasattr(self, "_db"):
                self.close()  # (and its lock)
            problem = f"unreadable fact store ({exc.__class__.__name__}: {exc})"
            raise DataError(path, problem) from None
        self._meeting_by_id = {}
        for m in (*self.meetings, *self.others):
            self._meeting_by_id.setdefault(m.id, m)
        self._sort_keys = {mid: m.sort_key() for mid, m in self._meeting_by_id.items()}

    @property
    def inputs(self) -> dict[str, str]:
        """The sha256 of each input the table was built from (read when first asked for)."""
        if self._inputs is None:
            self._inputs = self._section("inputs")
        return self._inputs

    @inputs.setter
    def inputs(self, value: dict[str, str]) -> None:
        raise AttributeError("a stored table's inputs are its file's")

    @property
    def articles(self) -> tuple[ArticleInfo, ...]:
        """Each article's information (read when first asked for: ``ask`` needs none)."""
        if self._articles is None:
            self._articles = tuple(ArticleInfo(**a) for a in self._section("articles"))
        return self._articles

    @articles.setter
    def articles(self, value: tuple[ArticleInfo, ...]) -> None:
        raise AttributeError("a stored table's articles are its file's")

    def stored_reading(self) -> Any:
        """The JSON of the ``bot.reading.Reading`` its build stored (``bot.build.write_index``);
        None when there is none or it does not parse (then it is worked out again)."""
        try:
            return json.loads(self.meta["reading"])
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None

    def _section(self, key: str) -> Any:
        try:
            return json.loads(self.meta[key])
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            raise DataError(self.path, f"unreadable fact store ({key}: {exc})") from None

    def _meeting(self, mid: str, day: str, place: str | None, weekday: str, articles: list[str],
                 what: str, numbers: list[int]) -> Meeting:  # fmt: skip
        """A meeting as the store keeps it (``_meetings_json``), its facts read when first
        used."""
        facts = _Facts(self, numbers)
        meeting = Meeting(mid, date.fromisoformat(day) if day else None, place, weekday,
                          tuple(articles), cast(tuple[Fact, ...], facts), what)  # fmt: skip
        facts.meeting = meeting
        return meeting

    def close(self) -> None:
        """Close the file (the table answers nothing more that it has not decoded)."""
        self._db.close()
        self.unlock()

    def unlock(self) -> None:
        """Let builds update the file in place from now on (an incremental build that read the
        store it then updates: nothing more is read of it)."""
        self._file.release()

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, in the table's order (all decoded: for tools, not for answering)."""
        rows = self._db.execute(f"SELECT id, words, {_COLUMNS}, data FROM facts").fetchall()
        return tuple(sorted((self._fact(n, w, row) for n, w, *row in rows), key=fact_order))

    @facts.setter
    def facts(self, value: tuple[Fact, ...]) -> None:
        raise AttributeError("a stored table's facts are its file's")

    def _fact(self, number: int, words: str, row: Sequence[str]) -> Fact:
        fact = self._revived(number)
        if fact is None:
            try:
                fact = _unpacked(number, row, self._parts, self._strings)
            except (ValueError, KeyError, TypeError) as exc:
                raise DataError(self.path, f"unreadable fact store ({exc})") from None
            self._alive[number] = _Alive(fact, self._gone, number)
            self._number[id(fact)] = number
            shared = self._word_sets.get(words)
            if shared is None:
                if len(self._word_sets) >= _WORD_SETS:
                    self._word_sets.clear()  # (the facts alive keep theirs)
                shared = self._word_sets[words] = frozenset(words.split(_SEP) if words else ())
            self._words[number] = self.id_words[id(fact)] = shared
            self._hold(number, fact)
        return fact

    def _revived(self, number: int) -> Fact | None:
        """The fact ``number`` if it is still alive (held again), else None."""
        ref = self._alive.get(number)
        fact = ref() if ref is not None else None
        if fact is not None:
            self._hold(number, fact)
        return fact

    def _hold(self, number: int, fact: Fact) -> None:
        held = self._held
        held.pop(number, None)
        held[number] = fact
        if len(held) > _HELD:  # the oldest quarter goes (as they go, ``_gone`` forgets them)
            for n in list(itertools.islice(held, _HELD // 4)):
                del held[n]

    def _gone(self, ref: _Alive) -> None:
        """A decoded fact nothing holds any more: forget its id and words (another object may
        get that id now)."""
        if self._alive.get(ref.number) is ref:
            del self._alive[ref.number]
            self._words.pop(ref.number, None)
        if self._number.get(ref.ident) == ref.number:
            del self._number[ref.ident]
            self.id_words.pop(ref.ident, None)

    def at(self, numbers: Iterable[int]) -> list[Fact]:
        """The facts of these numbers, in that order."""
        numbers = numbers if isinstance(numbers, list | tuple) else list(numbers)
        held = self._held
        try:  # (held: as fast as a table in memory)
            return list(map(held.__getitem__, numbers))
        except KeyError:
            pass
        found: dict[int, Fact] = {}  # (holds them all until they are returned)
        missing = []
        for n in numbers:
            if n not in found:
                fact = held.get(n) or self._revived(n)
                if fact is None:
                    missing.append(n)
                else:
                    found[n] = fact
        # many facts made at once set off the cycle collector again and again, and each time
        # it walks every object the process holds (10,000 facts: 10-90 ms more); none of
        # them is garbage
        paused = len(missing) >= _BATCH and gc.isenabled()
        if paused:
            gc.disable()
        try:
            for start in range(0, len(missing), _BATCH):
                chunk = missing[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                for n, words, *row in self._db.execute(
                    f"SELECT id, words, {_COLUMNS}, data FROM facts WHERE id IN ({marks})", chunk
                ):
                    found[n] = self._fact(n, words, row)
        finally:
            if paused:
                gc.enable()
        return [found[n] for n in numbers]

    def fact_keys(self, facts: Iterable[Fact]) -> list[int]:
        """The facts' numbers (a fact of another table: a negative number of its own)."""
        facts = facts if isinstance(facts, list | tuple) else list(facts)
        try:  # (in C: an answer may ask for thousands)
            return list(map(self._number.__getitem__, map(id, facts)))
        except KeyError:
            return [self._number.get(id(f), -1 - id(f)) for f in facts]

    def fact_key(self, fact: Fact) -> int:
        """The fact's number: the same for it whenever it is read again."""
        n = self._number.get(id(fact))
        return -1 - id(fact) if n is None else n

    def said_by(self, kind: FactKind, meetings: set[str], agent: str, first: int | None = None,
                years: Iterable[int] = ()) -> list[Fact]:  # fmt: skip
        """``find(kind, meetings)`` of the facts whose agent is ``agent`` (the ``first`` of
        them; with ``years``, those of a meeting of those years or of those years themselves),
        through the agent index and the years column: the others are not decoded."""
        key = (kind, agent)
        index = self._speakers.pop(key, None)
        if index is None:
            by_meeting: dict[str, list[int]] = {}
            for n, mid in self._db.execute(
                "SELECT id, meeting FROM facts WHERE kind = ? AND agent = ? ORDER BY id", key
            ):
                by_meeting.setdefault(mid, []).append(n)
            index = {m: tuple(v) for m, v in by_meeting.items()}
            if len(self._speakers) >= _SPEAKERS:
                del self._speakers[next(iter(self._speakers))]  # the least recently asked
        self._speakers[key] = index
        asked = frozenset(years)
        if asked:
            dated = {m for m in meetings if (held := self.meeting(m)) is not None
                     and held.date is not None and held.date.year in asked}  # fmt: skip
            other = {n for m, found in self.kind_years(kind).items() if m in meetings
                     for n, ys in found if ys & asked}  # fmt: skip
            index = {m: ids if m in dated else tuple(n for n in ids if n in other)
                     for m, ids in index.items()}  # fmt: skip
        numbers = sorted(n for m, ids in index.items() if m in meetings for n in ids)
        return self.at(numbers if first is None else numbers[:first])

    def kind_meetings(self, kind: FactKind) -> Mapping[str, Sequence[int]]:
        """Meeting id -> the numbers of its facts of ``kind``, ascending (none decoded)."""
        return self._ids(kind)

    def kind_years(self, kind: FactKind) -> Mapping[str, Sequence[tuple[int, frozenset[int]]]]:
        """Meeting id -> number and years of each fact of ``kind`` that is of a year besides
        its meeting's (its own year, a period its display names), ascending (none decoded)."""
        found = self._years.get(kind)
        if found is None:
            by_meeting: dict[str, list[tuple[int, frozenset[int]]]] = {}
            for n, mid, years in self._db.execute(
                "SELECT id, meeting, years FROM facts WHERE kind = ? AND years != '' ORDER BY id",
                (kind,),
            ):
                by_meeting.setdefault(mid, []).append((n, frozenset(map(int, years.split(",")))))
            found = self._years[kind] = by_meeting
        return found

    def fact_values(self, kind: FactKind) -> Iterator[tuple[int, str]]:
        """Number and value of each fact of ``kind``, in the table's order (none decoded)."""
        rows = self._db.execute("SELECT id, value FROM facts WHERE kind = ? ORDER BY id", (kind,))
        return iter(rows)

    def _ids(self, kind: FactKind) -> dict[str, tuple[int, ...]]:
        found = self._kind_ids.get(kind)
        if found is None:
            by_meeting: dict[str, list[int]] = {}
            for n, mid in self._db.execute(
                "SELECT id, meeting FROM facts WHERE kind = ? ORDER BY id", (kind,)
            ):
                by_meeting.setdefault(mid, []).append(n)
            found = self._kind_ids[kind] = {m: tuple(v) for m, v in by_meeting.items()}
        return found

    def find(self, kind: FactKind, meetings: set[str] | None = None) -> list[Fact]:
        """Facts of ``kind``, optionally only those of the given meeting ids (table order)."""
        index = self._ids(kind)
        if meetings is None or (len(meetings) >= len(index) and all(m in meetings for m in index)):
            whole = self._whole.get(kind)
            if whole is None:
                whole = self._whole[kind] = tuple(sorted(n for ids in index.values() for n in ids))
            return self.at(whole)
        if len(meetings) == 1:
            return self.at(index.get(next(iter(meetings)), ()))
        return self.at(sorted(n for m in meetings for n in index.get(m, ())))

    def fact_texts(self) -> Iterator[tuple[str, str]]:
        """Each fact's article and ``fact_text``, by article (none decoded)."""
        rows = self._db.execute(f"SELECT {_COLUMNS}, data FROM facts ORDER BY article")
        for row in rows:
            yield row[2], _SEP.join(row)

    def reports(self) -> dict[str, str]:
        """Each article's report as the build stored it (stem -> JSON text)."""
        return dict(self._db.execute("SELECT stem, data FROM reports"))

    def kind_counts(self) -> dict[str, int]:
        """How many facts of each kind the store holds."""
        return dict(self._db.execute("SELECT kind, COUNT(*) FROM facts GROUP BY kind"))

    def fact_articles(self) -> list[str]:
        """The stems of the articles that have facts, in the table's order."""
        rows = self._db.execute("SELECT DISTINCT article FROM facts ORDER BY article")
        return [a for (a,) in rows]

    def article_facts(self, stem: str) -> list[Fact]:
        """The facts of the article ``stem``, in the table's order."""
        rows = self._db.execute("SELECT id FROM facts WHERE article = ?", (stem,))
        return sorted(self.at(n for (n,) in rows), key=fact_order)

    def kind_values(self, kind: FactKind) -> frozenset[str]:
        """The values of every fact of ``kind`` (without decoding the facts)."""
        found = self._kind_values.get(kind)
        if found is None:
            rows = self._db.execute("SELECT value FROM kind_values WHERE kind = ?", (kind,))
            found = self._kind_values[kind] = frozenset(v for (v,) in rows)
        return found

    def values(self, kind: FactKind, mid: str) -> frozenset[str]:
        """The values of the meeting's facts of ``kind`` (e.g. who was there)."""
        found = self._values.get((kind, mid))
        if found is None:
            if not self._values_of(kind):
                return frozenset()
            found = self._values.get((kind, mid), frozenset())
        return found

    def everywhere(self, kind: FactKind, mids: Sequence[str]) -> frozenset[str]:
        """``FactTable.everywhere`` without making every meeting's set of values: one query
        gives the values found at as many meetings as ``mids`` or more (only those can be at
        all of them) with their meetings (at 10,000 articles, the 24,000 people of 1,286
        meetings made into sets were a tenth of a cold ask)."""
        want = set(mids)
        if not want:
            return frozenset()
        if (kind, "\0all") in self._values:  # read already: as the table in memory does
            return super().everywhere(kind, mids)
        rows = self._db.execute(
            "SELECT value, json_group_array(DISTINCT meeting) FROM facts WHERE kind = ?"
            " GROUP BY value HAVING COUNT(DISTINCT meeting) >= ?",
            (kind, len(want)),
        )
        return frozenset(value for value, at in rows if want <= set(json.loads(at)))

    def _values_of(self, kind: FactKind) -> bool:
        """Every meeting's values of ``kind``, read at once the first time (one query, not one
        per meeting: the picker asks for every meeting's people)."""
        marker = (kind, "\0all")
        if marker not in self._values:
            by_meeting: dict[str, set[str]] = {}
            for mid, value in self._db.execute(
                "SELECT meeting, value FROM facts WHERE kind = ?", (kind,)
            ):
                by_meeting.setdefault(mid, set()).add(value)
            for mid, values in by_meeting.items():
                self._values[(kind, mid)] = frozenset(values)
            self._values[marker] = frozenset()
        return True

    # --- the word index ----------------------------------------------------------------------

    def fact_words(self, fact: Fact) -> frozenset[str] | None:
        """The words the build read in ``fact`` (None for a fact of another table)."""
        n = self._number.get(id(fact))
        return None if n is None else self._words.get(n)

    def overlap(self, kinds: Iterable[FactKind], meetings: set[str],
                words: Iterable[str]) -> dict[str, int] | None:  # fmt: skip
        """For each of ``meetings`` with facts of ``kinds``: the most of ``words`` one of those
        facts' displays holds (``FactText.content``), through the content index (no fact is
        decoded); None when one of ``kinds`` is one the build left out of that index (its meta
        item "unindexed": a quoted sentence, which no intent answers)."""
        kinds = list(dict.fromkeys(kinds))
        if any(k in self._unindexed for k in kinds):
            return None
        counts: Counter[int] = Counter()
        for w in set(words):
            counts.update(self._remembered("content", w))
        out: dict[str, int] = {}
        for kind in kinds:
            for mid, numbers in self._ids(kind).items():
                if mid in meetings:
                    best = max(map(counts.__getitem__, numbers)) if counts else 0
                    out[mid] = max(out.get(mid, 0), best)
        return out

    def meeting_words(self, mid: str) -> frozenset[str] | None:
        """The words of every fact of the meeting ``mid``, a quoted sentence's without their mark
        (``QUOTED``), all read at once when first asked: a question that describes a meeting
        compares them all."""
        if self._meeting_words is None:
            shared: dict[str, str] = {}
            self._meeting_words = {
                m: frozenset(shared.setdefault(w, w) for w in words.split(_SEP) if w)
                for m, words in self._db.execute("SELECT meeting, words FROM meeting_words")
            }
        return self._meeting_words.get(mid, frozenset())

    def postings(self, word: str) -> array[int]:
        """The numbers of the facts (any kind) that hold ``word``, ascending."""
        return self._remembered("words", word)

    def _remembered(self, table: str, word: str) -> array[int]:
        """A word's postings in ``table`` (words, content), the last _REMEMBERED kept: the same
        words come back, and a query and its decoding cost more than the answer's own work."""
        key = (table, word)
        found = self._postings.pop(key, None)
        if found is None:
            row = self._db.execute(f"SELECT ids FROM {table} WHERE word = ?", (word,)).fetchone()
            found = _ids(row[0]) if row else array(_TYPECODE)
            if len(self._postings) >= _REMEMBERED:
                del self._postings[next(iter(self._postings))]  # the least recently used
        self._postings[key] = found
        return found

    def ranked_df(self, word: str) -> int:
        """How many facts of the ranked kinds hold ``word``."""
        row = self._db.execute("SELECT ranked FROM words WHERE word = ?", (word,)).fetchone()
        return int(row[0]) if row else 0

    def has_word(self, word: str) -> bool:
        """Whether any fact holds ``word``."""
        row = self._db.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone()
        return row is not None

    def all_words(self) -> Iterator[str]:
        """Every word of every fact, in order."""
        for (word,) in self._db.execute("SELECT word FROM words ORDER BY word"):
            yield word


def _reading(path: Path) -> tuple[_Hold, sqlite3.Connection, set[str]]:
    """The store's file at ``path`` held with a shared lock (waiting for an update in place to
    end), a read-only connection to that very file and the names of its tables; what a build
    that died left half-written there is rolled back first (when the file may be written)."""
    for _ in range(20):
        hold = _held(path, _SHARED, _WAIT)
        try:
            db, tables = _connect(path)
        except BaseException:
            hold.release()
            raise
        if hold.at(path):  # (else the path named another file when it was connected)
            return hold, db, tables
        db.close()
        hold.release()
    raise DataError(path, "the fact store keeps being replaced")


def _connect(path: Path) -> tuple[sqlite3.Connection, set[str]]:
    """A read-only connection to the store at ``path`` (never creating a file) and the names
    of its tables; a hot journal left beside it by a build that died is rolled back first."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    for attempt in range(2):
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)  # (a bot keeps it open)
        try:
            tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
            # A large store's reader keeps a page cache of 512 KiB, not SQLite's 2 MiB: at
            # 10,000 articles a bot's cache filled up within a few answers and stayed, 3 MB of
            # its peak RSS; the pages come back from the system's file cache (warm p50 / p99 the
            # same side by side). A small one (5 articles: 0.6 MiB) stays cached whole. (Set
            # once the schema is read: a hot journal fails that first, and is rolled back.)
            if path.stat().st_size > _WHOLE_CACHE:
                db.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
            return db, tables
        except sqlite3.Error:
            db.close()
            if attempt or not Path(f"{path}-journal").exists():
                raise
        _recover(path)
    raise AssertionError("unreachable")


# meta items read when asked for (megabytes at 10,000 articles that ``ask`` never reads), and
# those parsed when the store opens (the text of a long one is not kept: read again if asked)
_LATER = ("articles", "inputs", "stats", "skipped", "sources", "reading")
_SECTIONS = frozenset(("intents", "lexicon", "gazetteer", "glossary", "kinds", "ranked",
                       "ranked_count", "meetings"))  # fmt: skip


class _Meta(Mapping[str, str]):
    """A store's meta items (key -> text): the short ones kept from when it opens, the others
    read when asked for (each time: they are read once)."""

    def __init__(self, db: sqlite3.Connection, keys: set[str], read: dict[str, str]):
        self._db = db
        self._keys = frozenset(keys)
        self._read = read

    def __getitem__(self, key: str) -> str:
        found = self._read.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            found = str(row[0])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._keys))

    def __len__(self) -> int:
        return len(self._keys)


class _Facts(Sequence[Fact]):
    """A stored meeting's facts (``Meeting.facts``), read when first used: a question reads the
    facts of a few meetings, and 10,000 articles have 10,000 (a fifth of a second to read).
    Equal to the tuple of them, as the meeting of a table in memory holds."""

    __slots__ = ("_table", "_numbers", "_facts", "meeting")

    def __init__(self, table: StoredTable, numbers: list[int]):
        self._table = table
        self._numbers = numbers
        self._facts: tuple[Fact, ...] | None = None
        self.meeting: Meeting | None = None  # whose facts these are

    def _all(self) -> tuple[Fact, ...]:
        if self._facts is None:
            self._facts = tuple(self._table.at(self._numbers))
            if self.meeting is not None:  # read, its meeting holds them as a tuple from now on
                object.__setattr__(self.meeting, "facts", self._facts)  # (frozen: as __init__)
        return self._facts

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> Fact: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Fact, ...]: ...
    def __getitem__(self, index: int | slice) -> Fact | tuple[Fact, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Facts | tuple):
            return self._all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


class _Alive(weakref.ref[Fact]):
    """A decoded fact, as long as something holds it: its number and ``id`` (for ``_gone``)."""

    __slots__ = ("number", "ident")

    def __new__(cls, fact: Fact, gone: Callable[[_Alive], None], number: int) -> _Alive:
        return super().__new__(cls, fact, gone)

    def __init__(self, fact: Fact, gone: Callable[[_Alive], None], number: int):
        self.number = number
        self.ident = id(fact)


def open_store(path: Path, parts: Mapping[str, PartsReader]) -> StoredTable:
    """``StoredTable(path, parts)``."""
    return StoredTable(path, parts)
