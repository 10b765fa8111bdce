"""German entries of session 31 written from the CAMEO codebook (issue 9), with a grid of own
sentences (``codebook_s31_grid_de.tsv``; one kind per root family, a failing row names its
kind): statements (012-019), appeals (020), intent (030), consultation (04), diplomatic and
material cooperation (05, 06), aid (07), yielding (08), investigation (09), demands (10),
disapproval and accusation (11), rejection and defiance (12), threats (13), protest (14),
force posture (15), reduced relations (16), coercion (17), assault (18), fighting (19) --
verbs, particle verbs, nouns and light verbs across present, perfect, passive, modal and
verb-final clauses.

Kinds ending in ``-guard`` pass before these rows and must stay so: other senses of the new
words, and German compound ends that a light verb's noun must not match ("in den Untergrund
gehen" is no "auf den Grund gehen")."""
from __future__ import annotations

import pytest

from grid_rows import check_kind_grid, read_grid

KINDS = {"statement", "statement-guard", "appeal", "intent", "intent-guard", "consult", "consult-guard", "cooperate", "material",
         "aid", "yield", "yield-guard", "investigate", "investigate-guard", "demand", "disapprove",
         "disapprove-guard", "reject", "reject-guard", "threaten", "threaten-guard", "protest", "force",
         "force-guard", "reduce", "coerce", "coerce-guard", "assault", "fight"}
GRID = "codebook_s31_grid_de.tsv"


def test_codebook_s31_grid_shape():
    """The grid holds exactly these kinds, and enough rows (no pipeline: cheap)."""
    rows = read_grid(GRID)
    assert len(rows) >= 90
    assert {r["kind"] for r in rows} == KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_codebook_s31_kind_de(nlp_de, kind):
    """Each kind on its own, so that a failing family is named by the test id."""
    check_kind_grid(nlp_de, GRID, "codebook s31", KINDS, kind)


def test_particles_of_the_new_verbs():
    """'überein', 'nahe' and 'hinweg' are separable particles ('stimmt … überein', 'legte X
    nahe', 'setzte sich über X hinweg'): without them the base verb was matched."""
    from lagebild.events.patterns import separable_prefixes

    assert {"überein", "nahe", "hinweg"} <= separable_prefixes("de")


def test_code_counts_per_cameo_code():
    """``code_counts`` has a row per codebook event code; kinds add up to ``own``; German
    particle verbs, light verbs and nouns are told apart (``scripts/lexicon_coverage.py --codes``)."""
    from lagebild.events.coverage import code_counts, event_codes, trigger_kind
    from lagebild.events.patterns import make_pattern, separable_prefixes

    counts = code_counts("de")
    assert list(counts) == event_codes()
    assert all(c.own == c.verb + c.particle + c.noun + c.light for c in counts.values())
    assert counts["111"].verb and counts["111"].light and counts["111"].noun
    prefixes = separable_prefixes("de")
    assert trigger_kind(make_pattern("zurückweisen", "120", lang="de"), prefixes) == "particle"
    assert trigger_kind(make_pattern("wettern", "111", lang="de"), prefixes) == "verb"
    assert trigger_kind(make_pattern("üben", "111", words="kritik", lang="de"), prefixes) == "light"
    assert trigger_kind(make_pattern("Kritik", "111", flags="noun", lang="de"), prefixes) == "noun"
