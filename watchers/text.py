"""Plain text out of HTML, safely (the standard library's tokenizer; nothing is executed or fetched).

Block elements (p, div, li, headings, br, table rows...) become line breaks, so paragraphs stay on
lines of their own; runs of whitespace inside a paragraph collapse to one space as a browser shows
them; script, style and similar elements are dropped with their content; entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title",
})
_SPACES = re.compile(r"[ \t\r\f\v]+|\n")
_LINE_SPACES = re.compile(r"[ \t\r\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment, one paragraph per line."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return tidy_lines("".join(collector.parts))


def tidy_lines(text: str) -> str:
    """Strip each line, collapse inner spaces, drop empty lines."""
    lines = (_LINE_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);", text))
