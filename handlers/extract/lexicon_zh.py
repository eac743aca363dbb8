"""Chinese lexicon: regex fragments keyed by role (units follow the number directly)."""

from __future__ import annotations

FILLER = r"(?:多|余)"
UNITS: dict[str, str] = {
    "train": r"(?:列|班列)",
    "trip": r"(?:趟)",
    "tonne": r"(?:吨)",
    "teu": r"(?:标箱|标准箱|TEU)",
    "units": r"(?:台)",
    "vehicle": r"(?:辆)",
    "usd": r"(?:美元)",
    "cny": r"(?:元|人民币)",
    "hour": r"(?:个半?)?小时",
    "day": r"(?:天|个?工作日)",
    "minute": r"(?:分钟)",
    "week": r"(?:周|个?星期)",
}
CURRENCY_BEFORE: dict[str, str] = {}
CONTEXT: dict[str, str] = {
    "queue": r"(?:排队|滞留|等待|积压|待检|拥堵)",
    "per_day": r"(?:日均|每天|每日|单日|一天)",
    "per_hour": r"(?:每小时)",
    "clearance": r"(?:通关|查验|放行|验放|过境时间|停留时间|停靠时间)",
    "clearance_rate": r"(?:通关率|放行率|验放率)",
    "nev": r"(?:新能源|电动)",
    "share": r"(?:占比|占|比重|比例)",
    "trade": r"(?:贸易|进出口|出口额|进口额|外贸|货值|交易额|出口值|进口值|总值|总额)",
    "export": r"(?:出口|外运|驶出|(?<![入进])出境)",
    "car_goods": r"(?:汽车|商品车|新能源车|乘用车|商用车)",
    "train_word": r"(?:班列|列车|火车)",
    "vehicle_word": r"(?:车辆|汽车|货车|新能源车|商品车|乘用车|商用车)",
    "company": r"(?:我们公司|本公司|该公司|我公司)",
    "direction_out": r"(?:出口|出境|出港)",
    "direction_in": r"(?:进口|入境|进港|进出口|出入境|进出境)",
    "not_clearance": r"(?:工作|作业|开放|运营)",
    "passenger": r"(?:旅客|客运|客车|高铁|动车|地铁|旅游列车)",
    "plan": r"(?:能力|设计|预计|计划|目标|力争|将达|有望|可达|规划|最多可|最高可|可放行|可通行|可接卸|可处理)",
    "forecast": r"(?:预计|计划|目标|力争|将达|有望|规划|下一步|争取|将推动|确保)",
    "not_trade": r"(?:投资|贷款|信贷|预算|合同|项目|资金|融资|罚款|税|价格|协议|签约|免税额)",
    "per_unit": r"(?:每列|每车|每辆|单列|每个集装箱)",
    "previous": r"(?:原来|过去|此前|以前|改革前)",
    "breakdown": r"(?:包括|其中包括)",
    "not_cargo": r"(?:排放|碳|产量|收获|生产|储量|起重量|载重|吊机|起重机)",
    "per_week": r"(?:每周|周均)",
    "cumulative": r"(?:开行|开通|运营|启动|建成|开放)以来|截至目前|至今|迄今|自20\d\d年[^，。]{0,12}(?:首列|开通|开行)",
}
HALF_AFTER_UNIT = r"半"  # "一天半"; "一个半小时" has the half inside the unit
CHANGE_BEFORE = (
    r"(?:同比|比上年|较上年|比去年同期|较去年同期)?(?:增长|增加|上升|提高|提升|下降|减少|下滑|回落|降低|增幅为?|降幅为?|增速为?)"
    r"(?:了|达|为|约|超|近)?$"
)
CHANGE_AFTER = r"(?:以上)?(?:的增长|的增幅)"
NEGATIVE = r"(?:下降|减少|下滑|回落|降低|降幅)"
MOM = r"(?:环比)"
LEVEL_BEFORE = r"(?:达到?|为|至|到)$"
AGGREGATE = r"(?:两(?:大|个)?(?:铁路|公路|陆路)?口岸|双口岸|各口岸|口岸合计|合计)"
NO_CARRY = r"(?:全国|全路|我国(?:外贸|进出口|出口|进口)|中国(?:外贸|进出口|对外贸易)|中哈贸易额)"
