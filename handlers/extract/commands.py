"""`corridor-watch extract PATH...` and `corridor-watch eval CORPUS_DIR` (DESIGN section 6)."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from handlers.extract.language import detect_language
from handlers.extract.pipeline import extract
from handlers.extract.scoring import (
    DocResult,
    GoldDoc,
    GoldItem,
    load_gold,
    match_document,
    match_events,
    period_correct,
    period_of,
    prf,
    yoy_correct,
)
from handlers.extract.textfile import read_text_document
from service.models import Event, Observation


def extract_command(paths: list[Path], out: TextIO) -> int:
    """One JSON object per observation or event, with `type` and `path` (as given)."""
    status = 0
    for path in paths:
        try:
            document = read_text_document(path)
        except OSError as exc:
            print(f"corridor-watch extract: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        result = extract(document)
        for obs in result.observations:
            _write(out, {"type": "observation", "path": str(path), **obs.model_dump(mode="json")})
        for event in result.events:
            _write(out, {"type": "event", "path": str(path), "id": event.id, **event.model_dump(mode="json")})
    return status


def _write(out: TextIO, row: dict[str, Any]) -> None:
    out.write(json.dumps(row, ensure_ascii=False) + "\n")


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self, label: str) -> str:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return f"  {label:<22} {self.tp:>4} {self.fp:>4} {self.fn:>4}   {p:.3f}   {r:.3f}   {f:.3f}"


@dataclass(slots=True)
class _Report:
    by_indicator: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    by_language: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    total: _Tally = field(default_factory=_Tally)
    events: _Tally = field(default_factory=_Tally)
    results: list[DocResult] = field(default_factory=list)
    event_misses: list[str] = field(default_factory=list)
    event_false: list[str] = field(default_factory=list)
    period: list[bool] = field(default_factory=list)
    yoy: list[bool] = field(default_factory=list)
    wrong_attributes: list[str] = field(default_factory=list)


def eval_command(corpus_dir: Path, out: TextIO) -> int:
    """Precision, recall and F1 per indicator and language, misses, false alarms, attributes, events."""
    gold_path = corpus_dir / "gold.jsonl"
    texts = corpus_dir / "texts"
    if not gold_path.is_file() or not texts.is_dir():
        print(f"corridor-watch eval: {corpus_dir} needs gold.jsonl and texts/ (DESIGN section 8)", file=sys.stderr)
        return 2
    gold = load_gold(gold_path)
    report = _Report()
    for name in sorted(gold):
        path = texts / name
        if not path.is_file():
            print(f"corridor-watch eval: {path} is listed in gold.jsonl but missing; scored as empty", file=sys.stderr)
            _score_doc(report, gold[name], _language(name, "other"), [], [])
            continue
        document = read_text_document(path)
        result = extract(document)
        language = detect_language(document.text, document.language)
        _score_doc(report, gold[name], language, result.observations, result.events)
    _print(report, out)
    return 0


def _language(name: str, header: str) -> str:
    stem = Path(name).stem
    suffix = stem.rsplit("_", 1)[-1]
    return suffix if suffix in ("en", "ru", "zh") else header


def _score_doc(report: _Report, gold: GoldDoc, lang: str, obs: list[Observation], events: list[Event]) -> None:
    res = match_document(gold.file, gold.items, obs)
    report.results.append(res)
    language = _language(gold.file, lang)
    for item, o in res.pairs:
        for tally in (report.by_indicator[item.indicator], report.by_language[language], report.total):
            tally.tp += 1
        ok = period_correct(item, o)
        if ok is not None:
            report.period.append(ok)
        yoy_ok = yoy_correct(item, o)
        report.yoy.append(yoy_ok)
        if ok is False:
            report.wrong_attributes.append(_wrong(gold.file, item, "period", item.period, period_of(o)))
        if not yoy_ok:
            report.wrong_attributes.append(_wrong(gold.file, item, "yoy", item.yoy_pct, o.yoy_pct))
    for item in res.misses:
        for tally in (report.by_indicator[item.indicator], report.by_language[language], report.total):
            tally.fn += 1
    for o in res.false_alarms:
        for tally in (report.by_indicator[o.indicator], report.by_language[language], report.total):
            tally.fp += 1
    tp, false, misses = match_events(gold.events, events)
    report.events.tp += tp
    report.events.fp += len(false)
    report.events.fn += len(misses)
    report.event_false += [f"{gold.file}: {e.kind} {e.regime} “{e.quote}”" for e in false]
    report.event_misses += [f"{gold.file}: {g.kind} {g.regime} “{g.quote}”" for g in misses]


def _print(report: _Report, out: TextIO) -> None:
    header = f"  {'':<22} {'tp':>4} {'fp':>4} {'fn':>4}   prec    rec     f1"
    out.write("per indicator\n" + header + "\n")
    for name in sorted(report.by_indicator):
        out.write(report.by_indicator[name].line(name) + "\n")
    out.write("per language\n" + header + "\n")
    for name in sorted(report.by_language):
        out.write(report.by_language[name].line(name) + "\n")
    out.write("misses\n")
    for res in report.results:
        for g in res.misses:
            out.write(f"  {res.file}: {g.indicator} {g.port} {g.value:g} “{g.quote}”\n")
    out.write("false alarms\n")
    for res in report.results:
        for o in res.false_alarms:
            out.write(f"  {res.file}: {o.indicator} {o.port} {o.value:g} “{o.quote[:200]}”\n")
    for line in report.event_misses:
        out.write(f"  event miss {line}\n")
    for line in report.event_false:
        out.write(f"  event false alarm {line}\n")
    out.write("wrong attributes (matched figures)\n")
    for line in report.wrong_attributes:
        out.write(f"  {line}\n")
    out.write(f"attributes: period {_acc(report.period)}  yoy {_acc(report.yoy)}\n")
    ep, er, ef = prf(report.events.tp, report.events.fp, report.events.fn)
    out.write(
        f"events: tp={report.events.tp} fp={report.events.fp} fn={report.events.fn} "
        f"precision={ep:.3f} recall={er:.3f} f1={ef:.3f}\n"
    )
    p, r, f = prf(report.total.tp, report.total.fp, report.total.fn)
    out.write(f"precision={p:.3f} recall={r:.3f} f1={f:.3f}\n")


def _wrong(file: str, item: GoldItem, attribute: str, want: object, got: object) -> str:
    """One matched figure whose period or year-on-year differs from the gold, for the eval report."""
    return f"{file}: {item.indicator} {item.port} {item.value:g} {attribute} {got} (gold {want}) “{item.quote}”"


def _acc(values: list[bool]) -> str:
    if not values:
        return "n/a"
    return f"{sum(values)}/{len(values)} = {sum(values) / len(values):.3f}"
