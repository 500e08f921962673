"""The misses log: one JSON line per question the bot declined or answered with a low margin.

The Telegram shell calls ``MissLog.record`` while ``run`` runs; ``python -m bot misses``
(bot/misses.py) reads the file back. A line holds the time, the question (masked, at most 500
characters), its language, the chat type, the best intent, its score and margin, and why the bot
declined: never a user or chat id, a name or a username. Writing never raises: a full disk or a
read-only folder is logged once per episode and the bot goes on answering.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import Config
from .lazyre import lazy_re
from .render import Reply

log = logging.getLogger(__name__)

TEXT_LIMIT = 500
FIELDS = (
    "time",
    "text",
    "lang",
    "chat",
    "answered",
    "intent",
    "score",
    "margin",
    "reason",
    "detail",
)
# Why a line was written: the bot answered but its best two intents were close; it knew no word
# of the question; the out-of-scope intent won; the best intent scored below the threshold; or
# an intent matched but no meeting or fact fits (``detail`` then says why when the bot could).
REASONS = ("low_margin", "no_words", "off_topic", "below_threshold", "no_fact")

# What a question may hold about a person: e-mail addresses, t.me and other links, @handles,
# and long digit runs (phone numbers, Telegram ids). Years and year ranges ("2024-2025") stay.
_EMAIL = lazy_re(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = lazy_re(r"(?:https?://|www\.|\bt\.me/|\btelegram\.me/)\S*", re.I)
_HANDLE = lazy_re(r"(?<![\w@])@\w{2,}")
_DIGITS = lazy_re(r"\+?\d(?:[ ().-]{0,2}\d)+")
_YEARS = lazy_re(r"(?:19|20)\d\d(?:\s*[-–/]?\s*(?:19|20)\d\d)*")
LONG_NUMBER = 7  # digits


def _number(found: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in found.group())
    if digits < LONG_NUMBER or _YEARS.fullmatch(found.group()):
        return found.group()
    return "<number>"


def mask(text: str) -> str:
    """``text`` without e-mail addresses, links, @handles and long numbers; valid UTF-8."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    text = _LINK.sub("<link>", _EMAIL.sub("<email>", text))
    return _DIGITS.sub(_number, _HANDLE.sub("@user", text))


def miss_reason(reply: Reply, threshold: float) -> str:
    """One of ``REASONS`` for a reply worth logging."""
    best = reply.extra.get("best", "")
    if reply.matched:
        return "low_margin"
    if not best:
        return "no_words"
    if reply.extra.get("off_topic"):  # the closest intent is one that declines
        return "off_topic"
    return "below_threshold" if reply.score < threshold else "no_fact"


def miss_entry(
    question: str,
    reply: Reply,
    chat: str,
    margin: float,
    threshold: float,
    now: datetime | None = None,
) -> dict[str, Any] | None:
    """The log line for one question and its reply, or None when the bot answered clearly.

    ``chat`` is the chat type (private, group, supergroup), never the chat itself.
    """
    gap = round(reply.score - reply.runner_up, 4)
    if reply.matched and gap >= margin:
        return None
    now = now or datetime.now(UTC)
    return {
        "time": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "text": mask(question)[:TEXT_LIMIT],
        "lang": reply.lang,
        "chat": chat,
        "answered": reply.matched,
        "intent": (reply.intent if reply.matched else reply.extra.get("best")) or None,
        "score": round(reply.score, 4),
        "margin": gap,
        "reason": miss_reason(reply, threshold),
        "detail": reply.extra.get("reason", ""),
    }


class MissLog:
    """Appends lines to the misses log, rotating it past ``max_bytes``; thread-safe, never raises.

    The file is opened for each line (O_APPEND, one ``write``), so a curator may move or delete
    it while the bot runs. One process per file: rotation is not coordinated between processes.
    """

    def __init__(
        self,
        path: Path,
        *,
        margin: float = 0.05,
        threshold: float = 0.62,
        max_bytes: int = 5_000_000,
        backups: int = 3,
    ):
        self.path = path
        self.margin = margin
        self.threshold = threshold
        self.max_bytes = max_bytes
        self.backups = backups
        self._lock = threading.Lock()
        self._failing = False  # logged once when writing starts failing, once when it works again

    @classmethod
    def from_config(cls, config: Config) -> MissLog | None:
        """The log ``config`` asks for, or None when ``misses.path`` is null."""
        m = config.misses
        if m.path is None:
            return None
        return cls(
            m.path,
            margin=m.margin,
            threshold=config.match.threshold,
            max_bytes=m.max_bytes,
            backups=m.backups,
        )

    def record(self, question: str, reply: Reply, chat: str) -> bool:
        """Log ``question`` when ``reply`` is a miss; True when a line was written."""
        entry = miss_entry(question, reply, chat, self.margin, self.threshold)
        return entry is not None and self.write(entry)

    def write(self, entry: dict[str, Any]) -> bool:
        """Append one JSON line; False (and one warning per failing episode) when it fails."""
        data = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8", "replace")
        with self._lock:  # one writer at a time: a line is never split and rotation never races
            try:
                self._append(data)
            except OSError as exc:
                if not self._failing:
                    log.warning(
                        "misses log: cannot write %s (%s); questions are not recorded "
                        "until it works again",
                        self.path,
                        exc.strerror or exc,
                    )
                self._failing = True
                return False
            if self._failing:
                log.info("misses log: writing %s again", self.path)
                self._failing = False
            return True

    def _append(self, data: bytes) -> None:
        fd = self._open()
        try:
            size = os.fstat(fd).st_size
            if size and size + len(data) > self.max_bytes:
                os.close(fd)
                fd = -1
                self._rotate()
                fd = self._open()
                size = 0
            written = os.write(fd, data)
            if written != len(data):  # a full disk took part of the line: take it back
                os.ftruncate(fd, size)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        finally:
            if fd >= 0:
                os.close(fd)

    def _open(self) -> int:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        try:
            return os.open(self.path, flags, 0o600)
        except FileNotFoundError:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, flags, 0o600)

    def _rotate(self) -> None:
        """misses.jsonl -> .1 -> .2 ... -> .backups; the oldest falls off."""
        if self.backups == 0:
            os.unlink(self.path)
            return
        for n in range(self.backups - 1, 0, -1):
            older = rotated(self.path, n)
            if older.exists():
                os.replace(older, rotated(self.path, n + 1))
        os.replace(self.path, rotated(self.path, 1))


def rotated(path: Path, n: int) -> Path:
    """The ``n``-th rotated file of ``path`` (``misses.jsonl.1`` is the newest)."""
    return path.with_name(f"{path.name}.{n}")
