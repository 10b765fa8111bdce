"""Interview transcripts: speaker turns at paragraph starts.

``find_turns(text, lang, doc=None)`` returns one :class:`Turn` per passage: "Kushnar. …",
"Portnikov. …", "Frage: …", "Antwort: …", "Q: …", "A: …", "NAME: …". A passage runs from
its label to the next label (or the end of the text). Labels from
``data/<lang>/turn_labels.tsv`` always count; a name used as a label counts when

- it ends with ":" ("Vitaly Portnikov: …"), or
- it ends with "." and the same name labels at least two paragraphs (with at least two
  names taking turns), or it is a known actor mention — so a one-word sentence such as
  "Gut." does not open a turn.

Both statements and forecasts use the turns: what is said inside an answer belongs to
the one who answered; the reference layer uses them too (a polite "Sie" in an
interviewer's turn is the interviewee: :func:`lagebild.language.reference.interview_addressee`),
so they live in the language layer.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional, Tuple

from spacy.tokens import Doc

from ..schemas import Actor, Mention

from .. import tokens
from ..datafiles import data_path, iter_tsv, lang_words
from ..tokens import doc_text

# A lower-case outlet label: a web address ("derStandard.at", "zeit.de") or a camel-case
# brand ("derStandard") -- news sites label their interview questions so.
_LOWER_OUTLET = r"[a-zäöü][\w\-]*\.(?:at|de|ch|com|net|org|eu)|[a-zäöü]+[A-ZÄÖÜ][\w\-]*"
# A label: 1-3 capitalised words (or an all-caps word, or a lower-case outlet label), then
# "." or ":" and a space.
_LABEL_RE = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:[A-ZÄÖÜ][\w'’\-]*\.?|" + _LOWER_OUTLET + r")(?:[ \t]+[A-ZÄÖÜ][\w'’\-]*){0,2})(?P<sep>[.:])[ \t]+(?=\S)"
)
_TURNS_KEY = "lagebild_turns"


class Turn(NamedTuple):
    start: int  # start of the label
    end: int  # end of the passage
    speaker_text: str
    speaker_actor_id: Optional[str]
    role: Optional[str] = None  # question | answer | None (named speaker)
    body_start: int = 0  # first character after the label


@dataclass
class _Cand:
    start: int
    body_start: int
    label: str
    sep: str
    inline: bool = False


# a label inside running text, right after the end of a sentence: flattened transcripts
# ("… aufzusteigen? Stöger: Ich habe nie …")
_INLINE_RE = re.compile(
    r"(?<=[.?!…“\"»«] )(?P<label>(?:[A-ZÄÖÜ][\w'’\-]*|" + _LOWER_OUTLET + r")(?:[ \t]+[A-ZÄÖÜ][\w'’\-]*){0,2}):[ \t]+(?=\S)"
)


def _inline_candidates(text: str, taken: set) -> List[_Cand]:
    """Labels of a transcript whose line breaks were lost: "LABEL: " after a sentence end,
    kept only when at least two labels each occur at least twice (turns that alternate) —
    a single "Fazit: …" is no transcript."""
    found = [
        _Cand(m.start("label"), m.end(), m.group("label"), ":", True)
        for m in _INLINE_RE.finditer(text)
        if m.start("label") not in taken
    ]
    counts = Counter(c.label for c in found)
    repeated = {label for label, n in counts.items() if n >= 2}
    if len(repeated) < 2:
        return []
    # the first answer often carries the full name, the later ones the surname only
    # ("Eva Glawischnig: …" … "Glawischnig: …")
    return [c for c in found if c.label in repeated
            or (len(c.label.split()) > 1 and c.label.split()[-1] in repeated)]


def mentions_cover_place(c: _Cand, doc: Optional[Doc]) -> bool:
    """Whether the label is a mention of a country or a city (ids without a ``per:``/``org:``
    kind prefix: ``UKR``, ``loc:kyiv``)."""
    if doc is None:
        return False
    for m in tokens.get_list(doc, "mentions"):
        if m.start <= c.start and c.start + len(c.label) <= m.end:
            return not m.actor_id.startswith(("per:", "org:", "prov:", "phx:"))
    return False


def _is_name_label(c: _Cand, mention_texts: set, doc: Optional[Doc]) -> bool:
    """Whether a label reads as a speaker's name: several words ("Eva Glawischnig"), an
    all-caps word ("STANDARD"), a known actor mention, or a proper noun / entity in the
    parse that is no place. A single capitalised common noun ("Massenflucht", "Hintergrund")
    or a place ("Ukraine: Russland greift an") is not."""
    words = c.label.split()
    if len(words) > 1 or c.label.isupper() or c.label in mention_texts:
        return True
    if mentions_cover_place(c, doc):
        return False
    if doc is None:
        return False
    span = doc.char_span(c.start, c.start + len(c.label), alignment_mode="expand")
    if span is None:
        return False
    if any(t.ent_type_ in ("LOC", "GPE") for t in span):  # "Ukraine: Russland greift an"
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PER", "PERSON", "ORG") for t in span)


def _is_outlet(doc: Optional[Doc], c: _Cand) -> bool:
    """Whether label ``c`` names a news outlet or agency (an actor coded ``…MED``, from the
    document's mentions or the KB by name)."""
    code = None
    if doc is not None:
        actor_id = tokens.actor_in(doc, c.start, c.start + len(c.label))
        code = next((a.code for a in tokens.get_list(doc, "actors") if a.id == actor_id), None)
    if code is None or (doc is not None and not code.endswith("MED")):
        org = _kb_org_named(c.label) or (_outlet_of_label(doc, c.label) if doc is not None else None)
        code = org.code if org is not None else code
    return bool(code) and code.endswith("MED")


def _drop_kicker(kept: List[_Cand], labels: dict, mention_texts: set, doc: Optional[Doc]) -> List[_Cand]:
    """Drop a lone headline kicker ("Massenflucht: Rotes Kreuz warnt …"): when the text has
    only one named label and it labels a single passage, it opens a transcript only if it
    reads as a name (:func:`_is_name_label`). Alternating transcripts ("STANDARD: … Berger:
    …") and the labels of ``turn_labels.tsv`` are kept as they are."""
    named = [c for c in kept if c.label.lower() not in labels]
    if len({c.label for c in named}) != 1 or len(named) != 1:
        return kept
    if _is_name_label(named[0], mention_texts, doc):
        return kept
    return [c for c in kept if c is not named[0]]


def _paragraph_starts(text: str) -> List[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _first_sentence_end(text: str, doc: Optional[Doc], start: int) -> int:
    """The end of the sentence holding character ``start`` (``doc``'s sentences), at most
    the end of its line; the end of the line without a parsed ``doc``."""
    nl = text.find("\n", start)
    line_end = nl if nl >= 0 else len(text)
    if doc is None or not doc.has_annotation("SENT_START"):
        return line_end
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return line_end
    return min(line_end, span[0].sent.end_char)


@lru_cache(maxsize=None)
def turn_labels(lang: str) -> Dict[str, str]:
    """``{label: role}`` of ``data/<lang>/turn_labels.tsv`` ("Frage" -> question, "Antwort"
    -> answer), as written; empty when the language has no such file. A row without its
    label or role raises the loader's error naming file and line."""
    path = data_path(lang, "turn_labels.tsv")
    if not path.is_file():
        return {}
    return {row["label"]: row["role"] for row in iter_tsv(path, required=("label", "role"))}


@lru_cache(maxsize=4)  # asked per mention and per subject: a file test and a sort each time
def person_role_heads(lang: str) -> Tuple[str, ...]:
    """The person-role head nouns of ``data/<lang>/person_role_heads.txt``, sorted (the
    statement speaker rules use the same list)."""
    return tuple(sorted(lang_words(lang, "person_role_heads.txt", lower=False)))


def find_turns(text: str, lang: str, doc: Optional[Doc] = None) -> List[Turn]:
    """Speaker turns of ``text`` (empty when it is no transcript)."""
    labels = {k.lower(): v for k, v in turn_labels(lang).items()}
    para_starts = set(_paragraph_starts(text))
    # a turn label must start a paragraph (or a line, for transcripts with single newlines)
    line_starts = {0} | {m.end() for m in re.finditer(r"\n", text)}
    cands: List[_Cand] = []
    for m in _LABEL_RE.finditer(text):
        start = m.start("label")
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in line_starts or text[line_start:start].strip():
            continue
        label = m.group("label").rstrip(".")
        cands.append(_Cand(start, m.end(), label, m.group("sep")))
    cands = sorted(cands + _inline_candidates(text, {c.start for c in cands}), key=lambda c: c.start)
    counts = Counter(c.label for c in cands)
    named = Counter(c.label for c in cands if c.label.lower() not in labels)
    mentions = tokens.get_list(doc, "mentions") if doc is not None else []
    mention_texts = {m.text for m in mentions}
    kept: List[_Cand] = []
    for c in cands:
        known = c.label.lower() in labels
        is_para = c.start in para_starts or (text.rfind("\n", 0, c.start) + 1) in para_starts
        if known:
            if c.sep == ":" or counts[c.label] >= 2:
                kept.append(c)
            continue
        if not is_para and not c.inline:
            continue
        if c.sep == ":" and len(c.label.split()) <= 3:
            kept.append(c)
        elif (counts[c.label] >= 2 and len(named) >= 2) or c.label in mention_texts:
            kept.append(c)
    # persons and organisations only: a country or city before a colon is a headline kicker
    name_texts = {m.text for m in mentions if m.actor_id.startswith(("per:", "org:", "prov:", "phx:"))}
    kept = _drop_kicker(kept, labels, name_texts, doc)
    if len(kept) == 1 and kept[0].label.lower() not in labels and _is_outlet(doc, kept[0]):
        # "AFP: Arbeiter einer Zementfabrik …": an agency credit before the headline, no
        # interview — the outlet's label in a transcript alternates with the interviewee's
        return []
    if not kept:
        return []
    out: List[Turn] = []
    lone = len(kept) == 1 and kept[0].label.lower() not in labels
    for k, c in enumerate(kept):
        end = kept[k + 1].start if k + 1 < len(kept) else len(text.rstrip())
        if lone:
            # one named label and no other: no transcript, a headline or a paragraph that
            # quotes one speaker ("Mikl-Leitner: Wir schaffen das nicht"); the turn is
            # that line's first sentence, not the rest of the article
            end = min(end, _first_sentence_end(text, doc, c.body_start))
        while end > c.body_start and text[end - 1].isspace():
            end -= 1
        actor = None
        if doc is not None:
            actor = tokens.actor_in(doc, c.start, c.start + len(c.label))
        out.append(Turn(c.start, end, c.label, actor, labels.get(c.label.lower()), c.body_start))
    return out


def _person_role_word(text: str, m, heads: tuple) -> bool:  # type: ignore[no-untyped-def]
    """Whether mention ``m`` names a person by role: a role mention ("der Politologe"), or
    the first part of a compound whose head is a person role ("Grünen-Chefin")."""
    if m.kind == "role":
        return True
    e = m.end
    while e < len(text) and (text[e].isalnum() or text[e] == "-"):
        e += 1
    word = text[m.start:e].lower()
    return "-" in word and word.rsplit("-", 1)[1].endswith(heads)


def _namesake_code(doc: Doc, text: str, m, actors: dict, mentions: list) -> str:  # type: ignore[no-untyped-def]
    """The code of mention ``m``'s actor; for a party name several countries share ("die
    Grünen"), the code of the namesake the rest of the text links the same name to, else
    of the KB namesake in the document's country (the headline comes before the words
    that tell the country)."""
    code = actors[m.actor_id].code
    name = text[m.start:m.end].split("-")[0]
    for other in mentions:
        a = actors.get(other.actor_id)
        if (a is not None and a.id != m.actor_id and a.type == "ORG" and a.code and a.code[3:6] == code[3:6]
                and other.start > m.end and text[other.start:other.end] == name):
            return a.code
    from .reference import document_country

    country = document_country(doc)
    if not country or code[:3] == country or actors[m.actor_id].type != "ORG":
        return code
    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
    except Exception:  # pragma: no cover - the KB is optional here
        return code
    for other in kb.actors.values():
        if other.type == "ORG" and other.code and other.code[:3] == country and other.code[3:6] == code[3:6] \
                and any(name == n for names in other.names.values() for n in names):
            return other.code
    return code


def _compound_org_codes(doc: Doc, end: int, heads: tuple) -> set:
    """Codes of compounds "ORG-role" before ``end`` whose first part names an organisation
    of the KB but no mention covers ("Die Grünen-Chefin über …"): the organisation in the
    document's country when several share the name, else the only one."""
    from .reference import document_country

    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
    except Exception:  # pragma: no cover
        return set()
    country = document_country(doc)
    found = set()
    for t in doc:
        if t.idx + len(t) > end or "-" not in t.text or tokens.mentions_in(doc, t.idx, t.idx + len(t)):
            continue
        first, head = t.text.rsplit("-", 1)
        if not head.lower().endswith(heads):
            continue
        orgs = [a for a in kb.actors.values() if a.type == "ORG" and a.code
                and any(first == n for names in a.names.values() for n in names)]
        home = [a for a in orgs if country and a.code[:3] == country]
        if home or len(orgs) == 1:
            found.add((home or orgs)[0].code)
    return found


def _role_noun_codes(doc: Doc, end: int) -> set:
    """Codes of person role nouns of the KB in ``doc`` before ``end`` that the linker did
    not link (no country near them yet): the document's country plus the noun's agent."""
    from .reference import document_country

    country = document_country(doc)
    if not country:
        return set()
    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
    except Exception:  # pragma: no cover
        return set()
    nouns = [n for n in kb.role_nouns if n.lang == (doc.lang_ or "de") and n.person]
    forms = {f.lower(): n.agent for n in nouns for f, plural in n.forms if not plural}
    # professions (no office role key: "Ökonom", "Wissenschafter") keep their agent as the
    # head of a compound ("Sozioökonomin", "Polizeiwissenschafter"); an office ("Chef",
    # "Präsident") takes the agent of the body its compound names, so it does not
    professions = {f.lower(): n.agent for n in nouns if not n.roles for f, plural in n.forms if not plural}

    def agent(word: str) -> Optional[str]:
        if word in forms:
            return forms[word]
        for k in range(3, len(word) - 4):
            if word[k:] in professions:
                return professions[word[k:]]
        return None

    return {country + a for t in doc if t.idx + len(t) <= end and t.is_alpha and (a := agent(t.lower_))
            and not tokens.mentions_in(doc, t.idx, t.idx + len(t))}


def _subject_like(doc: Doc, m) -> bool:  # type: ignore[no-untyped-def]
    """Whether mention ``m``'s head is a subject or an apposition in the parse."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubj:pass", "sb", "appos")


def interviewee_role(doc: Doc, turns: List[Turn]) -> Optional[str]:
    """Give the interviewee the role its headline or lead names ("Die Grünen-Chefin über
    …", "Politologe X über …"): when the text before the first turn names exactly one
    person role, and every named answer turn belongs to one provisional actor without a
    code, that actor takes the role's code (and country). Returns the code given, or None.
    The interviewer's turns (an outlet, ``turn_labels.tsv`` questions) are left alone."""
    if not turns:
        return None
    text = doc_text(doc)
    actors = {a.id: a for a in tokens.get_list(doc, "actors")}
    lead = [m for m in tokens.get_list(doc, "mentions") if m.end <= turns[0].start]
    heads = person_role_heads(doc.lang_ or "de")
    mentions = tokens.get_list(doc, "mentions")
    roles = [m for m in lead if m.actor_id in actors and actors[m.actor_id].code and _person_role_word(text, m, heads)]
    codes = {_namesake_code(doc, text, m, actors, mentions) for m in roles}
    if len(codes) > 1:
        # several roles in the lead ("Die neue Präsidentin der Universitätenkonferenz fordert
        # … mit dem Finanzminister diskutieren"): the interviewee is the one the lead talks
        # about — a role that is a subject or an apposition, not an object
        codes = {_namesake_code(doc, text, m, actors, mentions) for m in roles if _subject_like(doc, m)} or codes
    codes = codes or _compound_org_codes(doc, turns[0].start, heads) or _role_noun_codes(doc, turns[0].start)
    if len(codes) != 1:
        return None
    answers = [t for t in turns if t.role != "question"
               and not (t.speaker_actor_id in actors and (actors[t.speaker_actor_id].code or "")[3:6] == "MED")]
    code = next(iter(codes))
    if answers and all(t.speaker_actor_id is None for t in answers):
        # a name the NER missed ("Laurenz Obermoser: …", "Obermoser: …"): one person when
        # every label is the full name or its last word
        full = max((t.speaker_text for t in answers), key=len)
        if not all(t.speaker_text in (full, full.split()[-1]) for t in answers):
            return None
        actor = Actor(id="prov:" + re.sub(r"[^a-z0-9]+", "_", full.lower()).strip("_"), name=full, type="PER",
                      code=code, country=code[:3] if code[:3].isalpha() else None, provisional=True)
        for k, t in enumerate(turns):
            if t in answers:
                tokens.get_list(doc, "mentions").append(
                    Mention(actor_id=actor.id, start=t.start, end=t.start + len(t.speaker_text), text=t.speaker_text,
                            kind="name" if t.speaker_text == full else "surname"))
                actor.mentions.append((t.start, t.start + len(t.speaker_text)))
                turns[k] = t._replace(speaker_actor_id=actor.id)
        tokens.get_list(doc, "mentions").sort(key=lambda m: (m.start, m.end))
        tokens.get_list(doc, "actors").append(actor)
        return code
    answer_ids = {t.speaker_actor_id for t in answers}
    if len(answer_ids) != 1:
        return None
    actor = actors.get(next(iter(answer_ids)) or "")
    from ..actors.linker import MEMORY_KEY

    # the lead's role is this document's own evidence: it beats a code only the linker's
    # memory of earlier documents gave
    if actor is None or not actor.provisional or (actor.code and actor.id not in doc.user_data.get(MEMORY_KEY, ())):
        return None
    actor.code = code
    actor.country = actor.country or (code[:3] if code[:3].isalpha() else None)
    return code


@lru_cache(maxsize=256)
def _kb_org_named(label: str):  # type: ignore[no-untyped-def]
    """The KB organisation one of whose names equals ``label`` ignoring case ("Standard",
    "STANDARD", "derstandard" -> Der Standard), or None (also when several share it)."""
    try:
        from ..actors.kb import load_kb

        kb = load_kb(include_user=False)
    except Exception:  # pragma: no cover - the KB is optional here
        return None
    # "derStandard.at" -> "derstandard.at", "derstandard", "standard": the web address
    # less its top-level domain, less a German article written into the brand
    key = label.casefold()
    keys = [key]
    bare = re.sub(r"\.(?:at|de|ch|com|net|org|eu)$", "", key)
    keys += [bare] if bare != key else []
    m = re.match(r"(?:der|die|das)(?=\w{3,})", bare)
    keys += [bare[m.end():]] if m else []
    for k in keys:
        found = {a.id: a for a in kb.actors.values() if a.type == "ORG" and a.code
                 and any(n.casefold() == k for names in a.names.values() for n in names)}
        if len(found) == 1:
            return next(iter(found.values()))
    return None


@lru_cache(maxsize=8)
def outlet_labels(lang: str) -> Dict[str, str]:
    """``{label casefolded: KB organisation id}`` of ``data/<lang>/outlet_labels.tsv``: the
    short forms outlets print before their interview questions ("SN:", "PRESSE:") that
    are no KB name of the outlet ({} without the file). Read for turn labels only."""
    path = data_path(lang, "outlet_labels.tsv")
    if not path.is_file():
        return {}
    return {row["label"].casefold(): row["actor"] for row in iter_tsv(path, required=("label", "actor"))}


def _outlet_of_label(doc: Doc, label: str):  # type: ignore[no-untyped-def]
    """The KB outlet an interview label abbreviates (:func:`outlet_labels`), or None."""
    actor_id = outlet_labels(doc.lang_ or "de").get(label.casefold())
    if actor_id is None:
        return None
    try:
        from ..actors.kb import load_kb

        return load_kb(include_user=False).get(actor_id)
    except Exception:  # pragma: no cover - the KB is optional here
        return None


def _link_label(doc: Doc, turn: Turn) -> Turn:
    """A named label no mention covers, written in another case than the name the text or
    the KB knows ("Standard:" for "STANDARD"/"Der Standard"): linked to that actor (a
    document actor whose mention reads the same ignoring case, else the KB organisation of
    that name, added to the document). Role labels ("Frage", "Antwort") stay as they are."""
    if turn.role is not None:
        return turn
    actors = {a.id: a for a in tokens.get_list(doc, "actors")}
    outlet = _outlet_of_label(doc, turn.speaker_text)
    if outlet is not None and (turn.speaker_actor_id is None or getattr(actors.get(turn.speaker_actor_id), "provisional", False)):
        # "SN: Herr X, …": the outlet's printed short form, not a new actor named "SN"
        # (session 31); the provisional actor the linker made of the label keeps its mentions
        actor = actors.get(outlet.id)
        if actor is None:
            actor = Actor(id=outlet.id, name=outlet.name, type="ORG", code=outlet.code, country=outlet.country)
            tokens.get_list(doc, "actors").append(actor)
        end = turn.start + len(turn.speaker_text)
        tokens.get_list(doc, "mentions").append(
            Mention(actor_id=actor.id, start=turn.start, end=end, text=turn.speaker_text, kind="name"))
        tokens.get_list(doc, "mentions").sort(key=lambda m: (m.start, m.end))
        actor.mentions.append((turn.start, end))
        return turn._replace(speaker_actor_id=actor.id)
    if turn.speaker_actor_id is not None:
        return turn
    key = turn.speaker_text.casefold()
    same = {m.actor_id for m in tokens.get_list(doc, "mentions")
            if m.text.casefold() == key and m.actor_id in actors}
    actor_id = next(iter(same)) if len(same) == 1 else None
    if actor_id is None and not same:
        org = _kb_org_named(turn.speaker_text)
        if org is None:
            return turn
        actor = actors.get(org.id)
        if actor is None:
            actor = Actor(id=org.id, name=org.name, type="ORG", code=org.code, country=org.country)
            tokens.get_list(doc, "actors").append(actor)
        actor_id = actor.id
    if actor_id is None:
        return turn
    end = turn.start + len(turn.speaker_text)
    tokens.get_list(doc, "mentions").append(
        Mention(actor_id=actor_id, start=turn.start, end=end, text=turn.speaker_text, kind="name"))
    tokens.get_list(doc, "mentions").sort(key=lambda m: (m.start, m.end))
    actors.get(actor_id, Actor(id="", name="", type="")).mentions.append((turn.start, end))
    return turn._replace(speaker_actor_id=actor_id)


def lead_interviewee(doc: Doc, turns: List[Turn]) -> Optional[str]:
    """The interviewee the headline and lead name: the only person (PER actor) mentioned
    before the first turn, else None (no person, or several: "X und Y über …" is left to
    their own name labels)."""
    if not turns:
        return None
    types = {a.id: a.type for a in tokens.get_list(doc, "actors")}
    credited = {n.casefold() for n in _credited_interviewers(doc, turns)}  # the journalists
    people = {m.actor_id for m in tokens.get_list(doc, "mentions")
              if m.end <= turns[0].start and types.get(m.actor_id) == "PER"
              and m.text.casefold() not in credited}
    return next(iter(people)) if len(people) == 1 else None


# "Das Gespräch führte Markus X", "Das Interview führten X und Y", "Interview: X": the
# outlet's journalists, whose name labels are the outlet's questions (session 31, #11)
_CREDIT = re.compile(
    r"(?:(?:Das|Dieses)\s+(?:Gespräch|Interview)\s+führten?|Interview(?:\s+von)?\s*:)\s+"
    r"((?:[A-ZÄÖÜ][\w'-]+\s+){0,2}[A-ZÄÖÜ][\w'-]+(?:\s+und\s+(?:[A-ZÄÖÜ][\w'-]+\s+){0,2}[A-ZÄÖÜ][\w'-]+)?)")


def _credited_interviewers(doc: Doc, turns: List[Turn]) -> Tuple[str, ...]:
    """Names (full names and surnames) of the journalists an interview credits before its
    first turn ("Das Gespräch führte Markus Rohrhofer." -> "Markus Rohrhofer",
    "Rohrhofer"); () when there is no credit line."""
    if not turns:
        return ()
    out: List[str] = []
    for m in _CREDIT.finditer(doc_text(doc)[: turns[0].start]):
        for name in m.group(1).split(" und "):
            name = " ".join(name.split())
            out += [name, name.split()[-1]]
    return tuple(out)


def _interviewer_turns(doc: Doc, turns: List[Turn]) -> List[Turn]:
    """Name-label turns of a credited journalist (:func:`_credited_interviewers`) are the
    outlet's questions: their speaker is the KB outlet the article's source names
    (``doc._.article.source``), as a "STANDARD:" label is; unchanged without a credit line
    or a known outlet."""
    names = {n.casefold() for n in _credited_interviewers(doc, turns)}
    if not names:
        return turns
    article = getattr(getattr(doc, "_", None), "article", None) if Doc.has_extension("article") else None
    source = getattr(article, "source", None)
    outlet = _kb_org_named(source) if source else None
    if outlet is None or not (outlet.code or "").endswith("MED"):
        return turns
    actors = {a.id: a for a in tokens.get_list(doc, "actors")}
    out = []
    for t in turns:
        if t.role is None and t.speaker_text.casefold() in names:
            actor = actors.get(outlet.id)
            if actor is None:
                actor = Actor(id=outlet.id, name=outlet.name, type="ORG", code=outlet.code, country=outlet.country)
                tokens.get_list(doc, "actors").append(actor)
                actors[actor.id] = actor
            t = t._replace(speaker_actor_id=actor.id)
        out.append(t)
    return out


def resolve_turn_speakers(doc: Doc, turns: List[Turn]) -> List[Turn]:
    """Give each turn its actor where the label alone does not: a name label in another
    case than the known name (:func:`_link_label`), and answer turns labelled by role
    ("Antwort:", "A:") the interviewee the lead names (:func:`lead_interviewee`). Question
    turns ("Frage:") are the interviewer's and keep no actor unless their label names one."""
    turns = _interviewer_turns(doc, [_link_label(doc, t) for t in turns])
    if any(t.role == "answer" and t.speaker_actor_id is None for t in turns):
        who = lead_interviewee(doc, turns)
        if who is not None:
            turns = [t._replace(speaker_actor_id=who) if t.role == "answer" and t.speaker_actor_id is None else t
                     for t in turns]
    return turns


def get_turns(doc: Doc) -> List[Turn]:
    """The turns of ``doc`` (computed once, kept in ``doc.user_data``), their speakers
    resolved (:func:`resolve_turn_speakers`); the interviewee takes the role the headline
    gives (:func:`interviewee_role`)."""
    cached = doc.user_data.get(_TURNS_KEY)
    if cached is None:
        cached = resolve_turn_speakers(doc, find_turns(doc_text(doc), doc.lang_, doc))
        doc.user_data[_TURNS_KEY] = cached
        interviewee_role(doc, cached)
    return cached


def turn_at(turns: List[Turn], char: int) -> Optional[Turn]:
    for turn in turns:
        if turn.body_start <= char < turn.end:
            return turn
    return None
