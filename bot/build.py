"""seeds -> fact table file: deterministic, atomic, and rebuilt when an input changed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __file__ as _package_file
from .config import Config
from .context import Context
from .corpus import Article, article_paths
from .coverage import Coverage
from .coverage import coverage as article_coverage
from .curated import CuratedFact, load_curated
from .errors import DataError
from .extract import extract, outlet
from .facts import (
    ENCOUNTER,
    MEETING,
    ArticleInfo,
    Fact,
    FactKind,
    FactTable,
    Meeting,
    dump_table,
    fact_order,
    group_meetings,
    load_table,
)
from .factstore import (
    StoredTable,
    display_key,
    said_words,
    store_counts,
    store_path,
    table_seal,
    update_store,
    words_text,
    write_store,
)
from .gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from .gazetteer import Gazetteer, gazetteer_from_data
from .glossary import DEFAULT_PATH as GLOSSARY_PATH
from .glossary import Glossary, glossary_from_data
from .intents import Intent, Lexicon, intent_paths, load_intents, load_lexicon
from .kinds import KINDS as READ_KINDS
from .kinds import NEEDS, READERS
from .merge import Placement, Recall, assign, place, recalls
from .yamlio import load_yaml

if TYPE_CHECKING:  # bot.extractcache is imported by a build, not by ask on a fresh table
    from multiprocessing.context import BaseContext

    from .extractcache import Articles, ExtractCache, Extracted, Pending, RussianCheck
    from .memo import FactText

log = logging.getLogger(__name__)
_PACKAGE = Path(_package_file).parent
# Code whose change changes the table: a stale table must not survive an upgrade.
_CODE = (
    "extract.py",
    "context.py",
    "encounters.py",
    "merge.py",
    "coverage.py",
    "speech.py",
    "text.py",
    "facts.py",
    "corpus.py",
    "intents.py",
    "curated.py",
    "build.py",
    "extractcache.py",
    "yamlio.py",
    "gazetteer.py",
    "glossary.py",
    "russian.py",
    "kinds/*.py",
)
# Code that reads the facts' words for the stored word index (bot/factstore.py) and works out the
# Reader's reading the store keeps (bot/reading.py): a store made by other code is made again
# from the table, whose extraction it does not change.
_INDEX_CODE = ("answer.py", "factstore.py", "gazetteer.py", "intents.py", "kinds/__init__.py",
               "language.py", "memo.py", "question.py", "reading.py", "relevance.py",
               "text.py")  # fmt: skip


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary line and for /reload."""

    articles: int = 0
    meetings: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)  # one line each: file and problem
    notes: list[str] = field(default_factory=list)
    table_path: Path | None = None  # where ``build`` wrote the table
    stats: Stats = field(default_factory=dict)  # what it read (``input_hashes``)
    coverage: list[Coverage] = field(default_factory=list)  # per article, when asked for
    # what the store keeps for the next build to be incremental (``update_table``): each usable
    # article's report (``report_json``) and each unusable one's [input name, line, note]
    reports: dict[str, str] = field(default_factory=dict)
    unusable: list[list[str]] = field(default_factory=list)
    incremental: bool = False  # the store of the last build, with only some articles replaced
    merged_again: list[str] = field(default_factory=list)  # (those articles)

    def summary(self) -> str:
        """A few lines for the operator."""
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        lines = [f"{self.articles} articles, {self.meetings} meetings, {sum(self.kinds.values())} "
                 f"facts ({kinds})"]  # fmt: skip
        lines += [f"skipped: {s}" for s in self.skipped] + self.notes
        return "\n".join(lines)

    def coverage_report(self) -> str:
        """Per article, the share of content sentences that gave a fact and those that gave
        none; then the sentences excluded as boilerplate, each with its rule."""
        lines = ["coverage (content sentences that give a fact):"]
        for c in self.coverage:
            lines += c.lines()
        content = sum(len(c.content) for c in self.coverage)
        covered = sum(c.covered for c in self.coverage)
        share = covered / content if content else 1.0
        lines.append(f"total: {covered}/{content} ({share:.1%})")
        lines.append("excluded as boilerplate (meant to give no fact):")
        for c in self.coverage:
            lines += [f"{c.stem}{line}" for line in c.excluded_lines()]
        return "\n".join(lines)


Stats = dict[str, tuple[int, int, str]]  # input name -> size, mtime (ns), sha256


def input_hashes(config: Config, known: Stats | None = None,
                 articles: list[Path] | None = None) -> dict[str, str]:  # fmt: skip
    """sha256 of every input of the table as the files are now, keyed by a stable name.

    ``known``: what a build read (``InputReader.stats``): a file of the same size and
    modification time is not read again (10,000 articles took a second to hash).
    ``articles``: ``article_paths`` of the seeds, when the caller has listed them."""
    files: list[Path] = []
    out = code_hashes()
    if articles is None:
        articles = []
        # each article's stat as the folder is listed: 10,000 paths made and stated one by one
        # were half of what a cold ask at 10,000 articles spent besides answering
        for name, st in sorted(_seed_stats(config.seeds_dir).items()):
            key = f"seeds/{name}"
            size, mtime, sha = (known or {}).get(key, (-1, -1, ""))
            if (st.st_size, st.st_mtime_ns) == (size, mtime):
                out[key] = sha
            else:
                articles.append(config.seeds_dir / name)
    files += articles
    with suppress(DataError):
        files += intent_paths(config.intents_dir)
    if config.curated_path.exists():
        files.append(config.curated_path)
    files += [GAZETTEER_PATH, GLOSSARY_PATH]
    names = {p: f"seeds/{p.name}" for p in articles}  # (input_name, without its lookups)
    for path in files:
        name = names.get(path) or input_name(config, path)
        try:
            if known and name in known:
                st = path.stat()
                size, mtime, sha = known[name]
                if (st.st_size, st.st_mtime_ns) == (size, mtime):
                    out[name] = sha
                    continue
            out[name] = _sha256(path.read_bytes())
        except OSError:
            out[name] = "unreadable"
    return out


