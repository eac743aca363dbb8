"""Canonical URLs: the seen-store key of an entry without a GUID, so one article is one key.

Fragments and tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``yclid``, ``spm``...) go; the
scheme and host are lower-cased; the remaining query keeps its order.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "ysclid", "igshid", "mc_cid", "mc_eid", "spm",
    "_openstat", "from_source", "share_token", "ref_src",
})


def canonical_url(url: str, base: str | None = None) -> str:
    """`url` (relative to `base` when given) without fragment or tracking parameters; "" if not http(s)."""
    url = (url or "").strip()
    if not url:
        return ""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "file"):
        return ""
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not k.lower().startswith("utm_") and k.lower() not in TRACKING]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)  # untouched unless trimmed
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))
