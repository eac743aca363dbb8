"""Patterns of real wire copy beyond the development corpus: aggregates, locative border phrases, anaphors,
clearance wording, elided units, non-trade money (one test per pattern, in each language where relevant)."""

from __future__ import annotations

import pytest
from extract_helpers import run

from service.models import Observation


def _find(obs: list[Observation], indicator: str, value: float) -> Observation:
    found = [o for o in obs if o.indicator == indicator and abs(o.value - value) < 1e-6 * max(1.0, value)]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in obs]
    return found[0]


# Cause 1: a figure for the two countries or the whole region does not inherit the port named before it.
@pytest.mark.parametrize(
    ("lang", "text", "indicator", "value", "port"),
    [
        (
            "ru",
            "Через Нур Жолы в октябре прошло 21 тыс. грузовиков на экспорт. "
            "Двусторонний товарооборот за девять месяцев достиг 30,5 млрд долларов.",
            "trade_value_usd",
            30.5e9,
            "china_kazakhstan",
        ),
        (
            "zh",
            "霍尔果斯口岸前三季度进出口额达400亿元。去年两国贸易额为410亿美元。",
            "trade_value_usd",
            41e9,
            "china_kazakhstan",
        ),
        (
            "en",
            "Alashankou handled 4,100 trains in the first half. "
            "Xinjiang's total foreign trade amounted to 280 billion yuan in the same period.",
            "trade_value_cny",
            280e9,
            "xinjiang",
        ),
        (
            "zh",
            "阿拉山口口岸前三季度验放中欧班列4100列。同期，新疆外贸进出口总值2800亿元。",
            "trade_value_cny",
            280e9,
            "xinjiang",
        ),
        (
            "zh",
            "霍尔果斯口岸今年通行班列5000列。今年以来，新疆始发的中欧班列已开行900列。",
            "trains_count",
            900,
            "xinjiang",
        ),
        (
            "en",
            "Dostyk exported 800 vehicles in May. Bilateral trade rose to $20 billion last year.",
            "trade_value_usd",
            20e9,
            "china_kazakhstan",
        ),
    ],
)
def test_aggregate_vocabulary_names_the_aggregate(
    lang: str, text: str, indicator: str, value: float, port: str
) -> None:
    assert _find(run(text, lang=lang).observations, indicator, value).port == port


@pytest.mark.parametrize(
    ("lang", "text", "indicator", "value"),
    [
        (
            "ru",
            "Через Нур Жолы в 2025 году экспортировано 60 тыс. автомобилей. "
            "Всего в Казахстан было ввезено 120 тыс. легковых автомобилей из Китая.",
            "vehicles_exported",
            120_000,
        ),
        (
            "en",
            "Dostyk handled 2,000 trains in 2025. Twenty years ago, fewer than 300 trains crossed in a year.",
            "trains_count",
            300,
        ),
        (
            "ru",
            "Через Алтынколь прошло 1 500 поездов. На оба перехода пришлось 20 млн тонн грузов.",
            "cargo_tonnes",
            20e6,
        ),
    ],
)
def test_national_or_historical_figure_takes_no_carried_port(
    lang: str, text: str, indicator: str, value: float
) -> None:
    found = [o for o in run(text, lang=lang).observations if o.indicator == indicator and o.value == value]
    assert all(o.port is None for o in found), [(o.port, o.value) for o in found]


# Cause 2: "on the China-Kazakhstan border" only locates the port named before it.
@pytest.mark.parametrize(
    ("lang", "text", "port"),
    [
        (
            "en",
            "Horgos, a key crossing on the China-Kazakhstan border, received 300 trains in May. "
            "The total for the year so far rose to 2,100 trains.",
            "horgos",
        ),
        (
            "ru",
            "Пункт пропуска Достык на казахстанско-китайской границе в мае принял 300 поездов. "
            "С начала года здесь обработано 2 100 поездов.",
            "dostyk",
        ),
    ],
)
def test_locative_border_phrase_is_not_a_port(lang: str, text: str, port: str) -> None:
    assert _find(run(text, lang=lang).observations, "trains_count", 2100).port == port


