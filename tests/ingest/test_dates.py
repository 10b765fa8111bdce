from datetime import date, datetime, timezone

import pytest

from lagebild.ingest.dates import check_date, parse_date

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("19.04.2025", date(2025, 4, 19)),
        ("05.07.24", date(2024, 7, 5)),
        ("5.7.99", date(1999, 7, 5)),
        ("2025-04-19T10:00:00Z", date(2025, 4, 19)),
        ("18. April 2025", date(2025, 4, 18)),
        ("3. März 2024", date(2024, 3, 3)),
        ("April 18, 2025", date(2025, 4, 18)),
        ("Dec 1 2023", date(2023, 12, 1)),
        ("31.02.2025", None),
        ("gestern", None),
    ],
)
def test_dates_parse(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["19.04.3025", "3025-01-01", "01.01.1492"])
def test_dates_impossible_are_flagged_not_stored(raw):
    checked = check_date(raw, now=NOW)
    assert checked.value is None
    assert checked.raw == raw
    assert checked.warning and checked.warning.startswith("[W001]")


def test_dates_future_after_ingest_is_impossible():
    assert check_date("02.01.2026", now=NOW).value == date(2026, 1, 2)  # one day of slack (time zones)
    assert check_date("05.01.2026", now=NOW).value is None
