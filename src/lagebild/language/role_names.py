"""Persons the text introduces by a role, whose name the NER did not find.

A news text introduces a person once with a role and then uses the name, often the surname
alone: "sagt Politologe Laurenz Ennser-Jedenastik" … "Ennser-Jedenastik: Das ist schwer zu
interpretieren"; "der Budgetsprecher der Grünen, Bruno Rossmann" … "so Rossmann". When the
named-entity model misses such a name, no actor mention covers it and every statement,
event or forecast of that person loses its actor.

:func:`add_role_named_persons` finds these names after the actor linker has run and adds,
for each, a document-local person actor (``prov:<slug>``, type PER) whose CAMEO code is the
role's (the linker's "a person named with a role carries the role's code", README of
``data/kb``), with a mention of the name and of each later use of the full name or the
surname. Two constructions are read:

- the role directly before the name, with or without article ("Politologe Laurenz X",
  "die Stadträtin Elke Kahr");
- a comma apposition after a role phrase of at most :data:`MAX_ROLE_TOKENS` tokens that
  names the body the role belongs to ("der Budgetsprecher der Grünen, Bruno Rossmann",
  "die stellvertretende Leiterin des UNHCR in Kenia, Sakura Atsumi"): the person speaks for what the
  whole phrase resolves to (:func:`lagebild.language.reference.represented`, else the
  role's own actor).

A name is 1–3 capitalised words whose first is a proper noun or a known given name
(:func:`lagebild.language.names.given_names`) and none of which an actor mention covers already.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ..schemas import Actor, Mention
from .names import given_names
from ..tokens import doc_text, get_list, mentions_in, token_texts

MAX_ROLE_TOKENS = 8
MAX_NAME_TOKENS = 3
_DONE_KEY = "lagebild_role_named"
_NAME_CHAR = re.compile(r"^[A-ZÄÖÜ][\w'’\-.]*$")
_STOP_POS = frozenset(("VERB", "AUX", "SCONJ", "CCONJ", "PRON"))


def _given_names() -> frozenset:
    """The given names every name-reading mechanism shares (:mod:`lagebild.language.names`)."""
    return given_names()


def _slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", norm).strip("_")


def _name_at(doc: Doc, i: int, given: frozenset) -> Optional[Tuple[int, int]]:
    """Token range ``[i, j)`` of a person name starting at token ``i``, or None."""
    if i >= len(doc):
        return None
    first = doc[i]
    if not _NAME_CHAR.match(first.text) or not (first.pos_ == "PROPN" or first.text in given):
        return None
    j = i
    while j < len(doc) and j - i < MAX_NAME_TOKENS and _NAME_CHAR.match(doc[j].text) and doc[j].pos_ not in _STOP_POS:
        j += 1
    # a name of one word needs a given name or a second word ("Politologe Müller" is too
    # weak; "Politologe Laurenz Ennser-Jedenastik" is a name)
    if j - i < 2 and first.text not in given:
        return None
    return i, j


def _uncovered(doc: Doc, i: int, j: int) -> bool:
    return not mentions_in(doc, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))


def _token_at(doc: Doc, char: int) -> Optional[Token]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _provisional_at(doc: Doc, i: int, j: int, by_id: Dict[str, Actor]) -> Optional[Actor]:
    """The provisional actor without a code whose mention covers exactly tokens ``[i, j)``
    (a name the NER found but no role was attached to), else None."""
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    for m in mentions_in(doc, s, e):
        actor = by_id.get(m.actor_id)
        if m.start == s and m.end == e and _uncoded_name(doc, i, j, actor):
            return actor
    return None


def _uncoded_name(doc: Doc, i: int, j: int, actor: Optional[Actor]) -> bool:
    """Whether ``actor`` (mentioned by tokens ``[i, j)``) is a name the KB does not know and
    no code was given: a provisional person, or a provisional place or organisation that has
    the shape of a person's name (2–3 capitalised words; the NER sometimes labels an
    unfamiliar name "Sakura Atsumoto" LOC — after a person's role it is a person)."""
    if actor is None or not actor.provisional or actor.code:
        return False
    if actor.type == "PER":
        return True
    return (actor.type in ("LOC", "ORG", "MISC") and 2 <= j - i <= MAX_NAME_TOKENS
            and all(_NAME_CHAR.match(doc[n].text) and doc[n].pos_ not in _STOP_POS for n in range(i, j)))


def _mention_name_at(doc: Doc, i: int, by_id: Dict[str, Actor]) -> Optional[Tuple[int, int]]:
    """Token range of an uncoded provisional actor's mention starting at token ``i`` (the
    NER found the name; its first word may be tagged as a common noun)."""
    if i >= len(doc):
        return None
    for m in mentions_in(doc, doc[i].idx, doc[i].idx + len(doc[i])):
        actor = by_id.get(m.actor_id)
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start == doc[i].idx else None
        if span is not None and _uncoded_name(doc, span.start, span.end, actor):
            return span.start, span.end
    return None