def test_border_crossings_as_a_whole_are_still_the_aggregate() -> None:
    ex = run("Trucks crossing through Kazakhstan-China border crossings totalled 500,000 vehicles for export.")
    assert _find(ex.observations, "vehicles_exported", 500_000).port == "china_kazakhstan"


# Cause 3: clearance and handling time wording.
@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        ("ru", "На посту «Хоргос» среднее время выпуска товаров составило 2,2 часа.", 2.2),
        ("ru", "На станции Алтынколь время обработки одного поезда сократили до 4 часов.", 4),
        ("ru", "В порту Хоргос – Восточные ворота время перевалки одного состава составило 7 часов.", 7),
        ("zh", "霍尔果斯口岸单列班列的通关时间缩短至50分钟。", 50 / 60),
        ("zh", "霍尔果斯口岸班列的停留时间压缩至3小时。", 3),
    ],
)
def test_clearance_time_wording(lang: str, text: str, hours: float) -> None:
    assert _find(run(text, lang=lang).observations, "clearance_time_hours", hours).value == pytest.approx(hours)


def test_generic_port_word_after_a_named_port_resolves() -> None:
    ex = run("霍尔果斯口岸今年验放班列3000列。目前，班列在口岸的停留时间压缩至3小时。", lang="zh")
    assert _find(ex.observations, "clearance_time_hours", 3).port == "horgos"


def test_russian_share_of_released_declarations_is_a_clearance_rate() -> None:
    ex = run("На посту Достык за квартал выпущено 98,7% поданных деклараций.", lang="ru")
    assert _find(ex.observations, "clearance_rate_pct", 98.7).port == "dostyk"


# Cause 4/11: "the station", "the dry port" point back to the port named alone, not to an aggregate or a person.
def test_job_title_before_station_is_not_another_place() -> None:
    text = (
        "Через станцию Алтынколь прошло 1 500 поездов. "
        "Начальник станции Иван Петров сообщил, что станция принимает 9 поездов в сутки."
    )
    assert _find(run(text, lang="ru").observations, "trains_per_day", 9).port == "altynkol"


def test_anaphor_after_a_bilateral_sentence_points_to_the_named_port() -> None:
    text = (
        "The Khorgos Gateway dry port handled 300,000 TEU last year. Bilateral trade reached $40 billion. "
        "In March, the dry port handled 30,000 TEU."
    )
    assert _find(run(text).observations, "containers_teu", 30_000).port == "khorgos_gateway"


# Cause 5: gazetteer.
def test_eastern_gate_zone_with_dash_is_the_gateway() -> None:
    text = "The terminal sits in the Khorgos–Eastern Gate zone. In May the dry port handled 31,000 TEU."
    assert _find(run(text).observations, "containers_teu", 31_000).port == "khorgos_gateway"


def test_national_rail_network_is_kazakhstan_rail() -> None:
    ex = run("За полугодие по железнодорожной сети Казахстана перевезено 120 млн тонн грузов.", lang="ru")
    assert _find(ex.observations, "cargo_tonnes", 120e6).port == "kazakhstan_rail"


# Cause 6: one figure for two ports named after it is their region.
def test_pair_after_the_figure_is_the_region() -> None:
    ex = run("Some 9,000 freight trains passed through the Alashankou and Horgos ports in 2025.")
    assert _find(ex.observations, "trains_count", 9000).port == "xinjiang"


# Cause 7: elided unit nouns.
@pytest.mark.parametrize(
    ("lang", "text", "indicator", "value"),
    [
        (
            "en",
            "About 50 trains were stuck at Dostyk, and some 20 more were waiting at Altynkol.",
            "trains_in_queue",
            20,
        ),
        ("en", "The rail service made 15,000 train trips in 2025. Chengdu ran 4,000 of them.", "trains_count", 4000),
        ("ru", "На Нур Жолы в очереди стояли 400 грузовиков, на Калжате ещё 150.", "vehicles_in_queue", 150),
    ],
)
def test_elided_unit_takes_the_unit_of_the_count_before(lang: str, text: str, indicator: str, value: float) -> None:
    _find(run(text, lang=lang).observations, indicator, value)


