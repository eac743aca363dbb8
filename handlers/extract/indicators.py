"""Recognise which indicator a number is, from the words around it, and normalise it to base units."""

from __future__ import annotations

import re

from handlers.extract import lexicon as lx
from handlers.extract.calendar_words import EN_MONTH_RX, RU_MONTH_RX
from handlers.extract.spans import Number, value_type
from handlers.extract.trie import Folded

_PAIRS = re.compile(r"\bpairs? of\b|\bпар\w*\b|对")
_TIME_HOURS = {"hour": 1.0, "day": 24.0, "minute": 1 / 60, "week": 168.0}
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_COUNT_UNIT_AFTER = re.compile(r"列|辆|吨|标箱|标准箱")  # "2000列" is 2,000 trains, not the year 2000
_MONTH_AFTER = re.compile(rf"\s(?:{EN_MONTH_RX}\b|{RU_MONTH_RX})")
_DATE_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s$"
)


@value_type
class Context:
    """The text a number sits in: whole text plus the bounds of its clause and sentence."""

    text: str
    clause: tuple[int, int]
    sentence: tuple[int, int]
    low: str = ""  # the text lower-cased, same offsets (context words are searched there)
    fold: str = ""  # `low` when trie.fold_safe(text): IGNORECASE patterns then run lower-cased on it
    scripts: str = "lcz"  # the scripts the whole text has (periods.scripts_of): context words are looked for in those

    def clause_has(self, role: str) -> bool:
        return lx.has(role, self.low or self.text.lower(), *self.clause, self.scripts)

    def sentence_has(self, role: str) -> bool:
        return lx.has(role, self.low or self.text.lower(), *self.sentence, self.scripts)


@value_type
class Reading:
    """What a number means: an indicator value, or a change in percent (yoy candidate)."""

    indicator: str  # an indicator name, or "change"
    value: float
    end: int
    qualifier: str


def time_in_hours(n: Number, text: str, limit: int) -> tuple[float, int] | None:
    """The number as hours and the end of its units when a time unit follows it ('2 days' → 48,
    '4 часа 15 минут' → 4.25), else None."""
    end = min(limit, n.end + 30)
    for rx in lx.units_at(text, n.end, end):
        m = rx.match(text, n.end, end)
        if m and m.lastgroup in _TIME_HOURS:
            half, end = half_unit(text, n.end, m.end())
            smaller, end = smaller_unit(text, end, m.lastgroup)
            return (n.value + half) * _TIME_HOURS[m.lastgroup] + smaller, end
    return None


def money_unit(n: Number, text: str, limit: int) -> tuple[str, int] | None:
    """'usd' / 'cny' and the end of the amount when the number is money ('$43.8 billion', '43,8 млрд долларов',
    '438亿美元'), else None."""
    for rx in lx.units_at(text, n.end, limit):
        m = rx.match(text, n.end, limit)
        if m and m.lastgroup:
            return (m.lastgroup, m.end()) if m.lastgroup in ("usd", "cny") else None
    for name, rx in lx.CURRENCY_BEFORE.items():
        if rx.search(text, max(0, n.start - 5), n.start):
            return name, n.end
    return None


def time_unit_hours(n: Number, text: str, limit: int) -> float | None:
    """The hours in one of the time unit right after the number ('3 суток' → 24), else None."""
    for rx in lx.units_at(text, n.end, limit):
        m = rx.match(text, n.end, limit)
        if m and m.lastgroup in _TIME_HOURS:
            return _TIME_HOURS[m.lastgroup]
    return None


def half_unit(text: str, start: int, end: int) -> tuple[float, int]:
    """0.5 and the new end when a half goes with the time unit text[start:end] ('一个半小时', 'a day and a half')."""
    if "半" in text[start:end]:
        return 0.5, end
    m = lx.HALF_AFTER_UNIT.match(text, end)
    return (0.5, m.end()) if m else (0.0, end)


def smaller_unit(text: str, end: int, unit: str) -> tuple[float, int]:
    """Hours and the new end when a smaller time unit follows a duration of this unit ("2 часов 40 минут",
    "2小时40分钟", "1 day and 6 hours"): the two make one value."""
    m = lx.SMALLER_TIME_UNIT.match(text, end)
    if m is None or not m.lastgroup or _TIME_HOURS[m.lastgroup] >= _TIME_HOURS.get(unit, 0.0):
        return 0.0, end
    return float(m.group("n")) * _TIME_HOURS[m.lastgroup], m.end()


