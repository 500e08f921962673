"""The SQLite store (issue 17): what ``build`` stores, ``StoredTable`` reads back as the table
built in memory, with the word index relevance would make; answers from it are the same."""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.synth import write_project
from bot import factstore, picker, relevance
from bot.answer import Answerer, table_reader
from bot.build import build, current_table, open_index, write_index
from bot.config import Config, load_config
from bot.errors import DataError
from bot.facts import QUOTED, Fact, FactKind, FactTable, fact_from_json, fact_order
from bot.factstore import StoredTable, store_path, write_store
from bot.kinds import KINDS, READERS
from bot.kinds.area import Parts as Area
from bot.kinds.passage import Parts as Passage
from bot.kinds.statement import Parts as Statement
from bot.memo import FactText
from bot.relevance import Relevance
from bot.reload import reload_answerer
from tests.support import ARTICLES, make_project

TEST_ARTICLES = sorted(p.name for p in ARTICLES.glob("*.txt"))


def _stored(config: Config) -> StoredTable:
    return StoredTable(store_path(config.table_path), READERS)


def assert_same_table(stored: StoredTable, built: FactTable) -> None:
    """Every part of the public surface gives the same (equal) answers."""
    assert stored.facts == tuple(sorted(built.facts, key=fact_order))
    assert stored.meetings == built.meetings
    assert stored.others == built.others
    assert stored.articles == tuple(sorted(built.articles, key=lambda a: a.stem))
    assert (stored.inputs, stored.intents, stored.lexicon) == (
        built.inputs, built.intents, built.lexicon)  # fmt: skip
    assert (stored.gazetteer, stored.glossary) == (built.gazetteer, built.glossary)
    assert stored.to_json() == built.to_json()
    ids = [m.id for m in (*built.meetings, *built.others)]
    for kind in KINDS:
        assert stored.find(kind) == built.find(kind)
        assert stored.kind_values(kind) == built.kind_values(kind)
        for table in (stored, built):  # the keys of fact_values are those of fact_keys
            facts = table.find(kind)
            assert list(table.fact_values(kind)) == list(
                zip(table.fact_keys(facts), [f.value for f in facts], strict=True))  # fmt: skip
        for mid in ids:
            assert stored.find(kind, {mid}) == built.find(kind, {mid})
            assert stored.values(kind, mid) == built.values(kind, mid)
        assert stored.find(kind, set(ids[::2])) == built.find(kind, set(ids[::2]))
        assert stored.find(kind, set()) == built.find(kind, set())
    for mid in [*ids, "no such meeting"]:
        assert stored.meeting(mid) == built.meeting(mid)
        assert stored.sort_key(mid) == built.sort_key(mid)
    assert stored.fact_articles() == built.fact_articles()
    for stem in built.fact_articles():
        assert stored.article_facts(stem) == built.article_facts(stem)


