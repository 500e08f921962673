"""The one validated ``Config`` object, loaded from config.yaml plus the environment.

Nothing reads configuration at import time; ``load_config`` is called once by the CLI and the
result is passed down explicitly.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .lazyre import lazy_re
from .yamlio import load_yaml

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
BASE_URL_ENV = "TELEGRAM_API_BASE_URL"
WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
WEBHOOK_SECRET = lazy_re(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook's secret_token accepts


class Secret(str):
    """A string whose repr and str never show the value (tokens, webhook secrets)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __format__(self, spec: str) -> str:
        return "***"

    def reveal(self) -> str:
        """The real value, for the one place that must send it."""
        return str.__str__(self)


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """How messages are matched to intents."""

    threshold: float = 0.62
    max_chars: int = 500


@dataclass(frozen=True, slots=True)
class ReplyConfig:
    """How replies are written."""

    order: str = "newest_first"
    language: str = "auto"


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """How the fact table is built."""

    on_bad_article: str = "skip"
    workers: int | None = None  # processes extracting articles; None: one per CPU
    json: bool = False  # also write the table as JSON (every build is then a full one)


@dataclass(frozen=True, slots=True)
class MissesConfig:
    """The misses log of ``run``: questions declined or answered with a low margin."""

    path: Path | None = None  # None: off; load_config fills in .factbot/misses.jsonl
    margin: float = 0.05
    max_bytes: int = 5_000_000
    backups: int = 3


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    """Webhook mode settings; the secret token comes from the environment."""

    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"
    url: str | None = None
    secret_token: Secret | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """Everything the Telegram shell needs; the token never comes from config.yaml."""

    base_url: str | None = None
    token_file: Path | None = None
    mode: str = "polling"
    webhook: WebhookConfig = WebhookConfig()
    group_mode: str = "addressed"
    group_declines: str = "short"
    allowed_chats: tuple[int, ...] = ()
    admins: tuple[int, ...] = ()
    per_chat_per_minute: int = 20
    per_user_per_minute: int = 10
    persistence: Path | None = None  # a file keeping conversations' contexts across restarts
    token: Secret | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Config:
    """The whole configuration; paths are absolute, resolved against config.yaml's folder."""

    path: Path
    seeds_dir: Path
    intents_dir: Path
    curated_path: Path
    table_path: Path
    match: MatchConfig = MatchConfig()
    reply: ReplyConfig = ReplyConfig()
    build: BuildConfig = BuildConfig()
    telegram: TelegramConfig = TelegramConfig()
    # Where the table goes when ``table_path``'s folder is read-only (a container, a system
    # install): the user's cache; None when the environment names no cache or home folder.
    table_cache: Path | None = None
    misses: MissesConfig = MissesConfig()


Check = Callable[[Any], str | None]


def _one_of(*choices: str) -> Check:
    return lambda v: None if v in choices else f"must be one of {', '.join(choices)}"


def _range(lo: float, hi: float) -> Check:
    return lambda v: None if lo <= v <= hi else f"must be between {lo} and {hi}"


def _workers(v: Any) -> str | None:
    return None if v is None or 1 <= v <= 1024 else "must be between 1 and 1024, or null"


def _path_or_null(v: Any) -> str | None:
    return None if v is None or v.strip() else "must be a path or null"


def _ids(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in v)
    return None if ok else "must be a list of integer ids"


# key -> (python type(s), check); the defaults live on the dataclasses above.
_SCHEMA: dict[str, dict[str, tuple[type | tuple[type, ...], Check | None]]] = {
    "": {
        "version": (int, _one_of(1)),  # type: ignore[arg-type]
        "seeds_dir": (str, None),
        "intents_dir": (str, None),
        "curated": (str, None),
        "table": (str, None),
    },
    "match": {"threshold": ((int, float), _range(0.0, 1.0)), "max_chars": (int, _range(50, 4096))},
    "reply": {
        "order": (str, _one_of("newest_first", "oldest_first")),
        "language": (str, _one_of("auto", "en", "ru")),
    },
    "build": {
        "on_bad_article": (str, _one_of("skip", "reject")),
        "workers": ((int, type(None)), _workers),
        "json": (bool, None),
    },
    "telegram": {
        "base_url": ((str, type(None)), None),
        "token_file": ((str, type(None)), None),
        "mode": (str, _one_of("polling", "webhook")),
        "group_mode": (str, _one_of("addressed", "all")),
        "group_declines": (str, _one_of("short", "silent")),
        "allowed_chats": (list, _ids),
        "admins": (list, _ids),
        "per_chat_per_minute": (int, _range(1, 10_000)),
        "per_user_per_minute": (int, _range(1, 10_000)),
        "persistence": ((str, type(None)), _path_or_null),
    },
    "misses": {
        "path": ((str, type(None)), _path_or_null),
        "margin": ((int, float), _range(0.0, 1.0)),
        "max_bytes": (int, _range(10_000, 10**12)),
        "backups": (int, _range(0, 100)),
    },
    "telegram.webhook": {
        "listen": (str, None),
        "port": (int, _range(1, 65535)),
        "path": (str, None),
        "url": ((str, type(None)), None),
    },
}
_SECTIONS = {"match", "reply", "build", "telegram", "misses"}


