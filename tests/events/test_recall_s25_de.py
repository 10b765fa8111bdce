"""German event recall kinds found by the events audit round s25-recall on unseen news and
the dev-A miss list (issue 9, session 25), each with a grid of own sentences
(``recall_s25_grid_de.tsv``; a failing row names its kind):

* ``adj-source``: a nominal event's country adjective is its source ("die türkische
  Offensive gegen die PKK", "russische Luftangriffe"): ``adj`` in ``syntax.yaml``
  ``nominal_source`` for German, as for English;
* ``adj-guard``: a noun inside a name with the adjective ("Organisation für wirtschaftliche
  Zusammenarbeit") and a war's place ("der syrische Bürgerkrieg", ``adj_place_nouns``) code
  nothing;
* ``occur-agentless``: an event noun realised by an ``occur`` support verb ("Es kam zu
  Angriffen auf X", "Es gab Angriffe auf X") is coded with its target and no source, like
  an agentless passive; the noun's target phrase may hang on the verb;
* ``ambush``: "geriet in einen Hinterhalt der PKK" (noun ``Hinterhalt`` 190);
* ``first-person-speaker``: "Wir werden X nicht im Stich lassen, sagte sie": a first-person
  pronoun of reported speech is the statement's speaker (the statements layer resolves
  "sie"), when that speaker has a political agent; ``first-person-guard``: a coach's or a
  firm's "wir" codes nothing, nor does a speaker misread as the event's other argument."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_recall_s25_grid_de(nlp_de):
    rows = read_grid("recall_s25_grid_de.tsv")
    assert len(rows) >= 24
    assert {r["kind"] for r in rows} == {"adj-source", "adj-guard", "occur-agentless", "ambush",
                                          "first-person-speaker", "first-person-guard"}
    check_root_grid("recall s25 grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_adj_place_nouns_are_data_de():
    from lagebild.events.lexicon import load_lexicon

    de, en = load_lexicon("de"), load_lexicon("en")
    assert {"krieg", "konflikt"} <= de.adj_place_nouns
    assert not en.adj_place_nouns
    assert "adj" in de.nominal_source


def test_occur_negation_kept_de(nlp_de):
    """"Es kam zu keinen Angriffen auf X": the agentless event is coded, and negated."""
    doc = nlp_de("Am Wochenende kam es zu keinen Angriffen auf die Polizei.")
    got = coded_events(doc, negation=True)
    assert any(code[:2] == "19" and neg for _s, _t, code, neg in got), got


def test_first_person_words_are_data_de():
    from lagebild.events.lexicon import load_lexicon

    assert {"ich", "wir", "uns"} <= load_lexicon("de").first_person


def test_first_person_misread_speaker_de(nlp_de):
    """"… nach Athen. Ich kritisiere die griechische Regierung, sagte sie": the statements
    layer reads "sie" as the government; the criticised one is not its own critic."""
    doc = nlp_de("Bundeskanzlerin Angela Merkel reiste am Montag nach Athen. "
                 "Ich kritisiere die griechische Regierung, sagte sie.")
    got = coded_events(doc)
    assert not any(code[:2] == "11" and src == "GRCGOV" for src, _t, code in got), got
