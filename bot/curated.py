"""Curated facts: what an article lacks, added by hand with a reason and a source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import DataError
from .facts import MEETING, FactKind
from .kinds import KINDS
from .yamlio import Read, load_yaml

_KEYS = {"article", "kind", "value", "reason", "source"}
SUPPORTED = {MEETING}  # the kinds a curated entry may supply


@dataclass(frozen=True, slots=True)
class CuratedFact:
    """One hand-added fact about one article."""

    article: str
    kind: FactKind
    value: str
    reason: str
    source: str


def load_curated(path: Path, read: Read = Path.read_bytes) -> tuple[CuratedFact, ...]:
    """Load and validate the curated facts file; a missing file means no curated facts."""
    if not path.exists():
        return ()
    data = load_yaml(path, read=read)
    if not isinstance(data, dict) or data.get("version") != 1 or set(data) - {"version", "facts"}:
        raise DataError(path, "must be a mapping with version: 1 and facts: [...]")
    raw = data.get("facts") or []
    if not isinstance(raw, list):
        raise DataError(path, "must be a list", "facts")
    out: list[CuratedFact] = []
    for n, entry in enumerate(raw):
        where = f"facts[{n}]"
        if not isinstance(entry, dict):
            raise DataError(path, "must be a mapping", where)
        first = next((i for i, c in enumerate(out) if c.article == entry.get("article")), None)
        if first is not None:
            raise DataError(path, f"article {entry['article']!r} already has a curated fact "
                            f"(facts[{first}])", where)  # fmt: skip
        missing = sorted(_KEYS - set(entry))
        unknown = sorted(set(entry) - _KEYS)
        if missing:
            raise DataError(path, f"missing {', '.join(missing)}", where)
        if unknown:
            raise DataError(path, f"unknown key(s) {', '.join(unknown)}", where)
        if isinstance(entry["value"], date):  # YAML reads an unquoted 2023-05-24 as a date
            entry = {**entry, "value": entry["value"].isoformat()}
        for key in sorted(_KEYS):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise DataError(path, f"{key}: must be a non-empty string", where)
        kind = FactKind(entry["kind"])
        if kind not in KINDS:
            raise DataError(path, f"kind: unknown fact kind {entry['kind']!r}", where)
        if kind not in SUPPORTED:
            raise DataError(path, f"kind: {kind} cannot be curated (only: meeting)", where)
        try:
            date.fromisoformat(entry["value"])
        except ValueError:
            raise DataError(
                path, "value: a meeting needs an ISO date (YYYY-MM-DD)", where
            ) from None
        out.append(CuratedFact(entry["article"], kind, entry["value"], entry["reason"].strip(),
                               entry["source"].strip()))  # fmt: skip
    return tuple(out)
