"""Speech-verb frames (lagebild.language.speech): loading, validation, coverage of the verb
lexicons, and the content-argument classifier on hand-built Docs."""
from __future__ import annotations

import pytest

from lagebild.errors import DataFileError
from lagebild.language import speech
from lagebild.statements.lexicon import statement_lexicon


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_speech_verb_lemma_has_a_frame(lang):
    frames = speech.speech_frames(lang)
    lemmas = set(statement_lexicon(lang).verbs_by_lemma)
    assert lemmas and not (lemmas - set(frames)), sorted(lemmas - set(frames))


def test_frame_contents():
    assert speech.frame_for("de", "kritisieren").content >= {"clause", "quote", "kj1"}
    assert "bare" not in speech.frame_for("de", "kritisieren").content  # "kritisierte Selenskyj"
    bestehen = speech.frame_for("de", "bestehen")
    assert bestehen.correlate == "darauf" and bestehen.correlate_required
    assert speech.frame_for("en", "tell").addressee == ("obj", "iobj")
    assert speech.frame_for("fr", "dire") is None


@pytest.mark.parametrize(
    "row,message",
    [
        ("sagen\tquote,speech\t\t\t\t\t", "content kind"),
        ("sagen\tquote\t\t\tmaybe\t\t", "correlate_required"),
        ("sagen\tquote\t\t\tyes\t\t", "without a correlate"),
    ],
)
def test_bad_frame_rows_name_file_and_line(tmp_path, monkeypatch, row, message):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "speech_frames.tsv").write_text(
        "# comment\nlemma\tcontent\taddressee\tcorrelate\tcorrelate_required\ttopic\tnote\n" + row + "\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(speech, "data_path", lambda *p: tmp_path.joinpath(*p))
    speech.speech_frames.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            speech.speech_frames("xx")
        assert "speech_frames.tsv" in str(err.value) and "line 3" in str(err.value) and message in str(err.value)
    finally:
        speech.speech_frames.cache_clear()


def test_duplicate_lemma_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "speech_frames.tsv").write_text(
        "lemma\tcontent\nsagen\tquote\nsagen\tclause\n", encoding="utf-8"
    )
    monkeypatch.setattr(speech, "data_path", lambda *p: tmp_path.joinpath(*p))
    speech.speech_frames.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 3"):
            speech.speech_frames("xx")
    finally:
        speech.speech_frames.cache_clear()


@pytest.mark.parametrize(
    "lang,words,tags,kind",
    [
        ("de", ["dass", "die", "Lage", "stabil", "ist"], ["KOUS", "ART", "NN", "ADJD", "VAFIN"], "clause"),
        ("de", ["wo", "die", "Front", "verläuft"], ["PWAV", "ART", "NN", "VVFIN"], "clause"),
        ("de", ["Selenskyj"], ["NE"], None),
        ("de", ["über", "Flugabwehr"], ["APPR", "NN"], None),
        ("en", ["he", "would", "resign"], ["PRP", "MD", "VB"], "bare"),
        ("en", ["want", "a", "lower", "cap"], ["VBP", "DT", "JJR", "NN"], None),
        ("en", ["to", "help", "Kyiv"], ["TO", "VB", "NNP"], "inf"),
    ],
)
def test_content_kind(make_doc, lang, words, tags, kind):
    doc = _tagged(make_doc(lang, words, pos=[_pos(t) for t in tags]), tags)
    assert speech.content_kind(doc, 0, len(doc.text)) == kind


def _tagged(doc, tags):
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    return doc


def _pos(tag: str) -> str:
    return {
        "KOUS": "SCONJ", "ART": "DET", "NN": "NOUN", "ADJD": "ADJ", "VAFIN": "AUX", "PWAV": "ADV",
        "VVFIN": "VERB", "NE": "PROPN", "APPR": "ADP", "PRP": "PRON", "MD": "AUX", "VB": "VERB",
        "VBP": "VERB", "DT": "DET", "JJR": "ADJ", "TO": "PART", "NNP": "PROPN",
    }[tag]


def test_content_kind_konjunktiv_one_from_morphology(make_doc):
    doc = make_doc("de", ["die", "Lage", "sei", "stabil"], pos=["DET", "NOUN", "AUX", "ADJ"],
                   morphs=["", "", "Mood=Sub|VerbForm=Fin", ""])
    assert speech.content_kind(doc, 0, len(doc.text)) == "kj1"
