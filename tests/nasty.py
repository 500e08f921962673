"""Bad-input test helpers: the nasty-strings corpus and the checks every reply must pass."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

from bot.language import DECLINE
from bot.render import TELEGRAM_LIMIT, Reply

NASTY_FILE = Path(__file__).parent / "data" / "nasty_strings.txt"
_PREFIX = "py:"
# The only markup render.py writes; everything else in Reply.html must be escaped text.
_OWN_TAGS = re.compile(r"</?(?:b|i|blockquote)>")
_ENTITIES = re.compile(r"&(?:amp|lt|gt|quot|#x27);")


def _literal(node: ast.expr) -> str:
    """A string literal, or literals joined with + and repeated with * an int (nothing else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal(node.left) + _literal(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        count = node.right.value if isinstance(node.right, ast.Constant) else None
        if type(count) is int:
            return _literal(node.left) * count
    raise ValueError(f"not a string expression: {ast.dump(node)}")


def load_nasty(path: Path = NASTY_FILE) -> list[str]:
    """The messages in ``path``: one per line, '#' comments, ``py:`` lines as Python literals."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        if line.startswith(_PREFIX):
            try:
                out.append(_literal(ast.parse(line[len(_PREFIX) :], mode="eval").body))
            except (SyntaxError, ValueError) as exc:
                raise ValueError(f"{path.name}:{n}: {exc}") from None
        else:
            out.append(line)
    return out


def check_reply(reply: Reply) -> None:
    """What every reply to any message must satisfy: an answer, small talk or a decline."""
    assert reply.kind in ("answer", "talk", "decline")
    assert reply.lang in ("en", "ru")
    assert reply.text.strip()
    assert len(reply.text) <= TELEGRAM_LIMIT and len(reply.html) <= TELEGRAM_LIMIT
    reply.text.encode("utf-8")  # raises on a lone surrogate: Telegram would reject the message
    reply.html.encode("utf-8")
    bare = _OWN_TAGS.sub("", reply.html)
    assert "<" not in bare and ">" not in bare, f"unescaped markup in {reply.html!r}"
    assert "&" not in _ENTITIES.sub("", bare), f"bare & in {reply.html!r}"
    # The HTML says exactly what the plain text says, but the "did you mean" questions: Telegram
    # shows them as buttons, the text as numbered lines.
    offered = "".join(f"\n{n}. {q}" for n, q in enumerate(reply.suggestions, start=1))
    assert html.unescape(bare) + offered == reply.text
    assert 0.0 <= reply.score <= 1.0
    if reply.kind == "answer":
        assert reply.intent and reply.sources
    elif reply.kind == "talk":
        assert reply.intent and not reply.sources and not reply.suggestions
    else:
        assert reply.intent is None and not reply.sources
        said = html.unescape(bare).split("\n")[0]
        assert said.endswith(DECLINE(reply.lang)) and len(said) < 300
        assert len(reply.suggestions) <= 3 and all(q.strip() for q in reply.suggestions)
