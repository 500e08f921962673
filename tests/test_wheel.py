"""The project installed as a user would: a wheel in a fresh virtualenv, run from other folders.

The wheel is built once per session with the build backend of the test environment, and installed
without dependencies into a new virtualenv that sees the test environment's installed packages
(PTB, rapidfuzz, PyYAML) through a plain path in a .pth file, so nothing is downloaded. A plain
path line is not a site directory: the .pth files in it, such as the editable install's path to
this checkout, are not read, so only the wheel's ``bot`` can be imported (checked below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import ROOT

QUESTION = "when did they meet?"
FOUR_MEETINGS = ("March 21, 2023", "May 24, 2023", "December 20, 2023", "November 4, 2025")
ARTICLES = ROOT / "tests" / "data" / "articles"


@dataclass(frozen=True)
class Installed:
    """A virtualenv with the wheel installed, and the environment to run its ``factbot`` in."""

    venv: Path
    site: Path  # the venv's own site-packages, where the wheel went
    env: dict[str, str]
    cache: Path  # XDG_CACHE_HOME

    def run(
        self, *args: str, cwd: Path, wrap: tuple[str, ...] = ()
    ) -> subprocess.CompletedProcess[str]:
        cmd = [*wrap, str(self.venv / "bin" / "factbot"), *args]
        return subprocess.run(
            cmd, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=120
        )

    def ask(self, question: str, cwd: Path, wrap: tuple[str, ...] = ()) -> str:
        done = self.run("ask", question, cwd=cwd, wrap=wrap)
        assert done.returncode == 0, done.stderr
        return done.stdout


def _dependency_dirs() -> list[str]:
    """The folders the test environment imports the runtime dependencies from."""
    import rapidfuzz
    import telegram
    import yaml

    return sorted(
        {str(Path(m.__file__ or "").resolve().parent.parent) for m in (telegram, rapidfuzz, yaml)}
    )


def _run(*cmd: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, f"{cmd}: {done.stderr}"
    return done.stdout


# Environment variables that would point the installed factbot or its Python elsewhere.
_FOREIGN = ("FACTBOT_CONFIG", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    pip = (sys.executable, "-m", "pip")
    _run(*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w",
         work / "dist", ROOT)  # fmt: skip
    (wheel,) = (work / "dist").glob("factbot-*.whl")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / "bin" / "python"
    site = Path(_run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    _run(*pip, "--python", py, "install", "-q", "--no-deps", "--no-index", wheel)
    (site / "test-deps.pth").write_text("\n".join(_dependency_dirs()) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
    cache = work / "cache"
    env.update(XDG_CACHE_HOME=str(cache), HOME=str(work / "home"), PYTHONDONTWRITEBYTECODE="1")
    return Installed(venv, site, env, cache)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_the_installed_wheel_is_what_runs(installed: Installed, empty: Path) -> None:
    code = (
        "import bot, sys; print(bot.__file__); print(bot.__version__); print(*sys.path, sep='\\n')"
    )
    out = _run(
        installed.venv / "bin" / "python", "-c", code, cwd=empty, env=installed.env
    ).splitlines()
    assert Path(out[0]) == installed.site / "bot" / "__init__.py"
    assert str(ROOT) not in out[2:]  # the checkout (its editable install's path) is not on sys.path
    assert (installed.site / "bot" / "data" / "demo" / "seeds" / "curated.yaml").is_file()
    version = installed.run("--version", cwd=empty)
    assert version.returncode == 0 and version.stdout.strip() == f"factbot {out[1]}"


def test_without_a_config_the_bundled_demo_answers(installed: Installed, empty: Path) -> None:
    done = installed.run("ask", QUESTION, cwd=empty)
    assert done.returncode == 0, done.stderr
    assert "4 times" in done.stdout and all(day in done.stdout for day in FOUR_MEETINGS)
    # said once, naming the wheel's own copy of the corpus
    notices = [line for line in done.stderr.splitlines() if "bundled demo corpus" in line]
    assert len(notices) == 1 and str(installed.site / "bot" / "data" / "demo") in notices[0]
    # the table went to the user's cache, not into the installed package
    assert list(installed.cache.glob("factbot/demo-*/facts.sqlite"))
    assert not [*(installed.site / "bot").rglob("facts.json"),
                *(installed.site / "bot").rglob("facts.sqlite")]  # fmt: skip
    assert list(empty.iterdir()) == []


@contextmanager
def read_only(folder: Path) -> Iterator[tuple[str, ...]]:
    """Make ``folder`` read-only for the commands run with the returned prefix.

    Permission bits do not stop root (CI runs as root), so root's commands run in their own mount
    namespace where ``folder`` is a read-only bind mount: writes there fail with EROFS, as in a
    container started with --read-only.
    """
    modes = {p: p.stat().st_mode for p in (folder, *folder.rglob("*"))}
    for path in modes:
        path.chmod(modes[path] & ~0o222)
    try:
        if os.geteuid() != 0:
            yield ()
        else:
            mount = 'mount --bind -o ro "$0" "$0" && exec "$@"'
            yield ("unshare", "--mount", "--propagation", "private", "sh", "-c", mount, str(folder))
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def _files(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in folder.rglob("*")}


def test_init_then_ask_add_an_article_and_run_read_only(installed: Installed, empty: Path) -> None:
    done = installed.run("init", "mybot", cwd=empty)
    assert done.returncode == 0, done.stderr
    project = empty / "mybot"
    assert {p.name for p in (project / "seeds").iterdir()} == {
        p.name for p in (installed.site / "bot" / "data" / "demo" / "seeds").iterdir()
    }
    again = installed.run("init", "mybot", cwd=empty)
    assert again.returncode == 2 and "already exists" in again.stderr

    # cd DIR && factbot ask: the copied corpus answers, no demo notice, the table in DIR
    done = installed.run("ask", QUESTION, cwd=project)
    assert done.returncode == 0 and "bundled demo" not in done.stderr, done.stderr
    assert all(day in done.stdout for day in FOUR_MEETINGS)
    assert (project / ".factbot" / "facts.sqlite").is_file()

    # an article added to DIR/seeds/ is answered after the automatic rebuild
    shutil.copy(ARTICLES / "tass_2024.txt", project / "seeds" / "005_tass_2024.txt")
    assert "August 21, 2024" in installed.ask("when did they meet in 2024?", project)
    assert "5 times" in installed.ask("how many times did they meet?", project)

    # read-only DIR with a stale table: the rebuilt table lands in the cache, DIR is untouched
    shutil.copy(ARTICLES / "govru_2026.txt", project / "seeds" / "006_govru_2026.txt")
    before = _files(project)
    with read_only(project) as wrap:
        probe = subprocess.run(
            [*wrap, "touch", str(project / "probe")], capture_output=True, timeout=60
        )
        assert probe.returncode != 0  # the folder really is read-only for these commands
        assert "August 21, 2026" in installed.ask("when did they meet in 2026?", project, wrap)
        assert "6 times" in installed.ask("how many times did they meet?", project, wrap)
    assert _files(project) == before
    cached = list(installed.cache.glob("factbot/mybot-*/facts.sqlite"))
    assert len(cached) == 1 and b"006_govru_2026" in cached[0].read_bytes()
