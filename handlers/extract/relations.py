"""How figures in one sentence relate: old levels, comparisons, figures paired with ports in order."""

from __future__ import annotations

import re
from itertools import pairwise

from handlers.extract import lexicon as lx
from handlers.extract.calendar_words import EN_MONTH_RX, RU_MONTH_RX
from handlers.extract.indicators import Reading, money_unit, time_in_hours, time_unit_hours
from handlers.extract.spans import Number, PortMention, Sentence

Read = tuple[Number, Reading, tuple[int, int]]  # a number, what it means, its clause

RESPECTIVELY = re.compile(r"respectively|соответственно|分别")


def respectively(low: str, s: Sentence, figures: list[Read], mentions: list[PortMention]) -> dict[int, str]:
    """'Alashankou and Horgos handled 3,560 and 4,120 trains respectively': ports and figures pair in order.

    When the sentence has other figures too ('702 trains crossed at Horgos …, while the Irkeshtam and Torugart
    ports handled 148,000 tonnes and 96,500 tonnes respectively'), the series is the run of figures of one
    indicator right before the word, and its ports those named between the figure before that run and the
    word: the last as many as there are figures. Paired ports win over a region the clause also names."""
    word = RESPECTIVELY.search(low, s.start, s.end)
    if word is None:
        return {}
    ports = list(dict.fromkeys(m.port for m in mentions if m.priority == 1))
    indicators = {r.indicator for _, r, _ in figures}
    if len(indicators) == 1 and len(ports) == len(figures) >= 2:
        return {n.start: port for (n, _, _), port in zip(figures, ports, strict=True)}
    run = _last_run([f for f in figures if f[0].start < word.start()])
    if len(run) < 2:  # "伊尔克什坦和吐尔尕特口岸分别完成货运量14.8万吨和9.65万吨": the word comes before its figures
        run = _last_run([f for f in reversed(figures) if f[0].start > word.end()])[::-1]
    else:  # "… respectively, compared with 3,050 and 3,880 trains a year earlier": the series' earlier levels
        later = _last_run([f for f in reversed(figures) if f[0].start > word.end()])[::-1]
        same = later and later[0][1].indicator == run[0][1].indicator
        if same and COMPARED.search(low, word.end(), later[0][0].start):
            run = run + later
    if len(run) < 2:
        return {}
    groups = _compared_groups(low, run)
    head = groups[0]
    lo = max((f[1].end for f in figures if f[0].start < min(head[0][0].start, word.start())), default=s.start)
    after_run = _named(mentions, head[-1][1].end, word.start())
    named = after_run if len(after_run) == len(head) else _named(mentions, lo, head[0][0].start)[-len(head) :]
    if len(named) != len(head) or len(head) < 2:
        return {}
    paired = [group for group in groups if len(group) == len(head)]
    return {n.start: port for group in paired for (n, _, _), port in zip(group, named, strict=True)}


def _compared_groups(low: str, run: list[Read]) -> list[list[Read]]:
    """'分别通行8,043列和6,612列，较2024年的7,620列和6,455列', 'handled 6,214 and 5,387 trains respectively,
    against 5,700 and 5,500 a year earlier': a series and the earlier levels it is compared with, in the same
    order; the run splits where a comparison cue stands between two of its figures (each group takes the ports in
    order)."""
    groups = [[run[0]]]
    for prev, f in pairwise(run):
        if COMPARED.search(low, prev[1].end, f[0].start):
            groups.append([])
        groups[-1].append(f)
    return groups


def _last_run(figures: list[Read]) -> list[Read]:
    """The figures of one indicator at the end of `figures` (in their order)."""
    run: list[Read] = []
    for f in reversed(figures):
        if run and f[1].indicator != run[0][1].indicator:
            break
        run.insert(0, f)
    return run


