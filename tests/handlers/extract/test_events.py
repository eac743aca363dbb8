"""Certification, regulation and policy events."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run


def test_effective_date_of_an_amendment_ru() -> None:
    ex = run(
        "Изменения в ТР ЕАЭС 037/2016 вступают в силу с 1 марта 2026 года\n\n"
        "Коллегия ЕЭК утвердила изменения в технический регламент ТР ЕАЭС 037/2016. "
        "Изменения вступают в силу с 1 марта 2026 года.",
        "2025-12-03",
        "ru",
    )
    (event,) = ex.events
    assert (event.kind, event.regime, event.effective_date) == ("regulation", "TR EAEU 037/2016", date(2026, 3, 1))
    assert event.quote == "Изменения вступают в силу с 1 марта 2026 года."


def test_end_of_transition_period_is_certification_en() -> None:
    ex = run(
        "The Eurasian Economic Commission has set September 1, 2026 as the end of the transition period "
        "for amendments to TR CU 018/2011 on wheeled vehicles.",
        "2026-02-20",
    )
    (event,) = ex.events
    assert (event.kind, event.regime, event.effective_date) == ("certification", "TR CU 018/2011", date(2026, 9, 1))


def test_new_requirement_zh() -> None:
    ex = run("自2026年7月1日起，出口新能源汽车须提供UN 38.3检测报告，新规正式实施。", "2026-05-01", "zh")
    (event,) = ex.events
    assert event.regime == "UN 38.3"
    assert event.effective_date == date(2026, 7, 1)


def test_policy_with_date_ru_and_zh() -> None:
    ru = run(
        "С 1 декабря 2025 года пункт пропуска «Калжат» переходит на круглосуточный режим работы.", "2025-11-20", "ru"
    )
    zh = run("自2026年3月1日起，对经霍尔果斯公路口岸出口的新能源汽车全面实施提前申报通关模式。", "2026-02-12", "zh")
    assert [(e.kind, e.effective_date) for e in ru.events] == [("policy", date(2025, 12, 1))]
    assert [(e.kind, e.effective_date) for e in zh.events] == [("policy", date(2026, 3, 1))]


def test_year_inferred_for_a_date_without_year() -> None:
    ex = run("From January 15 the Horgos checkpoint will switch to round-the-clock operation.", "2025-12-20")
    assert [e.effective_date for e in ex.events] == [date(2026, 1, 15)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Procurement interest in EAC-RoHS compliant models has risen, and EAC certification matters.", "en"),
        ("Officials attributed the decline to tighter documentation checks under UN 38.3.", "en"),
        ("哈萨克斯坦市场对符合EAC认证的新能源商用车需求持续上升。", "zh"),
        ("今年以来，海关对出口商品车实行“随到随检”。", "zh"),
        ("Поставщикам рекомендуют заранее получить сертификат ЕАС.", "ru"),
    ],
)
def test_mere_mentions_are_not_events(text: str, lang: str) -> None:
    assert run(text, lang=lang).events == []


@pytest.mark.parametrize(
    ("text", "lang", "published", "kind", "regime", "effective"),
    [
        (
            "From March 1, 2026, all electric vehicles imported into Kazakhstan must have an EAC certificate "
            "confirming compliance with TR CU 018/2011.",
            "en",
            "2026-01-10",
            "certification",
            "TR CU 018/2011",
            date(2026, 3, 1),
        ),
        (
            "The EEC Council approved amendments to TR EAEU 037/2016; the new requirements will take effect on "
            "January 1, 2027.",
            "en",
            "2026-05-10",
            "regulation",
            "TR EAEU 037/2016",
            date(2027, 1, 1),
        ),
        (
            "Kazakhstan will require UN 38.3 test reports for lithium batteries shipped by rail starting July 1.",
            "en",
            "2026-05-10",
            "regulation",
            "UN 38.3",
            date(2026, 7, 1),
        ),
        (
            "С 1 января 2026 года вступают в силу новые требования ТР ТС 018/2011 к электромобилям.",
            "ru",
            "2025-11-10",
            "regulation",
            "TR CU 018/2011",
            date(2026, 1, 1),
        ),
        (
            "自2026年1月1日起，哈萨克斯坦对进口新能源汽车实施强制性EAC认证。",
            "zh",
            "2025-12-10",
            "certification",
            "EAC",
            date(2026, 1, 1),
        ),
        (
            "Starting from January 2026, the Horgos checkpoint will extend its working hours.",
            "en",
            "2025-11-10",
            "policy",
            None,
            date(2026, 1, 1),
        ),
    ],
)
def test_event_forms(text: str, lang: str, published: str, kind: str, regime: str | None, effective: date) -> None:
    (event,) = run(text, published, lang).events
    assert (event.kind, event.regime, event.effective_date) == (kind, regime, effective)


@pytest.mark.parametrize(
    "text",
    [
        "From January to October, Horgos handled 6,000 trains.",
        "Since January 1, the port has handled 3,000 trains.",
        "Enterprises must confirm whether test reports align with current EAEU technical regulations.",
        "On January 5, 2026, Horgos handled a record 120 trains.",
    ],
)
def test_dates_without_a_change_are_not_events(text: str) -> None:
    assert run(text, "2026-02-10").events == []
