"""watchers/rss.py: RSS 2.0 and Atom entries into Documents; HTML stripped; bozo feeds; the demo feeds."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from service.errors import SourceError
from service.models import Document
from watchers.rss import Entry, parse_feed
from watchers.sources import Source, file_path, load_catalog
from watchers.text import html_to_text

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_TEXTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts"


def make_source(language: str | None = None) -> Source:
    return Source(id="test-feed", kind="rss", url="https://news.example.org/feed", interval=60.0, language=language)


def parse(name: str, *, source: Source | None = None, max_entries: int = 50) -> list[Entry]:
    return parse_feed(source or make_source(), (FIXTURES / name).read_bytes(), max_entries=max_entries)


def test_rss2_entries() -> None:
    first, second, third = parse("rss_feed.xml")
    doc = first.document
    assert first.key == "news-3"  # the GUID, even when it is no permalink
    assert doc.id == Document.make_id("test-feed", "news-3")
    assert doc.url == "https://news.example.org/horgos-3000"  # fragment dropped
    assert doc.title == "Horgos passes 3,000 trains"
    assert doc.published_at == datetime(2026, 4, 22, 8, 30, tzinfo=UTC)
    assert doc.language == "en"  # from <language>en-US</language>
    assert doc.source_id == "test-feed"
    # content:encoded wins over the summary; tags and scripts go, paragraphs become lines
    assert doc.text == "The Horgos port handled more than 3,000 trains.\nUp 21% year on year.\none\ntwo"
    assert doc.content_hash == Document.hash_content(doc.title, doc.text)
    assert second.key == "https://news.example.org/dostyk-queue"  # no GUID: the link
    assert second.document.text == "Trains waiting at Dostyk: 45.\nDown from 80."
    assert third.document.text == "Plain text description."


def test_atom_entries() -> None:
    first, second = parse("atom_feed.xml")
    assert first.key == "urn:example:altynkol"
    assert first.document.url == "https://rail.example.org/altynkol"
    assert first.document.title == "Алтынколь: рост числа поездов"
    assert first.document.text == "Через Алтынколь прошло 1\u00a0870 поездов.\nВремя оформления — 3,5 часа."
    assert first.document.language == "ru"
    assert first.document.published_at == datetime(2026, 5, 6, 9, 0, tzinfo=UTC)  # only <updated>
    assert second.document.language == "zh"  # the entry's own xml:lang
    assert second.document.published_at == datetime(2026, 4, 30, 16, 0, tzinfo=UTC)  # <published>, in UTC
    assert second.document.text == "前10月通行中欧班列超6500列。"


def test_the_source_language_hint_wins() -> None:
    docs = [e.document for e in parse("atom_feed.xml", source=make_source("en"))]
    assert {d.language for d in docs} == {"en"}


def test_feed_without_items() -> None:
    assert parse("feed_without_items.xml") == []


def test_feed_htmlentities() -> None:
    [entry] = parse("feed_htmlentities.xml")
    assert entry.document.title == 'Kazakhstan & China: "dry port" <update>'
    assert entry.document.text == "Clearance rate > 99\u00a0% at «Nur Zholy» & Khorgos…"
    assert entry.document.url == "https://entities.example.org/a?x=1&y=2"


def test_feed_without_dates(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="corridor_watch.watch")
    fetched_at = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    first, second = parse_feed(make_source(), (FIXTURES / "feed_without_dates.xml").read_bytes(), max_entries=50,
                               fetched_at=fetched_at)
    assert first.document.published_at == fetched_at == second.document.published_at  # the fetch time...
    assert first.undated and second.undated
    assert "2 entries without a usable date; published_at set to the fetch time" in caplog.text  # ...said so
    assert [first.key, second.key][0] == "https://undated.example.org/1"  # feed order kept
    assert second.key.startswith("hash:")  # neither GUID nor link: a hash of the content
    assert second.document.url == "https://news.example.org/feed"
    assert "no usable date" in caplog.text


def test_bozo_feed_keeps_what_parsed(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="corridor_watch.watch")
    entries = parse("bozo_truncated.xml")
    assert entries[0].document.title == "Complete item"
    assert "test-feed: malformed feed" in caplog.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [("bozo_garbage.xml", "not a readable feed"), ("not_a_feed.html", "not an RSS or Atom feed")],
)
def test_no_feed_at_all_is_a_source_error(name: str, reason: str) -> None:
    with pytest.raises(SourceError) as info:
        parse(name)
    assert info.value.source_id == "test-feed"
    assert reason in info.value.reason


def test_a_body_is_never_taken_for_a_file_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes((FIXTURES / "rss_feed.xml").read_bytes())
    with pytest.raises(SourceError):
        parse_feed(make_source(), str(secret).encode(), max_entries=50)


def test_max_entries_takes_the_newest() -> None:
    entries = parse("rss_feed.xml", max_entries=2)
    assert [e.document.title for e in entries] == ["Horgos passes 3,000 trains", "Dostyk queue shortens"]


def test_html_to_text() -> None:
    markup = "<div>a <i>b</i>\n c<br>d</div><style>p{}</style><h2>T&amp;C</h2><p>  x  </p><!-- n -->"
    assert html_to_text(markup) == "a b c\nd\nT&C\nx"


def test_the_demo_feeds_carry_every_corpus_text() -> None:
    demo = [s for s in load_catalog(None) if s.enabled]
    documents = [e.document for s in demo for e in parse_feed(s, file_path(s.url).read_bytes(), max_entries=50)]
    by_stem = {d.url.rsplit("/", 1)[1]: d for d in documents}
    texts = sorted(CORPUS_TEXTS.glob("*.txt"))
    if not texts:
        pytest.skip("corpus not available")
    assert set(by_stem) == {p.stem for p in texts}
    assert "seed_000_en" in by_stem
    for path in texts:
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        doc = by_stem[path.stem]
        lines = (re.sub(r"[ \t]+", " ", line).strip() for line in body.splitlines())
        assert doc.text == "\n".join(line for line in lines if line), path.name
        assert doc.language == meta["lang"]
        assert doc.published_at is not None and doc.published_at.date().isoformat() == meta["published"]
        assert doc.url == f"https://demo.corridor-watch.invalid/{path.stem}"
        assert 0 < len(doc.title) <= 121