def maybe_figure(n: Number, text: str, limit: int, fold: str = "") -> bool:
    """A cheap first look: a unit after the number, a currency sign or a verb like 'reached' before it."""
    year = not n.scaled and n.step >= 1 and _YEAR_LIKE.fullmatch(text, n.start, n.end)
    if year and not _COUNT_UNIT_AFTER.match(text, n.end):
        return False
    if _day_of_month(n, text):
        return False
    end = min(limit, n.end + 90)
    if any(rx.match(text, n.end, end) for rx in lx.units_at(text, n.end, end)):
        return True
    if _RATIO.match(text, n.end):
        return True
    lo = max(0, n.start - 40)
    return any(rx.search(text, lo, n.start) for rx in lx.CURRENCY_BEFORE.values()) or bool(
        _LEVEL_VERB.search(text, fold, lo, n.start)
    )


def _day_of_month(n: Number, text: str) -> bool:
    """'June 14', '14 June', '14 июня': the day of a date is never a figure (even when a unit follows the year:
    "since November 28, 2013, the train has …")."""
    if n.value > 31 or n.scaled or n.kind != "num":
        return False
    return bool(_DATE_BEFORE.search(text, max(0, n.start - 11), n.start) or _MONTH_AFTER.match(text, n.end))


def _year_or_day(n: Number, text: str) -> bool:
    """A year ("in 2025", unless "2000列" counts trains) or the day of a date ("November 28")."""
    year = not n.scaled and n.step >= 1 and _YEAR_LIKE.fullmatch(text[n.start : n.end])
    return bool(year and not _COUNT_UNIT_AFTER.match(text, n.end)) or _day_of_month(n, text)


def read_number(n: Number, ctx: Context) -> Reading | None:
    if n.kind == "pp":
        return None
    if n.kind == "pct":
        return _read_percent(n, ctx)
    if _year_or_day(n, ctx.text):
        return None
    ratio = _ratio_change(n, ctx)
    if ratio is not None:
        return ratio
    if _CHANGE_BY.search(ctx.text, ctx.fold, max(ctx.clause[0], n.start - 40), n.start):
        return None  # "cut clearance time by 2 hours", "увеличилось на 600 машин": a change, not a level
    unit, end = _unit(n, ctx)
    if unit is None:
        unit, end = _subject_unit(n, ctx)
    if unit is None or not _reported(n, unit, ctx) or _difference(n, end, ctx):
        return None
    qualifier = _after_qualifier(ctx.text, end, n.qualifier)
    if lx.AFTER_UNIT_PER_HOUR.match(ctx.text, end):
        return None
    indicator, factor = _indicator(unit, n, end, ctx)
    if indicator is None:
        return None
    value = n.value
    if unit in _TIME_HOURS:
        half, end = half_unit(ctx.text, n.end, end)
        smaller, end = smaller_unit(ctx.text, end, unit)
        value += half + smaller / _TIME_HOURS[unit]
    return Reading(indicator, value * factor, end, qualifier)


def _reported(n: Number, unit: str, ctx: Context) -> bool:
    """Whether a figure with this unit is a reported level: not a capacity, plan, forecast, load per train or
    loose recollection."""
    low = ctx.low or ctx.text.lower()
    if lx.has("plan", low, _plan_scope(ctx, n.start), n.start, ctx.scripts):
        return False  # a capacity, plan or forecast is not a reported figure
    if unit not in _TIME_HOURS and lx.has("per_unit", low, ctx.clause[0], n.start, ctx.scripts):
        return False  # a load per train ("each train carries"); a time per train is the clearance time
    if lx.has("forecast", low, ctx.sentence[0], n.start, ctx.scripts):
        return False  # "Ожидается, что … достигнет 45 млн тонн"
    # "We had years with 30 trains a month", "Бывали дни и по 40 поездов": a recollection; but a clause of its own
    # that dates the figure to one moment ("有一段时间…，一度有14列班列在站内等待交接", "at one point") reports it
    vague = _subject_start(ctx, "vague")
    return vague is None or (vague < ctx.clause[0] and ctx.clause_has("previous"))


