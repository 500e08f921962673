"""Dump every reply and fact, to prove that a refactor changes no behaviour (issue 11).

    .venv/bin/python bench/replies.py OUT_DIR [--articles 1000] [--seed 5]
    .venv/bin/python bench/replies.py OUT_DIR --compare BASE_DIR

Asks every question of ``tests/questions*.yaml`` and a few thousand generated probes (every
intent example with slot suffixes, hand-written odd, Russian, follow-up and trap messages, the
nasty strings), each plain and with the language hints ``en`` and ``ru``, over the seed articles
and over a synthetic corpus of ``--articles`` articles (``bench/synth.py``, fixed seed). It
writes one JSON line per reply (text, HTML, intent, matched, score, language, sources), one per
fact (every field but the structured parts, and its Russian rendering), the meetings, the build
report and the fixed UI texts. Run it on the base commit, keep the folder outside the repository,
run it again after each step and ``--compare``: every file must be byte-identical.
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.synth import write_project  # noqa: E402
from bot.answer import Answerer  # noqa: E402
from bot.build import build  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.facts import Fact, FactTable  # noqa: E402
from bot.factstore import StoredTable, store_path  # noqa: E402
from bot.kinds import READERS  # noqa: E402

HINTS = (None, "en", "ru")
QUESTION_SETS = sorted((ROOT / "tests").glob("questions*.yaml"))
NASTY = ROOT / "tests" / "data" / "nasty_strings.txt"

# Appended to every intent example: the slots that choose meetings and facts.
SUFFIXES = ("", "?", " in 2023", " in 2024", " in 2025", " in 2022", " in 2030", " in moscow",
            " in beijing", " in china", " in russia", " in paris", " last time", " the first time",
            " in december", " in may", " in march 2023", " with putin", " with li qiang",
            " at the great hall of the people", " in the 75th anniversary year",
            " when they discussed trade", " в 2023 году", " в москве", " в пекине",
            " в последний раз", " впервые")  # fmt: skip

# Hand-written probes: odd phrasing, Russian, follow-up-ish fragments and traps.
PROBES = """\
and in 2025?
what about moscow?
and the first one?
and the last one?
same for 2024
what about russia?
and where?
and who else?
and then?
ok and the trade?
a в 2025?
а где?
а кто ещё?
а торговля?
и в москве?
when did they meet when they talked about the 75th anniversary
where did they meet when they discussed the belt and road forum
when did they meet, the time they discussed the earthquake
where did they meet when mishustin conveyed putin's greetings
when did they meet when the trade target was reached
where was the meeting about the 28th regular meeting of heads of government
when was the meeting where the years of culture came up
when did they meet in may
may they meet?
may i ask when they met
when did they meet in may 2023
what happened in may
when did they meet on wednesday
what day of the week did they meet in december
what weekday was the meeting in 2025
what day of the week was their first meeting
в какой день недели была последняя встреча
какого числа была встреча в мае
when did they meet in paris
did biden attend
what did trump say
was macron at the meeting
when did they meet in 1999
what was trade in 2019
when is the 80th anniversary
what is the 76th anniversary
which 29th regular meeting
what about the 30th regular meeting
when did they meet in london
when did xi meet modi
did they meet in new york
who is the president of china
how many people died
what is the gdp of russia
what's the weather in Beijing
tell me about the 15th five-year plan
which five-year plan was mentioned in 2025
what events were mentioned in 2023
what events were mentioned at the last meeting
what years of culture
which plenary session in 2025
what organisations were mentioned in 2025
was the sco mentioned in 2023
did they mention brics in moscow
what areas of cooperation in 2025
what areas of cooperation at the first meeting
what areas of cooperation in beijing
what areas did they discuss in march
which initiatives in 2023
trade in 2023
trade in 2022
trade target 2024
was the 200 billion target reached in 2023
what was the trade volume in the first 11 months
who was at the meeting in moscow
who was at the last meeting
who attended in 2025
was wang yi at the first meeting
was li qiang there in 2023
was putin present
was cai qi there
who met in december
who met with li qiang
which officials attended in beijing
what visit in 2023
what kind of visit was the moscow meeting
which regular meeting in december
what occasion in 2025
greetings in 2025
who sent greetings in 2023
did putin send greetings in moscow
condolences in 2023
which earthquake in december
what aid in 2024
who was invited in 2023
who was invited to the belt and road forum
did xi invite putin in moscow
how many times did they meet in 2023
how many times did they meet in beijing
how many meetings in 2025
how many meetings in moscow
how many times did they meet in 2030
сколько раз они встречались в 2023 году
сколько раз они встречались в пекине
где они встретились в 2025 году
где была первая встреча
где была последняя встреча
кто был на встрече в москве
какие сферы сотрудничества в 2025 году
какие организации упоминались в 2023 году
какие события упоминались в 2025 году
какая годовщина в 2024 году
какой товарооборот в 2023 году
кто передал привет в 2025 году
кого пригласил си в 2023 году
какое землетрясение
когда они встретились в париже
когда они встретились в 1999 году
встречался ли си с байденом
какая погода в пекине
когда встреча в мае
когда встреча в декабре
когда встреча в марте
когда встреча в ноябре
когда была встреча в доме народных собраний
где была встреча с путиным
WHEN DID THEY MEET
When Did They Meet In Moscow?
when did they meet????????
when did they meet 🤔🤔🤔
when did <b>they</b> meet
when did they meet & why
what about <script>alert(1)</script>
"quoted" when did they meet
when did they meet; DROP TABLE facts;
wehn did tehy meat
wher did thay meet
hw many tims did they meet
hu was at the meeting
wat areas of coop
trad volume
anniversery
greetngs
землятресение
когда они встречались си мишустин пекин москва 2023 2025 торговля годовщина
when where who how many trade anniversary areas
xi
mishustin
putin
moscow
beijing
2023
2025
75th
28th
$200 billion
200 billion dollars
G20
BRICS
SCO
belt and road
years of culture
earthquake
gansu
meeting
meetings
talks
трейд
встреча
встречи
переговоры
when did they meet at the kremlin
when did they meet at zhongnanhai
where did they meet in 2023 and 2025
when did they meet in moscow or beijing
when did they meet in china in 2023
when did they meet in russia in 2025
when was the second meeting
when was the third meeting
when was the 2nd meeting
what was the first visit
what was the last visit
what is the latest trade figure
what was the first trade figure
what was the oldest anniversary
what is the newest event
"""


def probes() -> list[str]:
    """The generated probes: intent examples with suffixes, hand-written ones, nasty strings."""
    out: list[str] = []
    for path in sorted((ROOT / "intents").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for intent in data.get("intents") or []:
            for example in intent["examples"]:
                out += [example + suffix for suffix in SUFFIXES]
    out += PROBES.splitlines()
    sys.path.insert(0, str(ROOT))
    from tests.nasty import load_nasty

    out += load_nasty(NASTY)
    return list(dict.fromkeys(out))


def question_sets() -> list[str]:
    """Every question of tests/questions*.yaml, in file order."""
    out: list[str] = []
    for path in QUESTION_SETS:
        out += [str(i["q"]) for i in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return out


# --- adapters: the only lines that may change as the code under them is refactored --------------


def russian(answerer: Answerer, fact: Fact) -> dict[str, Any]:
    """The fact in Russian as a reply shows it, and what the glossary lacked."""
    from bot.kinds import render

    rendering = render(answerer.glossary, fact, answerer.gaz)
    shown = answerer.writer.russian(fact)
    return {"ru": rendering.text, "missing": list(rendering.missing), "shown_ru": shown}


def ui_texts(answerer: Answerer, replies: list[Any]) -> Iterator[dict[str, Any]]:
    """The fixed texts: /start, /help, /sources, short declines, Source-button texts."""
    from bot.helptext import first_example, help_text, sources_text, start_text
    from bot.language import ui_language
    from bot.render import render_sources
    from bot.tg.handlers import file_titles, reply_html

    for lang in ("en", "ru", "de"):
        example = first_example(answerer.intents, lang)
        yield {"lang": lang, "first_example": example, "start": start_text(lang, example),
               "help": help_text(answerer.intents, lang, answerer.table),
               "sources": sources_text(answerer.table.articles, lang)}  # fmt: skip
    for fixed in ("auto", "en", "ru"):
        for code in (None, "ru", "ru-RU", "en", "de", ""):
            for text in (
                "",
                "/start",
                "/start@factbot",
                "/help привет",
                "/help hi",
                "когда",
                "x",
                "12",
                "😀",
            ):
                yield {"ui_language": [fixed, code, text], "is": ui_language(fixed, code, text)}
    titles = file_titles(answerer.titles)
    for reply in replies:
        yield {
            "text": reply.text,
            "group_short": reply_html(reply, True, "short"),
            "group_silent": reply_html(reply, True, "silent"),
            "private": reply_html(reply, False),
            "sources_en": render_sources(reply, titles, "en"),
            "sources_ru": render_sources(reply, titles, "ru"),
        }


# --- dumping -------------------------------------------------------------------------------------


def reply_record(question: str, hint: str | None, reply: Any, full: bool = True) -> dict[str, Any]:
    """One reply; with ``full`` False its sources as a count and a digest (1,000 articles)."""
    sources = [[s.file, s.sentence, s.note] for s in reply.sources]
    if not full:
        digest = hashlib.sha256(json.dumps(sources, ensure_ascii=True).encode()).hexdigest()
        sources = [len(sources), digest]  # type: ignore[list-item]
    return {
        "q": question,
        "hint": hint,
        "kind": reply.kind,
        "text": reply.text,
        "html": reply.html,
        "intent": reply.intent,
        "matched": reply.matched,
        "score": reply.score,
        "lang": reply.lang,
        "extra": reply.extra,
        "sources": sources,
    }


_FACT_FIELDS = ("kind", "value", "display", "article", "sentence", "source", "meeting", "year",
                "place", "number", "qualifier", "curated")  # fmt: skip


def fact_record(answerer: Answerer, fact: Fact) -> dict[str, Any]:
    """One fact: every field but its parts, and its Russian rendering."""
    record = {k: getattr(fact, k) for k in _FACT_FIELDS}
    record["kind"] = str(fact.kind)
    return record | russian(answerer, fact)


def table_records(table: FactTable) -> Iterator[dict[str, Any]]:
    """The table's articles and meetings."""
    for a in table.articles:
        yield {"article": dataclasses.asdict(a)}
    for m in table.meetings:
        yield {"meeting": m.id, "date": str(m.date), "place": m.place, "weekday": m.weekday,
               "articles": list(m.articles), "facts": len(m.facts)}  # fmt: skip


