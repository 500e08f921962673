"""Command line: ``python -m bot {ask,chat,build,eval,run,init,misses}``.

The only place that configures logging and turns ``FactbotError`` into one stderr line and exit
code 2. Telegram is imported only inside ``run``.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .answer import Answerer
from .build import build_report, current_table
from .chat import reply_json, valid_unicode
from .check import DECLINE, check
from .config import Config
from .errors import ConfigError, DataError, FactbotError
from .factstore import store_path
from .project import describe_init, find_project, init_project
from .yamlio import load_yaml

_CONFIG_HELP = "path to config.yaml (default: $FACTBOT_CONFIG, ./config.yaml, the bundled demo)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factbot", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"factbot {__version__}")
    parser.add_argument("--config", default=None, help=_CONFIG_HELP)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or one per line from standard input)")
    ask.add_argument("question", nargs="*", help="the question; none: read standard input")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--lang", choices=("en", "ru"), help="language hint")
    chat = sub.add_parser("chat", help="a conversation on the console (follow-ups in context)")
    chat.add_argument("--json", action="store_true", help="one JSON object per line")
    b = sub.add_parser("build", help="build the fact table from the articles")
    b.add_argument("--check", action="store_true", help="also warn about ambiguous intents")
    b.add_argument("--coverage", action="store_true",
                   help="also list, per article, the sentences that gave no fact")  # fmt: skip
    b.add_argument("--workers", type=_positive, metavar="N",
                   help="processes that extract articles (default: build.workers, else one "
                        "per CPU)")  # fmt: skip
    b.add_argument("--json", action="store_true",
                   help="also write the table as JSON (to inspect; a full build)")  # fmt: skip
    ev = sub.add_parser("eval", help="run a question set and print accuracy per intent")
    ev.add_argument("file", type=Path)
    ev.add_argument("--min-in-scope", type=float, default=0.0)
    ev.add_argument("--min-declined", type=float, default=0.0)
    sub.add_parser("run", help="run the Telegram bot")
    _misses_parser(sub)
    for p in list(sub.choices.values()):
        p.add_argument("--config", default=argparse.SUPPRESS, help=_CONFIG_HELP)
    init = sub.add_parser("init", help="start a new project folder from the bundled demo")
    init.add_argument("dir", type=Path, help="the folder to create (or an empty one)")
    init.add_argument("--empty", action="store_true", help="no articles in seeds/")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m bot`` and the ``factbot`` script; returns the exit code."""
    args = _parser().parse_args(argv)
    log_format = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=logging.INFO, format=log_format)
    try:
        if args.command == "init":
            print(describe_init(args.dir, init_project(args.dir, args.empty)))
            return 0
        project = find_project(args.config, os.environ, Path.cwd())
        if project.is_demo:
            print(project.notice(), file=sys.stderr)
        config = project.config
        if args.command == "build":
            with _progress(sys.stderr) as progress:
                report = build_report(config, args.coverage, args.workers, progress,
                                      args.json or None)  # fmt: skip
            print(report.summary())
            if args.coverage:
                print(report.coverage_report())
            table = report.table_path or config.table_path
            json_table = table.exists()  # (written by this build: another is removed)
            print(f"table: {store_path(table)}" + (f" (JSON: {table})" if json_table else ""))
            return 0
        with _progress(sys.stderr if args.command != "run" else None) as progress:
            current = current_table(config, progress)  # says on stderr (logging) when it rebuilt
        answerer = Answerer.from_table(current.table, config, current.gazetteer, current.glossary)
        if args.command == "ask":
            return _ask(answerer, args.question, args.json, args.lang, sys.stdin, sys.stdout)
        if args.command == "chat":
            return _chat(answerer, args.json)
        if args.command == "eval":
            return _eval(answerer, args.file, args.min_in_scope, args.min_declined)
        if args.command == "misses":
            return _misses(config, answerer, args)
        from .tg.app import run_bot  # only here: the core never imports Telegram

        return run_bot(config, answerer)
    except FactbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


