"""``lazy_re``: a module's regular expression, compiled when it is first used.

A cold ``python -m bot ask`` imports the whole core, whose module-level patterns (~250) took
~60 ms to compile, a fifth of it, while answering a question uses about a quarter of them (the
extraction modules' none). A pattern made here is compiled on its first use; from then on its
methods are the compiled pattern's own, so a use costs what it did. (``bot.text.Pattern``,
which the fact kinds use, is compiled late too and also spares scans with its needles.)
"""

from __future__ import annotations

import re
from typing import Any, cast

# what a compiled pattern offers (and ``_Later`` takes over from it when first used)
_ATTRIBUTES = frozenset(
    ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
     "pattern", "flags", "groups", "groupindex")
)  # fmt: skip


class _Later:
    """Stands for ``re.compile(source, flags)`` until first used, then holds its attributes."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # (only for an attribute not set yet)
        if name not in _ATTRIBUTES:
            raise AttributeError(name)
        rx = re.compile(self._source, self._flags)
        for attr in _ATTRIBUTES:
            setattr(self, attr, getattr(rx, attr))
        return getattr(rx, name)

    def __repr__(self) -> str:
        return f"lazy_re({self._source!r}, {self._flags!r})"


def lazy_re(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled when first used (it then behaves as the compiled
    pattern, but for ``isinstance``: pass its methods, not it, to the ``re`` functions)."""
    return cast("re.Pattern[str]", _Later(source, int(flags)))


__all__ = ["lazy_re"]
