"""Feed entries as a new user's feeds carry them. Three faults:

- an RSS description with inline HTML but no paragraph ("… lobte <b>die Einigung</b>",
  "Satz.<br>Satz.", "&amp;", an image before the text) was read as plain text, so its tags
  and entities were article text (and shown, searched and exported as such);
- a title of type HTML ("&lt;em&gt;Senat&lt;/em&gt;", a doubly escaped "&amp;amp;") kept
  its markup;
- an impossible date that feedparser rolls over ("2025-13-45" is 1 January 2026) was stored
  as that other date without a warning; it is now kept as raw text with W002, as the same
  string is in JSON Lines.
All sentences are written for this test."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from lagebild.ingest import read_paths
from lagebild.ingest.readers import IngestFailure


def _rss(tmp_path: Path, description: str, *, title: str = "Meldung", date: str = "Tue, 04 Mar 2025 10:00:00 GMT",
         cdata: bool = False) -> Path:
    body = f"<![CDATA[{description}]]>" if cdata else escape(description)
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>{title}</title><link>http://f.example/1</link><pubDate>{date}</pubDate>"
        f"<description>{body}</description></item></channel></rss>", encoding="utf-8")
    return path


def _one(path: Path):
    (item,) = list(read_paths([path]))
    assert not isinstance(item, IngestFailure), item.reason
    return item


# (construction, description as the outlet writes it (HTML), the text expected)
BODIES = [
    ("line breaks", "Der Stadtrat von Celle tagte am Montag.<br>Er vertagte die Wahl.<br/>Die Opposition protestierte.",
     "Der Stadtrat von Celle tagte am Montag. Er vertagte die Wahl. Die Opposition protestierte."),
    ("inline bold and link", 'Die Ministerin von Island lobte am Montag <b>die Einigung</b> mit <a href="http://x">Norwegen</a>.',
     None),
    ("an entity only", "Der Verband warnte am Montag vor Streiks &amp; Engpässen.",
     "Der Verband warnte am Montag vor Streiks & Engpässen."),
    ("a numeric reference", "Der Senat &#8211; so der Sprecher &#8211; stimmte am Montag zu.",
     "Der Senat – so der Sprecher – stimmte am Montag zu."),
    ("an image before the text", '<img src="http://x/a.jpg"> Der Gouverneur von Ohio besuchte am Montag Dayton.',
     "Der Gouverneur von Ohio besuchte am Montag Dayton."),
    ("paragraphs", "<p>Der Landtag tagte am Montag.</p><p>Er beschloss das Gesetz.</p>",
     "Der Landtag tagte am Montag.\n\nEr beschloss das Gesetz."),
]


@pytest.mark.parametrize("cdata", [False, True], ids=["escaped", "cdata"])
@pytest.mark.parametrize("construction,description,expected", BODIES, ids=[b[0] for b in BODIES])
def test_an_html_description_is_read_as_html(construction, description, expected, cdata, tmp_path):
    item = _one(_rss(tmp_path, description, cdata=cdata))
    assert "<" not in item.text and "&amp;" not in item.text and "&#" not in item.text, (construction, item.text)
    if expected is not None:
        assert item.text == expected, construction
    else:
        assert "die Einigung" in item.text and "Norwegen" in item.text, construction


def test_a_plain_description_keeps_its_paragraphs(tmp_path):
    item = _one(_rss(tmp_path, "Der Kreistag tagte am Montag.\n\nEr lehnte den Antrag ab."))
    assert item.text == "Der Kreistag tagte am Montag.\n\nEr lehnte den Antrag ab."


def test_escaped_markup_inside_the_html_is_text(tmp_path):
    """Doubly escaped, a tag is what the author wrote as text (a quoted code sample)."""
    item = _one(_rss(tmp_path, "Der Bot schrieb &lt;b&gt; in den Chat des Rathauses."))
    assert item.text == "Der Bot schrieb <b> in den Chat des Rathauses."


@pytest.mark.parametrize("title,expected", [
    ("Minister &amp;amp; Gewerkschaft einigen sich", "Minister & Gewerkschaft einigen sich"),
    ("Zoll &#8211; Streit", "Zoll – Streit"),
    ("&lt;em&gt;Senat&lt;/em&gt; stimmt zu", "Senat stimmt zu"),
    ("Ein Titel ohne alles", "Ein Titel ohne alles"),
], ids=["double escaped ampersand", "numeric reference", "emphasis tag", "plain"])
def test_an_rss_title_is_text(title, expected, tmp_path):
    item = _one(_rss(tmp_path, "Der Kreistag tagte am Montag in Verden.", title=title))
    assert item.title == expected


def test_an_atom_title_of_type_html_is_text_and_of_type_text_stays(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        '<entry><title type="html">&lt;em&gt;Senat&lt;/em&gt; stimmt zu</title><id>urn:a:1</id>'
        '<updated>2025-03-02T10:00:00Z</updated><content>Der Senat von Bremen stimmte am Donnerstag zu.</content></entry>'
        '<entry><title type="text">a &lt; b gilt</title><id>urn:a:2</id>'
        '<updated>2025-03-02T10:00:00Z</updated><content>Der Rat von Verden stimmte am Montag zu.</content></entry>'
        "</feed>", encoding="utf-8")
    titles = [i.title for i in read_paths([path])]
    assert titles == ["Senat stimmt zu", "a < b gilt"]


# (the date as the feed writes it, the date stored or None with W002)
DATES = [
    ("2025-13-45", None),  # month 13: feedparser made it 1 January 2026
    ("2025-02-30", None),
    ("31.02.2025", None),
    ("Tue, 01 Mar 16 10:00:00 GMT", "2016-03-01"),  # a form only feedparser reads
    ("2025-03-04T10:00:00Z", "2025-03-04"),
]


@pytest.mark.parametrize("value,stored", DATES, ids=[d[0] for d in DATES])
def test_an_impossible_feed_date_is_not_rolled_over(value, stored, tmp_path):
    item = _one(_rss(tmp_path, "Der Kreistag tagte in Verden.", date=value))
    assert item.published == stored, value
    if stored is None:
        assert any(w.startswith("[W002]") and value in w for w in item.warnings), item.warnings
