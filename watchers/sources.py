"""The source catalogue (DESIGN section 5, a contract): one `Source` per `[[sources]]` table of a TOML file.

Every problem in a catalogue is reported at once, one line each, naming the source (its index and id),
the key, its value and what was expected, e.g.::

    sources[3] "kursiv": interval = "5x": not a duration (expected 30s, 15m, 6h or seconds)

`file:` URLs may be relative: ``url = "file:demo/x.xml"`` is resolved against the catalogue file's
folder at load time (and stored as an absolute ``file:///...`` URL), so the bundled demo runs offline
wherever the package is installed. ``file:///abs/path.xml`` is taken as it is.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from service.durations import parse_duration
from service.errors import ConfigError

DEFAULT_CATALOG = Path(__file__).parent / "catalog" / "default.toml"
SourceKind = Literal["rss", "html", "json"]
KINDS: tuple[str, ...] = ("rss", "html", "json")
LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")
MIN_INTERVAL = 1.0
_ID = re.compile(r"^[a-z0-9-]+$")

# Keys each kind understands beyond the common ones; None: not fixed yet (any extra key is kept).
KIND_KEYS: dict[str, frozenset[str] | None] = {
    "rss": frozenset(),
    "html": frozenset({"link_selector", "content_selector", "title_selector"}),
    "json": frozenset({"items", "title_path", "link_path", "date_path", "text_path", "id_path"}),
}
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {"html": ("link_selector",), "json": ("items",)}
SELECTOR_KEYS = ("link_selector", "content_selector", "title_selector")
EXPECTED: dict[str, str] = {
    "id": "a unique id of a-z, 0-9 and '-'",
    "kind": "rss, html or json",
    "url": "an http(s):// or file: URL",
    "interval": "30s, 15m, 6h or seconds",
    "language": "en, ru or zh",
    "enabled": "true or false",
    "title": "a string",
}


class Source(BaseModel):
    """One catalogue entry. Kind-specific keys are kept as extras (`Source.options`)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str
    kind: SourceKind
    url: str
    interval: float
    language: Literal["en", "ru", "zh"] | None = None
    enabled: bool = True
    title: str | None = None

    @property
    def options(self) -> dict[str, Any]:
        """The kind-specific keys (selectors for html, item paths for json...)."""
        return dict(self.model_extra or {})

    @property
    def name(self) -> str:
        return self.title or self.id

    @property
    def is_file(self) -> bool:
        return self.url.startswith("file:")

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> Any:
        if not isinstance(value, str) or not _ID.match(value):
            raise ValueError(f"expected {EXPECTED['id']}")
        return value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        if value not in KINDS:
            raise ValueError(f"unknown kind (expected {EXPECTED['kind']})")
        return value

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"expected {EXPECTED['url']}")
        base = (info.context or {}).get("base")
        return resolve_url(value, base if isinstance(base, Path) else None)

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, value: Any) -> Any:
        try:
            seconds = parse_duration(value)
        except (ValueError, TypeError):
            raise ValueError(f"not a duration (expected {EXPECTED['interval']})") from None
        if seconds < MIN_INTERVAL:
            raise ValueError("too short (expected at least 1 s)")
        return seconds

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: Any) -> Any:
        if value is not None and value not in LANGUAGES:
            raise ValueError(f"expected {EXPECTED['language']}")
        return value

    @field_validator("enabled", mode="before")
    @classmethod
    def _enabled(cls, value: Any) -> Any:
        if not isinstance(value, bool):
            raise ValueError(f"expected {EXPECTED['enabled']}")
        return value

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError(f"expected {EXPECTED['title']}")
        return value


def resolve_url(url: str, base: Path | None) -> str:
    """Check a source URL; turn a relative `file:` URL into an absolute one under `base`."""
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        if not parsed.netloc:
            raise ValueError(f"no host (expected {EXPECTED['url']})")
        return url
    if parsed.scheme != "file":
        raise ValueError(f"expected {EXPECTED['url']}")
    if parsed.netloc not in ("", "localhost"):
        raise ValueError('a file URL has no host (expected "file:relative/path" or "file:///absolute/path")')
    path = Path(url2pathname(unquote(parsed.path)))
    if not path.is_absolute():
        if base is None:
            raise ValueError("a relative file URL needs a catalogue file to be relative to")
        path = (base / path).resolve()
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    return path.as_uri()