def test_time_span_after_eshche_is_not_a_count() -> None:
    ex = run("Через Достык прошло 900 поездов. «Ещё три года назад обработка занимала сутки», – сказал он.", lang="ru")
    assert [o.value for o in ex.observations] == [900]


# Cause 8: money that is not trade.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Investors at the Horgos park signed agreements worth 1.5 billion yuan."),
        ("en", "Shoppers at Horgos may take out goods worth up to $1,500 duty free."),
        ("ru", "На форуме в Хоргосе подписано 10 соглашений на сумму 900 млн долларов."),
    ],
)
def test_non_trade_money_is_not_trade(lang: str, text: str) -> None:
    assert [o for o in run(text, lang=lang).observations if o.indicator.startswith("trade_value")] == []


# Cause 9: Russian trade phrasing.
def test_russian_goods_worth_is_trade() -> None:
    ex = run("Через Хоргос за полугодие прошло товаров на сумму 3,1 млрд долларов.", lang="ru")
    assert _find(ex.observations, "trade_value_usd", 3.1e9).port == "horgos"


def test_dash_standing_for_the_verb_keeps_the_subject() -> None:
    ex = run("Экспорт в Китай составил 9 млрд долларов, импорт из Китая – 14 млрд долларов.", lang="ru")
    assert _find(ex.observations, "trade_value_usd", 14e9).direction == "import"


# Cause 10/11: targets, equipment, per-day wording.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "На Достыке мы рассчитываем выйти на 300 тыс. ДФЭ по итогам года."),
        ("ru", "На станции Достык установят кран грузоподъёмностью 40 тонн."),
        ("en", "A new crane with a lifting capacity of 45 tonnes was installed at Dostyk."),
    ],
)
def test_targets_and_equipment_are_not_figures(lang: str, text: str) -> None:
    assert run(text, lang=lang).observations == []


def test_in_a_single_day_is_per_day() -> None:
    ex = run("At the peak, 28 trains crossed Horgos in a single day.")
    assert [o.indicator for o in ex.observations] == ["trains_per_day"]


def test_russian_queue_on_the_approach() -> None:
    ex = run("Около 200 грузовиков стояли на подъезде к пункту пропуска Калжат.", lang="ru")
    assert _find(ex.observations, "vehicles_in_queue", 200).port == "kalzhat"


# Events: one change announced in two sentences; a customs procedure with certificates is a policy.
def test_announcement_and_dated_rule_make_one_event() -> None:
    ex = run(
        "Коллегия ЕЭК одобрила поправки в технический регламент ТР ТС 018/2011.\n\n"
        "С 1 апреля 2027 года сертификаты на электробусы будут выдаваться только после испытаний батарей.",
        "2026-11-01",
        "ru",
    )
    (event,) = ex.events
    assert (event.kind, event.regime, str(event.effective_date)) == ("certification", "TR CU 018/2011", "2027-04-01")


def test_inspection_procedure_with_certificates_is_policy() -> None:
    ex = run("自2027年3月1日起，阿拉山口口岸对进口粮食实施“一站式”查验并签发电子证书。", "2026-12-01", "zh")
    (event,) = ex.events
    assert (event.kind, event.regime) == ("policy", None)


