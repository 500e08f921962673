"""Each user's conversation context in each chat (what a follow-up refers to), behind one seam.

``Conversations`` is all the handlers know of where contexts are kept; ``ChatDataConversations``
keeps them in PTB's ``chat_data`` as plain data, so that PTB's persistence keeps them too.
Several bot processes behind one webhook would share them through another implementation of
the same two methods (a Redis hash per chat, say), a new module rather than a rewrite.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any, Protocol

from ..dialogue import Context as Dialogue

CONTEXTS = "contexts"  # chat_data key: user id -> that user's dialogue context, as plain data
SWEEP_EVERY = 1000  # contexts kept between two sweeps of expired ones out of chat_data


class Conversations(Protocol):
    """Where the users' conversation contexts are kept, per chat."""

    def get(self, chat_id: int, user_id: int, now: float) -> Dialogue | None:
        """The user's context in the chat, if there is one and it is still fresh at ``now``."""
        ...

    def put(self, chat_id: int, user_id: int, context: Dialogue | None, now: float) -> None:
        """Keep ``context`` for the user in the chat (None: forget the user's)."""
        ...


class ChatData(Protocol):
    """What ``ChatDataConversations`` uses of PTB's Application."""

    @property
    def chat_data(self) -> Mapping[int, MutableMapping[Any, Any]]:
        """Each chat's data; looking a chat up makes its (empty) entry, as in PTB."""
        ...

    def drop_chat_data(self, chat_id: int) -> None:
        """Forget a chat's data (and in the persistence)."""
        ...


class ChatDataConversations:
    """The contexts in PTB's ``chat_data`` (and its persistence): a chat's entry maps user ids to
    contexts as plain data. A chat gets an entry only when there is something to keep; every
    ``SWEEP_EVERY`` contexts kept, expired ones and chats left with nothing are forgotten."""

    def __init__(self, app: ChatData) -> None:
        self.app = app
        self._kept = 0  # contexts kept since the last sweep

    def get(self, chat_id: int, user_id: int, now: float) -> Dialogue | None:
        """The user's fresh context, read without making a chat_data entry."""
        return kept_context(self.app.chat_data.get(chat_id), user_id, now)

    def put(self, chat_id: int, user_id: int, context: Dialogue | None, now: float) -> None:
        """Keep (or forget) the user's context; sweep now and then."""
        kept = self.app.chat_data.get(chat_id)
        if context is None and not (kept and kept.get(CONTEXTS)):
            return  # nothing to keep, nothing to forget: no chat_data entry for this chat
        keep_context(self.app.chat_data[chat_id], user_id, context, now)
        self._kept += 1
        if self._kept >= SWEEP_EVERY:
            self._kept = 0
            self.sweep(now)

    def sweep(self, now: float) -> None:
        """Forget expired contexts in every chat, and chats with nothing else kept."""
        for chat_id, data in list(self.app.chat_data.items()):
            contexts = data.get(CONTEXTS)
            if isinstance(contexts, dict):
                for uid in [u for u, c in contexts.items() if not _fresh(c, now)]:
                    del contexts[uid]
                if not contexts:
                    del data[CONTEXTS]
            if not data:
                self.app.drop_chat_data(chat_id)


def kept_context(store: Mapping[Any, Any] | None, user_id: int | None,
                 now: float) -> Dialogue | None:  # fmt: skip
    """The user's context in a chat's ``chat_data``, if it is there and still fresh."""
    contexts = store.get(CONTEXTS) if store is not None else None
    if not isinstance(contexts, dict) or user_id is None:
        return None
    found = Dialogue.from_json(contexts.get(user_id))
    return found if found is not None and found.fresh(now) else None


def keep_context(store: MutableMapping[Any, Any], user_id: int, context: Dialogue | None,
                 now: float) -> None:  # fmt: skip
    """Keep ``context`` for the user in a chat's ``chat_data``; forget the chat's stale ones."""
    contexts = store.get(CONTEXTS)
    if not isinstance(contexts, dict):
        contexts = store[CONTEXTS] = {}
    for uid in [u for u, c in contexts.items() if not _fresh(c, now)]:
        del contexts[uid]
    if context is not None and context.fresh(now):
        contexts[user_id] = context.to_json()
    else:
        contexts.pop(user_id, None)
    if not contexts:
        del store[CONTEXTS]


def _fresh(data: Any, now: float) -> bool:
    context = Dialogue.from_json(data)
    return context is not None and context.fresh(now)


__all__ = ["CONTEXTS", "ChatDataConversations", "Conversations", "keep_context", "kept_context"]
