"""Bytes of a page or feed into text: the declared charset first, else a sniffed one.

Order (the HTML standard's, simplified): a byte-order mark; the HTTP ``Content-Type`` charset; the
XML prolog's ``encoding`` or an HTML ``<meta charset>`` / ``http-equiv`` in the first 4 KB. A declared
charset that does not decode the body is ignored (servers lie); then valid UTF-8 is UTF-8, and anything
else is sniffed by charset-normalizer among the charsets this corridor's sites use (windows-1251 and
KOI8-R for Russian, GB18030 (a superset of GBK/GB2312) and Big5 for Chinese, windows-1252).

Labels are mapped as browsers map them: GB2312 and GBK decode as GB18030, ISO-8859-1 and US-ASCII as
windows-1252 (what servers that say so actually send).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

SNIFF_CANDIDATES = ["utf_8", "cp1251", "koi8_r", "gb18030", "big5", "cp1252"]
SNIFF_BYTES = 64 * 1024  # enough to tell the charset; the whole body is then decoded with it
PROLOG_BYTES = 4096
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "x-cp1251": "cp1251", "windows-1251": "cp1251", "koi8r": "koi8_r",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_PROLOG = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
# A DOCTYPE with an internal subset: entity declarations are how "billion laughs" and external-entity
# attacks start, and no feed needs them. Dropped before any parser sees the body (expat's own
# amplification limit is the second line of defence).
_SUBSET_END = re.compile(r"\]\s*>")
PROLOG_SCAN = 64 * 1024  # a DOCTYPE comes before the root element
_META = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    how: str  # "bom", "header", "document", "utf-8" or "sniffed" (or "fallback": UTF-8 with replacements)


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when Python has none by that name."""
    if not label:
        return None
    label = label.strip().lower()
    try:
        return codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None


def declared(body: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """(codec, where) of every charset the response declares, strongest first."""
    found: list[tuple[str, str]] = []
    for bom, name in _BOMS:
        if body.startswith(bom):
            return [(name, "bom")]
    header = _HEADER.search(content_type or "")
    head = body[:PROLOG_BYTES]
    document = _PROLOG.search(head) or _META.search(head)
    for match, where in ((header, "header"), (document, "document")):
        if match is None:
            continue
        raw = match.group(1)
        codec = codec_name(raw.decode("ascii", "replace") if isinstance(raw, bytes) else raw)
        if codec and codec not in (c for c, _ in found):
            found.append((codec, where))
    return found


def decode(body: bytes, content_type: str | None = None) -> Decoded:
    """The body as text (see the module's docstring for the order of evidence)."""
    for codec, where in declared(body, content_type):
        try:
            return Decoded(body.decode(codec), codec, where)
        except UnicodeDecodeError:
            continue
    try:
        return Decoded(body.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    sniffed = sniff(body)
    if sniffed is None:
        return Decoded(body.decode("utf-8", "replace"), "utf-8", "fallback")
    return Decoded(body.decode(sniffed, "replace"), sniffed, "sniffed")


def sniff(body: bytes) -> str | None:
    """The likeliest of `SNIFF_CANDIDATES` for a body that is not UTF-8, or None."""
    best = from_bytes(body[:SNIFF_BYTES], cp_isolation=SNIFF_CANDIDATES).best()
    return codec_name(best.encoding) if best is not None else None


def as_utf8_xml(body: bytes, content_type: str | None) -> tuple[bytes, Decoded]:
    """An XML body re-encoded as UTF-8 with its prolog saying so, for parsers that trust the prolog."""
    decoded = decode(body, content_type)
    text = decoded.text.lstrip("\ufeff")
    text = re.sub(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2", r"\1\2utf-8\2", text, count=1)
    return drop_internal_subset(text).encode("utf-8"), decoded


def drop_internal_subset(text: str) -> str:
    """The text without the first DOCTYPE's internal subset (``<!DOCTYPE x [ ... ]>``), if it has one
    within the prolog. One linear scan: a body of unclosed DOCTYPEs cannot make this quadratic."""
    start = text.find("<!DOCTYPE", 0, PROLOG_SCAN)
    if start < 0:
        start = text[:PROLOG_SCAN].upper().find("<!DOCTYPE")
    if start < 0:
        return text
    bracket, close = text.find("[", start), text.find(">", start)
    if bracket < 0 or 0 <= close < bracket:
        return text  # no internal subset: an external DTD reference is harmless (never fetched)
    end = _SUBSET_END.search(text, bracket)
    return text[:start] + (text[end.end():] if end else "")
