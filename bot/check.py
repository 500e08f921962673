"""Checking a reply against a question-set entry (``tests/questions*.yaml``): ``check``.

One home for what "correct" means, shared by ``python -m bot eval``, the tests and the
benchmark: an entry is ``{q, intent?, expect?, reject?, decline?}``; ``expect`` strings must all
be in the reply, ``reject`` strings none of them, case-insensitively, and an entry of either may
be a list of alternatives (any one will do).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .render import Reply

DECLINE = "(decline)"  # the label of an entry that must be declined
ANY = "(any)"  # the label of an entry that may be answered by any intent


def found(expected: object, text: str) -> bool:
    """One ``expect``/``reject`` entry in ``text`` (lower case): a string, or a list of
    alternatives of which any one will do."""
    options = expected if isinstance(expected, list) else [expected]
    return any(str(option).lower() in text for option in options)


def entries(item: Mapping[str, object], key: str) -> list[object]:
    """The ``expect`` or ``reject`` entries of ``item`` (none when absent)."""
    value = item.get(key) or []
    return list(value) if isinstance(value, list) else [value]


def check(ask: Callable[[str], Reply], item: Mapping[str, object]) -> tuple[bool, str, str]:
    """Ask the entry's question: (correct, expected label, got label)."""
    reply = ask(str(item["q"]))
    got = reply.intent or DECLINE
    if item.get("decline"):
        return not reply.matched, DECLINE, got
    expected = str(item.get("intent", ANY))
    text = reply.text.lower()
    ok = reply.matched and (expected == ANY or reply.intent == expected)
    ok = ok and all(found(e, text) for e in entries(item, "expect"))
    ok = ok and not any(found(e, text) for e in entries(item, "reject"))
    if reply.matched and reply.intent == expected and not ok:
        got = f"{got} (wrong text)"
    return ok, expected, got


__all__ = ["ANY", "DECLINE", "check", "entries", "found"]
