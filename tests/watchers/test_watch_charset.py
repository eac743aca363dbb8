"""watchers/charset.py and the readers on non-UTF-8 bodies: Russian and Chinese pages and feeds."""

from __future__ import annotations

import pytest

from service.models import utcnow
from watchers.charset import codec_name, decode
from watchers.html import parse_article
from watchers.rss import parse_feed
from watchers.sources import Source

RU = "Через Алтынколь прошло 1870 поездов, время оформления сократилось до трёх с половиной часов. " * 3
ZH = "霍尔果斯口岸今年前十个月通行中欧班列超过六千五百列，同比增长百分之二十一。" * 3


def page(text: str, meta: str = "") -> str:
    heading = text[:12]
    return f"<html><head>{meta}<title>t</title></head><body><article><h1>{heading}</h1><p>{text}</p>" \
           f"</article></body></html>"


def source(kind: str = "html", language: str = "ru") -> Source:
    return Source(id="cs", kind=kind, url="https://example.org/news", interval=60.0, language=language,
                  link_selector="a")


def test_labels_map_as_browsers_map_them() -> None:
    assert codec_name("GB2312") == codec_name("GBK") == "gb18030"
    assert codec_name("windows-1251") == "cp1251"
    assert codec_name("ISO-8859-1") == "cp1252"
    assert codec_name("no-such-charset") is None


@pytest.mark.parametrize(
    ("body", "content_type", "how"),
    [
        (page(RU).encode("cp1251"), "text/html; charset=windows-1251", "header"),
        (page(RU, '<meta charset="windows-1251">').encode("cp1251"), "text/html", "document"),
        (page(RU, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">').encode("koi8_r"),
         None, "document"),
        (page(RU).encode("cp1251"), "text/html", "sniffed"),
        (page(RU).encode("koi8_r"), None, "sniffed"),
    ],
)
def test_russian_pages(body: bytes, content_type: str | None, how: str) -> None:
    decoded = decode(body, content_type)
    assert decoded.how == how
    assert RU in decoded.text


@pytest.mark.parametrize(
    ("body", "content_type", "how"),
    [
        (page(ZH, '<meta charset="gb2312">').encode("gbk"), "text/html", "document"),
        (page(ZH).encode("gb18030"), "text/html; charset=GBK", "header"),
        (page(ZH).encode("gbk"), None, "sniffed"),
    ],
)
def test_chinese_pages(body: bytes, content_type: str | None, how: str) -> None:
    decoded = decode(body, content_type)
    assert decoded.how == how
    assert ZH in decoded.text


def test_a_declaration_that_does_not_decode_is_not_trusted() -> None:
    utf8 = decode(page(RU).encode("cp1251"), "text/html; charset=utf-8")  # not UTF-8: sniffed instead
    assert utf8.how == "sniffed" and RU in utf8.text


def test_articles_come_out_as_unicode() -> None:
    ru = parse_article(source(), "https://example.org/a", decode(page(RU).encode("cp1251")).text, utcnow())
    assert ru is not None and RU.strip() in ru.document.text
    assert ru.document.title == RU[:12].strip()
    zh = parse_article(source(language="zh"), "https://example.org/b",
                       decode(page(ZH, '<meta charset="gbk">').encode("gbk")).text, utcnow())
    assert zh is not None and ZH.strip() in zh.document.text


@pytest.mark.parametrize(("codec", "declared"), [("cp1251", True), ("cp1251", False), ("gb18030", True),
                                                  ("gbk", False), ("koi8_r", True)])
def test_feeds_in_legacy_charsets(codec: str, declared: bool) -> None:
    text = ZH if codec.startswith("g") else RU
    prolog = f'<?xml version="1.0" encoding="{codec}"?>' if declared else '<?xml version="1.0"?>'
    feed = f"""{prolog}<rss version="2.0"><channel><title>x</title><item><guid>1</guid>
<title>{text[:20]}</title><description>{text}</description></item></channel></rss>"""
    [entry] = parse_feed(source("rss"), feed.encode(codec), max_entries=5, content_type="text/xml")
    assert entry.document.title == text[:20].strip()
    assert entry.document.text == text.strip()


def test_internal_subsets_are_dropped_in_linear_time() -> None:
    import time

    from watchers.charset import drop_internal_subset

    netscape = '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape" "http://x/rss-0.91.dtd"><rss/>'
    assert drop_internal_subset(netscape) == netscape  # an external DTD reference stays (never fetched)
    bomb = '<?xml version="1.0"?><!doctype rss [<!ENTITY a "b">\n]>\n<rss>&a;</rss>'
    assert drop_internal_subset(bomb) == '<?xml version="1.0"?>\n<rss>&a;</rss>'
    started = time.perf_counter()
    assert drop_internal_subset("<!DOCTYPE x [" * 500_000) == ""  # unclosed: nothing of it is kept
    assert time.perf_counter() - started < 1.0
