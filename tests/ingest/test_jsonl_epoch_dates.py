"""JSON Lines from scrapers and APIs often give ``published`` as a Unix time. It was
"[W002] Unparseable publication date '1740787200'" and the document had no date; it is now
that time's UTC day, with a W152 note saying how it was read. A number of eight digits is
a date's digits, as the module documents (``20250419`` was W002 too). An invalid JSON line's E008
said "Invalid control character at" and stopped there: it now names the column."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.ingest import read_paths
from lagebild.ingest.readers import IngestFailure

TEXT = "Der Kreistag von Verden vertagte am Montag die Wahl des Landrats."


@pytest.mark.parametrize("value,day", [
    (1740787200, "2025-03-01"),  # seconds
    (1740787200123, "2025-03-01"),  # milliseconds
    (1740787200.5, "2025-03-01"),  # seconds with a fraction
    (1000000000, "2001-09-09"),  # the first ten-digit second
    (20250419, "2025-04-19"),  # a date's digits, as before
    ("1740787200", None),  # a string of digits is no number: not guessed
    (2025, None),  # a year alone is no day
    (20251345, None),  # digits of no date: W002 as before
], ids=["seconds", "milliseconds", "fraction", "first ten digits", "yyyymmdd", "string", "year", "month 13"])
def test_a_unix_time_is_its_utc_day(value, day, tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": value}) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert item.published == day, value
    noted = [w for w in item.warnings if w.startswith("[W152]") and "Unix time" in w]
    assert bool(noted) == (day is not None and value != 20250419), item.warnings


def test_an_invalid_line_names_its_column(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "Zeile mit\nUmbruch"}\n')
    items = list(read_paths([path]))
    reasons = [i.reason for i in items if isinstance(i, IngestFailure)]
    assert reasons and reasons[0].startswith("[E008]") and "column " in reasons[0], reasons
    assert not reasons[0].rstrip().endswith(" at"), reasons[0]
