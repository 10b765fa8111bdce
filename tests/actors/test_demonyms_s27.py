"""German demonyms of every state (session 27): rows of kind ``demonym-s27`` in
``grid_codes.tsv`` (own sentences) must all pass, not only the grid's overall share.
Before, 189 of 256 countries had no German demonym ("der Schweizer", "die Kenianer",
"ein Chilene" named no actor)."""
from __future__ import annotations

import pytest

from repo_scripts import load_script

_grid = load_script("tests/actors/test_code_grid.py")
_rows, _run = _grid._rows, _grid._run


@pytest.mark.parametrize("row", [r for r in _rows("de") if r["kind"] == "demonym-s27"],
                         ids=lambda r: r["word"])
def test_german_demonym_names_its_country(row):
    from lagebild.pipeline import load

    assert _run(load("de"), row) == row["code"], row["text"]
