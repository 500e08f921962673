"""The shape of bot/: no import cycles, Telegram only in the shell, no intent named in code."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from tests.support import ROOT

BOT = ROOT / "bot"
SHELL = ("bot.tg",)  # the only modules that may import telegram or httpx


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every bot module -> the modules it imports (at any depth in its code, relative resolved)."""
    out: dict[str, set[str]] = {}
    for path in sorted(BOT.rglob("*.py")):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
        out[name] = found
    return out


def test_no_import_cycles() -> None:
    imports = _imports()
    graph = {m: {i for i in deps if i in imports and i != m} for m, deps in imports.items()}
    # A package's __init__ importing its own modules is how a package is made, not a cycle.
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, node, dep]))
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_only_the_shell_imports_telegram() -> None:
    for module, deps in _imports().items():
        if module.startswith(SHELL):
            continue
        network = sorted(d for d in deps if d.split(".")[0] in ("telegram", "httpx"))
        assert not network, f"{module} imports {network}"


def test_no_intent_is_named_in_code() -> None:
    """Intent behaviour is data (intents/*.yaml); a name in code would silently stop working
    when the intent is renamed. Fact kinds and gazetteer sections that share a name with an
    intent are kinds and sections; "events" in the picker is a word a question may hold."""
    from bot.gazetteer import SECTIONS
    from bot.kinds import KINDS

    words = {("bot/picker.py", "events"), ("bot/kinds/greeting.py", "greetings")}  # (a word of
    # the greeting's English, "conveyed greetings")

    names = set()
    for path in (ROOT / "intents").glob("*.yaml"):
        names |= {
            i["name"] for i in yaml.safe_load(path.read_text(encoding="utf-8")).get("intents") or []
        }
    names -= set(KINDS) | set(SECTIONS)
    assert len(names) >= 10
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                where = str(path.relative_to(ROOT))
                if (where, node.value) not in words:
                    assert node.value not in names, f"{where}: {node.value!r}"