def seeds_listing(stats: Stats, inputs: dict[str, str]) -> str:
    """What ``current_table`` compares the seeds folder with: a digest of each article's name,
    size and modification time as the build read them (``stats``); "" when the build recorded
    an article (``inputs``) it has no such stat of, or another hash (then each is compared)."""
    seeds = {k: v for k, v in stats.items() if k.startswith("seeds/")}
    if seeds.keys() != {k for k in inputs if k.startswith("seeds/")}:
        return ""
    if any(sha != inputs[k] for k, (_, _, sha) in seeds.items()):
        return ""
    return _listing(
        (k.removeprefix("seeds/"), size, mtime) for k, (size, mtime, _) in seeds.items()
    )


def _listing(entries: Iterable[tuple[str, int, int]]) -> str:
    # (the lines hashed as one text: the same digest as one update a line, in one call)
    text = "".join(f"{name}\0{size}\0{mtime}\n" for name, size, mtime in sorted(entries))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _inputs_now(config: Config, stored: StoredTable) -> dict[str, str]:
    """``input_hashes`` of the inputs now, with what the build of ``stored`` read: when every
    article's name, size and modification time are what it read (``seeds_listing``), their
    hashes are the table's and only the other inputs are read; else each article is compared
    (10,000 stats of the build parsed and compared one by one were a sixth of a cold ask)."""
    listing = stored.meta.get("listing")
    if listing:
        seen = _seed_stats(config.seeds_dir)
        if _listing((n, st.st_size, st.st_mtime_ns) for n, st in seen.items()) == listing:
            now = input_hashes(config, articles=[])
            now.update((k, v) for k, v in stored.inputs.items() if k.startswith("seeds/"))
            return now
    return input_hashes(config, _stats(stored))


def _seed_stats(seeds_dir: Path) -> dict[str, os.stat_result]:
    """The stat of each article file (``article_paths``) by name; {} when there is no folder
    (no seeds: the build says so; the hashes just lack them)."""
    out = {}
    with suppress(OSError), os.scandir(seeds_dir) as entries:
        for e in entries:
            if e.name.endswith(".txt") and e.is_file():
                with suppress(OSError):  # (gone since it was listed)
                    out[e.name] = e.stat()
    return out


def input_name(config: Config, path: Path) -> str:
    """The stable name of an input file in ``FactTable.inputs``."""
    named = {config.curated_path: "curated", GAZETTEER_PATH: "gazetteer", GLOSSARY_PATH: "glossary"}
    if path in named:
        return named[path]
    return f"{'seeds' if path.parent == config.seeds_dir else 'intents'}/{path.name}"


@cache
def _code_hashes() -> tuple[tuple[str, str], ...]:
    out = []
    for path in (p for name in _CODE for p in sorted(_PACKAGE.glob(name))):
        name = f"code/{path.relative_to(_PACKAGE).as_posix()}"
        try:
            out.append((name, _sha256(path.read_bytes())))
        except OSError:
            out.append((name, "unreadable"))
    return tuple(out)


def code_hashes() -> dict[str, str]:
    """sha256 of the code that builds tables, taken once per process: the code a process runs is
    the code it imported, even if the files are upgraded while it runs."""
    return dict(_code_hashes())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class InputReader:
    """Reads the input files of one build, each once, and keeps the sha256 of what it read.

    The table records these hashes, taken from the very bytes the build parsed: an article
    replaced during a build cannot leave facts of its old text under its new hash (issue 14),
    and the intents and the lexicon, which come from the same files, see the same text.
    """

    def __init__(self) -> None:
        self._read: dict[Path, bytes] = {}
        self.hashes: dict[Path, str] = {}
        # size and mtime of each file, taken before reading it: a file changed while it was
        # read has another mtime, so its hash is never paired with the new text's stat
        self.stats: dict[Path, tuple[int, int]] = {}

    def __call__(self, path: Path) -> bytes:
        """The bytes of ``path``, read once per build (several loaders read the intent files)."""
        data = self._read.get(path)
        if data is None:
            data = self._read[path] = self.once(path)
        return data

    def once(self, path: Path) -> bytes:
        """Read a file that only one loader reads (an article): hashed, not kept."""
        try:
            st = path.stat()
            data = path.read_bytes()
        except OSError:
            self.hashes[path] = "unreadable"
            raise
        self.hashes[path] = _sha256(data)
        if len(data) == st.st_size:
            self.stats[path] = (st.st_size, st.st_mtime_ns)
        return data


