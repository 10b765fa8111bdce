"""The Python API as a notebook user calls it: bytes as downloaded, a wrong type, a
language code in capitals, and `help()` on every public name."""
import inspect

import pytest
from hypothesis import given, settings, strategies as st

import lagebild
from lagebild.errors import BadInputError

TEXT = "Russland hat am Montag die Ukraine angegriffen. Kiew sprach von schweren Schäden."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_bytes_are_decoded_as_a_file_would_be(encoding):
    doc = lagebild.analyze(TEXT.encode(encoding), published="2025-04-15")
    assert doc.text.startswith("Russland hat am Montag") and "Schäden" in doc.text
    assert doc.language == "de" and any(e.cameo.startswith("19") for e in doc.events)
    assert lagebild.analyze(bytearray(TEXT.encode("utf-8")), published="2025-04-15").to_dict() == doc.to_dict()


@pytest.mark.parametrize("data, code", [(b"", "E001"), (b"\x00\x01\x02\x03" * 50, "E002"), (b"  \n ", "E001")])
def test_bad_bytes_are_coded_errors(data, code):
    with pytest.raises(BadInputError, match=code):
        lagebild.analyze(data)


@pytest.mark.parametrize("value", [123, 1.5, ["Russland"], {"text": "x"}])
def test_a_wrong_type_is_a_typeerror_naming_it(value):
    with pytest.raises(TypeError, match=type(value).__name__):
        lagebild.analyze(value)


def test_a_language_code_in_capitals_is_the_language():
    assert lagebild.analyze(TEXT, language="DE").language == "de"
    assert lagebild.analyze(TEXT, language=" de ").language == "de"


def test_every_public_name_has_its_own_docstring():
    """`help(lagebild.Event)` showed only the generated signature for five of the classes."""
    for name in lagebild.__all__:
        obj = getattr(lagebild, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        doc = obj.__doc__ or ""
        assert doc and not doc.startswith(f"{name}("), f"{name} has no docstring of its own"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_a_coded_error(data):
    try:
        doc = lagebild.analyze(data, language="de")
    except BadInputError as e:
        assert str(e).startswith(("[E00", "[E15", "[E16"))
    else:
        assert isinstance(doc, lagebild.Document) and doc.text.strip()