_DASH_BEFORE = re.compile(r"[—–]\s*$")
_CLAUSE_START_BEFORE = re.compile(r"[,;:，；：]\s*")


_SERIES_DASH_BEFORE = re.compile(r"[—–]\s*(?:(?:около|до|более|about|up to|约)\s*)?$")


# a clause that only states the level a change reached ("…capacity fivefold, up to 60 pairs of trains a day",
# «…в пять раз, до 60 пар», 「…提高5倍，达到每天60列」): its subject is the clause before
# (matched from the clause start to the number: "…, до конца октября прошло 6500" is not such a clause)
_TO_LEVEL_CLAUSE = re.compile(
    r"\s*(?:(?:and\s+)?(?:up to|to|reaching|bringing it to)\s|(?:и\s+)?(?:до|доведя (?:её|его|их) до)\s|"
    r"(?:达到|达|至|到)(?:每天|每日|日均)?)\s*(?:(?:about|nearly|almost|some|около|почти|примерно|约|近)\s*)?"
)


def _plan_scope(ctx: Context, start: int) -> int:
    """Where to look for plan and capacity words: the figure's clause, and the clause before it when this one
    follows a dash ("пропускная способность выросла — с 12 до 60 пар поездов", "capacity – 500 trains a day"):
    a dash there introduces what the clause before it names; so does a clause that only states the level a
    change reached ("raised the capacity fivefold, up to 60 pairs of trains a day"). A figure right after a dash
    in its own clause continues a series whose head stands at the start of the sentence ("Проектная мощность –
    20 млн тонн в год, на первом этапе – 12 млн тонн")."""
    lo = ctx.clause[0]
    if _SERIES_DASH_BEFORE.search(ctx.text, max(lo, start - 12), start):
        return ctx.sentence[0]
    to_level = lo > ctx.sentence[0] and _TO_LEVEL_CLAUSE.fullmatch(ctx.low or ctx.text.lower(), lo, start) is not None
    if not to_level and not _DASH_BEFORE.search(ctx.text, max(ctx.sentence[0], lo - 3), lo):
        return lo
    head = ctx.sentence[0]
    end = lo - 1
    while to_level and end > head and not _CLAUSE_START_BEFORE.match(ctx.text, end):
        end -= 1  # the comma that ends the clause before (a dash clause starts right after its dash)
    for m in _CLAUSE_START_BEFORE.finditer(ctx.text, head, end):
        head = m.end()
    return head


def _unit(n: Number, ctx: Context) -> tuple[str | None, int]:
    limit = min(ctx.sentence[1], n.end + 90)
    for rx in lx.units_at(ctx.text, n.end, limit):
        m = rx.match(ctx.text, n.end, limit)
        if m and m.lastgroup:
            return m.lastgroup, m.end()
    for name, rx in lx.CURRENCY_BEFORE.items():
        if rx.search(ctx.text, max(0, n.start - 5), n.start):
            return name, n.end
    return _shared_unit(n, ctx, limit)


_SHARED = re.compile(r"\s*(?:and|or|и|или|和|与|及|、|,)\s*(?:about |nearly |over |около |более |约)?")
_NEXT_NUMBER = re.compile(r"[0-9][0-9,. \u00a0\u2009\u202f]*(?:万|亿|千|million|billion|thousand|млн|тыс\.?|млрд)?")


def _shared_unit(n: Number, ctx: Context, limit: int) -> tuple[str | None, int]:
    """'3,560 and 4,120 trains', '3560列和4120列': the unit after the next number is shared."""
    sep = _SHARED.match(ctx.text, n.end, limit)
    nxt = _NEXT_NUMBER.match(ctx.text, sep.end(), limit) if sep else None
    if nxt is None:
        return None, n.end
    for rx in lx.units_at(ctx.text, nxt.end(), limit):
        m = rx.match(ctx.text, nxt.end(), limit)
        if m and m.lastgroup:
            return m.lastgroup, n.end
    return None, n.end


