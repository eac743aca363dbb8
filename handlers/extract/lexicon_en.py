"""English lexicon: regex fragments keyed by role (combined with ru and zh in lexicon.py)."""

from __future__ import annotations

FILLER = (
    r"(?:[A-Z][\w'’.–-]*|\([^)]{1,40}\)|and|of|the|freight|cargo|container(?:ized)?|commercial|new[- ]energy|"
    r"new|energy|electric|heavy[- ]duty|heavy|light|used|domestically|domestic|produced|made|manufactured|"
    r"loaded|empty|block|transit|export(?:ed)?|import(?:ed)?|outbound|inbound|international|cross-border|"
    r"metric|rail|railway|road|dedicated|regular|scheduled|return|goods|[\w-]+-bound|"
    r"standard|passenger|battery[- ]electric|intermodal|complete|finished|brand-new|of\s+the)"
)
UNITS: dict[str, str] = {
    "train": r"(?:pairs of )?(?:freight )?trains?\b|train (?:trips|services|runs|journeys)\b|consists\b",
    "trip": r"trips\b|services\b|runs\b|journeys\b|departures\b",
    "tonne": r"(?:metric )?(?:tonnes?|tons?)\b|mt\b|t\b(?![-'’])",
    "teu": r"TEUs?\b|twenty-foot equivalent units?\b|standard containers\b",
    "units": r"units\b",
    "vehicle": r"(?:vehicles?|cars?|trucks?|automobiles?|lorries|NEVs?|EVs?)\b",
    "usd": r"(?:US |U\.S\. )?dollars\b|USD\b|US\$",
    "cny": r"yuan\b|CNY\b|RMB\b|renminbi\b",
    "hour": r"hours?\b|hrs?\b|h\b",
    "day": r"days?\b",
    "minute": r"minutes?\b|mins?\b",
    "week": r"weeks?\b",
}
CURRENCY_BEFORE: dict[str, str] = {"usd": r"(?:US\$|\$|USD\s?)", "cny": r"(?:CNY\s?|RMB\s?|¥|￥)"}
CONTEXT: dict[str, str] = {
    # ("1,150 trucks in line to exit", not "in line with expectations")
    "queue": r"\b(?:queu\w*|waiting|wait|stuck|backlog\w*|lined up|line up|in line(?! with)|stranded|idling|"
    r"piled up|backed up|"
    r"held (?:up|back|at|on)|(?:set|put) aside|at the approaches|(?:were|was|are|is) standing|"
    r"(?:standing|waiting|held|parked) (?:on|at) (?:the )?approach(?:es)?|on (?:the )?approach(?:es)? to)\b",
    "per_day": r"\b(?:per day|a day|each day|every day|daily|per 24 hours|a 24-hour period|in a single day|"
    r"in one day)\b|/day\b",
    # a count on the busiest days ("on some days up to 26 trains"): per day, but a queue word keeps a queue
    "peak_day": r"\bon (?:some|certain|peak|busy|the busiest|busiest|record) days\b",
    # a one-day period stated for the whole sentence ("Over the past 24 hours, 450 trucks were cleared, …")
    # a peak right after a per-day figure ("about 21 trains a day, and at peak times more than 26 trains")
    "peak": r"\b(?:at (?:the |its |their )?peaks?|at peak (?:times?|hours?|periods?)|during (?:the )?peaks?|"
    r"on peak days|at (?:its|their) busiest)\b",
    "day_period": r"\b(?:(?:over|in|during) the (?:past|last|previous) (?:24 hours|day)|yesterday)\b",
    "per_hour": r"\b(?:per hour|an hour|every hour)\b",
    # ("the customs part now takes about 40 minutes": the customs step of a crossing)
    "clearance": r"\b(?:clear\w*|customs (?:processing|procedures|formalities|inspection|checks|part|stage|step|phase)|"
    r"processing time|border (?:processing|formalities|procedures|checks|controls)|customs processing|"
    r"inspection|release|dwell time|handl\w+ time|reload\w*|transship\w*|"
    r"time (?:(?:needed|required|taken|spent|it takes) )?to (?:process|handle|check|cross)|"
    r"time (?:spent )?at the border|border(?:-crossing| crossing)? time|"
    # "the time a train spends at the station", "time spent at the crossing"
    r"time (?:(?:a|each|the) (?:train|truck|wagon|vehicle)s? spends?|spent) at)\b",
    "clearance_rate": r"\b(?:clearance rates?|release rates?|customs (?:clearance |success )?rates?|"
    r"rate of (?:customs )?clearance|(?:cleared|released) at (?:a|the) (?:\w+ )?rate of|"
    r"(?:clear\w*|releas\w*) [\d.,]+ ?(?:percent|per cent|%) of "
    r"(?:[\w-]+ ){0,3}(?:declarations|consignments|shipments)|"
    r"(?:declarations|consignments|shipments) (?:were )?(?:cleared|released)|"
    # "98.6% of transit declarations at Nur Zholy were released without inspection"
    r"(?:declarations|consignments) [^.;%\d]{0,40}?\b(?:were|was) (?:cleared|released)|"
    r"(?:share|proportion|percentage) of (?:\w+ )?(?:declarations|consignments|shipments),? (?:cleared|released)|"
    # "the share of promptly released declarations"
    r"(?:share|proportion|percentage) of (?:[\w-]+ ){0,2}(?:cleared|released) "
    r"(?:declarations|consignments|shipments))\b",
    # a sentence that goes on about the clearance rate named just before ("The rate was up from 98.6 percent …")
    "rate_anaphor": r"\b(?:the|this|that|the same) (?:release |clearance )?(?:rate|ratio)\b",
    "nev": r"\b(?:new[- ]energy|NEVs?|electric|battery|EVs?|hybrid)\b",
    "share": r"\b(?:share|accounted for|account for|accounting for|made up|making up|proportion|of)\b",
    "trade": r"\b(?:trade|exports?|imports?|exported|imported|turnover|worth|valued|value)\b",
    "export": r"\b(?:export\w*|outbound|shipped abroad|sold abroad|drove from|self-driv\w*)\b",
    "car_goods": r"\b(?:new[- ]energy vehicles|commercial vehicles|passenger cars|NEVs|cars|automobiles|EVs)\b",
    # the passage is about vehicles as exported goods ("Vehicle exports through Horgos …")
    "vehicle_export": r"\b(?:(?:vehicle|car|auto|nev|ev|truck)s? exports?|"
    r"export(?:s|ed)? (?:of )?(?:vehicles|cars|nevs|evs)|"
    r"(?:vehicles|cars|nevs|evs) (?:were |was )?exported|(?:vehicles|cars|trucks) for export|"
    r"exported [\d,.]+ (?:[\w-]+ ){0,3}(?:vehicles|cars|trucks|nevs|evs))\b",
    # vehicles moving out across the border in the figure's clause ("with 52,300 vehicles crossing into …")
    "vehicle_out": r"\b(?:cross\w* (?:into|the border)|rolled out|left (?:china|the country)|"
    r"driven (?:across|out)|drove (?:across|out)|"
    r"left for|headed for|shipped|dispatched|sent to)\b",
    "truck_word": r"\b(?:trucks?|lorr(?:y|ies)|tractor units?|semi-trailers?)\b",
    "car_sales": r"\b(?:sold|sales|registered|registrations)\b",
    # a person's runs ("the driver made 14 trips", "值乘3至4趟"): trips of people or trucks are not train counts
    "person_trips": r"\b(?:drivers?|truckers?|truck drivers?|hauliers?|chauffeurs?|crew members?|engine drivers?)\b",
    # a loose recollection, not a reported figure ("We had years with 30 trains a month")
    "vague": r"\b(?:(?:we|they|there) (?:had|have had|were|have been|saw) (?:years|months|weeks|days|times|periods) "
    r"(?:with|when)|at times|some years)\b",
    "train_word": r"\btrains?\b|\brailway express\b|\brail services?\b",
    "vehicle_word": r"\b(?:vehicles?|cars?|trucks?|automobiles?|nevs?|evs?|buses)\b",
    # (also a firm's own share of a flow: "KTZ Express itself dispatched …", "the operator itself handled …")
    "company": r"\b(?:our|the|its|this) (?:company|firm|enterprise)\b|\bcompany (?:has|had)\b|"
    r"\b(?:company|firm|operator|express|jsc|llp|ltd)\s+itself\b",
    "direction_out": r"\b(?:outbound|exports?|exported|westbound|departing)\b",
    "direction_in": r"\b(?:inbound|imports?|imported|eastbound|arriving)\b",
    "not_clearance": r"\b(?:work\w*|operat\w*|open\w*|schedule|shifts?|around the clock|flight)\b",
    "passenger": r"\b(?:passengers?|high-speed|metro|commuter|suburban|tourist)\b",
    "plan": r"\b(?:capacity|capacities|designed|design|"
    r"(?:can|could|will be able to) (?:handle|process|accommodate|receive|pass|hold|clear)|planned|plans?|"
    r"target\w*|expected|expects?|aims?|aiming|forecast\w*|projected|goal|potential|up to \S+ a year|"
    r"(?:parking )?(?:space|spaces|room|places|slots|berths|lots?) for|accommodat\w*|built for|"
    r"(?:enough|sufficient) (?:for|to (?:handle|serve|meet))|(?:can|could|able to) meet (?:the )?(?:demand|needs)|"
    r"storage (?:capacity )?(?:for|of)|can (?:store|hold)|could (?:store|hold)|"
    # how many fit at once ("can park 1,500 cars at the same time", "can simultaneously hold 40 trains")
    r"(?:can|could|able to) (?:simultaneously |at (?:the same|one) time )?(?:park|store|serve|take in|fit)|"
    r"(?:can|could|able to) (?:simultaneously|at (?:the same|one) time) \w+)\b",
    "forecast": r"\b(?:expected to|expects?|forecast\w*|projected|is set to|are set to|will reach|"
    r"foresees?|envisag\w*|anticipat\w*|"
    r"will (?:be )?(?:handle|carry|pass|process|transport|move|see|grow|rise|increase|exceed|top|double|"
    r"handled|carried|passing|transported|moved)|"
    r"estimated to reach|should (?:reach|rise|grow|increase|exceed|double)|"
    r"(?:is|are) likely to|(?:could|may|might) (?:reach|rise|grow|increase|exceed|top|climb|"
    r"hit|pass|surpass|double|fall|drop|decline))\b",
    "not_trade": r"\b(?:invest\w*|credit|loans?|budget\w*|contracts?|projects?|funding|financ\w*|grant\w*|cost\w*|"
    r"fines?|tax\w*|salar\w*|price\w*|tariffs?|rates?|fees?|agreements?|deals?|memorand\w*|duty[- ]free|"
    r"allowance|per person)\b",
    # a value stated at some prices ("worth US$3.9 billion at declared export prices"): trade, not a price
    "valuation": r"\b(?:at|in) (?:[\w-]+ ){0,2}prices\b",
    "breakdown": r"\b(?:including|includ\w+|of which|among them|such as)\b",
    # a part of the period the text reports ("In October alone", "of which in October"): not carried on
    # "during the period", "over the reporting period": the period the text reports, not another clause's
    "the_period": r"\b(?:during|over|in|for|throughout) the (?:reporting |reported |review |whole |entire )?period\b"
    r"(?! (?:of|from|between|to|under|since|when|before|after)\b)",
    # a sentence that opens as an aside for comparison: its period is not what the text reports
    "aside": r"\b(?:for comparison|by comparison|in comparison|for reference)\b",
    "period_part": r"\b(?:alone|of which|including)\b",
    "not_cargo": r"\b(?:emission\w*|co2|carbon|harvest\w*|production|produced|output|mined|reserves|"
    r"lifting capacity|load capacity|cranes?|"
    # a vehicle's weight class, not a load carried ("trucks with a gross weight above 12 tonnes")
    r"gross (?:vehicle )?(?:weight|mass)|(?:laden|kerb|curb|permissible|maximum) (?:weight|mass)|"
    r"axle[- ]?loads?|(?:loads? )?per axle|"
    r"(?:trucks?|lorr(?:y|ies)|vehicles?|tractors?) weighing)\b",
    "per_unit": r"\b(?:each(?! (?:day|week|month|year|hour|shift)\b)|"
    r"per (?:train|wagon|container|truck|vehicle|car)|an average train|a single train)\b",
    "previous": r"\b(?:used to|previously|formerly|before the reform|in the past|at one point|at (?:its|the) peak)\b",
    # a new level of a series named before ("…, and has since fallen to 11")
    "change_to": r"\b(?:fallen|fell|dropped|decreased|declined|eased|shrunk|shrank|risen|rose|grown|grew|increased|"
    r"climbed|come down|gone down|gone up) to\b",
    # a sentence that speaks of the figure of the sentence before ("A year earlier this share was …")
    "anaphor_figure": r"\b(?:this|that|the same) (?:figure|rate|share|proportion|indicator|percentage)\b",
    "change_noun": r"\b(?:growth|increase|rise|decline|drop|decrease|change|gain|fall)\b",
    "per_week": r"\b(?:per week|a week|weekly|each week|every week)\b",
    # a per-day average over a period ("an average of 1,310 vehicles a day"), not a one-day snapshot
    "average": r"\b(?:average\w*|on average|daily average)\b",
    # now, not over a period: a per-day average then describes the present ("currently … an average of 22 a day")
    "present": r"\b(?:currently|now|at present|these days|nowadays|on peak days|at (?:the )?peak|recently|"
    r"in recent (?:days|weeks))\b",
    "cumulative": r"\bsince (?:its|their|it was|they were|being) \w+|\bsince the (?!beginning|start)\w+|"
    r"\bsince 20\d\d\b|\bin total since\b|"
    r"\bto date\b|\bso far\b(?! this year)|\bcumulative\w*|\bin total\b",
    # after a pair of figures: "…; the former grew 8.4 percent, while the latter slipped 2.1 percent"
    "former": r"\b(?:the former|the first of (?:them|the two|these))\b",
    "latter": r"\b(?:the latter|the second of (?:them|the two|these))\b",
    # one change said of every member of a series ("… respectively, both up about 5 percent")
    "each": r"\b(?:both|each|all of them)\b",
    # a part of a total told by the crossing it went through ("of which 383,000 went through Horgos"), not its kind
    "via": r"\b(?:through|via)\b",
}
HALF_AFTER_UNIT = r"\s+and\s+a\s+half\b"  # "a day and a half"
CHANGE_BEFORE = (
    r"(?:\b(?:growth|increase|rise|decline|drop|decrease)(?: rate)? (?:was|reached|stood at|hit|of)\s+$)|"
    # "growth on the previous year — 7.9%", "increase: 3%": the change noun, what it is measured against, a dash
    r"(?:\b(?:growth|increase|rise|decline|drop|decrease)(?:\s+(?:on|over|from|against|compared (?:with|to))\s+"
    r"(?:the\s+)?(?:previous|last|a|prior)\s+year|\s+year[- ]on[- ]year)?\s*[—–:]\s*$)|"
    r"(?:\b(?:up|down|increas\w*|rise|rising|rose|grew|grow\w*|gain\w*|jump\w*|surg\w*|climb\w*|soar\w*|"
    r"add(?:ed|ing)|fell|fall\w*|drop\w*|declin\w*|decreas\w*|slump\w*|plung\w*|slid|slip\w*|shrank|shrunk|"
    r"dipped|lower|higher|"
    r"growth|by)(?:\s+(?:of|by))?|year[- ]on[- ]year)\s+(?:(?:about|nearly|roughly|some|over|more than|almost|"
    r"approximately|just|a further)\s+)?$"
)
CHANGE_AFTER = (
    r"\s*(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y\b|yoy\b|y-o-y|on the year|on an annual basis|"
    r"more\b|higher\b|fewer\b|less\b|lower\b|increase|growth|rise|decline|decrease|drop|jump|gain|up\b|"
    r"down\b|surge|fall)"
)
NEGATIVE = (
    r"\b(?:down|fell|fall\w*|drop\w*|declin\w*|decreas\w*|slump\w*|plung\w*|slid|slip\w*|shrank|shrunk|dipped|"
    r"fewer|less|lower|contract\w*)\b"
)
MOM = (
    r"month[- ]on[- ]month|from the previous month|than the previous month|m/m\b|"
    r"compared with (?:the previous|last) month|"
    # week-on-week ("9 fewer than a week earlier", "down 16% from last weekend") is not year-on-year either
    r"week[- ]on[- ]week|w/w\b|(?:from|than|compared with|against|on) (?:the previous|last|a|the) week(?:end)?\b|"
    r"(?:a|one) week (?:earlier|ago|before)"
)
LEVEL_BEFORE = r"\b(?:to|from|at|reach\w*|was|is|were|stood at|hit|of only|amounted to|totall?ed)\s+(?:a |an )?$"
AGGREGATE = r"\b(?:(?:the|both|these|two|all) (?:two )?(?:ports|crossings|checkpoints)|together|combined)\b"
NO_CARRY = (
    # "between China and Kazakhstan", not a span of time ("between January and August", "between 2020 and 2024")
    r"\b(?:nationwide|across the country|countrywide|between (?!\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b)\w+ and \w+|worldwide|globally|"
    r"(?:china|kazakhstan|uzbekistan|kyrgyzstan|russia|central asia|the eu|europe)(?:'s|’s) (?:total )?"
    # (also of one kind of goods: "China's total vehicle exports reached 3.4 million units")
    r"(?:foreign |overall |bilateral |(?:vehicle|car|auto|truck|nev|ev)s? )?"
    r"(?:trade|exports?|imports?|car market|rail network|railways?|gdp)|"
    r"(?:china|kazakhstan) (?:exported|imported)|"
    r"(?:trade|exports?|imports?) (?:between|of) (?:china|kazakhstan|uzbekistan|central asia)|"
    r"(?:imports?|imported|brought|shipped) into (?:china|kazakhstan|uzbekistan|kyrgyzstan|the country))\b"
)
# Places outside the gazetteer that can be the subject of a figure: China–Europe hub cities, other countries'
# border ports, other corridors. A figure whose clause names one (and no port) is not a corridor port's.
OTHER_PLACE = (
    r"\b(?:chongqing|chengdu|zhengzhou|wuhan|yiwu|urumqi|lanzhou|hefei|suzhou|changsha|shenyang|harbin|qingdao|"
    r"jinan|xiamen|guangzhou|kunming|nanning|tianjin|lianyungang|kashgar|shijiazhuang|nanjing|ganzhou|dalian|"
    r"manzhouli|erenhot|erlian|suifenhe|zabaikalsk|aktau|kuryk|baku|alat|poti|batumi|"
    r"(?:new )?(?:international |western )?land[- ]sea (?:trade )?corridor|ilstc|trans-siberian)\b"
)
# Countries other than China and Kazakhstan: named with a trade word, the figure is that pair's trade
PARTNER = (
    r"\b(?:kyrgyzstan|kyrgyz|uzbekistan|uzbek|tajikistan|tajik|turkmenistan|russia|mongolia|afghanistan|"
    r"pakistan|azerbaijan|georgia|turkey|türkiye|iran|belarus)\b"
)
# "on the Kazakh side" / "on the Chinese side": the figure is the port of that side the text named last
# (also as the subject: "The Chinese side currently accepts …"; not "handed over to the Chinese side")
SIDE_KZ = r"\b(?:on|at|from) the kazakh(?:stani?)? side\b|(?<!to )\bthe kazakh(?:stani?)? side (?!of\b)"
SIDE_CN = r"\b(?:on|at|from) the chinese side\b|(?<!to )\bthe chinese side (?!of\b)"
# "On our side, we processed …" after "the queue on the Kazakh side": the side opposite the one named before
SIDE_OURS = r"\bour side\b"
# "the region's foreign trade": the region whose ports the text named (see attribution._region_back)
REGION_ANAPHOR = r"\bthe (?:autonomous )?region(?:'s|’s)?\b"
# "along the route", "on the corridor": the route (network) the text last named
ROUTE_ANAPHOR = r"\b(?:along|on|via|through) the (?:route|corridor)\b|\bthe (?:route|corridor)(?:'s|’s)\b"
# a port named as where traffic goes or comes from ("handed over to Alashankou", "bound for Horgos")
# (also the last of a list: "services from Chongqing, Chengdu and Xi'an"; "a train that left Xi'an")
ROUTE_END = (  # "from" covers "arriving from", "coming from"
    r"\b(?:to|towards|bound for|destined for|headed for|from|left|leaving|departed|departing)\s+(?:the\s+)?"
    r"(?:(?:kazakhstan|china|kyrgyzstan)(?:'s|’s)\s+)?(?:(?:[a-z'’]+,\s*){0,2}[a-z'’]+,?\s+and\s+)?$"
)
# "trains from Xi'an": a hub named as where the counted traffic starts, right after the thing counted (not after a
# verb of arrival: "a train arriving from Xi'an" is counted where it arrives); see attribution.route_end
HUB_ORIGIN = r"(?:^|\s)(?!arriv|com|came|return|transit)[\w'’\"«»“”]+\s+from\s+(?:the\s+)?$"
# "from Xi'an to Baku": a route with its other end named right after the origin
DESTINATION_AFTER = r"\s+(?:to|for|via)\s"
# "fell 6.3% to 412,000 tonnes", "rose 5%, reaching 61,300 TEU": the new level right after a change
NEW_LEVEL_BEFORE = r"(?:\bto|\breaching|\bhitting|\bat)\s+(?:a\s+|about\s+|some\s+|nearly\s+)?$"
# a sentence opening like this speaks of the figures of the sentence before ("The figures were down 2% and …")
BACK_REFERENCE = r"(?:this|that|these|those|it|they|both|the (?:figures?|numbers?|volumes?|totals?|results?))\b"
# "doubled", 「翻了一番」: a change of +100% with no number
DOUBLED = r"\bdoubl(?:ed|ing)\b"

