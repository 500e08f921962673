"""Incremental builds (issue 17): each article's extraction is cached beside the table, and a
build with the cache makes the very table a build without it makes.

A changed or added article is extracted again, and only it; a removed one drops out; an entry
that is damaged, foreign or for other code, gazetteer or curated entry is ignored, never trusted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import bot.build
import bot.extract
import bot.extractcache
import bot.kinds
from bench.synth import write_project
from bot.answer import Answerer
from bot.build import build, build_table, table_location
from bot.config import Config, load_config
from bot.context import Context
from bot.corpus import load_articles
from bot.curated import load_curated
from bot.errors import DataError
from bot.extract import extract
from bot.extractcache import CODECS, CONTEXT_FIELDS, LEFT_OUT, cache_folder
from bot.facts import fact_order
from bot.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from bot.gazetteer import gazetteer_from_data
from bot.glossary import DEFAULT_PATH as GLOSSARY_PATH
from bot.merge import merge
from bot.tablefile import seal
from bot.tg.app import build_application
from bot.yamlio import load_yaml
from tests.support import ARTICLES, DEV_ARTICLES, Project
from tests.tgharness import replies, serving, tg_config


@pytest.fixture
def project(tmp_path: Path, make_project: Callable[..., Project]) -> Project:
    """The seeds with the held-out and the dev articles: announcements, premiers' meetings,
    undated and duplicate reports, so merging has every case to get right."""
    return make_project(tmp_path / "p", articles=[*sorted(ARTICLES.glob("*.txt")),
                                                  *sorted(DEV_ARTICLES.glob("*.txt"))],
                        json_table=True)  # fmt: skip


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stems of the articles each build extracts (rather than takes from the cache)."""
    real, seen = bot.extract.extract, []

    def extract(article: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(article.stem)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(bot.build, "extract", extract)
    return seen


def uncached(config: Config) -> str:
    """The table's JSON text from a build with no cache (which it leaves behind)."""
    shutil.rmtree(cache_folder(table_location(config)), ignore_errors=True)
    table, _ = build_table(config)
    return table.to_json()


def entries(config: Config) -> dict[str, Path]:
    return {p.stem: p for p in sorted(cache_folder(table_location(config)).glob("*.json"))}


def test_incremental_build_is_the_full_build(project: Project, extracted: list[str]) -> None:
    config = project.config()
    build(config)
    assert len(extracted) == len(entries(config)) == 5 + 14
    seeds = config.seeds_dir
    changed = seeds / "001_33faab09024306e9.txt"
    text = changed.read_bytes()
    changed.write_bytes(text.replace(b"Beijing", b"Shanghai").replace(b"BEIJING", b"SHANGHAI"))
    (seeds / "005_dup_pair_b.txt").unlink()
    shutil.copy(ARTICLES / "dup_pair_b.txt", seeds / "006_dup_again.txt")
    extracted.clear()
    table, report = build(config)
    assert sorted(extracted) == ["001_33faab09024306e9", "006_dup_again"]  # and nothing else
    assert "005_dup_pair_b" not in entries(config) and "006_dup_again" in entries(config)
    assert "Shanghai" in {m.place for m in table.meetings}
    written = config.table_path.read_bytes()
    full = uncached(config)
    assert written == seal(full)  # the file, byte for byte
    again, _ = build_table(config)  # and in memory, fact for fact
    assert again.facts == table.facts and again.articles == table.articles


def reference(config: Config) -> tuple[list[Any], list[tuple[str, str]]]:
    """The facts and each article's meeting as a build without a cache made them before issue
    17: extract every article and merge the full contexts it gave."""
    gaz = gazetteer_from_data(load_yaml(GAZETTEER_PATH))
    curated = {c.article: c for c in load_curated(config.curated_path)}
    reports: list[tuple[Context, list[Any]]] = []
    for article in load_articles(config.seeds_dir):
        assert not isinstance(article, Exception)
        cur = curated.get(article.stem)
        note = f"curated: {cur.reason} Source: {cur.source}" if cur else ""
        when = (date.fromisoformat(cur.value), note) if cur else None
        reports.append(extract(article, gaz, when))
    facts, ids = merge(reports)
    meetings = [(ctx.article.stem, ids.get(ctx.article.stem, ctx.meeting_id)) for ctx, _ in reports]
    return sorted(facts, key=fact_order), meetings


# Reports whose merging turns on context fields the test articles leave alone: a dateline's city
# (which ranks below the meeting's own sentences), a year-less date that joins the meeting on its
# day and weekday, a weekday that does not fit, a text date that replaces a curated one, an
# announcement of a visit to the other country.
MERGE_CASES = {
    "dateline": " date 2024-08-21\nASTANA, Aug. 21 (Xinhua) -- Chinese President Xi Jinping met "
    "with Russian Prime Minister Mikhail Mishustin on Wednesday.\n",
    "undated": "Xi Jinping and Russian Prime Minister Mikhail Mishustin met in Moscow on Tuesday "
    "(March 21), during Xi's state visit.\n",
    "weekday": "Xi Jinping and Russian Prime Minister Mikhail Mishustin met in Beijing on Monday "
    "(December 10), during the prime minister's visit.\n",
    "dated": " date 2023-05-24\nChinese President Xi Jinping met with Prime Minister of the "
    "Russian Federation Mikhail Mishustin on Wednesday in Beijing.\n",
    "country": " date 2023-12-19\nPrime Minister Mishustin arrived on a working visit to Russia. "
    "He will meet with Chinese President Xi Jinping and also hold talks with Premier Li Qiang.\n",
}


def test_merging_cached_reports_is_merging_what_extraction_gave(project: Project) -> None:
    """An entry keeps what merge reads of an article's context, not the article: the facts and
    meetings are those of merging the full contexts, for the seeds and every test article."""
    config = project.config()
    for name, text in MERGE_CASES.items():
        (config.seeds_dir / f"007_{name}.txt").write_text(text, encoding="utf-8")
    facts, meetings = reference(config)
    build(config)  # fills the cache
    table, _ = build_table(config)  # every article from it
    assert list(table.facts) == facts
    assert [(a.stem, a.meeting) for a in table.articles] == meetings


def test_every_context_field_is_kept_or_left_out_on_purpose() -> None:
    """A Context field of a new type fails here until the cache can keep it (if merge reads
    it) or leaves it out on purpose (``LEFT_OUT``)."""
    types = {str(f.type) for f in dataclasses.fields(Context)}
    assert types <= set(CODECS) | LEFT_OUT
    assert not set(CODECS) & LEFT_OUT
    kept = {f.name for f in dataclasses.fields(Context) if str(f.type) not in LEFT_OUT}
    assert (
        set(CONTEXT_FIELDS) == kept and len(kept) == 19
    )  # (date_rank, scoped, last_months: merge)


def damage(path: Path, how: str) -> None:
    text = path.read_bytes()
    checksum, _, body = text.partition(b"\n")
    data = json.loads(body)
    if how == "flipped byte":
        path.write_bytes(text[:200] + bytes([text[200] ^ 1]) + text[201:])
    elif how == "cut short":
        path.write_bytes(text[: len(text) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "not UTF-8":
        path.write_bytes(b"\xff\xfe" + text)
    elif how == "no checksum line":
        path.write_bytes(body)
    elif how == "a folder":
        path.unlink()
        path.mkdir()
    else:  # sound envelopes around wrong content: the checksum of the new body is right
        if how == "other key":
            data["key"] = "0" * 64
        elif how == "other format":
            data["format"] += 1
        elif how == "other article's entry":
            data["info"][0] = "something_else"
        elif how == "facts of the wrong shape":
            data["facts"] = [{"kind": "venue"}, 3]
        elif how == "unknown kind":
            data["facts"][0]["kind"] = "weather"
        elif how == "JSON that is a list":
            data = [data]
        body = json.dumps(data).encode("utf-8")
        if how == "deep nesting":
            deep = b"[" * 50_000 + b"]" * 50_000
            body = body.replace(b'"context": {', b'"context": {"x": ' + deep + b", ")
        path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


DAMAGES = ["flipped byte", "cut short", "empty", "not UTF-8", "no checksum line", "a folder",
           "other key", "other format", "other article's entry", "facts of the wrong shape",
           "unknown kind", "JSON that is a list", "deep nesting"]  # fmt: skip


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_or_foreign_entry_is_extracted_again(
    tmp_path: Path, make_project: Callable[..., Project], extracted: list[str], how: str,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    config = make_project(tmp_path, json_table=True).config()  # (full builds: the cache read)
    full, _ = build(config)
    victim = entries(config)["002_d42b50eb057f7900"]
    damage(victim, how)
    extracted.clear()
    with caplog.at_level(logging.WARNING):
        table, _ = build(config)
    assert extracted == ["002_d42b50eb057f7900"]  # only the damaged one
    assert table.to_json() == full.to_json()
    extracted.clear()
    build(config)
    if how != "a folder":
        assert extracted == []  # its entry was written again, sound
    else:  # an entry cannot replace a folder: said once, and the build goes on without it
        assert extracted == ["002_d42b50eb057f7900"]
        assert "cannot write the extraction cache" in caplog.text


@pytest.mark.parametrize("what", ["code", "gazetteer", "curated entry", "format"])
def test_what_extraction_depends_on_invalidates_entries(
    project: Project, extracted: list[str], monkeypatch: pytest.MonkeyPatch, what: str,
    tmp_path: Path,
) -> None:  # fmt: skip
    config = project.config()
    build(config)
    extracted.clear()
    expect = sorted(p.stem for p in config.seeds_dir.glob("*.txt"))
    if what == "code":  # an upgrade: another extract.py
        code = dict(bot.build.code_hashes())
        code["code/kinds/venue.py"] = "0" * 64
        monkeypatch.setattr(bot.build, "code_hashes", lambda: dict(code))
    elif what == "gazetteer":  # one more alias: every article may read differently
        changed = tmp_path / "gazetteer.yaml"
        text = GAZETTEER_PATH.read_text(encoding="utf-8")
        changed.write_text(text + "\n# edited\n", encoding="utf-8")
        monkeypatch.setattr(bot.build, "GAZETTEER_PATH", changed)
    elif what == "curated entry":  # only the article it is about
        text = config.curated_path.read_text(encoding="utf-8")
        (cur,) = load_curated(config.curated_path)
        config.curated_path.write_text(text.replace("24 May 2023\"", "24 May 2023, checked\""),
                                       encoding="utf-8")  # fmt: skip
        expect = [cur.article]
    else:
        monkeypatch.setattr(bot.extractcache, "FORMAT", bot.extractcache.FORMAT + 1)
    table, _ = build(config)
    assert sorted(extracted) == expect
    if what == "curated entry":
        assert any("24 May 2023, checked" in f.curated for f in table.facts)


def test_parallel_extraction_gives_the_serial_table(tmp_path: Path) -> None:
    """Two worker processes, 70 articles (over ``PARALLEL_FROM``): the same table, byte for
    byte, and the same cache entries, as one process."""
    config = load_config(write_project(tmp_path / "synth", 70, seed=3), {})
    assert bot.build.PARALLEL_FROM < 70
    progress: list[tuple[int, int]] = []
    serial, report = build_table(config, workers=1)
    texts = {stem: p.read_bytes() for stem, p in entries(config).items()}
    shutil.rmtree(cache_folder(table_location(config)))
    parallel, again = build_table(config, workers=2, progress=lambda *a: progress.append(a))
    assert parallel.to_json() == serial.to_json()
    assert again.summary() == report.summary()
    assert {stem: p.read_bytes() for stem, p in entries(config).items()} == texts
    assert progress[-1] == (70, 70) and len(progress) == 70


def test_a_build_in_a_thread_spawns_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/reload builds in a thread beside the bot's event loop: its workers must not be forks of
    a process with other threads running. The table is the same."""
    config = load_config(write_project(tmp_path / "synth", 70, seed=4), {})
    serial, _ = build_table(config, workers=1)
    shutil.rmtree(cache_folder(table_location(config)))
    methods = _record_start_methods(monkeypatch)
    built: list[Any] = []
    thread = threading.Thread(target=lambda: built.append(build_table(config, workers=2)))
    thread.start()
    thread.join()
    assert methods == ["spawn"]
    assert built[0][0].to_json() == serial.to_json()


def test_cache_goes_beside_the_table_where_the_table_goes(
    tmp_path: Path, make_project: Callable[..., Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only project folder: the table and its cache go to the user's cache folder."""
    config = make_project(tmp_path / "p").config(table_cache=tmp_path / "user-cache" / "facts.json")
    monkeypatch.setattr(bot.build, "_writable", lambda folder: False)
    _, report = build(config)
    assert report.table_path == config.table_cache
    assert len(list((tmp_path / "user-cache" / "facts.cache").glob("*.json"))) == 5
    assert not config.table_path.parent.exists()


def test_unwritable_cache_is_logged_and_the_build_goes_on(
    tmp_path: Path, make_project: Callable[..., Project], caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path).config()
    folder = cache_folder(config.table_path)
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the cache folder would be")
    with caplog.at_level(logging.WARNING):
        table, _ = build(config)
    assert len(table.articles) == 5
    assert caplog.text.count("cannot write the extraction cache") == 1  # once, not per article


def test_coverage_of_cached_articles(project: Project) -> None:
    config = project.config()
    _, fresh = build(config, coverage=True)
    _, cached = build(config, coverage=True)
    assert cached.coverage_report() == fresh.coverage_report()
    assert "no fact #" in cached.coverage_report()


def test_removed_articles_and_old_temporary_files_are_pruned(project: Project) -> None:
    config = project.config()
    build(config)
    folder = cache_folder(config.table_path)
    (folder / ".001_x.abc.tmp").write_text("left by a killed build an hour ago")
    os.utime(folder / ".001_x.abc.tmp", (time.time() - 3600, time.time() - 3600))
    (folder / ".001_x.def.tmp").write_text("being written by another build")
    (folder / "notes.txt").write_text("not the cache's: kept")
    (config.seeds_dir / "005_tass_2024.txt").unlink()
    build(config)
    names = {p.name for p in folder.iterdir()}
    assert "005_tass_2024.json" not in names and "001_33faab09024306e9.json" in names
    assert ".001_x.abc.tmp" not in names
    assert {".001_x.def.tmp", "notes.txt"} <= names


def test_a_fact_merged_into_its_meeting_is_checked_alike(project: Project) -> None:
    """Merging gives a fact its meeting and place, which its line in Russian does not read: the
    line of its extraction stands (``RussianCheck.lines``); another value or sentence does not."""
    config = project.config()
    gaz = gazetteer_from_data(load_yaml(GAZETTEER_PATH), GAZETTEER_PATH)
    article = next(a for a in load_articles(config.seeds_dir) if not isinstance(a, DataError))
    _, facts = extract(article, gaz)
    f = facts[0]
    assert bot.kinds.checked_alike(f, dataclasses.replace(f, meeting="elsewhere", place="Kazan"))
    assert not bot.kinds.checked_alike(f, dataclasses.replace(f, value=f.value + " 2"))
    assert not bot.kinds.checked_alike(f, dataclasses.replace(f, sentence=f.sentence + 1))


def test_a_glossary_edit_rechecks_russian_without_extracting_again(
    project: Project, extracted: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each entry keeps its facts' problems in Russian with the glossary's sha256: an edited
    glossary re-checks every article once (the same notes as a build without the cache) and
    keeps the new lines; the facts are not extracted again."""
    config = project.config()
    _, first = build(config)
    assert not [n for n in first.notes if n.startswith("no Russian")]
    edited = tmp_path / "glossary.yaml"
    text = GLOSSARY_PATH.read_text(encoding="utf-8")
    edited.write_text(text.replace("  Eastern Economic Forum: Восточный экономический форум\n", ""),
                      encoding="utf-8")  # fmt: skip
    monkeypatch.setattr(bot.build, "GLOSSARY_PATH", edited)
    extracted.clear()
    _, cached = build(config)
    assert extracted == []
    lacking = [n for n in cached.notes if "glossary lacks event_names: 'Eastern" in n]
    assert len(lacking) == 4 and "005_govru_xi_2024#8 event" in lacking[0]
    checked: list[int] = []
    real = bot.kinds.check_facts

    def check_facts(*args: Any, **kw: Any) -> Any:
        checked.append(len(args[-1]))
        return real(*args, **kw)

    monkeypatch.setattr(bot.extractcache, "check_facts", check_facts)
    _, again = build(config)
    assert again.notes == cached.notes
    # checked again: only the articles whose facts merging changed in what the check reads (a
    # meeting's date from another report); given another meeting and place, they read the same
    assert len(checked) < len(entries(config)) // 2, checked
    shutil.rmtree(cache_folder(config.table_path))
    _, full = build_table(config)
    assert full.notes == cached.notes


@pytest.mark.e2e
async def test_reload_in_the_running_bot_extracts_with_worker_processes(
    api: Any, tmp_path: Path, make_project: Callable[..., Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    """/reload: the same path (only the new articles extracted), in a thread of the running bot,
    its workers spawned rather than forked from it."""
    admin = 77
    config = tg_config(make_project(tmp_path).config(), api, admins=(admin,))
    table, _ = build_table(config)
    methods = _record_start_methods(monkeypatch)
    monkeypatch.setattr(bot.build, "PARALLEL_FROM", 1)  # a pool for the two new articles
    app = build_application(config, Answerer.from_table(table, config))
    async with serving(app):
        for name in ("tass_2024.txt", "cgtn_moscow.txt"):
            shutil.copy(ARTICLES / name, config.seeds_dir / f"005_{name}")
        api.push_message(admin, "/reload", user_id=admin)
        (reply,) = await replies(api, admin, timeout=60)
    assert "Articles added (2): 005_cgtn_moscow, 005_tass_2024" in reply.result["text"]
    assert methods == ["spawn"]
    assert sorted(entries(config)) == sorted(p.stem for p in config.seeds_dir.glob("*.txt"))


def _record_start_methods(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The start method of every worker pool a build makes from now on (fork or spawn)."""
    real, methods = bot.build._pool_context, []

    def pool_context() -> Any:
        ctx = real()
        methods.append(ctx.get_start_method())
        return ctx

    monkeypatch.setattr(bot.build, "_pool_context", pool_context)
    return methods