_CHANGE_BY = Folded(
    re.compile(
        r"(?:\bby|(?:多|少)了|(?:увелич|сократ|сниз|вырос|возрос|уменьш|прибав|рост|сокращ|сниж|подня|упа)\w*\s+на|"
        r"缩短了?|减少了?|增加了?|提高了?|提升了?|下降了?|增长了?)\s*(?:(?:about|nearly|over|more than|almost|some|"
        r"около|почти|более|свыше|примерно)\s*)?$",
        re.IGNORECASE,
    )
)
# "на 9 составов меньше (, чем неделей ранее)", "9 trains fewer than", 「比上周多9列」: a difference between two
# levels, not a level (Russian needs "на" before the number: "47 поездов больше суток" is a duration)
_DIFFERENCE_ZH = re.compile(r"(?:比|较)[^，。；,;\d]{0,8}?(?:多|少)(?:出|了)?(?:约|近)?$")
_DIFFERENCE_RU = re.compile(r"(?<![а-яёА-ЯЁ])на\s+(?:(?:около|почти|примерно)\s+)?$")
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:(?P<en>(?:more|fewer|less)\s+than\b)|(?:больше|меньше)(?![а-яё]))", re.IGNORECASE
)


def _difference(n: Number, end: int, ctx: Context) -> bool:
    """Whether the number with its unit (ending at `end`) is a difference between two levels."""
    lo = max(ctx.clause[0], n.start - 16)
    if _DIFFERENCE_ZH.search(ctx.text, lo, n.start):
        return True
    after = _DIFFERENCE_AFTER.match(ctx.text, end)
    if after is None:
        return False
    return after.group("en") is not None or _DIFFERENCE_RU.search(ctx.text, lo, n.start) is not None


_LEVEL_VERB = Folded(
    re.compile(
        r"(?:\b(?:reached|reach|totall?ed|totals|stood at|hit|amounted to|exceeded|topped|surpassed|was|were|averaged|"
        r"rose to|fell to|increased to|grew to|climbed to|dropped to|declined to)|составил\w*|достиг\w*|"
        r"превысил\w*|превысило|насчитыва\w*|达到?|为|突破|超过)\s*"
        r"(?:(?:about|nearly|over|more than|almost|some|около|почти|более|свыше|примерно)\s*)?$",
        re.IGNORECASE,
    )
)
_SUBJECT_END = re.compile(
    r"\s*(?:$|[,.;:)，。；—–]|(?:in|on|by|as|during|last|this|compared|up|down|a|an|per|daily|year|за|в|по|что|и|同比)\b)"
)


def _subject_unit(n: Number, ctx: Context) -> tuple[str | None, int]:
    """'the number of freight trains ... reached 7,762': the unit noun stands before the verb."""
    if not _LEVEL_VERB.search(ctx.text, ctx.fold, max(ctx.clause[0], n.start - 40), n.start):
        return None, n.end
    if not _SUBJECT_END.match(ctx.text, n.end):
        return None, n.end
    lo = max(ctx.clause[0], n.start - 120)
    last: tuple[str | None, int] = (None, -1)
    for rx in lx.SUBJECT_UNIT_RES:
        for m in rx.finditer(ctx.text, lo, n.start):
            if m.lastgroup and m.start() > last[1]:
                last = (m.lastgroup, m.start())
    return last[0], n.end


_RATIO = re.compile(r"\s*(?:(倍)|(раза?|times\b|-fold\b|fold\b))", re.IGNORECASE)
_RATIO_VERB = re.compile(
    r"(?:增长|增加|提高|提升|вырос\w*|возрос\w*|увеличил\w*|рост\w*|increas\w*|grew|rose|jump\w*|surg\w*)"
    r"(?:\s*(?:了|в|by))?\s*$",
    re.IGNORECASE,
)


# "2.3 times more", «в 1,6 раза больше»: a multiple of a level compared with; a change only against a year earlier
_RATIO_MORE = re.compile(r"\s*(?:more|higher|greater|larger|больше|выше)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")  # "compared to January-September 2024": the same period before


