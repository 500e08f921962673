"""Checking a reply against a question-set entry (``tests/questions*.yaml``): ``check``; and a
conversation's turn (``tests/data/dialogues/*.yaml``): ``turn_problems``.

One home for what "correct" means, shared by ``python -m bot eval``, the tests and the
benchmark: an entry is ``{q, intent?, expect?, reject?, decline?}``; ``expect`` strings must all
be in the reply, ``reject`` strings none of them, case-insensitively, and an entry of either may
be a list of alternatives (any one will do). A dialogue file is ``{conversations: [{name, turns:
[{say, matched?, expect?, reject?, wait?}]}]}``: the turns of one conversation are messages of one
user in one chat; "@bot" in ``say`` marks a message addressed to the bot in a group; ``wait`` is
the seconds that pass before the turn.
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


def said(turn: Mapping[str, object]) -> str:
    """What a turn says, without the "@bot" that addresses it in a group."""
    return " ".join(str(turn.get("say", "")).replace("@bot", " ").split())


def waited(turn: Mapping[str, object]) -> float:
    """The seconds the clock moves on before a turn (its ``wait``; 0 without one)."""
    wait = turn.get("wait", 0)
    return float(wait) if isinstance(wait, int | float) and not isinstance(wait, bool) else 0.0


def turn_problems(turn: Mapping[str, object], text: str, matched: bool,
                  short_declines: bool = False) -> list[str]:  # fmt: skip
    """What is wrong with reply ``text`` to a turn (nothing: []). ``short_declines``: a decline
    is one short line here (a group), so it cannot hold what the turn expects of one."""
    problems = []
    if "matched" in turn and bool(turn["matched"]) != matched:
        problems.append(f"matched is {matched}")
    lower = text.lower()
    if not (short_declines and not matched):
        problems += [f"missing {e!r}" for e in entries(turn, "expect") if not found(e, lower)]
    problems += [f"has {e!r}" for e in entries(turn, "reject") if found(e, lower)]
    return problems


def conversations(data: object) -> list[Mapping[str, object]]:
    """The conversations of a dialogue file's data; ValueError naming what is wrong."""
    items = data.get("conversations") if isinstance(data, Mapping) else None
    if not isinstance(items, list) or not items:
        raise ValueError("must be a mapping with conversations: [...]")
    for n, conv in enumerate(items):
        turns = conv.get("turns") if isinstance(conv, Mapping) else None
        named = isinstance(conv, Mapping) and isinstance(conv.get("name"), str)
        said = isinstance(turns, list) and all(
            isinstance(t, Mapping) and isinstance(t.get("say"), str) for t in turns
        )
        if not named or not said or not turns:
            raise ValueError(f"conversations[{n}]: needs a name and turns with a string say")
    return items


__all__ = ["ANY", "DECLINE", "check", "conversations", "entries", "found", "said",
           "turn_problems", "waited"]  # fmt: skip