# Cause 4: a sentence adding a figure elsewhere in passing does not change what the text is about.
@pytest.mark.parametrize(
    ("lang", "text", "indicator", "value", "port"),
    [
        (
            "ru",
            "У пункта пропуска Нур Жолы в очереди стояли 900 фур. Ещё 100 машин ждали у Калжата. "
            "Китайская сторона пропускает не более 500 машин в сутки.",
            "vehicles_per_day",
            500,
            "nur_zholy",
        ),
        (
            "en",
            "About 40 trains were queuing at Dostyk. Another 15 trains were held at Altynkol. "
            "Operators there handle 18 trains a day.",
            "trains_per_day",
            18,
            "dostyk",
        ),
        (
            "zh",
            "霍尔果斯口岸滞留货车800辆。另有200辆货车在都拉塔口岸等待通关。目前，每天放行货车500辆。",
            "vehicles_per_day",
            500,
            "horgos",
        ),
    ],
)
def test_side_remark_does_not_move_the_subject(lang: str, text: str, indicator: str, value: float, port: str) -> None:
    assert _find(run(text, lang=lang).observations, indicator, value).port == port


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "旺季时，巴克图口岸每天最多可放行货车400辆。"),
        ("ru", "В пиковые дни пункт пропуска Бахты может пропускать до 400 машин в сутки."),
    ],
)
def test_at_most_can_release_is_a_capacity(lang: str, text: str) -> None:
    assert run(text, lang=lang).observations == []


# Attributes: "respectively" pairs the k-th change with the k-th figure.
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "多斯特克和阿腾科里分别接卸班列3100列和2600列，同比分别增长4.5%和8%。", [4.5, 8.0]),
        ("zh", "霍尔果斯口岸验放班列2000列、货物30万标箱，同比分别增长6%和9%。", [9.0, 6.0]),
        ("en", "Dostyk and Altynkol handled 3,300 and 2,400 trains, down 2% and 5% respectively.", [-2.0, -5.0]),
        ("ru", "Достык и Алтынколь приняли 3 300 и 2 400 поездов, рост на 2% и 5% соответственно.", [2.0, 5.0]),
    ],
)
def test_respectively_changes_pair_in_order(lang: str, text: str, expected: list[float]) -> None:
    obs = sorted(run(text, lang=lang).observations, key=lambda o: o.value, reverse=True)
    assert [o.yoy_pct for o in obs] == expected


def test_year_like_count_before_a_chinese_unit_is_a_count() -> None:
    ex = run("今年前三季度，阿拉山口口岸验放中欧班列2035列。", lang="zh")
    assert [(o.indicator, o.value) for o in ex.observations] == [("trains_count", 2035)]


@pytest.mark.parametrize(
    ("lang", "text", "yoy"),
    [
        ("ru", "Через Бахты прошло 1,2 млн тонн грузов, рост составил 6,5%.", 6.5),
        ("en", "Dostyk handled 14 million tonnes of cargo, and growth reached 4%.", 4.0),
    ],
)
def test_change_noun_with_level_verb_is_a_change(lang: str, text: str, yoy: float) -> None:
    assert _find(run(text, lang=lang).observations, "cargo_tonnes", 12e5 if lang == "ru" else 14e6).yoy_pct == yoy


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Horgos trade amounted to 60 billion yuan, while trade with Uzbekistan alone grew by 12 percent."),
        ("zh", "霍尔果斯口岸进出口额600亿元，而对乌兹别克斯坦贸易增长12%。"),
    ],
)
def test_contrastive_clause_change_belongs_to_its_own_subject(lang: str, text: str) -> None:
    (obs,) = run(text, lang=lang).observations
    assert obs.yoy_pct is None


# Periods: "the same period" is the cumulative period of the passage; "as much as in 2024" is a comparison.
@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "ru",
            "За восемь месяцев 2026 года через Хоргос прошло 900 поездов. "
            "В августе станция принимала 4 поезда в сутки. "
            "Через Алтынколь за тот же период прошло 700 поездов.",
            700,
        ),
        (
            "en",
            "Horgos handled 5,000 trains in the first eight months of 2026. In August alone it handled 700 trains. "
            "Over the same period Alashankou handled 4,000 trains.",
            4000,
        ),
    ],
)
def test_same_period_is_the_cumulative_period(lang: str, text: str, value: float) -> None:
    obs = _find(run(text, "2026-09-10", lang).observations, "trains_count", value)
    assert (str(obs.period_start), str(obs.period_end)) == ("2026-01-01", "2026-08-31")


