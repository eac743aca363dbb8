"""Indicator wordings and tables of challenge4 (ind3): tables of ports whose header has an abbreviation with a
full stop or a Chinese count header ('开行列数'), ..."""

from __future__ import annotations

import pytest
from extract_helpers import run


def _found(text: str, published: str, lang: str) -> set[tuple[str | None, str, float]]:
    return {(o.port, o.indicator, o.value) for o in run(text, published, lang).observations}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Итоги полугодия по переходам за I полугодие 2026 года:\n\n"
            "| Переход | Поездов | Груз, млн т | Изменение к I пол. 2025 г., % |\n|---|---|---|---|\n"
            "| Алтынколь | 4 210 | 10,4 | +3,1 |\n",
            "ru",
            {("altynkol", "trains_count", 4210.0), ("altynkol", "cargo_tonnes", 10_400_000.0)},
        ),
        (
            "上半年各口岸开行情况（2026年上半年）\n\n| 口岸 | 开行列数 | 同比增减 |\n|---|---|---|\n"
            "| 霍尔果斯 | 3,512 | +4.4% |\n",
            "zh",
            {("horgos", "trains_count", 3512.0)},
        ),
    ],
)
def test_table_of_ports_header_read_whole(text: str, lang: str, expected: set[tuple[str | None, str, float]]) -> None:
    assert expected <= _found(text, "2026-07-20", lang)


def test_full_stop_in_table_row_keeps_row_whole() -> None:
    from handlers.extract.segment import split_sentences

    text = "Intro text here.\n| Crossing | Trains | Change on avg. 2025 |\nNext sentence. And another."
    rows = [text[s.start : s.end] for s in split_sentences(text)]
    assert "| Crossing | Trains | Change on avg. 2025 |" in rows
    assert "Next sentence." in rows