def file_path(url: str) -> Path:
    """The local path of an absolute `file:` URL."""
    return Path(url2pathname(unquote(urlparse(url).path)))


def load_catalog(path: Path | None = None) -> list[Source]:
    """Sources of the catalogue at `path` (None: the bundled one). Raises ConfigError with every problem."""
    path = DEFAULT_CATALOG if path is None else Path(path)
    origin = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file"], origin=origin) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: unreadable ({exc})"], origin=origin) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML ({exc})"], origin=origin) from None
    sources, problems = parse_catalog(data, base=path.resolve().parent)
    if problems:
        raise ConfigError(problems, origin=origin)
    return sources


def parse_catalog(data: dict[str, Any], *, base: Path | None) -> tuple[list[Source], list[str]]:
    """Sources and problems of an already-parsed catalogue (a dict with a `sources` list)."""
    tables = data.get("sources")
    if tables is None:
        return [], ["sources: missing (expected one or more [[sources]] tables)"]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        return [], ["sources: expected [[sources]] tables"]
    sources: list[Source] = []
    problems: list[str] = []
    first_use: dict[str, int] = {}
    for index, table in enumerate(tables):
        label = _label(index, table)
        source, found = _parse_one(table, base)
        problems += [f"{label}: {p}" for p in found]
        if source is None:
            continue
        if source.id in first_use:
            problems.append(f'{label}: id = "{source.id}": duplicate (first used by sources[{first_use[source.id]}])')
            continue
        first_use[source.id] = index
        sources.append(source)
    return sources, problems


def _label(index: int, table: dict[str, Any]) -> str:
    ident = table.get("id")
    return f'sources[{index}] "{ident}"' if isinstance(ident, str) and ident else f"sources[{index}]"


def _parse_one(table: dict[str, Any], base: Path | None) -> tuple[Source | None, list[str]]:
    problems = _unknown_keys(table) + _kind_values(table)
    try:
        source = Source.model_validate(table, context={"base": base})
    except ValidationError as exc:
        return None, problems + [_describe(err) for err in exc.errors()]
    return (None, problems) if problems else (source, [])


def _unknown_keys(table: dict[str, Any]) -> list[str]:
    """Extra keys a kind does not know; a near-miss of a common key is a typo for every kind."""
    common = sorted(Source.model_fields)
    known = KIND_KEYS.get(str(table.get("kind")))
    problems = []
    for key in table:
        if key in Source.model_fields or (known is not None and key in known):
            continue
        close = difflib.get_close_matches(key, common, n=1, cutoff=0.75)
        if close:
            problems.append(f'{key}: unknown key (did you mean "{close[0]}"?)')
        elif known is not None:
            allowed = ", ".join(sorted(known)) or "none"
            problems.append(f"{key}: unknown key for kind {table.get('kind')} (extra keys allowed: {allowed})")
    return problems


def _kind_values(table: dict[str, Any]) -> list[str]:
    """Required kind keys present, options are strings, CSS selectors parse."""
    problems = [f"{key}: missing (expected {_KIND_EXPECTED[key]} for kind {table.get('kind')})"
                for key in REQUIRED_KEYS.get(str(table.get("kind")), ()) if key not in table]
    for key in KIND_KEYS.get(str(table.get("kind"))) or ():
        value = table.get(key)
        if key in table and not isinstance(value, str):
            problems.append(f"{key} = {_show(value)}: expected a string")
        elif key in SELECTOR_KEYS and isinstance(value, str) and not _selector_ok(value):
            problems.append(f"{key} = {_show(value)}: not a CSS selector")
    return problems


_KIND_EXPECTED = {"link_selector": 'a CSS selector such as "a.news-item"',
                  "items": 'a dotted path to the item list, such as "data.list" ("" for the top level)'}


def _selector_ok(selector: str) -> bool:
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except (SelectolaxError, ValueError):
        return False
    return bool(selector.strip())


def _describe(err: Any) -> str:
    key = ".".join(str(p) for p in err["loc"]) or "source"
    if err["type"] == "missing":
        return f"{key}: missing (expected {EXPECTED.get(key, 'a value')})"
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{key} = {_show(err.get('input'))}: {message}"


def _show(value: Any) -> str:
    """A value as it would be written in TOML (near enough for a message)."""
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)
