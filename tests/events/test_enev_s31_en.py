"""English events on real news, session 31 (issue 9): grids of own sentences, one test per
grid and kind so that a failing kind is named by the test id.

``nominal_s31_grid_en.tsv``: deverbal and event nouns of CAMEO codes that had verb rows but
no noun (patterns_en.tsv "Deverbal and event nouns of the CAMEO codebook": seizure,
capture, annexation, deployment, mobilisation, massacre, assault, bombardment, incursion, a
labour strike, ultimatum, recognition, loan), the sense chosen by the class of the noun's
of-phrase (``EventCoder._arg_in_class``: "the capture of the town" 192, "of two soldiers"
173, "the seizure of a tanker" 1711), support verbs that realise them
(support_verbs_en.tsv: "went on strike", "unleashed", "completed", "escalated"), and a
head verb that codes nothing not making the noun in its subject its topic ("X's
recognition of Y angered Z").

``reference_s31_grid_en.tsv``: the country of a generic group or office named without one
is not that of another argument of its own clause (``language.reference._coargument_ranges``):
for a subject, the object, a complement clause or a phrase that is not one of place ("Police
arrested two Ugandan nationals" after a sentence about Kenya: KENCOP); for an object, its
complement clause ("urged lawmakers to condemn Russia": the speaker's lawmakers); and a place
name that is a country and a US state ("Georgia") read as the state only with other places
of that country or a cue word (``actors.homonyms``).

``dateline_s31_grid_en.tsv``: a dated English dateline ("PARIS, March 3 (Reuters) - …") is a
dateline: its place is no government acting in the sentence (``language.dateline``,
``ActorLinker._stands_for_government``); rows give the exact set of coded sources."""
from __future__ import annotations

import pytest
from grid_rows import grid_set_tests

NOMINAL_KINDS = {"seizure of a place", "seizure of property", "capture of a place", "capture of people",
                 "annexation", "deployment of forces", "massacre", "assault on", "bombardment", "incursion",
                 "labour strike", "labour strike: went on strike", "ultimatum", "recognition", "loan",
                 "support verb: unleashed an assault", "support verb: completed the annexation",
                 "support verb: escalated its bombardment", "keep"}
REFERENCE_KINDS = {"subject role: not the object's country", "object role: not its complement's country",
                   "place homonym: the country, not a US state", "keep"}
#: grid file -> (label, kinds, minimum rows)
GRIDS = {"nominal_s31_grid_en.tsv": ("nominal s31 grid en", NOMINAL_KINDS, 30),
         "reference_s31_grid_en.tsv": ("reference s31 grid en", REFERENCE_KINDS, 12)}


DATELINE_KINDS = {"dated dateline", "keep"}


test_s31_grid_shape, test_s31_kind = grid_set_tests(GRIDS, "en")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


@pytest.mark.parametrize("kind", sorted(DATELINE_KINDS))
def test_s31_dateline_sources(nlp, kind: str) -> None:  # type: ignore[no-untyped-def]
    from grid_rows import coded_events, read_grid

    rows = read_grid("dateline_s31_grid_en.tsv")
    assert {r["kind"] for r in rows} == DATELINE_KINDS
    rows = [r for r in rows if r["kind"] == kind]
    bad = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        got = {src for src, _, _ in coded_events(doc)}
        if got != set(row["sources"].split(",")):
            bad.append(f"  [{kind}] {row['text']}  want sources {row['sources']}  got {sorted(map(str, got))}")
    assert not bad, "\n".join(bad)
