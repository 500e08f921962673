"""A project folder (config.yaml, seeds/, intents/): which one a command uses, the bundled demo
project, and ``factbot init`` writing a new one.
"""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config
from .errors import ConfigError

CONFIG_ENV = "FACTBOT_CONFIG"
CONFIG_NAME = "config.yaml"
_PACKAGE = Path(__file__).resolve().parent
# An installed wheel carries the repository's config.yaml, intents/ and seeds/ here (pyproject's
# force-include); a checkout (or an editable install of one) has them beside the package.
_BUNDLED = _PACKAGE / "data" / "demo"
_CHECKOUT = _PACKAGE.parent
_FOLDERS = ("intents", "seeds")


@dataclass(frozen=True, slots=True)
class Project:
    """The configuration a command runs with, and where it was found."""

    config: Config
    origin: str  # "--config", "FACTBOT_CONFIG", "./config.yaml" or "bundled demo"

    @property
    def is_demo(self) -> bool:
        """True when no config was found and the bundled demo answers."""
        return self.origin == "bundled demo"

    def notice(self) -> str:
        """The one line that tells the user which corpus answers, when it is the demo."""
        articles = sum(1 for p in self.config.seeds_dir.glob("*.txt"))
        where = self.config.path.parent
        return (
            f"factbot: no config.yaml found (--config, ${CONFIG_ENV}, ./{CONFIG_NAME}); using the "
            f"bundled demo corpus ({articles} articles) in {where}. Your own: factbot init DIR"
        )


def demo_dir() -> Path:
    """The bundled demo project: the wheel's copy, else the checkout's top-level folders."""
    for folder in (_BUNDLED, _CHECKOUT):
        if (folder / CONFIG_NAME).is_file() and all((folder / d).is_dir() for d in _FOLDERS):
            return folder
    raise ConfigError(_BUNDLED, "the bundled demo project is missing (a broken install?)")


def find_project(arg: str | None, environ: Mapping[str, str], cwd: Path) -> Project:
    """Load the config: ``--config PATH``, else $FACTBOT_CONFIG, else ./config.yaml, else the demo.

    A config named explicitly must exist (no silent fallback to the demo). The installed demo's
    table goes to the user's cache: never into the installed package.
    """
    if arg:
        return Project(load_config(cwd / arg, environ), "--config")
    if environ.get(CONFIG_ENV):
        return Project(load_config(cwd / environ[CONFIG_ENV], environ), CONFIG_ENV)
    if (cwd / CONFIG_NAME).exists():
        return Project(load_config(cwd / CONFIG_NAME, environ), f"./{CONFIG_NAME}")
    folder = demo_dir()
    config = load_config(folder / CONFIG_NAME, environ)
    if folder == _BUNDLED and config.table_cache is not None:
        config = dataclasses.replace(config, table_path=config.table_cache)
    return Project(config, "bundled demo")


_README = """\
# {name}: a factbot project

`factbot` answers short factual questions about the articles in `seeds/`, from a fact table it
builds from them, and declines instead of guessing.

- `seeds/*.txt`: the articles, UTF-8, one file each. An optional first line
  `date YYYY-MM-DD` gives the publication date. Add or remove files at any time: the next
  `factbot ask` (or `/reload` in Telegram) rebuilds the table.
- `seeds/curated.yaml` (optional): facts an article lacks, each with a reason and a source.
- `intents/*.yaml`: the questions the bot understands (examples, the fact kind each answers,
  reply templates in English and Russian) and `intents/lexicon.yaml`, its slang and typos.
- `config.yaml`: the settings, commented; paths in it are relative to it.
- `.factbot/facts.json`: the built table (generated; where this folder is read-only it goes to
  the user's cache folder instead).

Commands, run in this folder (from elsewhere, name its config with `--config PATH` or the
`FACTBOT_CONFIG` environment variable):

    factbot ask "when did they meet?"
    factbot chat
    factbot build
    TELEGRAM_BOT_TOKEN=123:abc factbot run
"""


def init_project(target: Path, empty: bool = False) -> list[Path]:
    """Write a new project folder at ``target`` from the demo; return the files written.

    Refuses (ConfigError, nothing written) when any of those files exists already.
    """
    source = demo_dir()
    files: dict[Path, bytes] = {
        target / CONFIG_NAME: (source / CONFIG_NAME).read_bytes(),
        target / "README.md": _README.format(name=target.resolve().name).encode("utf-8"),
        target / ".gitignore": b".factbot/\n",
    }
    for sub in ("intents",) if empty else _FOLDERS:
        for path in sorted((source / sub).iterdir()):
            if path.is_file() and not path.name.startswith("."):
                files[target / sub / path.name] = path.read_bytes()
    existing = [path for path in files if path.exists() or path.is_symlink()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise ConfigError(existing[0], f"already exists{more}; factbot init never overwrites")
    try:
        for sub in _FOLDERS:
            (target / sub).mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            with path.open("xb") as out:  # "x": never replaces a file that appeared meanwhile
                out.write(data)
    except OSError as exc:
        where = exc.filename or target
        raise ConfigError(where, f"cannot create: {exc.strerror or exc}") from None
    return list(files)


def describe_init(target: Path, written: list[Path]) -> str:
    """What ``factbot init`` tells the user: what it wrote and the next command."""
    articles = sum(1 for p in written if p.parent.name == "seeds" and p.suffix == ".txt")
    seeds = f"{articles} articles" if articles else "empty: put your articles (*.txt) there"
    folder = shlex.quote(str(target))
    return (
        f"created {target}: config.yaml, README.md, intents/, seeds/ ({seeds})\n"
        f'next: cd {folder} && factbot ask "when did they meet?"'
    )


__all__ = ["CONFIG_ENV", "Project", "demo_dir", "describe_init", "find_project", "init_project"]
