"""Write the event construction grids ``tests/events/grid_de.tsv`` and ``grid_en.tsv``.

Each row is one sentence (or two, for pronoun subjects) written from templates that cross
the 20 CAMEO roots (one typical verb or light-verb construction each) with the
constructions news prose uses: tense (present, past, perfect, pluperfect, future), voice
(active, passive with agent), word order (fronted adverbial, subordinate "dass/that"
clause), modals, separable/phrasal verbs (in the verbs themselves), coordination with a
dropped subject, pronoun subjects, nominal events and negation. The expected event is
(source, target, CAMEO root, modality, negated). Rerun after editing the tables:

    python scripts/make_event_grid.py

The test ``tests/events/test_grid.py`` runs every row through the full pipeline and asserts
the pass rate (issue 9: at least 0.95 per language), printing failing rows with their
construction.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Dict, List, Tuple

OUT = Path(__file__).resolve().parent.parent / "tests" / "events"

# actors: surface form (nominative, dative, accusative) -> id; persons are male (pronoun "er"/"he")
DE_PEOPLE = [("Macron", "per:emmanuel_macron"), ("Scholz", "per:olaf_scholz"), ("Putin", "per:vladimir_putin"),
             ("Selenskyj", "per:volodymyr_zelensky"), ("Trump", "per:donald_trump"), ("Merz", "per:friedrich_merz")]
EN_PEOPLE = [("Macron", "per:emmanuel_macron"), ("Scholz", "per:olaf_scholz"), ("Putin", "per:vladimir_putin"),
             ("Zelensky", "per:volodymyr_zelensky"), ("Trump", "per:donald_trump"), ("Biden", "per:joe_biden")]

# German verbs: root, infinitive, 3sg present, 3sg past, participle, perfect auxiliary,
# particle (separable verbs), object frame ("{O}" is the target phrase; a case letter
# d/a picks the dative/accusative article form, names take none), passive possible
DE_VERBS: List[Dict[str, object]] = [
    dict(root="01", inf="warnen", pres="warnt", past="warnte", part="gewarnt", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="02", inf="appellieren", pres="appelliert", past="appellierte", part="appelliert", aux="hat", prt="", obj="an {O}", passive=False),
    dict(root="03", inf="zusagen", pres="sagt", past="sagte", part="zugesagt", aux="hat", prt="zu", obj="{O} Hilfe", passive=False),
    dict(root="04", inf="treffen", pres="trifft", past="traf", part="getroffen", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="05", inf="loben", pres="lobt", past="lobte", part="gelobt", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="06", inf="zusammenarbeiten", pres="arbeitet", past="arbeitete", part="zusammengearbeitet", aux="hat", prt="zusammen", obj="mit {O}", passive=False, lead=True),
    dict(root="07", inf="liefern", pres="liefert", past="lieferte", part="geliefert", aux="hat", prt="", obj="{O} Waffen", passive=False),
    dict(root="08", inf="freilassen", pres="lässt", past="ließ", part="freigelassen", aux="hat", prt="frei", obj="{O}", passive=True),
    dict(root="09", inf="ermitteln", pres="ermittelt", past="ermittelte", part="ermittelt", aux="hat", prt="", obj="gegen {O}", passive=False),
    dict(root="10", inf="fordern", pres="fordert", past="forderte", part="gefordert", aux="hat", prt="", obj="den Rücktritt von {O}", passive=False),
    dict(root="11", inf="kritisieren", pres="kritisiert", past="kritisierte", part="kritisiert", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="12", inf="zurückweisen", pres="weist", past="wies", part="zurückgewiesen", aux="hat", prt="zurück", obj="{O}", passive=True),
    dict(root="13", inf="drohen", pres="droht", past="drohte", part="gedroht", aux="hat", prt="", obj="{O} mit Konsequenzen", passive=False),
    dict(root="14", inf="protestieren", pres="protestiert", past="protestierte", part="protestiert", aux="hat", prt="", obj="gegen {O}", passive=False),
    dict(root="15", inf="verlegen", pres="verlegt", past="verlegte", part="verlegt", aux="hat", prt="", obj="Truppen nach {O}", passive=False, country=True),
    dict(root="16", inf="sanktionieren", pres="sanktioniert", past="sanktionierte", part="sanktioniert", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="17", inf="festnehmen", pres="nimmt", past="nahm", part="festgenommen", aux="hat", prt="fest", obj="{O}", passive=True),
    dict(root="18", inf="entführen", pres="entführt", past="entführte", part="entführt", aux="hat", prt="", obj="{O}", passive=True),
    dict(root="19", inf="angreifen", pres="greift", past="griff", part="angegriffen", aux="hat", prt="an", obj="{O}", passive=True),
    dict(root="20", inf="massakrieren", pres="massakriert", past="massakrierte", part="massakriert", aux="hat", prt="", obj="Zivilisten in {O}", passive=False, country=True, group="CVL"),
]

EN_VERBS: List[Dict[str, object]] = [
    # "warn X" is a threat (130) in PETRARCH's dictionary (CAMEO.2.0.txt:7691); "console" is 01
    # in both lagebild's patterns (018) and PETRARCH's (CAMEO.2.0.txt:4811, ALLAY [017])
    dict(root="01", base="console", pres="consoles", past="consoled", part="consoled", obj="{O}", passive=True),
    dict(root="02", base="appeal", pres="appeals", past="appealed", part="appealed", obj="to {O}", passive=False),
    dict(root="03", base="promise", pres="promises", past="promised", part="promised", obj="{O} aid", passive=False),
    dict(root="04", base="meet", pres="meets", past="met", part="met", obj="{O}", passive=False),
    dict(root="05", base="praise", pres="praises", past="praised", part="praised", obj="{O}", passive=True),
    dict(root="06", base="cooperate", pres="cooperates", past="cooperated", part="cooperated", obj="with {O}", passive=False),
    dict(root="07", base="send", pres="sends", past="sent", part="sent", obj="weapons to {O}", passive=False),
    dict(root="08", base="release", pres="releases", past="released", part="released", obj="{O}", passive=True),
    dict(root="09", base="investigate", pres="investigates", past="investigated", part="investigated", obj="{O}", passive=True),
    dict(root="10", base="demand", pres="demands", past="demanded", part="demanded", obj="the resignation of {O}", passive=False),
    dict(root="11", base="criticize", pres="criticizes", past="criticized", part="criticized", obj="{O}", passive=True),
    dict(root="12", base="reject", pres="rejects", past="rejected", part="rejected", obj="{O}", passive=True),
    dict(root="13", base="threaten", pres="threatens", past="threatened", part="threatened", obj="{O} with sanctions", passive=True),
    dict(root="14", base="protest", pres="protests", past="protested", part="protested", obj="against {O}", passive=False),
    dict(root="15", base="deploy", pres="deploys", past="deployed", part="deployed", obj="troops to {O}", passive=False, country=True),
    dict(root="16", base="sanction", pres="sanctions", past="sanctioned", part="sanctioned", obj="{O}", passive=True),
    dict(root="17", base="arrest", pres="arrests", past="arrested", part="arrested", obj="{O}", passive=True),
    dict(root="18", base="kidnap", pres="kidnaps", past="kidnapped", part="kidnapped", obj="{O}", passive=True),
    dict(root="19", base="attack", pres="attacks", past="attacked", part="attacked", obj="{O}", passive=True),
    dict(root="20", base="massacre", pres="massacres", past="massacred", part="massacred", obj="civilians in {O}", passive=False, country=True, group="CVL"),
]

# countries for verbs whose target is a place (no article in German: "nach Polen")
DE_COUNTRIES = [("Polen", "POL"), ("Litauen", "LTU"), ("Estland", "EST"), ("Finnland", "FIN"), ("Georgien", "GEO"), ("Moldau", "MDA")]
EN_COUNTRIES = [("Poland", "POL"), ("Lithuania", "LTU"), ("Estonia", "EST"), ("Finland", "FIN"), ("Georgia", "GEO"), ("Moldova", "MDA")]

# German nominal events (root, noun, gender for the dative article, frame): reported without
# an agent in headlines and after "nach/bei/wegen" they keep their target ("Kritik an X")
DE_NOUNS = [("02", "Appell", "m", "an {O}"), ("05", "Unterstützung", "f", "für {O}"), ("07", "Hilfe", "f", "für {O}"),
            ("08", "Freilassung", "f", "von {O}"), ("09", "Ermittlungen", "p", "gegen {O}"), ("10", "Forderung", "f", "an {O}"),
            ("11", "Kritik", "f", "an {O}"), ("13", "Drohung", "f", "gegen {O}"), ("14", "Protest", "m", "gegen {O}"),
            ("19", "Blockade", "f", "gegen {O}"), ("16", "Sanktionen", "p", "gegen {O}"), ("17", "Verhaftung", "f", "von {O}"),
            ("18", "Entführung", "f", "von {O}"), ("18", "Anschlag", "m", "auf {O}"), ("19", "Angriff", "m", "auf {O}"),
            ("19", "Offensive", "f", "gegen {O}")]
DE_DATIVE = {"m": "dem", "f": "der", "p": "den"}
NONE = "-"  # no actor (an agentless event)

Row = Tuple[str, str, str, str, str, str, str]  # construction, text, source, target, root, modality, negated


def pairs(people: List[Tuple[str, str]], k: int) -> List[Tuple[Tuple[str, str], Tuple[str, str]]]:
    """A fixed rotation of (source, target) person pairs, different per verb."""
    n = len(people)
    return [(people[(k + j) % n], people[(k + j + 1 + j % 2) % n]) for j in range(2)]


def german() -> List[Row]:
    rows: List[Row] = []
    for k, v in enumerate(DE_VERBS):
        for j, ((s, sid), (o, oid)) in enumerate(pairs(DE_PEOPLE, k)):
            if v.get("country"):
                o, oid = DE_COUNTRIES[(k + j) % len(DE_COUNTRIES)]
                oid += str(v.get("group") or "")
            root = str(v["root"])
            obj = str(v["obj"]).format(O=o)
            prt = str(v["prt"])
            tail = f" {prt}" if prt else ""
            add = lambda c, t, m="asserted", n="false", src=sid: rows.append((c, t, src, oid, root, m, n))  # noqa: E731
            add("present", f"{s} {v['pres']} {obj}{tail}.")
            add("past", f"{s} {v['past']} {obj}{tail}.")
            add("perfect", f"{s} {v['aux']} {obj} {v['part']}.")
            add("pluperfect", f"{s} hatte {obj} {v['part']}.")
            add("future", f"{s} wird {obj} {v['inf']}.", "predicted")
            add("modal", f"{s} will {obj} {v['inf']}.", "predicted")
            add("fronted adverbial", f"Am Montag {v['past']} {s} {obj}{tail}.")
            add("negation", f"{s} {v['past']} {obj} nicht{tail}.", "asserted", "true")
            add("pronoun subject", f"{s} sprach am Montag in Berlin. Danach {v['past']} er {obj}{tail}.")
            add("coordination", f"{s} reiste am Montag nach Berlin und {v['past']} dort {obj}{tail}.")
            add("dass clause", f"Die Zeitung berichtete, dass {s} {obj} {v['part']} habe.", "reported")
            if v.get("passive"):
                add("passive with agent", f"{o} wurde von {s} {v['part']}.")
            # constructions of real news the parse often gets wrong (issue 9, items 1-2)
            x, xid = next((p, pid) for p, pid in DE_PEOPLE if pid not in (sid, oid))
            inf_zu = f"{prt}zu{str(v['inf'])[len(prt):]}" if prt else f"zu {v['inf']}"
            add("relative clause", f"Das ist {s}, der am Montag {obj} {v['part']} hatte.")
            add("object control", f"{x} forderte {s} auf, {obj} {inf_zu}.", "demanded")
            add("modal perfect", f"{s} soll {obj} {v['part']} haben.", "reported")
            if v.get("passive"):
                add("headline passive", f"{o} von {s} {v['part']}.")
            # a reported deontic modal is the speaker's demand (CAMEO 10) of its subject
            demand = lambda c, t: rows.append((c, t, xid, sid, "10", "asserted", "false"))  # noqa: E731
            demand("deontic demand", f"{x} sagte, {s} müsse {obj} {v['inf']}.")
            demand("quote before", f"{s} muss {obj} {v['inf']}, sagte {x}.")
            demand("colon", f"{x} erklärte: {s} soll {obj} {v['inf']}.")
            # "…, so der Vorwurf": an accusation (CAMEO 11) of the clause's subject, by no one named
            rows.append(("so der Vorwurf", f"{s} habe {obj} {v['part']}, so der Vorwurf.", NONE, sid, "11", "asserted", "false"))
    # verbless headline "X gegen Y": X opposes Y (CAMEO 12)
    for k, (s, sid) in enumerate(DE_PEOPLE):
        o, oid = DE_PEOPLE[(k + 2) % len(DE_PEOPLE)]
        rows.append(("headline gegen", f"{s} gegen {o}.", sid, oid, "12", "asserted", "false"))
    for k, (root, noun, gender, frame) in enumerate(DE_NOUNS):
        for j in range(2):
            o, oid = DE_PEOPLE[(k + j) % len(DE_PEOPLE)]
            x = DE_PEOPLE[(k + j + 3) % len(DE_PEOPLE)][0]
            phrase = f"{noun} {frame.format(O=o)}"
            rows.append(("headline nominal", f"{phrase}.", NONE, oid, root, "asserted", "false"))
            rows.append(("nominal after preposition", f"Nach {DE_DATIVE[gender]} {phrase} reiste {x} nach Paris.",
                         NONE, oid, root, "asserted", "false"))
    return rows


def english() -> List[Row]:
    rows: List[Row] = []
    for k, v in enumerate(EN_VERBS):
        for j, ((s, sid), (o, oid)) in enumerate(pairs(EN_PEOPLE, k)):
            if v.get("country"):
                o, oid = EN_COUNTRIES[(k + j) % len(EN_COUNTRIES)]
                oid += str(v.get("group") or "")
            root = str(v["root"])
            obj = str(v["obj"]).format(O=o)
            add = lambda c, t, m="asserted", n="false": rows.append((c, t, sid, oid, root, m, n))  # noqa: E731
            add("present", f"{s} {v['pres']} {obj}.")
            add("past", f"{s} {v['past']} {obj}.")
            add("perfect", f"{s} has {v['part']} {obj}.")
            add("pluperfect", f"{s} had {v['part']} {obj}.")
            add("future", f"{s} will {v['base']} {obj}.", "predicted")
            add("modal", f"{s} plans to {v['base']} {obj}.", "predicted")
            add("fronted adverbial", f"On Monday, {s} {v['past']} {obj}.")
            add("negation", f"{s} did not {v['base']} {obj}.", "asserted", "true")
            add("pronoun subject", f"{s} spoke in Berlin on Monday. Later he {v['past']} {obj}.")
            add("coordination", f"{s} arrived in Berlin on Monday and {v['past']} {obj}.")
            add("that clause", f"The newspaper reported that {s} had {v['part']} {obj}.", "reported")
            if v.get("passive"):
                add("passive with agent", f"{o} was {v['part']} by {s}.")
                rows.append(("passive without agent", f"{o} was {v['part']} on Monday.", "-", oid, root, "asserted", "false"))
            add("progressive", f"{s} is {_ing(str(v['base']))} {obj}.")
            add("modal could", f"{s} could {v['base']} {obj}.", "hypothetical")
    for k, (root, verb, frame) in enumerate(EN_PHRASAL):
        for j, ((s, sid), (o, oid)) in enumerate(pairs(EN_PEOPLE, k + 3)):
            if "{C}" in frame:
                o, oid = EN_COUNTRIES[(k + j) % len(EN_COUNTRIES)]
            text = f"{s} {verb} {frame.format(O=o, C=o)}."
            rows.append(("phrasal verb", text, sid, oid, root, "asserted", "false"))
            rows.append(("phrasal verb, perfect", f"{s} has {EN_PARTICIPLE.get(verb.split()[0], verb.split()[0])} "
                         f"{' '.join(verb.split()[1:])} {frame.format(O=o, C=o)}.".replace("  ", " "),
                         sid, oid, root, "asserted", "false"))
    for k, (root, frame) in enumerate(EN_NOMINAL):
        for j, ((s, sid), (o, oid)) in enumerate(pairs(EN_PEOPLE, k + 1)):
            if "{C}" in frame:
                o, oid = EN_COUNTRIES[(k + j) % len(EN_COUNTRIES)]
            rows.append(("nominal event", frame.format(S=s, O=o, C=o), sid, oid, root, "asserted", "false"))
    for k, (construction, root, frame, src, tgt) in enumerate(EN_ISSUE9):
        for j, ((s, sid), (o, oid)) in enumerate(pairs(EN_PEOPLE, k + 2)[:3]):
            c, cid = EN_COUNTRIES[(k + j) % len(EN_COUNTRIES)]
            ids = {"S": sid, "O": oid, "-": NONE}
            rows.append((construction, frame.format(S=s, O=o, C=c), ids.get(src, cid + src), ids.get(tgt, cid + tgt),
                         root, "asserted", "false"))
    for k, (construction, root, frame, src, tgt, *mod) in enumerate(EN_S25):
        for j in range(3):
            c, cid = EN_COUNTRIES[(k + j) % len(EN_COUNTRIES)]
            # "=XXX": that code itself, "-" no actor; else an agent code with the country {C}
            # ("" the country)
            code = lambda v: NONE if v == "-" else v[1:] if v.startswith("=") else cid + v  # noqa: E731
            rows.append((construction, frame.format(C=c), code(src), code(tgt), root, (mod or ["asserted"])[0], "false"))
    for construction, root, text, src, tgt in EN_S26:
        rows.append((construction, text, src, tgt, root, "asserted", "false"))
    return rows


# English kinds of issue 9's real-news work: (construction, root, frame, source, target);
# source/target "S"/"O" are the people, "-" no actor, any other value an agent code with the
# country {C} ("" the country itself)
EN_ISSUE9 = [
    ("object by-agent", "11", "{S} condemned the move by {O}.", "S", "O"),
    ("object by-agent", "11", "{S} criticised the decision announced by {O}.", "S", "O"),
    ("object by-agent", "12", "{S} rejected the proposal made by {O}.", "S", "O"),
    ("object by-agent", "11", "{S} regretted the decision by {O}.", "S", "O"),
    ("speech act", "12", "{S} balked at the demands of {O}.", "S", "O"),
    ("light verb", "08", "{S} made concessions to {O}.", "S", "O"),
    ("speech act", "02", "{S} begged {O} to end the war.", "S", "O"),
    ("generic actor", "17", "Police in {C} used water cannon against demonstrators.", "COP", "OPP"),
    ("generic actor, misparsed verb", "17", "Police in {C} fired tear gas at protesters.", "COP", "OPP"),
    ("generic actor, misparsed verb", "17", "In {C}, riot police fired rubber bullets at students.", "COP", "CVL"),
    ("generic actor, misparsed verb", "07", "The government of {C} distributed food to refugees.", "GOV", "REF"),
    ("generic actor", "17", "A court in {C} issued an injunction against the protesters.", "JUD", "OPP"),
    ("generic actor", "11", "The ombudsman of {C} criticised the police.", "GOV", "COP"),
    ("object by-agent", "05", "{S} cheered on the move by {O}.", "S", "O"),
    ("object by-agent", "05", "{S} cheered the decision announced by {O}.", "S", "O"),
    # warning of consequences is a threat: CAMEO.2.0.txt:7715 (WARN … CONSEQUENCES [130])
    ("apposition subject", "13", "On Monday, {S}, the president of the party, warned {O} of the consequences.", "S", "O"),
    ("perfect, misparsed verb", "19", "Police in {C} have laid siege to a university.", "COP", "EDU"),
    ("conditional threat", "13", "{S} said he would raise tariffs on {C} if no deal is reached.", "S", ""),
    ("conditional threat", "13", "{S} will attack {C} if the talks fail.", "S", ""),
    # the noun is the subject of a verb of its course, so the clause reports the event; named
    # only as a topic ("was not on the call between X and Y") it is a re-mention and stays
    # uncoded (gold README; syntax.yaml mention_preps, tests/events/mention_grid_en.tsv)
    ("nominal between", "19", "The clashes between police and protesters in {C} lasted for hours.", "COP", "OPP"),
    ("nominal between", "04", "The talks between {S} and {O} ended on Monday.", "S", "O"),
    ("participle clause", "11", "{S} spoke in Berlin on Monday, criticising {O}.", "S", "O"),
    ("participle clause", "13", "{S} gave a speech on Monday, threatening {O} with sanctions.", "S", "O"),
    ("participle clause", "17", "Police in {C} stormed the building, arresting three protesters.", "COP", "OPP"),
    ("participle clause", "11", "{S} spoke for an hour before criticising {O}.", "S", "O"),
    ("participle clause, coordination", "13", "Police in {C} have surrounded the campus, trapping students inside and "
     "threatened to fire rubber bullets at them.", "COP", "-"),
    ("nominal in temporal phrase", "04", "{S} announced the deal after talks with {O}.", "S", "O"),
    ("nominal in temporal phrase", "04", "{S} signed the treaty during a meeting with {O}.", "S", "O"),
    ("plural description", "04", "{S} met {O} on Monday. The two sides continue to negotiate.", "S", "O"),
    ("plural subject, present", "01", "Police in {C} deny accusations of brutality.", "COP", "-"),
    ("plural subject, present", "01", "Officials in {C} deny reports of an attack.", "GOV", "-"),
    ("plural subject, present", "10", "Protesters in {C} demand the release of their leaders.", "OPP", "-"),
]


# English kinds of session 25 (issue 9: detection on newswire), as EN_ISSUE9 with countries
# only; a code "=XXX" is that code (or actor id), "-" no actor, any other an agent code with
# the country {C}; an optional sixth item is the modality (default "asserted")
EN_S25 = [
    # a past verb the parser read as the root noun, its subject as a compound
    # "shoot dead" is a killing (patterns_en.tsv: shoot dead 1823; session 26, was 19 here)
    ("past verb read as a noun", "18", "Police shot dead two protesters in {C}.", "COP", "OPP"),
    ("past verb read as a noun", "19", "Soldiers shot and killed two protesters in {C}.", "MIL", "OPP"),
    # a past verb the parser read as an adjective after the root noun
    ("past verb read as an adjective", "19", "Government troops clashed with rebels in {C}.", "MIL", "REB"),
    # exchanging or trading fire: both sides fight (CAMEO 190)
    ("exchange fire", "19", "{C} and Russia exchanged fire across the border.", "", "=RUS"),
    ("exchange fire", "19", "Russia and {C} traded fire on Monday.", "=RUS", ""),
    ("exchange fire", "19", "Troops in {C} exchanged fire with rebels.", "MIL", "REB"),
    # coordinated subjects the parser read as a root noun and a clause of the second one
    ("coordinated subjects read as a clause", "04", "India and Pakistan held talks in {C}.", "=IND", "=PAK"),
    ("coordinated subjects read as a clause", "08", "India and Pakistan exchanged prisoners in {C}.", "=IND", "=PAK"),
    # a whole clause read as one noun phrase, at the root or before "…, X said"
    ("clause read as a noun phrase", "11", "The European Union condemned Russia's attack on {C} and called for talks.",
     "=org:eu", "=RUS"),
    ("clause read as a noun phrase", "19", "Russian warplanes bombed rebel positions in {C}, the army said in a statement.",
     "=RUSMIL", "-", "reported"),
    # verbs sharing one object ("right node raising": UD hangs it on the second verb)
    ("verbs sharing an object", "11", "{C} condemned and rejected the NATO decision.", "", "=org:nato"),
    ("verbs sharing an object", "11", "{C} criticized and later sanctioned Belarus.", "", "=BLR"),
    ("verbs sharing an object", "17", "Police in {C} arrested and charged three opposition leaders.", "COP", "OPP"),
    # titled names coordinated: the second hangs on the first's last word
    ("coordinated titled names", "04", "The minister of {C} met French President Nicolas Sarkozy and German Chancellor "
     "Angela Merkel.", "GOV", "=per:angela_merkel"),
    # the agent of an agentless passive of force named in its means ("killed in an ambush by X")
    ("agent of the means of a passive", "18", "Two soldiers from {C} were killed in an ambush by Taliban fighters.",
     "=org:taliban", "MIL"),
    ("agent of the means of a passive", "18", "Two soldiers from {C} were killed in an attack by Taliban insurgents.",
     "=org:taliban", "MIL"),
    # a passive participle after "were" that the tagger read as an adjective
    ("passive participle read as an adjective", "18", "Two soldiers from {C} were wounded in an ambush by Taliban "
     "fighters.", "=org:taliban", "MIL"),
    ("passive participle read as an adjective", "18", "Three civilians in {C} were wounded in the attack.", "-", "CVL"),
]


# English kinds of session 26 (issue 9, the known leftovers of real news): (construction,
# root, sentence, source code, target code), one row each -- names and adjectives of
# countries, not only the grid's six countries
EN_S26 = [
    # a resultative adjective the parser split from its verb ("shot dead/xcomp a man/obj(dead)")
    ("resultative adjective", "18", "Troops shot dead two rebels in Georgia.", "GEOMIL", "GEOREB"),
    ("resultative adjective", "18", "Two rebels were shot dead by police in Moldova.", "MDACOP", "MDAREB"),
    ("resultative adjective", "18", "Israeli troops shot dead a Palestinian teenager.", "ISRMIL", "PSECVL"),
    ("resultative adjective", "18", "Soldiers shot dead two protesters in Lithuania on Sunday.", "LTUMIL", "LTUOPP"),
    # military hardware named for the force that uses it
    ("military hardware as actor", "19", "Israeli jets struck Hamas positions in Gaza.", "ISRMIL", "org:hamas"),
    ("military hardware as actor", "19", "Turkish drones struck Kurdish fighters in Iraq.", "TURMIL", "IRQREB"),
    ("military hardware as actor", "19", "Russian helicopters attacked rebels in Syria.", "RUSMIL", "SYRREB"),
    ("military hardware as actor", "19", "American gunships fired on Taliban fighters.", "USAMIL", "org:taliban"),
    # a state's formal protest to another (CAMEO 114)
    ("protest to a state", "11", "China protested to Japan over the visit.", "CHN", "JPN"),
    ("protest to a state", "11", "South Korea protested to Japan on Tuesday.", "KOR", "JPN"),
    ("protest to a state", "11", "The government of Estonia protested to Russia over the detention.", "ESTGOV", "RUS"),
    ("protest to a state", "11", "Iran protested to Britain over the seizure of a tanker.", "IRN", "GBR"),
]


def _ing(base: str) -> str:
    """The -ing form of the grid's regular verbs ("kidnap" doubles its consonant)."""
    if base == "kidnap":
        return "kidnapping"
    return (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"


# English phrasal verbs: (root, past tense with its particle, frame after the verb)
EN_PHRASAL = [
    ("02", "called on", "{O} to resign"),
    ("04", "sat down with", "{O}"),
    ("08", "backed down to", "{O}"),
    ("12", "turned down", "{O}"),
    ("16", "pulled out of", "{C}"),
    ("17", "rounded up", "supporters of {O}"),
    ("17", "cracked down on", "{O}"),
    ("19", "shot down", "a plane of {O}"),
]
EN_PARTICIPLE = {"called": "called", "sat": "sat", "backed": "backed", "turned": "turned", "pulled": "pulled",
                 "rounded": "rounded", "cracked": "cracked", "shot": "shot"}

# English nominal events: the event is a noun with its source (possessive or "by") and target
EN_NOMINAL = [
    ("04", "{S}'s meeting with {O} lasted two hours."),
    ("04", "The talks between {S} and {O} lasted two hours."),
    ("11", "{S}'s criticism of {O} surprised the diplomats."),
    ("19", "{S}'s attack on {O} surprised the diplomats."),
    ("04", "{S}'s visit to {C} lasted two days."),
    ("19", "{S}'s invasion of {C} began on Monday."),
    ("16", "{S}'s sanctions against {O} took effect on Monday."),
    ("17", "The arrest of {O} by {S} surprised the diplomats."),
]


def write(path: Path, rows: List[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by scripts/make_event_grid.py: construction, text, expected event\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["construction", "text", "source", "target", "root", "modality", "negated"])
        w.writerows(rows)


if __name__ == "__main__":
    write(OUT / "grid_de.tsv", german())
    write(OUT / "grid_en.tsv", english())
    print(len(german()), len(english()))
