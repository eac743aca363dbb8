"""Every setting is documented: in the README's configuration table and in the env example."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import setting_names

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("doc", ["README.md", "deploy/corridor-watch.env.example"])
def test_every_setting_is_documented(doc: str) -> None:
    text = (ROOT / doc).read_text()
    missing = [name for name in setting_names() if name not in text]
    assert missing == []


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text()
    block = text.split("```", 2)[1].strip().splitlines()
    assert [line.split("#")[0].strip() for line in block] == ["python3 tasks.py run", "python3 tasks.py test"]
    assert "python3 tasks.py test" in (ROOT / ".ci/run").read_text()
