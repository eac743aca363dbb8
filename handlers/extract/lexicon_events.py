"""Event vocabulary (en/ru/zh): regimes, change triggers, certification and regulation words."""

from __future__ import annotations

import re

from handlers.extract.calendar_words import EN_MONTH_RX, RU_MONTH_RX
from handlers.extract.trie import lower_pattern

_I = re.IGNORECASE
TR = re.compile(r"(?<![A-Za-zА-Яа-я])(?:TR|ТР)\s*(CU|EAEU|ТС|ЕАЭС|TS)\s*(\d{3}/\d{4})")
GENERIC_TR = "TR EAEU"  # "the technical regulation" without its number
OTHER_REGIMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![A-Za-z])UN\s*38\.3(?!\d)|ООН\s*38\.3"), "UN 38.3"),
    (re.compile(r"技术法规|технический регламент|technical regulation", _I), GENERIC_TR),
    (re.compile(r"(?<![A-Za-z])RoHS(?![A-Za-z])"), "RoHS"),
    (re.compile(r"(?<![A-Za-zА-Яа-я])(?:EAC|ЕАС)(?![A-Za-zА-Яа-я])"), "EAC"),
)
_EN_TRIGGER = (
    r"\bamend\w*|\benter(?:s|ed)? into force|\bcome(?:s)? into (?:force|effect)|\btakes? effect|\btook effect|"
    r"\beffective (?:from|on|as of|since)|\bwith effect from|\btransition(?:al)? period|"
    r"\bnew (?:requirements?|rules?|regulations?|procedures?)\b|\bwill (?:be )?(?:required|mandatory)|"
    r"\bno longer (?:be )?(?:accepted|valid|recognized|recognised)|\bbecomes? mandatory|"
    r"\bmandatory (?:from|since|as of)|\bwill no longer\b|\bwill (?:require|introduce|ban|prohibit)\w*|"
    r"\bwill be (?:banned|prohibited|introduced)\b|\b(?:is|are) required to\b"
)
_EN_DATE = rf"(?:{EN_MONTH_RX}\.? \d{{1,2}}\b|\d{{1,2}} {EN_MONTH_RX}|{EN_MONTH_RX} 20\d\d)"
_EN_DATE_TRIGGER = (
    rf"\b(?:starting|beginning|from|as of|since) (?:from )?(?:on )?{_EN_DATE}"
    r"[^\n]{0,160}?\b(?:will|must|shall|is required|are required|switch\w*|introduc\w*|requir\w*|operate\w*)|"
    rf"\b(?:will|shall)\b[^\n]{{0,120}}?\b(?:starting|beginning|from|as of|effective) (?:from )?(?:on )?{_EN_DATE}"
)
_RU_TRIGGER = (
    r"вступа\w* в силу|вступ(?:ят|ит|ил[аио]?) в силу|изменени\w+ в (?:ТР|технический регламент|решени\w+|"
    r"порядок|правила)|поправк\w+|переходн\w+ период\w*|нов\w+ требовани\w+|утвердил\w* изменени\w+|"
    r"перестан\w+ (?:действовать|приниматься)|не будут (?:приниматься|действительны)|станет обязательн\w+"
)
_RU_DATE_TRIGGER = (
    rf"(?<![\w])с \d{{1,2}} {RU_MONTH_RX}[^\n]{{0,160}}?(?:переходит|перейд\w+|вводит\w*|введ[её]т\w*|начн\w+|"
    r"буд\w+|станет|обязан\w*|запрещ\w*|отмен\w*|измен\w+|работа\w+)"
)
_ZH_TRIGGER = (
    r"自\s*(?:20\d\d\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日起|起(?:正式)?(?:施行|实施|执行|生效)|正式实施|开始实施|"
    r"(?<!有)生效|过渡期|修订|修正案|新规|强制(?:性)?(?:认证|实施)|不再(?:接受|认可)"
)
TRIGGER = re.compile(lower_pattern(f"{_EN_TRIGGER}|{_RU_TRIGGER}|{_ZH_TRIGGER}"))  # on lower-cased text
# The same, one pattern per language: searched separately they are ~5x faster (the ru and zh patterns keep
# their literal prefixes); the earliest of their matches starts where TRIGGER's match does.
TRIGGERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(lower_pattern(p)) for p in (_EN_TRIGGER, _RU_TRIGGER, _ZH_TRIGGER)
)
DATE_TRIGGER = re.compile(lower_pattern(f"{_EN_DATE_TRIGGER}|{_RU_DATE_TRIGGER}"))  # on lower-cased text
# Substring gates for DATE_TRIGGER: a preposition of a start date (the month is checked by the regex).
DATE_GATES: tuple[str, ...] = ("from ", "starting", "beginning", "since ", "as of", "с ")
DATE_PREFIX = re.compile(
    lower_pattern(
        rf"(?:starting|beginning|from|as of|since|effective) (?:from )?(?:on )?"
        rf"(?:{EN_MONTH_RX}\.? \d|\d{{1,2}} {EN_MONTH_RX})|"
        rf"с \d{{1,2}} {RU_MONTH_RX}"
    )
)  # a cheap first look before DATE_TRIGGER
CERTIFICATION = re.compile(
    r"certif\w*|type approvals?|vehicle type approval|transition(?:al)? period|сертифика\w*|"
    r"одобрени\w* типа|ОТТС|переходн\w+ период\w*|认证|证书|型式批准|过渡期",
    _I,
)
# A certificate named only as what the new requirement lets one obtain ("… must comply with UN R100 in order
# to obtain a type approval", "для получения ОТТС", "签发车辆型式批准前") is the purpose, not the change: the
# change is to the requirement (a regulation). The span is cut out before CERTIFICATION is searched.
# (A document to submit "when applying for a type approval", 「申请型式批准时须提交」, is a step of the approval
# procedure itself, a certification change: not a purpose.)
CERT_PURPOSE = re.compile(
    r"\b(?:in order |so as )?to (?:obtain|get|receive|apply for)\b[^,;.]*|"
    r"\bbefore applying for\b[^,;.]*|"
    r"\bbefore (?:an? |the )?[^,;.]{0,40}?(?:approval|certificate)s? (?:can|could|may|will|is|are) (?:be )?issued|"
    r"(?:до|перед) (?:выдач|получени|оформлени)\w*[^,;.]*|"
    r"(?:签发|颁发|取得|获得)[^，。；]{0,20}?(?:之前|前)|"
    r"(?:для|с целью) (?:получения|оформления)[^,;.]*|чтобы получить[^,;.]*",
    _I,
)
# The kind of a change (the annotators' convention):
# - the end of a transition period (for certificates, or for amendments) is a certification change;
_TRANSITION = r"(?:transition(?:al)? period|переходн\w+ период\w*|过渡期)"
_ENDS = (
    r"(?:\bend(?:s|ed|ing)?\b|\bexpir\w+|\bclos(?:es|ed|ing)\b|\bis over\b|\bruns? out\b|"
    r"заверш\w+|законч\w+|заканчива\w+|истека\w+|истеч\w+|окончани\w+|"
    r"结束|届满|截止|到期|终止)"
)
TRANSITION_END = re.compile(rf"{_TRANSITION}[^.;。；]{{0,100}}?{_ENDS}|{_ENDS}[^.;。；]{{0,40}}?{_TRANSITION}", _I)
# - a sentence that states the amendment itself is a regulation change, even when it goes on to say what
#   certificates it requires: amendments / an amended or new version entering into force ("The amended TR CU
#   020/2011 enters into force on …", «вступают в силу изменения в ТР ТС 010/2011», 「修订后的…自…起生效」) …
_AMENDMENT = (
    r"(?:\bamend\w*|\bchanges\b|\brevis(?:ed|ion)\b|\bnew (?:version|edition|wording)\b|"
    r"изменени\w*|измен[её]нн\w*|поправк\w*|редакци\w*|修订|修正|修改|新版)"
)
_IN_FORCE = (
    r"(?:\b(?:enter|enters|entered|entering) into force|\bc(?:o|a)mes? into (?:force|effect)|"
    r"\b(?:take|takes|took|taking) effect|\bbecomes? effective|\bappl(?:y|ies) from|"
    r"вступ\w* в (?:законную )?силу|нач(?:ну|ина)\w* действовать|"
    r"起(?:正式)?(?:生效|施行|实施)|(?<!有)生效)"
)
AMENDMENT_IN_FORCE = re.compile(
    rf"{_AMENDMENT}[^.;。；]{{0,120}}?{_IN_FORCE}|{_IN_FORCE}[^.;。；]{{0,60}}?{_AMENDMENT}", _I
)
# … or the act of amending ("has amended TR CU 020/2011", «внесла изменения в ТР ТС 018/2011»,
# 「通过决议，修订《…》技术法规」), unlike a requirement "under the amended regulation" (「按修订后的技术法规」).
AMENDMENT_ADOPTED = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?amended\b|\bamending\b|\b(?:adopt|approv|introduc)\w*\s+(?:the\s+)?amendments?\b|"
    r"внес\w*\s+(?:\w+\s+)?изменени|утверди\w*\s+изменени|принял\w*\s+поправк|"
    r"(?:修订|修改)(?=《|TR|ТР|技术法规)|(?:作出|进行)(?:修订|修改)",
    _I,
)
# - otherwise a new requirement to hold or obtain a certificate or approval is a certification change
#   (CERTIFICATION below), anything else under a regime a regulation change.
# A regime named as what stays as it is ("Trucks remain under TR CU 018/2011; the amendment covers only …",
# «остаются в рамках ТР ТС 018/2011», 「仍适用TR CU 018/2011」) is not the regime of the change.
UNCHANGED_BEFORE = re.compile(
    r"(?:\b(?:remains?|stays?|continues? to (?:be|fall)|(?:is|are) still|still (?:fall|falls|be))\s+"
    r"(?:under|subject to|covered by|governed by|regulated by|within)\b|"
    r"(?:оста(?:ю|е|ё)тся|останутся|останется|по-прежнему|продолжа\w+)\s+"
    r"(?:в рамках|под действием|в сфере|подпада\w+ под|регулиру\w+|относ\w+ к)|"
    r"(?:仍(?:然)?|继续|依然|照旧)(?:适用|按照?|执行|属于|遵守|遵循))"
    r"[^,;.，。；]{0,40}$",
    _I,
)
UNCHANGED_AFTER = re.compile(
    r"[^,;.，。；]{0,60}?(?:\b(?:remains?|is|are) unchanged\b|\b(?:is|are) not (?:affected|changed|amended)\b|"
    r"не (?:меня|измен|затрагива)\w*|оста(?:ю|е|ё)тся без изменений|不受[^，。；]{0,6}影响|保持不变)",
    _I,
)
# "及时了解修订内容", "ознакомиться с изменениями", "familiarise themselves with the amendments": advice to look at a
# change stated elsewhere (or not at all) does not state one. Searched on the lower-cased text before a trigger.
ADVICE_BEFORE = re.compile(
    r"(?:(?:(?<!据)了解(?!到)|关注|跟踪|熟悉)[^，。；]{0,24}|ознаком\w*\s+с|изучить|следить\s+за|"
    r"familiari[sz]e \w+ with|keep track of|learn about|read up on|(?:check|review|study|follow)(?: closely)?)"
    r"(?: the)?\s*$"
)
# A date that says when a decision was adopted or published is not when the change takes effect.
# The words in between may not be those of an entry into force ("approved by the Board will take effect on …").
_NO_EFFECT = r"(?:(?!will|take|effect|force|enter|come|apply|from|starting|since|вступ|сил|действ|примен|начн)[^,;.])"
ADOPTED_BEFORE = re.compile(
    rf"(?:\b(?:adopted|published|signed|approved|announced|issued|released|dated)\b{_NO_EFFECT}{{0,40}}?|"
    r"\b(?:decision|resolution|decree)\s+(?:no\.?\s*|№\s*)?(?:\d+\s+)?of\s*|(?:决议|决定)\s*[（(]\s*|"
    rf"(?:принят|опубликован|подписан|утвержд[её]н)\w*{_NO_EFFECT}{{0,40}}?|(?<![а-яё])от\s)\s*$",
    _I,
)
# After the date: "14 апреля 2026 года принял решение", "on April 14, 2026 adopted", "12月2日通过"; and a
# dateline ("人民网北京11月26日电", "URUMQI, Nov. 19 (Xinhua) --"): when the story was filed.
# (also with the body that decided in between: "On 12 August 2026 the Board of the Commission adopted",
# «12 августа 2026 года Совет ЕЭК утвердил», 「2026年8月12日，欧亚经济委员会理事会通过」)
ADOPTED_AFTER = re.compile(
    r"\s*[，,]?(?:(?!起|生效|实施|施行)[^，。；,;.]){0,30}?(?:通过|发布|公布|签署|印发|审议通过)|\s*电|"
    r"\s*[（(]?\s*第\s*\d+\s*号(?:决议|决定)|"
    rf"\s*,?\s*(?:(?:года?|г\.)\s*)?(?:{_NO_EFFECT}{{0,60}}?\s)?"
    r"(?:принял|утвердил|одобрил|подписал|опубликовал|adopted|approved|signed|published)|"
    r"\s*\([A-Z][A-Za-z ]{1,20}\)\s*[-–—]"
)
# Customs inspection / clearance procedure: with no conformity regime named, a change to it is a policy even
# when it mentions a certificate ("一站式查验和电子检验证书").
PROCEDURE = re.compile(
    r"inspection|customs clearance|declaration procedure|досмотр\w*|таможенн\w+ (?:оформлени|процедур)\w*|"
    r"查验|通关|申报|验放",
    _I,
)
REGULATORY = re.compile(
    r"regulat\w*|certif\w*|conformity|amend\w*|approvals?|standard\w*|регламент\w*|соответстви\w*|"
    r"изменени\w*|поправк\w*|сертифика\w*|декларац\w*|法规|认证|修订|标准|合格",
    _I,
)
DATES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?P<m>{EN_MONTH_RX})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>20\d\d))?"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{EN_MONTH_RX})\b(?:,?\s+(?P<y>20\d\d))?"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{RU_MONTH_RX})(?:\s+(?P<y>20\d\d))?", _I),
    re.compile(r"(?:(?P<y>20\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(rf"\b(?P<m>{EN_MONTH_RX})\s+(?P<y>20\d\d)\b"),  # "from January 2026": the first of the month
)

# Cheap substring gates (lower case): a sentence without any of these cannot hold a keyword trigger.
NEEDLES: tuple[str, ...] = (
    "amend", "force", "effect", "transition", "new requirement", "new rule", "new regulation", "new procedure",
    "mandatory", "required", "no longer", "will require", "will introduce", "will ban", "will be banned",
    "will be prohibited",
    "вступ", "изменени", "поправк", "переходн", "требовани", "перестан", "не будут", "обязательн",
    "自", "实施", "施行", "执行", "生效", "过渡期", "修订", "修正", "新规", "强制", "不再",
)  # fmt: skip