# Tables whose rows are ports: a header cell of a change column, and a row label that sums the rows above
TABLE_CHANGE = r"\bchange\b|\by/y\b|\byoy\b|year[- ]on[- ]year|\bgrowth\b|\bvs\.? \d{4}"
TABLE_TOTAL = r"\W*(?:total|all (?:crossings|ports|checkpoints)|overall)\b"
# A port named in passing, as a landmark or a counterpart, not as the subject ("near Khorgos", "opposite
# Alashankou", "together with Horgos"): searched in the few characters before the mention
IN_PASSING_BEFORE = (
    r"\b(?:near|nearby|opposite|across from|next to|close to|not far from|(?:together |jointly |twinned )?with)"
    r"\s+(?:the\s+)?(?:(?:chinese|kazakh|kyrgyz)\s+)?(?:(?:station|port|town|city|checkpoint)\s+(?:of\s+)?)?$|"
    # a landmark: "east of Zharkent", "The nearest town, Zharkent, …", "the town of Zharkent"
    r"\b(?:(?:north|south)?-?(?:east|west)|north|south|outside|beyond) of\s+$|"
    r"\b(?:nearest|nearby|neighbou?ring|local) (?:town|city|village|settlement),?\s+$|\b(?:town|city|village) of\s+$|"
    # a reason given for a figure: "…, citing post-holiday staffing on the Horgos side"
    r"\b(?:citing|blaming|due to|because of|owing to)\b[^,.;]{0,40}$|"
    # where part of a figure is: "1,240 trucks — most of them are parked at the Zharkent buffer lot"
    r"\b(?:most|many|some|half|part|the rest|several) of (?:them|which|these|those)\b[^,.;:()—–]{0,40}$"
)
# ... or as the name of a road or a town's outskirts ("the Zharkent bypass", "the Almaty–Khorgos highway")
IN_PASSING_AFTER = r"\s+(?:bypass|highway|motorway|road|ring road|expressway|side)\b"  # (or "the Horgos side")
# A country pair named only as "the two countries" ("bilateral trade"): which pair is the one the text named
GENERIC_PAIR = r"\b(?:bilateral|mutual|two countries|both countries)\b"
KAZAKHSTAN = r"\bkazakh"
# "the national railway network", "the national carrier": the country's own network, which one by the country the
# text last named (a home cue below); see ports.find_ports
NATIONAL = r"\bnational\b"
HOME_KZ = r"\bkazakh|\bktz\b|\bastana\b|\btenge\b"
HOME_CN = r"\bchin(?:a|ese)\b|\bbeijing\b|\bprc\b"
# "Transit container traffic reached …" with no port named, after the national network: the network's transit
TRANSIT = r"\btransit\b"
# "…, of which over 40% passed through Horgos and Alashankou": a later clause naming the parts of a total
PARTS_AFTER = r"\b(?:of which|of them|including|among them)\b"
