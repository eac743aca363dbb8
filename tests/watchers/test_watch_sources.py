"""watchers/sources.py: the catalogue contract, its validation messages and interval parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import ConfigError
from watchers.sources import DEFAULT_CATALOG, Source, load_catalog

GOOD = """
[[sources]]
id = "kursiv"
kind = "rss"
url = "https://kz.kursiv.media/feed/"
interval = "15m"
language = "ru"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_catalog(write(tmp_path, text))
    return info.value.problems


def source(**overrides: object) -> str:
    fields = {"id": '"kursiv"', "kind": '"rss"', "url": '"https://kz.kursiv.media/feed/"', "interval": '"15m"'}
    fields.update({k: str(v) for k, v in overrides.items()})
    return "[[sources]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items() if v != "DROP")


def test_a_good_source_loads_with_defaults(tmp_path: Path) -> None:
    [only] = load_catalog(write(tmp_path, GOOD))
    assert only == Source(id="kursiv", kind="rss", url="https://kz.kursiv.media/feed/", interval=900.0,
                          language="ru", enabled=True, title=None)
    assert only.name == "kursiv"


@pytest.mark.parametrize(
    ("written", "seconds"),
    [('"30s"', 30.0), ('"15m"', 900.0), ('"6h"', 21600.0), ("90", 90.0), ("1.5", 1.5), ('"1d"', 86400.0)],
)
def test_intervals(tmp_path: Path, written: str, seconds: float) -> None:
    [only] = load_catalog(write(tmp_path, source(interval=written)))
    assert only.interval == seconds


def test_the_message_names_source_key_value_and_expectation(tmp_path: Path) -> None:
    text = GOOD * 3 + source(id='"kursiv-2"', interval='"5x"')
    text = text.replace('id = "kursiv"', 'id = "a"', 1).replace('id = "kursiv"', 'id = "b"', 1)
    assert problems(tmp_path, text) == [
        'sources[3] "kursiv-2": interval = "5x": not a duration (expected 30s, 15m, 6h or seconds)'
    ]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"interval": '"0.5s"'}, 'interval = "0.5s": too short (expected at least 1 s)'),
        ({"interval": "0"}, "interval = 0: too short (expected at least 1 s)"),
        ({"interval": "true"}, "interval = true: not a duration (expected 30s, 15m, 6h or seconds)"),
        ({"kind": '"atom"'}, 'kind = "atom": unknown kind (expected rss, html or json)'),
        ({"url": '"ftp://example.org/feed"'}, 'url = "ftp://example.org/feed": expected an http(s):// or file: URL'),
        ({"url": '"https:///feed"'}, 'url = "https:///feed": no host (expected an http(s):// or file: URL)'),
        ({"url": "DROP"}, "url: missing (expected an http(s):// or file: URL)"),
        ({"language": '"de"'}, 'language = "de": expected en, ru or zh'),
        ({"enabled": '"yes"'}, 'enabled = "yes": expected true or false'),
        ({"title": "3"}, "title = 3: expected a string"),
    ],
)
def test_one_problem_one_message(tmp_path: Path, override: dict[str, str], message: str) -> None:
    assert problems(tmp_path, source(**override)) == [f'sources[0] "kursiv": {message}']


