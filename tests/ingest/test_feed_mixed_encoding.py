"""A UTF-8 feed with one entry in a legacy encoding (a Latin-1 item pasted in): every entry
keeps its characters, and each says so (W167). Before, feedparser read the whole feed as
Windows-1252, so the UTF-8 entries' emoji, dashes and quotation marks became mojibake
("ðŸ”¥", "â€ž") without a warning."""
from pathlib import Path

import pytest

from lagebild.ingest import read_paths

UTF8_BODY = "„Wir bauen weiter“ – sagte die Werftchefin in Papenburg am Montag 🚢."
LEGACY_BODY = "Der Gemeinderat von Überlingen beschloss höhere Gebühren für Kurgäste."


def _feed(declaration: str, legacy: str) -> bytes:
    head = f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>Gemischt</title>'.encode()
    items = [
        ("Werft", UTF8_BODY.encode("utf-8")),
        ("Gebühren", LEGACY_BODY.encode(legacy)),
    ]
    body = b"".join(
        b"<item><title>" + t.encode("utf-8") + b"</title><link>https://example.org/" + str(i).encode()
        + b"</link><description>" + d + b"</description></item>" for i, (t, d) in enumerate(items)
    )
    return head + body + b"</channel></rss>"


@pytest.mark.parametrize("declaration", [' encoding="utf-8"', ' encoding="UTF-8"', ""], ids=["utf-8", "UTF-8", "none"])
@pytest.mark.parametrize("legacy", ["latin-1", "cp1252"])
def test_mixed_entries_keep_their_characters(tmp_path: Path, declaration, legacy):
    path = tmp_path / "feed.xml"
    path.write_bytes(_feed(declaration, legacy))
    first, second = list(read_paths([path]))
    assert first.text == UTF8_BODY
    assert second.text == LEGACY_BODY
    for article in (first, second):
        assert any(w.startswith("[W167]") for w in article.warnings), article.warnings


def test_clean_utf8_feed_has_no_warning(tmp_path: Path):
    path = tmp_path / "feed.xml"
    path.write_bytes(_feed(' encoding="utf-8"', "utf-8"))
    for article in read_paths([path]):
        assert not any(w.startswith("[W167]") for w in article.warnings)


def test_declared_latin1_feed_is_left_to_its_declaration(tmp_path: Path):
    path = tmp_path / "feed.xml"
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>T</title><item>'
        f"<title>Kurort</title><link>https://example.org/k</link><description>{LEGACY_BODY}</description>"
        "</item></channel></rss>"
    ).encode("latin-1")
    path.write_bytes(data)
    (article,) = list(read_paths([path]))
    assert article.text == LEGACY_BODY and not any(w.startswith("[W167]") for w in article.warnings)