def build_table(config: Config, coverage: bool = False, workers: int | None = None,
                progress: Progress | None = None) -> tuple[FactTable, BuildReport]:  # fmt: skip
    """Read every input and build the table in memory; raise DataError on unusable input.

    An article's extraction comes from the cache beside the table when its entry is for the
    article's very bytes, code, gazetteer and curated entry; the others are extracted (by
    ``workers`` processes, default ``build.workers`` or one per CPU, when there are enough of
    them) and kept there. The reports are merged over all articles either way, so the table is
    the one a build without a cache makes. ``coverage``: also measure how much of each article
    its facts cover (``BuildReport``). ``progress(done, total)``: called as articles are
    extracted.
    """
    from .extractcache import Articles, ExtractCache, Pending, RussianCheck, cache_folder

    code = code_hashes()  # after importing extract: the code this build runs
    report = BuildReport()
    read = InputReader()
    gaz_data = load_yaml(GAZETTEER_PATH, read=read)
    gaz = gazetteer_from_data(gaz_data, GAZETTEER_PATH)
    glossary_data = load_yaml(GLOSSARY_PATH, read=read)
    glossary = glossary_from_data(glossary_data, NEEDS, GLOSSARY_PATH)
    intents = load_intents(config.intents_dir, read)
    lexicon = load_lexicon(config.intents_dir, read)
    curated_list = load_curated(config.curated_path, read)
    curated = {c.article: c for c in curated_list}  # load_curated allows one per article
    russian = RussianCheck(glossary, glossary_data, read.hashes[GLOSSARY_PATH])
    cache = ExtractCache(cache_folder(table_location(config)))
    articles = Articles(cache, code, read.hashes[GAZETTEER_PATH], gaz, coverage)
    # Every article's cached extraction, the article to extract or why it is unusable, in file
    # order; the extractions come in that order too, so the reports are a full build's.
    items = [_look_up(articles, path, read, curated.get(path.stem))
             for path in article_paths(config.seeds_dir)]  # fmt: skip
    if config.build.on_bad_article == "reject":
        for item in items:
            if isinstance(item, DataError):
                raise item
    pending = [i for i in items if isinstance(i, Pending)]
    reports: list[tuple[Context, list[Fact]]] = []
    infos: list[ArticleInfo] = []
    extractions: list[Extracted] = []
    extracting = _extract_all(pending, gaz_data, gaz, russian, _workers(config, workers),
                              progress)  # fmt: skip
    notes: dict[str, list[str]] = {}  # stem -> its curated note, if any
    with closing(extracting) as fresh:
        for item in items:
            if isinstance(item, DataError):
                report.skipped.append(str(item))
                log.warning("skipped article %s", item)
                note = _curated_note(curated.pop(Path(item.path).stem, None), None)
                report.notes += note
                report.unusable.append([f"seeds/{Path(item.path).name}", str(item), *note])
                continue
            got = articles.fresh(item, next(fresh)) if isinstance(item, Pending) else item
            stem = got.info.stem
            notes[stem] = _curated_note(curated.pop(stem, None), got)
            report.notes += notes[stem]
            reports.append((got.context, list(got.facts)))
            extractions.append(got)
            if coverage:
                ctx = got.with_text(articles.article(item))
                report.coverage.append(article_coverage(ctx, [
                    f for f in got.facts if not READ_KINDS[f.kind].quotes]))  # fmt: skip
            infos.append(got.info)
    cache.prune(i.stem for i in infos)
    for stem in curated:
        where = f"facts[{[c.article for c in curated_list].index(stem)}]"
        raise DataError(config.curated_path, f"no article {stem!r} in {config.seeds_dir}", where)
    if not infos:
        raise DataError(config.seeds_dir, "no usable article")
    # every report of a meeting belongs to it (``merge``, with each article's placement kept)
    recalled = {ctx.article.stem: recalls(ctx, fs) for ctx, fs in reports}
    placements = assign([ctx for ctx, _ in reports], recalled)
    merged = [place(ctx, fs, placements[ctx.article.stem]) for ctx, fs in reports]
    facts = [f for fs in merged for f in fs]
    infos = [dataclasses.replace(i, meeting=placements[i.stem].meeting) for i in infos]
    inputs = code | {input_name(config, path): h for path, h in read.hashes.items()}
    report.stats = {input_name(config, path): (*st, read.hashes[path])
                    for path, st in read.stats.items()}  # fmt: skip
    table = FactTable(tuple(sorted(facts, key=fact_order)), tuple(infos), inputs,
                      [i.to_json() for i in intents], lexicon.to_json(), gaz_data,
                      glossary_data)  # fmt: skip
    # A term the glossary lacks is not fatal (the reply falls back to English), but say so.
    problems = [_russian(russian, e, mine, gaz, cache)
                for e, mine in zip(extractions, merged, strict=True)]  # fmt: skip
    report.notes += [f"no Russian: {p}" for lines in problems for p in lines[0]]
    report.notes += [f"no Russian: {p}" for lines in problems for p in lines[1]]
    for e, lines in zip(extractions, problems, strict=True):
        stem = e.info.stem
        report.reports[stem] = report_json(e, placements[stem], recalled[stem], lines,
                                           notes[stem])  # fmt: skip
    report.articles = len(infos)
    report.meetings = len(table.meetings)
    report.kinds = Counter(str(f.kind) for f in facts)
    return table, report


def _curated_note(cur: CuratedFact | None, got: Extracted | None) -> list[str]:
    """The note on an article's curated fact that goes unused (``got``: None when the article
    was skipped), as a list of at most one line."""
    if cur is None:
        return []
    if got is None:
        return [f"curated fact for {cur.article} unused: the article was skipped"]
    if any(f.curated for f in got.facts):
        return []
    return [f"curated fact for {cur.article} unused: the text gives the date"]


def report_json(e: Extracted, where: Placement, recalled: Sequence[Recall],
                russian: tuple[Sequence[str], Sequence[str]], notes: list[str]) -> str:  # fmt: skip
    """What the store keeps of an article for the next build (``update_table``): its file and
    bytes' sha256, its /sources line, what merging reads of it (its context and its recalls)
    and where merging put it, the problems of its merged facts in Russian (``_russian``) and its
    curated note."""
    from .extractcache import context_json

    a = e.context.article
    return json.dumps(
        {"name": a.path.name, "sha256": a.sha256, "info": dataclasses.astuple(e.info),
         "context": context_json(e.context), "placement": where.to_json(),
         "recalls": [r.to_json() for r in recalled], "russian": list(russian[0]),
         "russian_recalled": list(russian[1]), "notes": notes},
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )  # fmt: skip


def _russian(russian: RussianCheck, e: Extracted, mine: Sequence[Fact], gaz: Gazetteer,
             cache: ExtractCache) -> tuple[tuple[str, ...], list[str]]:  # fmt: skip
    """The problems in Russian of an article's merged facts ``mine``: of its own facts, and of
    the venues it gives the meetings it recalls (``place`` adds them after its own; a build
    lists their lines after every article's own, as merging all reports at once did)."""
    own, added = mine[: len(e.facts)], mine[len(e.facts) :]
    return russian.lines(e, own, gaz, cache), russian.check(added, gaz) if added else []


Progress = Callable[[int, int], None]
PARALLEL_FROM = 64  # articles to extract: fewer do not pay for starting the worker processes


def _look_up(articles: Articles, path: Path, read: InputReader,
             cur: CuratedFact | None) -> Extracted | Pending | DataError:  # fmt: skip
    """The article's cached extraction, else the article to extract, else why it is unusable."""
    try:
        raw = read.once(path)
    except OSError as exc:
        return DataError(path, f"cannot read: {exc.strerror}")
    return articles.look_up(path, raw, read.hashes[path], cur)


