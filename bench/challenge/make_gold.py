"""Builds gold.jsonl for the challenge corpus (hand annotation kept as data here).

Each row: (port, indicator, value, period or None, yoy or None, quote, optional).
Run: python3 bench/challenge/make_gold.py  (checks that every quote occurs in its text)
"""
import json
import pathlib

HERE = pathlib.Path(__file__).parent
UNITS = {"trains_count": "trains", "trains_per_day": "trains/day", "trains_in_queue": "trains",
         "cargo_tonnes": "tonnes", "containers_teu": "TEU", "vehicles_exported": "vehicles",
         "vehicles_per_day": "vehicles/day", "vehicles_in_queue": "vehicles",
         "trade_value_usd": "USD", "trade_value_cny": "CNY", "clearance_rate_pct": "%",
         "clearance_time_hours": "hours", "nev_share_pct": "%"}
O = True   # optional
R = False  # required

H1_26 = "2026-01-01/2026-06-30"
Y25 = "2025-01-01/2025-12-31"
Y24 = "2024-01-01/2024-12-31"

G = {
"en_01_xinhua_horgos_h1.txt": ([
  ("horgos", "trains_count", 4318, H1_26, 11.2, "A total of 4,318 China-Europe and China-Central Asia freight trains passed through the Horgos railway port", R),
  ("horgos", "cargo_tonnes", 18.6e6, H1_26, 7.4, "Cargo handled by the port during the period reached 18.6 million tonnes, an increase of 7.4 percent", R),
  ("horgos", "clearance_time_hours", 2, None, None, "The average clearance time for an outbound train has been shortened to about 2 hours", R),
  ("horgos", "trains_per_day", 30, None, None, "more than 30 trains may cross in a single day", O),
], []),
"en_02_chinadaily_alashankou.txt": ([
  ("alashankou", "trains_count", 612, "2026-10-01/2026-10-31", None, "handled 612 inbound and outbound China-Europe freight trains in October alone", R),
  ("alashankou", "trains_count", 5870, "2026-01-01/2026-10-31", 4.5, "That brought the total for the first 10 months to 5,870 trains, up 4.5 percent year-on-year", R),
  ("alashankou", "containers_teu", 420000, "2026-01-01/2026-10-31", None, "Container throughput over the same period exceeded 420,000 TEUs", R),
  ("alashankou", "trains_per_day", 20, None, None, "the daily average has stayed at about 20 trains since August", R),
  ("alashankou", "clearance_time_hours", 1.5, None, None, "customs had cut the time needed to clear a train to under 90 minutes", R),
  ("dostyk", "trains_per_day", 36, None, None, "bringing transshipment capacity to 36 trains a day on paper", O),
  ("alashankou", "cargo_tonnes", 2.8e6, Y25, None, "In 2025 its comprehensive bonded zone imported 2.8 million tonnes of crude oil by pipeline", O),
], []),
"en_03_cgtn_vehicles.txt": ([
  ("horgos", "vehicles_exported", 480000, Y25, 14.7, "over 480,000 vehicles were exported through the highway port last year, an increase of 14.7 percent over 2024", R),
  ("horgos", "nev_share_pct", 28.4, Y25, None, "New-energy vehicles accounted for 28.4 percent of the total", R),
  ("horgos", "nev_share_pct", 19, "2023-01-01/2023-12-31", None, "compared with 19 percent two years ago", O),
  ("horgos", "vehicles_per_day", 1300, None, None, "On peak days the port processed an average of 1,300 vehicles a day", R),
], []),
"en_04_globaltimes_xinjiang.txt": ([
  ("xinjiang", "trains_count", 17000, Y25, 6.2, "More than 17,000 China-Europe (Central Asia) freight trains passed through Xinjiang's Alashankou and Horgos ports in 2025, a year-on-year increase of 6.2 percent", R),
  ("china_europe_rail", "trains_count", 19600, Y25, None, "Nationwide, the China-Europe Railway Express made 19,600 trips in 2025", R),
  ("xian", "trains_count", 5920, Y25, None, "Xi'an, the largest assembly hub, operated 5,920 of them", R),
  ("xinjiang", "trade_value_cny", 458.3e9, Y25, None, "Xinjiang's foreign trade through its ports amounted to 458.3 billion yuan last year", R),
], []),
"en_05_railfreight_dostyk_queue.txt": ([
  ("dostyk", "trains_in_queue", 60, None, None, "Around 60 freight trains are currently stuck on the Chinese side of the Dostyk-Alashankou border crossing", R),
  ("alashankou", "trains_in_queue", 60, None, None, "Around 60 freight trains are currently stuck on the Chinese side of the Dostyk-Alashankou border crossing", O),
  ("altynkol", "trains_in_queue", 35, None, None, "roughly 35 more are waiting to enter Kazakhstan at Altynkol", R),
  ("dostyk", "trains_per_day", 18, None, None, "it was handling 18 trains a day at Dostyk", R),
  ("dostyk", "trains_per_day", 24, None, None, "below the crossing's design capacity of 24", O),
  ("dostyk", "clearance_time_hours", 120, None, None, "waiting for up to five days just to get their containers reloaded", O),
  ("dostyk", "clearance_time_hours", 8, None, None, "Under normal conditions, the operation takes 8 to 12 hours", O),
  ("dostyk", "clearance_time_hours", 12, None, None, "Under normal conditions, the operation takes 8 to 12 hours", O),
  ("china_kazakhstan", "cargo_tonnes", 32.1e6, Y25, None, "Kazakhstan's two main rail crossings with China handled a combined 32.1 million tonnes of cargo", O),
], []),
"en_06_astanatimes_trade.txt": ([
  ("china_kazakhstan", "trade_value_usd", 43.8e9, Y25, 5.6, "Trade between Kazakhstan and China reached $43.8 billion in 2025, an increase of 5.6% compared to the previous year", R),
  ("china_kazakhstan", "trade_value_usd", 15.2e9, Y25, None, "Kazakh exports to China amounted to $15.2 billion", R),
  ("china_kazakhstan", "trade_value_usd", 28.6e9, Y25, None, "imports from China reached $28.6 billion", R),
  ("khorgos_gateway", "containers_teu", 412000, Y25, 18, "container handling rose to 412,000 TEU last year, 18% more than in 2024", R),
  ("khorgos_gateway", "containers_teu", 38000, "2026-01-01/2026-01-31", None, "In January alone, the dry port handled 38,000 TEU.", R),
], []),
"en_07_railfreight_titr.txt": ([
  ("titr", "cargo_tonnes", 4.5e6, Y25, 62, "Cargo transported along the Trans-Caspian International Transport Route (TITR) reached 4.5 million tonnes in 2025, up 62 per cent", R),
  ("titr", "containers_teu", 56500, Y25, None, "the Middle Corridor carried 56,500 TEU, almost twice as much as in 2024", R),
  ("titr", "containers_teu", 29300, Y24, None, "when 29,300 TEU were recorded", R),
], []),
"en_08_xinhua_clearance.txt": ([
  ("bakhty", "clearance_time_hours", 40 / 60, None, None, "The average customs clearance time for outbound trucks at the Bakhty port in Tacheng has been cut to 40 minutes", R),
  ("bakhty", "clearance_time_hours", 2, "2023-01-01/2023-12-31", None, "compared with more than two hours in 2023", O),
  ("bakhty", "vehicles_per_day", 350, None, None, "now handles about 350 vehicles per day", R),
  ("bakhty", "clearance_rate_pct", 99.3, "2026-04-01/2026-04-30", None, "In April, 99.3 percent of export declarations were released within the same working day", R),
  ("kalzhat", "vehicles_per_day", 200, None, None, "We receive up to 200 trucks a day in the summer", R),
], [
  {"kind": "policy", "regime": None, "summary": "Electronic pre-declaration required for all trucks leaving Bakhty and Dulata ports", "effective_date": "2026-06-01",
   "quote": "Starting June 1, 2026, Urumqi Customs will apply an electronic pre-declaration system to all trucks leaving the Bakhty and Dulata ports"},
]),
"en_09_neg_astanatimes_icbc.txt": ([], []),
"en_10_neg_cgtn_logistics_park.txt": ([], []),

"ru_01_ktz_press_10m.txt": ([
  ("kazakhstan_rail", "cargo_tonnes", 231.4e6, "2026-01-01/2026-10-31", 2.7, "по магистральной железнодорожной сети Казахстана перевезено 231,4 млн тонн грузов, что на 2,7% больше", R),
  ("kazakhstan_rail", "cargo_tonnes", 23.1e6, "2026-01-01/2026-10-31", 9.5, "Объём транзитных перевозок составил 23,1 млн тонн (+9,5%)", O),
  ("china_kazakhstan", "cargo_tonnes", 21.7e6, "2026-01-01/2026-10-31", 8.4, "Через пограничные переходы с Китаем – Достык, Алтынколь и Бахты – в обоих направлениях проследовало 21,7 млн тонн грузов, рост составил 8,4%", R),
  ("altynkol", "trains_count", 1936, "2026-01-01/2026-10-31", None, "Через станцию Алтынколь за десять месяцев прошло 1 936 контейнерных поездов", R),
  ("dostyk", "trains_count", 2418, "2026-01-01/2026-10-31", None, "через станцию Достык – 2 418 поездов", R),
], []),
"ru_02_kursiv_nurzholy_queue.txt": ([
  ("nur_zholy", "vehicles_in_queue", 1150, None, None, "перед пунктом пропуска «Нур Жолы» в ожидании выезда находились порядка 1 150 большегрузов", R),
  ("nur_zholy", "vehicles_in_queue", 1000, None, None, "очередь у «Нур Жолы» превысила тысячу машин", O),
  ("kalzhat", "vehicles_in_queue", 180, None, None, "Ещё около 180 машин стояли на подъезде к ППП «Калжат»", R),
  ("nur_zholy", "clearance_time_hours", 96, None, None, "Водители жалуются, что простаивают по 3–4 суток", O),
  ("nur_zholy", "clearance_time_hours", 72, None, None, "Водители жалуются, что простаивают по 3–4 суток", O),
  ("nur_zholy", "vehicles_per_day", 450, None, None, "китайская сторона после праздников принимает не более 450 автомобилей в сутки", R),
  ("nur_zholy", "vehicles_per_day", 700, "2025-12-01/2025-12-31", None, "хотя до конца декабря пропускала около 700", O),
  ("nur_zholy", "vehicles_exported", 310000, Y25, None, "в 2025 году через «Нур Жолы» в Китай было отправлено свыше 310 тыс. грузовых автомобилей", O),
], []),
"ru_03_railnews_altynkol.txt": ([
  ("altynkol", "trains_count", 1942, "2026-01-01/2026-09-30", 12.5, "через пограничную станцию Алтынколь проследовало 1 942 поезда, что на 12,5% больше", R),
  ("altynkol", "trains_count", 2000, "2026-01-01/2026-09-30", None, "Алтынколь: почти две тысячи поездов за девять месяцев", O),
  ("altynkol", "cargo_tonnes", 11.6e6, "2026-01-01/2026-09-30", None, "Объём перевалки грузов на станции достиг 11,6 млн тонн", R),
  ("altynkol", "trains_per_day", 7, "2026-09-01/2026-09-30", None, "в сентябре станция принимала в среднем 7 поездов в сутки", R),
  ("altynkol", "clearance_time_hours", 5.5, None, None, "время обработки одного состава удалось сократить до 5,5 часа", R),
  ("altynkol", "clearance_time_hours", 24, None, None, "Ещё пять лет назад на обработку уходило больше суток", O),
  ("dostyk", "trains_count", 2120, "2026-01-01/2026-09-30", 3.1, "На соседней станции Достык за тот же период обработано 2 120 поездов (+3,1%)", R),
  ("china_kazakhstan", "cargo_tonnes", 27.4e6, "2026-01-01/2026-09-30", None, "В совокупности на два перехода пришлось 27,4 млн тонн грузов", O),
], []),
"ru_04_kgd_clearance.txt": ([
  ("horgos", "clearance_time_hours", 1.8, "2026-01-01/2026-05-31", None, "на таможенном посту «Хоргос» среднее время выпуска товаров по декларациям на товары составило 1,8 часа", R),
  ("horgos", "clearance_time_hours", 2.6, "2025-01-01/2025-05-31", None, "против 2,6 часа годом ранее", O),
  ("horgos", "clearance_rate_pct", 41, "2026-01-01/2026-05-31", None, "Доля деклараций, выпущенных в автоматическом режиме, достигла 41%", O),
  ("dostyk", "clearance_time_hours", 2.4, "2026-01-01/2026-05-31", None, "На таможенном посту «Достык» время выпуска составило в среднем 2,4 часа", R),
  ("dostyk", "clearance_rate_pct", 99.1, "2026-01-01/2026-05-31", None, "выпущено 99,1% поданных деклараций", R),
], [
  {"kind": "policy", "regime": None, "summary": "Advance information required for all trucks crossing the Kazakhstan–China border", "effective_date": "2026-07-01",
   "quote": "с 1 июля 2026 года вступает в силу требование о предварительном информировании для всех грузовых автомобилей, следующих через пункты пропуска на границе с КНР"},
]),
"ru_05_kazinform_khorgos_gateway.txt": ([
  ("khorgos_gateway", "containers_teu", 214000, H1_26, 14.2, "сухой порт «Хоргос – Восточные ворота» переработал 214 тыс. ДФЭ, что на 14,2% больше", R),
  ("khorgos_gateway", "trains_per_day", 12, None, None, "Сегодня мы обрабатываем до 12 поездов в сутки", R),
  ("khorgos_gateway", "containers_teu", 396000, Y25, None, "в 2025 году сухой порт переработал 396 тыс. ДФЭ", R),
  ("khorgos_gateway", "trains_count", 54, "2026-06-01/2026-06-30", None, "в июне через порт прошло 54 контейнерных поезда из Китая", R),
  ("khorgos_gateway", "clearance_time_hours", 6, "2026-06-01/2026-06-30", None, "среднее время перевалки одного поезда составило 6 часов", R),
], []),
"ru_06_kaztoday_trade.txt": ([
  ("china_kazakhstan", "trade_value_usd", 34.2e9, "2026-01-01/2026-09-30", 9.3, "Товарооборот между Казахстаном и Китаем за январь–сентябрь 2026 года составил 34,2 млрд долларов США, что на 9,3% больше", R),
  ("china_kazakhstan", "trade_value_usd", 12.8e9, "2026-01-01/2026-09-30", None, "Экспорт казахстанской продукции в КНР достиг 12,8 млрд долларов", R),
  ("china_kazakhstan", "trade_value_usd", 21.4e9, "2026-01-01/2026-09-30", None, "импорт из Китая – 21,4 млрд долларов", R),
  ("horgos", "trade_value_usd", 6.7e9, "2026-01-01/2026-09-30", None, "Через пункт пропуска Хоргос за девять месяцев прошло товаров на сумму 6,7 млрд долларов", R),
  ("china_kazakhstan", "trade_value_usd", 43.8e9, Y25, None, "по итогам 2025 года двусторонняя торговля составила 43,8 млрд долларов", R),
], []),
"ru_07_bakhty.txt": ([
  ("bakhty", "vehicles_per_day", 400, None, None, "ежедневно проходит до 400 грузовых автомобилей", R),
  ("bakhty", "cargo_tonnes", 1.6e6, "2026-01-01/2026-08-31", 21, "через переход оформлено свыше 1,6 млн тонн грузов – на 21% больше, чем в январе–августе прошлого года", R),
  ("bakhty", "clearance_time_hours", 48, None, None, "Время ожидания на границе в летний период, по словам перевозчиков, по-прежнему может достигать двух суток", O),
], []),
"ru_08_eec_event.txt": ([], [
  {"kind": "certification", "regime": "TR CU 018/2011", "summary": "From 1 March 2027 EV and hybrid type approvals (OTTS) require a UN R100 traction battery test report", "effective_date": "2027-03-01",
   "quote": "С 1 марта 2027 года одобрение типа транспортного средства (ОТТС) для электромобилей и гибридов будет выдаваться только при наличии протокола испытаний тяговой батареи по Правилам ООН № 100"},
]),
"ru_09_neg_zharkent.txt": ([], []),
"ru_10_neg_dostyk_modern.txt": ([], []),

"zh_01_xinhua_horgos_rail.txt": ([
  ("horgos", "trains_count", 7316, "2025-01-01/2025-11-30", 9.8, "经霍尔果斯铁路口岸进出境的中欧（中亚）班列达7316列，同比增长9.8%", R),
  ("horgos", "cargo_tonnes", 36124000, "2025-01-01/2025-11-30", 6.1, "前11个月口岸完成进出口货运量3612.4万吨，同比增长6.1%", R),
  ("horgos", "clearance_time_hours", 4, None, None, "班列在口岸的停留时间由过去的十几个小时压缩至4小时左右", R),
  ("horgos", "trains_per_day", 24, None, None, "12月上旬口岸日均通行班列约24列", R),
], []),
"zh_02_alashankou_monthly.txt": ([
  ("alashankou", "trains_count", 602, "2026-09-01/2026-09-30", None, "9月份阿拉山口口岸通行中欧（中亚）班列602列，环比增长7.5%", R),
  ("alashankou", "trains_count", 4868, "2026-01-01/2026-09-30", 5.3, "口岸累计通行班列4868列，同比增长5.3%", R),
  ("alashankou", "cargo_tonnes", 11368000, "2026-01-01/2026-09-30", None, "累计过货量1136.8万吨", R),
  ("alashankou", "clearance_time_hours", 40 / 60, None, None, "单列班列的通关时间由原来的2小时缩短至40分钟", R),
  ("alashankou", "clearance_time_hours", 2, None, None, "单列班列的通关时间由原来的2小时缩短至40分钟", O),
], []),
"zh_03_horgos_vehicles.txt": ([
  ("horgos", "vehicles_exported", 128000, H1_26, 23.6, "经霍尔果斯公路口岸出口汽车12.8万辆，同比增长23.6%", R),
  ("horgos", "vehicles_exported", 43800, H1_26, None, "其中新能源汽车4.38万辆", O),
  ("horgos", "nev_share_pct", 34.2, H1_26, None, "占比34.2%", R),
  ("horgos", "vehicles_per_day", 1100, None, None, "目前口岸日均验放出口商品车1100余辆", R),
  ("horgos", "vehicles_per_day", 1500, None, None, "高峰时超过1500辆", O),
  ("horgos", "clearance_time_hours", 0.5, None, None, "整车通关时间压缩至30分钟以内", R),
  ("horgos", "vehicles_exported", 226000, Y25, None, "2025年，霍尔果斯公路口岸全年出口汽车22.6万辆", R),
], []),
"zh_04_trade_value.txt": ([
  ("horgos", "trade_value_cny", 62.83e9, "2026-01-01/2026-10-31", 11.7, "霍尔果斯口岸进出口贸易额628.3亿元，同比增长11.7%", R),
  ("xinjiang", "trade_value_cny", 380.56e9, "2026-01-01/2026-10-31", 4.2, "新疆外贸进出口总值3805.6亿元，同比增长4.2%", O),
  ("alashankou", "trade_value_cny", 51.29e9, "2026-01-01/2026-10-31", -2.3, "阿拉山口口岸前10个月进出口额为512.9亿元，同比下降2.3%", R),
  ("china_kazakhstan", "trade_value_usd", 43.8e9, Y25, None, "两国贸易额去年达438亿美元", R),
], []),
"zh_05_china_europe_national.txt": ([
  ("china_europe_rail", "trains_count", 9800, H1_26, 3, "中欧班列累计开行9800列、发送货物105.2万标箱，同比分别增长3%和5%", R),
  ("china_europe_rail", "containers_teu", 1052000, H1_26, 5, "中欧班列累计开行9800列、发送货物105.2万标箱，同比分别增长3%和5%", R),
  ("xian", "trains_count", 2816, H1_26, None, "中欧班列（西安）上半年开行2816列", R),
  ("china_europe_rail", "trains_count", 110000, None, None, "中欧班列已累计开行超过11万列", R),
], []),
"zh_06_clearance_bakhty.txt": ([
  ("bakhty", "vehicles_exported", 21000, "2026-01-01/2026-03-31", 18, "塔城巴克图口岸进出境货运车辆达2.1万辆次，同比增长18%", O),
  ("bakhty", "vehicles_per_day", 230, "2026-01-01/2026-03-31", None, "口岸日均验放车辆约230辆次", R),
  ("bakhty", "clearance_time_hours", 0.75, None, None, "货车平均通关时间由去年的1.5小时缩短至45分钟", R),
  ("bakhty", "clearance_time_hours", 1.5, Y25, None, "货车平均通关时间由去年的1.5小时缩短至45分钟", O),
  ("bakhty", "clearance_rate_pct", 99.6, None, None, "报关单放行率保持在99.6%", R),
  ("kalzhat", "cargo_tonnes", 124000, "2026-01-01/2026-03-31", 31, "都拉塔口岸一季度过货量12.4万吨，同比增长31%", R),
], []),
"zh_07_kyrgyz_tajik_ports.txt": ([
  ("torugart", "cargo_tonnes", 1123000, "2026-01-01/2026-07-31", 14.5, "吐尔尕特口岸完成过货量112.3万吨，同比增长14.5%", R),
  ("irkeshtam", "cargo_tonnes", 986000, "2026-01-01/2026-07-31", 9.2, "伊尔克什坦口岸过货量98.6万吨，同比增长9.2%", R),
  ("karasu", "cargo_tonnes", 456000, "2026-01-01/2026-07-31", 18, "卡拉苏口岸1—7月进出口货运量达45.6万吨，同比增长18%", R),
  ("torugart", "vehicles_per_day", 600, None, None, "每天最多可放行货车600辆次", O),
], []),
"zh_08_policy_event.txt": ([
  ("horgos", "clearance_time_hours", 48, None, None, "此前出口二手车需在属地和口岸两次查验，平均耗时约2天", O),
], [
  {"kind": "policy", "regime": None, "summary": "Horgos road port: one-stop inspection and electronic certificates for used-car exports", "effective_date": "2027-01-01",
   "quote": "自2027年1月1日起，霍尔果斯公路口岸对出口二手车全面实施“一站式”查验和电子检验证书，出口企业无需再提交纸质检验报告"},
]),
"zh_09_neg_alashankou_wind.txt": ([], []),
"zh_10_xinjiang_dual_ports.txt": ([
  ("xinjiang", "trains_count", 4125, "2026-01-01/2026-03-31", 6.8, "经新疆阿拉山口、霍尔果斯两大铁路口岸进出境的中欧（中亚）班列达4125列，同比增长6.8%", R),
  ("xinjiang", "trains_count", 4000, "2026-01-01/2026-03-31", None, "一季度新疆双口岸通行中欧（中亚）班列超4000列", O),
  ("alashankou", "trains_count", 1890, "2026-01-01/2026-03-31", 2.1, "阿拉山口口岸通行1890列", R),
  ("horgos", "trains_count", 2235, "2026-01-01/2026-03-31", 11.2, "霍尔果斯口岸通行2235列，同比分别增长2.1%和11.2%", R),
  ("xinjiang", "trains_per_day", 50, None, None, "口岸日均交接班列能力达到50列以上", O),
  ("xinjiang", "trains_count", 312, "2026-01-01/2026-04-09", None, "新疆始发的中欧（中亚）班列已开行312列", O),
], []),
}

texts = sorted(p.name for p in (HERE / "texts").glob("*.txt"))
assert sorted(G) == texts, set(G) ^ set(texts)
with open(HERE / "gold.jsonl", "w", encoding="utf-8") as out:
    for name in texts:
        inds, evs = G[name]
        body = (HERE / "texts" / name).read_text(encoding="utf-8")
        rows = []
        for port, ind, val, per, yoy, quote, opt in inds:
            assert quote in body, (name, quote)
            v = round(val, 4) if isinstance(val, float) and val < 1000 else val
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            rows.append({"port": port, "indicator": ind, "value": v, "unit": UNITS[ind], "period": per,
                         "yoy_pct": yoy, "quote": quote, "optional": opt})
        for e in evs:
            assert e["quote"] in body, (name, e["quote"])
        out.write(json.dumps({"file": name, "indicators": rows, "events": evs}, ensure_ascii=False) + "\n")
print("ok", len(texts), sum(len(G[n][0]) for n in texts), "indicators",
      sum(1 for n in texts for r in G[n][0] if not r[6]), "required", sum(len(G[n][1]) for n in texts), "events")
