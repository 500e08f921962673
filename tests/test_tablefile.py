"""A fact table that does not load cleanly is rebuilt, never shown or crashed on (issue 14).

Wrong shapes, deep nesting, a flipped byte, a broken section inside the table: ``ask`` answers
from a rebuilt table and says why on stderr; when it cannot rebuild, one line and exit 2, naming
the file that is actually broken.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import load_config
from bot.errors import DataError
from bot.facts import load_table
from bot.kinds import READERS
from bot.tablefile import seal, unseal, write_sealed
from tests.support import make_project

QUESTION = "who was there?"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """(config.yaml, the table) of a private project whose table is built and current."""
    config = make_project(tmp_path, json_table=True).path
    assert main(["--config", str(config), "build"]) == 0
    return config, tmp_path / "table" / "facts.json"


def ask(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--config", str(config), "ask", QUESTION])
    out, err = capsys.readouterr()
    return code, out, err


def rebuilt_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "rebuilt the fact table" in r.getMessage()]


def table_json(table: Path) -> dict[str, Any]:
    """The table as data, without its checksum (a sealed table is one JSON object, too)."""
    data = json.loads(table.read_bytes())
    data.pop("checksum", None)
    return data  # type: ignore[no-any-return]


def sealed(data: Any) -> bytes:
    return bytes(seal(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"))


def _fact_not_an_object(data: dict[str, Any]) -> Any:
    data["facts"][3] = "not a fact"
    return data


def _fact_value_a_number(data: dict[str, Any]) -> Any:
    data["facts"][0]["sentence"] = "seven"
    return data


def _facts_missing(data: dict[str, Any]) -> Any:
    del data["facts"]
    return data


def _articles_not_objects(data: dict[str, Any]) -> Any:
    data["articles"] = [1, 2]
    return data


def _unknown_fact_kind(data: dict[str, Any]) -> Any:
    data["facts"][0]["kind"] = "gossip"
    return data


WRONG_SHAPES = {
    "empty list": lambda data: [],
    "null": lambda data: None,
    "a number": lambda data: 1,
    "a string": lambda data: "facts",
    "fact not an object": _fact_not_an_object,
    "fact field of the wrong type": _fact_value_a_number,
    "facts missing": _facts_missing,
    "articles not objects": _articles_not_objects,
    "unknown fact kind": _unknown_fact_kind,
}
DEEP = b"[" * 200_000 + b"]" * 200_000


TOP_LEVEL = {"empty list", "null", "a number", "a string"}  # no checksum can be added to these
CASES = [(shape, sealed) for shape in WRONG_SHAPES for sealed in (False, True)
         if not (sealed and shape in TOP_LEVEL)]  # fmt: skip


@pytest.mark.parametrize(
    ("shape", "with_checksum"), CASES, ids=[f"{s}-{'sealed' if c else 'plain'}" for s, c in CASES]
)
def test_table_of_the_wrong_shape_is_rebuilt(
    project: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture, shape: str, with_checksum: bool,
) -> None:  # fmt: skip
    config, table = project
    good = table.read_bytes()
    data = WRONG_SHAPES[shape](table_json(table))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    table.write_bytes(sealed(data) if with_checksum else text.encode("utf-8"))
    with pytest.raises(DataError, match="facts.json"):
        load_table(table, READERS)
    caplog.set_level(logging.INFO)
    code, out, err = ask(config, capsys)
    assert code == 0, err
    assert "Xi Jinping" in out and err == ""
    (line,) = rebuilt_lines(caplog)
    assert "facts.json" in line
    assert table.read_bytes() == good  # rebuilt, and the same as before
    caplog.clear()
    assert ask(config, capsys)[0] == 0 and rebuilt_lines(caplog) == []


@pytest.mark.parametrize(
    "raw",
    [DEEP, b"{" * 10_000, b"", b"\xff\xfe", b"null\n"],
    ids=["deeply nested", "unclosed", "empty", "not UTF-8", "null"],
)
def test_unparsable_table_is_rebuilt(
    project: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture, raw: bytes,
) -> None:  # fmt: skip
    config, table = project
    inside = seal('{\n "facts": ' + raw.decode("utf-8", "replace") + "\n}\n")  # checksum right
    for content in (raw, inside):
        table.write_bytes(content)
        with pytest.raises(DataError, match="facts.json"):
            load_table(table, READERS)
        caplog.clear()
        caplog.set_level(logging.INFO)
        code, out, err = ask(config, capsys)
        assert code == 0 and "Xi Jinping" in out, err
        assert len(rebuilt_lines(caplog)) == 1


def test_flipped_byte_is_noticed_not_shown(
    project: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    config, table = project
    raw = table.read_bytes()
    assert raw.count(b"Who was there:") == 1
    table.write_bytes(raw.replace(b"Who was there:", b"Who was ehere:"))
    caplog.set_level(logging.INFO)
    code, out, err = ask(config, capsys)
    assert code == 0, err
    assert out.startswith("Who was there:") and "ehere" not in out
    (line,) = rebuilt_lines(caplog)
    assert "checksum" in line
    assert table.read_bytes() == raw


def test_every_single_byte_flip_is_noticed(project: tuple[Path, Path]) -> None:
    _, table = project
    raw = table.read_bytes()
    for at in range(0, len(raw), max(1, len(raw) // 300)):
        for bit in (0x01, 0x20, 0x80):
            flipped = bytearray(raw)
            flipped[at] ^= bit
            table.write_bytes(flipped)
            with pytest.raises(DataError, match="facts.json"):
                load_table(table, READERS)


def test_seal_and_unseal_round_trip() -> None:
    text = json.dumps({"b": 1, "a": ["é", {"c": None}]}, ensure_ascii=False, indent=1) + "\n"
    raw = bytes(seal(text))
    assert json.loads(raw) == {
        "b": 1,
        "a": ["é", {"c": None}],
        "checksum": json.loads(raw)["checksum"],
    }
    assert list(json.loads(raw)) == ["checksum", "b", "a"]
    assert unseal(raw, "t.json") == {"b": 1, "a": ["é", {"c": None}]}
    for bad in (raw[:-2], raw + b" ", raw.replace(b'"b": 1', b'"b": 2'), text.encode()):
        with pytest.raises(DataError, match=r"^t\.json: "):
            unseal(bad, "t.json")


def test_written_as_it_is_made_is_what_seal_makes(project: tuple[Path, Path]) -> None:
    """``dump_table`` streams the table through ``write_sealed`` (issue 17): the file is
    ``seal`` of the whole text, whatever the chunks."""
    _, path = project
    table = load_table(path, READERS)
    assert path.read_bytes() == bytes(seal(table.to_json()))
    text = json.dumps({"b": 1, "a": ["é", {"c": None}]}, ensure_ascii=False, indent=1) + "\n"
    for cut in (3, 4, 10, len(text) - 1):
        out = io.BytesIO()
        out.write(b"before ")
        write_sealed([text[:cut], "", text[cut:]], out)
        assert out.getvalue() == b"before " + bytes(seal(text))
    for bad in ([], ["[1]"], ["{}"]):
        with pytest.raises(ValueError, match="indented JSON object"):
            write_sealed(bad, io.BytesIO())


# --------------------------------------------------------------------------- item 7


def _bad_glossary(data: dict[str, Any]) -> dict[str, Any]:
    data["glossary"]["templates"] = 5
    return data


def _bad_gazetteer(data: dict[str, Any]) -> dict[str, Any]:
    data["gazetteer"]["venues"] = ["not", "a", "mapping"]
    return data


def _bad_intent(data: dict[str, Any]) -> dict[str, Any]:
    del data["intents"][0]["examples"]
    return data


@pytest.mark.parametrize(
    "breakage",
    [_bad_glossary, _bad_gazetteer, _bad_intent],
    ids=["glossary", "gazetteer", "intent"],
)
@pytest.mark.parametrize("with_checksum", [False, True], ids=["plain", "sealed"])
def test_broken_section_inside_the_table_names_the_table(
    project: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture, breakage: Any, with_checksum: bool,
) -> None:  # fmt: skip
    """The table's copy of the glossary is broken, not bot/data/glossary.yaml: it is rebuilt."""
    config, table = project
    good = table.read_bytes()
    data = breakage(table_json(table))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    table.write_bytes(sealed(data) if with_checksum else text.encode("utf-8"))
    caplog.set_level(logging.INFO)
    code, out, err = ask(config, capsys)
    assert code == 0, err
    assert "Xi Jinping" in out
    (line,) = rebuilt_lines(caplog)
    assert str(table.resolve()) in line or str(table) in line
    assert "bot/data/" not in line
    assert table.read_bytes() == good


