"""Derive German event nouns from the German verb lexicon (issue 9): the -ung
nominalisations of the verb triggers, each with the verb's CAMEO code and an argument frame.

Usage::

    python scripts/derive_nominal_patterns.py [-o src/lagebild/data/events/patterns_de_nominal.tsv]

Method (deterministic; the output is committed and loaded as a second-tier pattern file,
so a hand-written pattern of the same noun always wins):

* a verb trigger of ``patterns_de.tsv`` and ``patterns_de/*.tsv`` qualifies when it has
  exactly one CAMEO code among its plain rows (no required words, no flags), no row that
  codes nothing (``---``) and no sense restriction (``context=``, ``not=``, ``passive``):
  an ambiguous verb ("treffen": hit or meet) gives no noun;
* its nominalisation is formed by rule -- ``-ieren`` → ``-ierung`` (bombardieren →
  Bombardierung), ``-eln`` → ``-lung`` (verhandeln → Verhandlung), ``-ern`` → ``-erung``
  (fordern → Forderung), ``-en`` → ``-ung`` (verhaften → Verhaftung) -- and kept only when
  the German dictionary of simplemma (the lemmatizer lagebild already uses) knows the word
  (so "Festnehmung", "Angreifung" are not invented; irregular nouns such as Festnahme and
  Angriff are hand-written in ``patterns_de/``);
* nouns that name an institution, a state or a result rather than an act ("Regierung",
  "Führung", "Meinung", "Bewegung", :data:`NOT_EVENTS`) and nouns already hand-written are
  skipped, and so are verbs of root 01 (statements are not events of the scorer);
* argument frame: for a verb with a direct object (its target slots are the default or
  name ``obj``) the genitive and the von-phrase are the patient ("die Verhaftung des
  Bürgermeisters", "die Bombardierung von Aleppo"): target ``poss,prep:von`` plus the verb's
  prepositional target slots, and the agent comes with "durch"; for a verb whose target
  is only a PP ("protestieren gegen") the noun keeps those slots and its genitive is the
  agent. A ``mutual`` verb gives a ``mutual`` noun.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Set

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.datafiles import data_path, iter_tsv  # noqa: E402
from lagebild.events.patterns import pattern_files  # noqa: E402

OUT = data_path("events", "patterns_de_nominal.tsv")

# -ung nouns of event verbs that usually name an institution, a state, a document or a
# result, not the act ("die Regierung", "die Führung der Partei", "eine Bewegung")
NOT_EVENTS = frozenset("""
regierung verwaltung führung leitung vertretung stellung haltung meinung bedeutung zeitung
ordnung richtung wohnung bildung stimmung hoffnung rechnung sitzung vereinigung verbindung
beziehung bewegung sammlung stiftung einrichtung leistung wirkung entwicklung erfahrung
bedingung vorstellung ausstellung darstellung einstellung verfassung verantwortung
wahrnehmung überzeugung begründung erklärung mitteilung äußerung behauptung stellungnahme
versammlung siedlung lage lösung entscheidung bestimmung regelung erwartung befürchtung
vermutung rüstung ausrüstung bewaffnung kleidung nahrung versorgung zahlung rechnung
spannung strömung ahnung achtung beachtung betrachtung beobachtung
ausbildung werbung zusammensetzung entlassung stützung ergebung spendung beschwerung
einlenkung investierung beabsichtigung abschließung aufsuchung rechtfertigung vergebung
verzeihung zurückerstattung verwerfung ausschließung begrüßung preisung enterung
appellation bombarde drangsal garant konsult paraphe rebell train telefon ehre billige nötige
schlichte zwinge verdächtige gratulation hetze
""".split())
# (the second block: nouns of the other nominalisation patterns, nominalise_other, that name
# a person, a thing or another sense -- "Garant", "Rebell", "Telefon", "Ehre" -- or that
# simplemma lists as a lemma though they are verb forms -- "Billige", "Zwinge"), or whose
# genitive is the agent, not the patient the derived frame makes it ("die Gratulation des
# Präsidenten", "die Hetze der Partei gegen …": to be hand-written with their own frame)


def nominalise(verb: str) -> List[str]:
    """Candidate -ung nouns of a German verb lemma (lower case), most regular first."""
    if verb.endswith("ieren"):
        return [verb[:-2] + "ung"]
    if verb.endswith("eln"):
        return [verb[:-3] + "lung", verb[:-1] + "ung"]
    if verb.endswith("ern"):
        return [verb[:-1] + "ung"]
    if verb.endswith("en"):
        return [verb[:-2] + "ung"]
    return []


def nominalise_other(verb: str) -> List[str]:
    """Candidate event nouns of a German verb lemma (lower case) by the other productive
    patterns of German verb nominalisation (Duden-Grammatik, Wortbildung: Substantive aus
    Verben), most regular first:

    * Latin-derived ``-ieren`` verbs: ``-ation`` / ``-tion`` / ``-ion`` (kooperieren →
      Kooperation, intervenieren → Intervention, annektieren → Annexion is irregular and
      not formed) and the bare stem or stem + ``-e`` (protestieren → Protest, boykottieren
      → Boykott, sanktionieren → Sanktion, kontrollieren → Kontrolle, attackieren → Attacke);
    * other verbs: stem + ``-e`` (anklagen → Anklage, hetzen → Hetze, spenden → Spende).

    The bare stem of other verbs (besuchen → Besuch, putschen → Putsch) was tried and
    dropped: the dictionary lists too many homographs (reisen → "Reis", preisen → "Preis",
    schützen → "Schütz"); those nouns are hand-written. Ablaut nouns (angreifen → Angriff, festnehmen → Festnahme) are not formed by rule;
    they are hand-written in ``patterns_de/``."""
    if verb.endswith("ieren"):
        stem = verb[:-5]
        return [stem + "ation", stem + "tion", stem + "ion", stem, stem + "e"]
    if verb.endswith("en") and not verb.endswith(("eln", "ern")):
        return [verb[:-1]]
    return []


def german_words():
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("de")


def derive() -> List[Dict[str, str]]:
    rows_by_trigger: Dict[str, List[Dict[str, Optional[str]]]] = defaultdict(list)
    hand_nouns: Set[str] = set()
    for path in pattern_files("de"):
        for row in iter_tsv(path, required=("trigger", "code")):
            row["_file"] = path.name
            flags = (row.get("flags") or "").split()
            if "noun" in flags:
                hand_nouns.add(row["trigger"].lower())
                continue
            rows_by_trigger[row["trigger"].lower()].append(row)
    words = german_words()
    out: List[Dict[str, str]] = []
    for verb in sorted(rows_by_trigger):
        rows = rows_by_trigger[verb]
        if any(r["code"] == "---" for r in rows):
            continue
        if any(f.startswith(("context=", "not=")) or f == "passive" for r in rows for f in (r.get("flags") or "").split()):
            continue
        plain = [r for r in rows if not r.get("words") and not [f for f in (r.get("flags") or "").split() if f != "mutual"]]
        codes = {r["code"] for r in plain}
        if len(codes) != 1:
            continue
        code = codes.pop()
        if code.startswith("01"):
            continue
        nouns = [n for n in nominalise(verb) if n[:1].upper() + n[1:] in words][:1]
        if len({r["code"] for r in rows}) == 1:
            # the other patterns only for a verb with one code in all its rows ("mobilisieren"
            # of troops is 15x, of opposition 113: no "Mobilisation")
            nouns += [n for n in nominalise_other(verb) if _is_noun_lemma(words, n)]
        nouns = [n for n in nouns if n not in NOT_EVENTS and n not in hand_nouns]
        for noun in dict.fromkeys(nouns):
            out.append(_noun_row(noun, code, plain[0]))
            hand_nouns.add(noun)  # one verb's noun is not derived again from another verb
    return out


def _is_noun_lemma(words, noun: str) -> bool:
    """``noun`` (lower case) is a German noun lemma of the dictionary: its capitalised form is
    listed as its own lemma ("Anklage"), not as an inflected form of another word
    ("Ausweise" -> Ausweis) and not only in lower case."""
    cap = noun[:1].upper() + noun[1:]
    return words.get(cap) == cap


def _noun_row(noun: str, code: str, first: Dict[str, Optional[str]]) -> Dict[str, str]:
    """The pattern row of event noun ``noun`` derived from the verb row ``first``."""
    slots = [s.strip() for s in (first.get("target") or "").split(",") if s.strip()]
    preps = [s for s in slots if s.startswith("prep:")]
    if not slots or "obj" in slots:
        target = ["poss", "prep:von"] + [p for p in preps if p != "prep:von"]
    else:
        target = preps or ["prep:gegen"]
    flags = ["noun"] + (["mutual"] if "mutual" in (first.get("flags") or "").split() else [])
    return {"trigger": noun[:1].upper() + noun[1:], "code": code, "target": ",".join(target),
            "flags": " ".join(flags), "note": f"{first['trigger'].lower()} ({first['_file']}:{first['_line']})"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    rows = derive()
    lines = [
        "# German event nouns derived from the German verb lexicon by scripts/derive_nominal_patterns.py",
        "# (-ung, -ation/-ion, stem and stem+e nominalisations of unambiguous verb triggers, checked",
        "# against simplemma's German dictionary, less NOT_EVENTS; argument frame from the verb's",
        "# target slots). Generated: do not edit by hand;",
        "# a hand-written noun in patterns_de/ wins (this file is a second tier).",
        "trigger\tcode\twords\ttarget\tflags\tnote",
    ]
    lines += [f"{r['trigger']}\t{r['code']}\t\t{r['target']}\t{r['flags']}\tfrom {r['note']}" for r in rows]
    Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
