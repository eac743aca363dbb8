"""Which port and which period a figure belongs to, with what earlier sentences said carried forward."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from handlers.extract import lexicon as lx
from handlers.extract.calendar_words import month_end
from handlers.extract.ports import choose_port, is_hub, region_of, shared_region, side_of
from handlers.extract.spans import Period, PortMention, Sentence
from service.vocabulary import PORTS

SNAPSHOT = frozenset({"trains_in_queue", "vehicles_in_queue", "trains_per_day", "vehicles_per_day"})
_ANAPHOR = re.compile(  # searched in the lower-cased text
    r"\b(?:the|this|that|its) (?:port|crossing|checkpoint|station|border crossing|dry port|hub|land port)\b|"
    r"\b(?:the|its) approaches\b|"  # "trains waiting at the approaches": the station named before
    r"через (?:него|нее|неё)|(?<![а-яё])(?:переход\w*|пункт\w* пропуска|станци\w*|кпп|на подходах)|"
    r"(?<![新疆各两双中哈])口岸|该站|该口岸",
    re.IGNORECASE,
)
_CROSSING_ANAPHOR = re.compile(  # a border crossing pointed back to (lower-cased text; not "the port": a dry port)
    r"\b(?:the|this|that|its) (?:crossing|checkpoint|border crossing|land port|border port|road port)\b|"
    r"(?<![а-яё])(?:(?:этот|данный) переход\w*|(?:этот|данный|этом|данном|этого) пункт\w* пропуска)|该口岸|该公路口岸"
)

# A sentence that opens by adding a figure somewhere else in passing (lower-cased text)
_SIDE_REMARK = re.compile(r"(?:ещ[её]|another|a further)(?![\w-])|另有|还有")


@dataclass(slots=True)
class DocState:
    """What the text is about so far: the last named port(s) and the last stated period."""

    port: str | None = None
    named: str | None = None  # the last port named alone in a sentence: what "the port" points back to
    trade_only: bool = False  # `port` is an aggregate named as a trade flow ("bilateral trade", "两国贸易额")
    recent: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # the ports named so far, in order ("the Kazakh side")
    route: str | None = None  # the last network or route named: what "along the route" points back to
    pub: date | None = None
    carry: Callable[[], Period | None] | None = None  # the last stated period, computed only when asked
    quarters: Callable[[], Period | None] | None = None  # the last stated quarter ("in the quarter" points back)
    scripts: str = "lcz"  # the scripts the text has (periods.scripts_of): context words are looked for in those

    @property
    def period(self) -> Period | None:
        return self.carry() if self.carry is not None else None

    def update(self, sentence: Sentence, mentions: list[PortMention], low: str = "", heading: bool = False) -> None:
        """What the sentence says the text is about now. `heading`: the headline opens a section of body text
        ("🚛 «НУР ЖОЛЫ» (Хоргос)", "Таможенный пост «Калжат»", "🚂 阿腾科里（Altynkol）"): its port is the subject of
        the lines under it."""
        if not mentions:
            ours = low and any(low.find(cue, sentence.start, sentence.end) >= 0 for cue in _OURS_CUES)
            if ours and lx.SIDE_OURS.search(low, sentence.start, sentence.end):
                # "On our side, we processed …": the speaker's side (opposite the one named before) is the subject now
                self.port = _side_port(low, (sentence.start, sentence.end), self) or self.port
            return  # a sentence that names no port (or side) changes nothing
        routes = [m for m in mentions if m.priority == 3]
        if routes:
            self.route = routes[-1].port
        if sentence.headline:
            if heading and low:
                self._heading(sentence, mentions, low)
            return
        strong = [m for m in mentions if m.priority <= 2]
        if strong and low and self.port is not None:
            if _SIDE_REMARK.match(low, sentence.start):
                return  # "Ещё 180 машин стояли у Калжата": another place in passing, the text stays on its subject
            # "сервисы из Сианя", "handed over to Alashankou": where traffic comes from or goes, not the subject
            if any(m.port != self.port for m in strong):
                strong = [m for m in strong if not route_end(low, m)]
        if strong and low:
            strong = _without_passing(low, strong, self.port)
        if strong:
            self.history = [*self.history[-15:], *(m.port for m in strong if m.priority == 1)]
            named = [m for m in strong if m.priority == 1]
            self.port = (named or strong)[-1].port
            last = strong[-1]
            near = (max(0, last.start - 24), last.end + 8)
            self.trade_only = not named and lx.has("trade", low, *near, self.scripts) if low else False
            self.recent = list(dict.fromkeys(m.port for m in named))
            if self.recent:
                self.named = self.recent[0] if len(self.recent) == 1 else None
            if (region := shared_region(self.recent)) is not None:
                self.port = region  # the sentence before gave figures for two crossings: the text is about both


    def _heading(self, sentence: Sentence, mentions: list[PortMention], low: str) -> None:
        """A section heading's port: the first port it names outside brackets (a bracket glosses the name:
        "NUR ZHOLY (Khorgos road checkpoint)", "多斯特克站（阿拉山口对面）"), else the first inside them."""
        named = [m for m in mentions if m.priority == 1 and sentence.start <= m.start < sentence.end]
        if not named:
            return
        outside = [m for m in named if not _bracketed(low, sentence.start, m.start)]
        port = (outside or named)[0].port
        self.port = self.named = port
        self.trade_only = False
        self.recent = [port]
        self.history = [*self.history[-15:], port]


def _bracketed(low: str, start: int, pos: int) -> bool:
    """Whether low[pos] stands inside a bracket opened after `start`."""
    head = low[start:pos]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def pick_port(
    low: str,
    mentions: list[PortMention],
    pos: int,
    clause: tuple[int, int],
    sentence: Sentence,
    state: DocState,
    elsewhere: bool = False,
    indicator: str = "",
) -> str | None:
    """The port of a figure at `pos`. `elsewhere`: the sentence names a port or hub not in the gazetteer."""
    span = (sentence.start, sentence.end)
    mentions = _without_parts(low, mentions, pos, clause, span)
    joint = _joint_ports(low, mentions, pos, clause)
    if joint is not None:
        return joint or None
    if _other_pair(low, mentions, clause):
        return None  # "товарооборот двух стран" in a story on Kyrgyzstan and China: not a corridor port's
    strong = [m for m in mentions if m.priority <= 2]
    subject_here = any(clause[0] <= m.start < clause[1] for m in strong)
    if not subject_here and _other_subject(low, clause, pos, sentence, state.scripts):
        return None  # "Chongqing ran 1,210 China-Europe trips", "中国与吉尔吉斯斯坦贸易额": not a corridor port's
    if not subject_here and (side := _side_port(low, clause, state)):
        return side  # "The Chinese side accepts 480 vehicles a day, … on the Horgos side": the clause's side
    if not subject_here:
        strong = _without_asides(low, strong, clause, span)
        mentions = _without_asides(low, mentions, clause, span)
    port = choose_port(strong, pos, clause, span)
    if port is not None:
        back = state.named or state.port
        if back not in (None, port) and _only_route_ends(low, strong, span):
            # "станция передаёт на Алашанькоу 17 поездов", "a train arriving from Dostyk clears in five hours":
            # a port named only as where traffic comes from or goes; the figure is the text's own port's
            return back
        return port
    if sentence.headline:
        return choose_port(mentions, pos, clause, span)
    return _unnamed_port(low, mentions, pos, clause, sentence, state, elsewhere, indicator)


def _without_parts(
    low: str, mentions: list[PortMention], pos: int, clause: tuple[int, int], span: tuple[int, int]
) -> list[PortMention]:
    """The mentions less the ports named in a later clause that breaks the figure down ("一季度全国中欧班列开行4608列，
    …，其中经霍尔果斯、阿拉山口出入境的超过四成", "…, of which …", «…, из них …»): the parts do not take the total."""
    if not any(clause[1] <= m.start < span[1] for m in mentions):
        return mentions
    cue = lx.PARTS_AFTER.search(low, clause[1], span[1])
    if cue is None:
        return mentions
    # the parts run to the end of their clause ("5,820 vehicles, including loaders, were exported through Irkeshtam")
    stop = _PARTS_END.search(low, cue.end(), span[1])
    end = stop.start() if stop is not None else span[1]
    return [m for m in mentions if not cue.start() <= m.start < end]


_PARTS_END = re.compile(r"[,，;；。!?！？]|\.(?!\d)")  # (not the point of "2.5 million")


def _unnamed_port(
    low: str,
    mentions: list[PortMention],
    pos: int,
    clause: tuple[int, int],
    sentence: Sentence,
    state: DocState,
    elsewhere: bool,
    indicator: str,
) -> str | None:
    """The port of a figure whose sentence names no port outright: an aggregate, an anaphor, a network or
    route, a side of the border, or the port the text is about."""
    span = (sentence.start, sentence.end)
    if lx.has("aggregate", low, *clause, state.scripts):
        return _pair_region(state)
    subject = (_list_head(low, clause[0], sentence.start), clause[1])
    if lx.REGION_ANAPHOR.search(low, *subject) and (region := _region_back(state)) is not None:
        return region  # "The region's foreign trade …" after figures for Xinjiang's ports
    weak = choose_port(mentions, pos, clause, span)
    if weak is not None and not _ANAPHOR.search(low, sentence.start, sentence.end):
        return weak
    if weak is None and state.route is not None and lx.ROUTE_ANAPHOR.search(low, *span):
        return state.route  # "Container traffic along the route …" after a sentence on the Middle Corridor
    if weak is None and state.port is None and state.route == _NATIONAL and lx.TRANSIT.search(low, *clause):
        return state.route  # «Сетью КТЖ перевезено … Транзитные перевозки составили …»: the national network's transit
    if elsewhere or lx.has("no_carry", low, sentence.start, sentence.end, state.scripts) or _historical(low, sentence):
        return weak
    side = _side_port(low, (sentence.start, sentence.end), state)
    if side is not None:
        return side
    if state.named not in (None, state.port) and _ANAPHOR.search(low, sentence.start, sentence.end):
        return state.named  # "the dry port handled …" after a sentence on bilateral trade: the port, not the pair
    if state.port is not None and is_hub(state.port) and _CROSSING_ANAPHOR.search(low, *span):
        # 「经该口岸出口」, "through the crossing" after a sentence on a plant in Xi'an: a hub is no border crossing
        crossing = next((p for p in reversed(state.history) if not is_hub(p)), None)
        return crossing or state.port
    if state.trade_only and indicator and not indicator.startswith("trade_value"):
        return state.named  # a trade flow between two countries is not where trains or trucks are counted
    return state.port


_LIST_BREAKS = ",;:，。；："


def _list_head(low: str, start: int, floor: int) -> int:
    """Where the figure's clause begins when an enumeration comma split its subject off ("全区口岸进口、出口整体通关时间
    分别为…": the items before 、 without a figure are part of the clause's subject)."""
    while start > floor and low[start - 1] == "、":
        head = low[floor : start - 1]
        lo = floor + max(head.rfind(c) for c in _LIST_BREAKS) + 1
        if _DIGIT.search(low, lo, start):
            break
        start = lo
    return start


_DIGIT = re.compile(r"\d")


def route_end(low: str, m: PortMention) -> bool:
    """Whether the port is named as where traffic goes or comes from ("to Alashankou", "из Сианя", "发往…").

    A hub named as where the counted trains start ("поезда «Чанъань» из Сианя совершили 4 870 рейсов", "trains
    from Xi'an made …") is their subject, not a route end: unless it is one of a list of origins ("services from
    Chongqing, Chengdu and Xi'an"), or a route names its other end ("from Xi'an to Baku")."""
    if lx.ROUTE_END.search(low, max(0, m.start - 30), m.start) is None:
        return False
    return not (is_hub(m.port) and _hub_origin(low, m))


# a list of places around a mention: "из Сианя, Чунцина и Иу", "from Xi'an and Chengdu"
_LIST_AFTER = re.compile(r"\s*(?:,\s*[^\s,]+(?:\s*,|\s+(?:и|and|&)\s)|(?:и|and|&)\s|[、和])")


def _hub_origin(low: str, m: PortMention) -> bool:
    """Whether the hub is named alone as where the counted traffic starts ("trains from Xi'an", «из Сианя»)."""
    if lx.HUB_ORIGIN.search(low, max(0, m.start - 40), m.start) is None:
        return False
    return lx.DESTINATION_AFTER.match(low, m.end) is None and _LIST_AFTER.match(low, m.end) is None


_PAIR = "china_kazakhstan"
_NATIONAL = "kazakhstan_rail"  # the national network whose transit a figure with no port named can be


def _other_pair(low: str, mentions: list[PortMention], clause: tuple[int, int]) -> bool:
    """Whether the clause names a country pair only as "the two countries" / "bilateral" / 两国 while the
    country the text last named beside China is not Kazakhstan (a story on Kyrgyzstan–China trade)."""
    for m in mentions:
        if m.port == _PAIR and clause[0] <= m.start < clause[1] and lx.GENERIC_PAIR.search(low, m.start, m.end):
            partner = max((p.start() for p in lx.PARTNER.finditer(low, 0, m.start)), default=-1)
            kazakhstan = max((k.start() for k in lx.KAZAKHSTAN.finditer(low, 0, m.start)), default=-1)
            return partner > kazakhstan
    return False


def in_passing(low: str, m: PortMention) -> bool:
    """Whether the port is named in passing: a landmark or counterpart ("near Khorgos", «с китайской станцией
    Хоргос», 「与霍尔果斯站」) or the name of a road ("the Zharkent bypass", «трасса Алматы — Хоргос»)."""
    if lx.IN_PASSING_BEFORE.search(low, max(0, m.start - 40), m.start):
        return True
    return lx.IN_PASSING_AFTER.match(low, m.end) is not None


def _without_asides(
    low: str, mentions: list[PortMention], clause: tuple[int, int], span: tuple[int, int]
) -> list[PortMention]:
    """The mentions less the ports named outside the figure's clause only in passing: after it ("…520 trucks per
    day, a spokesperson said, citing post-holiday staffing on the Horgos side"), or before it when the sentence
    names another port outright ("Kalzhat, some 300 km south of Horgos, handled 120 trucks a day")."""
    aside = [m for m in mentions if not clause[0] <= m.start < clause[1] and in_passing(low, m)]
    if not aside:
        return mentions
    outright = any(span[0] <= m.start < span[1] and m not in aside for m in mentions)
    return [m for m in mentions if m not in aside or (m.start < clause[0] and not outright)]


def _without_passing(low: str, strong: list[PortMention], subject: str | None) -> list[PortMention]:
    """The sentence's ports less those named in passing or as where traffic goes, when that leaves a port or the
    text has a subject already: "Freight at Nur Zholy, … near Khorgos" stays about Nur Zholy."""
    kept = [m for m in strong if m.port == subject or not (in_passing(low, m) or route_end(low, m))]
    return kept if kept or subject is not None else strong


def _only_route_ends(low: str, strong: list[PortMention], span: tuple[int, int]) -> bool:
    inside = [m for m in strong if span[0] <= m.start < span[1]]
    return bool(inside) and all(route_end(low, m) for m in inside)


_SIDE_CUES = ("side", "сторон", "一侧", "在哈方", "我们这")
_OURS_CUES = ("our side", "наш", "我们这")  # a cheap look before lx.SIDE_OURS
_OURS_REACH = 400  # characters before the sentence where the other side is named (a sentence or two)


def _side_port(low: str, span: tuple[int, int], state: DocState) -> str | None:
    """'на казахстанской стороне', 'on the Chinese side', 'our side': the last port named on that side of the
    border, or a crossing named on both sides (Horgos); with neither, the text's own crossing, whose
    counterpart that side is ("The Chinese side accepts 480 trucks a day" in a story on Nur Zholy). "Our side"
    ("The queue on the Kazakh side is outside our jurisdiction. On our side, we processed …") is the side
    opposite the last one named just before."""
    if not any(low.find(cue, *span) >= 0 for cue in _SIDE_CUES):
        return None
    named = next((side for side, rx in lx.SIDE.items() if rx.search(low, *span)), None)
    if named is None and lx.SIDE_OURS.search(low, *span):
        named = _opposite_side(low, max(0, span[0] - _OURS_REACH), span[0])
    if named is None:
        return None
    for wanted in (named, ""):
        found = next((p for p in reversed(state.history) if side_of(p) == wanted), None)
        if found is not None:
            return found
    return state.port if state.port and side_of(state.port) not in ("", named) else None


def _opposite_side(low: str, start: int, end: int) -> str | None:
    """The side opposite the last side of the border named in low[start:end], if one is."""
    last = max(
        ((m.start(), side) for side, rx in lx.SIDE.items() for m in rx.finditer(low, start, end)), default=None
    )
    if last is None:
        return None
    return "cn" if last[1] == "kz" else "kz"


def _pair_region(state: DocState) -> str | None:
    """'the two ports', 'обоих переходов', '两口岸': the region of the last two ports named, when they share one
    (named in the sentence before, or else the last two distinct ports of the text)."""
    pair = state.recent if len(state.recent) >= 2 else list(dict.fromkeys(reversed(state.history)))[:2]
    return shared_region(pair)


# Aggregates that are an administrative region ("the region's trade", "全区"), not a pair of crossings
_ADMIN_REGIONS = frozenset({"xinjiang"})


def _region_back(state: DocState) -> str | None:
    """'the region', 'автономного района', '全区': the region of the port the text is about, if it is one."""
    port = state.port or (state.history[-1] if state.history else None)
    region = region_of(port) if port else None
    return region if region in _ADMIN_REGIONS else None


# the source of a figure, not its subject: "according to Kashgar customs", "по данным таможни Кашгара", "据…"
_SOURCE_BEFORE = re.compile(r"(?:according to|по данным|таможн\w*|据)[^,，;；]{0,24}$")
_SOURCE_AFTER = re.compile(r"\s*(?:customs|таможн|海关|\d{1,2}月\d{1,2}日电)")
_DATELINE = re.compile(r"[,.]\s")


def _other_subject(low: str, clause: tuple[int, int], pos: int, sentence: Sentence, scripts: str = "lcz") -> bool:
    """Whether the clause names, before the figure, a place outside the gazetteer as its subject: a hub city,
    another country's border port, another corridor, or another country's trade with China."""
    for m in lx.OTHER_PLACE.finditer(low, clause[0], pos):
        if m.start() == sentence.start and _DATELINE.match(low, m.end()):
            continue  # "URUMQI, July 10 (Xinhua) --", "АЛМАТЫ. КАЗИНФОРМ": where the story was filed
        if _SOURCE_BEFORE.search(low, max(clause[0], m.start() - 40), m.start()) or _SOURCE_AFTER.match(low, m.end()):
            continue
        return True
    if not lx.has("trade", low, clause[0], clause[1], scripts):
        return False
    # (a partner country's customs is the source of the figure, not the other side of the trade: "Kyrgyz customs
    # valued goods moving through the port at $1.9 billion", «по данным таможни Кыргызстана», 「吉尔吉斯斯坦海关」)
    return any(
        not _TO.search(low, max(0, m.start() - 8), m.start()) and not _source(low, clause[0], m)
        for m in lx.PARTNER.finditer(low, clause[0], pos)
    )


_COUNTRY_TAIL = re.compile(r"斯坦")  # the rest of a Chinese country name whose stem PARTNER matches ("吉尔吉斯|斯坦")


def _source(low: str, lo: int, m: re.Match[str]) -> bool:
    """Whether the place is named as the source of the figure ("according to …", "… customs", "据…海关")."""
    end = m.end()
    if tail := _COUNTRY_TAIL.match(low, end):
        end = tail.end()
    return bool(_SOURCE_BEFORE.search(low, max(lo, m.start() - 40), m.start()) or _SOURCE_AFTER.match(low, end))


# "exports to Uzbekistan", "出口到乌兹别克斯坦": a destination, not a trade partner
_TO = re.compile(r"(?:\bto|\binto|(?<![а-яё])во?|向|往|至|发往|运往|出口到?)\s*$")


# "Ten years ago, fewer than 1,000 trains …", "«Ещё пять лет назад …", "十年前，…": a figure from back then
_HISTORICAL = re.compile(r"\b(?:years|decades) ago,|(?<![а-яё])(?:лет|года?) назад,|年前，")  # lower-cased text
# Every match has one of these: a cheap look first (the pattern has no literal prefix for `re` to skip text with).
_HISTORICAL_WORDS = ("ago,", "назад,", "年前，")
_CLAUSE_MARKS = ',;:"“«(，。；：'


def _historical(low: str, sentence: Sentence) -> bool:
    """Whether the sentence opens a clause with "N years ago," (not "compared with 19% two years ago")."""
    if not _within(low, _HISTORICAL_WORDS, sentence):
        return False
    m = _HISTORICAL.search(low, sentence.start, sentence.end)
    if m is None:
        return False
    head = low[sentence.start : m.start()]
    cut = max(head.rfind(c) for c in _CLAUSE_MARKS)
    return len(head) - cut - 1 <= 24


_STOP = r"(?!(?:The|This|That|These|Its|Each|Our|Their|A|An|Every|Which|Both|Two|All|Border|Land|Dry)\b)"
_OTHER_PLACE = re.compile(
    rf"\b{_STOP}[A-Z][a-z'’]+(?:[\s-][A-Z][a-z'’]+){{0,2}}\s(?:International\s)?(?:Land\s|Dry\s|Railway\s|Rail\s|"
    r"Highway\s|Road\s|Logistics\s)?(?:[Pp]ort|[Hh]ub|[Ss]tation|[Tt]erminal|[Cc]heckpoint|[Cc]rossing)\b|"
    r"(?:станци\w+|порт\w*|пункт\w* пропуска|погранпереход\w*|КПП|сухо\w+ порт\w*)\s+«?[А-ЯЁ][а-яё]+|"
    r"(?:^|(?<=[，。；：、\s“]))(?P<zh>[\u4e00-\u9fff]{2,4}?)(?:国际)?(?:陆港|港务区|铁路口岸|公路口岸|口岸|站)"
)
_ZH_NOT_NAMES = (
    "目前",
    "今年",
    "该",
    "全国",
    "各",
    "沿边",
    "陆路",
    "铁路",
    "公路",
    "两大",
    "双",
    "其中",
    "同时",
    "此外",
)

# a phrase before the generic 口岸 that no place name has: "班列在口岸", "全年口岸", "当月口岸", "上周口岸" (time words)
_ZH_NOT_NAME_CHARS = re.compile("[在的经从由过抵到向进出入年月周日季期]")
_JOB_TITLE = re.compile(
    r"(?:начальник\w*|директор\w*|руководител\w*|глав\w*|сотрудник\w*|работник\w*|дежурн\w*|head|director|"
    r"chief|manager|master|staff)\s+(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# Every _OTHER_PLACE match has one of these words (lower-cased): a cheap look before the regex.
_PLACE_WORDS = (
    "port", "hub", "station", "terminal", "checkpoint", "crossing", "станци", "порт", "пункт", "погранпереход", "кпп",
    "港", "口岸", "站",
)  # fmt: skip


def _within(low: str, words: tuple[str, ...], sentence: Sentence) -> bool:
    """Whether low[sentence.start:sentence.end] contains one of the words."""
    return any(low.find(w, sentence.start, sentence.end) >= 0 for w in words)


def names_other_place(text: str, sentence: Sentence, mentions: list[PortMention], low: str = "") -> bool:
    """Whether the sentence names a port, station or hub that is not in the gazetteer.

    `low`: the text lower-cased with the same offsets, when the caller has it.
    """
    if low and not _within(low, _PLACE_WORDS, sentence):
        return False
    for m in _OTHER_PLACE.finditer(text, sentence.start, sentence.end):
        name = m.group("zh")
        if name and (name.startswith(_ZH_NOT_NAMES) or _ZH_NOT_NAME_CHARS.search(name) or "全国" in name):
            continue  # "班列在口岸", "位居全国铁路口岸前列": a phrase before the generic 口岸, not a place name
        if _JOB_TITLE.search(text, max(sentence.start, m.start() - 25), m.start()):
            continue  # "начальник станции Ерлан Сулейменов": a person's title, not a place
        if not any(p.start < m.end() and m.start() < p.end for p in mentions):
            return True
    return False


_AND = re.compile(r"[»\"”]?\s*(?:,|and|и|&|、|和|与|及)\s*[«\"“]?")


def _joint_ports(low: str, mentions: list[PortMention], pos: int, clause: tuple[int, int]) -> str | None:
    """'через Алтынколь и Достык прошло 12,4 тыс. поездов': a figure for two ports together is their region.

    Returns None when the clause names no such pair, "" when it does but the ports share no aggregate.
    """
    if len(mentions) < 2:
        return None
    # The pair may sit just before the clause when a list comma splits it: "阿拉山口、霍尔果斯两大口岸…"
    before = [m for m in mentions if clause[0] - 30 <= m.start and m.end <= pos and m.priority == 1]
    if (
        len(before) < 2
        or before[-1].port == before[-2].port
        or not _AND.fullmatch(low, before[-2].end, before[-1].start)
    ):
        # "17,000 trains passed through Alashankou and Horgos": the pair may follow the figure in its clause
        before = [m for m in mentions if pos <= m.start and m.end <= clause[1] and m.priority == 1][:2]
        if len(before) < 2 or before[0].port == before[1].port:
            return None
    a, b = before[-2], before[-1]
    if not _AND.fullmatch(low, a.end, b.start):
        return None
    region = region_of(a.port)
    return region if region == region_of(b.port) and region in PORTS else ""


def pick_period(
    periods: list[Period],
    pos: int,
    clause: tuple[int, int],
    indicator: str,
    state: DocState,
    cumulative: bool = False,
    compared: bool = False,
    average: bool = False,
    present: bool = False,
) -> tuple[date, date] | None:
    """The period in the figure's clause, else its sentence, else the one the text last stated.

    A cumulative total ("since its launch"), a snapshot (a queue, a daily rate that is not an average) and a
    figure said of the present ("now", «сейчас», 目前: `present`) take no carried period;
    "a month earlier" / "a year earlier" apply only to a figure given for comparison ("compared with X").
    """
    usable = [p for p in periods if not p.comparison and p.relative != "as_of"]
    if indicator not in SNAPSHOT:  # "Customs said yesterday that …": a past day dates only a daily figure
        usable = [p for p in usable if p.relative != "day"]
    if not compared:
        usable = [p for p in usable if p.relative in _OWN]
    in_clause = [p for p in usable if clause[0] <= p.start < clause[1]]
    if cumulative and not in_clause:
        return None
    # A relative phrase ("a month earlier") belongs to its own clause only.
    in_sentence = [p for p in usable if p.relative in _OWN]
    chosen = min(in_clause or in_sentence, key=lambda p: abs(p.start - pos), default=None)
    if chosen is None:
        if cumulative:
            return None
        ytd = as_of_only(periods)
        if ytd is not None:
            return ytd
        # "Throughout the year … an average of 1,310 a day", «В среднем ежедневно …»: an average over the period
        carried = None if present or (indicator in SNAPSHOT and not average) else state.period
        if carried is None:
            return None
        chosen = carried
    span = (chosen.first, chosen.last)
    if chosen.relative == "prev_month":
        span = _previous_month(usable, chosen, state) or span
    elif chosen.relative == "prev_year":
        span = _previous_year(usable, state) or span
    elif chosen.relative == "quarter":
        span = _stated_quarter(state) or span
    elif chosen.relative == "year":
        span = _stated_year(usable, state) or span
    elif chosen.relative == "month":
        span = _stated_month(usable, state) or span
    span = _window_of_comparison(span, periods, state.pub)
    return _shorten_to_as_of(span, periods, state.pub)


# relative kinds that state the figure's own period; a past day (a daily bulletin's "за минувшие сутки") is not
# carried on to the next sentence, as "" periods are
_OWN = ("", "quarter", "day", "year", "week", "month")


def _stated_quarter(state: DocState) -> tuple[date, date] | None:
    """'in the quarter', «за квартал» after the text stated one ("From January to March", «В первом квартале»)."""
    ref = state.quarters() if state.quarters is not None else None
    return (ref.first, ref.last) if ref is not None else None


def _stated_month(usable: list[Period], state: DocState) -> tuple[date, date] | None:
    """'in the month', «за месяц», 「当月」: the one month the sentence names, else the one the text is about."""
    refs = [p for p in usable if p.relative == ""] or [p for p in (state.period,) if p is not None]
    for ref in refs:
        if ref.first.day == 1 and ref.last == month_end(ref.first.year, ref.first.month):
            return ref.first, ref.last
    return None


def is_quarter(p: Period) -> bool:
    """Whether the period is one calendar quarter."""
    if p.first.day != 1 or (p.first.month - 1) % 3:
        return False
    return p.last == month_end(p.first.year, p.first.month + 2)


def _stated_year(usable: list[Period], state: DocState) -> tuple[date, date] | None:
    """'Throughout the year', «за год», 「全年」: the year the sentence names ("2025年，…全年"), else the year of
    the period the passage is about."""
    refs = [p for p in usable if p.relative == ""]
    ref = refs[0] if refs else state.period
    if ref is None:
        return None
    return date(ref.last.year, 1, 1), date(ref.last.year, 12, 31)


def _window_of_comparison(span: tuple[date, date], periods: list[Period], pub: date | None) -> tuple[date, date]:
    """'С начала года … на 21% больше, чем в январе–августе прошлого года': the year so far is January–August."""
    if pub is None or span[1] != pub or (span[0].month, span[0].day) != (1, 1):
        return span
    for p in periods:
        if p.comparison and (p.first.month, p.first.day) == (1, 1) and p.first.year == span[0].year - 1:
            end = month_end(span[0].year, p.last.month)
            if p.last.month > 1 and p.last == month_end(p.last.year, p.last.month) and end <= pub:
                return span[0], end
    return span


def _shorten_to_as_of(span: tuple[date, date], periods: list[Period], pub: date | None) -> tuple[date, date]:
    """ "as of March 1 … in 2024": a whole year or the year so far ends on the as-of day."""
    as_of = next((p for p in periods if p.relative == "as_of"), None)
    whole_year = (span[0].month, span[0].day, span[1].month, span[1].day) == (1, 1, 12, 31)
    to_date = span[0].month == 1 and span[0].day == 1 and span[1] == pub
    if as_of and span[0] <= as_of.first <= span[1] and (whole_year or to_date):
        return span[0], as_of.first
    return span


def _previous_year(usable: list[Period], state: DocState) -> tuple[date, date] | None:
    refs = [p for p in usable if p.relative == ""]
    ref = refs[0] if refs else state.period
    if ref is None:
        return None
    try:
        return ref.first.replace(year=ref.first.year - 1), ref.last.replace(year=ref.last.year - 1)
    except ValueError:  # 29 February
        return ref.first.replace(year=ref.first.year - 1), ref.last.replace(year=ref.last.year - 1, day=28)


def as_of_only(periods: list[Period]) -> tuple[date, date] | None:
    """'截至10月底，…累计…': with no other period, a year-to-date figure up to that day."""
    as_of = next((p for p in periods if p.relative == "as_of"), None)
    if as_of is None or any(p.relative == "" and not p.comparison for p in periods):
        return None
    return date(as_of.first.year, 1, 1), as_of.first


def _previous_month(usable: list[Period], chosen: Period, state: DocState) -> tuple[date, date] | None:
    refs = [p for p in usable if p is not chosen and p.relative == ""]
    ref = refs[0] if refs else state.period
    if ref is None or ref.first.month != ref.last.month:
        return None
    y, m = (ref.first.year, ref.first.month - 1) if ref.first.month > 1 else (ref.first.year - 1, 12)
    return date(y, m, 1), month_end(y, m)
