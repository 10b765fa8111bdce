"""A feed entry's publication date is the outlet's own calendar day, the same day that the
same timestamp gives in JSON Lines or an HTML meta tag. feedparser's ``published_parsed``
is converted to UTC, so "Tue, 01 Mar 2016 23:30:00 -0500" (an evening in New York) was
stored as 2 March and "Wed, 02 Mar 2016 08:00:00 +1100" (a morning in Sydney) as 1 March,
while the JSON Lines record with the same string said 1 and 2 March."""
import json
from pathlib import Path

import pytest

from lagebild.ingest import read_paths

BODY = "Die Regierung in Kyiv lehnte den Vorschlag aus Moskau ab und forderte Garantien."

# (feed element, the date string as the feed writes it, the outlet's calendar day)
CASES = [
    ("pubDate", "Tue, 01 Mar 2016 23:30:00 -0500", "2016-03-01"),  # evening west of UTC
    ("pubDate", "Wed, 02 Mar 2016 08:00:00 +1100", "2016-03-02"),  # morning east of UTC
    ("pubDate", "Tue, 01 Mar 2016 10:00:00 GMT", "2016-03-01"),  # UTC itself
    ("pubDate", "Tue, 01 Mar 2016 23:59:59 EST", "2016-03-01"),  # a named US zone
    ("dc:date", "2016-03-01T22:00:00-08:00", "2016-03-01"),  # ISO with an offset
    ("pubDate", "Tue, 01 Mar 2016", "2016-03-01"),  # no time at all
]


def _rss(tag: str, value: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>T</title><item><title>Meldung</title><link>https://example.org/1</link>"
        f"<{tag}>{value}</{tag}><description>{BODY}</description></item></channel></rss>"
    ).encode()


def _atom(value: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f'<entry><title>Meldung</title><link href="https://example.org/1"/><id>urn:x:1</id>'
        f"<published>{value}</published><updated>{value}</updated><content>{BODY}</content></entry></feed>"
    ).encode()


@pytest.mark.parametrize("tag,value,day", CASES, ids=[c[1] for c in CASES])
def test_rss_date_is_the_outlets_day_as_in_jsonl(tmp_path: Path, tag: str, value: str, day: str):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_rss(tag, value))
    jsonl = tmp_path / "same.jsonl"
    jsonl.write_text(json.dumps({"text": BODY, "published": value}) + "\n", encoding="utf-8")
    (from_feed,) = list(read_paths([feed]))
    (from_jsonl,) = list(read_paths([jsonl]))
    assert from_feed.published == day, (value, from_feed.published)
    assert from_feed.published == from_jsonl.published
    assert from_feed.published_raw == value


@pytest.mark.parametrize("value,day", [
    ("2016-03-01T23:30:00-05:00", "2016-03-01"),
    ("2016-03-02T06:00:00+09:00", "2016-03-02"),
])
def test_atom_date_is_the_outlets_day(tmp_path: Path, value: str, day: str):
    feed = tmp_path / "feed.atom"
    feed.write_bytes(_atom(value))
    (item,) = list(read_paths([feed]))
    assert item.published == day


def test_a_form_only_feedparser_reads_still_gives_a_date(tmp_path: Path):
    # an RFC 822 date with a two-digit year: parse_date finds no date in it, feedparser does
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_rss("pubDate", "Tue, 01 Mar 16 10:00:00 GMT"))
    (item,) = list(read_paths([feed]))
    assert item.published == "2016-03-01"


def test_analyze_of_a_feed_prints_the_outlets_day(tmp_path: Path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    feed = tmp_path / "feed.xml"
    feed.write_bytes(_rss("pubDate", "Tue, 01 Mar 2016 23:30:00 -0500"))
    result = CliRunner().invoke(app, ["analyze", str(feed), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["published"] == "2016-03-01"
