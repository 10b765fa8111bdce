"""Continued speech without quotation marks (issue 11, session 30).

A sentence right after a statement of a named speaker that carries no speaker of its own
either goes on with the speaker's words ("… sagte die Bürgermeisterin. Das ist ein teurer
Irrweg.") or is the author's narration again ("… Die Sitzung dauerte bis in die Nacht.").
:mod:`lagebild.language.continuation` tells them apart; the statements layer makes a
continuation a statement of the previous speaker. ``continuation_grid_s30.tsv`` holds our own
two- and three-sentence texts, one test per row so a failing row names its construction
(``kind``); rows with ``expect`` "no" guard the narration cues. The data tests check that
the cue and weight files load, name only known features and report file and line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.datafiles import iter_tsv
from lagebild.errors import DataFileError

GRID = Path(__file__).with_name("continuation_grid_s30.tsv")
ROWS = list(iter_tsv(GRID, required=("kind", "expect", "said", "text")))
KINDS_YES = {"demonstrative-judgement", "evaluative-predicate", "deontic-modal", "impersonal-man",
             "konjunktiv2", "modal-particle", "fragment", "question", "first-person-plural", "chain-second",
             "headline-first-person"}
KINDS_NO = {"praeteritum-narration", "named-subject", "other-actor", "speaker-named-again", "speaker-pronoun",
            "time-word", "own-speech-verb", "source-marker", "chain-stop", "paragraph-break",
            "commentary-author", "author-on-speaker", "particle-position"}


def _continuation(text: str, said: str) -> str:
    """The kind of the statement holding the first sentence after the first one that starts
    with ``said`` when its speaker is the speaker of the statement before it; else "no"."""
    from lagebild.actors.linker import clear_provisional
    from lagebild.pipeline import analyze

    clear_provisional()  # each row is its own corpus
    text = text.replace("\\n", "\n")
    doc = analyze(text, language="de", source="derStandard.at", published="2016-06-01")
    at = doc.text.index(said, doc.text.index(".") + 1)
    before = [s for s in doc.statements if s.span[1] <= at and s.speaker != "author"]
    hit = [s for s in doc.statements if s.span[0] <= at < s.span[1]]
    if not before or not hit or hit[0].speaker != before[-1].speaker:
        return "no"
    return hit[0].kind


def test_grid_covers_every_kind():
    kinds = {r["kind"] for r in ROWS}
    assert kinds == KINDS_YES | KINDS_NO, kinds ^ (KINDS_YES | KINDS_NO)
    assert all((r["expect"] == "no") == (r["kind"] in KINDS_NO) for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['_line']}-{r['kind']}" for r in ROWS])
def test_grid_continuation(row):
    assert _continuation(row["text"], row["said"]) == row["expect"], row["text"]


def test_first_person_continuation_gives_the_event_its_speaker():
    """A first-person subject in a continued sentence is the speaker's actor in events."""
    from lagebild.actors.linker import clear_provisional
    from lagebild.pipeline import analyze

    clear_provisional()
    text = ("Die Lage an der Grenze sei angespannt, sagte der ruritanische Außenminister Pavel Drobnik. "
            "Das ist nicht hinnehmbar. Wir verurteilen den Angriff auf unsere Grenzposten.")
    doc = analyze(text, language="de", source="derStandard.at", published="2016-06-01")
    speaker = next(s.speaker for s in doc.statements if s.text.startswith("Die Lage"))
    at = doc.text.index("Wir verurteilen")
    events = [e for e in doc.events if e.span[0] <= at < e.span[1]] if doc.events else []
    assert any(e.source == speaker for e in events), [(e.source, e.cameo, e.span) for e in doc.events]


def _write(tmp_path: Path, name: str, body: str) -> Path:
    folder = tmp_path / "de"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_data_files_load_and_name_known_features():
    from lagebild.language import continuation as c

    cues = c.cues("de")
    assert set(cues.words) <= set(c.WORD_FEATURES) | set(c.SUBJECT_WORDS)
    m = c.model("de")
    assert m is not None and 0 < m.threshold < 1
    assert set(m.weights) <= set(c.PARSE_FEATURES) | set(c.WORD_FEATURES)
    assert c.model("xx") is None and c.cues("xx").words == {}


@pytest.mark.parametrize("name,body,needle", [
    ("speech_continuation.tsv", "cue\tcase\twords\nnot_a_cue\tlower\tja\n", "unknown cue"),
    ("speech_continuation.tsv", "cue\tcase\twords\nmodal_particle\tupper\tja\n", "case must be"),
    ("speech_continuation_weights.tsv", "feature\tweight\npresent\tviel\n", "no number"),
    ("speech_continuation_weights.tsv", "feature\tweight\nnot_a_feature\t1\n", "unknown feature"),
])
def test_malformed_data_names_file_and_line(tmp_path, monkeypatch, name, body, needle):
    from lagebild.language import continuation as c

    path = _write(tmp_path, name, body)
    monkeypatch.setattr(c, "data_path", lambda lang, n: tmp_path / lang / n)
    c.cues.cache_clear()
    c.model.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            c.cues("de") if name.startswith("speech_continuation.tsv") else c.model("de")
        assert needle in str(err.value) and str(path) in str(err.value) and ":2" in str(err.value) or err.value.line == 2
    finally:
        c.cues.cache_clear()
        c.model.cache_clear()