def _named(mentions: list[PortMention], lo: int, hi: int) -> list[str]:
    """The named ports (not regions or routes) mentioned in [lo, hi), each once, in order."""
    return list(dict.fromkeys(m.port for m in mentions if m.priority == 1 and lo <= m.start < hi))


_AT_PORT = re.compile(  # (also "из них 45 приходится на Достык", "of which 45 are at Dostyk": a part's port)
    r"\s*(?:(?:приходи\w+|are|were|is|was)\s+)?"
    r"(?:at|in|through|via|from|на|в|во|через|из|с|经|在|从)?\s*(?:the\s+)?[«\"“]?$"
)  # lower-cased
# "… at the Bakhty port in Tacheng.": the kind of crossing and its town after the last port of a list (lower-cased)
_PORT_IN_TOWN = re.compile(r"\s+(?:port|station|checkpoint|crossing)(?:\s+in\s+[\w'’-]+)?\s*[.;]?\s*")
_NEXT_ITEM = re.compile(r"[»\"”]?\s*(?:,|，|、|;|and|и|а|和|与|及)\s*(?=\d)")  # lower-cased, after a port


def port_after(
    n: Number, low: str, clause: tuple[int, int], mentions: list[PortMention], after: int | None = None
) -> str | None:
    """'… 702 trains at Horgos and 566 at Alashankou': a bare count (or, in a list, a figure with its unit
    ending at `after`) followed only by a place preposition and a port, which ends the clause or the list item,
    is that port's figure (the port after the number)."""
    end = n.end if after is None else after
    for m in mentions:
        if not end <= m.start < clause[1] or m.priority != 1:
            continue
        if not _AT_PORT.fullmatch(low, end, m.start):
            return None
        tail = (
            _CLAUSE_TAIL.fullmatch(low, m.end, clause[1])
            or _NEXT_ITEM.match(low, m.end, clause[1])
            or _PORT_IN_TOWN.fullmatch(low, m.end, clause[1])
        )
        return m.port if tail else None
    return None


def paired_ports(low: str, s: Sentence, figures: list[Read], mentions: list[PortMention]) -> dict[int, str]:
    """Figures whose port is fixed by the series they stand in: 'respectively', or a bare count followed by the
    port it belongs to ('… at Horgos and 566 at Alashankou')."""
    out = respectively(low, s, figures, mentions)
    for n, r, clause in figures:
        if n.start in out:
            continue
        if r.end == n.end:  # a bare count: the unit noun is left out
            port = port_after(n, low, clause, mentions)
        else:  # "3.05 million tonnes at Horgos, 1.87 million tonnes at Alashankou and 312,000 tonnes at Bakhty"
            port = port_after(n, low, clause, mentions, r.end) if len(figures) >= 2 else None
        if port is not None:
            out[n.start] = port
    return out


_FROM_BEFORE = re.compile(
    r"(?:\bfrom|由|从|\bс)\s*(?:原来的|此前的|the previous|an earlier|a previous)?\s*$", re.IGNORECASE
)


def drop_previous_levels(text: str, figures: list[Read], lowered: str | None = None) -> list[Read]:
    """'cut from 6 hours to 2 hours', '由原来的2天压缩至1天': the old level is not the news.

    `lowered` is `text.lower()` when the caller has it already.
    """
    out: list[Read] = []
    for i, (n, r, clause) in enumerate(figures):
        others = [f for j, f in enumerate(figures) if j != i and f[1].indicator == r.indicator and f[2] == clause]
        if others and _FROM_BEFORE.search(text, max(clause[0], n.start - 12), n.start):
            continue
        prev_end = max((f[1].end for f in figures[:i] if f[2] == clause), default=clause[0])
        same = [f for j, f in enumerate(figures) if j != i and f[1].indicator == r.indicator]
        if same and lx.has("previous", lowered or text.lower(), max(clause[0], prev_end), n.start):
            continue  # "used to take 3 days", "原来的2天": the old level
        out.append((n, r, clause))
    return out


