"""The fact table's file envelope: a checksum over its text and a check of its JSON's shape.

A table changed or damaged after ``build`` wrote it (a flipped byte, ``[]``, facts that are not
objects) fails to load with a DataError naming the table, so it is rebuilt, never shown to users.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

from .errors import DataError

# The checksum is the first key of the table's JSON object: ``{\n "checksum": "<sha256>",\n``,
# the sha256 of the text without that line. The file stays one JSON object.
_HEAD = b'{\n "checksum": "'
_TAIL = b'",\n'
_HEX = 64
# JSON types a dataclass field may hold in the file, by its annotation. Annotations not listed
# here are not checked (the constructor still rejects what it cannot take).
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "int | None": (int, type(None)),
    "float | None": (int, float, type(None)),
    "str | None": (str, type(None)),
    "FactKind": (str,),
    "tuple[tuple[str, str], ...]": (list,),
}
# The top-level keys and what each holds.
_LAYOUT: dict[str, type] = {
    "version": int,
    "inputs": dict,
    "articles": list,
    "intents": list,
    "lexicon": dict,
    "gazetteer": dict,
    "glossary": dict,
    "facts": list,
}


def seal(text: str) -> bytearray:
    """``text``, a JSON object as ``json.dumps(..., indent=1)`` writes it, with its checksum."""
    out = bytearray(text, "utf-8")  # one buffer, changed in place: tables reach 10 MB
    if not out.startswith(b'{\n "'):
        raise ValueError("seal() takes an indented JSON object with at least one key")
    out[:2] = _HEAD + hashlib.sha256(out).hexdigest().encode("ascii") + _TAIL
    return out


def write_sealed(chunks: Iterable[str], out: BinaryIO) -> None:
    """Write to ``out`` what ``seal`` makes of the text that ``chunks`` make up, as they come:
    the checksum line is written blank first and filled in at the end (``out`` must seek)."""
    start = out.tell()
    digest = hashlib.sha256(b"{\n")
    out.write(_HEAD + b"0" * _HEX + _TAIL)
    opening: bytes | None = b""  # the first bytes, until they show an indented JSON object
    for chunk in chunks:
        data = chunk.encode("utf-8")
        if opening is not None:
            opening += data
            if len(opening) < 4:
                continue
            if not opening.startswith(b'{\n "'):
                break
            data, opening = opening[2:], None
        digest.update(data)
        out.write(data)
    if opening is not None:
        raise ValueError("write_sealed() takes an indented JSON object with at least one key")
    end = out.tell()
    out.seek(start + len(_HEAD))
    out.write(digest.hexdigest().encode("ascii"))
    out.seek(end)


def unseal(raw: bytes, path: Path | str) -> Any:
    """The JSON data ``seal`` was given (no checksum key); DataError when there is no checksum
    or it does not match. Invalid JSON raises what ``json.loads`` raises."""
    end = len(_HEAD) + _HEX
    if not raw.startswith(_HEAD) or raw[end : end + len(_TAIL)] != _TAIL:
        raise DataError(path, "no checksum (not a table written by this version of the bot)")
    digest = hashlib.sha256(b"{\n")
    digest.update(memoryview(raw)[end + len(_TAIL) :])  # no copy of the body
    if digest.hexdigest().encode("ascii") != raw[len(_HEAD) : end]:
        raise DataError(path, "checksum mismatch (the file changed after it was written)")
    text = raw.decode("utf-8")  # it matched what seal() encoded, so it is UTF-8
    del raw  # the caller passes the only reference: parse with one copy of the table in memory
    data = json.loads(text)
    data.pop("checksum")  # the first key, as the header check saw
    return data


def check_shape(data: Any, path: Path | str, fact: type, article: type) -> dict[str, Any]:
    """``data`` if it has the layout of a table whose facts and articles are dataclasses ``fact``
    and ``article``; else a DataError saying where it does not."""
    if not isinstance(data, dict):
        raise DataError(path, f"not a fact table (the top level is {_json_name(data)})")
    for key, kind in _LAYOUT.items():
        if not isinstance(data.get(key), kind):
            raise DataError(path, f"must be {_json_name(kind())}", key)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in data["inputs"].items()):
        raise DataError(path, "must map names to hashes", "inputs")
    _check_records(data["articles"], article, "articles", path)
    _check_records(data["facts"], fact, "facts", path)
    if not all(isinstance(i, dict) for i in data["intents"]):
        raise DataError(path, "must be a list of objects", "intents")
    return data


def _check_records(items: Iterable[Any], cls: type, section: str, path: Path | str) -> None:
    types = {f.name: _JSON_TYPES[f.type] for f in fields(cls)
             if isinstance(f.type, str) and f.type in _JSON_TYPES}  # fmt: skip
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise DataError(path, f"must be an object, not {_json_name(item)}", f"{section}[{n}]")
        for key, value in item.items():
            allowed = types.get(key)
            if allowed is not None and type(value) not in allowed:
                raise DataError(path, f"{key}: {_json_name(value)} of the wrong type",
                                f"{section}[{n}]")  # fmt: skip


def _json_name(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}  # fmt: skip
    return names.get(type(value), type(value).__name__)
