"""Buttons' callback data, in Telegram's 64 bytes: Source (``src:``), a meeting's summary
(``mtg:``), a page of /meetings (``mtgs:``) and a "did you mean" question (``ask:``).

The Source button: which sentences an answer came from.

A key names the sources themselves: each article by a digest of its name and text, each sentence
by its number. So a button means the same after a restart or a /reload, tells nothing about other
chats, and goes stale (an alert, never other sentences) once its article changes. An answer with
more sources than 64 bytes can name gets a random key instead, kept in memory for its chat only.
A meeting button names the meeting's id (or a digest of a long one), so it too means the same
after a restart. A question button holds the question itself when it fits, else a random key
kept for its chat. No telegram import: these are strings and the fact table.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence

from ..facts import Fact, FactTable
from ..render import Source
from ..sources import fact_source

PREFIX = "src:"
LIMIT = 64  # bytes of callback_data Telegram accepts
_NAMED = PREFIX + "1"  # version 1 of the self-describing key
_PAYLOAD = (LIMIT - len(_NAMED)) * 6 // 8  # bytes that fit after it in base64
_REMEMBERED = PREFIX + "m"
_ID = 4  # bytes of an article's digest
MEETING = "mtg:"
PAGE = "mtgs:"
ASK = "ask:"
_DIGEST = "~"  # after MEETING: a digest of an id too long to name; after ASK: a remembered key


def article_id(stem: str, sha256: str) -> bytes:
    """The short digest naming an article: its stem and the hash of its text."""
    return hashlib.sha256(f"{stem}\0{sha256}".encode()).digest()[:_ID]


class SourceKeys:
    """Self-describing keys for the sources of one fact table's answers."""

    def __init__(self, table: FactTable):
        self._table = table
        self._facts: dict[str, list[Fact]] = {}  # an article's facts, read when first needed
        stems: dict[bytes, str | None] = {}
        self._ids: dict[str, bytes] = {}
        for stem in table.fact_articles():
            ident = article_id(stem, table.inputs.get(f"seeds/{stem}.txt", ""))
            stems[ident] = None if ident in stems else stem  # two articles, one digest: neither
            self._ids[stem] = ident
        self._stems = {ident: stem for ident, stem in stems.items() if stem is not None}

    def key(self, sources: Sequence[Source]) -> str | None:
        """The key naming ``sources`` in order, or None when they do not fit in 64 bytes."""
        payload = bytearray()
        for stem, run in _runs(sources):
            ident = self._ids.get(stem)
            numbers = [self._number(stem, src) for src in run]
            if ident is None or None in numbers:
                return None
            payload += ident + _varint(len(numbers))
            for number in numbers:
                payload += _varint(number)  # type: ignore[arg-type]
            if len(payload) > _PAYLOAD:
                return None  # many articles: no need to look up the rest
        key = _NAMED + base64.urlsafe_b64encode(payload).decode("ascii").rstrip("=")
        if len(key.encode("ascii")) > LIMIT or self.sources(key) != tuple(sources):
            return None  # too long, or a digest shared by two articles
        return key

    def sources(self, data: str | None) -> tuple[Source, ...] | None:
        """The sources a key names; None when it is not such a key or names what is not here."""
        if not data or not data.startswith(_NAMED) or len(data) > LIMIT:
            return None
        text = data[len(_NAMED) :]
        try:
            payload = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            return None
        out: list[Source] = []
        at = 0
        while at < len(payload):
            stem = self._stems.get(bytes(payload[at : at + _ID]))
            count, at = _read_varint(payload, at + _ID)
            if stem is None or count is None or count == 0:
                return None
            for _ in range(count):
                number, at = _read_varint(payload, at)
                source = None if number is None else self._source(stem, number)
                if source is None:
                    return None
                out.append(source)
        return tuple(out) or None

    def _number(self, stem: str, source: Source) -> int | None:
        """The sentence number (doubled, +1 for a curated fact's source) of ``source``."""
        for fact in self._of(stem):
            if fact.source == source.sentence and fact_source(fact) == source:
                return fact.sentence * 2 + bool(fact.curated)
        return None

    def _source(self, stem: str, number: int) -> Source | None:
        sentence, curated = divmod(number, 2)
        for fact in self._of(stem):
            if fact.sentence == sentence and bool(fact.curated) == bool(curated):
                return fact_source(fact)
        return None

    def _of(self, stem: str) -> list[Fact]:
        found = self._facts.get(stem)
        if found is None:
            found = self._facts[stem] = self._table.article_facts(stem) if stem in self._ids else []
        return found


