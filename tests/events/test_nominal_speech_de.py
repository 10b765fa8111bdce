"""Nominal events, light verbs and speech acts as CAMEO events (issue 9, session 23): own
German sentences in ``nominal_speech_grid_de.tsv`` crossing the kinds the issue names with
CAMEO roots 01-19; the rows must pass at the grids' 0.95 floor, and a failing row names its
kind."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_nominal_speech_grid_de(nlp_de):
    rows = read_grid("nominal_speech_grid_de.tsv")
    assert len(rows) >= 30
    kinds = {r["kind"] for r in rows}
    assert {"nominal-von", "nominal-auf", "light-verb", "speech-accuse", "speech-threaten", "generic-no"} <= kinds
    check_root_grid("nominal/speech grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events)