def _workers(config: Config, asked: int | None) -> int:
    """Processes that extract: ``asked``, else ``build.workers``, else the CPUs this process may
    run on."""
    if asked is not None:
        return max(1, asked)
    if config.build.workers is not None:
        return config.build.workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def extract_entry(article: Article, gaz: Gazetteer, curated: CuratedFact | None, key: str,
                  russian: RussianCheck) -> str:  # fmt: skip
    """One article's extraction as the text of its cache entry (``bot.extractcache``)."""
    from .extractcache import curated_key, encode

    cur = curated_key(curated)
    ctx, found = extract(article, gaz, (date.fromisoformat(cur[0]), cur[1]) if cur else None)
    info = ArticleInfo(article.stem, article.title[:120], outlet(article, gaz),
                       article.published.isoformat() if article.published else "",
                       ctx.meeting_id)  # fmt: skip
    return encode(key, ctx, found, info, russian.sha256, russian.check(found, gaz))


def _extract_all(pending: list[Pending], gaz_data: Any, gaz: Gazetteer, russian: RussianCheck,
                 workers: int, progress: Progress | None) -> Generator[str]:  # fmt: skip
    """The cache entry texts of ``pending``, in its order: in this process, or by ``workers``
    processes when there are more than ``PARALLEL_FROM`` articles."""
    total = len(pending)
    if workers < 2 or total <= PARALLEL_FROM:
        for n, item in enumerate(pending, 1):
            text = extract_entry(item.article, gaz, item.curated, item.key, russian)
            if progress is not None:
                progress(n, total)
            yield text
        return
    from concurrent.futures import ProcessPoolExecutor  # only here: ask never pays for it

    pool = ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_start_worker,
                               initargs=(gaz_data, russian.data, russian.sha256))  # fmt: skip
    chunk = max(1, min(32, total // (workers * 16)))  # few round trips, an even finish
    try:
        tasks = ((i.article, i.curated, i.key) for i in pending)
        for n, text in enumerate(pool.map(_worker_entry, tasks, chunksize=chunk), 1):
            if progress is not None:
                progress(n, total)
            yield text
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool_context() -> BaseContext:
    """How worker processes start: forked when this process runs no other thread (cheapest),
    else spawned (a bot's /reload runs in a thread beside the event loop: a fork then could copy
    a lock another thread holds; a fork server would outlive the pool as one more process).
    Spawned workers import the ``__main__`` module again: a script that builds from a thread
    must guard its main code."""
    import multiprocessing
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_worker: tuple[Gazetteer, RussianCheck] | None = None  # a worker process's (``_start_worker``)


def _start_worker(gaz_data: Any, glossary_data: Any, glossary_sha256: str) -> None:
    """Set up a worker process: its gazetteer and glossary; Ctrl-C is for the build that
    started it."""
    import signal

    from .extractcache import RussianCheck

    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    glossary = glossary_from_data(glossary_data, NEEDS, GLOSSARY_PATH)
    _worker = (gazetteer_from_data(gaz_data, GAZETTEER_PATH),
               RussianCheck(glossary, glossary_data, glossary_sha256))  # fmt: skip


def _worker_entry(task: tuple[Article, CuratedFact | None, str]) -> str:
    """``extract_entry`` in a worker process."""
    assert _worker is not None, "_start_worker sets it up"
    article, curated, key = task
    return extract_entry(article, _worker[0], curated, key, _worker[1])


def table_location(config: Config) -> Path:
    """Where a build writes the table: ``table_path``, or the user's cache when its folder is
    read-only (a container, a system install) rather than failing there."""
    if config.table_cache is None or _writable(config.table_path.parent):
        return config.table_path
    return config.table_cache


def _writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (or in the nearest folder above that exists).

    access(2), not the permission bits: it also says no on a read-only file system, even to root.
    """
    for existing in (folder, *folder.parents):
        if existing.exists():
            return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)
    return False


def build(config: Config, coverage: bool = False, workers: int | None = None,
          progress: Progress | None = None, json_table: bool | None = None,
          ) -> tuple[FactTable, BuildReport]:  # fmt: skip
    """Build the table into its store beside ``table_location(config)`` (``build_report``): the
    table a full build made in memory, else (an incremental build) the store opened."""
    report, table = _build(config, coverage, workers, progress, json_table)
    if table is None:
        path = report.table_path or config.table_path
        table = open_index(path, config) or StoredTable(store_path(path), READERS)
    return table, report


def build_report(config: Config, coverage: bool = False, workers: int | None = None,
                 progress: Progress | None = None,
                 json_table: bool | None = None) -> BuildReport:  # fmt: skip
    """Build the table and write it atomically into its store, ``store_path`` of
    ``table_location(config)``: only the articles changed since the last build when the store
    of that build is there and every other input is the same (``update_table``), else every
    article (``build_table``). ``json_table`` (default ``build.json``): also write the table as
    JSON at ``table_location(config)``, to inspect (always a full build); without it a JSON table
    left there by an earlier build is removed once the store changes (it would be stale)."""
    return _build(config, coverage, workers, progress, json_table)[0]


def _build(config: Config, coverage: bool, workers: int | None, progress: Progress | None,
           json_table: bool | None) -> tuple[BuildReport, FactTable | None]:  # fmt: skip
    """The report, and the table when a full build made it in memory."""
    location = table_location(config)
    json_table = config.build.json if json_table is None else json_table
    if not coverage and not json_table:
        report = update_table(config, workers, progress)
        if report is not None:
            return report, None
    table, report = build_table(config, coverage, workers, progress)
    report.table_path = location
    if json_table:
        dump_table(table, location)
    else:
        _remove_json(location)  # written before: not this table
    write_index(table, location, config, report.stats, report, _workers(config, workers))
    return report, table


def update_table(config: Config, workers: int | None = None,
                 progress: Progress | None = None) -> BuildReport | None:  # fmt: skip
    """An incremental build: the store of the last build with only the articles added, changed
    or removed since then (and those whose meeting merging changes) replaced; None when the
    store is not there or not one this code made from the same inputs but articles (then build
    everything). Merging starts from each article's report the store keeps (``assign``), so the
    table is the one ``build_table`` makes; articles whose placement stays are not read."""
    from .extractcache import (
        Articles,
        ExtractCache,
        Pending,
        RussianCheck,
        cache_folder,
        context_from_json,
    )

    location = table_location(config)
    path = store_path(location)
    try:
        old = StoredTable(path, READERS, meetings=False)
    except DataError:
        return None
    with closing(old):
        if not {"skipped", "sources"} <= old.meta.keys() or old.meta["index"] != index_key(config):
            return None
        before = old.inputs
        try:
            paths = article_paths(config.seeds_dir)
            curated = {c.article: c for c in load_curated(config.curated_path)}
        except DataError:
            return None  # the full build says why
        now = input_hashes(config, _stats(old), paths)
        if _not_articles(before) != _not_articles(now):
            return None  # code, intents, gazetteer, glossary or curated facts changed
        if not curated.keys() <= {p.stem for p in paths}:
            return None
        changed = {n for n in before.keys() | now.keys()
                   if n.startswith("seeds/") and before.get(n) != now.get(n)}  # fmt: skip
        stored = {stem: json.loads(text) for stem, text in old.reports().items()}
        unusable = {str(u[0]): u for u in json.loads(old.meta["skipped"])}
        if not changed:
            if not _sealed(old, location):
                _remove_json(location)  # not the store's table: stale or damaged
            return _report(path, location, paths, stored, unusable.values(), _stats(old))
        code = code_hashes()
        # the gazetteer and glossary as a full build reads them, in their files' order (the
        # table's copies have their keys sorted, and the order of the gazetteer's entries is
        # the order names are found in: "Mikhail Mishustin and Li Qiang"); their files are
        # those of the last build (``before``)
        sources = json.loads(old.meta["sources"])
        gaz_data, glossary_data = sources["gazetteer"], sources["glossary"]
        gaz = gazetteer_from_data(gaz_data, GAZETTEER_PATH)
        glossary = glossary_from_data(glossary_data, NEEDS, GLOSSARY_PATH)
        russian = RussianCheck(glossary, glossary_data, before["glossary"])
        cache = ExtractCache(cache_folder(location))
        articles = Articles(cache, code, before["gazetteer"], gaz, False)
        read = InputReader()
        got: dict[str, Extracted | Pending | DataError] = {}
        for p in paths:
            name = f"seeds/{p.name}"
            if name in changed:
                got[p.stem] = _look_up(articles, p, read, curated.get(p.stem))
            elif p.stem not in stored and name not in unusable:
                return None  # (a store of another build)
        problem = next((i for i in got.values() if isinstance(i, DataError)), None)
        if problem is not None and config.build.on_bad_article == "reject":
            raise problem
        _extracted(got, articles, gaz_data, gaz, russian, _workers(config, workers), progress)
        contexts: list[Context] = []
        recalled: dict[str, tuple[Recall, ...]] = {}  # what merging reads of other articles
        for p in paths:
            item = got.get(p.stem)
            if item is None and p.stem in stored:
                data = stored[p.stem]
                contexts.append(context_from_json(data["context"], p, data["sha256"],
                                                  data["info"][3], gaz))  # fmt: skip
                recalled[p.stem] = tuple(Recall.from_json(r) for r in data["recalls"])
            elif item is not None and not isinstance(item, DataError):
                assert not isinstance(item, Pending), "extracted above"
                contexts.append(item.context)
                recalled[p.stem] = recalls(item.context, item.facts)
        placements = assign(contexts, recalled)
        moved = [
            p
            for p in paths
            if p.stem not in got
            and p.stem in stored
            and stored[p.stem]["placement"] != placements[p.stem].to_json()
        ]
        for p in moved:
            got[p.stem] = item = _look_up(articles, p, read, curated.get(p.stem))
            if isinstance(item, DataError) or read.hashes[p] != before.get(f"seeds/{p.name}"):
                return None  # changed since without another size or time: read it all
        _extracted(got, articles, gaz_data, gaz, russian, 1, None)
        return _patched(config, old, location, paths, got, placements, recalled, stored,
                        unusable, changed, read, gaz, russian, curated, cache)  # fmt: skip


_INFO = [f.name for f in dataclasses.fields(ArticleInfo)]


def _not_articles(inputs: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in inputs.items() if not k.startswith("seeds/")}


def _extracted(got: dict[str, Extracted | Pending | DataError], articles: Articles,
               gaz_data: Any, gaz: Gazetteer, russian: RussianCheck, workers: int,
               progress: Progress | None) -> None:  # fmt: skip
    """Extract the articles ``got`` has as Pending, in place (``gaz_data``: the gazetteer's
    data, for worker processes)."""
    from .extractcache import Pending

    pending = {stem: i for stem, i in got.items() if isinstance(i, Pending)}
    texts = _extract_all(list(pending.values()), gaz_data, gaz, russian, workers, progress)
    with closing(texts) as fresh:
        for stem, item in pending.items():
            got[stem] = articles.fresh(item, next(fresh))


def _patched(config: Config, old: StoredTable, location: Path, paths: list[Path],
             got: dict[str, Extracted | Pending | DataError], placements: dict[str, Placement],
             recalled: dict[str, tuple[Recall, ...]], stored: dict[str, Any],
             unusable: dict[str, list[str]], changed: set[str], read: InputReader,
             gaz: Gazetteer, russian: RussianCheck, curated: dict[str, CuratedFact],
             cache: ExtractCache) -> BuildReport | None:  # fmt: skip
    """``update_table``'s writing: the articles ``got`` merged into their placements and their
    rows replaced in the store; None when the store must be written whole."""
    from .answer import table_reader
    from .extractcache import Pending
    from .memo import FactText
    from .relevance import Relevance

    replaced: dict[str, list[Fact]] = {}
    reports: dict[str, str] = {}
    for stem, item in got.items():
        if isinstance(item, DataError):
            log.warning("skipped article %s", item)
            name = f"seeds/{Path(item.path).name}"
            unusable[name] = [name, str(item), *_curated_note(curated.get(stem), None)]
            continue
        assert not isinstance(item, Pending), "extracted"
        unusable.pop(f"seeds/{item.context.article.path.name}", None)
        mine = place(item.context, list(item.facts), placements[stem])
        replaced[stem] = mine
        lines = _russian(russian, item, mine, gaz, cache)
        notes = _curated_note(curated.get(stem), item)
        reports[stem] = report_json(item, placements[stem], recalled[stem], lines, notes)
    names = {f"seeds/{p.name}" for p in paths}
    for name in [n for n in unusable if n not in names]:
        del unusable[name]
    dropped = sorted(s for s in stored if s not in placements)
    # the meetings the replaced facts are of, as the new table has them (``fact_years``)
    mids = {f.meeting for fs in replaced.values() for f in fs}
    gone = set(replaced) | set(dropped)
    kept = [f for kind in (MEETING, ENCOUNTER) for f in old.find(kind, mids)
            if f.article not in gone]  # fmt: skip
    held = sorted([*kept, *(f for fs in replaced.values() for f in fs
                            if f.kind in (MEETING, ENCOUNTER))], key=fact_order)  # fmt: skip
    meetings, others = group_meetings([f for f in held if f.kind == MEETING],
                                      [f for f in held if f.kind == ENCOUNTER])  # fmt: skip
    by_id = {m.id: m for m in (*others, *meetings)}
    inputs = dict(old.inputs)
    stats = _stats(old)
    for name in changed:
        inputs.pop(name, None)
        stats.pop(name, None)
    for file, sha in read.hashes.items():
        inputs[f"seeds/{file.name}"] = sha
    for file, st in read.stats.items():
        stats[f"seeds/{file.name}"] = (*st, read.hashes[file])
    every = {**stored, **{stem: json.loads(text) for stem, text in reports.items()}}
    for stem in dropped:
        every.pop(stem, None)
    infos = [
        dict(zip(_INFO, (*every[stem]["info"][:4], placements[stem].meeting), strict=True))
        for stem in sorted(every)
    ]  # (as ``dataclasses.asdict`` of each ArticleInfo)
    order = [u for u in (unusable.get(f"seeds/{p.name}") for p in paths) if u is not None]
    meta = {
        "seal": "",  # (the JSON table of an earlier build, if any, is removed below)
        "inputs": json.dumps(inputs, ensure_ascii=False, sort_keys=True),
        "articles": json.dumps(infos, ensure_ascii=False, sort_keys=True),
        "stats": json.dumps(dict(sorted(stats.items()))),
        "listing": seeds_listing(stats, inputs),
        "skipped": json.dumps(order, ensure_ascii=False),
    }  # fmt: skip
    _, reader = table_reader(old, config, gaz)
    words = Relevance(old, reader, ()).fact_words
    text = FactText(reader.gaz)
    old.unlock()  # (nothing more is read of the file: it may be updated in place)
    done = update_store(store_path(location), replaced, dropped, reports, meta, READERS, words,
                        content_of(text), agent_of,
                        lambda f: fact_years(by_id.get, text, f))  # fmt: skip
    if not done:
        return None
    cache.prune(placements)
    _remove_json(location)  # a JSON table of an earlier build: stale now
    report = _report(store_path(location), location, paths, every, order, stats)
    report.merged_again = sorted(replaced)
    return report


def _report(path: Path, location: Path, paths: list[Path], reports: dict[str, Any],
            unusable: Iterable[list[str]], stats: Stats) -> BuildReport:  # fmt: skip
    """The report of a build of the store at ``path`` (what ``build_table`` would say): each
    article's lines from its stored report, in the articles' order."""
    kinds, meetings = store_counts(path)
    report = BuildReport(meetings=meetings, kinds=Counter(kinds), table_path=location,
                         stats=stats, incremental=True)  # fmt: skip
    skipped = {str(u[0]): u for u in unusable}
    russian: list[str] = []
    recalled: list[str] = []  # (``_russian``)
    for p in paths:
        found = reports.get(p.stem)
        if found is not None:
            report.articles += 1
            report.notes += found["notes"]
            russian += found["russian"]
            recalled += found["russian_recalled"]
        elif (u := skipped.get(f"seeds/{p.name}")) is not None:
            report.skipped.append(u[1])
            report.notes += u[2:]
    report.notes += [f"no Russian: {line}" for line in russian + recalled]
    return report


def index_key(config: Config) -> str:
    """What the stored word index depends on besides the table: the code that reads words and
    the longest text it reads (``match.max_chars``)."""
    digest = hashlib.sha256(str(config.match.max_chars).encode())
    for name in _INDEX_CODE:
        with suppress(OSError):
            digest.update(name.encode() + b"\0" + (_PACKAGE / name).read_bytes())
    return digest.hexdigest()


def write_index(table: FactTable, table_path: Path, config: Config,
                stats: Stats | None = None, built: BuildReport | None = None,
                workers: int = 1) -> None:  # fmt: skip
    """Write the store of ``table`` (the table at ``table_path``) with its word index, the
    ``stats`` of the inputs the build read and what ``built`` (its build) keeps for the next
    build (``BuildReport.reports``); without ``built`` the next build is a full one.
    ``workers``: processes that may read the facts' words (``_display_words``)."""
    from .answer import reading_json, table_reader
    from .kinds import KINDS
    from .memo import FactText
    from .relevance import Relevance

    intents, reader = table_reader(table, config)
    ranked = [k for i in intents if i.rank == "words" for k in i.answers]
    words = Relevance(table, reader, ()).fact_words
    key = index_key(config)
    # what the words are read with besides the code: the intents' examples, the lexicon, the
    # gazetteer (a lexicon change reads "choice" otherwise)
    read_with = hashlib.sha256(
        json.dumps([table.intents, table.lexicon, table.gazetteer], sort_keys=True).encode()
    ).hexdigest()
    # the JSON table beside the store, if any: the store is of that very file (``open_index``)
    seal = table_seal(table_path) if table_path.exists() else ""
    meta = {"seal": seal, "index": key, "reader": read_with,
            "stats": json.dumps(dict(sorted((stats or {}).items()))),
            "listing": seeds_listing(stats or {}, table.inputs),
            "unindexed": json.dumps(sorted(_QUOTING)),
            "reading": reading_json(table, config)}  # fmt: skip
    if built is not None:
        meta["skipped"] = json.dumps(built.unusable, ensure_ascii=False)
        # the gazetteer and glossary as the build read them, in their files' order (the
        # table's copies are written with their keys sorted): what an incremental build
        # extracts and checks with (``update_table``)
        sources = {"gazetteer": table.gazetteer, "glossary": table.glossary}
        kept = json.dumps(sources, ensure_ascii=False)
        if json.loads(kept) == sources:  # (YAML that JSON does not keep: build all next time)
            meta["sources"] = kept
    # the words of the facts of the store being replaced, when the same code read them with the
    # same data: most facts of an incremental build are the same
    path = store_path(table_path)
    known = said_words(path) if _meta_of(path) == (key, read_with) else {}
    known = _display_words(table, config, known, words, workers)
    text = FactText(reader.gaz)
    write_store(table, path, list(KINDS), words, ranked, meta, known, content_of(text), agent_of,
                lambda f: fact_years(table.meeting, text, f),
                built.reports if built is not None else None)  # fmt: skip


# From how many displays whose words are not known a build reads them in worker processes (the
# 316,000 facts of the benchmark's 10,000 articles have 23,000 displays; a real archive has
# nearly as many as facts).
WORDS_PARALLEL_FROM = 20_000
_WORDS_CHUNK = 500


def _display_words(
    table: FactTable,
    config: Config,
    known: dict[int, str],
    words_of: Callable[[Fact], frozenset[str]],
    workers: int,
) -> dict[int, str]:
    """``known`` (``write_store``'s) with the words of each display of the table's facts it
    lacks (``words_text``), each read once: ``words_of`` the first fact of it, or by ``workers``
    processes when there are at least ``WORDS_PARALLEL_FROM`` of them. A fact's words are its
    display's: reading them fact by fact took a third of a full build at 10,000 articles."""
    missing: dict[int, Fact] = {}
    for fact in table.facts:
        key = display_key(fact.display)
        if key not in known:
            missing.setdefault(key, fact)
    if workers < 2 or len(missing) < WORDS_PARALLEL_FROM:
        return known | {key: words_text(words_of(fact)) for key, fact in missing.items()}
    from concurrent.futures import ProcessPoolExecutor

    # what the reader of words is made from (``table_reader``), without the facts
    shell = FactTable(facts=(), intents=table.intents, lexicon=table.lexicon,
                      gazetteer=table.gazetteer)  # fmt: skip
    # (a quoted sentence's words are marked: ``facts.QUOTED``; its kind says so)
    keys, displays = list(missing), [(f.kind, f.display) for f in missing.values()]
    chunks = [displays[i : i + _WORDS_CHUNK] for i in range(0, len(displays), _WORDS_CHUNK)]
    out = dict(known)
    pool = ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_start_reader,
                               initargs=(shell, config))  # fmt: skip
    try:
        for n, words in enumerate(pool.map(_words_entry, chunks)):
            out.update(zip(keys[n * _WORDS_CHUNK : (n + 1) * _WORDS_CHUNK], words, strict=True))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out


_reader_words: Callable[[Fact], frozenset[str]] | None = None  # (``_start_reader``)


def _start_reader(shell: FactTable, config: Config) -> None:
    """Set up a worker process that reads displays' words (``_display_words``)."""
    import signal

    from .answer import table_reader
    from .relevance import Relevance

    global _reader_words
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _, reader = table_reader(shell, config)
    _reader_words = Relevance(shell, reader, ()).fact_words


def _words_entry(displays: list[tuple[FactKind, str]]) -> list[str]:
    """The words of each display of a kind (``words_text``), in a worker process."""
    assert _reader_words is not None, "_start_reader sets it up"
    read = _reader_words
    return [words_text(read(Fact(k, "", d, "", 0, ""))) for k, d in displays]  # (its display)


def fact_years(meeting_of: Callable[[str], Meeting | None], text: FactText,
               fact: Fact) -> set[int]:  # fmt: skip
    """The years ``fact`` is of besides its meeting's (``meeting_of`` its id): its own year and
    those of the periods its display names ("2024-2025"; 51 years at most), as ``Picker`` reads
    a question's years."""
    years = {fact.year} if fact.year is not None else set()
    for a, b in text.periods(fact.display):
        years.update(range(a, min(b, a + 50) + 1))
    meeting = meeting_of(fact.meeting)
    if meeting is not None and meeting.date is not None:
        years.discard(meeting.date.year)
    return years


# The kinds whose facts quote a sentence whole: no intent answers them, so the store's content
# index leaves them out (its meta item "unindexed" says so to ``StoredTable.overlap``).
_QUOTING = frozenset(k for k, kind in READ_KINDS.items() if kind.quotes)


def content_of(text: FactText) -> Callable[[Fact], frozenset[str]]:
    """The words of a fact the store's content index holds (``StoredTable.overlap``): its
    display's (``FactText.content``), none of a quoted sentence's (at 1,000 articles they were
    two fifths of the index)."""
    return lambda f: frozenset() if f.kind in _QUOTING else text.content(f.display)


def agent_of(fact: Fact) -> str:
    """Who does what ``fact`` reports (its kind's ``agent``), "" when its kind names none."""
    from .kinds import KINDS

    agent = KINDS[fact.kind].agent
    return agent(fact) if agent is not None else ""


def _remove_json(path: Path) -> None:
    """Remove the JSON table at ``path`` (written by an earlier build), if there is one."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DataError(path, f"cannot write the fact table: {exc.strerror or exc}") from None


def _sealed(stored: StoredTable, table_path: Path) -> bool:
    """Whether the JSON table at ``table_path`` is none or the one ``stored`` was made with."""
    try:
        return stored.meta.get("seal") == table_seal(table_path)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _meta_of(path: Path) -> tuple[str | None, str | None]:
    """The code key and the reader data key of the store at ``path`` (Nones: none there)."""
    try:
        stored = StoredTable(path, READERS)
    except DataError:
        return None, None
    try:
        return stored.meta.get("index"), stored.meta.get("reader")
    finally:
        stored.close()


def open_index(table_path: Path, config: Config) -> StoredTable | None:
    """The store of the table at ``table_path`` when it opens, its word index was made by this
    code and, when a JSON table is there too, it was made with that very file (one edited or
    damaged since is not the store's); else None (it is made again). Whether its inputs are
    those of the files now is for ``current_table`` to see."""
    try:
        stored = StoredTable(store_path(table_path), READERS)
    except DataError:
        return None
    if stored.meta.get("index") == index_key(config) and _sealed(stored, table_path):
        return stored
    stored.close()
    return None


@dataclass(frozen=True, slots=True)
class CurrentTable:
    """A table that loads cleanly and is fresh, with its gazetteer and glossary parsed."""

    table: FactTable
    gazetteer: Gazetteer
    glossary: Glossary
    rebuilt: str = ""  # why it had to be rebuilt; "" when it was read back


def current_table(config: Config, progress: Progress | None = None) -> CurrentTable:
    """The table when it loads cleanly and no input changed; otherwise rebuilt (logged once, with
    the reason; ``progress`` as for ``build_table``). Raises DataError when it cannot be
    rebuilt."""
    # A fresh table at ``table_path`` is used even in a read-only folder (one built into a
    # container image); otherwise the one a build would write (see ``table_location``).
    reason, inputs = "", None
    for path in dict.fromkeys((config.table_path, table_location(config))):
        stored = open_index(path, config)  # the store made from this table: read from it
        if stored is not None:
            try:
                gazetteer, glossary = check_sections(stored, store_path(path))
            except DataError:
                stored.close()
                stored = None
        if stored is not None:
            inputs = _inputs_now(config, stored) if inputs is None else inputs
            changes = changed_inputs(stored.inputs, inputs)
            if not changes:
                return CurrentTable(stored, gazetteer, glossary)
            stored.close()
            reason = f"{path}: {changes}"
            continue
        try:
            table = load_table(path, READERS)
            gazetteer, glossary = check_sections(table, path)
        except DataError as exc:
            reason = reason or (_store_problem(path, config) if not path.exists() else str(exc))
            continue
        inputs = input_hashes(config) if inputs is None else inputs
        changes = changed_inputs(table.inputs, inputs)
        if not changes:  # a sound table without its store (or an old one): store it again
            return CurrentTable(_stored(table, path, config), gazetteer, glossary)
        reason = f"{path}: {changes}"
    table, report = build(config, progress=progress)
    log.info("rebuilt the fact table (%s)", reason)
    path = report.table_path or config.table_path
    return CurrentTable(_reopened(table, path, config), *check_sections(table, path),
                        rebuilt=reason)  # fmt: skip


def _store_problem(table_path: Path, config: Config) -> str:
    """Why there is no table at ``table_path`` to answer from (no JSON table is there)."""
    if not store_path(table_path).exists():
        return f"{store_path(table_path)}: not found"
    try:
        stored = StoredTable(store_path(table_path), READERS)
    except DataError as exc:
        return str(exc)
    with closing(stored):
        if stored.meta.get("index") != index_key(config):
            return f"{stored.path}: made by other code"
        return f"{stored.path}: unusable"


def _stats(stored: StoredTable) -> Stats:
    """The stats of the inputs the build of ``stored`` read; {} when unreadable."""
    try:
        data = json.loads(stored.meta.get("stats", "{}"))
        return {str(k): (int(v[0]), int(v[1]), str(v[2])) for k, v in data.items()}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}


def _stored(table: FactTable, path: Path, config: Config) -> FactTable:
    """``table`` read from its store, made again beside it (the table itself when the store
    cannot be written: a read-only folder)."""
    try:
        write_index(table, path, config)
    except DataError as exc:
        log.warning("%s", exc)
        return table
    return _reopened(table, path, config)


def _reopened(table: FactTable, path: Path, config: Config) -> FactTable:
    """The store a build just wrote beside ``path``, opened (``table`` if it does not open)."""
    if isinstance(table, StoredTable):
        return table
    return open_index(path, config) or table


def ensure_table(config: Config) -> FactTable:
    """``current_table(config).table``: loaded when it is fresh and sound, else rebuilt."""
    return current_table(config).table


def check_sections(table: FactTable, path: Path) -> tuple[Gazetteer, Glossary]:
    """Parse the table's own copies of the gazetteer, glossary, intents and lexicon.

    A DataError names the table, the section and the problem: a broken copy inside the table is
    the table's fault, not that of ``bot/data/glossary.yaml``, which the build checked.
    """
    section = "gazetteer"
    try:
        gazetteer = gazetteer_from_data(table.gazetteer)
        section = "glossary"
        glossary = glossary_from_data(table.glossary, NEEDS)
        section = "intents"
        for data in table.intents:
            Intent.from_json(data)
        section = "lexicon"
        Lexicon.from_json(table.lexicon)
    except DataError as exc:
        where = f"{section}: {exc.where}" if exc.where else section
        raise DataError(path, exc.problem, where) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(path, f"unreadable ({exc.__class__.__name__}: {exc})", section) from None
    return gazetteer, glossary


def changed_inputs(recorded: dict[str, str], now: dict[str, str]) -> str:
    """What differs between the inputs a table was built from and the files now, in words."""
    words = {**{n: "changed" for n in recorded.keys() & now.keys() if recorded[n] != now[n]},
             **{n: "added" for n in now.keys() - recorded.keys()},
             **{n: "removed" for n in recorded.keys() - now.keys()}}  # fmt: skip
    listed = [f"{name} {word}" for name, word in sorted(words.items())]
    more = f" and {len(listed) - 3} more" if len(listed) > 3 else ""
    return ", ".join(listed[:3]) + more