def write_lines(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write one sorted-key JSON object per line; the number of lines."""
    n = 0
    with path.open("w", encoding="utf-8", errors="surrogatepass") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def dump(out: Path, name: str, config: Config, questions: list[str], ui: bool = False,
         store: bool = True) -> None:  # fmt: skip
    """Build the table of ``config`` and dump its facts, meetings, report and replies as
    ``name.*``; answered from the table's SQLite store (``store``, as ``ask`` and ``run``
    answer) or from the table built in memory."""
    table, report = build(config)  # the JSON table and its store, as ``ask`` and ``run`` read it
    if store:
        table = StoredTable(store_path(report.table_path or config.table_path), READERS)
    answerer = Answerer.from_table(table, config)
    (out / f"{name}.report.txt").write_text(report.summary() + "\n", encoding="utf-8")
    write_lines(out / f"{name}.table.jsonl", table_records(table))
    n = write_lines(out / f"{name}.facts.jsonl", (fact_record(answerer, f) for f in table.facts))
    replies: list[Any] = []

    def asked() -> Iterator[dict[str, Any]]:
        for q in questions:
            for hint in HINTS:
                reply = answerer.ask(q, hint)
                if ui and hint is None:
                    replies.append(reply)
                yield reply_record(q, hint, reply, full=ui)

    m = write_lines(out / f"{name}.replies.jsonl", asked())
    for variant, changes in (("ru_oldest", {"language": "ru", "order": "oldest_first"}),
                             ("en_fixed", {"language": "en"})):  # fmt: skip
        if not ui:
            break
        reply_cfg = dataclasses.replace(config.reply, **changes)
        other = Answerer.from_table(table, dataclasses.replace(config, reply=reply_cfg))
        sets = question_sets()
        write_lines(out / f"{name}.{variant}.replies.jsonl",
                    (reply_record(q, None, other.ask(q)) for q in sets))  # fmt: skip
    if ui:
        write_lines(out / f"{name}.ui.jsonl", ui_texts(answerer, replies))
    print(f"{name}: {n} facts, {m} replies", flush=True)


def compare(out: Path, base: Path, skip: str = "") -> int:
    """0 when every file of ``base`` is in ``out`` with the same bytes; else the first diffs."""
    bad = 0
    for path in sorted(base.glob("*.*")):
        if path.suffix not in (".jsonl", ".txt") or path.name.startswith("bench"):
            continue
        if skip and path.name.startswith(skip):
            continue
        other = out / path.name
        if not other.exists():
            print(f"missing: {other}")
            bad += 1
            continue
        if filecmp.cmp(path, other, shallow=False):
            continue
        bad += 1
        a = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
        b = other.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
        diffs = [i for i in range(max(len(a), len(b))) if a[i : i + 1] != b[i : i + 1]]
        print(f"DIFFERS: {path.name}: {len(diffs)} lines (of {len(a)} / {len(b)})")
        for i in diffs[:5]:
            print(f"  line {i + 1}\n    base: {a[i][:400] if i < len(a) else '-'}\n"
                  f"    now:  {b[i][:400] if i < len(b) else '-'}")  # fmt: skip
    print("identical" if not bad else f"{bad} file(s) differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Dump (and with ``--compare``, compare); 1 when anything differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the dumps (outside the repository)")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic corpus size")
    parser.add_argument("--seed", type=int, default=5, help="synthetic corpus seed")
    parser.add_argument("--compare", type=Path, help="a folder dumped before: compare, exit 1")
    parser.add_argument("--seeds-only", action="store_true", help="skip the synthetic corpus")
    parser.add_argument("--memory", action="store_true",
                        help="answer from the table in memory, not its store")  # fmt: skip
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    questions = question_sets() + probes()
    config = load_config(ROOT / "config.yaml", {})
    with tempfile.TemporaryDirectory() as tmp:
        dump(args.out, "seeds", dataclasses.replace(config, table_path=Path(tmp) / "facts.json"),
             questions, ui=True, store=not args.memory)  # fmt: skip
        if not args.seeds_only:
            synth = load_config(write_project(Path(tmp) / "synth", args.articles, args.seed), {})
            dump(args.out, f"synth{args.articles}", synth, questions, store=not args.memory)
    if args.compare:
        return compare(args.out, args.compare, "synth" if args.seeds_only else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
