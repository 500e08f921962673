"""factbot benchmark (issue 5): one command, every figure measured on this machine in one run.

    .venv/bin/python bench/run.py [--out FILE.json] [--quick]

Prints a table (figure, value, target, pass/FAIL) and writes the figures and details as JSON to
bench/results/<timestamp>.json (gitignored) or --out. Not a test: timings depend on the machine
and its load; nothing here runs in CI.

What it measures (see README "Performance"):
  * warm ``Answerer.ask`` latency over tests/questions*.yaml (every question, several rounds),
    and in a conversation: the dialogue sets' turns, each with the previous reply's context;
  * cold ``python -m bot ask "when did they meet?"`` wall time (table already built), and that
    the ask path imports nothing from telegram or httpx (``-X importtime``);
  * ``python -m bot build`` time and table size: the five seed articles and a synthetic corpus of
    1,000 articles (bench/synth.py) in a temporary folder; warm latency with that table;
  * end to end: the real PTB Application in its own process (bench/botproc.py, long polling, no
    AIORateLimiter) against the fake Bot API server of tests/fakebotapi.py in this process: a
    burst across 50 chats (messages answered per second) and a paced load (reply latency);
  * peak resident memory (VmHWM) of ``python -m bot run`` handling a burst;
  * a baseline "best matching sentence" answerer (rapidfuzz over every sentence) on the same
    questions: latency and accuracy next to factbot's;
  * only with ``--only big`` (several minutes): 10,000 synthetic articles: full build time and
    peak RSS, a build after one changed article, cold ask time and peak RSS, warm p50/p99, and
    the peak RSS of ``python -m bot run`` (issue 17).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.synth import write_project  # noqa: E402
from bot.answer import Answerer  # noqa: E402
from bot.build import ensure_table, table_location  # noqa: E402
from bot.check import check, entries, found  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.corpus import load_articles  # noqa: E402
from bot.extractcache import cache_folder  # noqa: E402
from bot.factstore import store_path  # noqa: E402
from tests import fakebotapi  # noqa: E402

PY = sys.executable
SECTIONS = ("build", "warm", "accuracy", "cold", "synth", "e2e", "memory", "backlog")
# Not in a default run (it takes several minutes): --only big, 10,000 synthetic articles.
EXTRA_SECTIONS = ("big",)
QUESTION_SETS = (ROOT / "tests" / "questions.yaml", ROOT / "tests" / "questions_ru.yaml")
DIALOGUES = ROOT / "tests" / "data" / "dialogues"  # conversations: answers in a context
COLD_QUESTION = "when did they meet?"
BASELINE_THRESHOLD = 70.0  # WRatio 0..100: below it the baseline declines (fixed before looking)
FORBIDDEN_IMPORTS = ("telegram", "httpx")
BACKLOG = 1024  # the fake server's listen queue: a burst opens ~100 connections at once
WEBHOOK_SECRET = "bench-webhook-secret"
E2E_QUESTIONS = ("when did they meet?", "where did they meet?", "who met?",
                 "how many times did they meet?", "what was the trade target?",
                 "which areas of cooperation?", "когда они встречались?",
                 "what's the weather in Paris?")  # fmt: skip


# --------------------------------------------------------------------------- figures and table


@dataclass
class Figure:
    """One line of the result table."""

    name: str
    value: float | None
    unit: str
    target: float | None = None  # None: informational
    higher_is_better: bool = False
    note: str = ""

    @property
    def ok(self) -> bool | None:
        """Whether the target is met (None: no target or no value)."""
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def row(self) -> tuple[str, str, str, str]:
        """The table row: name, value, target, pass/FAIL."""
        value = (
            "n/a" if self.value is None else f"{self.value:,.{_digits(self.value)}f} {self.unit}"
        )
        if self.target is None:
            return self.name, value, "", ""
        target = f"{'>=' if self.higher_is_better else '<='} {self.target:g} {self.unit}"
        return self.name, value, target, "pass" if self.ok else "FAIL"


def _digits(v: float) -> int:
    if v == int(v) and abs(v) < 1e6:
        return 0
    v = abs(v)
    return 0 if v >= 100 else 1 if v >= 10 else 2 if v >= 1 else 3


@dataclass
class Results:
    """Every figure and its details, as printed and as written to JSON."""

    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(self, *figures: Figure) -> None:
        """Record figures and print each as it is measured."""
        self.figures.extend(figures)
        for f in figures:
            print(f"  {f.name}: {f.row()[1]}" + (f"  ({f.note})" if f.note else ""), flush=True)

    def table(self) -> str:
        """The result table as aligned text."""
        rows = [("figure", "value", "target", "")] + [f.row() for f in self.figures]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = []
        for n, r in enumerate(rows):
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def pct(values: Iterable[float], p: float) -> float:
    """The p-th percentile (0..100), linear between the closest ranks."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(values_s: list[float]) -> dict[str, float]:
    """p50/p90/p99/max/mean in milliseconds from seconds."""
    ms = [v * 1000 for v in values_s]
    return {"n": len(ms), "p50_ms": pct(ms, 50), "p90_ms": pct(ms, 90), "p99_ms": pct(ms, 99),
            "max_ms": max(ms), "mean_ms": statistics.fmean(ms)}  # fmt: skip


# --------------------------------------------------------------------------- questions


