"""Incremental builds of the store (issue 17): a build after articles were changed, added,
removed or spoilt replaces only their rows (and those of the articles merging moves), and the
store then answers as the store of a full build of the same articles does."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bot.extract
from bench.synth import write_project
from bot import build as build_module
from bot import factstore
from bot.build import build, build_report, current_table
from bot.config import Config, load_config
from bot.errors import DataError
from bot.facts import FactKind
from bot.factstore import StoredTable, store_path
from bot.kinds import READERS
from tests.support import ARTICLES, DEV_ARTICLES
from tests.test_factstore import assert_same_index, assert_same_table

DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|"
                  r"November|December) (\d+), (\d{4})")  # fmt: skip


def _full(config: Config, folder: Path) -> tuple[Config, Callable[[str], str]]:
    """A full build of the same articles in a project of its own: its config, and what makes
    its paths in a text those of ``config``."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(config.seeds_dir, folder / "seeds")
    root = config.seeds_dir.parent
    if config.intents_dir.parent == root:  # intents of its own (else the repository's)
        shutil.copytree(config.intents_dir, folder / config.intents_dir.name)
    shutil.copy(root / "config.yaml", folder / "config.yaml")
    other = load_config(folder / "config.yaml", {})
    return other, lambda text: text.replace(str(other.seeds_dir), str(config.seeds_dir))


def _earlier_copy(config: Config) -> set[str]:
    """A second report of a meeting that has one report, dated a day earlier: the meeting takes
    the new report's day (the earlier of two reports as good), so its old report moves."""
    table = current_table(config).table
    reports = Counter(a.meeting for a in table.articles)
    for a in table.articles:
        text = (config.seeds_dir / f"{a.stem}.txt").read_text(encoding="utf-8")
        m = DATE.search(text)
        if reports[a.meeting] == 1 and m and int(m[2]) > 2:
            earlier = text.replace(m[0], f"{m[1]} {int(m[2]) - 1}, {m[3]}")
            (config.seeds_dir / f"{a.stem}b.txt").write_text(earlier, encoding="utf-8")
            return {a.stem}
    raise AssertionError("no meeting with one dated report")


def _edit(n: int, add: str) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        path = sorted(config.seeds_dir.glob("*.txt"))[n]
        path.write_text(path.read_text(encoding="utf-8") + add, encoding="utf-8")
        return set()

    return change


def _remove(n: int) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        sorted(config.seeds_dir.glob("*.txt"))[n].unlink()
        return set()

    return change


_SPOILT: dict[int, bytes] = {}


def _spoil(n: int) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        path = sorted(config.seeds_dir.glob("*.txt"))[n]
        _SPOILT[n] = path.read_bytes()
        path.write_bytes(b"\xff\xfe not UTF-8 \xff")
        return set()

    return change


def _mend(n: int) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        sorted(config.seeds_dir.glob("*.txt"))[n].write_bytes(_SPOILT[n])
        return set()

    return change


def _copy(n: int, name: str) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        src = sorted(config.seeds_dir.glob("*.txt"))[n]
        shutil.copy(src, config.seeds_dir / name)
        return set()

    return change


CHANGES = [
    ("edited", _edit(10, "\nThe talks ended in the afternoon.\n")),
    ("moved", _earlier_copy),
    ("added", _copy(5, "0005_zz_copy.txt")),
    ("added first", _copy(7, "0000_0_first.txt")),
    ("removed", _remove(20)),
    ("spoilt", _spoil(30)),
    ("mended", _mend(30)),
]


def test_incremental_builds_are_full_builds(tmp_path: Path) -> None:
    """After each change, the build replaces only some articles' rows, and the store answers as
    a full build's does: every fact, meeting, value, word and frequency; the same summary."""
    config = load_config(write_project(tmp_path / "project", 60, seed=3), {})
    build_report(config)
    for name, change in CHANGES:
        moved = change(config)
        report = build_report(config)
        assert report.incremental, name  # not a full build
        assert len(report.merged_again) <= 3, (name, report.merged_again)
        assert moved <= set(report.merged_again), name
        other, ours = _full(config, tmp_path / "full")
        assert report.summary() == ours(build_report(other).summary()), name
        stored = StoredTable(store_path(config.table_path), READERS)
        full = StoredTable(store_path(other.table_path), READERS)
        built, _ = build_module.build_table(other)  # the table in memory
        assert_same_table(stored, built)
        assert_same_index(stored, built, config)
        assert stored.reports() == full.reports(), name
        for key in ("articles", "inputs", "skipped", "ranked_count", "kinds", "ranked"):
            assert stored.meta[key] == ours(full.meta[key]), (name, key)
        stored.close()
        full.close()
    assert not config.table_path.exists()  # the JSON table only with json_table


