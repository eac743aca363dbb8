"""Events: which kind a change is, which sentence and date it is quoted with, and regimes named as unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

# An amendment (or an amended / new version) entering into force is a regulation change, even when the
# sentence goes on to say which certificates it requires.
AMENDMENT_IN_FORCE = [
    (
        "en",
        "The revised TR CU 004/2011 on low-voltage equipment takes effect on 1 October 2026, after which power "
        "banks must be certified by an accredited EAEU body.",
        date(2026, 10, 1),
    ),
    (
        "ru",
        "С 1 сентября 2026 года вступают в силу поправки в ТР ТС 004/2011, по которым зарядные станции должны "
        "проходить сертификацию вместо декларирования.",
        date(2026, 9, 1),
    ),
    (
        "ru",
        "Измененный ТР ТС 004/2011 вступает в силу с 1 октября 2026 года, после чего для пауэрбанков потребуется "
        "сертификат ЕАС.",
        date(2026, 10, 1),
    ),
    (
        "zh",
        "新版TR CU 004/2011《低压设备安全》技术法规自2026年10月1日起施行，此前签发的合格证书在有效期内继续有效。",
        date(2026, 10, 1),
    ),
]


@pytest.mark.parametrize(("lang", "text", "effective"), AMENDMENT_IN_FORCE)
def test_amendment_entering_into_force_is_a_regulation_change(lang: str, text: str, effective: date) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [(e.kind, e.regime, e.effective_date) for e in events] == [("regulation", "TR CU 004/2011", effective)]


# A document to submit when applying for an approval is a step of the approval procedure: a certification
# change, when the sentence does not state the amendment itself.
APPROVAL_PROCEDURE = [
    (
        "zh",
        "自2026年10月1日起，电动客车申请车辆型式批准时，须按修订后的技术法规（TR CU 018/2011）提交电池热扩散试验报告。",
    ),
    (
        "en",
        "From October 1, 2026, electric buses must submit a battery thermal propagation test report when applying "
        "for a vehicle type approval under TR CU 018/2011.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), APPROVAL_PROCEDURE)
def test_requirement_of_the_approval_procedure_is_certification(lang: str, text: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [(e.kind, e.regime) for e in events] == [("certification", "TR CU 018/2011")]


# The date of the decision that amends ("Decision No. 12 of 3 March 2026", 「第12号决议（2026年3月3日）」) is
# not when the change takes effect: the event quotes the entry into force with its date.
DECISION_DATES = [
    (
        "en",
        "The Board of the Eurasian Economic Commission has amended TR CU 004/2011 (Decision No. 12 of 3 March "
        "2026).\n\nThe amended regulation enters into force on 1 October 2026, from which date power banks need "
        "an EAC certificate.",
        "The amended regulation enters into force",
    ),
    (
        "zh",
        "欧亚经济委员会理事会第12号决议（2026年3月3日）对TR CU 004/2011技术法规作出修订。\n\n"
        "修订后的技术法规自2026年10月1日起生效，此后移动电源须取得EAC证书。",
        "修订后的技术法规自2026年10月1日起生效",
    ),
    (
        "zh",
        "欧亚经济委员会理事会2026年3月3日第12号决议对TR CU 004/2011技术法规作出修订。\n\n"
        "修订后的技术法规自2026年10月1日起生效，此后移动电源须取得EAC证书。",
        "修订后的技术法规自2026年10月1日起生效",
    ),
    (
        "ru",
        "Совет ЕЭК внес изменения в ТР ТС 004/2011 (Решение № 12 от 3 марта 2026 года).\n\n"
        "Измененный регламент вступает в силу с 1 октября 2026 года, после чего для пауэрбанков потребуется "
        "сертификат ЕАС.",
        "Измененный регламент вступает в силу",
    ),
]


@pytest.mark.parametrize(("lang", "text", "quote_start"), DECISION_DATES)
def test_decision_date_is_not_the_effective_date(lang: str, text: str, quote_start: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [(e.kind, e.regime, e.effective_date) for e in events] == [
        ("regulation", "TR CU 004/2011", date(2026, 10, 1))
    ]
    assert events[0].quote.startswith(quote_start)


def test_day_of_a_full_date_is_kept() -> None:
    """'September 2026' inside '15 September 2026' is not a second date (the first of the month)."""
    events = run("From 15 September 2026 the amended TR CU 004/2011 enters into force.", "2026-03-20").events
    assert [e.effective_date for e in events] == [date(2026, 9, 15)]


# A regime named as what stays as it is delimits the change; it is not a second one.
UNCHANGED = [
    (
        "en",
        "The amendments to TR CU 004/2011 enter into force on 1 October 2026. Electric buses remain subject to "
        "TR CU 018/2011; only low-voltage equipment is affected by the amendment.",
    ),
    (
        "en",
        "The amendments to TR CU 004/2011 enter into force on 1 October 2026. TR CU 018/2011 on wheeled vehicles "
        "is not affected by the amendment.",
    ),
    (
        "ru",
        "Изменения в ТР ТС 004/2011 вступают в силу с 1 октября 2026 года. Электробусы по-прежнему подпадают под "
        "ТР ТС 018/2011, поправки касаются только низковольтного оборудования.",
    ),
    ("zh", "修订后的TR CU 004/2011自2026年10月1日起生效。电动客车仍适用TR CU 018/2011，此次修订仅涉及低压设备。"),
]


@pytest.mark.parametrize(("lang", "text"), UNCHANGED)
def test_regime_that_stays_is_not_a_second_event(lang: str, text: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [(e.kind, e.regime, e.effective_date) for e in events] == [
        ("regulation", "TR CU 004/2011", date(2026, 10, 1))
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Trucks and buses remain under TR CU 018/2011 on the safety of wheeled vehicles."),
        ("ru", "Грузовики и автобусы остаются в рамках ТР ТС 018/2011."),
        ("zh", "货车和客车仍适用TR CU 018/2011《轮式车辆安全》技术法规。"),
    ],
)
def test_unchanged_regime_alone_is_no_event(lang: str, text: str) -> None:
    assert run(text, "2026-03-20", lang).events == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "From October 1, 2026, power banks must carry an EAC certificate under the amended TR CU 004/2011."),
        ("ru", "С 1 октября 2026 года пауэрбанки должны иметь сертификат ЕАС по измененному ТР ТС 004/2011."),
        ("zh", "自2026年10月1日起，移动电源须按修订后的TR CU 004/2011取得EAC证书。"),
    ],
)
def test_certificate_required_under_the_amended_regulation_stays_certification(lang: str, text: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [(e.kind, e.regime) for e in events] == [("certification", "TR CU 004/2011")]
