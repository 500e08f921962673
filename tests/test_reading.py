"""The Reader's reading a build stores with the table (bot/reading.py): read back, it is the one
a Reader works out; one made from other examples, or damaged, is worked out again.

(A process that has just built the table reads with the gazetteer as the build read it, not as
the store keeps it: the same names, in another order, which nothing reads in order.)"""

from __future__ import annotations

import json
from typing import Any

from bot.answer import table_reader
from bot.build import current_table
from bot.config import Config
from bot.reading import Reading


def _json(reading: Reading) -> str:
    return json.dumps(reading.to_json(), ensure_ascii=False)  # (order too: dicts keep theirs)


def test_the_stored_reading_is_the_one_worked_out(config: Config) -> None:
    current = current_table(config)
    stored = current.table.stored_reading()
    assert stored is not None
    _, fresh = table_reader(current.table, config, current.gazetteer)
    _, loaded = table_reader(current.table, config, current.gazetteer, stored)
    assert loaded.reading == fresh.reading  # (the same tables: dicts and sets equal)
    again = current_table(config)  # read back, as ``ask`` reads it: in the same order too
    _, worked_out = table_reader(again.table, config, again.gazetteer)
    assert _json(loaded.reading) == _json(worked_out.reading)
    assert loaded.vocabulary == fresh.vocabulary and loaded.entities == fresh.entities
    question = "when did xi n mishustin meet in moskow?"
    assert loaded.read(question).tokens == fresh.read(question).tokens


def test_a_reading_of_other_examples_or_damaged_is_worked_out_again(config: Config) -> None:
    current = current_table(config)
    stored: Any = current.table.stored_reading()
    _, fresh = table_reader(current.table, config, current.gazetteer)
    data: Any
    other = json.loads(json.dumps(stored))
    other["made_from"]["examples"].pop()
    other["examples"] = {}
    damaged = {k: v for k, v in stored.items() if k != "entities"}
    for data in (other, damaged, {"made_from": None}, []):
        assert Reading.from_json(data, fresh.reading.made_from) is None
        _, reader = table_reader(current.table, config, current.gazetteer, data)
        assert reader.reading == fresh.reading