def test_an_unchanged_build_writes_nothing(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    path = store_path(config.table_path)
    written = path.stat().st_mtime_ns
    assert build_report(config).summary().startswith("12 articles")
    assert path.stat().st_mtime_ns == written


def test_other_inputs_build_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change besides articles (here the intents) is a full build; so is a store of an older
    build that kept no reports."""
    config = make_config(tmp_path)
    intent = sorted(config.intents_dir.glob("*.yaml"))[0]
    intent.write_text(intent.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build_report(config).incremental
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    assert build_report(config).incremental
    table, _ = build(config)  # what current_table and /reload get: the store, opened
    assert isinstance(table, StoredTable)


def make_config(tmp_path: Path) -> Config:
    """12 synthetic articles and their own copy of the intents, built."""
    root = tmp_path / "project"
    path = write_project(root, 12, seed=4)
    shutil.copytree(Path(__file__).parent.parent / "intents", root / "intents")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"intents_dir: .*", "intents_dir: intents", text), encoding="utf-8")
    config = load_config(path, {})
    build_report(config)
    return config


def test_incremental_builds_of_every_merging_case(
    tmp_path: Path, make_project: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds with the held-out and dev articles (announcements, premiers' meetings, undated
    and duplicate reports), then a place changed, a duplicate removed and added again, and each
    report whose merging turns on another context field added: each build extracts only what
    changed and stores what a full build makes."""
    from tests.test_extractcache import MERGE_CASES

    articles = [*sorted(ARTICLES.glob("*.txt")), *sorted(DEV_ARTICLES.glob("*.txt"))]
    project = make_project(tmp_path / "p", articles=articles)
    config = project.config()
    build_report(config)
    seen: list[str] = []
    real = bot.extract.extract

    def extract(article: Any, *rest: Any) -> Any:
        seen.append(article.stem)
        return real(article, *rest)

    monkeypatch.setattr(build_module, "extract", extract)
    seeds = config.seeds_dir
    changed = seeds / "001_33faab09024306e9.txt"
    text = changed.read_bytes()
    changed.write_bytes(text.replace(b"Beijing", b"Shanghai").replace(b"BEIJING", b"SHANGHAI"))
    (seeds / "005_dup_pair_b.txt").unlink()
    shutil.copy(ARTICLES / "dup_pair_b.txt", seeds / "006_dup_again.txt")
    steps = [("changed", ["001_33faab09024306e9", "006_dup_again"])]
    steps += [(name, [f"007_{name}"]) for name in MERGE_CASES]
    for name, expect in steps:
        if name in MERGE_CASES:
            (seeds / f"007_{name}.txt").write_text(MERGE_CASES[name], encoding="utf-8")
        seen.clear()
        report = build_report(config)
        assert report.incremental and sorted(seen) == expect, name
        stored = StoredTable(store_path(config.table_path), READERS)
        built, full = build_module.build_table(config)
        assert report.summary() == full.summary(), name
        assert_same_table(stored, built)
        assert_same_index(stored, built, config)
        stored.close()


def _copy_half(real: Any) -> Any:
    def copy(src: Any, dst: Any, **kwargs: Any) -> None:
        data = Path(src).read_bytes()
        Path(dst).write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return copy


def _fail(err: int) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    return fail


def _broken_patch(real: Any) -> Any:
    def patch(db: sqlite3.Connection, *args: Any) -> bool:
        real(db, *args)  # every row written, then the disk fails before the commit
        raise sqlite3.OperationalError("disk I/O error")

    return patch


@pytest.mark.parametrize(
    ("module", "target", "replacement"),
    [(shutil, "copyfile", _copy_half), (os, "fsync", lambda real: _fail(errno.EIO)),
     (os, "replace", lambda real: _fail(errno.EACCES)), (factstore, "_patch", _broken_patch)],
    ids=["disk full while copying", "fsync fails", "rename fails", "disk fails in SQLite"],
)  # fmt: skip
def test_a_failed_incremental_build_keeps_the_last_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Any, target: str, replacement: Any
) -> None:
    """The store is patched on a copy renamed into place: a disk error anywhere leaves the last
    store as it was (a reader that opened it reads on), and no temporary file."""
    config = make_config(tmp_path)
    path = store_path(config.table_path)
    good = path.read_bytes()
    reader = StoredTable(path, READERS)
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    monkeypatch.setattr(module, target, replacement(getattr(module, target)))
    with pytest.raises(DataError, match="facts.sqlite: cannot write the fact store"):
        build_report(config)
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert sorted(p.name for p in path.parent.iterdir()) == ["facts.cache", "facts.sqlite"]
    assert reader.find(FactKind("meeting")) and reader.meetings
    report = build_report(config)  # and the next build does it
    assert report.incremental and path.read_bytes() != good


