"""The seed documents end to end (other stages' tests depend on these figures)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from handlers.extract import extract
from handlers.extract.textfile import read_text_document

CORPUS = Path("/work/shared/corpus/texts")
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not mounted")


def _obs(name: str) -> dict[str, tuple[float, str | None, date | None, date | None, float | None, list[str]]]:
    ex = extract(read_text_document(CORPUS / name))
    return {
        f"{o.port}/{o.indicator}/{o.value:g}": (o.value, o.port, o.period_start, o.period_end, o.yoy_pct, o.flags)
        for o in ex.observations
    }


def test_seed_000_horgos_trains_nev_share_clearance_rate() -> None:
    got = _obs("seed_000_en.txt")
    assert got["horgos/trains_count/3000"][2:5] == (date(2026, 1, 1), date(2026, 4, 30), 21.0)
    assert "horgos/nev_share_pct/37" in got
    assert "horgos/clearance_rate_pct/99.2" in got
    assert len(got) == 3  # repeated figures count once


def test_seed_001_vehicles_2024() -> None:
    got = _obs("seed_001_en.txt")
    assert got["horgos/vehicles_exported/421000"][2:4] == (date(2024, 1, 1), date(2024, 12, 31))
    assert not any("clearance_time" in k for k in got)  # a 24-hour clearance system is not a clearance time


def test_seed_002_xinjiang_and_xian() -> None:
    got = _obs("seed_002_en.txt")
    assert got["xinjiang/trains_count/16000"][2:5] == (date(2025, 1, 1), date(2025, 11, 30), 7.6)
    assert got["xian/trains_count/5063"][2:5] == (date(2025, 1, 1), date(2025, 10, 31), 16.3)


def test_seed_003_implausible_flag() -> None:
    got = _obs("seed_003_en.txt")
    two_million = got["horgos/vehicles_exported/2e+06"]
    assert two_million[2:5] == (date(2024, 1, 1), date(2024, 3, 1), 381.0)
    assert "implausible" in two_million[5]
    assert got["horgos/vehicles_exported/304000"][4] == 307.5
    assert "implausible" not in got["horgos/vehicles_exported/304000"][5]


def test_seed_004_horgos_tonnes_not_navigation() -> None:
    got = _obs("seed_004_ru.txt")
    assert got["horgos/cargo_tonnes/2.22e+07"][2:5] == (date(2025, 1, 1), date(2025, 6, 30), 4.3)
    assert not any(k.startswith("horgos/") and "7.16e+07" in k for k in got)
