"""German argument paths shared by every construction (issue 9, session 29), each with a
grid of own sentences (``shared_paths_s29_grid_de.tsv``; a failing row names its kind):

* ``aux-subject``: a subject the parse hung on the finite auxiliary or modal is the subject
  of the verb complex (``ArgumentsMixin._auxiliary_subjects``);
* ``genitive-head``: "die Regierung Norwegens" read by word order is headed by the
  government (``ArgumentsMixin._genitive_attribute``);
* ``agent-in-subject``: a passive's von-phrase hung inside a subject after the finite verb
  is the agent, not part of the patient (``ArgumentsMixin._agent_phrase_in_subject``);
* ``split-article``: an article parsed as a subject of its own (``_article_of_next``);
* ``between-parties``: "zwischen X und Y" on any event noun pairs the parties
  (``EventCoder._between_phrase``);
* ``genitive-conjunct``: a conjunct hung on a genitive attribute whose case is the head's
  (``ArgumentsMixin._case_mismatched_conjuncts``);
* ``quantity-head``: "eine Gruppe von X", "die Mehrheit der X", "Dutzend X" -- the counted
  noun is the argument (syntax.yaml ``quantity_heads``, ``EventCoder._counted``);
* ``split-owners``: a plural group noun with coordinated genitive or von-phrase states is
  one argument per state ("die Regierungen Kenias und Ugandas"; ``EventCoder._split_owners``);
* ``light-noun-target``: the target phrase of a light verb's noun that the parse hung on
  the verb ("startete Angriffe auf Stellungen der X"; ``EventCoder._light_noun_target_slots``).

Kinds ending in ``-guard`` pass on the code before these changes and must stay so."""
from __future__ import annotations

import pytest

from grid_rows import kind_grid_tests

KINDS = {"aux-subject", "aux-subject-guard", "genitive-head", "genitive-head-guard", "agent-in-subject",
         "agent-in-subject-guard", "split-article", "between-parties", "between-parties-guard",
         "genitive-conjunct", "genitive-conjunct-guard", "quantity-head", "quantity-head-guard",
         "light-noun-target", "light-noun-target-guard", "split-owners", "split-owners-guard"}
GRID = "shared_paths_s29_grid_de.tsv"


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_shared_paths_s29_grid_de, test_shared_paths_s29_kind_de = kind_grid_tests(
    GRID, "shared paths s29", KINDS, min_rows=25)


@pytest.mark.parametrize("text, head", [
    ("Die Regierung Norwegens tagte.", "Regierung"),      # genitive by morphology or name form
    ("Die Armee Sudans rückte vor.", "Armee"),
    ("Die Kanzlerin Merkel reiste ab.", "Merkel"),        # a name after a title: no genitive
])
def test_genitive_attribute_head_de(nlp_de, text, head):
    """The phrase head of "<noun> <genitive name>" is the noun; of "<title> <name>" the name."""
    from lagebild.events.arguments import ArgumentsMixin

    doc = nlp_de(text)
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")][:2]
    got = nouns[0] if ArgumentsMixin._genitive_attribute(nouns[1], nouns[0]) else nouns[1]
    assert got.text == head
