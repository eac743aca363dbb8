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
    "queue": r"(?:排队|滞留|等待|等候|积压|待检|拥堵|停滞|压车|待交接|待放行|待发)",
    "per_day": r"(?:日均|每天|每日|单日|一天)",
    "peak_day": r"(?:个别日子|有的日子|高峰日)",
    "peak": r"(?:高峰时|高峰期|高峰日|最高峰|峰值)",
    "day_period": r"(?:过去24小时|过去一天|昨日|前一日)",
    "per_hour": r"(?:每小时)",
    "clearance": r"(?:通关|查验|放行|验放|(?:海关|边检)环节|换装|"
    r"过境时间|停留时间|停靠时间|通行时间|(?:处理|办理)[^，。；]{0,10}时间)",
    "clearance_rate": r"(?:通关率|放行率|验放率|(?:报关单|申报单|货物)[^，。；]{0,10}(?:放行|通关)(?:比例|占比)|"
    r"(?:报关单|申报单)[^，。；%\d]{0,12}(?:放行|通关)|"
    r"(?:放行|通关)的(?:报关单|申报单))",  # 「98.6%的报关单无需查验即放行」「按时放行的报关单」
    "rate_anaphor": r"(?:该比例|这一比例|该比率|这一比率|该指标|这一指标)",
    "nev": r"(?:新能源|电动)",
    "share": r"(?:占比|占|比重|比例)",
    "trade": r"(?:贸易|进出口|出口|进口|外贸|货值|交易额|出口值|进口值|总值|总额)",
    "export": r"(?:出口|外运|驶出|(?<![入进])出境)",
    "car_goods": r"(?:汽车|商品车|新能源车|乘用车|商用车)",
    "vehicle_export": r"(?:(?:汽车|商品车|整车|新能源车|乘用车|车辆|重卡)出口|"
    r"出口(?:的)?(?:汽车|商品车|整车|新能源|乘用车|重卡))",
    "vehicle_out": r"(?:驶出|驶往|运往|发往|开往|发运|运出)",
    "truck_word": r"(?:货车|卡车|重卡|牵引车)",
    "car_sales": r"(?:销售|销量|上牌|售出)",
    "person_trips": r"(?:司机|驾驶员|乘务员|值乘|机车乘务|卡车司机|货车司机)",
    "vague": r"(?:有的年份|有些年份|有几年|有一段时间|有时候|有时)",
    "train_word": r"(?:班列|列车|火车)",
    "vehicle_word": r"(?:车辆|汽车|货车|新能源车|商品车|乘用车|商用车)",
    "company": r"(?:我们公司|本公司|该公司|我公司|公司自身|公司本身)",
    "direction_out": r"(?:出口|出境|出港)",
    "direction_in": r"(?:进口|入境|进港|进出口|出入境|进出境)",
    # (a handling operation's time is a clearance time: 「单列换装作业时间压缩至3.2小时」)
    "not_clearance": r"(?:工作|(?<!换装)(?<!装卸)(?<!接卸)(?<!交接)作业|开放|运营)",
    "passenger": r"(?:旅客|客运|客车|高铁|动车|地铁|旅游列车)",
    "plan": r"(?:能力|设计|预计|计划|目标|力争|将达|有望|可达|规划|最多可|最高可|可放行|可通行|可接卸|可处理|可通关|"
    # 「可满足日均30列以上班列的作业需求」: a capacity
    r"停车位|车位|可停放|容纳|(?:可|能|能够|足以)满足|可储存|可存储|仓储|仓容|储量|"
    # how many fit at once (「可同时停放商品车1500辆」)
    r"(?:可|能|能够)同时|同时可|一次(?:性)?可)",
    # 计划 as a plan, not a schedule being changed or followed ("由于中方接车计划调整", "按计划")
    "forecast": r"(?:预计|将(?:超过|突破|增至|增加到|提升至|实现|完成|通行|开行|运送)|"
    r"(?<![按照])计划(?!调整|安排|变更)|目标|力争|将达|有望|规划|下一步|争取|将推动|确保|"
    r"或将|预期|期待|希望|可能(?:达到|超过|突破)|有可能)",
    "valuation": r"(?:按[^，。；]{0,6}价格计算?|以[^，。；]{0,6}价格计)",
    "not_trade": r"(?:投资|贷款|信贷|预算|合同|项目|资金|融资|罚款|税|价格|协议|签约|免税额)",
    "per_unit": r"(?:每列|每车|每辆|单列|每个集装箱)",
    "previous": r"(?:原来|过去|此前|以前|改革前|一度|高峰时)",
    "breakdown": r"(?:包括|其中包括)",
    "the_period": r"(?:报告期|统计期|该期间|此期间|这一时期)",
    "aside": r"(?:作为对比|作为比较|相比之下|对比来看|相较而言)",
    "period_part": r"(?:其中|单月|仅)",
    # (a vehicle's weight class: 「总质量12吨以上的纯电动货车」)
    "not_cargo": r"(?:排放|碳|产量|收获|生产|储量|起重量|载重|吊机|起重机|总质量|整备质量|轴荷|轴重)",
    "change_to": r"(?:降至|降到|减至|减少至|减少到|下降至|下降到|增至|增加至|增加到|升至|上升至|回落至|缩减至)",
    "anaphor_figure": r"(?:该比例|这一比例|该比重|这一比重|该指标|这一指标|这一数字|该数字)",
    "change_noun": r"(?:增长|增幅|下降|降幅|增速|减少)",
    "per_week": r"(?:每周|周均)",
    "average": r"(?:日均|平均每天|平均每日)",
    "present": r"(?:目前|当前|现在|高峰|近日|近期|眼下)",
    "cumulative": r"(?:开行|开通|运营|启动|建成|开放)以来|截至目前|至今|迄今|自20\d\d年[^，。]{0,12}(?:首列|开通|开行)",
    # after a pair of figures: 「……分别为8,043列和6,612列，前者同比增长8.4%，后者下降2.1%」
    "former": r"前者",
    "latter": r"后者",
    # one change said of every member of a series (「分别通行1186列和1043列，均增长5%」)
    "each": r"(?:均|都|各自)(?:同比)?(?:增长|下降|增加|减少|提高|上升|回落)",
    # a part of a total told by the crossing it went through (「其中经霍尔果斯公路口岸出口38.3万辆」), not its kind
    "via": r"(?:经由|经|通过|途经)",
}
HALF_AFTER_UNIT = r"半"  # "一天半"; "一个半小时" has the half inside the unit
CHANGE_BEFORE = (
    r"(?:同比|比上年|较上年|比去年同期|较去年同期)?(?:增长|增加|上升|提高|提升|下降|减少|下滑|回落|降低|增幅为?|降幅为?|增速为?)"
    r"(?:了|达|为|约|超|近)?[：:]?$"
)
CHANGE_AFTER = r"(?:以上)?(?:的增长|的增幅)"
NEGATIVE = r"(?:下降|减少|下滑|回落|降低|降幅)"
MOM = r"(?:环比|(?:较|比)(?:上|前一?)周末?)"  # week-on-week (「较上周末减少9列」) is not year-on-year either
LEVEL_BEFORE = r"(?:达到?|为|至|到)$"
AGGREGATE = r"(?:两(?:大|个)?(?:铁路|公路|陆路)?口岸|双口岸|各口岸|口岸合计|合计)"
# "首次跻身全国铁路口岸前列": a ranking among the nation's ports, not a nationwide figure
NO_CARRY = (
    r"(?:全国(?![^，。；]{0,8}(?:前列|前茅|第[一二三四五六七八九十0-9]|首位|之首|排名))|"
    r"全路|我国(?:汽车|整车)?(?:外贸|进出口|出口|进口)|中国(?:汽车|整车)?(?:外贸|进出口|对外贸易|出口)|中哈贸易额)"
)
# Places outside the gazetteer that can be the subject of a figure (see lexicon_en.OTHER_PLACE); a city's own
# China–Europe service "中欧班列（成渝）" is not the network nationwide
OTHER_PLACE = (
    r"(?:重庆|成都|成渝|郑州|武汉|义乌|乌鲁木齐|兰州|合肥|苏州|长沙|沈阳|哈尔滨|青岛|济南|厦门|广州|昆明|南宁|天津|"
    r"连云港|喀什|石家庄|南京|赣州|大连|满洲里|二连浩特|绥芬河|阿克套|库雷克|巴库|陆海新通道|西伯利亚大铁路|"
    r"中欧班列[（(][^）)]{1,8}[）)])"
)
PARTNER = (
    r"(?:吉尔吉斯|乌兹别克|塔吉克|土库曼|俄罗斯|蒙古|阿富汗|巴基斯坦|阿塞拜疆|格鲁吉亚|土耳其|伊朗|白俄罗斯|"
    r"中吉|中乌|中塔|中俄|中蒙)"
)
SIDE_KZ = r"(?:哈萨克斯坦一侧|哈方一侧|在哈方)"
SIDE_CN = r"(?:中方一侧|中国一侧|我方一侧)"
SIDE_OURS = r"(?:我们这一?[边侧])"
# (not an institution of the region: 「自治区商务厅二级巡视员」 is a speaker's title)
REGION_ANAPHOR = r"(?:全区|该区|自治区(?![\u4e00-\u9fff]{0,4}[厅局委办院]|(?:人民)?政府)|全疆)"
ROUTE_ANAPHOR = r"(?:该(?:线路|通道|走廊|路线))"
# (also with the country before the port: 「驶向哈萨克斯坦努尔若利口岸」)
ROUTE_END = r"(?:向|发往|开往|驶往|运往|前往|送往|来自)(?:哈萨克斯坦|中国|吉尔吉斯斯坦|哈方|中方)?$"
# 「从西安开出的班列」: 从/自 are no route ends here (ROUTE_END), so a hub's origin is its subject already
HUB_ORIGIN = r"(?:从|自)$"
DESTINATION_AFTER = r"(?:至|到|开往|发往|驶往)"
# 「同比增长1.5倍，达到300万吨」: the new level right after a change
NEW_LEVEL_BEFORE = r"(?:达到?|至|到)$"
BACK_REFERENCE = r"(?:这|此|上述|两者|二者|分别)"
DOUBLED = r"翻了?一番|翻番"