def _after_role(doc: Doc, m: Mention, given: frozenset, ok, by_id=None) -> Optional[Tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    """``(name start token, name end token, end char of the role phrase)`` for the name a
    role mention introduces, or None; ``ok(i, j)`` says whether tokens ``[i, j)`` may be
    taken (no mention, or an uncoded provisional one)."""
    last = _token_at(doc, m.end - 1)
    if last is None:
        return None
    k = last.i + 1
    by_id = by_id or {}
    found = _name_at(doc, k, given) or _mention_name_at(doc, k, by_id)
    if found and ok(*found):
        return found[0], found[1], m.end
    # a comma apposition after a short role phrase: "der Budgetsprecher der Grünen, Bruno X"
    depth = 0
    for n in range(k, min(len(doc), k + MAX_ROLE_TOKENS + 1)):
        tok = doc[n]
        if tok.text == "(":  # an abbreviation in brackets: "des Rechtsanwaltskammertags (ÖRAK), X"
            depth += 1
            continue
        if tok.text == ")" and depth:
            depth -= 1
            continue
        if depth:
            continue
        if tok.text == ",":
            found = _name_at(doc, n + 1, given) or _mention_name_at(doc, n + 1, by_id)
            if found and ok(*found):
                end = found[1]
                if end >= len(doc) or doc[end].is_punct or doc[end].pos_ in ("VERB", "AUX", "ADP"):
                    return found[0], found[1], tok.idx
            return None
        if tok.is_punct or tok.pos_ in _STOP_POS or tok.is_sent_start:
            return None
    return None


def add_role_named_persons(doc: Doc) -> List[Actor]:
    """Add person actors (and their mentions) for names introduced by a role that no
    mention covers; returns the actors added. Idempotent per Doc; needs
    ``doc._.mentions``/``doc._.actors`` from ``lagebild_actors``."""
    if doc.user_data.get(_DONE_KEY):
        return []
    doc.user_data[_DONE_KEY] = True
    mentions = get_list(doc, "mentions")
    actors = get_list(doc, "actors")
    by_id = {a.id: a for a in actors}
    from .reference import proxy_kind, represented  # late: reference imports the KB lexicon

    roles = [m for m in mentions if m.kind == "role" and m.actor_id in by_id]
    # a head or spokesperson noun the KB does not read as a role ("die Vize-Chefin des
    # UNHCR", "der Budgetsprecher der Grünen"): the body it depends on, via ``represented``
    for i, word in enumerate(token_texts(doc)):
        if not word[:1].isupper():  # by the text first (no Token object)
            continue
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN") and not mentions_in(doc, tok.idx, tok.idx + len(tok)):
            if proxy_kind(doc, tok.idx, tok.idx + len(tok)) == "person":
                roles.append(Mention(actor_id="", start=tok.idx, end=tok.idx + len(tok), text=tok.text, kind="role"))
    if not roles:
        return []
    roles.sort(key=lambda mm: mm.start)

    given = _given_names()
    text = doc_text(doc)
    added: List[Actor] = []
    names: Dict[str, Actor] = {}
    new_mentions: List[Mention] = []
    retyped: List[Actor] = []
    def ok(i: int, j: int) -> bool:
        return _uncovered(doc, i, j) or _provisional_at(doc, i, j, by_id) is not None

    for m in roles:
        hit = _after_role(doc, m, given, ok, by_id)
        if hit is None:
            continue
        i, j, role_end = hit
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        name = text[start:end]
        role_actor = by_id.get(represented(doc, m.start, role_end) or "") or by_id.get(m.actor_id)
        if role_actor is None:
            continue
        code = role_actor.code or (role_actor.country if role_actor.country else None)
        if not code:
            continue
        known = _provisional_at(doc, i, j, by_id)
        if known is not None:
            # the NER found the name, the apposition's role was not attached: give it the code
            known.code, known.role = code, known.role or text[m.start:role_end]
            known.country = known.country or (code[:3] if code[:3].isalpha() else None)
            if known.type != "PER":  # a name the NER labelled LOC/ORG: its later surname too
                known.type = "PER"
                names.setdefault(name, known)
                retyped.append(known)
            continue
        actor_id = "prov:" + _slug(name)
        if actor_id in by_id:
            continue
        actor = names.get(name)
        if actor is None:
            actor = Actor(
                id=actor_id, name=name, type="PER", country=code[:3] if code[:3].isalpha() else None,
                role=text[m.start:role_end], code=code, provisional=True,
            )
            names[name] = actor
            added.append(actor)
        new_mentions.append(Mention(actor_id=actor.id, start=start, end=end, text=name, kind="name"))
    if not added and not retyped:
        return []
    # later uses of the full name or of the surname alone
    for name, actor in names.items():
        surname = name.split()[-1]
        pattern = re.compile(r"(?<![\w-])(" + re.escape(name) + "|" + re.escape(surname) + r")(?![\w-])")
        first = min((mm.start for mm in new_mentions if mm.actor_id == actor.id),
                    default=min((st for st, _ in actor.mentions), default=0))
        for hit in pattern.finditer(text, first):
            s, e = hit.span()
            if any(mm.start <= s < mm.end for mm in new_mentions) or mentions_in(doc, s, e):
                continue
            kind = "name" if hit.group(1) == name else "surname"
            new_mentions.append(Mention(actor_id=actor.id, start=s, end=e, text=hit.group(1), kind=kind))
    own = {a.id: a for a in added + retyped}
    for mm in new_mentions:
        own[mm.actor_id].mentions.append((mm.start, mm.end))
    actors.extend(added)
    mentions.extend(new_mentions)
    mentions.sort(key=lambda mm: (mm.start, mm.end))
    return added