def load_questions() -> list[dict[str, Any]]:
    """Every entry of the question sets."""
    items: list[dict[str, Any]] = []
    for path in QUESTION_SETS:
        items += yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return items


def warm_latency(ask: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    """Seconds per call, every question ``rounds`` times after one unmeasured round."""
    for q in questions:
        ask(q)
    times = []
    clock = time.perf_counter
    for _ in range(rounds):
        for q in questions:
            t0 = clock()
            ask(q)
            times.append(clock() - t0)
    return times


def dialogue_turns() -> list[list[str]]:
    """The conversations of the dialogue sets (tests/data/dialogues/*.yaml), as what is said."""
    out = []
    for path in sorted(DIALOGUES.glob("*.yaml")):
        for conv in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            out.append([" ".join(t["say"].replace("@bot", " ").split()) for t in conv["turns"]])
    return out


def context_latency(answerer: Answerer, conversations: list[list[str]], rounds: int) -> list[float]:
    """Seconds per call of ``Answerer.ask`` in a conversation: each turn with the context the
    previous reply left (as the chat and the bot pass it), after one unmeasured round."""
    clock = time.perf_counter
    times: list[float] = []
    for n in range(rounds + 1):
        for turns in conversations:
            context = None
            for text in turns:
                t0 = clock()
                reply = answerer.ask(text, context=context, now=0.0)
                if n:
                    times.append(clock() - t0)
                context = reply.context
    return times


def factbot_accuracy(answerer: Answerer, items: list[dict[str, Any]]) -> dict[str, Any]:
    """factbot's accuracy on ``items`` (``bot.check``, as ``python -m bot eval``)."""
    ok_in = total_in = ok_out = total_out = 0
    for item in items:
        ok, expected, _ = check(answerer.ask, item)
        if expected == "(decline)":
            total_out += 1
            ok_out += ok
        else:
            total_in += 1
            ok_in += ok
    return _accuracy(ok_in, total_in, ok_out, total_out)


def _accuracy(ok_in: int, total_in: int, ok_out: int, total_out: int) -> dict[str, Any]:
    return {"in_scope": f"{ok_in}/{total_in}", "in_scope_acc": ok_in / total_in,
            "declined": f"{ok_out}/{total_out}", "declined_acc": ok_out / total_out,
            "overall_acc": (ok_in + ok_out) / (total_in + total_out)}  # fmt: skip


# --------------------------------------------------------------------------- the baseline


class Baseline:
    """The plain answer: the article sentence most like the question (rapidfuzz WRatio)."""

    def __init__(self, sentences: list[str], threshold: float = BASELINE_THRESHOLD):
        from rapidfuzz import fuzz, process, utils

        self._process, self._fuzz, self._prep = process, fuzz, utils.default_process
        self.sentences = sentences
        self.choices = [self._prep(s) for s in sentences]  # preprocessed once
        self.threshold = threshold

    def best(self, question: str) -> tuple[str, float]:
        """The most similar sentence and its WRatio score."""
        hit = self._process.extractOne(self._prep(question), self.choices,
                                       scorer=self._fuzz.WRatio, processor=None)  # fmt: skip
        return (self.sentences[hit[2]], hit[1]) if hit else ("", 0.0)

    def ask(self, question: str) -> str | None:
        """The best sentence, or None below the threshold."""
        sentence, score = self.best(question)
        return sentence if score >= self.threshold else None


def corpus_sentences(seeds_dir: Path) -> list[str]:
    """The sentences of the articles, of four words or more."""
    return [s for a in load_articles(seeds_dir) if not isinstance(a, Exception)
            for s in a.sentences if len(s.split()) >= 4]  # fmt: skip


def baseline_correct(item: dict[str, Any], sentence: str, score: float, threshold: float) -> bool:
    """``check`` semantics where they apply: a decline is a score below the threshold; an answer
    is correct when every expected string is in the sentence and no rejected one is."""
    if item.get("decline"):
        return score < threshold
    if score < threshold:
        return False
    text = sentence.lower()
    return all(found(e, text) for e in entries(item, "expect")) and not any(
        found(e, text) for e in entries(item, "reject")
    )


def baseline_accuracy(baseline: Baseline, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The baseline's accuracy at its threshold, never declining, and at the best threshold."""
    best = [baseline.best(str(i["q"])) for i in items]

    def at(threshold: float) -> dict[str, Any]:
        counts = [0, 0, 0, 0]
        for item, (sentence, score) in zip(items, best, strict=True):
            ok = baseline_correct(item, sentence, score, threshold)
            k = 2 if item.get("decline") else 0
            counts[k] += ok
            counts[k + 1] += 1
        return _accuracy(*counts)

    def balanced(t: int) -> float:
        r = at(float(t))
        return float(r["in_scope_acc"] + r["declined_acc"]) / 2

    fixed = at(baseline.threshold)
    best_t = max(range(0, 101, 5), key=balanced)  # in hindsight, on these very questions
    return {"threshold": baseline.threshold, **fixed, "never_declining": at(0.0),
            "best_balanced_threshold": best_t, "best_balanced": at(float(best_t))}  # fmt: skip


# --------------------------------------------------------------------------- subprocess timings


def run_timed(
    cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None
) -> tuple[float, str, str]:
    """Run ``cmd``: (wall seconds, stdout, stderr); raises when it fails."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return elapsed, proc.stdout, proc.stderr


def measure_build(config: Path, runs: int) -> tuple[list[float], int, str]:
    """``python -m bot build`` ``runs`` times, each a full build (no extraction cache, no
    store): wall times, the store's bytes (the table), summary line."""
    times, out = [], ""
    cfg = load_config(config, {})
    for _ in range(runs):
        shutil.rmtree(cache_folder(table_location(cfg)), ignore_errors=True)
        store_path(table_location(cfg)).unlink(missing_ok=True)
        elapsed, out, _ = run_timed([PY, "-m", "bot", "--config", str(config), "build"])
        times.append(elapsed)
    return times, store_path(table_location(cfg)).stat().st_size, out.strip().splitlines()[0]


def measure_one_changed(config: Path) -> tuple[float, float]:
    """After a build: seconds of ``python -m bot build`` with one article changed (the middle
    one gets a sentence more), then with nothing changed."""
    seeds = sorted(load_config(config, {}).seeds_dir.glob("*.txt"))
    article = seeds[len(seeds) // 2]
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nThe talks ended in the afternoon.\n", encoding="utf-8")
    cmd = [PY, "-m", "bot", "--config", str(config), "build"]
    return run_timed(cmd)[0], run_timed(cmd)[0]


def measure_cold_ask(runs: int) -> tuple[list[float], dict[str, Any]]:
    """Wall times of a cold ``python -m bot ask``, and what it imported."""
    cmd = [PY, "-m", "bot", "ask", COLD_QUESTION]
    # Page cache and .pyc files warm, as after an install (pip compiles the bytecode): a shell
    # with PYTHONDONTWRITEBYTECODE set would have every run compile the sources instead. The table
    # is fresh (no rebuild).
    run_timed(cmd, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    times = [run_timed(cmd)[0] for _ in range(runs)]
    _, _, err = run_timed([PY, "-X", "importtime", *cmd[1:]])
    modules: list[tuple[int, str]] = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            modules.append((int(m[2]), m[4]))
    names = [n for _, n in modules]
    forbidden = sorted({n for n in names if n.split(".")[0] in FORBIDDEN_IMPORTS})
    top = [n for _, n in modules if "." not in n]
    slow = sorted(((us, n) for us, n in modules if "." not in n), reverse=True)[:8]
    return times, {
        "modules_imported": len(names),
        "forbidden_imported": forbidden,
        "top_level_modules": len(top),
        "slowest_top_level_us": [{"module": n, "cumulative_us": us} for us, n in slow],
    }


# --------------------------------------------------------------------------- end to end


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_status(pid: int) -> dict[str, int]:
    """The ``Vm*`` lines of /proc/PID/status, in kB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0])  # kB
    return out


class Replies:
    """Follows the fake server's sendMessage calls incrementally (no rescans under its lock)."""

    def __init__(self, api: fakebotapi.FakeBotAPI):
        self.api = api
        self.seen = 0
        self.times: dict[int, list[float]] = {}  # chat id -> arrival times

    def poll(self) -> int:
        """Take in the new sendMessage calls; how many there were."""
        new = self.api.calls_since(self.seen)
        self.seen += len(new)
        count = 0
        for c in new:
            if c.method == "sendMessage" and c.ok:
                self.times.setdefault(int(c.params["chat_id"]), []).append(c.time)
                count += 1
        return count

    def wait(self, chats: Iterable[int], per_chat: dict[int, int], timeout: float) -> None:
        """Wait until every chat has its expected number of replies."""
        deadline = time.monotonic() + timeout
        chats = list(chats)
        while True:
            self.poll()
            if all(len(self.times.get(c, ())) >= per_chat[c] for c in chats):
                return
            if time.monotonic() > deadline:
                got = sum(len(self.times.get(c, ())) for c in chats)
                raise TimeoutError(f"{got} of {sum(per_chat[c] for c in chats)} replies")
            time.sleep(0.005)


class BotProcess:
    """A bot process against the fake server; stops it with SIGTERM."""

    def __init__(self, api: fakebotapi.FakeBotAPI, cmd: list[str]):
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        }
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.api = api

    def ready(self, timeout: float = 60, webhook_port: int = 0) -> None:
        """Wait until the bot has started (its command menu set) and listens, if webhook."""
        deadline = time.monotonic() + timeout
        while not self.api.calls_of("setMyCommands") or not (
            self.api.calls_of("setWebhook" if webhook_port else "deleteWebhook")
        ):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise RuntimeError(f"bot did not start: {self.log.read()[-2000:]}")
            time.sleep(0.02)

    def stop(self) -> dict[str, int]:
        """SIGTERM the bot and wait for it; its memory figures from just before."""
        status = vm_status(self.proc.pid)
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        return status


def push_burst(
    api: fakebotapi.FakeBotAPI,
    chats: list[int],
    total: int,
    pushed: dict[int, list[float]],
    deliver: Callable[[dict], None] | None = None,
) -> None:
    """Queue ``total`` messages over ``chats`` at once (or ``deliver`` each, for a webhook),
    noting each one's time in ``pushed``."""
    for i in range(total):
        chat = chats[i % len(chats)]
        update = api.push_message(chat, E2E_QUESTIONS[i % len(E2E_QUESTIONS)], user_id=chat)
        pushed[chat].append(time.time())
        if deliver is not None:
            deliver(update)


def push_paced(
    api: fakebotapi.FakeBotAPI,
    chats: list[int],
    rate: float,
    seconds: float,
    pushed: dict[int, list[float]],
    deliver: Callable[[dict], None] | None = None,
) -> int:
    """Queue messages over ``chats`` at ``rate`` per second for ``seconds`` (noting each one's
    time in ``pushed``); how many."""
    total = int(rate * seconds)
    start = time.perf_counter()
    for i in range(total):
        due = start + i / rate
        while (now := time.perf_counter()) < due:
            time.sleep(min(due - now, 0.002))
        chat = chats[i % len(chats)]
        update = api.push_message(chat, E2E_QUESTIONS[i % len(E2E_QUESTIONS)], user_id=chat)
        pushed[chat].append(time.time())
        if deliver is not None:
            deliver(update)
    return total


def latencies(
    pushed: dict[int, list[float]], replies: Replies, offset: dict[int, int]
) -> list[float]:
    """Per chat, the n-th reply after ``offset`` answers the n-th push (sorted times)."""
    out = []
    for chat, times in pushed.items():
        sent = sorted(replies.times.get(chat, []))[offset.get(chat, 0) :]
        out += [s - p for s, p in zip(sent, sorted(times), strict=False)]
    return out


def e2e(
    mode: str, burst: int, chats_n: int, rate: float, seconds: float, rate_limiter: bool = False
) -> dict[str, Any]:
    """Burst throughput and paced latency through a bot process; mode: polling or webhook."""
    chats = list(range(5000, 5000 + chats_n))
    with fakebotapi.FakeBotAPI(backlog=BACKLOG) as api:
        cmd = [PY, str(ROOT / "bench" / "botproc.py")]
        if not rate_limiter:
            cmd.append("--no-rate-limiter")
        deliver = None
        pool = None
        port = 0
        if mode == "webhook":
            port = free_port()
            cmd += ["--webhook-port", str(port)]
            url = f"http://127.0.0.1:{port}/telegram"

            def deliver(update: dict) -> None:
                assert pool is not None  # made once the bot has set its webhook
                pool.submit(api.deliver_webhook, url, update, WEBHOOK_SECRET, 30.0)

        bot = BotProcess(api, cmd)
        try:
            bot.ready(webhook_port=port)
            if mode == "webhook":  # Telegram opens at most the max_connections of setWebhook
                pool = ThreadPoolExecutor(max_workers=api.webhook["max_connections"])
            replies = Replies(api)
            # warm-up: one message per chat, answered
            warm: dict[int, list[float]] = {c: [] for c in chats}
            push_burst(api, chats, chats_n, warm, deliver)
            replies.wait(chats, {c: 1 for c in chats}, 60)
            offset = {c: len(replies.times[c]) for c in chats}
            # burst
            pushed: dict[int, list[float]] = {c: [] for c in chats}
            cpu0, own0 = cpu_seconds(bot.proc.pid), time.process_time()
            t0 = time.time()
            push_burst(api, chats, burst, pushed, deliver)
            push_s = time.time() - t0
            want = {c: offset[c] + len(pushed[c]) for c in chats}
            replies.wait(chats, want, 300)
            bot_cpu, own_cpu = cpu_seconds(bot.proc.pid) - cpu0, time.process_time() - own0
            last = max(max(replies.times[c]) for c in chats)
            burst_lat = latencies(pushed, replies, offset)
            elapsed = last - t0
            offset = {c: len(replies.times[c]) for c in chats}
            # paced: below capacity, so latency is the bot's, not the queue's
            paced: dict[int, list[float]] = {c: [] for c in chats}
            push_paced(api, chats, rate, seconds, paced, deliver)
            want = {c: offset[c] + len(paced[c]) for c in chats}
            replies.wait(chats, want, 120)
            paced_lat = latencies(paced, replies, offset)
        finally:
            memory = bot.stop()
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        failed = len(api.calls_of("sendMessage", ok=False))
    return {"mode": mode, "rate_limiter": rate_limiter, "chats": chats_n, "burst": burst,
            "burst_push_s": push_s, "burst_elapsed_s": elapsed, "msgs_per_s": burst / elapsed,
            "burst_latency": summary(burst_lat), "burst_bot_cpu_s": bot_cpu,
            "burst_bot_cpu_ms_per_msg": bot_cpu / burst * 1000, "burst_server_cpu_s": own_cpu,
            "paced_rate": rate, "paced_seconds": seconds,
            "paced_latency": summary(paced_lat), "failed_sends": failed,
            "bot_memory_kb": memory}  # fmt: skip


def run_memory(burst: int, chats_n: int, config: Path | None = None) -> dict[str, Any]:
    """VmHWM of the real ``python -m bot run`` (AIORateLimiter, polling) after a burst."""
    chats = list(range(7000, 7000 + chats_n))
    with fakebotapi.FakeBotAPI(backlog=BACKLOG) as api:
        cmd = [PY, "-m", "bot"] + (["--config", str(config)] if config else []) + ["run"]
        bot = BotProcess(api, cmd)
        try:
            bot.ready()
            idle = vm_status(bot.proc.pid)
            replies = Replies(api)
            pushed: dict[int, list[float]] = {c: [] for c in chats}
            t0 = time.time()
            push_burst(api, chats, burst, pushed)
            replies.wait(chats, {c: len(pushed[c]) for c in chats}, 300)
            elapsed = time.time() - t0
        finally:
            status = bot.stop()
    return {"burst": burst, "chats": chats_n, "elapsed_s": elapsed, "idle_kb": idle,
            "after_burst_kb": status}  # fmt: skip


def run_backlog(total: int, seconds: float, stop: signal.Signals) -> dict[str, Any]:
    """``python -m bot run`` started on a backlog of ``total`` messages from as many chats.

    After ``seconds`` the bot gets ``stop`` (SIGTERM or SIGKILL): its peak RSS, how long it took
    to exit, and how many updates are lost (neither answered nor still queued at Telegram).
    """
    with fakebotapi.FakeBotAPI() as api:
        chats = {}
        for chat in range(9000, 9000 + total):
            chats[api.push_message(chat, "when did they meet?", user_id=chat)["update_id"]] = chat
        bot = BotProcess(api, [PY, "-m", "bot", "run"])
        try:
            bot.ready()
            time.sleep(seconds)
            status = vm_status(bot.proc.pid)
            t0 = time.monotonic()
            bot.proc.send_signal(stop)
            bot.proc.wait(timeout=60)
            exit_s = time.monotonic() - t0
        finally:
            if bot.proc.poll() is None:
                bot.proc.kill()
                bot.proc.wait()
            bot.log.close()
        answered = {c.params["chat_id"] for c in api.calls_of("sendMessage")}
        pending = {u["update_id"] for u in api.pending_updates}
        lost = [u for u, chat in chats.items() if u not in pending and chat not in answered]
    return {"backlog": total, "seconds": seconds, "signal": stop.name, "answered": len(answered),
            "pending": len(pending), "lost": len(lost), "exit_s": exit_s,
            "returncode": bot.proc.returncode, "status_kb": status}  # fmt: skip


# --------------------------------------------------------------------------- a large corpus

# Runs the CLI in this interpreter and then reports its own peak RSS and its children's (the
# build's worker processes), so a subprocess's memory is measured without polling /proc.
_PEAK = (
    "import resource, sys\n"
    "from bot.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "usage = resource.getrusage\n"
    "print('PEAK_KB', usage(resource.RUSAGE_SELF).ru_maxrss, "
    "usage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def cli_peak(config: Path, *args: str) -> tuple[float, str, int, int]:
    """``python -m bot --config CONFIG ARGS``: wall seconds, stdout, and the peak RSS in kB of
    the process and of the largest of its children."""
    elapsed, out, err = run_timed([PY, "-c", _PEAK, "--config", str(config), *args])
    self_kb, children_kb = re.findall(r"PEAK_KB (\d+) (\d+)", err)[-1]
    return elapsed, out, int(self_kb), int(children_kb)


def big_project(args: argparse.Namespace, tmp: Path) -> Path:
    """The config.yaml of ``args.big_articles`` synthetic articles (reused from --big-dir)."""
    folder = args.big_dir or tmp
    config = folder / "config.yaml"
    if args.big_dir is not None and config.exists():
        print(f"  reusing {config}", flush=True)
        return config
    t0 = time.perf_counter()
    write_project(folder, args.big_articles, seed=5)
    print(f"  generated {args.big_articles} articles in {time.perf_counter() - t0:.0f} s")
    return config


def big(res: Results, args: argparse.Namespace) -> None:
    """Issue 17's figures for a large corpus: full build (time, peak RSS), an incremental build
    after one changed article, cold ask (time, peak RSS), warm p50/p99 and the bot's RSS."""
    n = args.big_articles
    label = f"{n:,} articles"
    with tempfile.TemporaryDirectory(prefix="factbot-big-") as tmp:
        print(f"large corpus of {n} articles...", flush=True)
        config = big_project(args, Path(tmp))
        cfg = load_config(config, {})
        shutil.rmtree(cfg.table_path.parent, ignore_errors=True)  # no table, no cache
        print("  full build...", flush=True)
        full_s, out, full_kb, worker_kb = cli_peak(config, "build")
        line = out.strip().splitlines()[0]
        size = cfg.table_path.stat().st_size if cfg.table_path.exists() else 0  # (build --json)
        stored = store_path(cfg.table_path).stat().st_size
        print("  incremental builds...", flush=True)
        same_s, *_ = cli_peak(config, "build")
        article = sorted(cfg.seeds_dir.glob("*.txt"))[n // 2]
        article.write_text(
            article.read_text(encoding="utf-8") + "\nThe talks ended in the afternoon.\n",
            encoding="utf-8",
        )
        one_s, _, one_kb, _ = cli_peak(config, "build")  # as measure_one_changed does
        print("  cold ask...", flush=True)
        ask = ["ask", COLD_QUESTION]
        cold = [run_timed([PY, "-m", "bot", "--config", str(config), *ask])[0] for _ in range(5)]
        _, _, ask_kb, _ = cli_peak(config, *ask)
        print("  warm latency...", flush=True)
        t0 = time.perf_counter()
        answerer = Answerer.from_table(ensure_table(cfg), cfg)  # its store, as ask and run
        load_s = time.perf_counter() - t0
        questions = [str(i["q"]) for i in load_questions()]
        lat = summary(warm_latency(answerer.ask, questions, max(1, args.rounds // 2)))
        del answerer
        print("  memory of python -m bot run...", flush=True)
        mem = run_memory(100, args.chats, config)
    res.details["big"] = {
        "articles": n, "summary": line, "table_bytes": size, "store_bytes": stored,
        "full_build_s": full_s,
        "full_build_peak_kb": full_kb, "worker_peak_kb": worker_kb, "unchanged_build_s": same_s,
        "one_changed_build_s": one_s, "one_changed_peak_kb": one_kb, "cold_ask_s": cold,
        "cold_ask_peak_kb": ask_kb, "table_load_s": load_s, "warm": lat, "memory": mem,
    }  # fmt: skip
    mb = 1024 / 1e6  # ru_maxrss and /proc give KiB
    res.add(
        Figure(f"build, {label} (all CPUs)", full_s, "s", 60.0, note=line),
        Figure(
            f"build peak RSS, {label}",
            full_kb * mb,
            "MB",
            note=f"largest worker {worker_kb * mb:.0f} MB",
        ),
        Figure(
            f"table size, {label}",
            size / 1024 / 1024,
            "MiB",
            note=f"SQLite store {stored / 1024 / 1024:.0f} MiB",
        ),  # fmt: skip
        Figure(
            f"build, {label}, one article changed",
            one_s,
            "s",
            2.0,
            note=f"none changed: {same_s:.1f} s; peak RSS {one_kb * mb:.0f} MB",
        ),
        Figure(
            f"cold `python -m bot ask`, {label} (median of 5)", statistics.median(cold), "s", 0.3
        ),
        Figure(f"`ask` peak RSS, {label}", ask_kb * mb, "MB"),
        Figure(f"store open + Answerer, {label}", load_s, "s"),
        Figure(f"warm answer p50, {label}", lat["p50_ms"], "ms"),
        Figure(f"warm answer p99, {label}", lat["p99_ms"], "ms", 5.0),
        Figure(
            f"peak RSS of `python -m bot run`, {label}",
            mem["after_burst_kb"]["VmHWM"] * mb,
            "MB",
            100.0,
            note=f"after {mem['burst']} messages",
        ),
    )


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Measure the sections asked for, print the table, write the JSON; 0."""
    parser = argparse.ArgumentParser(description="factbot benchmark (issue 5)")
    parser.add_argument("--out", type=Path, help="JSON file (default bench/results/<time>.json)")
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and articles (a smoke run)"
    )
    parser.add_argument("--articles", type=int, default=1000, help="synthetic corpus size")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the question sets")
    parser.add_argument("--burst", type=int, default=1000, help="messages in the end-to-end burst")
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--rate", type=float, default=100.0, help="paced load, messages/s")
    parser.add_argument("--no-webhook", action="store_true", help="skip the webhook run")
    parser.add_argument(
        "--with-limiter",
        action="store_true",
        help="also the end-to-end run with AIORateLimiter (slow: ~30 msg/s)",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default: {','.join(SECTIONS)}; also "
        f"{','.join(EXTRA_SECTIONS)}: 10,000 articles, several minutes)",
    )
    parser.add_argument("--big-articles", type=int, default=10_000, help="articles of --only big")
    parser.add_argument(
        "--big-dir",
        type=Path,
        help="--only big: the synthetic project's folder, generated there once and reused "
        "(default: a temporary folder)",
    )
    args = parser.parse_args(argv)
    sections = set(args.only.split(","))
    known = set(SECTIONS) | set(EXTRA_SECTIONS)
    if sections - known:
        parser.error(f"unknown section(s): {', '.join(sorted(sections - known))}")

    def want(name: str) -> bool:
        return name in sections

    if args.quick:
        args.articles, args.rounds, args.burst = min(args.articles, 100), 2, 200

    res = Results()
    started = time.time()
    res.details["machine"] = {"python": platform.python_version(), "platform": platform.platform(),
                              "cpus": os.cpu_count(), "loadavg_start": os.getloadavg(),
                              "time": datetime.now().isoformat(timespec="seconds")}  # fmt: skip
    items = load_questions()
    questions = [str(i["q"]) for i in items]
    config_path = ROOT / "config.yaml"
    config = load_config(config_path, {})
    print(
        f"factbot benchmark: {len(questions)} questions, {args.rounds} rounds, "
        f"{args.articles} synthetic articles, burst {args.burst} over {args.chats} chats",
        flush=True,
    )

    # --- build, five articles (also leaves the table fresh for the cold ask)
    if want("build"):
        print("build (seeds)...", flush=True)
        times, size, line = measure_build(config_path, 3)
        res.details["build_seeds"] = {"runs_s": times, "table_bytes": size, "summary": line}
        res.add(
            Figure(
                "build, 5 articles (python -m bot build)", statistics.median(times), "s", note=line
            ),
            Figure("table size, 5 articles", size / 1024, "KiB"),
        )

    # --- warm latency, five articles
    ensure_table(config)  # built by the build section; fresh either way
    if want("warm"):
        print("warm latency (seeds)...", flush=True)
        t0 = time.perf_counter()
        table = ensure_table(config)  # its store (bot/factstore.py), as ask and run read it
        answerer = Answerer.from_table(table, config)
        load_s = time.perf_counter() - t0
        lat = warm_latency(answerer.ask, questions, args.rounds)
        res.details["warm_seeds"] = {"load_s": load_s, **summary(lat)}
        s = res.details["warm_seeds"]
        c = res.details["warm_context_seeds"] = summary(
            context_latency(answerer, dialogue_turns(), args.rounds)
        )
        declined = [i["q"] for i in items if i.get("decline")]
        d = res.details["warm_suggest_seeds"] = summary(
            warm_latency(lambda q: answerer.ask(q, suggest=True), declined, args.rounds)
        )
        res.add(
            Figure("warm answer p50, 5 articles", s["p50_ms"], "ms"),
            Figure("warm answer p99, 5 articles", s["p99_ms"], "ms", 1.0),
            Figure("warm answer in a conversation p50, 5 articles", c["p50_ms"], "ms"),
            Figure("warm answer in a conversation p99, 5 articles", c["p99_ms"], "ms", 1.0),
            Figure("decline with did-you-mean (private chat) p50", d["p50_ms"], "ms"),
            Figure("decline with did-you-mean (private chat) p99", d["p99_ms"], "ms"),
        )

    # --- accuracy: factbot and the baseline on the same questions
    if want("accuracy"):
        answerer = Answerer.from_table(ensure_table(config), config)
        print("accuracy and baseline...", flush=True)
        acc = factbot_accuracy(answerer, items)
        baseline = Baseline(corpus_sentences(config.seeds_dir))
        base_acc = baseline_accuracy(baseline, items)
        base_lat = summary(warm_latency(baseline.ask, questions, args.rounds))
        res.details["accuracy"] = {"factbot": acc, "baseline": base_acc,
                                   "baseline_sentences": len(baseline.sentences),
                                   "baseline_latency": base_lat}  # fmt: skip
        res.add(
            Figure(
                "factbot accuracy, in scope", acc["in_scope_acc"] * 100, "%", note=acc["in_scope"]
            ),
            Figure(
                "factbot accuracy, declined out of scope",
                acc["declined_acc"] * 100,
                "%",
                note=acc["declined"],
            ),
            Figure(
                f"baseline accuracy, in scope (WRatio >= {BASELINE_THRESHOLD:g})",
                base_acc["in_scope_acc"] * 100,
                "%",
                note=base_acc["in_scope"],
            ),
            Figure(
                "baseline accuracy, declined out of scope",
                base_acc["declined_acc"] * 100,
                "%",
                note=base_acc["declined"],
            ),
            Figure(
                "baseline accuracy, in scope if it never declines",
                base_acc["never_declining"]["in_scope_acc"] * 100,
                "%",
                note=f"{base_acc['never_declining']['in_scope']}; its ceiling. Best "
                f"threshold in hindsight {base_acc['best_balanced_threshold']}: "
                f"in scope {base_acc['best_balanced']['in_scope']}, declined "
                f"{base_acc['best_balanced']['declined']}",
            ),
            Figure("baseline warm p50, 5 articles", base_lat["p50_ms"], "ms"),
            Figure("baseline warm p99, 5 articles", base_lat["p99_ms"], "ms"),
        )

    # --- cold ask
    if want("cold"):
        print("cold ask...", flush=True)
        cold, imports = measure_cold_ask(7)
        res.details["cold_ask"] = {"runs_s": cold, **imports}
        res.add(
            Figure("cold `python -m bot ask` (median of 7)", statistics.median(cold), "s", 0.3),
            Figure(
                "telegram/httpx modules imported by ask",
                len(imports["forbidden_imported"]),
                "modules",
                0,
                note=", ".join(imports["forbidden_imported"][:5]) or "none",
            ),
        )

    # --- synthetic corpus
    if want("synth"):
        with tempfile.TemporaryDirectory(prefix="factbot-bench-") as tmp:
            print(f"synthetic corpus of {args.articles} articles...", flush=True)
            t0 = time.perf_counter()
            synth_config = write_project(Path(tmp), args.articles, seed=5)
            gen_s = time.perf_counter() - t0
            times, size, line = measure_build(synth_config, 1)
            one_s, same_s = measure_one_changed(synth_config)
            res.details["build_synth"] = {
                "articles": args.articles,
                "generate_s": gen_s,
                "runs_s": times,
                "table_bytes": size,
                "summary": line,
                "one_changed_s": one_s,
                "unchanged_s": same_s,
            }
            res.add(
                Figure(
                    f"build, {args.articles} articles",
                    times[0],
                    "s",
                    30.0 if args.articles == 1000 else None,
                    note=line,
                ),
                Figure(
                    f"build, {args.articles} articles, one article changed",
                    one_s,
                    "s",
                    note=f"none changed: {same_s:.2f} s",
                ),
                Figure(f"table size, {args.articles} articles", size / 1024 / 1024, "MiB"),
            )
            sconfig = load_config(synth_config, {})
            t0 = time.perf_counter()
            stable = ensure_table(sconfig)
            sanswerer = Answerer.from_table(stable, sconfig)
            load_s = time.perf_counter() - t0
            lat = warm_latency(sanswerer.ask, questions, args.rounds)
            s = {"load_s": load_s, **summary(lat)}
            res.details["warm_synth"] = s
            c = res.details["warm_context_synth"] = summary(
                context_latency(sanswerer, dialogue_turns(), args.rounds)
            )
            res.add(
                Figure(f"table load + Answerer, {args.articles} articles", load_s, "s"),
                Figure(f"warm answer p50, {args.articles} articles", s["p50_ms"], "ms"),
                Figure(
                    f"warm answer p99, {args.articles} articles",
                    s["p99_ms"],
                    "ms",
                    5.0 if args.articles == 1000 else None,
                ),
                Figure(
                    f"warm answer in a conversation p50, {args.articles} articles",
                    c["p50_ms"],
                    "ms",
                ),  # fmt: skip
                Figure(
                    f"warm answer in a conversation p99, {args.articles} articles",
                    c["p99_ms"],
                    "ms",
                    5.0 if args.articles == 1000 else None,
                ),
            )
            sbaseline = Baseline(corpus_sentences(sconfig.seeds_dir))
            blat = summary(warm_latency(sbaseline.ask, questions[::4], 1))
            res.details["baseline_synth"] = {"sentences": len(sbaseline.sentences), **blat}
            res.add(Figure(f"baseline warm p50, {args.articles} articles", blat["p50_ms"], "ms"))
            if want("memory"):
                print(f"memory of python -m bot run, {args.articles} articles...", flush=True)
                mem = run_memory(100, args.chats, synth_config)
                res.details["memory_synth"] = mem
                res.add(
                    Figure(
                        f"peak RSS of `python -m bot run`, {args.articles} articles",
                        mem["after_burst_kb"]["VmHWM"] * 1024 / 1e6,
                        "MB",
                        note=f"after {mem['burst']} messages",
                    )
                )

    # --- end to end
    if want("e2e"):
        runs = [("polling", False)] + ([] if args.no_webhook else [("webhook", False)])
        if args.with_limiter:
            runs.append(("polling", True))
        res.details["e2e"] = []
        for mode, limited in runs:
            label = f"{mode}{', AIORateLimiter' if limited else ''}"
            print(f"end to end ({label})...", flush=True)
            # The limiter allows ~30 msg/s: pace below that, or latency is only its queue.
            rate = min(args.rate, 20.0) if limited else args.rate
            r = e2e(mode, args.burst, args.chats, rate, 5.0, rate_limiter=limited)
            res.details["e2e"].append(r)
            headline = mode == "polling" and not limited
            res.add(
                Figure(
                    f"e2e {label}: burst of {args.burst} / {args.chats} chats",
                    r["msgs_per_s"],
                    "msg/s",
                    200.0 if headline else None,
                    higher_is_better=True,
                    note=f"bot CPU {r['burst_bot_cpu_ms_per_msg']:.2f} ms/msg; burst "
                    f"latency p50 {r['burst_latency']['p50_ms']:.0f} ms, "
                    f"p99 {r['burst_latency']['p99_ms']:.0f} ms",
                ),
                Figure(
                    f"e2e {label}: reply latency p50 at {rate:g} msg/s",
                    r["paced_latency"]["p50_ms"],
                    "ms",
                    20.0 if headline else None,
                ),
                Figure(
                    f"e2e {label}: reply latency p99 at {rate:g} msg/s",
                    r["paced_latency"]["p99_ms"],
                    "ms",
                ),
            )

    # --- memory of the real `python -m bot run`
    if want("memory"):
        print("memory of python -m bot run...", flush=True)
        mem = run_memory(min(args.burst, 300), args.chats)
        res.details["memory"] = mem
        res.add(
            Figure(
                "peak RSS of `python -m bot run` (VmHWM)",
                mem["after_burst_kb"]["VmHWM"] * 1024 / 1e6,  # /proc's kB are KiB
                "MB",
                80.0,
                note=f"after {mem['burst']} messages, idle RSS "
                f"{mem['idle_kb']['VmRSS'] * 1024 / 1e6:.0f} MB",
            )
        )

    # --- a backlog waiting at Telegram when the bot starts, then SIGTERM / SIGKILL
    if want("backlog"):
        total = 2000 if args.quick else 20_000
        res.details["backlog"] = []
        for stop in (signal.SIGTERM, signal.SIGKILL):
            print(f"backlog of {total} messages, then {stop.name}...", flush=True)
            b = run_backlog(total, 10.0 if args.quick else 20.0, stop)
            res.details["backlog"].append(b)
            if stop == signal.SIGTERM:
                res.add(
                    Figure(
                        f"peak RSS of `python -m bot run`, backlog of {total}",
                        b["status_kb"]["VmHWM"] * 1024 / 1e6,
                        "MB",
                        80.0,
                        note=f"{b['answered']} answered, {b['pending']} still at Telegram",
                    ),
                    Figure("seconds from SIGTERM to exit, mid-backlog", b["exit_s"], "s", 7.0),
                    Figure("updates lost on SIGTERM, mid-backlog", b["lost"], "", 0.0),
                )
            else:
                res.add(Figure("updates lost on SIGKILL, mid-backlog", b["lost"], "", 32.0))

    # --- a large corpus: build, incremental build, cold ask, warm latency, the bot's memory
    if want("big"):
        big(res, args)

    res.details["machine"]["loadavg_end"] = os.getloadavg()
    res.details["elapsed_s"] = time.time() - started
    print()
    print(res.table())
    print(
        f"\n(machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; "
        f"run took {res.details['elapsed_s']:.0f} s)"
    )
    out = args.out or ROOT / "bench" / "results" / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"figures": [f.__dict__ | {"ok": f.ok} for f in res.figures], "details": res.details},
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(f"results: {out}")
    return 0 if all(f.ok is not False for f in res.figures) else 1


if __name__ == "__main__":
    sys.exit(main())
