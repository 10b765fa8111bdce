"""Stable, content-based document ids: the same article always gets the same id."""
from __future__ import annotations

import hashlib
import unicodedata
from typing import Optional


def content_id(text: str, title: Optional[str] = None) -> str:
    """16 hex digits of SHA-1 over the whitespace-normalised title and text.

    Whitespace and Unicode normalisation differences (a re-saved file, CRLF) don't change
    the id; any change of wording does.
    """
    norm = " ".join(unicodedata.normalize("NFC", f"{title or ''}\n{text}").split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]
