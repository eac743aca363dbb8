"""Sentences and clauses: figures are attributed within their clause first, then their sentence."""

from __future__ import annotations

import re

from handlers.extract.calendar_words import EN_MONTH_RX, RU_MONTH_RX
from handlers.extract.spans import Sentence

_ABBREV = re.compile(
    r"(?:\b(?:No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Co|Ltd|Inc|St|Mr|Ms|Dr|vs|approx|"
    r"г|гг|т|им|ул|руб|долл|проц)|\b[A-Z]|\b[А-Я])\.$"
)
_SCALE_ABBREV = re.compile(r"(?:тыс|млн|млрд|трлн)\.$")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}\b")
_END = re.compile(r"[.!?…]+[»”\"')]*\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9\u4e00-\u9fff])|[。！？；]+[”」』]?|\n+")
_END_CHAR = re.compile(r"[.!?…。！？；\n]")  # a fast scan; _END is then tried only at these positions
_FINAL_CHARS = frozenset(".!?。！？…:;»”\"')")
_CLAUSE = re.compile(
    r",\s|;|，|；|、(?=[^、]{6,})|:\s|：|\s[—–]\s|—|\((?=[^)]{25,})|"
    r"\s(?:while|whereas|but|although)\s|\sтогда как\s|,?\sа\s|而|但"
)
# Where a _CLAUSE match can start (a superset): a scan for these is faster than trying _CLAUSE's alternatives
# at every space; _CLAUSE itself is then matched at each of them, in order, as finditer would. The same as
# `[,;，；、:：—(而但]|\s(?=[—–wbaта])`, written to start with one character class: re then skips to those
# characters instead of trying the alternation at every position.
_CLAUSE_START = re.compile(r"[,;，；、:：—(而但\s](?:(?<!\s)|(?=[—–wbaта]))")
_HEADLINE_MAX = 160
# The longest run read as one sentence. The longest prose sentence of the corpora has under 1,000 characters; a
# longer run without sentence ends (a flattened table, a page of figures) is read in pieces, so that the rules
# that look across a figure's sentence cost a bounded amount per figure, not one proportional to the run.
SENTENCE_MAX = 1_500
# Where such a run is cut: after the last clause or cell break before the limit, else the last space
_PIECE_BREAK = re.compile(r"[,;，；、|。]\s*|\s+")
# A list item: a line opening with a bullet glyph or a dash, star or check mark and a space ("• Queue: 1,240 trucks",
# "▪️ В очереди — 38 грузовиков", "· 日均交接约19列", "✅ …"). Inside the body it is a sentence of the text, even without
# final punctuation (a post's bullets); only a run after the body (related links) stays navigation.
_LIST_ITEM = re.compile(r"[•▪◦‣·●○■□▫►▸▶➤➢✓✔✅☑❌✗✘🔹🔸🔺🔻]|[-–—*](?=\s)")
# A line closed by a bracket or quote with no final punctuation inside: a heading ("🚛 «НУР ЖОЛЫ» (Хоргос)",
# "LAST WEEK IN NUMBERS (Nov 9–15)"), not a sentence that ends in a quote or a bracket ("…, he said.»")
_CLOSERS = frozenset("»”\"')）")
# A news agency's end-of-story mark after the last sentence ("… поездов. -0-", "... trains. (END)", "。（完）"): not
# part of the sentence, and no reason to take the sentence for a headline
_END_MARK = re.compile(r"\s*(?:-0-|—0—|\(END\)|/END/|（完）|\(完\))$", re.IGNORECASE)
_QUOTED_BREAKS = frozenset(",;，；")  # breaks a quoted name does not have: inside quotes they part clauses of speech
# An agency-style aside between slashes ("Синьцзян-Уйгурского автономного района /СУАР, Северо-Западный Китай/",
# "from Xi'an /Shaanxi province, northwest China/"): it explains the name before it and parts no clause
_SLASH_ASIDE = re.compile(r"(?<=\s)/[^/\n]{1,80}/(?=[\s,.;:])")
# the two ends of a range of months around a dash: "январь – сентябрь", "January — September", "1—10月"
_MONTH_BEFORE = re.compile(rf"(?:{EN_MONTH_RX}|{RU_MONTH_RX}|\d)\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s*(?:(?:{EN_MONTH_RX}|{RU_MONTH_RX})(?![a-z])|\d{{1,2}}月)", re.IGNORECASE)
_VERB_MARKS = ("—", "–", ":", "：")  # a dash or colon that can stand for the verb before a figure
_ELIDED_VERB = re.compile(  # (with the approximators of a figure: "через «Бахты» — порядка 165")
    r"\s*(?:(?:около|более|свыше|почти|порядка|примерно|приблизительно|до|about|nearly|over|more than|around|roughly|"
    r"some|approximately|约|近|超)\s*)?\d"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence ends and on line breaks; a line with no final punctuation is a headline."""
    out: list[Sentence] = []
    pos = 0
    tabular = "|" in text  # rows of a pipe table are looked for only in a text that has one
    for m in _ends(text):
        g = m.group()
        if "\n" not in g and (
            (g[0] == "." and _abbreviation(text, max(pos, m.start() - 12), m))
            or (tabular and _in_table_row(text, m.start()))
        ):
            continue
        chunk_end = m.start() if g[0] == "\n" else m.end()
        _add(text, pos, chunk_end, out, newline="\n" in g)
        pos = m.end()
    _add(text, pos, len(text), out, newline=True)
    return mark_navigation(list_items_in_body(text, out))


def _in_table_row(text: str, at: int) -> bool:
    """A full stop inside a pipe-table row ('| Динамика к III кв. 2025, % |') ends no sentence: a row is one line."""
    if not text.startswith("|", text.rfind("\n", 0, at) + 1):
        return False
    end = text.find("\n", at)
    return text.find("|", at, len(text) if end < 0 else end) >= 0


def _abbreviation(text: str, window: int, m: re.Match[str]) -> bool:
    """'Co.', 'No.', 'г.' end no sentence; nor does '250 тыс. ДФЭ' (a unit after a scale abbreviation)."""
    if _ABBREV.search(text, window, m.start() + 1):
        return True
    return bool(_SCALE_ABBREV.search(text, window, m.start() + 1) and _ACRONYM.match(text, m.end()))


def _ends(text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    last = -1
    for c in _END_CHAR.finditer(text):
        if c.start() < last:
            continue
        m = _END.match(text, c.start())
        if m:
            found.append(m)
            last = m.end()
    return found


def mark_navigation(sentences: list[Sentence]) -> list[Sentence]:
    """Runs of headline lines after the body (related stories, menus) are navigation.

    A run counts when it follows the last body sentence, or when it is long (five lines or more);
    a short list of figures inside the body ("Horgos: 7,762 trains") stays.
    """
    body = [i for i, s in enumerate(sentences) if not s.headline]
    if not body:
        return sentences
    out = list(sentences)
    i = body[0] + 1
    while i < len(sentences):
        if not sentences[i].headline:
            i += 1
            continue
        j = i
        while j < len(sentences) and sentences[j].headline:
            j += 1
        if j - i >= 2 and (i > body[-1] or j - i >= 5):
            out[i:j] = [Sentence(s.start, s.end, s.headline, True) for s in sentences[i:j]]
        i = j
    return out


def in_list_item(text: str, pos: int) -> bool:
    """Whether the line that holds text[pos] is a list item ("• Грузопоток … достиг 39,4 млн тонн")."""
    start = text.rfind("\n", 0, pos) + 1
    while start < pos and text[start] in " \t\u3000":
        start += 1
    return _LIST_ITEM.match(text, start) is not None


def list_items_in_body(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """List items before the last body sentence are body sentences, not headlines ("• Queue this morning: about
    1,240 trucks"): a post's bullets carry its figures and take the port its section names. Items after it
    (related links, a menu at the end) stay headlines and become navigation."""
    last = max((i for i, s in enumerate(sentences) if not s.headline), default=-1)
    out = list(sentences)
    for i in range(last):
        s = sentences[i]
        if s.headline and _LIST_ITEM.match(text, s.start):
            out[i] = Sentence(s.start, s.end)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence], newline: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in "-)）/" and (mark := _END_MARK.search(text, start, end)) is not None:
        end = mark.start()
    if start >= end:
        return
    while end - start > SENTENCE_MAX:
        cut = _piece_end(text, start)
        out.append(Sentence(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    headline = newline and end - start <= _HEADLINE_MAX and (
        text[end - 1] not in _FINAL_CHARS or _closed_heading(text, start, end)
    )
    if headline and (text.count("|", start, end) >= 2 or text.count("\t", start, end) >= 2):
        headline = False  # a table row (cells between separators) is data, not a title or a menu
    out.append(Sentence(start, end, headline))


def _piece_end(text: str, start: int) -> int:
    """Where the first piece of an over-long run starting at `start` ends: after the last break in the second
    half of its SENTENCE_MAX characters (a clause or cell break if there is one, else a space), else at the limit."""
    lo, hi = start + SENTENCE_MAX // 2, start + SENTENCE_MAX
    clause = max((m.end() for m in _PIECE_BREAK.finditer(text, lo, hi) if not m.group().isspace()), default=0)
    space = max((m.end() for m in _PIECE_BREAK.finditer(text, lo, hi)), default=0)
    return clause or space or hi


def _closed_heading(text: str, start: int, end: int) -> bool:
    """Whether a line that ends in a bracket or quote is a heading: no final punctuation before its closers and
    none inside the line ("🚛 «НУР ЖОЛЫ» (Хоргос)"; not "«Мы справимся», — сказал он." nor "… (в 2,5 раза).")."""
    k = end
    while k > start and text[k - 1] in _CLOSERS:
        k -= 1
    if k in (end, start) or text[k - 1] in _FINAL_CHARS:
        return False
    return _END_CHAR.search(text, start, end) is None


def clause_bounds(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Clause (start, end) offsets of one sentence, split at commas, semicolons, dashes, 'while'."""
    bounds: list[tuple[int, int]] = []
    pos = sentence.start
    # Only a sentence with an opening quote mark can have a break inside quotes (one look, not one per break).
    quoted = text.find("«", sentence.start, sentence.end) >= 0 or text.find("“", sentence.start, sentence.end) >= 0
    asides = _slash_asides(text, sentence)
    for m in _clause_breaks(text, sentence.start, sentence.end):
        if asides and any(lo < m.start() < hi for lo, hi in asides):
            continue  # "/СУАР, Северо-Западный Китай/": a comma inside an aside between slashes
        if quoted and text[m.start()] not in _QUOTED_BREAKS and _inside_quotes(text, sentence.start, m.start()):
            continue  # «Хоргос – Восточные ворота»: a name, not a clause break (a comma in a quoted speech is one)
        mark = text[m.start() : m.end()].strip()
        if mark in _VERB_MARKS and (
            _ELIDED_VERB.match(text, m.end(), sentence.end)
            or (mark in ("—", "–") and _month_range(text, m.start(), m.end()))
        ):
            # "импорт из Китая – 21,4 млрд долларов", "Queue this morning: about 1,240 trucks", "Dostyk: 37 trains":
            # the dash or colon stands for the verb; "январь – сентябрь" is a period
            continue
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < sentence.end:
        bounds.append((pos, sentence.end))
    if len(bounds) >= 3:
        bounds = _without_asides(text, bounds)
    return bounds or [(sentence.start, sentence.end)]


def _slash_asides(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of asides between slashes in the sentence (looked for only when it has " /")."""
    if text.find(" /", sentence.start, sentence.end) < 0:
        return []
    return [m.span() for m in _SLASH_ASIDE.finditer(text, sentence.start, sentence.end)]


# A clause that only names the source: "…, по данным КГД, составил …", "…, according to customs, reached …"
_ASIDE = re.compile(
    r"(?:по данным|по информации|по сведениям|по оценк\w+|according to|as reported by|据|根据)[^,，]{0,40}",
    re.IGNORECASE,
)
_ASIDE_FIRST = frozenset("пa据根")


def _without_asides(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses with a source aside inside the sentence joined to the clauses on each side of it: the aside
    does not end what the clause before it began ("Товарооборот …, по данным КГД, составил 21,7 млрд")."""
    out = [bounds[0]]
    k = 1
    while k < len(bounds):
        lo, hi = bounds[k]
        if k + 1 < len(bounds) and text[lo : lo + 1].lower() in _ASIDE_FIRST and _ASIDE.fullmatch(text, lo, hi):
            out[-1] = (out[-1][0], bounds[k + 1][1])
            k += 2
            continue
        out.append((lo, hi))
        k += 1
    return out


def _month_range(text: str, start: int, end: int) -> bool:
    """Whether the dash at text[start:end] joins two months ("за январь – сентябрь", "1—10月"): a period."""
    m = _MONTH_AFTER.match(text, end)
    if m is None or (m.group().endswith("月") and not text[start - 1 : start].isdigit()):
        return False
    return _MONTH_BEFORE.search(text, max(0, start - 12), start) is not None


def _clause_breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`_CLAUSE.finditer(text, start, end)`, trying _CLAUSE only where one of its alternatives can start."""
    out: list[re.Match[str]] = []
    c = _CLAUSE_START.search(text, start, end)
    while c is not None:
        m = _CLAUSE.match(text, c.start(), end)
        if m is None:
            c = _CLAUSE_START.search(text, c.start() + 1, end)
            continue
        out.append(m)
        c = _CLAUSE_START.search(text, m.end() if m.end() > m.start() else m.start() + 1, end)
    return out


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    head = text[start:pos]
    return head.count("«") > head.count("»") or head.count("“") > head.count("”")


def clause_at(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for lo, hi in bounds:
        if lo <= pos < hi:
            return lo, hi
    return bounds[-1] if bounds else (pos, pos)
