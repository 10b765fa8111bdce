"""German event word families of session 30 (issue 9), each with a grid of own sentences
(``families_s30_grid_de.tsv``; a failing row names its family):

* ``join-body``: joining an alliance or a body ("trat der NATO bei"; 050);
* ``arms-export``: exporting weapons and licensing or revoking their export (072 / 1622;
  sense class ``waffengut``);
* ``finance-armed``: financing an armed group (070);
* ``grant-autonomy``: granting autonomy or self-rule (0833);
* ``prescribe``: prescribing something to an addressee ("schrieb X … vor"; 100);
* ``disparage``: defaming and discrediting verbs (111) and "nicht verstehen,
  warum" (110, flag ``negative``);
* ``not-willing``: a negated readiness is a refusal (120, flag ``negative``);
* ``show-of-force``: simulated attacks, military overflights (150);
* ``in-custody``: "sitzt in Untersuchungshaft" (173 with no source; pattern flag ``agentless``);
* ``hand-over``: handing prisoners or refugees over to authorities (063);
* ``terrorise``: terrorising a population (180);
* ``raid-agent``: the genitive of "Razzia" is who raids (171 with the police as source).

Kinds ending in ``-guard`` pass on the code before these rows and must stay so (the other
sense of each word)."""
from __future__ import annotations

from grid_rows import kind_grid_tests

KINDS = {"join-body", "join-body-guard", "arms-export", "arms-export-guard", "finance-armed", "finance-armed-guard",
         "grant-autonomy", "prescribe", "prescribe-guard", "disparage", "disparage-guard", "not-willing",
         "not-willing-guard", "show-of-force", "show-of-force-guard", "in-custody", "in-custody-guard", "hand-over",
         "hand-over-guard", "terrorise", "raid-agent"}
GRID = "families_s30_grid_de.tsv"


# the whole grid, and each kind on its own (a failing kind is named by the test id)
test_families_s30_grid_de, test_families_s30_kind_de = kind_grid_tests(
    GRID, "families s30", KINDS, min_rows=30)


def test_agentless_flag_parsed():
    """``agentless`` is a known pattern flag and sets :attr:`Pattern.agentless`."""
    from lagebild.events.patterns import _validate, make_pattern

    assert _validate({"trigger": "sitzen", "code": "173", "flags": "agentless"}) is None
    assert "unknown flag" in (_validate({"trigger": "sitzen", "code": "173", "flags": "agentles"}) or "")
    assert make_pattern("sitzen", "173", words="haft", target="subj", flags="agentless", lang="de").agentless
    assert not make_pattern("sitzen", "173", words="haft", target="subj", lang="de").agentless
