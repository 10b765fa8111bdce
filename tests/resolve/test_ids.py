"""Forecast and event ids typed by users: parsed or refused with a coded error."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.errors import LagebildError
from lagebild.resolve.ids import event_id, forecast_id, parse_id


@given(st.text(alphabet="0123456789abcdef", min_size=1, max_size=16), st.integers(0, 10**6))
def test_ids_roundtrip(doc_id, idx):
    assert parse_id(forecast_id(doc_id, idx), "f") == (doc_id, idx)
    assert parse_id(event_id(doc_id, idx), "e") == (doc_id, idx)


@given(st.text(max_size=40))
def test_any_text_parses_or_gives_a_coded_error(text):
    try:
        doc_id, idx = parse_id(text, "f")
    except LagebildError as e:
        assert str(e).startswith("[E130]")
    else:
        assert forecast_id(doc_id, idx) == text.strip()


@pytest.mark.parametrize("bad", ["", "abc", "abc:f01", "abc:f\u0663", "abc:e1", "abc:f", "abc:f-1", ":f1", "abc:f1:f2", "abc f1"])
def test_bad_forecast_ids(bad):
    with pytest.raises(LagebildError, match="E130"):
        parse_id(bad, "f")
