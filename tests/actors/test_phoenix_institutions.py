"""scripts/phoenix_institutions_to_kb.py: state bodies of PETRARCH's Phoenix country
dictionary -> kb/institutions_phoenix.tsv (issue 9, English bodies the KB lacked)."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from repo_scripts import load_script

from lagebild.actors.kb import load_kb

ROOT = Path(__file__).resolve().parents[2]
PHOENIX = ROOT.parent / "shared" / "data" / "petrarch2" / "Phoenix.Countries.actors.txt"


def _script():  # type: ignore[no-untyped-def]
    return load_script("scripts/phoenix_institutions_to_kb.py")


def _convert(tmp_path, text: str) -> str:  # type: ignore[no-untyped-def]
    src = tmp_path / "actors.txt"
    src.write_text(text, encoding="utf-8")
    return "\n".join(line for line in _printed(src).splitlines() if line and not line.startswith(("#", "lang\t")))


def _printed(path) -> str:  # type: ignore[no-untyped-def]
    """What the conversion script prints for the Phoenix dictionary at ``path``."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _script().main(str(path))
    return out.getvalue()


def test_bodies_kept_persons_places_and_dated_blocks_left_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    got = _convert(tmp_path, """
FEDERAL_BUREAU_OF_NARCOTICS_ # a body
+FBN_
+XYZ_
+WHITE_HOUSE_SPOKESMAN
    [USACOP]
NATIONAL_CONGRESS_OF_ERUDIA_
    [USAGOVLEG]
JOHN_SMITH_
+SECRETARY_SMITH
    [USAGOV 090120-170120]
SPRINGFIELD_
+SHELBYVILLE_
    [USA]
SENATE_
    [USAGOVLEG]
""")
    rows = [line.split("\t") for line in got.splitlines()]
    assert ["en", "Federal Bureau of Narcotics|FBN", "USACOP"] in rows  # XYZ abbreviates nothing, spokesman is a person
    assert ["en", "National Congress of Erudia", "USALEG"] in rows  # GOV + branch -> the branch
    assert not any("Smith" in r[1] or "Springfield" in r[1] or r[1] == "Senate" for r in rows)


def test_converted_bodies_are_loaded() -> None:
    kb = load_kb(include_user=False)
    got = {form: actor for lang, form, actor in kb.institutions if lang == "en"}
    assert got["FBI"] == "USACOP" and got["US Supreme Court"] == "USAJUD"
    assert got["White House"] == "USAGOV"  # institutions.tsv's hand-made row is kept


@pytest.mark.skipif(not PHOENIX.is_file(), reason="../shared/data/petrarch2 (PETRARCH dictionaries) not present")
def test_file_is_the_scripts_output(tmp_path) -> None:  # type: ignore[no-untyped-def]
    shipped = (ROOT / "src" / "lagebild" / "data" / "kb" / "institutions_phoenix.tsv").read_text(encoding="utf-8")
    assert _printed(PHOENIX) == shipped