def assert_same_index(stored: StoredTable, built: FactTable, config: Config) -> None:
    """The stored words, postings and frequencies are those relevance makes from the table."""
    intents, reader = table_reader(built, config)
    ranked = [k for i in intents if i.rank == "words" for k in i.answers]
    made = Relevance(built, reader, ranked)
    read = Relevance(stored, reader, ranked)
    assert read._stored is stored and made._stored is None  # one from the file, one made here
    assert made.default_idf == read.default_idf
    words: set[str] = set()
    for fact in stored.facts:
        assert stored.fact_words(fact) == made.fact_words(fact), fact.display
        words |= stored.fact_words(fact) or set()
    for w in sorted(words):
        assert read.idf.get(w, -1.0) == made.idf.get(w, -1.0), w
        assert w in read.known and w in made.known
        assert read.rare(w) == made.rare(w)
        assert read.candidates([w], 0.5) == made.candidates([w], 0.5), w
    text = FactText(reader.gaz)  # the picker's overlap of a question's words, per meeting
    ids = {m.id for m in (*built.meetings, *built.others)}
    some_ids = set(sorted(ids)[::2])
    for kinds in ([k] for k in KINDS):
        content = sorted({w for f in built.find(kinds[0]) for w in text.content(f.display)})
        for asked in ([], content[:1], content[::7][:4], content[-3:] + ["no-such-word"]):
            for scope in (ids, some_ids):
                facts = [f for k in kinds for f in built.find(k, scope)]
                want: dict[str, int] = {}
                for f in facts:
                    n = len(set(asked) & text.content(f.display))
                    want[f.meeting] = max(want.get(f.meeting, 0), n)
                # (a quoted sentence, which no intent answers, is not in the content index)
                expected = None if KINDS[kinds[0]].quotes else want
                assert stored.overlap(kinds, scope, asked) == expected, (kinds, asked)
    assert built.overlap(list(KINDS), ids, ["any"]) is None
    for mid in {f.meeting for f in stored.facts}:  # (a quoted sentence's words unmarked)
        of = [made.fact_words(f) for f in built.facts if f.meeting == mid]
        unmarked = frozenset(w.removeprefix(QUOTED) for w in frozenset().union(*of))
        assert stored.meeting_words(mid) == unmarked, mid
    assert built.meeting_words("any") is None
    assert "no-such-word" not in read.known
    assert read.candidates(["no-such-word"], 0.5) == []
    some = sorted(words)[:: max(1, len(words) // 40)]
    for a, b in zip(some, some[1:], strict=False):
        assert read.candidates([a, b], 0.5) == made.candidates([a, b], 0.5)


@pytest.mark.parametrize("article", [None, *TEST_ARTICLES])
def test_store_reads_back_the_table(tmp_path: Path, article: str | None) -> None:
    """The seeds, and the seeds plus each held-out article."""
    config = make_project(tmp_path).config()
    if article:
        shutil.copy(ARTICLES / article, config.seeds_dir / f"005_{article}")
    built, _ = build(config)
    stored = _stored(config)
    assert_same_table(stored, built)
    assert_same_index(stored, built, config)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Config, FactTable]]:
    """60 synthetic articles: many meetings, several reports each."""
    folder = tmp_path_factory.mktemp("synth")
    config = load_config(write_project(folder, 60, seed=3), {})
    built, _ = build(config)
    yield config, built


def test_store_of_many_meetings(synthetic: tuple[Config, FactTable]) -> None:
    config, built = synthetic
    stored = _stored(config)
    assert len(stored.meetings) > 10
    assert_same_table(stored, built)
    assert_same_index(stored, built, config)


def test_covering_is_what_rank_keeps_of_the_candidates(
    synthetic: tuple[Config, FactTable],
) -> None:
    """``Relevance.covering`` (the word index intersected and counted) gives the candidates
    that hold enough of a topic, as ``rank`` scores them, from the store and in memory."""
    config, built = synthetic
    intents, reader = table_reader(built, config)
    ranked = [k for i in intents if i.rank == "words" for k in i.answers]
    stored = _stored(config)
    words = sorted({w for f in stored.facts for w in stored.fact_words(f) or ()})
    plain = [w for w in words if not w.startswith(QUOTED)][::9]
    quoted = [w for w in words if w.startswith(QUOTED)][::9]
    topics = [[w] for w in plain[:5]] + [[w, "no-such-word"] for w in quoted[:3]]
    for pool in (plain, quoted):
        topics += [pool[i : i + n] for n in (2, 3, 4) for i in range(0, len(pool) - n, 7)]
    topics += [["third", plain[0]], [QUOTED + "member", QUOTED + "@BRICS"]]
    for rel in (Relevance(stored, reader, ranked), Relevance(built, reader, ranked)):
        for topic in topics:
            for least in (0.5, 0.7, 0.75, 0.9):
                for strict in (False, True):
                    weight = {w: rel._weight(w, strict) for w in topic}
                    total = sum(weight.values())
                    want = [f for f in rel.candidates(topic, least, strict)
                            if sum(weight[w] for w in topic if w in rel.words_of(f)) / total
                            >= least and all(w in rel.words_of(f) for w in topic
                                             if w in relevance._ORDINALS)]  # fmt: skip
                    assert rel.covering(topic, least, strict) == want, (topic, least, strict)
    assert Relevance(stored, reader, ranked).covering([], 0.5) == []


