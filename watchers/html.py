"""The `html` kind: a listing page, article links by CSS selector, each new article reduced to its text.

Catalogue keys: ``link_selector`` (required: the article links on the listing page, e.g.
``"a.news-item"``), ``content_selector`` (optional: the article body; else the heuristic below) and
``title_selector`` (optional; else ``og:title``, the first ``h1``, then ``<title>``).

Parsing is selectolax (the Lexbor engine: a real HTML5 parser with CSS selectors, C speed). The main
text is the element with the most paragraph text: each ``p`` (and ``div``/``td`` holding only text)
adds its text length to its parent, the parent with the highest total wins, after dropping script,
style, navigation, header, footer, aside and forms. An ``article``, ``main`` or ``[itemprop=articleBody]``
element is preferred when it holds most of that text. Only links the seen-store does not know are
fetched, at most ``max_articles`` per poll (the rest wait for the next one); a failing article is
logged and retried on the next poll. Listing pages re-render often, so a listing's changed bytes are
not a revision: an article already seen is not fetched again.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.errors import SourceError
from service.models import Document, utcnow
from watchers.charset import decode
from watchers.fetch import Validators
from watchers.kinds import Harvest, ReadContext
from watchers.rss import Entry
from watchers.sources import Source
from watchers.text import html_to_text, tidy_lines
from watchers.urls import canonical_url

log = logging.getLogger("corridor_watch.watch")
DROP = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg"
PREFERRED = "[itemprop=articleBody], article, main, [role=main]"
MAX_BLOCKS = 5000  # blocks scored per page: a hostile page of nested divs cannot make this quadratic
DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate", "date", "dc.date")


def article_links(source: Source, markup: str, base_url: str, limit: int) -> list[str]:
    """Canonical article URLs the listing's `link_selector` points at, page order, no duplicates."""
    tree = LexborHTMLParser(markup)
    selector = str(source.options.get("link_selector") or "a")
    links: list[str] = []
    for node in tree.css(selector):
        anchor = node if node.tag == "a" else node.css_first("a[href]")
        href = (anchor.attributes.get("href") if anchor is not None else None) or ""
        url = canonical_url(href, base_url)
        # a web page never makes us read a local file: file: links only from a file: listing
        local_ok = base_url.startswith("file:")
        if url and (local_ok or not url.startswith("file:")) and url not in links and url != canonical_url(base_url):
            links.append(url)
    return links[:limit]


def parse_article(source: Source, url: str, markup: str, fetched_at: datetime) -> Entry | None:
    """One article page as a Document; None when it has no text."""
    tree = LexborHTMLParser(markup)
    title = _title(tree, source)
    published = _published(tree)
    for node in tree.css(DROP):
        node.decompose()
    body = _main(tree, source)
    text = tidy_lines(html_to_text(body.html or "")) if body is not None else ""
    if not text:
        return None
    document = Document(
        id=Document.make_id(source.id, url), source_id=source.id, url=url, title=title,
        published_at=published or fetched_at, fetched_at=fetched_at, language=source.language or "en",
        text=text, content_hash=Document.hash_content(title, text),
    )
    return Entry(url, document, undated=published is None)


def _title(tree: LexborHTMLParser, source: Source) -> str:
    selector = source.options.get("title_selector")
    node = tree.css_first(str(selector)) if selector else None
    if node is None:
        meta = tree.css_first('meta[property="og:title"]')
        if meta is not None and meta.attributes.get("content"):
            return " ".join(str(meta.attributes["content"]).split())
        node = tree.css_first("h1") or tree.css_first("title")
    return " ".join(node.text(separator=" ").split()) if node is not None else ""


def _published(tree: LexborHTMLParser) -> datetime | None:
    values = [node.attributes.get("content") for node in tree.css("meta[property], meta[name]")
              if str(node.attributes.get("property") or node.attributes.get("name") or "").lower() in DATE_META]
    values += [node.attributes.get("datetime") for node in tree.css("time[datetime]")]
    for value in values:
        try:
            parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=utcnow().tzinfo)
    return None


def _main(tree: LexborHTMLParser, source: Source) -> LexborNode | None:
    selector = source.options.get("content_selector")
    if selector:
        return tree.css_first(str(selector))
    scores: dict[int, tuple[int, LexborNode]] = {}
    for node in tree.css("p, pre, blockquote, td, div")[:MAX_BLOCKS]:
        if node.tag in ("div", "td") and node.css_first("p, div, table") is not None:
            continue  # a container, not a paragraph: its paragraphs count for it
        parent = node.parent
        if parent is None:
            continue
        length = len(node.text(strip=True))
        total, _ = scores.get(parent.mem_id, (0, parent))
        scores[parent.mem_id] = (total + length, parent)
    if not scores:
        return tree.body
    best_score, best = max(scores.values(), key=lambda item: item[0])
    for preferred in tree.css(PREFERRED):
        if len(preferred.text(strip=True)) >= best_score:
            return preferred if best_score > 0 else best
    return best


async def read_html(source: Source, ctx: ReadContext, validators: Validators) -> Harvest:
    listing = await ctx.fetcher.get(source.id, source.url, validators)
    if listing.not_modified:
        return Harvest(None, listing.validators, listing.max_age)
    markup = decode(listing.body, listing.content_type).text
    links = await asyncio.to_thread(article_links, source, markup, source.url, ctx.settings.max_entries)
    if not links:
        raise SourceError(source.id, f"no article links match {source.options.get('link_selector')!r}")
    unseen = await ctx.unseen(links)
    entries, failures = await _articles(source, ctx, unseen[: ctx.settings.max_articles])
    # Articles left for later (over the per-poll bound, or failed) must not hide behind a 304 next time.
    complete = not failures and len(unseen) <= ctx.settings.max_articles
    return Harvest(entries, listing.validators if complete else Validators(), listing.max_age, tuple(links))


async def _articles(source: Source, ctx: ReadContext, urls: list[str]) -> tuple[list[Entry], int]:
    """The new articles in listing order (newest first, as listings are) and the number that failed
    (logged, skipped, retried on the next poll)."""
    entries: list[Entry] = []
    failed: list[str] = []
    for url in urls:
        try:
            page = await ctx.fetcher.get(source.id, url)
        except SourceError as exc:
            failed.append(f"{url}: {exc.reason}")
            continue
        entry = await asyncio.to_thread(parse_article, source, url, decode(page.body, page.content_type).text,
                                        utcnow())
        if entry is None:
            failed.append(f"{url}: no text found")
        else:
            entries.append(entry)
    if failed:
        log.warning("[watch] %s: %d of %d new articles failed (retried next poll): %s", source.id, len(failed),
                    len(urls), "; ".join(failed)[:500])
        if not entries:
            raise SourceError(source.id, f"every new article failed: {failed[0]}")
    return entries, len(failed)
