"""Role nouns and titles before names: a post-NER repair (issue 10, "role noun + name").

A statistical NER trained on little data sometimes takes the role noun in front of a name
into the entity and then labels the whole by the noun's look: "Die [Landesrätin Anna
Berger]LOC", "[SPD-Chef Lars Becker]ORG". lagebild's NER follows GermEval 2014's
convention, in which role nouns, titles and forms of address stay outside the PER span
("Landesrätin [Anna Berger]PER"). The component ``lagebild_ner_roles`` (added after the
NER by :func:`lagebild.language.load_base`) repairs each PER/LOC/ORG entity:

1. Leading role/title tokens ``R`` with a non-empty rest ``M`` ("Landesrätin" | "Anna
   Berger"): the entity becomes ``M`` -- labelled PER when ``M`` looks like a person's
   name (:func:`looks_like_person`: a known given name, then one to three capitalised
   words) or when the NER had said PER already; otherwise (the rest is no person's name:
   "Kaiser-Wilhelm-Gedächtniskirche", "Neumann Bau GmbH") the entity stays as it was.
2. An entity right after a role/title token that looks like a person's name but is
   labelled LOC/ORG ("Die Landesrätin [Anna Berger]LOC") is relabelled PER.
3. A one-token entity that is a hyphenated role compound with a name as its first part
   ("[SPD-Chef]ORG", "[Kreml-Sprecher]LOC") is dropped: GermEval's ORGpart/LOCpart, which
   lagebild's NER data maps to O (a PER one only when the first part is an acronym:
   "Schmidt-Richter" may be a double surname).

MISC entities (titles of works: "Kommissar Rex") are left alone. Nothing else changes.

Role lexicon (all German, readable data files): ``kb/agents.tsv`` rows with ``person=y``
and their inflected forms (``kb/inflection.tsv``), the heads of ``kb/compound_roles.tsv``
(matched as the end of a compound: "Gewerkschaftschefin"), ``de/person_role_heads.txt``
(same), and ``language/name_prefixes.tsv`` (titles such as "Dr.", "Prof.", "Frau", matched
whole; further role nouns). Given names: :func:`lagebild.language.names.given_names` (the
one list the linker and :mod:`lagebild.language.role_names` read too).

Measured on the grid of own sentences ``tests/language/role_grid.tsv`` by
``python training/role_grid.py`` (see the model README). ``$LAGEBILD_ROLE_REPAIR=0``
turns the repair off (for measuring what it does).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, Iterable, List, Optional, Sequence, Tuple

from ..datafiles import data_path, iter_tsv, word_list
from .names import given_names

LANGS = ("de",)
LABELS = ("PER", "LOC", "ORG")
MAX_NAME_WORDS = 4  # given name(s) + surname(s) of the rest ("Anna Maria Berger-Huber")
COMPONENT = "lagebild_ner_roles"
MIN_ENDING = 4  # letters of a role noun matched as the end of a compound
KINDS = ("title", "role", "whole", "head")  # row kinds of language/name_prefixes.tsv


@dataclass(frozen=True)
class RoleLexicon:
    """``titles``: whole-token forms ("Dr.", "Frau"); ``words``: role-noun forms matched
    whole ("Präsident", "Landesrätin"); ``endings``: lower-case role-noun forms matched as
    the last part of a compound ("chefin" in "Gewerkschaftschefin", "SPD-Chefin")."""

    titles: FrozenSet[str]
    words: FrozenSet[str]
    endings: Tuple[str, ...]  # longest first
    given_names: FrozenSet[str]
    name_heads: Tuple[str, ...] = ()  # lower-case last words of place/organisation names

    def is_role(self, text: str) -> bool:
        """Whether the token ``text`` is a title or a (compound) role noun. A role noun is
        written with a capital (German nouns); a hyphenated word is judged by its last part
        ("Kreml-Sprecher", "SPD-Chef"); a known given name is matched only as a whole
        listed form, never by its ending ("Hermann" is no "-mann")."""
        if text in self.titles or text in self.words:
            return True
        if text in self.given_names or not text[:1].isupper():  # "Hermann" ends like "Landeshauptmann"
            return False
        last = text.rsplit("-", 1)[-1]
        if not last.isalpha():
            return False
        if last in self.words or last.capitalize() in self.words:
            return True
        low = last.lower()
        return low.endswith(self.endings)  # a tuple: str.endswith tries each (C), as any() did


def _inflected(rows: Iterable[dict], term_key: str) -> List[Tuple[str, bool]]:
    """(form, plural-only) of each row's term by ``kb/inflection.tsv``."""
    infl = {}
    for row in iter_tsv(data_path("kb", "inflection.tsv"), required=("class", "lang", "suffixes")):
        suffixes = []
        for s in (row["suffixes"] or "").split("|"):
            form, _, tag = s.partition(":")
            suffixes.append(("" if form == "0" else form, tag == "pl"))
        infl[(row["class"], row["lang"])] = (row.get("strip") or "", suffixes)
    out = []
    for row in rows:
        cls = row.get("infl") or "-"
        strip, suffixes = infl.get((cls, row["lang"])) or infl[(cls, "*")]
        term = row[term_key]
        stem = term[: -len(strip)] if strip and term.endswith(strip) else term
        out.extend((stem + suf, pl) for suf, pl in suffixes)
        out.extend((f, False) for f in (row.get("forms") or "").split("|") if f)
    return out


