"""Data loaders and mechanisms of the actor kinds added for issue 9 (session 18): the
shared-titles file, the sector of an unknown body's name, foreign spellings. The coded
sentences themselves are rows of ``grid_codes.tsv`` (kinds unseen-name, former,
shared-title, org-prefix, group-owner, path-place, platform, kb-org, context-main,
owned-body)."""
from __future__ import annotations

import pytest

from lagebild.actors.kb import load_kb
from lagebild.actors.linker import load_shared_titles
from lagebild.errors import DataFileError


def test_shipped_shared_titles_load():
    titles = load_shared_titles(load_kb(include_user=False), "de")
    assert titles["Bundeskanzler"] == frozenset({"DEU", "AUT"})
    assert "CHE" in titles["Bundespräsident"]


@pytest.mark.parametrize("row,needle", [
    ("de\tBundesoberkanzler\tDEU|AUT", "no role noun"),
    ("de\tBundeskanzler\tDEU|XXQ", "unknown country"),
])
def test_shared_titles_bad_rows_name_file_and_line(tmp_path, row, needle):
    path = tmp_path / "shared_titles.tsv"
    path.write_text("# comment\nlang\tterm\tcountries\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_shared_titles(load_kb(include_user=False), "de", path)
    assert exc.value.line == 3 and str(path) in str(exc.value) and needle in str(exc.value)


def test_body_sector_and_foreign_letters(nlp_de):
    linker = nlp_de.get_pipe("lagebild_actors").linker
    assert linker._body_sector("Bankenverbandes") == "BUS"
    assert linker._body_sector("Rechtsanwaltskammertags") == "JUD"
    # an association head is NGO (session 21: Phoenix NON_GOVERNMENTAL_ORGANIZATION; the gold
    # codes a sports federation DEUNGO), a sector word before it wins
    assert linker._body_sector("Tennisverbands") == "NGO"
    assert linker._body_sector("Bauernbundes") == "AGR" and linker._body_sector("Bundesverbands") == "NGO"
    assert linker._foreign_letters("Demirtaş") and linker._foreign_letters("Černý")
    assert not linker._foreign_letters("Schnöll") and not linker._foreign_letters("Groß")
