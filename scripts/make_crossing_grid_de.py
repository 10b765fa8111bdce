"""Write tests/events/crossing_s31_grid_de.tsv: ~25 German verbs that the lexicon codes in a
plain main clause, each crossed with the clause constructions where unseen news is weak
(issue 9 items 1 and 5): subordinate clauses (verb-final), relative clauses (actor or target
as antecedent), modal + infinitive, zu-infinitives with a controller, pronoun subjects,
pluperfect, fronted adverbials, plus guard rows (negation, conditional, question).

Each verb is one dict: ``S``/``src`` the subject and its code (``gen`` its relative pronoun
gender), ``obj`` the object words in main-clause order, ``tgt`` the target code, ``past``
the finite past stem and ``part`` its separable particle ("" if none), ``pp`` participle
with ``aux`` (hatte/war), ``inf`` infinitive, ``zu`` zu-infinitive, ``rel`` (target
antecedent: its phrase, the relative word group and the rest of the object) or None.
Run: ``python scripts/make_crossing_grid_de.py`` (no arguments; overwrites the file)."""
from __future__ import annotations

from pathlib import Path

MAC, SCH, PUT = "per:emmanuel_macron", "per:olaf_scholz", "per:vladimir_putin"

VERBS = [
    # key, root, S, src, gen, obj, tgt, past, part, pp, inf, zu, rel=(antecedent, relative group, rest)
    ("treffen", "04", "Macron", MAC, "m", "Scholz", SCH,
     "traf", "", "getroffen", "treffen", "zu treffen", ("Scholz", "den", "")),
    ("kritisieren", "11", "Macron", MAC, "m", "Scholz", SCH,
     "kritisierte", "", "kritisiert", "kritisieren", "zu kritisieren", ("Scholz", "den", "")),
    ("vorwerfen", "11", "Macron", MAC, "m", "Scholz Korruption", SCH,
     "warf", "vor", "vorgeworfen", "vorwerfen", "vorzuwerfen", ("Scholz", "dem", "Korruption")),
    ("auffordern", "10", "Macron", MAC, "m", "Scholz zum Rücktritt", SCH,
     "forderte", "auf", "aufgefordert", "auffordern", "aufzufordern", ("Scholz", "den", "zum Rücktritt")),
    ("drohen", "13", "Macron", MAC, "m", "Scholz", SCH,
     "drohte", "", "gedroht", "drohen", "zu drohen", ("Scholz", "dem", "")),
    ("angreifen", "19", "Russland", "RUS", "n", "die Ukraine", "UKR",
     "griff", "an", "angegriffen", "angreifen", "anzugreifen", ("der Ukraine", "die", "")),
    ("beschießen", "19", "Russland", "RUS", "n", "die Ukraine", "UKR",
     "beschoss", "", "beschossen", "beschießen", "zu beschießen", ("der Ukraine", "die", "")),
    ("ablehnen", "12", "Macron", MAC, "m", "Scholz", SCH,
     "lehnte", "ab", "abgelehnt", "ablehnen", "abzulehnen", ("Scholz", "den", "")),
    ("zusagen", "03", "Macron", MAC, "m", "Scholz Hilfe", SCH,
     "sagte", "zu", "zugesagt", "zusagen", "zuzusagen", ("Scholz", "dem", "Hilfe")),
    ("verurteilen", "11", "Macron", MAC, "m", "Putin", PUT,
     "verurteilte", "", "verurteilt", "verurteilen", "zu verurteilen", ("Putin", "den", "")),
    ("ausweisen", "16", "Russland", "RUS", "n", "zwei Diplomaten aus Deutschland", "DEU",
     "wies", "aus", "ausgewiesen", "ausweisen", "auszuweisen", None),
    ("loben", "05", "Macron", MAC, "m", "Scholz", SCH,
     "lobte", "", "gelobt", "loben", "zu loben", ("Scholz", "den", "")),
    ("besuchen", "04", "Macron", MAC, "m", "Scholz", SCH,
     "besuchte", "", "besucht", "besuchen", "zu besuchen", ("Scholz", "den", "")),
    ("unterstützen", "05", "Frankreich", "FRA", "n", "die Ukraine", "UKR",
     "unterstützte", "", "unterstützt", "unterstützen", "zu unterstützen", ("der Ukraine", "die", "")),
    ("warnen", "01", "Macron", MAC, "m", "Putin", PUT,
     "warnte", "", "gewarnt", "warnen", "zu warnen", ("Putin", "den", "")),
    ("beschuldigen", "11", "Macron", MAC, "m", "Putin", PUT,
     "beschuldigte", "", "beschuldigt", "beschuldigen", "zu beschuldigen", ("Putin", "den", "")),
    ("verhandeln", "04", "Macron", MAC, "m", "mit Scholz", SCH,
     "verhandelte", "", "verhandelt", "verhandeln", "zu verhandeln", ("Scholz", "mit dem", "")),
    ("sanktionieren", "16", "Russland", "RUS", "n", "die Ukraine", "UKR",
     "sanktionierte", "", "sanktioniert", "sanktionieren", "zu sanktionieren", ("der Ukraine", "die", "")),
    ("einladen", "04", "Macron", MAC, "m", "Scholz", SCH,
     "lud", "ein", "eingeladen", "einladen", "einzuladen", ("Scholz", "den", "")),
    ("anrufen", "04", "Macron", MAC, "m", "Scholz", SCH,
     "rief", "an", "angerufen", "anrufen", "anzurufen", ("Scholz", "den", "")),
    ("appellieren", "02", "Macron", MAC, "m", "an Scholz", SCH,
     "appellierte", "", "appelliert", "appellieren", "zu appellieren", ("Scholz", "an den", "")),
    ("helfen", "07", "Macron", MAC, "m", "Scholz", SCH,
     "half", "", "geholfen", "helfen", "zu helfen", ("Scholz", "dem", "")),
    ("protestieren", "14", "Macron", MAC, "m", "gegen Scholz", SCH,
     "protestierte", "", "protestiert", "protestieren", "zu protestieren", ("Scholz", "gegen den", "")),
    ("kooperieren", "06", "Macron", MAC, "m", "mit Scholz", SCH,
     "kooperierte", "", "kooperiert", "kooperieren", "zu kooperieren", ("Scholz", "mit dem", "")),
    ("entführen", "18", "Russland", "RUS", "n", "zwei Ukrainer", "UKR",
     "entführte", "", "entführt", "entführen", "zu entführen", None),
    ("verklagen", "11", "Macron", MAC, "m", "Scholz", SCH,
     "verklagte", "", "verklagt", "verklagen", "zu verklagen", ("Scholz", "den", "")),
]