def test_a_bad_or_missing_id_is_named_by_index(tmp_path: Path) -> None:
    assert problems(tmp_path, source(id='"Kursiv_KZ"')) == [
        'sources[0] "Kursiv_KZ": id = "Kursiv_KZ": expected a unique id of a-z, 0-9 and \'-\''
    ]
    assert problems(tmp_path, source(id="DROP")) == [
        "sources[0]: id: missing (expected a unique id of a-z, 0-9 and '-')"
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD + GOOD + GOOD) == [
        'sources[1] "kursiv": id = "kursiv": duplicate (first used by sources[0])',
        'sources[2] "kursiv": id = "kursiv": duplicate (first used by sources[0])',
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = source(interval='"soon"', language='"fr"') + source(id='"other"', kind='"ftp"')
    found = problems(tmp_path, text)
    assert len(found) == 3
    assert all(line.startswith(('sources[0] "kursiv": ', 'sources[1] "other": ')) for line in found)


def test_typos_and_unknown_keys(tmp_path: Path) -> None:
    assert problems(tmp_path, source(intervall='"5m"')) == [
        'sources[0] "kursiv": intervall: unknown key (did you mean "interval"?)'
    ]
    assert problems(tmp_path, source(selector='"div.news"')) == [
        'sources[0] "kursiv": selector: unknown key for kind rss (extra keys allowed: none)'
    ]


def test_kind_specific_keys_are_kept_for_html_and_json(tmp_path: Path) -> None:
    [only] = load_catalog(write(tmp_path, source(kind='"html"', link_selector='"li.news a"')))
    assert only.kind == "html"
    assert only.options == {"link_selector": "li.news a"}
    [api] = load_catalog(write(tmp_path, source(kind='"json"', items='"data.list"', link_path='"url"')))
    assert api.options == {"items": "data.list", "link_path": "url"}


def test_kind_keys_are_checked(tmp_path: Path) -> None:
    assert problems(tmp_path, source(kind='"html"')) == [
        'sources[0] "kursiv": link_selector: missing (expected a CSS selector such as "a.news-item" for kind html)']
    assert problems(tmp_path, source(kind='"html"', link_selector='"a[["')) == [
        'sources[0] "kursiv": link_selector = "a[[": not a CSS selector']
    [unknown] = problems(tmp_path, source(kind='"json"', items='"x"', headline='"t"'))
    assert "headline: unknown key for kind json" in unknown


def test_relative_file_urls_resolve_against_the_catalogue(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    feed = tmp_path / "feeds" / "x.xml"
    feed.write_text("<rss/>", encoding="utf-8")
    [only] = load_catalog(write(tmp_path, source(url='"file:feeds/x.xml"')))
    assert only.url == feed.resolve().as_uri()
    assert only.is_file
    [again] = load_catalog(write(tmp_path, source(url=f'"{feed.as_uri()}"')))
    assert again.url == only.url


def test_file_url_problems(tmp_path: Path) -> None:
    missing = problems(tmp_path, source(url='"file:nowhere.xml"'))
    assert missing == [f'sources[0] "kursiv": url = "file:nowhere.xml": no such file: {tmp_path / "nowhere.xml"}']
    [hosted] = problems(tmp_path, source(url='"file://demo/x.xml"'))
    assert 'url = "file://demo/x.xml": a file URL has no host' in hosted


def test_file_level_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, "[[source]]\nid = 'x'\n") == [
        "sources: missing (expected one or more [[sources]] tables)"
    ]
    [syntax] = problems(tmp_path, "[[sources]\n")
    assert "not valid TOML" in syntax
    with pytest.raises(ConfigError) as info:
        load_catalog(tmp_path / "absent.toml")
    assert info.value.problems == [f"{tmp_path / 'absent.toml'}: no such file"]
    assert info.value.origin == str(tmp_path / "absent.toml")


def test_the_bundled_catalogue() -> None:
    sources = load_catalog(None)
    assert sources == load_catalog(DEFAULT_CATALOG)
    enabled = [s for s in sources if s.enabled]
    assert {s.id for s in enabled} == {"demo-xinjiang-ports", "demo-kz-rail", "demo-corridor-news"}
    assert all(s.url.startswith("file:///") and s.kind == "rss" for s in enabled)
    real = [s for s in sources if not s.enabled]
    assert len(real) >= 20
    assert all(s.url.startswith(("http://", "https://")) and s.language for s in real)
    assert {s.kind for s in real} == {"rss", "html"}
    assert "https://www.railfreight.com/category/beltandroad/feed/" in {s.url for s in real}
