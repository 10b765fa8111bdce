"""German argument kinds of session 30 (issue 9) that last stop left alone, each with a grid
of own sentences (``left_kinds_s30_grid_de.tsv``; a failing row names its kind):

* ``asyndetic-conjunct``: "X kritisierte Y, lobte aber Z" -- the verb-first clause after a
  comma with a coordinating adverb shares X; Z is its object
  (``ArgumentsMixin._asyndetic_conjunct``, syntax.yaml ``asyndetic_adverbs``);
* ``fronted-pp-attribute``: the genitive attribute of a fronted prepositional phrase is no
  subject ("Gegen die Pläne der Regierung X protestierten …", "Nach Angaben der Polizei
  griffen …"; ``ArgumentsMixin._linear_args``);
* ``armed-group``: "bewaffnete/maskierte Männer" are an armed group, not civilians
  (``language.reference._word_of``, ``data/language/armed_modifiers.txt``);
* ``federal-government``: "der Bund" is the government of the text's country, "der Bund der
  X" an association (``reference.tsv``, ``data/language/name_heads_de.txt``);
* ``crowd-and-supporters``: "Tausende", "Hunderte" alone are civilians of the context's
  country; "Anhänger der Opposition" acts for the opposition (``reference.tsv``,
  ``language.reference._group_owner``);
* ``sharp-s-lemma``: a lemma spelt with "ss" ("erschoss" -> "erschiessen", Swiss
  "begrüsste") finds the trigger spelt with "ß" (``EventCoder.lemma``).

Kinds ending in ``-guard`` pass on the code before these changes and must stay so."""
from __future__ import annotations

from grid_rows import kind_grid_tests

KINDS = {"asyndetic-conjunct", "asyndetic-conjunct-guard", "fronted-pp-attribute", "armed-group", "armed-group-guard",
         "federal-government", "federal-government-guard", "sharp-s-lemma",
         "crowd-and-supporters", "crowd-and-supporters-guard"}
GRID = "left_kinds_s30_grid_de.tsv"


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_left_kinds_s30_grid_de, test_left_kinds_s30_kind_de = kind_grid_tests(
    GRID, "left kinds s30", KINDS, min_rows=10)