def _packed_row(fact: Fact) -> list[str]:
    """A fact's columns and JSON as the store writes them (``factstore._packed``)."""
    return [fact.kind, fact.meeting, fact.article, fact.value, fact.qualifier,
            factstore._packed(fact)]  # fmt: skip


def test_a_fact_is_stored_without_what_repeats_its_value(
    synthetic: tuple[Config, FactTable],
) -> None:
    """A passage's sentence (value, source, parts.text, most of the display) and a statement's
    words are kept once, in the value column; every fact reads back equal, whatever its texts
    repeat of its value (none, all, a stretch at the display's start, middle or end)."""
    _, built = synthetic
    said = Statement("Xi Jinping", "x" * 30)
    # fmt: off
    made = [
        Fact(FactKind("passage"), "", "", "a", 0, "", parts=Passage("")),  # (nothing to share)
        Fact(FactKind("area"), "Energy", "Energy", "a", 1, "Energy", meeting="m", parts=Area()),
        Fact(FactKind("statement"), "x" * 30, "Xi said " + "x" * 30 + " and more", "a", 2,
             "x" * 29, qualifier="Xi Jinping", parts=said),
        Fact(FactKind("passage"), "y" * 40 + ".", "says “" + "y" * 40 + "”", "a", 3, "s",
             parts=Passage("y" * 40 + ".")),
        Fact(FactKind("statement"), "z" * 23, "z" * 23 + "!", "a", 4, "z",
             parts=Statement("Xi Jinping", "z" * 23)),  # (too short a stretch)
    ]
    # fmt: on
    facts = [*made, *built.facts]
    for fact in facts:
        row = _packed_row(fact)
        assert factstore._unpacked(7, row, READERS, {}) == fact, fact
        assert factstore.fact_text(fact) == factstore._SEP.join(row)
    passages = [f for f in built.facts if f.kind == "passage" and len(f.value) > 40]
    assert passages
    for f in passages:
        stored = _packed_row(f)[-1]
        assert f.value[:40] not in stored, stored  # (its sentence is in the value column only)
    statements = [f for f in built.facts if f.kind == "statement" and len(f.value) > 40]
    assert statements  # (each kept at least one copy of its words fewer than its whole JSON)
    whole = sum(len(factstore._DUMP(f.to_json())) for f in statements)
    kept = sum(len(_packed_row(f)[-1]) for f in statements)
    assert kept < whole - 2 * sum(len(f.value) for f in statements)


def test_opening_a_store_reads_no_fact(synthetic: tuple[Config, FactTable]) -> None:
    """The meetings are stored ready-made: opening the store decodes none of their facts (one a
    report: 10,000 at 10,000 articles), a meeting's are read when first used, once."""
    config, built = synthetic
    stored = _stored(config)
    try:
        assert not stored._held and len(stored.meetings) == len(built.meetings)
        first, last = stored.meetings[0], built.meetings[-1]
        assert len(first.facts) == len(built.meetings[0].facts) and not stored._held
        assert first.facts[0] is first.facts[0] == built.meetings[0].facts[0]
        assert len(stored._held) == len(first.facts)
        assert type(first.facts) is tuple  # (read: a tuple from now on, as fast as one)
        assert stored.meeting(last.id) == last and hash(stored.meeting(last.id)) == hash(last)
        assert [f.article for m in stored.others for f in m.facts] == [
            f.article for m in built.others for f in m.facts]  # fmt: skip
    finally:
        stored.close()