@lru_cache(maxsize=4)
def lexicon(lang: str = "de") -> RoleLexicon:
    """The role lexicon of ``lang`` (see the module docstring). Errors: DataFileError
    naming file and line for a malformed row."""
    titles, words, endings, name_heads, no_ending = set(), set(), set(), set(), set()
    agents = [r for r in iter_tsv(data_path("kb", "agents.tsv"), required=("lang", "term", "agent"))
              if r["lang"] == lang and r.get("person") == "y"]
    for form, _ in _inflected(agents, "term"):
        words.add(form)
    # heads naming one person ("Minister", not "Ministerium" or "Polizei")
    heads = [r for r in iter_tsv(data_path("kb", "compound_roles.tsv"), required=("lang", "part", "form", "agent"))
             if r["lang"] == lang and r["part"] == "head" and r.get("person") == "y"]
    for form, _ in _inflected(heads, "form"):
        endings.add(form.lower())
    person_heads = data_path(lang, "person_role_heads.txt")
    if person_heads.is_file():
        endings.update(w.lower() for w in word_list(str(person_heads)))
    for row in iter_tsv(data_path("language", "name_prefixes.tsv"), required=("lang", "kind", "forms"),
                        validate=lambda r: None if r["kind"] in KINDS else f"kind {r['kind']!r} is not one of {', '.join(KINDS)}"):
        if row["lang"] != lang:
            continue
        forms = [f for f in row["forms"].split("|") if f]
        if row["kind"] == "head":
            name_heads.update(f.lower() for f in forms)
        elif row["kind"] == "whole":
            no_ending.update(f.lower() for f in forms)
        elif row["kind"] == "title":
            titles.update(forms)
        else:
            words.update(forms)
            endings.update(f.lower() for f in forms)
    # a compound ending of 4+ letters ("Gornergrat" is no "-rat"), and none that ends
    # surnames ("Hoffmann", "Steilmann": kind=whole in name_prefixes.tsv)
    endings = {e for e in endings if len(e) >= MIN_ENDING and e not in no_ending}
    given = set(given_names(lang))
    given -= titles | words
    return RoleLexicon(frozenset(titles), frozenset(words),
                       tuple(sorted(endings, key=lambda e: (-len(e), e))), frozenset(given),
                       tuple(sorted(name_heads)))


def _name_word(text: str) -> bool:
    """A capitalised word of a name: "Berger", "Berger-Huber", "Kühn", "O'Neill"."""
    core = text.replace("-", "").replace("'", "").replace("’", "")
    return bool(core) and core.isalpha() and text[:1].isupper() and not text.isupper()


def looks_like_person(words: Sequence[str], lex: RoleLexicon) -> bool:
    """Whether ``words`` read as a person's name: a known given name, then one to
    ``MAX_NAME_WORDS - 1`` capitalised words (further given names, surnames; a surname may
    look like a role noun: "Hoffmann", "Richter"), the last not ending in a word that heads
    place and organisation names ("Prinz Albert Park", "Anna Müller GmbH": ``kind=head`` in
    ``language/name_prefixes.tsv``)."""
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[0] not in lex.given_names:
        return False
    if not all(_name_word(w) for w in words[1:]):
        return False
    low = words[-1].lower()
    # short heads ("berg", "ag") only as the whole word: "Anna Steinberg" is a person
    return not any(low == h or (len(h) >= 5 and low.endswith(h)) for h in lex.name_heads)