def _ratio_change(n: Number, ctx: Context) -> Reading | None:
    """'增长1.2倍' (+120%), 'выросло в 2 раза' (+100%), 'increased 3 times' (+200%): a change, not a level.
    'в 1,6 раза больше, чем годом ранее', '2.3 times more than a year earlier' (+60%, +130%) too."""
    m = _RATIO.match(ctx.text, n.end)
    if m is None:
        return None
    if not _RATIO_VERB.search(ctx.text, max(ctx.clause[0], n.start - 14), n.start):
        more = None if m.group(1) else _RATIO_MORE.match(ctx.text, m.end())
        window = (more.end(), min(ctx.sentence[1], more.end() + 60)) if more is not None else (0, 0)
        if more is None or not (lx.YOY_EXPLICIT.search(ctx.text, *window) or _YEAR.search(ctx.text, *window)):
            return None  # "2 times more than at Horgos": a comparison between places, not a change
        return Reading("change", round((n.value - 1) * 100, 6), more.end(), n.qualifier)
    pct = round(n.value * 100 if m.group(1) else (n.value - 1) * 100, 6)
    return Reading("change", pct, m.end(), n.qualifier)


def _after_qualifier(text: str, end: int, qualifier: str) -> str:
    m = lx.AFTER_UNIT_QUAL.match(text, end)
    if not m:
        return qualifier
    return ("more_than", "about", "up_to")[(m.lastindex or 1) - 1]


def _indicator(unit: str, n: Number, end: int, ctx: Context) -> tuple[str | None, float]:
    if unit == "units":
        unit = "vehicle" if ctx.clause_has("vehicle_word") else ""
    if unit in ("train", "trip", "vehicle") and (ctx.clause_has("passenger") or ctx.clause_has("per_week")):
        return None, 1.0
    if unit in ("train", "trip"):
        if unit == "trip" and not _trains_in_context(ctx):
            return None, 1.0
        pairs = _PAIRS.search(ctx.text, n.end, end) is not None  # "12 пар поездов": 24 trains
        return _rate_or_count("trains", ctx), 2.0 if pairs else 1.0
    if unit == "tonne":
        # "including 1.2 million tonnes of grain": a commodity within the total, not the port's volume
        low = ctx.low or ctx.text.lower()
        skip = ctx.clause_has("not_cargo") or lx.has("breakdown", low, ctx.clause[0], n.start, ctx.scripts)
        return (None if skip else "cargo_tonnes"), 1.0
    if unit == "teu":
        return "containers_teu", 1.0
    if unit == "vehicle":
        indicator = _vehicles(ctx, n.start)
        if indicator == "vehicles_exported" and _vehicle_trips(ctx.text, end):
            return None, 1.0
        return indicator, 1.0
    if unit in ("usd", "cny"):
        # "worth US$3.9 billion at declared export prices": the prices are how the trade is valued
        trade = ctx.clause_has("trade") and (not ctx.clause_has("not_trade") or ctx.clause_has("valuation"))
        return (f"trade_value_{unit}" if trade else None), 1.0
    if unit in _TIME_HOURS:
        if _ROUND_THE_CLOCK.match(ctx.text, n.start):
            return None, 1.0  # 「实行24小时预约通关」: round-the-clock service, not a clearance time
        return _clearance_time(end, ctx), _TIME_HOURS[unit]
    return None, 1.0


# "24小时" used as an attribute of the service that follows it (「24小时预约通关」「24小时服务」), not a duration
# (「24小时以内」「24小时左右」「24小时即可」); English "24-hour" never gets a unit (the hyphen)
_ROUND_THE_CLOCK = re.compile(r"24\s*(?:个)?小时(?![以之内左即就])[\u4e00-\u9fff]")
_TOPIC_WINDOW = 300  # characters before the sentence: the sentence before it, usually


def _trains_in_context(ctx: Context) -> bool:
    """'trips', 'services', 'рейсов' are train runs when trains are the topic: named in this sentence or the one
    before ("… 4,512 freight trains … Alashankou recorded 3,960 trips over the same period"), and no driver is:
    a driver's runs ("Дальнобойщик … сделал 14 рейсов") are a person's trips."""
    low = ctx.low or ctx.text.lower()
    lo = max(0, ctx.sentence[0] - _TOPIC_WINDOW)
    end = ctx.sentence[1]
    return lx.has("train_word", low, lo, end, ctx.scripts) and not lx.has("person_trips", low, lo, end, ctx.scripts)


_TAIL_WINDOW = 14  # characters after the clause: ", waiting for …", "，等待…", ", ожидая …"


