"""The opt-in German triggers derived from broad sources (issue 9, session 22):
``data/events/extra/patterns_de_broad.tsv`` (reviewed translations of CAMEO.2.0.txt verb
lines, added with the events component's ``patterns_path``) and ``discards_de_broad.tsv``
(rejected candidates with reasons)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from grid_rows import check_root_grid, read_grid
from lagebild.datafiles import data_path, iter_tsv

ROOT = Path(__file__).resolve().parents[2]
CAMEO_VERBS = ROOT.parent / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"
BROAD = data_path("events", "extra", "patterns_de_broad.tsv")
NOTE = re.compile(r"^CAMEO\.2\.0\.txt:(\d+) ([^\s;]+)")


def broad_rows():
    return list(iter_tsv(BROAD, required=("trigger", "code")))


def test_every_row_names_its_cameo_line():
    rows = broad_rows()
    assert len(rows) >= 50
    for row in rows:
        assert NOTE.match(row["note"] or ""), f"{row['trigger']}: note must start with 'CAMEO.2.0.txt:<line> <VERB>'"


@pytest.mark.skipif(not CAMEO_VERBS.is_file(), reason="../shared/data/petrarch2/CAMEO.2.0.txt not present")
def test_row_code_is_the_code_of_its_cameo_line():
    """Each row's code is the code CAMEO.2.0.txt gives the English verb (or pattern) on the
    line its note names: the verb's own [code] or its block's."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from derive_lexicon_candidates import cameo_line_code

    lines = CAMEO_VERBS.read_text(encoding="utf-8", errors="replace").splitlines()
    for row in broad_rows():
        number, english = NOTE.match(row["note"]).groups()
        verb, code = cameo_line_code(lines, int(number))
        assert code == row["code"], f"{row['trigger']}: CAMEO.2.0.txt:{number} ({verb}) codes {code}, row {row['code']}"
        if not verb.startswith("-"):
            assert verb == english, f"{row['trigger']}: CAMEO.2.0.txt:{number} is {verb}, note says {english}"


def test_broad_rows_are_new_triggers_and_not_loaded_by_default():
    """The file is opt-in: the shipped lexicon does not load it, and none of its triggers
    is a shipped trigger (so adding it never changes a hand-written reading)."""
    from lagebild.events.patterns import load_patterns

    index = load_patterns("de")
    assert not any("patterns_de_broad" in (p.origin or "") for p in index.patterns())
    for row in broad_rows():
        assert row["trigger"].lower() not in index, row["trigger"]


@pytest.fixture(scope="module")
def nlp_broad():
    """The German pipeline with the file added through the events component's
    ``patterns_path``; the shared cached pipeline gets its default component back after."""
    from lagebild.pipeline import load

    nlp = load("de")
    nlp.replace_pipe("lagebild_events", "lagebild_events", config={"patterns_path": str(BROAD)})
    try:
        yield nlp
    finally:
        nlp.replace_pipe("lagebild_events", "lagebild_events")


def test_added_triggers_get_their_forms(nlp_broad):
    """Patterns added with ``patterns_path`` get the inflected forms of their verbs (the
    irregular 'überflog' of an added 'überfliegen') and their nouns count as noun triggers."""
    lex = nlp_broad.get_pipe("lagebild_events").coder.lex
    assert lex.forms.get("überflog") == "überfliegen"
    assert "zusammenstoß" in lex.nominal_triggers


def test_discards_are_not_triggers_of_the_broad_file():
    discards = {r["lemma"].lower() for r in iter_tsv(data_path("events", "extra", "discards_de_broad.tsv"), required=("lemma", "reason"))}
    assert discards and all(r["reason"] for r in iter_tsv(data_path("events", "extra", "discards_de_broad.tsv"), required=("lemma", "reason")))
    assert not discards & {r["trigger"].lower() for r in broad_rows()}


def test_broad_lexicon_grid_de(nlp_broad):
    rows = read_grid("broad_lexicon_grid_de.tsv")
    assert len(rows) >= 40

    def events_of(doc):  # type: ignore[no-untyped-def]
        actors = {a.id: a.code or a.country for a in doc._.actors}
        return [(actors.get(e.source), actors.get(e.target), e.cameo) for e in doc._.events]

    check_root_grid("broad lexicon grid de", rows, nlp_broad.pipe(r["text"] for r in rows), events_of)


# ---------------------------------------------------------------- the candidate script's readers
def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    import derive_lexicon_candidates

    return derive_lexicon_candidates


def test_cameo_line_code_reads_own_block_and_pattern_codes():
    lines = ["---  SUGGEST   [020]  ---", "ADVISE ", "PROPOSE  [036]", "- * PEACEKEEPING   [0234]   # PROPOSE",
             "# a comment", "---  NAME   [---]  ---", "ELECT "]
    code = _script().cameo_line_code
    assert code(lines, 2) == ("ADVISE", "020")
    assert code(lines, 3) == ("PROPOSE", "036")
    assert code(lines, 4) == ("- * PEACEKEEPING", "0234")
    assert code(lines, 7) == ("ELECT", "---")
    for bad in (1, 5):
        with pytest.raises(ValueError):
            code(lines, bad)


def test_ud_words_key_separable_verbs_with_their_particle(tmp_path):
    conllu = tmp_path / "x.conllu"
    conllu.write_text(
        "# text = Die Regierung lehnte den Plan ab.\n"
        "1\tDie\tder\tDET\t_\t_\t2\tdet\t_\t_\n"
        "2\tRegierung\tRegierung\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
        "3\tlehnte\tlehnen\tVERB\t_\t_\t0\troot\t_\t_\n"
        "4\tden\tder\tDET\t_\t_\t5\tdet\t_\t_\n"
        "5\tPlan\tPlan\tNOUN\t_\t_\t3\tobj\t_\t_\n"
        "6\tab\tab\tADP\t_\t_\t3\tcompound:prt\t_\t_\n"
        "7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n", encoding="utf-8")
    assert list(_script().ud_words(conllu)) == [("Regierung", "NOUN"), ("ablehnen", "VERB"), ("Plan", "NOUN")]


def test_known_uses_the_coders_noun_keys():
    from lagebild.events.patterns import load_patterns

    known = _script().known
    index = load_patterns("de")
    assert known(index, "ablehnen", "VERB")
    assert known(index, "Drohnenangriff", "NOUN")  # a compound of the noun trigger Angriff
    assert not known(index, "Tisch", "NOUN")
