"""Project folders: config discovery, the bundled demo, ``factbot init``, the cache fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot
from bot.build import build, ensure_table, table_location
from bot.cli import main
from bot.config import cache_table_path, load_config
from bot.errors import ConfigError
from bot.factstore import store_path
from bot.project import demo_dir, find_project, init_project
from tests.support import ROOT


def _config(folder: Path, table: str = "facts.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yaml"
    path.write_text(f"version: 1\nseeds_dir: {ROOT / 'seeds'}\nintents_dir: {ROOT / 'intents'}\n"
                    f"curated: {ROOT / 'seeds' / 'curated.yaml'}\ntable: {table}\n",
                    encoding="utf-8")  # fmt: skip
    return path


def test_discovery_order(tmp_path: Path) -> None:
    arg, env, local = _config(tmp_path / "a"), _config(tmp_path / "b"), _config(tmp_path / "c")
    environ = {"FACTBOT_CONFIG": str(env)}
    cwd = local.parent
    assert find_project(str(arg), environ, cwd).config.path == arg
    assert find_project(None, environ, cwd).config.path == env
    found = find_project(None, {}, cwd)
    assert found.config.path == local and found.origin == "./config.yaml" and not found.is_demo
    demo = find_project(None, {}, tmp_path)
    assert demo.is_demo and demo.config.path == demo_dir() / "config.yaml"


def test_relative_paths_are_relative_to_the_config_not_the_cwd(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    init_project(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = find_project(None, {"FACTBOT_CONFIG": "../proj/config.yaml"}, elsewhere).config
    assert config.seeds_dir == project.resolve() / "seeds"
    assert config.table_path == project.resolve() / ".factbot" / "facts.json"


def test_a_named_config_that_is_missing_is_an_error_not_the_demo(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.yaml: file not found"):
        find_project(None, {"FACTBOT_CONFIG": str(tmp_path / "nope.yaml")}, tmp_path)
    with pytest.raises(ConfigError, match="nope.yaml: file not found"):
        find_project("nope.yaml", {}, tmp_path)


def test_in_a_checkout_the_demo_is_the_top_level_project() -> None:
    # an editable install or a checkout: no copies, the repository's own folders
    assert demo_dir() == ROOT
    assert not (ROOT / "bot" / "data" / "demo").exists()


def test_ask_with_no_config_says_once_which_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTBOT_CONFIG", raising=False)
    assert main(["ask", "how many times did they meet?"]) == 0
    out, err = capsys.readouterr()
    assert "4 times" in out
    assert err.count("bundled demo corpus (5 articles)") == 1 and "factbot init DIR" in err
    _config(tmp_path)
    assert main(["ask", "how many times did they meet?"]) == 0
    assert "bundled demo" not in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"factbot {bot.__version__}"


def test_init_writes_a_project_that_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new"
    assert main(["init", str(target)]) == 0
    assert "5 articles" in capsys.readouterr().out
    assert sorted(p.name for p in (target / "seeds").iterdir()) == sorted(
        p.name for p in (ROOT / "seeds").iterdir()
    )
    assert sorted(p.name for p in (target / "intents").iterdir()) == sorted(
        p.name for p in (ROOT / "intents").iterdir()
    )
    assert (target / "config.yaml").read_text(encoding="utf-8").startswith("# factbot")
    assert "seeds/" in (target / "README.md").read_text(encoding="utf-8")
    assert main(["--config", str(target / "config.yaml"), "ask", "when did they meet?"]) == 0
    assert "March 21, 2023" in capsys.readouterr().out
    assert (target / ".factbot" / "facts.sqlite").is_file()  # (the JSON table: build --json)


def test_init_empty_has_no_articles_and_says_so_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "empty"
    assert main(["init", "--empty", str(target)]) == 0
    assert list((target / "seeds").iterdir()) == []
    assert (target / "intents" / "lexicon.yaml").is_file()
    capsys.readouterr()
    assert main(["--config", str(target / "config.yaml"), "ask", "hi"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "seeds" in err[0] and "no articles" in err[0]


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "proj"
    target.mkdir()
    (target / "README.md").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert "README.md: already exists" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in target.iterdir()) == ["README.md"]  # nothing written
    assert (target / "README.md").read_text(encoding="utf-8") == "mine\n"


def test_init_into_a_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "taken")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "taken" in err


def test_cache_path_per_project_from_xdg_or_home(tmp_path: Path) -> None:
    table = tmp_path / "p" / ".factbot" / "facts.json"
    xdg = cache_table_path(tmp_path / "p", table, {"XDG_CACHE_HOME": "/c", "HOME": "/h"})
    assert xdg is not None and xdg.parent.parent == Path("/c/factbot")
    assert xdg.parent.name.startswith("p-") and xdg.name == "facts.json"
    home = cache_table_path(tmp_path / "p", table, {"XDG_CACHE_HOME": "rel", "HOME": "/h"})
    assert home is not None and home.parent.parent == Path("/h/.cache/factbot")
    assert cache_table_path(tmp_path / "p", table, {}) is None
    other = tmp_path / "q" / ".factbot" / "facts.json"
    assert cache_table_path(tmp_path / "q", other, {"HOME": "/h"}) != home
    assert cache_table_path(tmp_path / "p", table, {"HOME": "/h"}) == home


def test_a_writable_project_keeps_its_table(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path / "p", ".factbot/facts.json"), {"HOME": str(tmp_path)})
    assert config.table_cache is not None
    assert table_location(config) == config.table_path
    _, report = build(config)
    stored = store_path(config.table_path)
    assert report.table_path == config.table_path and stored.is_file()
    assert not config.table_cache.exists()
    written = stored.stat().st_mtime_ns
    assert ensure_table(config).facts  # fresh: loaded, not rebuilt
    assert stored.stat().st_mtime_ns == written
