"""Publication dates whose reading is not certain: a slash date whose day and month could be
swapped, a timestamp whose time is no time of day, and feedparser's deprecated key mapping.

Before: "02/03/2025" was stored as 3 February with no word that 2 March is the other
reading, "13/03/2025" (only a day/month date) was W002, an Atom or RSS timestamp with hour
25 kept its day silently, and an RSS item with an unreadable pubDate printed feedparser's
DeprecationWarning (``updated`` mapped to ``published``) into the caller's output."""
import warnings
from pathlib import Path

import pytest

from lagebild.ingest import read_paths
from lagebild.ingest.dates import check_date

BODY = "Die Stadtwerke in Passau kündigten am Dienstag neue Tarife für das Fernwärmenetz an."

# (raw, stored day or None, the warning code the document carries or None)
GRID = [
    ("02/03/2025", "2025-02-03", "W165"),  # both orders are days: US reading, warned
    ("11/10/2024", "2024-11-10", "W165"),
    ("13/03/2025", "2025-03-13", None),  # first number over 12: only day/month
    ("03/13/2025", "2025-03-13", None),  # second over 12: only month/day
    ("04/04/2025", "2025-04-04", None),  # day = month: one reading
    ("13/13/2025", None, "W002"),
    ("2025-03-02T25:61:00Z", None, "W002"),  # hour 25, minute 61
    ("2025-03-02T23:60:00+01:00", None, "W002"),  # minute 60
    ("2025-03-02 24:30", None, "W002"),  # 24 only as 24:00
    ("2025-03-02T24:00:00Z", "2025-03-02", None),  # ISO 8601 end of day
    ("2025-03-02T23:59:60Z", "2025-03-02", None),  # a leap second
    ("Sun, 02 Mar 2025 25:10:00 GMT", None, "W002"),  # RFC 822 with hour 25
    ("Sun, 02 Mar 2025 22:10:00 GMT", "2025-03-02", None),
    ("02.03.2025 26:00", None, "W002"),
    ("02.03.2025 16:00", "2025-03-02", None),  # dotted dates are day.month, no warning
    ("March 2, 2025 09:15", "2025-03-02", None),
]


@pytest.mark.parametrize("raw,day,code", GRID, ids=[g[0] for g in GRID])
def test_check_date(raw, day, code):
    checked = check_date(raw)
    assert (checked.value.isoformat() if checked.value else None) == day
    assert (checked.warning[1:5] if checked.warning else None) == code
    assert checked.raw == raw


def _rss(date_element: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Tarife</title>'
        f"<link>https://example.org/p</link>{date_element}<description>{BODY}</description></item>"
        "</channel></rss>"
    ).encode()


def _atom(stamp: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        '<entry><title>Tarife</title><link href="https://example.org/p"/><id>urn:x:p</id>'
        f"<updated>{stamp}</updated><content>{BODY}</content></entry></feed>"
    ).encode()


FEEDS = [
    ("rss-ambiguous", _rss("<pubDate>02/03/2025</pubDate>"), "2025-02-03", "W165"),
    ("rss-day-first", _rss("<pubDate>21/03/2025</pubDate>"), "2025-03-21", None),
    ("rss-hour-25", _rss("<pubDate>Sun, 02 Mar 2025 25:10:00 GMT</pubDate>"), None, "W002"),
    ("atom-hour-25", _atom("2025-03-02T25:61:00Z"), None, "W002"),
    ("atom-fine", _atom("2025-03-02T21:00:00Z"), "2025-03-02", None),
    ("rss-unreadable", _rss("<pubDate>irgendwann im Frühjahr</pubDate>"), None, "W002"),
]


@pytest.mark.parametrize("name,feed,day,code", FEEDS, ids=[f[0] for f in FEEDS])
def test_feed_entry_date(tmp_path: Path, name, feed, day, code):
    path = tmp_path / "feed.xml"
    path.write_bytes(feed)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)  # feedparser's key mapping warns
        (article,) = list(read_paths([path]))
    assert article.published == day
    codes = {w[1:5] for w in article.warnings}
    if code:
        assert code in codes, article.warnings
    assert not ({"W165", "W002"} - {code} & codes), article.warnings