def test_values_at_every_meeting_as_the_table_in_memory(
    synthetic: tuple[Config, FactTable],
) -> None:
    """The people at every meeting (the picker's principals), from the store's rows without
    reading every meeting's, as the table in memory finds them; of some meetings and of none."""
    config, built = synthetic
    stored = _stored(config)
    person = FactKind("person")
    try:
        ids = [m.id for m in built.meetings]
        assert stored.everywhere(person, ids) == built.everywhere(person, ids)
        assert built.everywhere(person, ids)  # (the principals: the test has something to find)
        for some in (ids[:1], ids[::3], ids[-2:], []):
            assert stored.everywhere(person, some) == built.everywhere(person, some), some
        stored.values(person, ids[0])  # every meeting's values read: the same either way
        assert stored.everywhere(person, ids[::2]) == built.everywhere(person, ids[::2])
    finally:
        stored.close()


def test_a_reader_keeps_a_small_page_cache(synthetic: tuple[Config, FactTable]) -> None:
    """A bot keeps its store open: its SQLite page cache is bounded below SQLite's 2 MiB (the
    pages come back from the system's file cache)."""
    config, _ = synthetic
    stored = _stored(config)
    try:
        (size,) = stored._db.execute("PRAGMA cache_size").fetchone()
        large = store_path(config.table_path).stat().st_size > factstore._WHOLE_CACHE
        assert large and size == -factstore.READER_CACHE_KIB
    finally:
        stored.close()


def test_answers_from_the_store_are_the_same(synthetic: tuple[Config, FactTable]) -> None:
    """Every question of the sets, answered from memory and from the store (issue 17 item 3;
    bench/replies.py compares every reply of a large run)."""
    from bench.replies import question_sets

    config, built = synthetic
    memory = Answerer.from_table(built, config)
    stored = Answerer.from_table(_stored(config), config)
    questions = question_sets()
    assert len(questions) > 300
    for q in questions:
        assert stored.ask(q) == memory.ask(q), q


