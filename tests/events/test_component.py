"""The spaCy component ``lagebild_events`` and user pattern files."""
import pytest
import spacy

import lagebild.events.component  # noqa: F401  (registers the factory)
from event_docs import build, triples

P = "PROPN"


def _rows():
    # Russland beschimpft die Ukraine. ("beschimpfen" is 112 in the shipped patterns)
    return [("Russland", 1, "nsubj", P, "Russland"), ("beschimpft", 1, "ROOT", "VERB", "beschimpfen"),
            ("die", 3, "det", "DET", "der"), ("Ukraine", 1, "obj", P, "Ukraine"), (".", 1, "punct", "PUNCT", ".")]


def _doc():
    # the two states with their CAMEO codes, as the actor component gives them (an event in
    # which no actor has a code is dropped in a document without political actors)
    doc = build("de", _rows(), {0: "RUS", 3: "UKR"})
    for a in doc._.actors:
        a.code = a.country = a.id
    return doc


def test_component_fills_doc_events():
    nlp = spacy.blank("de")
    component = nlp.add_pipe("lagebild_events")
    doc = component(_doc())
    assert triples(doc._.events) == [("RUS", "UKR", "112")]
    assert doc._.events[0].plover == "ACCUSE" and doc._.events[0].goldstein == -2.0


@pytest.mark.parametrize(
    "filename,content",
    [
        ("extra.tsv", "trigger\tcode\twords\ttarget\tflags\tnote\nbeschimpfen\t111\t\tobj\t\t\n"),
        ("extra_verbs.txt", "--- BESCHIMPFEN  [111]  ---\nBESCHIMPFEN\n"),
    ],
)
def test_component_user_patterns_win(tmp_path, filename, content):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    nlp = spacy.blank("de")
    component = nlp.add_pipe("lagebild_events", config={"patterns_path": str(path)})
    doc = component(_doc())
    assert [e.cameo for e in doc._.events] == ["111"]


def test_component_bad_pattern_file_names_the_line(tmp_path):
    from lagebild.errors import DataFileError

    path = tmp_path / "bad.tsv"
    path.write_text("trigger\tcode\nangreifen\tABC\n", encoding="utf-8")
    nlp = spacy.blank("de")
    with pytest.raises(DataFileError, match="line 2"):
        nlp.add_pipe("lagebild_events", config={"patterns_path": str(path)})