# between the earlier level of a change and a bare new level: "from 12 hours to 5", «с трёх суток до полутора»,
# 「从12小时压缩至5」 (lower-cased text)
_TO_BARE = re.compile(
    r"\s*(?:(?:down |up |back )?to|до|(?:压缩|缩短|减少|降低|下降|降|减|提高|提升|增加|增长|延长)?(?:至|到))\s*"
    r"(?:(?:just|only|about|around|nearly|under|less than|всего|лишь|около|почти|менее|不足|仅|约)\s*)?"
)


# what may follow a bare new level: the end of the clause, or a period or "now" after it (lower-cased text)
_NEW_LEVEL_END = re.compile(
    r"\s*(?:$|[.,;:!?)）。，；！？]|(?:in|by|at|during|this|last|now|в|во|за|к|на|по|сейчас|теперь)(?!\w))"
)


def to_level(n: Number, text: str, low: str, clause: tuple[int, int], done: list[Read]) -> Reading | None:
    """'cut from 12 hours to 5', «сократили с трёх суток до полутора», 「从3天压缩至1.5」: a bare number right after
    the earlier level of a change ("from X unit to") is the new level in X's unit (a time in X's time unit; a
    count scaled as X, e.g. pairs of trains); drop_previous_levels then leaves X out."""
    if n.kind != "num" or not done or done[-1][2] != clause or done[-1][1].indicator == "change":
        return None
    prev_n, prev, _ = done[-1]
    if not _FROM_BEFORE.search(low, max(clause[0], prev_n.start - 12), prev_n.start):
        return None
    if not _TO_BARE.fullmatch(low, prev.end, n.start) or not _NEW_LEVEL_END.match(low, n.end, clause[1]):
        return None  # "from 2,100 trains to 45 destinations": another noun counted
    if prev.indicator == "clearance_time_hours":
        hours = time_unit_hours(prev_n, text, prev.end)
        return Reading(prev.indicator, n.value * hours, n.end, n.qualifier) if hours else None
    if prev.indicator not in _COUNTS or not prev_n.value:
        return None
    return Reading(prev.indicator, n.value * prev.value / prev_n.value, n.end, n.qualifier)


COMPARED = re.compile(
    r"(?:compar(?:ed|es?) (?:with|to)|versus|vs\.?|against|\bfrom|против|по сравнению с|тогда как|чем|相比|较|比)"
)  # searched in the lower-cased text before a figure
_COMPARE_START = re.compile(
    r"(?:(?:down|up) from|compar(?:ed|es?) (?:with|to)|versus|against|from|(?:but |and )?now|тогда как|против|"
    r"по сравнению с|а сейчас|сейчас|теперь|(?:back then|then|when) (?:it |they )?(?:was|were|stood at)|"
    r"тогда (?:было|был\w*|составлял\w*))\b|而|较|现在|目前|(?:上月|上年同期|去年同期|同期|上年|去年|当时)为",
    re.IGNORECASE,
)
# "…, чем годом ранее (тогда было 51,7 тыс.)", "than a year earlier, when it was 30,000": the figure is the level
# of the compared period named just before (lower-cased text)
THEN_BEFORE = re.compile(
    r"(?:(?<![а-яё])тогда (?:было|был\w*|составлял\w*)|\b(?:back then|then|when) (?:it |they )?(?:was|were|stood at)|"
    r"当时为?)\s*(?:\w+\s+)?$"
)
# what follows a bare compared count: when it was ("more than 90 at the start of the month", "27 000 годом
# ранее"); a noun there ("from 45 companies") is another thing counted, and with nothing there ("up from 3,900")
# the compared level has no period of its own
_BARE_COUNT_TAIL = re.compile(
    r"[\s,]*(?:(?:a year|in|at|on|during|last|the same|годом|в|на|за|к)\b|同期|上年|去年)", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[\s.,;:!?。，；！？)）»”\"]*$")


