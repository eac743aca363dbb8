"""textfile reader, `extract` and `eval` commands, scoring rules (DESIGN sections 6 and 8)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from handlers.extract.commands import eval_command, extract_command
from handlers.extract.language import detect_language
from handlers.extract.scoring import GoldEvent, GoldItem, match_document, match_events, prf, value_matches
from handlers.extract.textfile import read_text_document
from service.models import Event, Observation

TEXT = (
    "source: https://news.example/horgos\npublished: 2026-04-22\nlang: en\n\n"
    "Horgos handled more than 3,000 freight trains in the first four months of 2026, a 21% year-on-year increase.\n"
)


def test_read_text_document_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = read_text_document(path)
    assert doc.url == "https://news.example/horgos"
    assert doc.source_id == "file"
    assert doc.published_at is not None and doc.published_at.date() == date(2026, 4, 22)
    assert doc.language == "en"
    assert doc.text.startswith("Horgos handled")


def test_read_text_document_without_header(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Plain text: no header here.\n", encoding="utf-8")
    doc = read_text_document(path)
    assert doc.url == path.resolve().as_uri()
    assert doc.published_at is None
    assert doc.text.startswith("Plain text")


def test_extract_command_prints_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    assert extract_command([path], out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["type"], r["port"], r["indicator"], r["value"], r["yoy_pct"]) for r in rows] == [
        ("observation", "horgos", "trains_count", 3000.0, 21.0)
    ]
    assert rows[0]["path"] == str(path)
    assert rows[0]["period_start"] == "2026-01-01"


def test_extract_command_missing_file(tmp_path: Path) -> None:
    assert extract_command([tmp_path / "nope.txt"], io.StringIO()) == 2


def _corpus(tmp_path: Path, gold: list[dict[str, object]]) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a_en.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    return tmp_path


# the gold item TEXT states, in DESIGN section 8's format
_ITEM: dict[str, object] = {
    "port": "horgos",
    "indicator": "trains_count",
    "value": 3000,
    "unit": "trains",
    "period": "2026-01-01/2026-04-30",
    "yoy_pct": 21.0,
    "quote": "x",
    "optional": False,
}


def test_eval_command_last_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, [{"file": "a_en.txt", "indicators": [_ITEM], "events": []}])
    out = io.StringIO()
    assert eval_command(corpus, out) == 0
    lines = out.getvalue().splitlines()
    assert lines[-1] == "precision=1.000 recall=1.000 f1=1.000"
    assert lines[-2].startswith("events:")
    assert "period 1/1" in out.getvalue()


def test_eval_command_lists_wrong_attributes(tmp_path: Path) -> None:
    """A matched figure with the wrong period or year-on-year is named, with what was read and what gold says."""
    item = {**_ITEM, "period": "2026-01-01/2026-03-31", "yoy_pct": 12.5}
    corpus = _corpus(tmp_path, [{"file": "a_en.txt", "indicators": [item], "events": []}])
    out = io.StringIO()
    assert eval_command(corpus, out) == 0
    lines = out.getvalue().splitlines()
    listed = lines[lines.index("wrong attributes (matched figures)") + 1 : -3]
    assert listed == [
        "  a_en.txt: trains_count horgos 3000 period 2026-01-01/2026-04-30 (gold 2026-01-01/2026-03-31) “x”",
        "  a_en.txt: trains_count horgos 3000 yoy 21.0 (gold 12.5) “x”",
    ]
    assert "period 0/1" in out.getvalue() and "yoy 0/1" in out.getvalue()


def test_eval_command_missing_dir(tmp_path: Path) -> None:
    assert eval_command(tmp_path / "none", io.StringIO()) == 2


def _obs(port: str | None, indicator: str, value: float, scope: str = "port") -> Observation:
    return Observation(
        id="x",
        document_id="d",
        source_id="s",
        url="u",
        port=port,
        indicator=indicator,
        value=value,
        unit="",
        scope=scope,
    )  # type: ignore[arg-type]


def _gold(indicator: str, value: float, optional: bool = False, port: str = "horgos") -> GoldItem:
    return GoldItem("f", port, indicator, value, None, None, "q", optional)


def test_value_tolerance() -> None:
    assert value_matches("trains_count", 3000, 3014)
    assert not value_matches("trains_count", 3000, 3016)
    assert value_matches("clearance_rate_pct", 99.2, 99.25)
    assert not value_matches("clearance_rate_pct", 99.2, 99.3)


def test_matching_rules() -> None:
    gold = [_gold("trains_count", 3000), _gold("cargo_tonnes", 100, optional=True)]
    got = [
        _obs("horgos", "trains_count", 3000),
        _obs("horgos", "trains_count", 3001),  # second match of the same gold item: a false alarm
        _obs("horgos", "cargo_tonnes", 100),  # matches only an optional item: not a false alarm
        _obs(None, "cargo_tonnes", 5),  # no port: not scored
        _obs("horgos", "cargo_tonnes", 7, scope="company"),  # company: not scored
    ]
    res = match_document("f", gold, got)
    assert len(res.pairs) == 1 and res.misses == []
    assert [o.value for o in res.false_alarms] == [3001]


def test_event_matching_by_quote_containment_and_kind() -> None:
    gold = [GoldEvent("f", "policy", None, "С 1 декабря пункт переходит на круглосуточный режим")]
    event = Event(kind="policy", summary="s", quote="С 1 декабря пункт переходит на круглосуточный режим работы.")
    wrong_kind = Event(kind="regulation", summary="s", quote=event.quote)
    assert match_events(gold, [event])[0] == 1
    assert match_events(gold, [wrong_kind])[0] == 0


def test_prf() -> None:
    assert prf(9, 1, 1) == (0.9, 0.9, 0.9)


def test_language_detection() -> None:
    assert detect_language("阿拉山口口岸前三季度外贸稳中有进") == "zh"
    assert detect_language("Через Достык прошло более 2,1 тыс. поездов") == "ru"
    assert detect_language("Horgos handled 3,000 trains") == "en"
    assert detect_language("123", hint="ru") == "ru"


def test_extract_is_total_on_odd_input() -> None:
    from extract_helpers import run

    for text in ["", " \n\n ", "1", "99999999999999999999 trains", "百分之", "Q5 2025", "13月", "февраля 30"]:
        run(text)
    ex = run("Horgos handled 3,000 freight trains in the first half.\r\nIt was a record.\r\n", published=None)
    (obs,) = ex.observations
    assert obs.period_start is None  # no publication date: a year-less period cannot be placed
