"""Short-form posts, "Port: N" lists, bullets and tables (en/ru/zh): section headings name the port of the lines
under them, list items are body text, a colon stands for the verb, table rows read every period column."""

from __future__ import annotations

import pytest
from extract_helpers import run


def _found(text: str, published: str = "2026-03-10", lang: str = "en") -> set[tuple[str | None, str, float]]:
    return {(o.port, o.indicator, o.value) for o in run(text, published, lang).observations}


# A post: an emoji heading names the crossing; bullets under it (no final punctuation) carry its figures.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "BORDER DIGEST\n\nHello everyone, here is the update.\n\n🚛 BAKHTY (Tacheng road crossing)\n"
            "• Queue this evening: around 260 trucks\n• Accepted on average 180 trucks a day\n\nDrive safely.",
            "en",
            {("bakhty", "vehicles_in_queue", 260.0), ("bakhty", "vehicles_per_day", 180.0)},
        ),
        (
            "СВОДКА С ГРАНИЦЫ\n\nКоротко о главном.\n\n🚂 «ДОСТЫК» (Алашанькоу)\n"
            "▪️ На подходах в ожидании передачи стоят 31 поезд\n▪️ Станция передаёт в среднем 18 поездов в сутки\n\n"
            "Хорошей дороги.",
            "ru",
            {("dostyk", "trains_in_queue", 31.0), ("dostyk", "trains_per_day", 18.0)},
        ),
        (
            "【口岸快报】\n\n🚂 阿拉山口站（多斯特克对面）\n站内待交接列车33列，较前一天减少4列。\n\n"
            "🚛 卡尔扎特（都拉塔）\n排队约120辆。",
            "zh",
            {("alashankou", "trains_in_queue", 33.0), ("kalzhat", "vehicles_in_queue", 120.0)},
        ),
    ],
)
def test_section_heading_names_the_port_of_its_bullets(
    text: str, lang: str, expected: set[tuple[str | None, str, float]]
) -> None:
    assert expected <= _found(text, lang=lang)


# "Port: N" lists: the colon stands for the verb; a second port with a bare count continues the series.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Rail update.\n\n• Alashankou: 22 trains were waiting at the border as of this morning, Horgos: 9 🟡\n"
            "• Kalzhat queue this morning: about 410 trucks\n\nMore tomorrow.",
            "en",
            {
                ("alashankou", "trains_in_queue", 22.0),
                ("horgos", "trains_in_queue", 9.0),
                ("kalzhat", "vehicles_in_queue", 410.0),
            },
        ),
        (
            "Обстановка на границе.\n\n▪️ Очередь на «Калжате»: около 410 машин\n\nСледите за новостями.",
            "ru",
            {("kalzhat", "vehicles_in_queue", 410.0)},
        ),
        (
            "口岸动态。\n\n· 卡尔扎特：排队货车约410辆\n· 阿拉山口：待交接列车22列，霍尔果斯：9列\n\n请注意安全。",
            "zh",
            {
                ("kalzhat", "vehicles_in_queue", 410.0),
                ("alashankou", "trains_in_queue", 22.0),
                ("horgos", "trains_in_queue", 9.0),
            },
        ),
    ],
)
def test_colon_list_items(text: str, lang: str, expected: set[tuple[str | None, str, float]]) -> None:
    assert expected <= _found(text, lang=lang)


# A partitive clause ("most of them are parked at …") names where part of the figure is, not its port.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Nur Zholy remains congested. About 900 trucks were in the queue on Monday, most of them parked "
            "at the Zharkent lot. The Chinese side is taking 450 trucks a day.",
            "en",
        ),
        (
            "На «Нур Жолы» по-прежнему затор. В очереди стояли 900 фур, большинство из них стоят на стоянке в "
            "Жаркенте. Китайская сторона принимает 450 грузовиков в сутки.",
            "ru",
        ),
        ("努尔饶勒口岸拥堵依旧。排队货车约900辆，大部分停在扎尔肯特停车场。哈方一侧每天放行450辆货车。", "zh"),
    ],
)
def test_partitive_clause_is_no_subject(text: str, lang: str) -> None:
    found = _found(text, lang=lang)
    assert ("nur_zholy", "vehicles_in_queue", 900.0) in found
    assert ("nur_zholy", "vehicles_per_day", 450.0) in found


# Table rows: a scale after a currency, a label that is only the counted noun, every period column, and a
# change column headed by the period it compares with.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Alashankou port, 2025-2026\n\n| Indicator | 2025 | 2026 | change |\n|---|---|---|---|\n"
            "| Export value (US$ mn) | 410.5 | 480.2 | +17.0% |\n| Average trains per day | 18 | 21 | +16.7% |\n",
            "en",
            {
                ("alashankou", "trade_value_usd", 480.2e6),
                ("alashankou", "trade_value_usd", 410.5e6),
                ("alashankou", "trains_per_day", 21.0),
                ("alashankou", "trains_per_day", 18.0),
            },
        ),
        (
            "阿拉山口口岸主要指标\n\n| 指标 | 2024年 | 2025年 | 同比 |\n|---|---|---|---|\n"
            "| 过货量（万吨） | 1,650.2 | 1,702.3 | +3.2% |\n",
            "zh",
            {("alashankou", "cargo_tonnes", 17023000.0), ("alashankou", "cargo_tonnes", 16502000.0)},
        ),
    ],
)
def test_table_rows(text: str, lang: str, expected: set[tuple[str | None, str, float]]) -> None:
    assert expected <= _found(text, "2026-12-20", lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Основные показатели (данные АО «НК «ҚТЖ»)\n\n"
            "| Показатель | январь–сентябрь 2026 | к январю–сентябрю 2025 |\n"
            "| Транзит контейнеров, тыс. ДФЭ | 820,4 | +3,4% |\n",
            "ru",
        ),
        ("Key figures, KTZ\n\n| Indicator | Q3 2026 | vs Q3 2025 |\n| Containers, '000 TEU | 820.4 | +3.4% |\n", "en"),
    ],
)
def test_change_column_named_by_its_base_period(text: str, lang: str) -> None:
    obs = [o for o in run(text, "2026-12-20", lang).observations if o.indicator == "containers_teu"]
    assert [(o.port, o.value, o.yoy_pct) for o in obs] == [("kazakhstan_rail", 820400.0, 3.4)]


# Negatives: a related-links list of bullets after the body stays navigation; a hotline after a colon is no figure.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Horgos was quiet on Monday.\n\nRelated\n• Alashankou: 300 trains in May\n"
            "• Horgos handles 520 trucks a day after upgrade\n",
            "en",
        ),
        ("Граница работает в штатном режиме.\n\n☎️ Колл-центр КГД: 1414\n▪️ Справки: 8 800 080 7777\n", "ru"),
        ("口岸通行正常。\n\n· 阿拉山口：5月通行班列300列\n· 霍尔果斯：日均验放货车520辆\n", "zh"),
    ],
)
def test_no_figures(text: str, lang: str) -> None:
    assert run(text, "2026-06-10", lang).observations == []
