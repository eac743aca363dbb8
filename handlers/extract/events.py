"""Certification, regulation and policy events: a change with a regime and/or an effective date.

A text that merely mentions EAC is not an event; an amendment, a new requirement, an effective date or the
end of a transition period is. Sentences about the same regime in one document make one event, quoted
from the body sentence that states the change (with its date when one does).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from handlers.extract import lexicon_events as le
from handlers.extract.calendar_words import month_number
from handlers.extract.literals import Occurrences, find_all
from handlers.extract.spans import Sentence, value_type
from service.models import Document, Event


@value_type
class _Hit:
    sentence: Sentence
    quote: str
    regime: str | None
    effective: date | None


def find_regime(text: str) -> str | None:
    """The regime a sentence changes: the first numbered technical regulation not named as staying as it is,
    else another regime it names."""
    for m in le.TR.finditer(text):
        if not _unchanged(text, m):
            return _tr_name(m)
    for rx, name in le.OTHER_REGIMES:
        if rx.search(text):
            return name
    return None


def _tr_name(m: re.Match[str]) -> str:
    """'TR CU 018/2011', 'TR EAEU 037/2016' from a match of le.TR (ТР ТС is the Customs Union)."""
    union = "CU" if m.group(1) in ("CU", "ТС", "TS") else "EAEU"
    return f"TR {union} {m.group(2)}"


def _unchanged(text: str, m: re.Match[str]) -> bool:
    """'Trucks remain under TR CU 018/2011', «остаются в рамках ТР ТС 018/2011», 「仍适用TR CU 018/2011」,
    'TR CU 018/2011 is not affected': the regime that stays as it is, named to delimit the change."""
    return bool(
        le.UNCHANGED_BEFORE.search(text, max(0, m.start() - 80), m.start()) or le.UNCHANGED_AFTER.match(text, m.end())
    )


def find_date(text: str, pub: date | None, near: int = 0) -> date | None:
    """The date closest to `near` (the trigger), year inferred from publication when not stated."""
    matches = [m for rx in le.DATES for m in rx.finditer(text)]
    found: list[tuple[int, date]] = []
    for m in matches:
        if _adoption_date(text, m) or _within_longer(m, matches):
            continue
        day = _to_date(m.group("y"), m.group("m"), m.groupdict().get("d") or "1", pub)
        if day is not None:
            found.append((abs(m.start() - near), day))
    return min(found)[1] if found else None


def _within_longer(m: re.Match[str], matches: list[re.Match[str]]) -> bool:
    """'November 2025' inside '18 November 2025': part of a fuller date, which alone says which day (and
    whether it is the date of a decision)."""
    return any(
        o.start() <= m.start() and m.end() <= o.end() and o.end() - o.start() > m.end() - m.start() for o in matches
    )


def _adoption_date(text: str, m: re.Match[str]) -> bool:
    """'adopted on Dec. 2', 'published on the portal on Dec. 8', 'решение от 2 декабря', '12月2日通过': the date of
    the decision, not of the change."""
    return bool(
        le.ADOPTED_BEFORE.search(text, max(0, m.start() - 60), m.start()) or le.ADOPTED_AFTER.match(text, m.end())
    )


def _to_date(y: str | None, m: str, d: str, pub: date | None) -> date | None:
    month = month_number(m)
    if month is None:
        return None
    year = int(y) if y else (pub.year if pub else None)
    if year is None:
        return None
    try:
        day = date(year, month, int(d))
    except ValueError:
        return None
    if not y and pub and (pub - day).days > 60:
        day = day.replace(year=year + 1)  # "from March 1" written in December means next March
    return day


def find_events(
    document: Document,
    text: str,
    low: str,
    sentences: list[Sentence],
    language: str,
    pub: date | None,
    occurrences: Occurrences | None = None,
) -> list[Event]:
    """`low` is `text` lower-cased (same length): substring gates keep documents without events cheap.

    `occurrences`: where the words of `VOCABULARY` occur in `low` (or in a copy with some characters replaced
    one for one), when the caller has scanned for them.
    """
    with_needle = _containing(low, _NEEDLES, sentences, occurrences)
    with_gate = _containing(low, _DATE_GATES, sentences, occurrences)
    candidates = [
        (s, k in with_needle, k in with_gate and _DIGIT.search(low, s.start, s.end) is not None)
        for k, s in enumerate(sentences)
        if not s.nav and (k in with_needle or k in with_gate)
    ]
    candidates = [c for c in candidates if c[1] or c[2]]
    if not candidates:
        return []
    hits = _hits(text, low, candidates, pub, _named_regime(text))
    if not hits:
        return []
    groups: dict[str | None, list[_Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.regime, []).append(hit)
    _merge_announcement(groups)
    _merge_mark(groups)
    _drop_headline_only(groups)
    title = _title_date(text, sentences, pub)
    events = [_event(document, language, regime, group, title) for regime, group in groups.items()]
    return [e for e in events if e is not None]


_DIGIT = re.compile(r"\d")


def _merge_announcement(groups: dict[str | None, list[_Hit]]) -> None:
    """One change announced in two sentences ('the Commission amended TR CU 018/2011' + 'from 1 March 2027 …'):
    with a single regime in the document, stated without a date, the dated sentences without a regime join it."""
    named = [r for r in groups if r is not None]
    if len(named) != 1 or None not in groups:
        return
    regime = named[0]
    if any(h.effective for h in groups[regime]) or not any(h.effective for h in groups[None]):
        return
    groups[regime].extend(groups.pop(None))


_MARK = "EAC"  # the conformity mark: a certificate "with the EAC mark" is under some technical regulation


def _merge_mark(groups: dict[str | None, list[_Hit]]) -> None:
    """'From that date … only with an EAC certificate', 「EAC证书将在过渡期内…换证」 in a text on one numbered
    technical regulation: what that regulation's change means for certificates, not a second change."""
    named = [r for r in groups if r not in (None, _MARK)]
    if _MARK in groups and len(named) == 1:
        groups[named[0]].extend(groups.pop(_MARK))