_AND_NEXT = re.compile(r"\s*(?:,|，|、|and|и|和|与|及)\s*", re.IGNORECASE)


def inherit(
    n: Number, text: str, clause: tuple[int, int], done: list[tuple[Number, Reading, tuple[int, int]]]
) -> Reading | None:
    """'fell to 96.4%, down from 98.9%', 'reached $46.8 billion, up from $43.8 billion': the second figure is the
    same indicator as the first."""
    if (
        n.kind == "pct"
        and done
        and done[-1][1].indicator == "change"
        and _AND_NEXT.fullmatch(text, done[-1][1].end, n.start)
    ):
        prev_change = done[-1][1]  # "増长3%和5%", "up 3% and 5%": a list of changes shares the verb and its sign
        return Reading("change", -n.value if prev_change.value < 0 else n.value, n.end, n.qualifier)
    levels = [r for _, r, _ in done if r.indicator != "change"]
    if not levels or not _compare_start(text, clause, n.start):
        return None
    prev = levels[-1]
    if n.kind == "pct" and prev.indicator.endswith("_pct"):
        return Reading(prev.indicator, n.value, n.end, n.qualifier)
    hours = time_in_hours(n, text, clause[1]) if prev.indicator == "clearance_time_hours" else None
    if n.kind == "num" and hours is not None:
        return Reading(prev.indicator, hours[0], hours[1], n.qualifier)
    money = money_unit(n, text, clause[1]) if prev.indicator.startswith("trade_value_") else None
    if money is not None and prev.indicator == f"trade_value_{money[0]}":
        return Reading(prev.indicator, n.value, money[1], n.qualifier)  # "…, up from $43.8 billion in 2024"
    if _compared_count(n, text, clause, prev):
        return Reading(prev.indicator, n.value, n.end, n.qualifier)  # "(тогда было 51,7 тыс.)"
    return None


def _compare_start(text: str, clause: tuple[int, int], start: int) -> bool:
    """A comparison cue just before the figure, or opening its clause ("…, тогда как в первом квартале прошлого
    года оно составляло 4 часа 15 минут")."""
    if _COMPARE_START.search(text, max(0, clause[0] - 12, start - 30), start):
        return True
    m = _COMPARE_START.search(text, max(0, clause[0] - 12), start)
    return m is not None and m.start() <= clause[0] + 2


def _compared_count(n: Number, text: str, clause: tuple[int, int], prev: Reading) -> bool:
    """A bare number compared with a count before it is that count's earlier level, when its unit is left out
    (nothing but a period follows it) and its size is comparable (within a factor of ten)."""
    if series_level(n, text, [prev]) is None or _TIME_AFTER.match(text[n.end : n.end + 12].lower()):
        return False
    if _BARE_COUNT_TAIL.match(text, n.end, clause[1]):
        return True
    then = THEN_BEFORE.search(text[max(clause[0], n.start - 24) : n.start].lower())
    return then is not None and _CLAUSE_END.match(text, n.end, clause[1]) is not None


# a clause whose verb is left out: a few words (the port) and a dash right before the figure
# "…, на Алтынколе — 23 поезда", "…, Horgos: 9 trains", "…，霍尔果斯：9列": a place, a dash or colon for the verb
_ELLIPTIC = re.compile(
    r"[^\d.;:!?：]{1,30}?(?:\s[—–]|[:：])\s*(?:(?:около|почти|примерно|about|nearly|some|约|近)\s*)?"
)
_SNAPSHOT_OF = {
    "trains_count": ("trains_in_queue", "trains_per_day"),
    "vehicles_exported": ("vehicles_in_queue", "vehicles_per_day"),
}