# Tables whose rows are ports (see lexicon_en.TABLE_CHANGE)
TABLE_CHANGE = r"同比|增长|增幅|增减|变化"
TABLE_TOTAL = r"\W*(?:合计|总计|共计|小计)"
# A port named in passing: a counterpart (「与霍尔果斯站」) or a landmark (「霍尔果斯对面」「…附近」「…公路」)
IN_PASSING_BEFORE = (
    r"(?:与|同)(?:中方|哈方|中国|哈萨克斯坦)?$|(?:由于|因为)[^，。；]{0,20}$|"  # a counterpart, a reason
    r"(?:最近的|邻近的|附近的)(?:城镇|城市|小镇|县城)(?:是|为|，)?$|"  # a landmark town
    r"(?:大部分|大多数|绝大多数|一部分)[^，。；：（）]{0,20}$"  # where part of a figure is: 「…，大部分停在扎尔肯特」
)
IN_PASSING_AFTER = r"(?:站|口岸|铁路口岸|公路口岸)?(?:对面|附近|一带|公路|高速|以[东西南北]|一侧|方面)"
# 「两国贸易」: the pair the text named (see lexicon_en.GENERIC_PAIR)
GENERIC_PAIR = r"两国"
KAZAKHSTAN = r"哈萨克斯坦|中哈|哈中|哈方"
# 「全国铁路网」: the country's own network (see lexicon_en.NATIONAL)
NATIONAL = r"全国|国家"
HOME_KZ = r"哈萨克斯坦|哈国|哈铁|阿斯塔纳|坚戈"
HOME_CN = r"中国|我国|国铁集团|北京"
TRANSIT = r"过境(?!时间)"
PARTS_AFTER = r"其中|包括"
