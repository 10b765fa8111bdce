"""English: a person the text only names, coded by what the text says was done to them.

US domestic news names many private persons the actor KB cannot know ("Michael Webb",
"John Carter, 34,"). When the text says such a person was arrested, charged, indicted,
convicted or sentenced -- a CAMEO legal-coercion event with the person as its target
(:data:`LEGAL_CODES`: 173 "Arrest, detain, or charge with legal action", 116 "Find guilty or
liable (legally)") -- CAMEO coders code the person as a criminal suspect: the agent ``CRM``
of the country of the context ("USACRM"), ``---CRM`` when the text names no country. The
code then holds for the whole document, so "Webb attacked a guard" after "Webb was
charged with murder" has a coded source as well.

Only persons without any code are touched (a senator who is indicted stays ``USALEG``);
organisations are not (a company that is charged is still a business). German is left as
it is (its real-news gold codes such persons by their role, and the German actors
component learns roles from appositions).
"""
from __future__ import annotations

from typing import Dict, Iterable

from spacy.tokens import Doc

from ..tokens import get_list

#: CAMEO codes (prefixes) of the legal events whose target becomes a criminal suspect
LEGAL_CODES = ("173", "116")
#: the CAMEO agent code of a criminal (kb/agent_codes.tsv)
CRIMINAL = "CRM"
#: agents an apposition may give a person: state and political roles, armed groups and
#: criminals ("John Carter, a police officer,", "the suspect, X,"); not the civil sectors
#: ("X, a doctor at …" HLH, "X, an expert at …" EDU, "a man" CVL), whose members are no
#: political actors in CAMEO unless the text makes them one
POLITICAL_AGENTS = frozenset(("GOV", "MIL", "SPY", "COP", "LEG", "JUD", "OPP", "REB", "PTY", "CRM", "HRI", "NGO", "LAB"))


def code_suspects(doc: Doc, events: Iterable) -> bool:  # type: ignore[type-arg]
    """Give each uncoded person that is the target of a legal-coercion event in ``events``
    (``Event`` records of ``doc``) the code country + ``CRM`` (country from
    :func:`lagebild.language.reference.context_country` at the person's first mention,
    else ``---``), in ``doc._.actors``. Returns True when an actor was coded (the caller
    then codes the document's events again)."""
    from ..language.reference import context_country

    actors: Dict[str, object] = {a.id: a for a in get_list(doc, "actors")}
    changed = False
    for e in events:
        if not e.target or not (e.cameo or "").startswith(LEGAL_CODES):
            continue
        actor = actors.get(e.target)
        if actor is None or getattr(actor, "type", None) != "PER" or getattr(actor, "code", None):
            continue
        start, end = actor.mentions[0] if getattr(actor, "mentions", None) else e.span  # type: ignore[attr-defined]
        country = context_country(doc, start, end)
        country = country if country and len(country) == 3 and country.isalpha() else None
        actor.code = f"{country or '---'}{CRIMINAL}"  # type: ignore[attr-defined]
        if country and not getattr(actor, "country", None):
            actor.country = country  # type: ignore[attr-defined]
        changed = True
    return changed


def uncoded_persons(doc: Doc) -> bool:
    """Whether ``doc`` has a person without a CAMEO code (cheap test before the passes of
    :func:`code_suspects` and :func:`code_appositions`)."""
    return any(getattr(a, "type", None) == "PER" and not getattr(a, "code", None) for a in get_list(doc, "actors"))


def code_appositions(doc: Doc) -> bool:
    """Give each person without a code the code of a group noun in apposition to one of
    its mentions: "John Carter, a police officer," and "the suspect, John Carter," ->
    the context's COP / CRM (``USACOP``); "Ann Lee, a Republican lawmaker," -> ``USALEG``.
    Only political agents count (:data:`POLITICAL_AGENTS`). The group noun is resolved
    as any generic group is
    (:func:`lagebild.language.reference.resolve_references`: the country of the context,
    ``---`` without one). Returns True when a person was coded."""
    from ..language.reference import resolve_references

    changed = False
    for actor in get_list(doc, "actors"):
        if getattr(actor, "type", None) != "PER" or getattr(actor, "code", None):
            continue
        for start, end in list(actor.mentions):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            others = [c for c in head.children if c.dep_ == "appos" and not (span.start <= c.i < span.end)]
            if head.dep_ == "appos" and not (span.start <= head.head.i < span.end):
                others.append(head.head)
            code = None
            for o in others:
                lo, hi = o.left_edge.idx, o.right_edge.idx + len(o.right_edge)
                if o.i < span.start:  # "the suspect, John Carter": the noun phrase before the name
                    lo, hi = doc[o.left_edge.i].idx, o.idx + len(o)
                found = resolve_references(doc, lo, hi, limit=1)
                ref = next((a for a in get_list(doc, "actors") if found and a.id == found[0]), None)
                ref_code = getattr(ref, "code", None) or ""
                if ref is not None and ref is not actor and getattr(ref, "type", None) in ("GRP", "ORG") \
                        and len(ref_code) >= 6 and ref_code[3:6] in POLITICAL_AGENTS:
                    code = ref_code[:6]
                    break
            if code:
                actor.code = code
                if code[:3].isalpha() and code[:3] != "---" and not getattr(actor, "country", None):
                    actor.country = code[:3]
                changed = True
                break
    return changed