def continued(
    reading: Reading | None, low: str, clause: tuple[int, int], start: int, done: list[Read]
) -> Reading | None:
    """'积压列车27列，目前已降至11列', 'a queue of 60 trucks, which has since fallen to 20': a plain count whose clause
    says the series moved to a new level keeps the queue or daily rate of the figure before it in the sentence; so
    does a count whose verb is left out ('… составила 20 поездов, на Алтынколе — 23 поезда', '…, at Altynkol — 23'),
    and a count at the peak ('日均21列左右，高峰时超过26列', '…21 trains a day, at peak times over 26 trains')."""
    if reading is None or reading.indicator not in _SNAPSHOT_OF or not done:
        return reading
    prev = next((r for _, r, _ in reversed(done) if r.indicator != "change"), None)
    if prev is None or prev.indicator not in _SNAPSHOT_OF[reading.indicator]:
        return reading
    moved = lx.has("change_to", low, clause[0], start) or _ELLIPTIC.fullmatch(low, clause[0], start) is not None
    if not moved and not lx.has("peak", low, clause[0], start):  # "日均21列左右，高峰时超过26列": the peak's rate
        return reading
    return Reading(prev.indicator, reading.value, reading.end, reading.qualifier)


def elided_share(n: Number, low: str, clause: tuple[int, int], earlier: list[Reading], dated: bool) -> Reading | None:
    """'доля … составила 41,3%, а в апреле — 38,9%', '占比41.3%，4月为38.9%': a bare percentage in a clause that
    names only another period continues the share or rate before it (in this sentence, or in the sentence
    before when this one points back to it: "этот показатель", "this share"); `dated`: the clause has a period.
    """
    levels = [r for r in earlier if r.indicator.endswith("_pct")]
    if n.kind != "pct" or not levels or not dated or lx.has("change_noun", low, clause[0], clause[1]):
        return None  # "…, а рост в апреле — 12%": a change of something, not the share
    return Reading(levels[-1].indicator, n.value, n.end, n.qualifier)


_ELIDED_AFTER = re.compile(r"\s+(?:more\b(?!\s+than)|others\b|of (?:them|these|those)\b)")  # lower-cased text
_ELIDED_BEFORE = re.compile(
    r"(?:\banother|\ba further|(?<![а-яё])ещ[её]|其中)\s*"
    r"(?:(?:about|around|nearly|roughly|some|almost|около|почти|примерно|порядка|约|近)\s*)?$"
)
_TIME_AFTER = re.compile(
    r"\s*(?:(?:лет|год|месяц|недел|дн|сут|час|минут)|(?:years?|months?|weeks?|days?|hours?|minutes?)\b|年|个月|天|小时)"
)
_COUNTS = frozenset(
    {
        "trains_count",
        "trains_in_queue",
        "trains_per_day",
        "vehicles_exported",
        "vehicles_in_queue",
        "vehicles_per_day",
        "containers_teu",
        "cargo_tonnes",
    }
)


# a day or month number: 「其中10月份单月…」, «ещё 10 октября», "another 10 October" (lower-cased text; not "may")
_DATE_AFTER = re.compile(
    r"\s*(?:月|日|号|" + RU_MONTH_RX + "|" + EN_MONTH_RX.lower().replace("|may|", "|") + r"\b)"
)


def elided_cue(n: Number, low: str) -> bool:
    """'35 more are waiting', '5,920 of them', 'another 40', 'ещё 35': a count whose unit noun is left out."""
    if n.kind != "num" or _TIME_AFTER.match(low, n.end) or _DATE_AFTER.match(low, n.end):
        return False  # "ещё пять лет назад": a time span, not a count; 「其中10月份」: a month
    return (
        _ELIDED_AFTER.match(low, n.end) is not None
        or _ELIDED_BEFORE.search(low, max(0, n.start - 24), n.start) is not None
    )


def elided(n: Number, low: str, earlier: list[Reading]) -> Reading | None:
    """The indicator of the count this one continues (same sentence, else the sentence before)."""
    levels = [r for r in earlier if r.indicator in _COUNTS]
    if not levels or not elided_cue(n, low):
        return None
    return Reading(levels[-1].indicator, n.value, n.end, n.qualifier)