class ProgressBar:
    """A one-line progress bar of extraction on a terminal, shown once a build has run for
    ``after`` seconds (a quick build says nothing) and wiped when extraction ends, so what the
    build says next (the summary, a log line) starts on a clean line."""

    def __init__(self, stream: TextIO, after: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.stream, self.after, self.clock = stream, after, clock
        self.start = clock()
        self.drawn = 0.0  # when the bar was last drawn; 0: never
        self.width = 0  # characters on the line

    def __call__(self, done: int, total: int) -> None:
        """``done`` of ``total`` articles extracted."""
        now = self.clock()
        if now - self.start < self.after or (now - self.drawn < 0.2 and done < total):
            return
        filled = 30 * done // max(total, 1)
        line = (f"extracting articles [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} "
                f"({now - self.start:.0f} s)")  # fmt: skip
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.drawn, self.width = now, len(line)
        if done >= total:
            self.close()

    def close(self) -> None:
        """Wipe the bar, so the summary starts on a clean line."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@contextmanager
def _progress(stream: TextIO | None) -> Iterator[ProgressBar | None]:
    """A progress bar on ``stream`` when it is a terminal, else None."""
    if stream is None or not stream.isatty():
        yield None
        return
    bar = ProgressBar(stream)
    try:
        yield bar
    finally:
        bar.close()


def _misses_parser(sub: Any) -> None:
    m = sub.add_parser("misses", help="questions the bot declined or barely answered, grouped")
    m.add_argument("--since", type=_since, metavar="DATE", help="only from DATE (YYYY-MM-DD) on")
    m.add_argument("--top", type=_positive, default=20, metavar="N", help="groups shown (20)")
    m.add_argument("--lang", choices=("en", "ru"), help="only questions in this language")
    m.add_argument("--yaml", action="store_true", help="candidate questions as a question set")


def _since(text: str) -> datetime:
    from .misses import parse_since  # only here: ask and chat never pay for the misses report

    try:
        return parse_since(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
    return int(text)


def _misses(config: Config, answerer: Answerer, args: argparse.Namespace) -> int:
    from .misses import report

    if config.misses.path is None:
        raise ConfigError(config.path, "misses.path is null: the misses log is off")
    text = report(config.misses.path, answerer.reader, since=args.since, lang=args.lang,
                  top=args.top, as_yaml=args.yaml)  # fmt: skip
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _lenient(stream: TextIO) -> TextIO:
    """Make a real text stream replace undecodable bytes instead of raising or smuggling them."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


def _ask(answerer: Answerer, words: list[str], as_json: bool, lang: str | None,
         stdin: TextIO, stdout: TextIO) -> int:  # fmt: skip
    questions: Iterable[str] = (
        [" ".join(words)] if words else (line.rstrip("\r\n") for line in _lenient(stdin))
    )
    for question in questions:  # streams: one line in, one answer out
        reply = answerer.ask(question, lang, suggest=True)
        if as_json:
            stdout.write(reply_json(question, reply) + "\n")
        else:
            stdout.write((reply.text if words else reply.text.replace("\n", " | ")) + "\n")
        stdout.flush()
    return 0


def _chat(answerer: Answerer, as_json: bool) -> int:
    from .chat import run_chat  # only here: ask never pays for the chat

    return run_chat(answerer, _lenient(sys.stdin), sys.stdout, as_json)


def _eval(answerer: Answerer, path: Path, min_in: float, min_out: float) -> int:
    data = load_yaml(path)
    if isinstance(data, dict) and "conversations" in data:
        return _eval_dialogues(answerer, path, data, min_in)
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise DataError(path, "must be a mapping with questions: [...]")
    per_intent: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for n, item in enumerate(data["questions"]):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise DataError(path, "must have a string q", f"questions[{n}]")
        ok, expected, got = check(answerer.ask, item)
        per_intent[expected]["total"] += 1
        per_intent[expected]["ok"] += ok
        if not ok:
            confusions[(expected, got)] += 1
            misses.append(f"  {item['q']!r}: expected {expected}, got {got}")
    print(f"{'intent':<22}{'correct':>8}{'total':>7}{'accuracy':>10}")
    for name in sorted(per_intent):
        c = per_intent[name]
        print(f"{name:<22}{c['ok']:>8}{c['total']:>7}{c['ok'] / c['total']:>10.1%}")
    in_scope = [c for k, c in per_intent.items() if k != DECLINE]
    ins_ok, ins_total = sum(c["ok"] for c in in_scope), sum(c["total"] for c in in_scope)
    out = per_intent.get(DECLINE, Counter(ok=0, total=0))
    in_acc = ins_ok / ins_total if ins_total else 1.0
    out_acc = out["ok"] / out["total"] if out["total"] else 1.0
    print(f"in scope: {ins_ok}/{ins_total} = {in_acc:.1%}; declined out of scope: "
          f"{out['ok']}/{out['total']} = {out_acc:.1%}")  # fmt: skip
    if confusions:
        print("confusions (expected -> got):")
        for (exp, got), count in confusions.most_common():
            print(f"  {exp} -> {got}: {count}")
        print("misses:")
        print("\n".join(misses))
    return 0 if in_acc >= min_in and out_acc >= min_out else 1


class _Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _eval_dialogues(answerer: Answerer, path: Path, data: Any, min_ok: float) -> int:
    """Each conversation through ``chat`` (a fresh one each); the failed turns, then the share of
    conversations and turns that passed."""
    from .chat import Chat
    from .check import conversations, said, turn_problems, waited

    try:
        items = conversations(data)
    except ValueError as exc:
        raise DataError(path, str(exc)) from None
    passed = turns = turns_ok = 0
    for conv in items:
        clock = _Clock()  # the conversation's clock: a turn's "wait" moves it on
        chat = Chat(answerer, clock=clock)
        ok = True
        for turn in conv["turns"]:  # type: ignore[attr-defined]
            clock.now += waited(turn)
            reply = chat.reply(said(turn))
            problems = turn_problems(turn, reply.text, reply.matched)
            turns, turns_ok, ok = turns + 1, turns_ok + (not problems), ok and not problems
            if problems:
                print(f"{conv['name']}: {turn['say']!r}: {'; '.join(problems)}")
                print(f"  -> {reply.text[:300]!r}")
        passed += ok
    share = passed / len(items)
    print(f"conversations: {passed}/{len(items)} = {share:.1%}; turns: {turns_ok}/{turns}")
    return 0 if share >= min_ok else 1


__all__ = ["main", "reply_json", "valid_unicode"]