def _rate_or_count(kind: str, ctx: Context) -> str:
    """Queue, per-day rate or count, from the words of the clause.

    A clause right after the figure's one that opens with a waiting word ("…, waiting for their turn",
    "…，等待…") describes the same vehicles: a queue. A distributive day word ("每天约1,200辆商品车…排队", "each
    day … queue to clear") makes a queue word the daily flow through it; a peak day word ("в отдельные дни
    очередь превышала …") does not. A one-day period stated for the sentence ("За прошедшие
    сутки, 13 января, …", "Over the past 24 hours, …") makes its counts daily rates.
    """
    low = ctx.low or ctx.text.lower()
    if ctx.clause_has("queue") and not ctx.clause_has("per_day"):
        return f"{kind}_in_queue"
    if ctx.clause_has("per_day"):  # "每天仅能接收约450辆货车，是造成积压的主要原因": the queue is another matter
        return f"{kind}_per_day"
    if lx.has("queue", low, ctx.clause[1], min(ctx.sentence[1], ctx.clause[1] + _TAIL_WINDOW), ctx.scripts):
        return f"{kind}_in_queue"
    if ctx.sentence_has("day_period") or ctx.clause_has("peak_day"):
        return f"{kind}_per_day"  # "в отдельные дни станция передавала до 26 составов": on its busiest days
    return "trains_count" if kind == "trains" else "vehicles_exported"


def _vehicles(ctx: Context, start: int) -> str | None:
    indicator = _rate_or_count("vehicles", ctx)
    if indicator != "vehicles_exported":
        return indicator
    low = ctx.low or ctx.text.lower()
    part = lx.has("breakdown", low, ctx.clause[0], start, ctx.scripts)
    if part or _OF_WHICH.search(low, max(0, ctx.clause[0] - 4), start):
        if not lx.has("via", low, ctx.clause[0], ctx.clause[1], ctx.scripts):
            return None  # "其中，新能源汽车2.1万辆", "of which 2,000 were electric": a part of the total
        # "exported 518,000 vehicles, of which 383,000 through Horgos", 「其中经霍尔果斯口岸出口38.3万辆」: a crossing's
        # part of the exports, with the total's verb
        return indicator if lx.has("export", low, ctx.sentence[0], ctx.clause[1], ctx.scripts) else None
    if ctx.clause_has("car_sales") and not ctx.clause_has("export"):
        return None  # "в стране реализовано 6 812 новых электромобилей": sales, not exports
    if ctx.clause_has("export") or ctx.clause_has("car_goods") or _export_passage(ctx) or _export_after_list(ctx):
        return indicator
    return indicator if _nev_goods(ctx) else None


def _nev_goods(ctx: Context) -> bool:
    """'the port handled just 11,200 new-energy trucks' in a passage about vehicle exports: new-energy vehicles of
    any kind a port counts are the goods exported (not a fleet's own trucks, in a text about something else)."""
    if not ctx.clause_has("nev"):
        return False
    low = ctx.low or ctx.text.lower()
    return lx.has("vehicle_export", low, max(0, ctx.sentence[0] - _TOPIC_WINDOW), ctx.sentence[1], ctx.scripts)


_INSERTED_LIST = re.compile(
    r"\s*[,，—–]\s*(?:including|such as|в том числе|включая|包括|其中包括)[^,，—–.;；。\d]{1,120}[,，—–]",
    re.IGNORECASE,
)
_NEXT_CLAUSE_END = re.compile(r"[,，;；.。—–]")


def _export_after_list(ctx: Context) -> bool:
    """'5,820 vehicles, including wheel loaders and electric forklifts, were exported': the verb of the figure's
    clause stands after a list inserted between commas or dashes."""
    m = _INSERTED_LIST.match(ctx.text, ctx.clause[1], ctx.sentence[1])
    if m is None:
        return False
    end = _NEXT_CLAUSE_END.search(ctx.text, m.end(), ctx.sentence[1])
    return lx.has("export", ctx.low or ctx.text.lower(), m.end(), end.start() if end else ctx.sentence[1])


def _export_passage(ctx: Context) -> bool:
    """'December was the busiest month, with 52,300 vehicles crossing into Kazakhstan': vehicles (not trucks, whose
    crossings are traffic) moving out across the border, in a passage about vehicle exports (this sentence or
    the one before)."""
    if not ctx.clause_has("vehicle_out") or ctx.clause_has("truck_word"):
        return False
    low = ctx.low or ctx.text.lower()
    return lx.has("vehicle_export", low, max(0, ctx.sentence[0] - _TOPIC_WINDOW), ctx.sentence[1], ctx.scripts)


