"""Broken configuration and data through the CLI: exit code 2 and exactly one stderr line that
names the file, the line where YAML reports one, the entry and the problem; never a traceback.

Each case is listed once in CASES: how to break a fresh copy of the project, and the text the
error line must contain after the path of the project's folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main
from bot.curated import load_curated
from bot.errors import DataError
from tests.support import BAD_BYTES, Project

INTENT = (
    "  - name: {name}\n    answers: [meeting]\n    reply: {{en: 'On {{value}}.', ru: 'Тогда'}}\n"
)


def _append(name: str, text: str) -> Callable[[Path], None]:
    def append(root: Path) -> None:
        with (root / name).open("a", encoding="utf-8") as out:
            out.write(text)

    return append


def _write(name: str, data: str | bytes) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        path = root / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")

    return write


def _intents(*entries: str) -> Callable[[Path], None]:
    return _write("intents/zz_extra.yaml", "version: 1\nintents:\n" + "".join(entries))


def _empty_seeds(root: Path) -> None:
    for path in (root / "seeds").glob("*.txt"):
        path.unlink()


CURATED = "version: 1\nfacts:\n  - article: {article}\n    kind: meeting\n    value: '2023-05-24'\n"
CURATED_ENTRY = (
    "  - {article: 000_8b0d3a19ac3361c9, kind: meeting, value: '2023-05-24', "
    "reason: no date line, source: Xinhua}\n"
)


@dataclass(frozen=True)
class Case:
    """One way to break the project and what the one error line must say (a regex)."""

    id: str
    breakage: Callable[[Path], None]
    expected: str
    command: tuple[str, ...] = ("ask", "when did they meet")
    reject: bool = False  # run with build.on_bad_article: reject


CASES = [
    Case("missing config.yaml", lambda root: (root / "config.yaml").unlink(),
         r"config\.yaml: file not found"),
    Case("invalid YAML", _append("config.yaml", "match: [0.5,\n"),
         r"config\.yaml: line 9: expected the node content, but found '<stream end>'"),
    Case("tab in YAML", _append("config.yaml", "match:\n\tthreshold: 0.5\n"),
         r"config\.yaml: line 9: found character '\\t' that cannot start any token"),
    Case("config not UTF-8", _write("config.yaml", b"version: 1\n# \xff\n"),
         r"config\.yaml: not UTF-8 \(invalid start byte at byte 13\)"),
    Case("config not a mapping", _write("config.yaml", "- version: 1\n"),
         r"config\.yaml: top level: must be a mapping"),
    Case("unknown key", _append("config.yaml", "match:\n  treshold: 0.5\n"),
         r"config\.yaml: match: unknown key 'treshold' \(known: max_chars, threshold\)"),
    Case("unknown section", _append("config.yaml", "colour: red\n"),
         r"config\.yaml: top level: unknown key 'colour'"),
    Case("string for threshold", _append("config.yaml", "match:\n  threshold: high\n"),
         r"config\.yaml: match: threshold: has the wrong type \(str\)"),
    Case("threshold out of range", _append("config.yaml", "match:\n  threshold: 1.5\n"),
         r"config\.yaml: match: threshold: must be between 0\.0 and 1\.0"),
    Case("duplicate key in config", _append("config.yaml", "seeds_dir: elsewhere\n"),
         r"config\.yaml: line 8: duplicate key 'seeds_dir' \(first at line 2\)"),
    Case("missing seeds folder", lambda root: shutil.rmtree(root / "seeds"),
         r"seeds: seeds folder not found"),
    Case("empty seeds folder", _empty_seeds,
         r"seeds: no articles \(\*\.txt\) in the seeds folder"),
    Case("article not UTF-8", _write("seeds/005_broken.txt", BAD_BYTES),
         r"seeds/005_broken\.txt: not UTF-8 \(byte 44\)", reject=True),
    Case("empty article", _write("seeds/005_empty.txt", ""),
         r"seeds/005_empty\.txt: no text \(empty or only a header\)", reject=True),
    Case("impossible date header", _write("seeds/005_date.txt", "date 2023-02-30\nXi met him.\n"),
         r"seeds/005_date\.txt: bad date header 'date 2023-02-30'", reject=True),
    Case("intent missing a field", _intents(INTENT.format(name="foo_bar")),
         r"intents/zz_extra\.yaml: intent 'foo_bar': missing key 'examples'"),
    Case("duplicate intent in two files",
         _intents(INTENT.format(name="trade") + "    examples: [zzz qqq]\n"),
         r"intents/zz_extra\.yaml: intent 'trade': duplicate name \(also in topics\.yaml\)"),
    Case("duplicate intent in one file",
         _intents(INTENT.format(name="foo_bar") + "    examples: [zzz qqq]\n",
                  INTENT.format(name="foo_bar") + "    examples: [qqq www]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': duplicate name \(earlier in this file\)"),
    Case("duplicate YAML key in an intent",
         _intents(INTENT.format(name="foo_bar") + "    answers: [trade]\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: line 6: duplicate key 'answers' \(first at line 4\)"),
    Case("invalid YAML in an intent file", _intents("  - name: [\n"),
         r"intents/zz_extra\.yaml: line 4: expected the node content"),
    Case("unknown kind of answer", _intents(INTENT.format(name="foo_bar") + "    asks: price\n"
                                            "    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': asks: must be one of facts, date, place"),
    Case("a flag that is not a boolean",
         _intents(INTENT.format(name="foo_bar") + "    narrow: yes please\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': narrow: must be true or false"),
    Case("a frame word used twice", _intents(INTENT.format(name="foo_bar") + "    asks: date\n"
                                             "    frame: [when]\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': frame: 'when' also frames 'meeting_date'"),
    Case("a frame on an intent that asks for facts",
         _intents(INTENT.format(name="foo_bar") + "    frame: [whenever]\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': frame: only an intent that asks for a date"),
    Case("an intent that declines and answers",
         _intents(INTENT.format(name="foo_bar") + "    declines: true\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': answers: an intent that declines answers"),
    Case("small talk that answers",
         _intents(INTENT.format(name="foo_bar") + "    asks: talk\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': answers: an intent that is small talk "
         r"\(asks: talk\) answers nothing"),
    Case("suggestions on an intent that is not small talk",
         _intents(INTENT.format(name="foo_bar") + "    suggest: true\n    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: intent 'foo_bar': suggest: only small talk"),
    Case("a topic without its Russian heading",
         _write("intents/zz_extra.yaml", "version: 1\ntopic: {en: Extra}\nintents:\n"
                + INTENT.format(name="foo_bar") + "    examples: [zzz]\n"),
         r"intents/zz_extra\.yaml: topic: must map each language \(en, ru\) to a heading"),
    Case("opposites that are not two lists of words",
         _write("intents/zz_extra.yaml", "version: 1\nopposites:\n  - [[best], worst]\n"),
         r"intents/zz_extra\.yaml: opposites\[0\]: must be two non-empty lists of words"),
    Case("a word on both sides of opposites",
         _write("intents/zz_extra.yaml", "version: 1\nopposites:\n  - [[best, top], [top]]\n"),
         r"intents/zz_extra\.yaml: opposites\[0\]: 'top' is on both sides"),
    Case("persistence that is not a path", _append("config.yaml", "telegram:\n  persistence: 5\n"),
         r"config\.yaml: telegram: persistence: has the wrong type \(int\)"),
    Case("curated fact without a source",
         _write("seeds/curated.yaml", CURATED.format(article="000_8b0d3a19ac3361c9")
                + "    reason: the article has no date\n"),
         r"seeds/curated\.yaml: facts\[0\]: missing source"),
    Case("curated fact naming a missing article",
         _write("seeds/curated.yaml", CURATED.format(article="099_gone")
                + "    reason: the article has no date\n    source: Xinhua\n"),
         r"seeds/curated\.yaml: facts\[0\]: no article '099_gone' in \S+/seeds"),
    Case("curated fact repeated",
         _write("seeds/curated.yaml", "version: 1\nfacts:\n" + 2 * CURATED_ENTRY),
         r"seeds/curated\.yaml: facts\[1\]: article '000_8b0d3a19ac3361c9' already has a "
         r"curated fact \(facts\[0\]\)"),
    Case("table path is a folder", lambda root: (root / "table" / "facts.json").mkdir(parents=True),
         r"table/facts\.json: cannot write the fact table: Is a directory", command=("build",)),
]  # fmt: skip
SUBPROCESS = {"missing config.yaml", "invalid YAML in an intent file", "article not UTF-8"}


def broken_project(tmp: Path, case: Case, make_project: Callable[..., Project]) -> Path:
    config = make_project(tmp, on_bad_article="reject" if case.reject else "skip").path
    case.breakage(tmp)
    return config


def assert_one_line(err: str, tmp: Path, case: Case) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert re.fullmatch(rf"error: {re.escape(str(tmp.resolve()))}/{case.expected}.*\n", err), err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_input_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: Case,
    make_project: Callable[..., Project],
) -> None:
    config = broken_project(tmp_path, case, make_project)
    assert main(["--config", str(config), *case.command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line(err, tmp_path, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.id in SUBPROCESS], ids=lambda c: c.id)
def test_broken_input_in_a_real_process(
    tmp_path: Path, case: Case, make_project: Callable[..., Project]
) -> None:
    config = broken_project(tmp_path, case, make_project)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), *case.command],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 2 and run.stdout == ""
    assert_one_line(run.stderr, tmp_path, case)


def test_curated_date_may_be_unquoted(tmp_path: Path) -> None:
    """YAML reads an unquoted 2023-05-24 as a date; that is what the author meant, not an error."""
    path = tmp_path / "curated.yaml"
    path.write_text(CURATED_ENTRY.replace("'2023-05-24'", "2023-05-24").join(
        ["version: 1\nfacts:\n", ""]), encoding="utf-8")  # fmt: skip
    (fact,) = load_curated(path)
    assert fact.value == "2023-05-24"
    path.write_text(path.read_text(encoding="utf-8").replace("2023-05-24", "2023-05-24 10:00:00"))
    with pytest.raises(DataError, match=re.escape("facts[0]: value: a meeting needs an ISO date")):
        load_curated(path)