# punctuation, and the emoji and symbols a post puts after a figure ("Altynkol: 12 🟠")
_PUNCT = r"[\s.,;:!?。，；！？)）»”\"\u2190-\u2bff\ufe0f\U0001f000-\U0001faff]*"
_CLAUSE_TAIL = re.compile(_PUNCT + r"(?:respectively|соответственно|分别)?" + _PUNCT)  # all that may follow
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


# between a clause's period and its bare count ("а в 2023-м — чуть больше 300 тысяч", "and in 2023, just over 300,000")
ELLIPSIS_GAP = re.compile(
    r"\s*[,:–—-]?\s*(?:(?:около|почти|более|свыше|примерно|порядка|чуть (?:больше|меньше|более|менее)|"
    r"nearly|almost|about|around|just over|just under|over|more than|接近|近|约|超过)\s*)?"
)


def series_level(n: Number, low: str, readings: list[Reading]) -> Reading | None:
    """The count a bare number with its unit left out would continue: the last count among `readings`, when the
    number is no bare year and is of comparable size (within a factor of ten), so a stray number is not taken."""
    levels = [r for r in readings if r.indicator in _COUNTS]
    if n.kind != "num" or not levels or _BARE_YEAR.fullmatch(low, n.start, n.end):
        return None
    prev = levels[-1]
    return prev if prev.value / 10 <= n.value <= prev.value * 10 else None


def parallel(
    n: Number, low: str, clause: tuple[int, int], earlier: list[Reading], mentions: list[PortMention]
) -> Reading | None:
    """'Alashankou recorded 3,960 trips, while Horgos handled 4,100', '… 702 trains at Horgos and 566 at
    Alashankou', '… 6 950 поездов, а с января по октябрь этого года – 6 112': a bare count that ends its clause
    (or is followed only by the port it belongs to), after a count of the same sentence, is another figure of
    that series (the unit noun is left out). The caller checks that the clause names a port, or is a period
    and the number alone.

    `low` is the lower-cased text. Only comparable magnitudes (within a factor of ten) count, and not a
    comparison ("up from 3,900"), so a stray bare number is not taken.
    """
    prev = series_level(n, low, earlier)
    if prev is None:
        return None
    ends = _CLAUSE_TAIL.fullmatch(low, n.end, clause[1]) is not None
    if not ends and port_after(n, low, clause, mentions) is None and not _gapped_port(n, low, clause, mentions):
        return None
    if COMPARED.search(low, max(clause[0], n.start - 40), n.start):
        return None
    return Reading(prev.indicator, n.value, n.end, n.qualifier)


# "… and Altynkol 5,410 since the start of the year", «…, а Алтынколь — 5 410 с начала года»: a port joined to the
# count before by a conjunction, then the bare number (the verb and the unit noun left out); lower-cased text
_GAP_CONJUNCTION = re.compile(r"(?:\band|\bwhile|(?<![а-яё])(?:и|а)|[,，、和而])\s*[«\"“]?$")
_GAP_PORT_TO_NUMBER = re.compile(
    r"[»\"”]?\s*[:：–—-]?\s*(?:(?:about|nearly|some|over|almost|около|почти|более|свыше|порядка|约|近|超)\s*)?"
)


def _gapped_port(n: Number, low: str, clause: tuple[int, int], mentions: list[PortMention]) -> bool:
    """Whether a named port of the clause stands right before the bare count, joined to what came before it by a
    conjunction: the number is that port's figure whatever period words follow it."""
    return any(
        m.priority == 1
        and clause[0] <= m.start
        and m.end <= n.start
        and _GAP_PORT_TO_NUMBER.fullmatch(low, m.end, n.start)
        and _GAP_CONJUNCTION.search(low, max(clause[0], m.start - 8), m.start)
        for m in mentions
    )