def test_article_replaced_during_an_incremental_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article rewritten just after an incremental build read it: the store holds the
    facts and hash of the bytes it read, so the next start sees the change (issue 14)."""
    from tests.test_build import rewrite_after_read

    config = make_config(tmp_path)
    article = sorted(config.seeds_dir.glob("*.txt"))[3]
    edited = article.read_bytes() + b"\nThe talks ended in the afternoon.\n"
    article.write_bytes(edited)
    seen = rewrite_after_read(monkeypatch, article, edited + b"And then some more.\n")
    assert build_report(config).incremental and seen
    name = f"seeds/{article.name}"
    stored = current_table(config)  # rebuilt: the store's hash is of what the build read
    assert stored.rebuilt and name in stored.rebuilt
    assert stored.table.inputs[name] == hashlib.sha256(article.read_bytes()).hexdigest()


def test_a_recalled_meeting_is_merged_again_incrementally(
    tmp_path: Path, make_project: Any
) -> None:
    """A photo page whose file photo dates the seeds' May 24, 2023 meeting to the day ("... at
    the Great Hall of the People in Beijing, May 24, 2023") makes that meeting's date the
    text's (the curated note goes) and gives it the photo's venue, though the page reports
    another meeting: added, edited, joined by a report naming a venue and removed again, each
    build is incremental and the store is that of a full build of the same articles (in a
    folder of its own: nothing shared through the extraction cache)."""
    photo = ARTICLES / "broadcast" / "photo_page_2023.txt"
    config = make_project(tmp_path / "p").config()
    build_report(config)
    seeds = config.seeds_dir
    page = seeds / "005_photo_page_2023.txt"
    text = photo.read_text(encoding="utf-8")
    may = seeds / "006_may_venue.txt"  # a second report of May 24 that names a venue

    def add_page(config: Config) -> set[str]:
        page.write_text(text, encoding="utf-8")
        return set()

    def move_venue(config: Config) -> set[str]:
        page.write_text(text.replace("at the Great Hall of the People in Beijing, May 24",
                                     "at the Diaoyutai State Guesthouse in Beijing, May 24"),
                        encoding="utf-8")  # fmt: skip
        return set()

    def add_report(config: Config) -> set[str]:
        may.write_text(" date 2023-05-24\nXi Jinping met Mikhail Mishustin at the Great Hall of "
                       "the People in Beijing on May 24, 2023.\n", encoding="utf-8")  # fmt: skip
        return set()

    def undated(config: Config) -> set[str]:
        page.write_text(text.replace("in Beijing, May 24, 2023.", "in Beijing."), encoding="utf-8")
        return set()

    def expect(venues: set[tuple[str, str]], curated: bool) -> Callable[[StoredTable], None]:
        def check(stored: StoredTable) -> None:
            (meeting,) = [m for m in stored.meetings if str(m.date) == "2023-05-24"]
            dated = stored.find(FactKind("meeting"), {meeting.id})
            assert any(f.curated for f in dated) == curated
            found = {(f.value, f.article) for f in stored.find(FactKind("venue"), {meeting.id})}
            assert found == venues

        return check

    hall, guesthouse = "Great Hall of the People", "Diaoyutai State Guesthouse"
    steps = [
        ("added", add_page, expect({(hall, page.stem)}, False)),
        ("venue edited", move_venue, expect({(guesthouse, page.stem)}, False)),
        ("a report names a venue", add_report, expect({(hall, may.stem)}, False)),
        ("report removed", _unlink(may), expect({(guesthouse, page.stem)}, False)),
        ("date removed", undated, expect(set(), True)),
        ("dated again", add_page, expect({(hall, page.stem)}, False)),
        ("removed", _unlink(page), expect(set(), True)),
    ]
    for name, change, check in steps:
        change(config)
        report = build_report(config)
        assert report.incremental, name
        other, ours = _full(config, tmp_path / "full")
        assert report.summary() == ours(build_report(other).summary()), name
        stored = StoredTable(store_path(config.table_path), READERS)
        full = StoredTable(store_path(other.table_path), READERS)
        check(stored)
        built, _ = build_module.build_table(other)
        assert_same_table(stored, built)
        assert_same_index(stored, built, config)
        assert stored.reports() == full.reports(), name
        stored.close()
        full.close()


def _unlink(path: Path) -> Callable[[Config], set[str]]:
    def change(config: Config) -> set[str]:
        path.unlink()
        return set()

    return change


def test_an_incremental_build_reads_the_gazetteer_as_a_full_build_does(
    tmp_path: Path, make_project: Any
) -> None:
    """The order of the gazetteer's entries is the order names are found in ("Mikhail
    Mishustin and Li Qiang co-chaired ..."): an article added incrementally is read with the
    gazetteer of its file, not the store's copy (whose keys are sorted), so its facts are those
    of a full build in a folder of its own."""
    config = make_project(tmp_path / "p").config()
    build_report(config)
    shutil.copy(ARTICLES / "broadcast" / "embassy_note_2025.txt",
                config.seeds_dir / "005_embassy_note_2025.txt")  # fmt: skip
    assert build_report(config).incremental
    other, _ = _full(config, tmp_path / "full")
    stored = StoredTable(store_path(config.table_path), READERS)
    built, _ = build_module.build_table(other)
    cochaired = [f.display for f in stored.find(FactKind("cochair"))]
    assert "Mikhail Mishustin and Li Qiang co-chaired" in " ".join(cochaired)
    assert_same_table(stored, built)
    assert_same_index(stored, built, config)
    stored.close()


# --- updates in place ------------------------------------------------------------------------


def _inode(path: Path) -> int:
    return os.stat(path).st_ino


def _rows(path: Path, stem: str) -> list[tuple[object, ...]]:
    """The article's rows and the meta rows, read with a read-only connection and no lock (as
    another tool would)."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return (db.execute("SELECT * FROM facts WHERE article = ? ORDER BY id", (stem,))
                .fetchall() + db.execute("SELECT * FROM meta ORDER BY key").fetchall())  # fmt: skip
    finally:
        db.close()


