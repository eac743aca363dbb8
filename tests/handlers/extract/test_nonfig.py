"""Things that are not reported figures (capacities, forecasts, expectations, the day of a date), queues
named as trains held or set aside, tables with the unit in the row label, and amendment events."""

from __future__ import annotations

import pytest
from extract_helpers import only, run

# Capacities, forecasts and expectations: a number with a unit that is not a reported level.
NOT_FIGURES = [
    ("en", "Horgos has parking space for some 4,000 export vehicles."),
    ("en", "The Horgos export car yard accommodates up to 3,000 vehicles."),
    ("en", "Analysts say car exports through Horgos could reach 700,000 vehicles in 2025."),
    ("en", "She expects the share of electric cars in Khorgos exports to exceed 45 percent this year."),
    ("en", "Officials expect the customs clearance rate at Alashankou to reach 99.8% this year."),
    ("ru", "Площадка для экспортных автомобилей на Хоргосе вместимостью 3 тыс. машин открыта в октябре."),
    ("ru", "Эксперты полагают, что в 2025 году экспорт автомобилей через Хоргос может вырасти до 750 тыс. единиц."),
    ("ru", "После реконструкции пропускная способность станции Алтынколь увеличилась — до 30 пар поездов в сутки."),
    ("ru", "На Достыке сохраняется резерв мощности — около восьми пар поездов в сутки."),
    ("zh", "霍尔果斯口岸新建出口商品车停车场，可容纳汽车3000辆。"),
    ("zh", "业内人士认为，今年霍尔果斯口岸汽车出口或将突破60万辆。"),
    ("zh", "他预期今年霍尔果斯口岸新能源汽车出口占比将超过45%。"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_FIGURES)
def test_capacity_forecast_expectation_is_not_a_figure(lang: str, text: str) -> None:
    published = "2025-01-10"  # the forecast years have begun: only the words say it is not a level
    assert run(text, published, lang).observations == []

# A reported level next to the same vocabulary in another clause or sentence stays.
STILL_FIGURES = [
    ("en", "Horgos exported 52,000 vehicles in October 2025. The port has parking space for 6,000 trucks.", 52000),
    ("ru", "В октябре 2025 года через Хоргос вывезено 45 тыс. автомобилей, а стоянка рассчитана на 900 машин.", 45000),
    ("zh", "2025年10月，霍尔果斯口岸出口汽车4.5万辆。口岸停车场可容纳货车3000辆。", 45000),
]


@pytest.mark.parametrize(("lang", "text", "value"), STILL_FIGURES)
def test_reported_level_beside_capacity_stays(lang: str, text: str, value: float) -> None:
    assert only(run(text, lang=lang), "vehicles_exported").value == value


# The day of a date is never a figure, even when a unit follows the year.
DATES = [
    ("en", "Since its first run on April 8, 2016, the Horgos train service has completed more than 9,500 trips.", 9500),
    ("en", "Since the service started on May 5, 2017, 14,000 trains have run via Alashankou.", 14000),
]


@pytest.mark.parametrize(("lang", "text", "value"), DATES)
def test_day_of_a_date_is_not_a_figure(lang: str, text: str, value: float) -> None:
    found = run(text, lang=lang).observations
    assert [o.value for o in found] == [value], [(o.indicator, o.value) for o in found]
    # a cumulative total since a named day runs from that day to publication (bench/challenge2 gold, en_09)
    assert found[0].period_start is not None and found[0].period_start.isoformat() in ("2016-04-08", "2017-05-05")


# Trains or trucks held or set aside are a queue, not a count.
QUEUES = [
    ("en", "On Tuesday about 45 trains were held up at stations short of Altynkol.", "trains_in_queue", 45),
    ("en", "KTZ said 210 trains had been set aside across the network.", "trains_in_queue", 210),
    ("ru", "На станциях перед Алтынколем отставлено от движения 57 поездов.", "trains_in_queue", 57),
    ("ru", "На подходах к Алтынколю стоят 40 поездов.", "trains_in_queue", 40),
    ("zh", "阿拉山口站前方待交接列车达35列。", "trains_in_queue", 35),
]


@pytest.mark.parametrize(("lang", "text", "indicator", "value"), QUEUES)
def test_held_trains_are_a_queue(lang: str, text: str, indicator: str, value: float) -> None:
    assert only(run(text, lang=lang), indicator).value == value


# An amendment of a technical regulation is one `regulation` event per change, quoted from the sentence that
# states the change with its effective date; "the technical regulation" is the one the text names by number; a
# certificate named only as what the requirement lets one obtain does not make it a certification event.
AMENDMENTS = [
    (
        "en",
        "EEC amends technical regulation on buses\n\n"
        "The Eurasian Economic Commission has amended the technical regulation on the safety of wheeled vehicles. "
        "The decision, adopted on March 3 and published on March 10, amends TR CU 018/2011. "
        "From January 1, 2027, electric buses will have to meet UN Regulation No. 100 in order to obtain "
        "a vehicle type approval in the EAEU.",
        "2026-03-12",
        "2027-01-01",
        "From January 1, 2027",
    ),
    (
        "ru",
        "Коллегия ЕЭК внесла изменения в технический регламент о безопасности колёсных транспортных средств. "
        "Решение от 3 марта 2026 года касается ТР ТС 018/2011. "
        "С 1 февраля 2027 года для получения одобрения типа транспортного средства производители электробусов "
        "должны будут подтвердить соответствие батареи Правилам ООН № 100.",
        "2026-03-12",
        "2027-02-01",
        "С 1 февраля 2027 года",
    ),
    (
        "zh",
        "欧亚经济联盟修订技术法规 电动客车出口需关注\n\n"
        "欧亚经济委员会近日修订《关于轮式车辆安全》技术法规（TR CU 018/2011），自2027年2月1日起，"
        "电动客车申请车辆型式批准时，须提交动力蓄电池符合UN R100法规的检测报告。\n"
        "海关提醒，相关企业应：\n1. 及时了解修订内容，核对出口车型的检测报告；",
        "2026-03-12",
        "2027-02-01",
        "自2027年2月1日起",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "effective", "quoted"), AMENDMENTS)
def test_amendment_is_one_regulation_event(lang: str, text: str, published: str, effective: str, quoted: str) -> None:
    events = run(text, published, lang).events
    assert [(e.kind, e.regime) for e in events] == [("regulation", "TR CU 018/2011")], events
    assert events[0].effective_date is not None and events[0].effective_date.isoformat() == effective
    assert quoted in events[0].quote


def test_publication_date_is_not_the_effective_date() -> None:
    text = "The amendments to TR EAEU 037/2016, published on November 20, will apply from March 1, 2026."
    events = run(text, "2025-11-25").events
    assert len(events) == 1 and events[0].effective_date is not None
    assert events[0].effective_date.isoformat() == "2026-03-01"


def test_certificate_as_the_subject_of_the_change_stays_certification() -> None:
    text = (
        "Коллегия ЕЭК утвердила изменения в ТР ТС 018/2011. С 1 апреля 2027 года сертификаты соответствия на "
        "электробусы будут выдаваться только при наличии протокола испытаний батареи."
    )
    events = run(text, "2026-03-12", "ru").events
    assert [(e.kind, e.regime) for e in events] == [("certification", "TR CU 018/2011")]


ADVICE = [
    ("en", "Exporters should familiarise themselves with the amendments to TR CU 018/2011 and check their documents."),
    ("ru", "Экспортёрам рекомендуется ознакомиться с изменениями в ТР ТС 018/2011 и проверить протоколы испытаний."),
    ("zh", "相关企业应及时了解《关于轮式车辆安全》技术法规的修订内容，核对出口车型检测报告。"),
]


@pytest.mark.parametrize(("lang", "text"), ADVICE)
def test_advice_to_look_at_a_change_is_not_an_event(lang: str, text: str) -> None:
    assert run(text, "2026-03-12", lang).events == []


# Tables: the unit is in the row label, the columns are periods named in the header row.
TABLES = [
    (
        "ru",
        "Итоги работы станции Достык\n\nПоказатель | январь–сентябрь 2024 | январь–сентябрь 2025 | Изм.\n"
        "Передано поездов, ед. | 3 230 | 3 412 | +5,6%\nПереработка грузов, млн т | 13,9 | 14,8 | +6,5%\n",
        "2025-10-20",
        [("trains_count", 3412, 5.6), ("cargo_tonnes", 14.8e6, 6.5)],
    ),
    (
        "en",
        "Alashankou port: key figures\n\nIndicator\t2024\t2025\tChange\n"
        "Freight volume, million tonnes\t28.1\t30.4\t+8.2%\nContainers ('000 TEU)\t610.5\t655.0\t+7.3%\n",
        "2026-01-25",
        [("cargo_tonnes", 30.4e6, 8.2), ("containers_teu", 655000, 7.3)],
    ),
    (
        "zh",
        "霍尔果斯口岸主要指标\n\n| 指标 | 2024年 | 2025年 | 同比 |\n| 货运量（万吨） | 3650.2 | 3912.8 | +7.2% |\n"
        "| 出口汽车（辆） | 281000 | 304500 | +8.4% |\n",
        "2026-01-25",
        [("cargo_tonnes", 39128000, 7.2), ("vehicles_exported", 304500, 8.4)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), TABLES)
def test_table_row_with_unit_in_label(
    lang: str, text: str, published: str, expected: list[tuple[str, float, float | None]]
) -> None:
    found = run(text, published, lang).observations
    latest = max(o.period_end for o in found if o.period_end is not None)
    got = sorted((o.indicator, o.value, o.yoy_pct) for o in found if o.period_end == latest)  # the latest column
    assert got == sorted((i, pytest.approx(v), y) for i, v, y in expected), got
    ports = {o.port for o in found}
    assert len(ports) == 1 and None not in ports  # the caption names the port
    assert latest.year == (2025 if lang == "ru" else int(published[:4]) - 1)
    # the earlier column is read too, a year before and without the change
    earlier = [o for o in found if o.period_end != latest]
    assert len(earlier) == len(expected)
    assert all(o.period_end and o.period_end.year == latest.year - 1 and o.yoy_pct is None for o in earlier)


def test_table_plan_column_and_unitless_label_are_not_read() -> None:
    text = (
        "Хоргос: основные показатели\n\nПоказатель | 2025 | 2026 (план)\nГрузооборот, млн т | 30,1 | 33,0\n"
        "Число сотрудников | 410 | 450\n"
    )
    found = run(text, "2026-02-01", "ru").observations
    assert [(o.indicator, o.value, o.period_start.year if o.period_start else None) for o in found] == [
        ("cargo_tonnes", pytest.approx(30.1e6), 2025)
    ]


# "at the approaches", "на подходах": the station named before, not the railway company named in passing.
APPROACHES = [
    (
        "en",
        "Winter queues at Altynkol are common. Last February, the number of trains waiting at the approaches "
        "exceeded 80, prompting KTZ to limit loading.",
    ),
    ("ru", "Очереди на Алтынколе повторяются каждую зиму. В феврале на подходах стояли 90 поездов, сообщили в КТЖ."),
]


@pytest.mark.parametrize(("lang", "text"), APPROACHES)
def test_queue_at_the_approaches_is_the_station_before(lang: str, text: str) -> None:
    assert only(run(text, "2026-01-27", lang), "trains_in_queue").port == "altynkol"