def test_corrupt_table_that_cannot_be_rebuilt_is_one_line_and_exit_2(
    project: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    config, table = project
    table.write_bytes(b"[]")
    (table.parent.parent / "seeds" / "005_broken.txt").write_bytes(b"\xff\xfe broken")
    cfg = load_config(config)
    text = config.read_text(encoding="utf-8").replace(
        "on_bad_article: skip", "on_bad_article: reject"
    )
    config.write_text(text, encoding="utf-8")
    code, out, err = ask(config, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "005_broken.txt: not UTF-8" in err
    assert cfg.table_path.read_bytes() == b"[]"  # a failed build never replaces the table


def test_ask_in_a_real_process_says_why_it_rebuilt(project: tuple[Path, Path]) -> None:
    config, table = project
    table.write_bytes(table.read_bytes().replace(b"Who was there:", b"Who was ehere:"))
    runs = [
        subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "ask", QUESTION],
                       capture_output=True, text=True, timeout=60, cwd=config.parent)
        for _ in range(2)
    ]  # fmt: skip
    assert [r.returncode for r in runs] == [0, 0]
    assert all(r.stdout.startswith("Who was there:") for r in runs)
    (line,) = runs[0].stderr.splitlines()
    assert "rebuilt the fact table" in line and "checksum" in line and "Traceback" not in line
    assert runs[1].stderr == ""