def test_as_much_as_in_year_is_a_comparison() -> None:
    text = "In 2025 the Middle Corridor carried 40,000 TEU, twice as much as in 2024."
    obs = _find(run(text, "2026-02-01").observations, "containers_teu", 40_000)
    assert str(obs.period_start) == "2025-01-01"


def test_named_port_stays_the_subject_over_an_aggregate_in_the_same_sentence() -> None:
    text = (
        "Horgos handled 3,000 trains in May, supporting trade between China and Kazakhstan. "
        "Container volume reached 90,000 TEU."
    )
    assert _find(run(text).observations, "containers_teu", 90_000).port == "horgos"


def test_speaker_attribution_after_a_quote_names_the_port() -> None:
    text = "霍尔果斯口岸今年验放货车9万辆。“旺季时我们每天放行货车500辆。”巴克图海关有关负责人介绍。"
    assert _find(run(text, lang="zh").observations, "vehicles_per_day", 500).port == "bakhty"


def test_side_remark_opening_the_text_sets_the_subject() -> None:
    text = "Another key crossing, Dostyk, handled 4,000 trains. The port processed 20 trains a day."
    assert _find(run(text).observations, "trains_per_day", 20).port == "dostyk"


def test_capitalised_subject_noun_before_a_level_verb() -> None:
    ex = run("Trains crossing at Altynkol totalled 2,600 in the first half of 2025.")
    assert [(o.indicator, o.value, o.port) for o in ex.observations] == [("trains_count", 2600, "altynkol")]


def test_year_so_far_takes_the_months_of_its_comparison_window() -> None:
    text = "С начала года через Достык прошло 2 400 поездов – на 8% больше, чем в январе–июле прошлого года."
    obs = _find(run(text, "2026-08-05", "ru").observations, "trains_count", 2400)
    assert (str(obs.period_start), str(obs.period_end)) == ("2026-01-01", "2026-07-31")


def test_when_clause_takes_the_period_before_it() -> None:
    text = "In 2025 Altynkol handled 3,000 trains, more than in 2023, when 2,100 trains were recorded."
    obs = _find(run(text, "2026-02-01").observations, "trains_count", 2100)
    assert str(obs.period_start) == "2023-01-01"


@pytest.mark.parametrize(
    ("lang", "text", "value", "year"),
    [
        (
            "en",
            "In 2025 new-energy vehicles accounted for 30% of Horgos car exports, compared with 12% three years ago.",
            12,
            "2022",
        ),
        (
            "ru",
            "В 2025 году доля электромобилей в экспорте через Хоргос составила 30%, против 12% три года назад.",
            12,
            "2022",
        ),
    ],
)
def test_years_ago_shifts_the_comparison_figure(lang: str, text: str, value: float, year: str) -> None:
    obs = _find(run(text, "2026-02-01", lang).observations, "nev_share_pct", value)
    assert str(obs.period_start).startswith(year)


def test_made_up_is_a_share_not_a_change() -> None:
    ex = run("In 2025 NEVs made up 31% of car exports through Horgos.")
    assert [(o.indicator, o.value) for o in ex.observations] == [("nev_share_pct", 31)]


def test_trade_flow_aggregate_is_not_carried_to_a_clearance_time() -> None:
    text = (
        "Altynkol handled 2,000 trains in the first half. Bilateral trade reached $20 billion. "
        '"Reloading a train now takes four hours," the station chief said.'
    )
    ex = run(text, "2026-07-10")
    assert _find(ex.observations, "clearance_time_hours", 4).port == "altynkol"
    assert _find(ex.observations, "trade_value_usd", 20e9).port == "china_kazakhstan"


def test_could_handle_is_a_capacity() -> None:
    assert run("Officials said Altynkol could handle 25 trains a day once the new yard opens.").observations == []


def test_averaged_is_a_level_verb() -> None:
    ex = run("The number of trucks crossing at Kalzhat averaged 350 per day in September.")
    assert [(o.indicator, o.value, o.port) for o in ex.observations] == [("vehicles_per_day", 350, "kalzhat")]