class RememberedKeys:
    """Random keys for the sources of the last ``size`` answers too big to name, per chat."""

    def __init__(self, size: int = 1000):
        self.size = size
        self._items: OrderedDict[str, tuple[int | None, tuple[Source, ...]]] = OrderedDict()

    def key(self, sources: Sequence[Source], chat_id: int | None) -> str:
        """A new key for ``sources``, valid in ``chat_id`` only."""
        key = _REMEMBERED + secrets.token_urlsafe(12)
        self._items[key] = (chat_id, tuple(sources))
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return key

    def sources(self, data: str | None, chat_id: int | None) -> tuple[Source, ...] | None:
        """The sources behind ``data`` if it was given out in ``chat_id``, else None."""
        item = self._items.get(data) if data else None
        return item[1] if item is not None and item[0] == chat_id else None

    def __len__(self) -> int:
        return len(self._items)


def meeting_key(mid: str) -> str:
    """The callback data of a meeting's button: its id, or a digest of an id too long."""
    data = MEETING + mid
    if len(data.encode()) <= LIMIT and not mid.startswith(_DIGEST):
        return data
    return MEETING + _DIGEST + _digest(mid)


def meeting_of(data: str | None, table: FactTable) -> str | None:
    """The id of the meeting a button names, if the table has it."""
    if not data or not data.startswith(MEETING) or len(data) > LIMIT:
        return None
    rest = data[len(MEETING) :]
    if rest.startswith(_DIGEST):
        return next((m.id for m in table.meetings if _digest(m.id) == rest[1:]), None)
    return rest if table.meeting(rest) is not None else None


def page_key(offset: int) -> str:
    """The callback data of the button to a page of /meetings."""
    return f"{PAGE}{offset}"


def page_of(data: str | None) -> int | None:
    """The offset a page button names."""
    rest = data[len(PAGE) :] if data and data.startswith(PAGE) else ""
    return int(rest) if rest.isdigit() and len(rest) <= 9 else None


def _digest(text: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()[:9]).decode("ascii")


class AskKeys:
    """The callback data of "did you mean" buttons: the question itself, or a key per chat."""

    def __init__(self, size: int = 1000):
        self.remembered = RememberedKeys(size)

    def key(self, question: str, chat_id: int | None) -> str:
        """The data of a button that asks ``question`` in ``chat_id``."""
        data = ASK + question
        if len(data.encode()) <= LIMIT and not question.startswith(_DIGEST):
            return data
        key = self.remembered.key((Source("", question),), chat_id)
        return ASK + _DIGEST + key[len(_REMEMBERED) :]

    def question(self, data: str | None, chat_id: int | None) -> str | None:
        """The question a button asks, or None (not such a button, or forgotten)."""
        if not data or not data.startswith(ASK) or len(data.encode()) > LIMIT:
            return None
        rest = data[len(ASK) :]
        if not rest.startswith(_DIGEST):
            return rest or None
        found = self.remembered.sources(_REMEMBERED + rest[1:], chat_id)
        return found[0].sentence if found else None


def _runs(sources: Iterable[Source]) -> Iterator[tuple[str, list[Source]]]:
    """Consecutive sources of the same article, with its stem."""
    run: list[Source] = []
    stem = ""
    for source in sources:
        this = source.file.removesuffix(".txt")
        if run and this != stem:
            yield stem, run
            run = []
        stem = this
        run.append(source)
    if run:
        yield stem, run


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _read_varint(data: bytes, at: int) -> tuple[int | None, int]:
    """(the number at ``at``, the position after it); (None, ...) past the end or too long."""
    n = shift = 0
    while at < len(data) and shift < 28:
        byte = data[at]
        at += 1
        n |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return n, at
        shift += 7
    return None, at