# between an elliptic sentence's period and its number: a dash or comma, "already", an approximation word
_ELLIPTIC_GAP = re.compile(  # lower-cased text
    r"[\s,:：，–—-]*(?:(?:уже|already|so far|пока|已经|已)\s*)?"
    r"(?:(?:почти|около|более|свыше|примерно|порядка|nearly|almost|about|around|over|more than|"
    r"接近|近|约|超过|超)\s*)?"
)
# a dialogue dash, quote or speaker label ("A:", "答：") opening the sentence
ELLIPTIC_HEAD = re.compile(
    r"[\s–—\-\"«“]*(?:\w{1,3}\s*[:：]\s*)?(?:(?:and|but|while|а|и|но|而)\s+)?(?:(?:for|in|over|during)\s+(?:the\s+)?)?"
)
ELLIPTIC_REACH = 3  # sentences back to the count an elliptic sentence continues (a question may stand between)


def elliptic(
    n: Number, low: str, sentence: tuple[int, int], period: tuple[int, int], before: list[Reading]
) -> Reading | None:
    """'– За январь и февраль – уже почти 71 тысяча.', 'For January–February, already nearly 71,000.',
    「1—2月，已接近7.1万。」: a sentence that is only a period and a bare number (its noun and verb left out, as in an
    interview's answer) continues the count series of the sentences before (`before`, their readings).

    `period`: the (start, end) of the sentence's own period; only comparable magnitudes (within a factor of ten).
    """
    prev = series_level(n, low, before)
    if prev is None:
        return None
    if ELLIPTIC_HEAD.fullmatch(low, sentence[0], period[0]) is None:
        return None
    if _ELLIPTIC_GAP.fullmatch(low, period[1], n.start) is None:
        return None
    if _CLAUSE_TAIL.fullmatch(low, n.end, sentence[1]) is None:
        return None
    return Reading(prev.indicator, n.value, n.end, n.qualifier)


# after the period that opens a sentence, what introduces the level of that period: a pronoun or the figure's
# anaphor and a level verb, or a dash ("Last year it was 9 hours", «В прошлом году было 9 часов», «Годом ранее —
# 9 часов», 「去年同期为9小时」, 「上年这一数字为9小时」) (lower-cased text)
_BACK_GAP = re.compile(
    r"[\s,:：，]*(?:(?:it|this|that|they|the (?:figure|number|time|rate|total|volume|queue|average|level)s?)\s+"
    r"(?:was|were|stood at|had been|amounted to|came to|totall?ed|reached|averaged)\s+|"
    r"(?:(?:он[оаи]?|этот показатель|показатель|эта цифра|цифра)\s+)?"
    r"(?:было|был|была|были|составлял[аио]?|составил[аио]?|достигал[аио]?|равнял\w+)\s+|"
    r"(?:这一数字|该数字|该指标|这一指标)?(?:则|仅|约)?(?:为|是|达到?)|[–—-]\s*)"
    r"(?:(?:about|around|nearly|almost|just over|just under|over|under|more than|less than|only|"
    r"около|почти|примерно|порядка|более|свыше|чуть больше|чуть меньше|менее|всего|лишь|约|近|超过|不足)\s*)?"
)
# what may open such a sentence before its period: a dialogue dash or speaker label, "in", "the same period of"
BACK_HEAD = re.compile(
    ELLIPTIC_HEAD.pattern + r"(?:(?:the\s+)?same\s+(?:period|quarter|half|months?|time)\s+(?:of\s+|in\s+)?)?"
)
_BACK_TAIL = re.compile(_BACK_GAP.pattern + "$")  # the same, searched right before a number (a cheap first look)
_UNIT_OF = {
    "trains_count": ("train", "trip"),
    "trains_in_queue": ("train",),
    "trains_per_day": ("train",),
    "vehicles_exported": ("vehicle", "units"),
    "vehicles_in_queue": ("vehicle", "units"),
    "vehicles_per_day": ("vehicle", "units"),
    "containers_teu": ("teu",),
    "cargo_tonnes": ("tonne",),
}


