"""German event recall kinds found by the events audit rounds s26-recall and s27-recall on
unseen news and the dev-A miss list (issue 9, session 27), each with a grid of own sentences
(``recall_s27_grid_de.tsv``; a failing row names its kind):

* ``reported-misdeed``: a speaker who says that an actor deceived, manipulated, covered up or
  did harm accuses that actor (CAMEO 112, speaker -> the misdeed's subject): "Die Regierung
  habe die Bürger getäuscht, sagte X" (``data/events/misdeeds_de.tsv``,
  ``EventCoder._reported_misdeeds``); ``reported-misdeed-guard``: a denial ("nicht",
  "niemanden"), the speaker's own side ("wir"), the author's own report, a modal verb, a
  question code nothing;
* ``demonstrative-judgement``: "Das sei inakzeptabel, sagte X" right after a sentence that
  reports an actor's act judges that actor (``EventCoder._demonstrative_target``);
* ``copula-as-verb``: "X sei ein Lügner, sagte Y" when the parse makes "sei" the clause's verb;
* ``reaction-judgement``: "reagierte besorgt auf X" (012), "reagierte mit Kritik auf X" (111);
* ``nominal-request``: "Ansuchen" and its compounds (020 / 0213);
* ``sibling-target``: an event noun whose target phrase the parse hung on its verb ("Die
  Proteste gingen am Sonntag gegen die Regierung weiter", ``EventCoder._sibling_target``);
  ``sibling-target-guard``: a place phrase of the verb is no target;
* ``humiliating-judgement``: "bezeichnete X als erniedrigend" (111)."""
from __future__ import annotations

from grid_rows import kind_grid_tests

KINDS = {"reported-misdeed", "reported-misdeed-guard", "demonstrative-judgement", "demonstrative-judgement-guard",
         "copula-as-verb", "reaction-judgement", "reaction-judgement-guard", "nominal-request", "sibling-target",
         "sibling-target-guard", "humiliating-judgement", "humiliating-judgement-guard"}


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_recall_s27_grid_de, test_recall_s27_kind_de = kind_grid_tests(
    "recall_s27_grid_de.tsv", "recall s27", KINDS, min_rows=30)


def test_reported_misdeed_is_an_asserted_accusation_de(nlp_de):
    """The accusation is the speech act itself: asserted, not reported, and not negated."""
    doc = nlp_de("Der französische Innenminister schüre die Angst vor Migranten, sagte die Chefin der Grünen in Paris.")
    got = [e for e in doc._.events if e.cameo == "112"]
    assert got and all(e.modality == "asserted" and not e.negated for e in got), [(e.cameo, e.modality) for e in doc._.events]


def test_misdeeds_are_data_with_codes_de():
    """The misdeed verbs are a data file read like the pattern files (file and line in
    errors), all CAMEO root 11 (112 accusations; since session 28 also 111, failures); a
    trigger of the pattern files, where it would code its own event, is listed only with
    required words ("Fehler machen", "Öl ins Feuer gießen")."""
    from lagebild.events.lexicon import load_lexicon
    from lagebild.events.recall_data import misdeed_patterns

    table = misdeed_patterns("de")
    assert {"täuschen", "manipulieren", "vertuschen", "zufügen"} <= set(table)
    assert all(p.code in ("111", "112") for rows in table.values() for p in rows)
    patterns = load_lexicon("de").patterns
    assert not [t for t, rows in table.items() if patterns.get(t) and not all(p.words for p in rows)]
    assert misdeed_patterns("en") == {}