def _contents(path: Path) -> list[list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    try:
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master ORDER BY name")]
        return [db.execute(f"SELECT * FROM sqlite_master WHERE name = '{n}'").fetchall()
                + db.execute(f"SELECT * FROM [{n}] ORDER BY 1").fetchall()
                for n in tables if not n.startswith("sqlite_autoindex")
                and not n.startswith("facts_by")]  # fmt: skip
    finally:
        db.close()


def test_store_is_deterministic(tmp_path: Path) -> None:
    """Two full builds of the same input (the second from the extraction cache) store the same
    rows; the file's bytes are the same too."""
    config = make_project(tmp_path).config()
    build(config)
    path = store_path(config.table_path)
    first, first_bytes = _contents(path), path.read_bytes()
    path.unlink()  # (else the second build finds nothing changed and writes nothing)
    build(config)
    second = _contents(path)
    drop_stats = lambda rows: [r for r in rows if r[:1] != ("stats",)]  # noqa: E731
    assert [drop_stats(t) for t in first] == [drop_stats(t) for t in second]
    assert len(first_bytes) == path.stat().st_size


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_words_read_by_workers_make_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    """A large table's words are read by worker processes (``WORDS_PARALLEL_FROM``): the store
    is the one a build that reads them itself writes, whichever way the workers start."""
    import multiprocessing

    from bot import build as build_module

    config = make_project(tmp_path).config()
    build(config, workers=2)  # (too few displays: read in this process)
    path = store_path(config.table_path)
    serial = _contents(path)
    path.unlink()
    monkeypatch.setattr(build_module, "WORDS_PARALLEL_FROM", 1)
    monkeypatch.setattr(build_module, "_WORDS_CHUNK", 7)
    started: list[str] = []

    def pool_context() -> Any:
        started.append(method)
        return multiprocessing.get_context(method)

    monkeypatch.setattr(build_module, "_pool_context", pool_context)
    build(config, workers=2)
    assert started == [method]
    drop_stats = lambda rows: [r for r in rows if r[:1] != ("stats",)]  # noqa: E731
    assert [drop_stats(t) for t in _contents(path)] == [drop_stats(t) for t in serial]


def test_ask_and_run_read_the_store(tmp_path: Path) -> None:
    """A fresh table is answered from its store; a store that is missing, damaged or of other
    reading code is built again (never a traceback, never used stale); with a JSON table
    (``build.json``) the store is made again from it, unless it was edited since."""
    config = make_project(tmp_path).config()
    build(config)
    path = store_path(config.table_path)
    assert isinstance(current_table(config).table, StoredTable)
    for damage in (b"", b"SQLite format 3\0" + b"\xff" * 200, b"not a database at all"):
        path.write_bytes(damage)
        with pytest.raises(DataError, match="facts.sqlite"):
            StoredTable(path, READERS)
        current = current_table(config)
        assert isinstance(current.table, StoredTable) and "facts.sqlite" in current.rebuilt
        assert not current_table(config).rebuilt
    db = sqlite3.connect(path)  # a store of another layout (an older version, say)
    db.execute("DROP TABLE kind_values")
    db.commit()
    db.close()
    with pytest.raises(DataError, match="not a fact store: no kind_values"):
        StoredTable(path, READERS)
    assert "no kind_values" in current_table(config).rebuilt
    path.unlink()
    assert isinstance(current_table(config).table, StoredTable) and path.exists()
    build(config, json_table=True)  # the JSON table beside it: a damaged store is made from it
    for damage in (b"", b"not a database at all"):
        path.write_bytes(damage)
        current = current_table(config)
        assert isinstance(current.table, StoredTable) and not current.rebuilt
    # the JSON table rebuilt (or edited) since: its old store is not used
    os.utime(config.table_path, ns=(2, 2))
    assert open_index(config.table_path, config) is None
    assert isinstance(current_table(config).table, StoredTable)
    assert open_index(config.table_path, config) is not None
    reloaded = reload_answerer(config, current_table(config).table)  # /reload: the same
    assert isinstance(reloaded.answerer.table, StoredTable) and reloaded.changes.unchanged


def test_store_is_replaced_atomically(tmp_path: Path) -> None:
    """A reader that opened the store keeps reading it while a build replaces it; a write that
    fails leaves the old store as it was and no temporary file."""
    config = make_project(tmp_path).config()
    built, _ = build(config)
    reader = _stored(config)
    path = store_path(config.table_path)
    good = path.read_bytes()

    def broken(fact: object) -> frozenset[str]:
        raise OSError(28, "No space left on device")

    with pytest.raises(DataError, match="cannot write the fact store"):
        write_store(built, path, list(KINDS), broken, [], {})
    assert path.read_bytes() == good
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []
    build(config)  # replaces the file under the open reader
    assert reader.find(next(iter(KINDS))) == built.find(next(iter(KINDS)))
    assert [m.id for m in reader.meetings] == [m.id for m in built.meetings]
    assert reader.article_facts(built.articles[0].stem)
    write_index(built, config.table_path, config)
    assert open_index(config.table_path, config) is not None


def test_a_lexicon_change_reads_the_stored_words_again(tmp_path: Path) -> None:
    """The store keeps the words of the displays it has read, for the next build; a build whose
    lexicon reads words otherwise must not reuse them (the answers would differ from a fresh
    build's: "strategic choice" read as before the change)."""
    project = make_project(tmp_path)
    config = project.config()
    build(config)
    lexicon = project.root / "intents" / "lexicon.yaml"
    text = lexicon.read_text(encoding="utf-8")
    assert "\nsynonyms:\n" in text
    lexicon.write_text(text.replace("\nsynonyms:\n", "\nsynonyms:\n  strategy: [strategic]\n"),
                       encoding="utf-8")  # fmt: skip
    table, _ = build(config)
    stored = _stored(config)
    try:
        assert any("strategi" in (stored.fact_words(f) or ()) for f in stored.facts)
        assert_same_index(stored, table, config)
    finally:
        stored.close()


def _facts_alive() -> set[int]:
    """The ids of the Fact objects alive in this process."""
    gc.collect()
    return {id(o) for o in gc.get_objects() if isinstance(o, Fact)}


def test_a_store_keeps_few_decoded_facts(synthetic: tuple[Config, FactTable],
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A store keeps the last ``_HELD`` facts it decoded (and those something still holds), not
    all: at 10,000 articles a bot that kept them all grew to 226 MB. The facts dropped are read
    again when needed; answers remember what they read of a fact by its number (``fact_key``),
    which outlives it, not by ``id(fact)`` (another fact may get that id): every reply is still
    the one from memory."""
    from bench.replies import question_sets

    monkeypatch.setattr(factstore, "_HELD", 40, raising=False)
    monkeypatch.setattr(picker, "_WIDE_FROM", 0, raising=False)  # (its answers too)
    config, built = synthetic
    memory = Answerer.from_table(built, config)
    questions = question_sets()
    replies = [memory.ask(q) for q in questions]
    before = _facts_alive()  # (other tests' tables may be alive too)
    table = _stored(config)
    stored = Answerer.from_table(table, config)
    meetings = len(table.meetings) + len(table.others)
    for q, reply in zip(questions, replies, strict=True):
        assert stored.ask(q) == reply, q
    alive = len(_facts_alive() - before)
    assert alive <= 40 + meetings * 2, alive  # (each meeting holds its facts)
    again = table.find(FactKind("area"))
    assert len(again) > 40
    keys = table.fact_keys(again)
    del again
    assert table.fact_keys(table.find(FactKind("area"))) == keys  # the same numbers


def _decoded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the facts a store decodes from now on."""
    count = [0]
    decode = fact_from_json

    def counted(*args: Any) -> Fact:
        count[0] += 1
        return decode(*args)

    monkeypatch.setattr(factstore, "fact_from_json", counted)
    return count


@pytest.mark.parametrize("question", ["which areas of cooperation?", "energy coop?", "who met?",
                                      "what did they want to cooperate on in 2025",
                                      "did they talk about AI?", "who else attended?",
                                      "what did mishustin say?", "what did xi say?"])  # fmt: skip
def test_answers_over_every_meeting_read_few_facts(synthetic: tuple[Config, FactTable],
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   question: str) -> None:  # fmt: skip
    """An answer over every meeting reads only the facts it shows: the latest meetings' areas
    (chosen through the store's columns), a speaker's first statements (through the index of
    agents), not every fact of the kind (at 10,000 articles 72,000 areas, 132,000 statements).
    The reply is the one from memory."""
    monkeypatch.setattr(picker, "_WIDE_FROM", 0)  # (60 articles: a few hundred facts a kind)
    config, built = synthetic
    memory = Answerer.from_table(built, config).ask(question)
    stored = Answerer.from_table(_stored(config), config)
    count = _decoded(monkeypatch)
    reply = stored.ask(question)
    assert reply == memory and reply.kind == "answer", question
    kind = "statement" if "say" in question else "person" if "who" in question else "area"
    assert count[0] * 3 < len(built.find(FactKind(kind))), (question, count[0])


@pytest.mark.parametrize("question", ["who else was there in 2025", "who else was there in may",
                                      "who else attended?", "who met in 2025?"])  # fmt: skip
def test_who_else_from_the_store(tmp_path: Path, question: str,
                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """ "Who else" of meetings where only the principals are named: the decline says "else"
    from the store too (an answer chosen through its columns must not drop the principals
    before the picker sees that none else is named)."""
    monkeypatch.setattr(picker, "_WIDE_FROM", 0)  # (five articles: a few facts a kind)
    config = make_project(tmp_path).config()
    built, _ = build(config)
    assert Answerer.from_table(_stored(config), config).ask(question) == Answerer.from_table(
        built, config).ask(question)  # fmt: skip