_OF_WHICH = re.compile(r"其中|of which|из них|в том числе")


def _vehicle_trips(text: str, end: int) -> bool:
    """'12万辆次', 'vehicle trips': crossings counted both ways, not vehicles exported."""
    return text.startswith("次", end) or re.match(r"\s*(?:trips|crossings|рейс)", text[end : end + 12]) is not None


def _clearance_time(end: int, ctx: Context) -> str | None:
    """A time is the clearance time when clearance is named in its clause or, with no other figure in between,
    earlier in its sentence ("the average time needed to process a train at X, from arrival to departure,
    was 2.8 hours", "Само оформление на Иркештаме, уверяют в ведомстве, занимает полтора часа")."""
    lo = _subject_start(ctx, "clearance")
    if lo is None:
        return None
    low = ctx.low or ctx.text.lower()
    if lx.has("not_clearance", low, lo, ctx.clause[1], ctx.scripts):
        return None  # working hours, shifts ("run the inspection lines around the clock")
    if lo < ctx.clause[0] and lx.has("plan", low, lo, ctx.clause[0], ctx.scripts):
        return None  # a capability named with the subject ("trains can clear customs …, with a delay of 24 hours")
    if lx.AFTER_TIME_EXCLUDE.match(ctx.text, end):
        return None
    return "clearance_time_hours"


_SIGN_BEFORE = re.compile(r"(?:^|[(\[（\s,;])([+−-])\s?$")


def _read_percent(n: Number, ctx: Context) -> Reading | None:
    text = ctx.text
    sign = _SIGN_BEFORE.search(text, max(0, n.start - 3), n.start)
    if sign:  # "(+21%)", "(-3.2% y/y)": a signed change
        return Reading("change", n.value if sign.group(1) == "+" else -n.value, n.end, n.qualifier)
    before_lo = max(ctx.clause[0], n.start - 40)
    if n.start - ctx.clause[0] <= 3:  # "…, growth on the previous year: 3.1%": the colon opened the clause
        before_lo = max(ctx.sentence[0], n.start - 40)
    if lx.CHANGE_BEFORE.search(text, ctx.fold, before_lo, n.start) and not _level_word_before(text, n.start):
        return Reading("change", _signed(n, ctx), n.end, n.qualifier)
    if not lx.LEVEL_BEFORE.search(text, ctx.fold, before_lo, n.start) and lx.CHANGE_AFTER.match(text, n.end):
        return Reading("change", _signed(n, ctx), n.end, n.qualifier)
    if _MORE_THAN.match(text, n.end):  # "this is 27.5 percent more than …": a change even after "is"
        return Reading("change", _signed(n, ctx), n.end, n.qualifier)
    if n.value > 100:
        return None
    low = ctx.low or text.lower()
    plan = lx.has("plan", low, ctx.clause[0], n.start, ctx.scripts)
    if plan or lx.has("forecast", low, ctx.sentence[0], n.start, ctx.scripts):
        return None  # "He expects the share of NEVs … to pass 40 percent": a forecast, not a level
    if _rate_subject(ctx):
        return Reading("clearance_rate_pct", n.value, n.end, n.qualifier)
    if _nev_share(ctx):
        return Reading("nev_share_pct", n.value, n.end, n.qualifier)
    return None


def _nev_share(ctx: Context) -> bool:
    """A share of new-energy vehicles: 'share' in the figure's clause and NEVs named there or just before
    ("其中，新能源汽车2.1万辆，占比21.4%"); or both named before the clause in its sentence with no other figure
    in between ("Доля транспорта на новых источниках энергии – электромобилей, … – достигла 34,6%")."""
    low = ctx.low or ctx.text.lower()
    near = max(ctx.sentence[0], ctx.clause[0] - 30)
    if ctx.clause_has("share") and lx.has("nev", low, near, ctx.clause[1], ctx.scripts):
        return True
    if ctx.clause_has("share") and _subject_start(ctx, "nev") is not None:
        return True  # "New-energy models – mostly …, but … – made up 27.3 per cent": the subject before a list
    lo = ctx.sentence[0]
    if lo >= ctx.clause[0] or _DIGIT.search(ctx.text, lo, ctx.clause[0]):
        return False
    return lx.has("share", low, lo, ctx.clause[0], ctx.scripts) and lx.has("nev", low, lo, ctx.clause[0], ctx.scripts)


