"""Figures an article itself says were wrong: "Mishustin put trade at 6.8 trillion roubles, not
8.3 trillion as we reported", "trade was $312 billion, not $321 billion". Where the article gave
such a figure before (a live blog's earlier entry, a wire's first version), it is no figure: no
trade fact gives it and no statement or quoted sentence that says it is kept (``Context.retracted``
holds them, worked out once per article). Pure text work."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lazyre import lazy_re

# Abbreviated units as the words they stand for (the trade kind writes amounts with them too)
UNITS = {"bln": "billion", "bn": "billion", "tln": "trillion", "trln": "trillion",
         "trn": "trillion"}  # fmt: skip
_FIGURE_SOURCE = rf"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>trillion|billion|million|{'|'.join(UNITS)})\b"
# A figure said not to be the one, and a figure anywhere: its number and unit
_NOT = lazy_re(r"\b(?:not|rather\s+than|instead\s+of)\s*(?:US)?\$?\s*" + _FIGURE_SOURCE, re.I)
_FIGURE = lazy_re(_FIGURE_SOURCE, re.I)


def figure(n: str, unit: str) -> str:
    """A figure's number and unit as one key ("8.3 trillion"), whatever the abbreviation."""
    unit = unit.lower()
    return f"{n.replace(',', '.')} {UNITS.get(unit, unit)}"


def retracted(sentences: Iterable[str]) -> frozenset[str]:
    """The figures (``figure`` keys) the article says were not the ones."""
    return frozenset(figure(m["n"], m["unit"]) for s in sentences for m in _NOT.finditer(s))


def gives_retracted(text: str, wrong: frozenset[str]) -> bool:
    """True when ``text`` gives one of the ``wrong`` figures, other than in saying it is not."""
    if not wrong:
        return False
    denied = {m.start("n") for m in _NOT.finditer(text)}
    return any(figure(m["n"], m["unit"]) in wrong and m.start("n") not in denied
               for m in _FIGURE.finditer(text))  # fmt: skip
