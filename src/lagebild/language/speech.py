"""Speech-verb frames: what a speech or attitude verb needs to report speech, shared by
statements, forecasts and events.

A frame (``data/<lang>/speech_frames.tsv``, one row per lemma) says which *content
arguments* make the verb a statement — a quote, a complementizer clause ("dass"/"that"), a
Konjunktiv-I clause, a bare finite clause with its own subject, a clause after a colon, a
zu/to-infinitive, or an object pointing back to a quote ("Diese Einschätzung äußerte X") —
how its addressee is marked, and which correlate it takes ("besteht *darauf*, dass"). A verb
with only a noun-phrase object ("kritisierte Selenskyj") or a topic ("sprachen über
Flugabwehr") has no content argument: it is an event or a topic, not reported speech.

:func:`content_kind` classifies a candidate content stretch; :func:`has_content` checks it
against the verb's frame. Both read the tagger/morphology when the Doc has them and fall
back to the surface (complementizer, colon, length) on a blank pipeline.

Errors: a malformed frame file raises :class:`lagebild.errors.DataFileError` naming file
and line (unknown content kind, duplicate lemma, bad ``correlate_required``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from ..datafiles import data_path, iter_tsv, lang_words
from ..errors import DataFileError

CONTENT_KINDS = ("quote", "clause", "kj1", "bare", "colon", "inf", "anaphor")
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN", "VBD", "VBZ", "VBP", "MD"}
COMPLEMENTIZERS = {
    "de": {"dass", "daß", "ob"},
    "en": {"that", "whether", "if"},
}
INTERROGATIVES = {
    "de": {"wie", "was", "wer", "wo", "wann", "warum", "weshalb", "wieso", "wohin", "woher", "welche", "welcher", "welches", "inwieweit", "inwiefern"},
    "en": {"how", "what", "who", "where", "when", "why", "which"},
}
INFINITIVE_MARKERS = {"de": {"zu"}, "en": {"to"}}
# words that make an object point back to a quote or statement
ANAPHORS = {
    "de": {"dies", "diese", "dieser", "dieses", "diesen", "das", "so", "solche", "solches"},
    "en": {"this", "that", "these", "those", "so", "such"},
}
# subjects whose "speech" is the author's own hedge ("Man kann sagen", "one might say")
IMPERSONAL_SUBJECTS = {"de": {"man"}, "en": {"one", "you"}}


@dataclass(frozen=True)
class SpeechFrame:
    """The frame of one speech verb lemma (see module docstring)."""

    lemma: str
    content: FrozenSet[str]
    addressee: Tuple[str, ...] = ()
    correlate: Optional[str] = None
    correlate_required: bool = False
    topic: Tuple[str, ...] = ()


def _split(value: Optional[str]) -> Tuple[str, ...]:
    return tuple(v.strip().lower() for v in (value or "").split(",") if v.strip())


def _check(row: Dict[str, str]) -> Optional[str]:
    bad = [k for k in _split(row.get("content")) if k not in CONTENT_KINDS]
    if bad:
        return f"content kind(s) {bad} not in {list(CONTENT_KINDS)}"
    req = row.get("correlate_required")
    if req not in (None, "yes", "no"):
        return f"correlate_required must be 'yes', 'no' or empty, not {req!r}"
    if req == "yes" and not row.get("correlate"):
        return "correlate_required without a correlate"
    return None


@lru_cache(maxsize=8)
def speech_frames(lang: str) -> Dict[str, SpeechFrame]:
    """``{lemma: SpeechFrame}`` of ``lang`` (empty when the language has no frame file).

    Raises DataFileError on an unknown content kind or a lemma listed twice."""
    path = data_path(lang, "speech_frames.tsv")
    out: Dict[str, SpeechFrame] = {}
    if not path.is_file():
        return out
    for row in iter_tsv(path, required=("lemma", "content"), validate=_check):
        lemma = row["lemma"].lower()
        if lemma in out:
            raise DataFileError(str(path), row["_line"], f"lemma {lemma!r} has a frame already")
        out[lemma] = SpeechFrame(
            lemma=lemma,
            content=frozenset(_split(row["content"])),
            addressee=_split(row.get("addressee")),
            correlate=(row.get("correlate") or "").lower() or None,
            correlate_required=row.get("correlate_required") == "yes",
            topic=_split(row.get("topic")),
        )
    return out


def frame_for(lang: str, lemma: str) -> Optional[SpeechFrame]:
    """The frame of ``lemma`` in ``lang``, or None."""
    return speech_frames(lang).get(lemma.lower())


# parts of speech under which a listed Konjunktiv-I form is not the verb ("meine" possessive)
_NOT_A_VERB_POS = frozenset(("DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT"))


@lru_cache(maxsize=8)
def _konjunktiv1(lang: str) -> FrozenSet[str]:
    return lang_words(lang, "konjunktiv1.txt")


@lru_cache(maxsize=4096)
def _derived_konjunktiv1(word: str, lang: str) -> bool:
    if lang != "de" or len(word) < 4 or not word.endswith("e") or not word.isalpha():
        return False
    from .lemmas import lemma_for

    lemma = lemma_for(word, "VERB", lang)
    if lemma == word + "n":  # komme/kommen, fehle/fehlen
        return True
    # -eln/-ern verbs: mangle, mangele/mangeln; ändere/ändern
    return lemma.endswith(("eln", "ern")) and word in (lemma[:-3] + lemma[-2] + "e", lemma[:-1] + "e")


def konjunktiv1_form(word: str, lang: str) -> bool:
    """Whether the lower-case ``word`` can be a third-person singular Konjunktiv I
    ("komme", "fehle", "mangle"): listed in ``data/<lang>/konjunktiv1.txt``, or derived from
    the dictionary lemma (``simplemma``, :func:`lagebild.language.lemmas.lemma_for`): the
    infinitive less its final "n" ("kommen" → "komme"), for -eln/-ern verbs also "mangle",
    "mangele". German only for the derived forms. The same forms are first-person singular
    indicative ("ich komme"): callers rule out "ich" before the word."""
    low = word.lower()
    return low in _konjunktiv1(lang) or _derived_konjunktiv1(low, lang)


def mistagged_konjunktiv1(toks: Sequence[Token], k: int, lang: str) -> bool:
    """Whether ``toks[k]`` is a Konjunktiv-I verb the tagger took for another word ("Die
    Reform komme/PROPN zu spät", "Es fehle/ADV an allem"): a lower-case
    :func:`konjunktiv1_form` that is not finite by morphology or tag, not a determiner,
    pronoun, preposition, conjunction or number, right after a noun or pronoun (its
    subject), with no "ich" before it in ``toks``."""
    if k < 1 or k >= len(toks):
        return False
    t = toks[k]
    return (t.is_lower and t.pos_ not in _NOT_A_VERB_POS and (not is_finite(t) or t.pos_ not in ("VERB", "AUX"))
            and toks[k - 1].pos_ in ("NOUN", "PROPN", "PRON") and konjunktiv1_form(t.lower_, lang)
            and not any(x.lower_ == "ich" for x in toks[:k])
            and not (k + 1 < len(toks) and toks[k + 1].lower_ == "ich"))  # "Dazu benutze ich …"


_FINITE: Dict[Tuple[int, int, int], bool] = {}  # (morph, pos, tag) hashes -> is_finite


def is_finite(tok: Token) -> bool:
    """A finite verb by morphology or tag (False on an untagged token). Morphology with a
    mood but no verb form counts as finite (UD gives Mood only to finite verbs): the tagger
    may call a verb-first "wies" in "…, wies der Minister die Kritik zurück" an adjective
    while the morphologizer reads Mood=Ind|Tense=Past.

    The answer depends on the token's morphology, POS and tag only: it is kept per
    ``(morph, pos, tag)`` hash triple (parsing the morphology string costs ~6 µs a call)."""
    key = (tok.morph.key, tok.pos, tok.tag)
    hit = _FINITE.get(key)
    if hit is None:
        if len(_FINITE) > 100_000:
            _FINITE.clear()  # (a bound for a long-running process)
        hit = _FINITE[key] = _is_finite(tok)
    return hit


def _is_finite(tok: Token) -> bool:
    forms = tok.morph.get("VerbForm")
    if forms:
        return forms[0] == "Fin"
    if tok.morph.get("Mood") and tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.tag_ in FINITE_TAGS


def _tagged(doc: Doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("MORPH") or doc.has_annotation("POS")


def content_kind(doc: Doc, start: int, end: int, *, after_colon: bool = False) -> Optional[str]:
    """What the character range ``[start, end)`` is as a content argument: "clause" (opens
    with a complementizer or w-word), "inf" (zu/to-infinitive), "kj1" (a German clause with a
    Konjunktiv-I verb), "colon", "bare" (a finite clause with a subject before its verb), or
    None (a noun phrase, a topic, a fragment). ``after_colon``: the range follows a colon.
    """
    lang = doc.lang_
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if not (t.is_punct or t.is_space)]
    if not toks:
        return None
    first = toks[0].lower_
    if first in COMPLEMENTIZERS.get(lang, set()) or first in INTERROGATIVES.get(lang, set()):
        return "clause"
    if first in INFINITIVE_MARKERS.get(lang, set()) and len(toks) >= 2 and (
        not _tagged(doc) or toks[1].pos_ in ("VERB", "AUX", "")
    ):
        return "inf"
    if lang == "de" and len(toks) >= 3 and toks[-2].lower_ == "zu" and not any(is_finite(t) for t in toks) \
            and toks[-1].pos_ in ("VERB", "AUX", "") and not mistagged_konjunktiv1(toks, len(toks) - 3, lang):
        return "inf"  # "…, die Waffen schnell zu liefern" (not "Die Reform komme zu spät")
    marker = INFINITIVE_MARKERS.get(lang, set())
    if lang != "de" and not any(is_finite(t) for t in toks) and any(
        t.lower_ in marker and k + 1 < len(toks) and toks[k + 1].pos_ in ("VERB", "AUX", "")
        for k, t in enumerate(toks[1:6], start=1)
    ):
        return "inf"  # "expects the euro to lose value": object + to-infinitive
    if not _tagged(doc):
        # blank pipeline: a colon or three words are the best the surface offers
        if after_colon:
            return "colon"
        kj1 = _konjunktiv1(lang)
        if any(t.lower_ in kj1 for t in toks):
            return "kj1"
        return "bare" if len(toks) >= 3 else None
    finite = [t for t in toks if is_finite(t)]
    kj1 = _konjunktiv1(lang) if lang == "de" else frozenset()
    # a listed Konjunktiv-I form the tagger took for another word ("Das Land brauche/ADJA
    # mehr Geld"): lower-case, after a subject-like word, no "ich" before it
    if lang == "de" and any(mistagged_konjunktiv1(toks, k, lang) for k in range(1, len(toks))):
        return "kj1"
    if not finite and doc.has_annotation("DEP"):
        # a finite verb the tagger missed ("Der Zug entgleiste/ADJ kurz nach Mitternacht",
        # "Drei Menschen starben/ADV", rare preterites): the clause's parse root, lower-case,
        # no noun, with its subject before it
        inside = {t.i for t in span}
        finite = [t for t in toks if (t.head.i not in inside or t.head.i == t.i) and t.is_lower
                  and t.pos_ in ("ADJ", "ADV", "VERB", "AUX")
                  and any(c.dep_ in ("nsubj", "nsubj:pass", "sb") and c.i < t.i and c.i in inside for c in t.children)][:1]
    if not finite:
        return "colon" if after_colon and len(toks) >= 2 else None
    if lang == "de":
        mood = [t for t in finite if "Sub" in t.morph.get("Mood")]
        # a derived form counts as Konjunktiv I whatever mood the tagger guessed ("sie
        # verschleppe/Mood=Ind"): the indicative third person ends in -t
        if mood or any(t.lower_ in kj1 or (t.is_lower and konjunktiv1_form(t.lower_, lang)
                                           and not any(x.lower_ == "ich" for x in toks if x.i <= t.i + 1))
                       for t in finite):
            return "kj1"
    if after_colon:
        return "colon"
    verb = finite[0]
    before = [t for t in toks if t.i < verb.i]
    if before and any(t.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM") for t in before):
        return "bare"
    if lang == "de" and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in toks if t.i > verb.i):
        # V2 with a fronted adverbial ("sagte, morgen kommt der Minister"), or the main
        # clause after "Wie die Polizei mitteilte, entdeckten Mitarbeiter …"
        return "bare"
    return None


def has_content(frame: Optional[SpeechFrame], kind: Optional[str]) -> bool:
    """Whether a content argument of ``kind`` satisfies ``frame`` (no frame: any kind but
    None — a verb unknown to the frame file keeps the old behaviour)."""
    if kind is None:
        return False
    if frame is None:
        return True
    if kind == "colon":
        return "colon" in frame.content or "quote" in frame.content
    return kind in frame.content


def is_impersonal(lang: str, word: str) -> bool:
    """"man"/"one": a speech verb with this subject is the author's own hedge."""
    return word.lower() in IMPERSONAL_SUBJECTS.get(lang, set())


def correlate_near(frame: Optional[SpeechFrame], words: Sequence[str]) -> bool:
    """The frame's correlate ("darauf") among ``words`` (the verb's clause)."""
    return frame is not None and frame.correlate is not None and frame.correlate in words