_DIGIT = re.compile(r"[0-9]")
_MORE_THAN = re.compile(r"\s*(?:more|higher|fewer|less|lower)\s+than\b|\s*(?:больше|выше|меньше|ниже),?\s+чем", re.I)


def _rate_subject(ctx: Context) -> bool:
    """A clearance rate named in the figure's clause, or before it in the sentence when no other figure stands
    in between ("Доля деклараций, выпущенных … в течение суток, за пять месяцев составила 98,2%")."""
    return _subject_start(ctx, "clearance_rate") is not None or _rate_anaphor(ctx)


_ANAPHOR_REACH = 25  # the anaphor opens the sentence ("The rate was …", «Этот показатель …», "该比例…")
_PREVIOUS_REACH = 250  # the sentence before, roughly


def _rate_anaphor(ctx: Context) -> bool:
    """'The rate was up from 98.6 percent in October last year', «Показатель вырос с 97,1%»: a sentence that
    opens with 'the rate' goes on about the clearance rate the sentence just before names."""
    lo = ctx.sentence[0]
    low = ctx.low or ctx.text.lower()
    if not lx.has("rate_anaphor", low, lo, min(ctx.clause[1], lo + _ANAPHOR_REACH), ctx.scripts):
        return False
    return lx.has("clearance_rate", low, max(0, lo - _PREVIOUS_REACH), lo, ctx.scripts)


def _subject_start(ctx: Context, role: str) -> int | None:
    """Where the figure's subject begins: its clause when that names a word of the role, else its sentence
    when the role is named before the clause with no other figure in between (the subject may be split from
    its figure by an inserted clause or a dash-enclosed list); None when the role is not named."""
    if ctx.clause_has(role):
        return ctx.clause[0]
    lo = ctx.sentence[0]
    if lo >= ctx.clause[0] or _DIGIT.search(ctx.text, lo, ctx.clause[0]):
        return None
    return lo if lx.has(role, ctx.low or ctx.text.lower(), lo, ctx.clause[0], ctx.scripts) else None


_LEVEL_WORD = re.compile(
    r"(?:reach\w*|stood at|made up|makes? up|making up|达到|达|составил\w*|достиг\w*)\s*$", re.IGNORECASE
)


_CHANGE_NOUN_LEVEL = re.compile(
    r"(?:рост|прирост|увеличение|снижение|сокращение|падение|growth|increase|rise|decline|drop|decrease)\s+"
    r"(?:\w+\s+)?(?:составил\w*|достиг\w*|was|reached|stood at)\s*$",
    re.IGNORECASE,
)


def _level_word_before(text: str, start: int) -> bool:
    """'reached 96%' is a level; 'рост составил 8,4%', 'growth reached 5%' are changes."""
    if _LEVEL_WORD.search(text, max(0, start - 15), start) is None:
        return False
    return _CHANGE_NOUN_LEVEL.search(text, max(0, start - 40), start) is None


def _signed(n: Number, ctx: Context) -> float:
    before = lx.NEGATIVE.search(ctx.text, max(ctx.clause[0], n.start - 30), n.start)
    after = lx.NEGATIVE_AFTER.match(ctx.text, n.end, min(ctx.sentence[1], n.end + 30))
    return -n.value if (before or after) else n.value


def is_mom(n_end: int, ctx: Context, start: int) -> bool:
    """A month-on-month change ('环比', 'чем месяцем ранее') is not year-on-year."""
    return lx.MOM.search(ctx.text, max(ctx.clause[0], start - 20), min(ctx.sentence[1], n_end + 60)) is not None


def label_indicator(
    text: str, low: str, label: tuple[int, int], unit: str, unit_start: int, unit_end: int
) -> tuple[str | None, float]:
    """The indicator of a table row whose label names the unit ('Погрузка на сети, млн т'): the label is the
    figure's clause, read with the same context words as a number followed by that unit."""
    ctx = Context(text, label, label, low)
    return _indicator(unit, Number(unit_start, unit_start, 0.0), unit_end, ctx)