def back_cue(low: str, start: int) -> bool:
    """Whether what stands right before the number can introduce the level of an earlier period (a pronoun and a
    level verb, a dash, 为): a cheap first look before back_level."""
    return _BACK_TAIL.search(low, max(0, start - 40), start) is not None


def back_level(
    n: Number, text: str, low: str, head: tuple[int, int, int], clause_end: int, before: list[Reading]
) -> Reading | None:
    """'Last year it was 9 hours.', «Годом ранее — 9 часов.», 「去年同期为9小时。」: a sentence that opens with a
    period and states a level for it with a pronoun for the subject goes on about the figure of the sentence
    before (`before`, its readings): a time is its clearance time, a count (bare, or with the same unit) its
    count, of comparable size (within a factor of ten).

    `head`: the sentence start and the span of its first period."""
    if n.kind != "num" or BACK_HEAD.fullmatch(low, head[0], head[1]) is None:
        return None
    if not _BACK_GAP.fullmatch(low, head[2], n.start):
        return None
    hours = time_in_hours(n, text, clause_end)
    if hours is not None:
        times = [r for r in before if r.indicator == "clearance_time_hours"]
        return Reading(times[-1].indicator, hours[0], hours[1], n.qualifier) if times else None
    prev = series_level(n, low, before)
    if prev is None:
        return None
    unit = next((m for rx in lx.units_at(text, n.end, clause_end) if (m := rx.match(text, n.end, clause_end))), None)
    if unit is None and _CLAUSE_TAIL.fullmatch(low, n.end, clause_end):
        return Reading(prev.indicator, n.value, n.end, n.qualifier)
    if unit is not None and unit.lastgroup in _UNIT_OF[prev.indicator]:
        return Reading(prev.indicator, n.value, unit.end(), n.qualifier)
    return None


_QUAL = (
    r"(?:\s*(?:about|around|nearly|almost|some|roughly|approximately|just|only|около|почти|примерно|порядка|约|近))?"
)
_COMPARISON_OF = re.compile(  # searched in the lower-cased text, ending right before a figure
    r"(?:\bfrom(?: (?:the|a|an) (?:previous|earlier|prior) (?:level|figure|reading|rate) of)?"
    r"|\b(?:compar(?:ed|es?) (?:with|to)|versus|vs\.?|against|in comparison (?:with|to))[^\d.;:!?]{0,30}?"
    r"|(?<![а-яё])(?:против|по сравнению с|в сравнении с)[^\d.;:!?]{0,30}?|(?<![а-яё])(?:с|чем)"
    r"|(?:годом|месяцем|кварталом) ранее\s*[-–—:]?|(?:годом|месяцем) ранее (?:было|был|была|составлял\w*)"
    r"|(?:较|相比|对比|(?<![同环占])比)[^\d，。；！？,;]{0,8}?"
    r"|(?:上月|上年同期|去年同期|同期|上年|去年|上季度)(?:为|是))" + _QUAL + r"\s*[$¥€]?\s*$"
)


def comparison_head(low: str, n: Number, lo: int, earlier: list[Read], indicator: str) -> Read | None:
    """'fell to 96.4%, down from 98.9%', 'против 98,9%', '较上月的98.9%': the figure this one is compared with.

    `earlier` are the sentence's figures before `n`; `lo` bounds the search (the end of the figure before).
    The comparison is the same series: it takes the head's direction and scope.
    """
    heads = [f for f in earlier if f[1].indicator == indicator and f[0].start < n.start]
    if not heads or not _COMPARISON_OF.search(low, max(lo, n.start - 60), n.start):
        return None
    return heads[-1]