def _part_role(word: str, label: str, lex: RoleLexicon) -> bool:
    """A hyphenated role compound whose first part is a name ("SPD-Chef", "US-Präsident",
    "Kreml-Sprecher"): GermEval's ORGpart/LOCpart, which lagebild's NER data maps to O.
    Only when the first part is an acronym or the NER did not say PER: a double surname
    ("Schmidt-Richter") may end like a role noun."""
    if "-" not in word.strip("-"):
        return False
    first, _, last = word.rpartition("-")
    if not last[:1].isupper() or not lex.is_role(last) or last in lex.titles:
        return False
    return label != "PER" or (first.replace("-", "").isupper() and len(first) >= 2)


def repair_spans(words: Sequence[str], ents: Sequence[Tuple[int, int, str]],
                 lex: RoleLexicon) -> List[Tuple[int, int, str]]:
    """The repaired entities (token spans ``(start, end, label)``, end exclusive) of a
    sentence or document ``words`` (see the module docstring for the three rules)."""
    out = []
    for start, end, label in ents:
        if label not in LABELS:
            out.append((start, end, label))
            continue
        k = start
        # the last word is never stripped: a surname may look like a role ("Hofmann")
        while k < end - 1 and lex.is_role(words[k]):
            k += 1
        if start < k < end and _name_word(words[k]):
            rest = list(words[k:end])
            if looks_like_person(rest, lex) or label == "PER":
                out.append((k, end, "PER"))
                continue
            out.append((start, end, label))
            continue
        if end - start == 1 and _part_role(words[start], label, lex):
            continue  # "[SPD-Chef]ORG": a name part of a role compound is no entity
        if (k == start and label != "PER" and start > 0 and lex.is_role(words[start - 1])
                and looks_like_person(list(words[start:end]), lex)):
            out.append((start, end, "PER"))
            continue
        out.append((start, end, label))
    return out


def enabled() -> bool:
    """``$LAGEBILD_ROLE_REPAIR`` is not "0" (default: on)."""
    return os.environ.get("LAGEBILD_ROLE_REPAIR", "1").strip() != "0"


class RoleNameRepair:
    """spaCy component: applies :func:`repair_spans` to ``doc.ents`` (see module docstring).
    Entities only shrink or go, and labels change only to PER; the KB ids and other
    entity attributes of untouched entities are kept."""

    def __init__(self, lang: str = "de") -> None:
        self.lex = lexicon(lang)

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        from spacy.tokens import Span

        ents = doc.ents
        if not ents:
            return doc
        from ..tokens import token_texts

        words = list(token_texts(doc))  # [t.text for t in doc], without Token objects
        triples = [(e.start, e.end, e.label_) for e in ents]
        new = repair_spans(words, triples, self.lex)
        if new == triples:
            return doc
        kept = {(e.start, e.end, e.label_): e for e in ents}
        spans = [kept.get(n) or Span(doc, n[0], n[1], label=n[2]) for n in new]
        doc.set_ents(spans, default="outside")  # a stripped role noun is O
        return doc


def add_to(nlp, lang: str):  # type: ignore[no-untyped-def]
    """Add ``lagebild_ner_roles`` as the last component of ``nlp`` when ``lang`` has a
    role lexicon, the pipeline has an entity recogniser and the repair is
    :func:`enabled`; returns ``nlp``."""
    from spacy.language import Language

    if lang not in LANGS or not enabled() or COMPONENT in nlp.pipe_names:
        return nlp
    if "ner" not in nlp.pipe_names:
        return nlp
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"lang": "de"})(
            lambda nlp, name, lang: RoleNameRepair(lang))
    nlp.add_pipe(COMPONENT, config={"lang": lang})
    return nlp


def first_role_span(words: Sequence[str], start: int, end: int, lex: Optional[RoleLexicon] = None) -> int:
    """Index of the first token of ``words[start:end]`` that is no role noun or title
    (``end`` if all are): training/ner_data.py uses it to move leading role nouns out of
    PER/LOC/ORG spans in the open training sets."""
    lex = lex or lexicon("de")
    k = start
    while k < end and lex.is_role(words[k]):
        k += 1
    return k
