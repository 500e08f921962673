"""Strict YAML loading for data files: duplicate keys are errors, errors name file and line."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys (PyYAML keeps the last silently)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


Read = Callable[[Path], bytes]  # how a loader reads a file (``build`` records what it read)


def load_yaml(path: Path, error: type[Exception] = DataError, read: Read = Path.read_bytes) -> Any:
    """Read and parse ``path``; raise ``error(path, problem)`` with the line on any failure."""
    try:
        text = read(path).decode("utf-8-sig")
    except FileNotFoundError:
        raise error(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise error(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror}") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}" if mark else ""
        raise error(path, f"{exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise error(path, f"invalid YAML: {exc}") from None


def check_template(
    path: Path | str, where: str, label: str, text: str, allowed: Iterable[str]
) -> None:
    """Raise DataError (naming file, entry and ``label``) unless ``text`` is a ``str.format``
    template using only ``allowed`` placeholders."""
    try:
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise DataError(path, f"{label}bad template ({exc})", where) from None
    bad = used - set(allowed)
    if bad:
        raise DataError(path, f"{label}unknown placeholder(s) {sorted(bad)} (allowed: "
                              f"{', '.join(sorted(allowed))})", where)  # fmt: skip