def _section(data: Any, name: str, path: Path) -> dict[str, Any]:
    where = name or "top level"
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "must be a mapping", where)
    spec = _SCHEMA[name]
    nested = _SECTIONS if name == "" else ({"webhook"} if name == "telegram" else set())
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in nested:
            continue
        if key not in spec:
            known = ", ".join(sorted(set(spec) | nested))
            raise ConfigError(path, f"unknown key {key!r} (known: {known})", where)
        types, check = spec[key]
        if (isinstance(value, bool) and types is not bool) or not isinstance(value, types):
            raise ConfigError(path, f"{key}: has the wrong type ({type(value).__name__})", where)
        problem = check(value) if check else None
        if problem:
            raise ConfigError(path, f"{key}: {problem}", where)
        out[key] = value
    return out


def load_config(path: Path | str, environ: Mapping[str, str] | None = None) -> Config:
    """Load and validate config.yaml; secrets and the API URL may come from ``environ``."""
    path = Path(path).resolve()
    environ = os.environ if environ is None else environ
    data = load_yaml(path, ConfigError)
    if data is None:
        data = {}
    top = _section(data, "", path)
    root = path.parent

    def sub(name: str) -> dict[str, Any]:
        return _section(data.get(name), name, path)

    tg = sub("telegram")
    hook = _section((data.get("telegram") or {}).get("webhook"), "telegram.webhook", path)
    token_file_name = tg.pop("token_file", None)
    token_file = Path(token_file_name) if token_file_name else None
    if token_file is not None and not token_file.is_absolute():
        token_file = root / token_file
    secret = environ.get(WEBHOOK_SECRET_ENV) or None
    if secret is not None and not WEBHOOK_SECRET.fullmatch(secret):
        raise ConfigError(
            path, f"{WEBHOOK_SECRET_ENV} must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        )
    if tg.get("mode") == "webhook" and not hook.get("url"):
        raise ConfigError(
            path,
            "url: required when telegram.mode is webhook (the public https URL Telegram posts to)",
            "telegram.webhook",
        )
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in tg.items()}
    fields.pop("base_url", None)
    kept = fields.pop("persistence", None)
    fields["persistence"] = root / kept if kept else None
    telegram = TelegramConfig(
        **fields,
        base_url=environ.get(BASE_URL_ENV) or tg.get("base_url") or None,
        token_file=token_file,
        webhook=WebhookConfig(**hook, secret_token=Secret(secret) if secret else None),
        token=_read_token(environ, token_file, path),
    )
    table_path = root / top.get("table", ".factbot/facts.json")
    return Config(
        path=path,
        seeds_dir=root / top.get("seeds_dir", "seeds"),
        intents_dir=root / top.get("intents_dir", "intents"),
        curated_path=root / top.get("curated", "seeds/curated.yaml"),
        table_path=table_path,
        match=MatchConfig(**sub("match")),
        reply=ReplyConfig(**sub("reply")),
        build=BuildConfig(**sub("build")),
        telegram=telegram,
        table_cache=cache_table_path(root, table_path, environ),
        misses=_misses(sub("misses"), root),
    )


def _misses(section: dict[str, Any], root: Path) -> MissesConfig:
    """On unless ``path: null``; a relative path is relative to config.yaml's folder."""
    name = section.pop("path", ".factbot/misses.jsonl")
    return MissesConfig(path=root / name if name else None, **section)


def cache_table_path(root: Path, table_path: Path, environ: Mapping[str, str]) -> Path | None:
    """The table's place in the user's cache (XDG_CACHE_HOME, else ~/.cache), one per project.

    Keyed by the configured table path, so each project (its corpus) has its own cached table:
    ``~/.cache/factbot/<project folder>-<hash>/facts.json``.
    """
    cache = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(cache):  # the XDG spec: a relative value is ignored
        home = environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        cache = os.path.join(home, ".cache")
    key = hashlib.sha256(str(table_path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(cache) / "factbot" / f"{root.name or 'project'}-{key}" / table_path.name


def _read_token(environ: Mapping[str, str], token_file: Path | None, path: Path) -> Secret | None:
    token = environ.get(TOKEN_ENV, "").strip()
    if not token and token_file is not None and token_file.exists():
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            problem = f"telegram.token_file: cannot read {token_file}: {exc}"
            raise ConfigError(path, problem) from None
    return Secret(token) if token else None