def _same_as_full(config: Config) -> None:
    stored = StoredTable(store_path(config.table_path), READERS)
    try:
        built, _ = build_module.build_table(config)
        assert_same_table(stored, built)
        assert_same_index(stored, built, config)
    finally:
        stored.close()


def test_an_incremental_build_updates_the_store_in_place_unless_it_is_open(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """With no reader, one changed article is replaced in the store's file itself (no copy); a
    running bot holds its store open, so /reload patches a copy renamed into place and the old
    table reads on, unchanged; either way the store is the one a full build makes. A table
    /reload opens and lets go is closed, not left to the collector (its lock would hold)."""
    import gc

    from bot.reload import reload_answerer

    gc.disable()  # (tables refer to themselves through their meetings)
    request.addfinalizer(gc.enable)
    config = make_config(tmp_path)
    path = store_path(config.table_path)
    first = _inode(path)
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    assert build_report(config).incremental and _inode(path) == first
    _same_as_full(config)
    served = current_table(config).table  # as a running bot holds it
    assert isinstance(served, StoredTable)
    stem = sorted(config.seeds_dir.glob("*.txt"))[5].stem
    before = [f.to_json() for f in served.article_facts(stem)]
    _edit(5, "\nThe sides also discussed tourism.\n")(config)
    reloaded = reload_answerer(config, served)
    assert reloaded.report.incremental and reloaded.changes.changed == (stem,)
    assert _inode(path) != first
    assert [f.to_json() for f in served.article_facts(stem)] == before
    assert served.find(FactKind("meeting")) and served.meetings
    _same_as_full(config)
    second = _inode(path)
    assert isinstance(reloaded.answerer.table, StoredTable)
    reloaded.answerer.table.close()
    _edit(5, "\nThe sides also discussed trade.\n")(config)
    assert build_report(config).incremental and _inode(path) == second  # still open: served
    served.close()
    third = _inode(path)
    _edit(7, "\nThe talks ended in the afternoon.\n")(config)
    assert build_report(config).incremental and _inode(path) == third
    _same_as_full(config)
    assert sorted(p.name for p in path.parent.iterdir()) == ["facts.cache", "facts.sqlite"]


def test_a_reader_never_sees_an_update_in_place_half_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While an update in place is written (every row replaced, not yet committed), a reader
    without a lock reads the old rows and a table opened then waits: it reads the new store
    whole once the build has committed, never a mix."""
    import threading

    config = make_config(tmp_path)
    path = store_path(config.table_path)
    stem = sorted(config.seeds_dir.glob("*.txt"))[3].stem
    old_rows = _rows(path, stem)
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    written, go = threading.Event(), threading.Event()
    real = factstore._patch

    def patch(db: sqlite3.Connection, *args: Any) -> bool:
        done = real(db, *args)
        written.set()
        assert go.wait(30)
        return done

    monkeypatch.setattr(factstore, "_patch", patch)
    reports: list[Any] = []
    builder = threading.Thread(target=lambda: reports.append(build_report(config)))
    builder.start()
    try:
        assert written.wait(60)
        assert _rows(path, stem) == old_rows
        opened: list[StoredTable] = []
        reader = threading.Thread(target=lambda: opened.append(StoredTable(path, READERS)))
        reader.start()
        reader.join(0.5)
        assert reader.is_alive() and not opened  # waiting for the build's lock
    finally:
        go.set()
        builder.join(60)
    reader.join(60)
    assert reports and reports[0].incremental
    new_rows = _rows(path, stem)
    assert new_rows != old_rows
    stored = opened[0]
    try:
        rows = stored._db.execute("SELECT * FROM facts WHERE article = ? ORDER BY id", (stem,))
        meta = stored._db.execute("SELECT * FROM meta ORDER BY key")
        assert rows.fetchall() + meta.fetchall() == new_rows
    finally:
        stored.close()
    monkeypatch.undo()
    _same_as_full(config)


_DIE = """
import os, sys
from bot import factstore
from bot.build import build_report
from bot.config import load_config

real = factstore._patch

def patch(db, *args):
    db.execute("PRAGMA cache_size = 1")  # changed pages go to the file before the commit
    real(db, *args)
    os._exit(3)

factstore._patch = patch
build_report(load_config(sys.argv[1], {}))
"""


def test_a_build_that_dies_during_an_update_in_place(tmp_path: Path) -> None:
    """A build killed in the middle of an update in place leaves the file half written with
    its journal: the next to open it rolls it back, so it reads the last store, and the next
    build does the update."""
    import subprocess
    import sys

    config = make_config(tmp_path)
    path = store_path(config.table_path)
    stem = sorted(config.seeds_dir.glob("*.txt"))[3].stem
    old_rows = _rows(path, stem)
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    root = Path(__file__).parent.parent
    project = str(config.seeds_dir.parent / "config.yaml")
    died = subprocess.run([sys.executable, "-c", _DIE, project],
                          cwd=root, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert died.returncode == 3, died.stderr
    assert Path(f"{path}-journal").exists()
    stored = StoredTable(path, READERS)  # rolled back as it opens
    stored.close()
    assert not Path(f"{path}-journal").exists()
    assert _rows(path, stem) == old_rows
    assert build_report(config).incremental
    _same_as_full(config)


def test_a_failed_update_in_place_keeps_the_last_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk error in SQLite during an update in place rolls the transaction back: the file is
    as it was, with no journal, and the next build does the update in place."""
    config = make_config(tmp_path)
    path = store_path(config.table_path)
    good, first = path.read_bytes(), _inode(path)
    _edit(3, "\nThe talks ended in the afternoon.\n")(config)
    monkeypatch.setattr(factstore, "_patch", _broken_patch(factstore._patch))
    with pytest.raises(DataError, match="facts.sqlite: cannot write the fact store"):
        build_report(config)
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert sorted(p.name for p in path.parent.iterdir()) == ["facts.cache", "facts.sqlite"]
    assert build_report(config).incremental and _inode(path) == first
    _same_as_full(config)