VOCABULARY: tuple[str, ...] = le.NEEDLES + le.DATE_GATES  # the literal words find_events looks for
_NEEDLES = frozenset(le.NEEDLES)
_DATE_GATES = frozenset(le.DATE_GATES)


def _drop_headline_only(groups: dict[str | None, list[_Hit]]) -> None:
    """'Exporters face June 2026 deadline as EAEU ends transition period' over a body that states the change:
    a headline announces the body's change, it is not a second one (one event per change per document)."""
    if not any(not h.sentence.headline for hits in groups.values() for h in hits):
        return
    for regime in [r for r, hits in groups.items() if all(h.sentence.headline for h in hits)]:
        del groups[regime]


def _containing(
    low: str, words: frozenset[str], sentences: list[Sentence], occurrences: Occurrences | None
) -> set[int]:
    """Indices of the sentences whose text contains one of `words` (one pass per word over the text, unless
    the caller's scan has listed where they occur)."""
    starts = [s.start for s in sentences]
    out: set[int] = set()
    if occurrences is None:
        found = [(w, find_all(low, w)) for w in words]
    else:  # the scan may have run on a copy with some characters replaced one for one: check each start
        found = [(w, [i for i in at if low.startswith(w, i)]) for w, at in occurrences.among(frozenset(words))]
    for w, at in found:
        for i in at:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + len(w) <= sentences[k].end:
                out.add(k)
    return out



def _first(patterns: tuple[re.Pattern[str], ...], low: str, start: int, end: int) -> re.Match[str] | None:
    """The earliest match of any of the patterns (what one search of their alternation finds, by start)."""
    best: re.Match[str] | None = None
    for rx in patterns:
        m = rx.search(low, start, end)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def _trigger(low: str, s: Sentence, needle: bool, date_gate: bool) -> re.Match[str] | None:
    if needle:
        m = _keyword_trigger(low, s)
        if m:
            return m
    if not date_gate:
        return None
    prefix = le.DATE_PREFIX.search(low, s.start, s.end)
    return le.DATE_TRIGGER.search(low, s.start, s.end) if prefix else None


