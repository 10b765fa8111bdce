"""Actor-code kinds of session 24 (issues 9 and 11): the linker codes what the text itself
says about an actor. Each kind is a general mechanism; its rows are sentences we wrote
(``grid_codes.tsv``), run one by one on the shipped German pipeline so that a failing row
names its construction:

- ``party-office``: an office of state with a party prefix ("ÖVP-Innenministerin X",
  "SPÖ-Bürgermeister X", "die CDU-Kanzlerin") is the state's office of the party's country
  (AUTGOV), not the party (AUTPTY); party roles ("SPÖ-Chef", "ÖVP-Generalsekretär") stay
  the party's (``linking.yaml`` ``party_state_offices``);
- ``person-of``: a person the text gives no role, followed by "von der/vom" and an
  organisation ("sagte X vom Wifo", "Y von der Arbeiterkammer"), speaks for it and takes its
  code (``linking.yaml`` ``person_of``); a place after the words gives nothing;
- ``particle-surname``: a surname that opens with a particle ("de Maizière", "Van den Broek")
  after the full name is the same person, tagged by the entity model or not;
- ``role-noun``: role nouns of unseen 2015-16 news that ``agents.tsv`` lacked
  (Mehrheitsführer, Präfekt, Bezirkshauptmann, Volksanwalt …) and the generic compound head
  Geschäftsführer;
- ``repeated-role``: "Der Sprecher" after "Ein Sprecher der Caritas" is the Caritas again
  (``linking.yaml`` ``definite_det``), "Der Sprecher der Polizei" the police;
- ``shared-name``: a party name several countries share ("Grüne") is no country mark of its
  own, so it no longer makes an Austrian article German.
"""
from __future__ import annotations

import pytest

from lagebild.datafiles import data_path, load_yaml

from .test_code_grid import _rows, _run

KINDS = ("party-office", "person-of", "particle-surname", "role-noun", "repeated-role", "shared-name")
ROWS = [r for r in _rows("de") if r["kind"] in KINDS]


@pytest.fixture(scope="module")
def nlp_full_de():
    from lagebild.pipeline import load

    return load("de")


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['_line']}" for r in ROWS])
def test_row(nlp_full_de, row):
    got = _run(nlp_full_de, row)
    assert got == row["code"], f"[{row['kind']}] {row['word']!r}: got {got}, want {row['code']} -- {row['text']}"


def test_kinds_have_rows():
    for kind in KINDS:
        assert sum(r["kind"] == kind for r in ROWS) >= 5, kind


def test_party_state_offices_are_role_terms():
    """Every listed office is the base term of a German role noun (agents.tsv) or of a
    compound head (compound_roles.tsv), so no entry is dead."""
    from lagebild.actors.kb import load_kb

    kb = load_kb(include_user=False)
    listed = load_yaml(data_path("kb", "linking.yaml"))["party_state_offices"]["de"]
    terms = {n.term.lower() for n in kb.role_nouns if n.lang == "de"}
    terms |= {h.term.lower() for h in kb.compound_heads["de"]}
    assert listed and not [w for w in listed if w.lower() not in terms]


@pytest.mark.parametrize("word,office", [
    ("ÖVP-Innenministerin", True), ("SPÖ-Bürgermeister", True), ("CDU-Kanzlerin", True),
    ("ÖVP-Bundesfinanzministerin", True), ("FPÖ-Landesrat", True),
    ("SPÖ-Chef", False), ("ÖVP-Generalsekretär", False), ("Grünen-Sprecherin", False),
    ("SPÖ-Präsident", False), ("FPÖ-Abgeordneter", False),
])
def test_party_state_office(nlp_de, word, office):
    """The office test alone, on the reading the linker uses: a KB role noun after the
    party prefix where one has the form, else the compound reading (blank pipeline)."""
    linker = nlp_de.get_pipe("lagebild_actors").linker
    tail = word.lower().rpartition("-")[2]
    noun = next((n for n in linker.kb.role_nouns
                 if n.lang == "de" and any(f.lower() == tail for f, _ in n.forms)), None)
    if noun is None:
        noun = linker.compound_role(word)[0]
    assert linker._party_state_office(noun) is office
