"""Extraction speed and memory on one core, and a comparison with quantulum3 on the English texts.

    .venv/bin/python bench/extract.py [CORPUS_DIR] [--seconds 10]

quantulum3 is not a project dependency: install it only for a bench run (for example
`pip install --target /tmp/q3 quantulum3` and run with `PYTHONPATH=/tmp/q3`); without it that comparison is
skipped with a message.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import tracemalloc
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_CORPUS = Path("/work/shared/corpus")


def _rss_kb() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def load_cost() -> tuple[Any, Any, Any]:
    """Memory of importing the extractor and loading its data (first call), by tracemalloc and RSS."""
    import pydantic  # noqa: F401  (the message models come with the service anyway; not the extractor's cost)

    rss0 = _rss_kb()
    tracemalloc.start()
    from handlers.extract import extract
    from handlers.extract.textfile import read_text_document
    from service.models import Document

    extract(Document(id="w", source_id="w", url="w", text="Horgos handled 3,000 trains in 2025."))
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = _rss_kb()
    print(
        f"load: tracemalloc current {current / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB; "
        f"RSS delta {(rss1 - rss0) / 1e3:.1f} MB"
    )
    return extract, read_text_document, Document


def bench_speed(extract: Any, docs: list[Any], seconds: float) -> None:
    total_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    gc.collect()
    rounds = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for d in docs:
            extract(d)
        rounds += 1
    elapsed = time.perf_counter() - start
    n = rounds * len(docs)
    us_per_kb = elapsed * 1e6 / (rounds * total_bytes / 1024)
    print(
        f"speed: {n} documents in {elapsed:.1f} s on one core: {n / elapsed:,.0f} docs/s, "
        f"{us_per_kb:,.0f} µs per KB, {1e6 / (us_per_kb * 4):,.0f} docs/s at 4 KB per document "
        f"(corpus: {len(docs)} docs, {total_bytes / 1024:.1f} KB, mean {total_bytes / len(docs) / 1024:.1f} KB)"
    )


def four_kb_documents(docs: list[Any], document_cls: Any) -> list[Any]:
    """The corpus text re-cut into documents of about 4 KB (whole lines), to measure that size directly."""
    lines = [line for d in docs for line in d.text.splitlines()]
    out: list[Any] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line.encode("utf-8")) + 1
        if size >= 4096:
            out.append(
                document_cls(
                    id=str(len(out)), source_id="b", url="b", text="\n".join(chunk), published_at=docs[0].published_at
                )
            )
            chunk, size = [], 0
    return out


TARGET_4KB = 2000  # docs/s on one core (issue 3)


def bench_4kb(extract: Any, docs: list[Any], seconds: float) -> None:
    gc.collect()
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < seconds:
        for d in docs:
            extract(d)
        n += len(docs)
    elapsed = time.perf_counter() - start
    print(
        f"speed at 4 KB: {len(docs)} documents of ~4 KB re-cut from the corpus, {n} runs in {elapsed:.1f} s: "
        f"{n / elapsed:,.0f} docs/s, {elapsed * 1e6 / n:,.0f} µs per document (target {TARGET_4KB:,} docs/s, "
        f"{1e6 / TARGET_4KB:,.0f} µs)"
    )


def bench_long_run(extract: Any, docs: list[Any], document_cls: Any) -> None:
    """The corpus lines that carry figures as one 64 K-character run with no sentence end (a flattened page of
    figures), against the same lines as written: the cost per KB of such a run should stay near that of the
    sentences, not grow with the run's length."""
    text = " ".join(d.text for d in docs)
    lines = [line for line in text.splitlines() if any(ch.isdigit() for ch in line)]  # the lines with figures
    flat = ", ".join(lines).replace(". ", ", ").replace("。", "，")
    flat = (flat * (65536 // len(flat) + 1))[:65536]
    written = "\n".join(lines)
    prose = (written * (65536 // len(written) + 1))[:65536]
    timings = []
    for body in (prose, flat):
        doc = document_cls(id="long", source_id="b", url="b", text=body, published_at=docs[0].published_at)
        t0 = time.perf_counter()
        extract(doc)
        timings.append((time.perf_counter() - t0) * 1e6 / (len(body.encode("utf-8")) / 1024))
    print(
        f"long run: the corpus lines with figures as 64 K characters without sentence ends: "
        f"{timings[1]:,.0f} µs per KB, against {timings[0]:,.0f} µs per KB for the same lines as written "
        f"({timings[1] / timings[0]:.1f}×)"
    )


def _gold_found(gold_items: list[Any], values: list[float]) -> int:
    from handlers.extract.scoring import value_matches

    return sum(any(value_matches(g.indicator, g.value, v) for v in values) for g in gold_items)


def compare_quantulum(extract: Any, docs: dict[str, Any], corpus: Path) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        print(
            "quantulum3: not importable, comparison skipped "
            "(pip install --target /tmp/q3 quantulum3; run with PYTHONPATH=/tmp/q3)"
        )
        return
    from handlers.extract.scoring import load_gold, match_document

    gold = load_gold(corpus / "gold.jsonl")
    english = {name: d for name, d in docs.items() if name.endswith("_en.txt") and name in gold}
    items = {name: [g for g in gold[name].items if not g.optional] for name in english}
    n_gold = sum(len(v) for v in items.values())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("warm up 3 tonnes")  # loads its unit tables
        t0 = time.perf_counter()
        q_values = {name: [q.value for q in parser.parse(d.text)] for name, d in english.items()}
        q_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = {name: extract(d).observations for name, d in english.items()}
    o_time = time.perf_counter() - t0
    q_found = sum(_gold_found(items[n], q_values[n]) for n in english)
    o_found = sum(len(match_document(n, items[n], ours[n]).pairs) for n in english)
    o_any = sum(_gold_found(items[n], [o.value for o in ours[n]]) for n in english)
    print(
        f"quantulum3 on {len(english)} English texts: {len(english) / q_time:,.1f} docs/s, "
        f"{sum(len(v) for v in q_values.values())} quantities, {q_found}/{n_gold} gold values present (any value, "
        f"no indicator or port)"
    )
    print(
        f"corridor-watch on the same texts: {len(english) / o_time:,.1f} docs/s (single pass), "
        f"{o_found}/{n_gold} gold figures matched with indicator and port ({o_any}/{n_gold} values present)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    extract, read_text_document, document_cls = load_cost()
    paths = sorted((args.corpus / "texts").glob("*.txt"))
    if not paths:
        print(f"no texts under {args.corpus / 'texts'}", file=sys.stderr)
        return 2
    docs = {p.name: read_text_document(p) for p in paths}
    bench_speed(extract, list(docs.values()), args.seconds)
    bench_4kb(extract, four_kb_documents(list(docs.values()), document_cls), args.seconds)
    bench_long_run(extract, list(docs.values()), document_cls)
    compare_quantulum(extract, docs, args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