def _keyword_trigger(low: str, s: Sentence) -> re.Match[str] | None:
    """The first keyword trigger that is not the object of advice to look at a change ('了解修订内容')."""
    pos = s.start
    while (m := _first(le.TRIGGERS, low, pos, s.end)) is not None:
        if not le.ADVICE_BEFORE.search(low, max(s.start, m.start() - 40), m.start()):
            return m
        pos = max(m.end(), m.start() + 1)
    return None


def _named_regime(text: str) -> str | None:
    """The one technical regulation the document names by number, if it names exactly one."""
    named = {_tr_name(m) for m in le.TR.finditer(text) if not _unchanged(text, m)}
    return named.pop() if len(named) == 1 else None


def _hits(
    text: str, low: str, candidates: list[tuple[Sentence, bool, bool]], pub: date | None, named: str | None
) -> list[_Hit]:
    """`named`: the one numbered technical regulation of the document; "the technical regulation" (a generic
    mention) in a sentence is that one, so one change makes one event."""
    doc_regime = None
    hits: list[_Hit] = []
    for s, needle, date_gate in candidates:
        body = text[s.start : s.end]
        trigger = _trigger(low, s, needle, date_gate)
        if trigger is None:
            continue
        regime = find_regime(body)
        if regime == le.GENERIC_TR and named is not None:
            regime = named
        if regime is None and le.REGULATORY.search(body):
            regime = doc_regime or find_regime(text)
        doc_regime = doc_regime or regime
        quote = " ".join(body.split())
        hits.append(_Hit(s, quote, regime, find_date(body, pub, trigger.start() - s.start)))
    return hits


def _title_date(text: str, sentences: list[Sentence], pub: date | None) -> date | None:
    """The date the title names ("что изменится после 1 марта 2027 года"): the change the text is about."""
    first = sentences[0] if sentences else None
    return find_date(text[first.start : first.end], pub) if first is not None and first.headline else None


def _event(
    document: Document, language: str, regime: str | None, group: list[_Hit], title: date | None = None
) -> Event | None:
    """One event of a group of sentences on one change, quoted from the body sentence with its date (the one
    with the date the title names, when several sentences give dates)."""
    primary = min(
        group,
        key=lambda h: (h.sentence.headline, h.effective is None, _off_title(h, title), h.sentence.start),
    )
    if regime is None and primary.effective is None:
        return None  # a policy change needs a date to be news ("will introduce" is not yet an event)
    kind = _kind(primary.quote, regime)
    return Event(
        kind=kind,
        regime=regime,
        summary=_summary(kind, regime, primary),
        effective_date=primary.effective,
        quote=primary.quote,
        document_id=document.id,
        url=document.url,
        source_id=document.source_id,
        language=language,
        published_at=document.published_at,
    )


def _kind(quote: str, regime: str | None) -> str:
    """certification, regulation or policy (the convention is spelled out at le.TRANSITION_END): the end of a
    transition period is about certificates; a sentence stating the amendment (its adoption or entry into
    force) is a regulation change even when it says what certificates it requires; otherwise a certificate or
    approval the change requires makes it a certification change."""
    if le.TRANSITION_END.search(quote):
        return "certification"
    if regime is not None and (le.AMENDMENT_IN_FORCE.search(quote) or le.AMENDMENT_ADOPTED.search(quote)):
        return "regulation"
    certificate = le.CERTIFICATION.search(le.CERT_PURPOSE.sub(" ", quote)) is not None
    if certificate and regime is None and le.PROCEDURE.search(quote):
        certificate = False  # a customs procedure that issues certificates is a policy, not a conformity regime
    return "certification" if certificate else "regulation" if regime else "policy"


def _off_title(hit: _Hit, title: date | None) -> bool:
    return title is not None and hit.effective != title


def _summary(kind: str, regime: str | None, hit: _Hit) -> str:
    head = f"{kind.capitalize()} change" + (f" ({regime})" if regime else "")
    when = f", effective {hit.effective.isoformat()}" if hit.effective else ""
    text = hit.quote if len(hit.quote) <= 160 else hit.quote[:159] + "…"
    return f"{head}{when}: {text}"
