"""Alerts shaped like the EXPERIENCE.md sketches, for the notifier tests (servers come from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from service.models import Alert, ObservationRef

QUOTE = (
    "The customs clearance rate for outbound freight at the Khorgos crossing fell to 96.4% in October 2026, "
    "down from 98.9% in September"
)


def ref(source_id: str = "example-news", url: str = "https://www.example-news.kz/news/1", **kw: Any) -> ObservationRef:
    fields: dict[str, Any] = {
        "observation_id": f"obs-{source_id}",
        "document_id": f"doc-{source_id}",
        "source_id": source_id,
        "url": url,
        "quote": QUOTE,
        "language": "en",
        "value": 96.4,
        "unit": "%",
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
    }
    return ObservationRef(**{**fields, **kw})


@pytest.fixture
def make_ref() -> Callable[..., ObservationRef]:
    """`make_ref(source_id, url, **fields)`: an ObservationRef like the sketch's, fields overridden."""
    return ref


@pytest.fixture
def clearance_alert() -> Alert:
    """The EXPERIENCE.md sketch: Horgos clearance rate below 98.5 %, seen by three sources."""
    return Alert(
        id="7f3c1a2b9d0e4f5a",
        kind="firing",
        rule="clearance_rate_pct.below",
        severity="critical",
        port="horgos",
        indicator="clearance_rate_pct",
        value=96.4,
        unit="%",
        previous=98.9,
        previous_period_start=date(2026, 9, 1),
        previous_period_end=date(2026, 9, 30),
        threshold=98.5,
        delta=-2.5,
        title="Khorgos clearance rate falls to 96.4%",
        observations=[
            ref(),
            ref("kz-customs", "https://kgd.gov.kz/ru/news/2", language="ru"),
            ref("gacc", "http://www.customs.gov.cn/x?a=1&b=2", language="zh"),
        ],
        created_at=datetime(2026, 11, 23, 8, 31, 40, tzinfo=UTC),
    )


@pytest.fixture
def trains_alert() -> Alert:
    """Horgos freight trains up 21 % year on year against a 15 % rule, one source."""
    return Alert(
        id="a1b2c3d4e5f60718",
        kind="firing",
        rule="trains_count.yoy_abs_pct",
        severity="warning",
        port="horgos",
        indicator="trains_count",
        value=3000.0,
        unit="trains",
        threshold=15.0,
        delta=21.0,
        title="3,000 trains through Horgos in four months",
        observations=[
            ref(
                "railfreight",
                "https://www.railfreight.com/beltandroad/2026/05/02/horgos/",
                quote="Some 3,000 freight trains crossed Horgos between January and April, up 21% year on year.",
                value=3000.0,
                unit="trains",
                period_start=date(2026, 1, 1),
                period_end=date(2026, 4, 30),
            )
        ],
        created_at=datetime(2026, 5, 2, 9, 0, tzinfo=UTC),
    )