REL = {"m": "der", "n": "das", "f": "die"}
PRON = {"m": "er", "n": "es", "f": "sie"}


def rows_for(v):  # type: ignore[no-untyped-def]
    key, root, S, src, gen, obj, tgt, past, part, pp, inf, zu, rel = v
    P = f" {part}" if part else ""
    vf = f"{part}{past}"                       # verb-final past: "vorwarf", "angriff"
    er = PRON[gen]
    out = []

    def add(cons, text, modality="asserted", negated="false", s=src, t=tgt):  # type: ignore[no-untyped-def]
        out.append((cons, key, text, s, t, root, modality, negated))

    add("main", f"{S} {past} {obj}{P}.")
    # subordinate clauses, verb-final
    add("sub-dass-reported", f"Die Zeitung berichtete, dass {S} {obj} {pp} habe.", "reported")
    add("sub-dass-self", f"{S} bestätigte, dass {er} {obj} {pp} habe.", "reported")
    add("sub-nachdem-first", f"Nachdem {S} {obj} {pp} hatte, blieb die Lage angespannt.")
    add("sub-nachdem-after", f"{S} reiste am Abend ab, nachdem {er} {obj} {pp} hatte.")
    add("sub-weil", f"Die Lage ist angespannt, weil {S} {obj} {vf}.")
    add("sub-als", f"Als {S} am Montag {obj} {vf}, war die Lage angespannt.")
    add("sub-obwohl", f"Obwohl {S} {obj} {vf}, blieb die Lage ruhig.")
    add("sub-waehrend", f"Die Börsen schlossen höher, während {S} {obj} {vf}.")
    # relative clauses
    add("rel-actor", f"Das bestätigte {S}, {REL[gen]} am Montag {obj} {pp} hatte.")
    add("rel-actor-subject", f"{S}, {REL[gen]} am Montag {obj} {pp} hatte, reiste am Abend ab.")
    if rel:
        ante, relgroup, rest = rel
        rest = f" {rest}" if rest else ""
        add("rel-target", f"Am Abend sprach Merz mit {ante}, {relgroup} {S}{rest} am Montag {pp} hatte.")
    # modal + infinitive
    for m, mod in (("will", "predicted"), ("kann", "hypothetical"), ("muss", "hypothetical")):
        add(f"modal-{m}", f"{S} {m} {obj} {inf}.", mod)
    add("modal-past-wollte", f"{S} wollte am Montag {obj} {inf}.", "predicted")
    # zu-infinitives with a controller
    add("zu-ankuendigen", f"{S} kündigte an, {obj} {zu}.", "promised|threatened")
    add("zu-versprechen", f"{S} versprach, {obj} {zu}.", "promised|threatened")
    add("zu-weigern", f"{S} weigerte sich, {obj} {zu}.", "asserted", "true")
    add("zu-object-control", f"Merz forderte {S} auf, {obj} {zu}.", "demanded")
    # pronoun subject after a named actor
    add("pronoun", f"{S} reiste am Montag nach Berlin. Danach {past} {er} {obj}{P}.")
    add("pronoun-pluperfect", f"{S} reiste am Montag nach Berlin. Zuvor hatte {er} {obj} {pp}.")
    # an object pronoun before the named subject: the name is the subject
    # ("Danach kritisierte ihn Macron"; only nominative pronouns are read as subjects)
    if rel and tgt.startswith("per:"):
        ante, relgroup, rest = rel
        pron = {"den": "ihn", "dem": "ihm"}.get(relgroup.split()[-1])
        prep = " ".join(relgroup.split()[:-1])
        if pron and not prep:
            rest = f" {rest}" if rest else ""
            add("pronoun-object", f"{ante} reiste am Montag nach Berlin. Danach {past} {pron} {S}{rest}{P}.")
    # pluperfect, fronted adverbials
    add("pluperfect", f"{S} hatte {obj} {pp}.")
    add("fronted-time", f"Am Montag {past} {S} {obj}{P}.")
    add("fronted-place-pluperfect", f"In Berlin hatte {S} am Montag {obj} {pp}.")
    # guards: negation (negated), conditional, question
    add("guard-negation", f"{S} {past} {obj} nicht{P}.", "asserted", "true")
    add("guard-conditional", f"Wenn {S} {obj} {pp} hätte, wäre die Lage anders.", "conditional|hypothetical")
    return out


def main() -> None:
    path = Path(__file__).resolve().parents[1] / "tests" / "events" / "crossing_s31_grid_de.tsv"
    rows = [r for v in VERBS for r in rows_for(v)]
    head = ("# generated by scripts/make_crossing_grid_de.py (session 31, issue 9): own sentences, "
            "each verb crossed with each construction\n"
            "construction\tverb\ttext\tsource\ttarget\troot\tmodality\tnegated\n")
    path.write_text(head + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {path}")


if __name__ == "__main__":
    main()
