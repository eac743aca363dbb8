"""pipeline._UNUSUAL finds exactly the characters _WIDE or trie's fold-unsafe class finds (one scan for two)."""

from __future__ import annotations

from handlers.extract.pipeline import _UNUSUAL, _WIDE
from handlers.extract.trie import fold_safe


def test_unusual_is_wide_or_fold_unsafe() -> None:
    for code in [*range(0x10000), 0x1F600, 0x20000]:
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        expected = _WIDE.match(ch) is not None or not fold_safe(ch)
        assert (_UNUSUAL.match(ch) is not None) == expected, hex(code)
