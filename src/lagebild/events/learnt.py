"""Learnt event detection: a small classifier over the parse for the predicates the rules
left uncoded (issue 9, session 31).

The event lexicon codes a clause only when one of its patterns matches. For a clause
predicate (a verb, with its separable/phrasal particle as :meth:`EventCoder.trigger_keys`
combines it) or a deverbal event noun ("-ung", "-tion") that has **no pattern at all**,
this module asks a multinomial logistic regression for a CAMEO root (01–20) or "none".
Where the best root's probability reaches the model's threshold, the event is built by the
coder's own argument extraction (:meth:`EventCoder._resolve`: source, target, passive
agent, coordination, references), modality and negation (:func:`analyse_modality`), date
and place, and the coder's actor filters (:meth:`EventCoder._events`). Such an event
carries ``method="learnt"``, ``confidence`` = the classifier's probability, ``pattern``
``"learnt:<root>"`` and the root code ("190"), so a user can filter it out.

Features (:func:`features`), chosen to generalise beyond the identity of a lemma:

* the token's row of ``doc.tensor`` (the shipped pipeline's tok2vec output: 128 floats, a
  CNN over hash embeddings of NORM/PREFIX/SUFFIX/SHAPE and Brown clusters; see
  ``models/README.md``); a pipeline whose tensor has another width gets no learnt events;
* hashed sparse indicators: the trigger key and its 3–5 letter endings and beginnings, the
  separable particle, UD morphology (tense, mood, verb form), voice, the token's own role,
  its argument frame (which roles exist, the case of its objects, the prepositions of its
  obliques), the kind of actor its subject and object name (type and CAMEO agent), negation
  and modal cues.

The model (``models/events/learnt_<lang>.npz``) is trained by
``training/train_event_detector.py`` on the project's own sentences and the dev-A half of
the real-de gold only (see ``models/events/README.md``). It is off by default: switch it on
with ``learnt_events = true`` in the ``[events]`` section of ``config/default.cfg`` or with
``$LAGEBILD_LEARNT_EVENTS=1`` (``0`` forces it off).
"""
from __future__ import annotations

import configparser
import os
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

#: class labels of the classifier: "none" and the 20 CAMEO roots
LABELS: Tuple[str, ...] = ("none",) + tuple(f"{i:02d}" for i in range(1, 21))
#: hashed sparse feature space (2**13 buckets; crc32 of the feature string)
N_HASH = 1 << 13
#: width of the dense part: the tok2vec row of the fast pipelines
DENSE_DIM = 128
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "events"
ENV = "LAGEBILD_LEARNT_EVENTS"
CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "default.cfg"
#: deverbal noun endings whose nouns are candidate event nouns (German -ung/-ion, English
#: -tion/-sion/-ment: the productive nominalisations of verbs; Duden grammar §§ 1037 ff.,
#: Quirk et al. 1985 App. I.34)
NOUN_ENDINGS = {"de": ("ung", "ion"), "en": ("tion", "sion", "ment")}
#: modal verbs whose infinitive complement is the predicate (a cue feature)
MODALS = {"de": frozenset(("können", "müssen", "wollen", "sollen", "dürfen", "mögen", "werden")),
          "en": frozenset(("can", "could", "must", "will", "would", "shall", "should", "may", "might"))}
#: the noun argument slots a learnt noun event reads its target from (as the derived
#: nominal patterns of ``patterns_de_nominal.tsv`` do)
NOUN_TARGETS = {"de": ("poss", "prep:von", "prep:gegen", "prep:auf", "prep:mit"),
                "en": ("prep:of", "prep:against", "prep:on", "prep:with")}


def enabled(path: Optional[Path] = None) -> bool:
    """Whether the learnt detector runs: ``$LAGEBILD_LEARNT_EVENTS`` ("1"/"0") wins, else
    ``learnt_events`` of the ``[events]`` section of ``config/default.cfg`` (default off)."""
    env = os.environ.get(ENV)
    if env is not None and env.strip() != "":
        return env.strip().lower() not in ("0", "false", "no", "off")
    return _config_enabled(str(path) if path else None)


@lru_cache(maxsize=4)
def _config_enabled(path: Optional[str]) -> bool:
    parser = configparser.ConfigParser()
    parser.read(path or CONFIG_PATH, encoding="utf-8")
    return parser.getboolean("events", "learnt_events", fallback=False)


def hash_feature(name: str) -> int:
    """Bucket of a sparse feature string: crc32 (stable across processes) mod :data:`N_HASH`."""
    return zlib.crc32(name.encode("utf-8")) % N_HASH


@dataclass
class LearntModel:
    """Weights of the multinomial logistic regression: ``dense`` [labels, DENSE_DIM],
    ``sparse`` [labels, N_HASH], ``bias`` [labels]; ``threshold``: the least probability
    of the best root that codes an event (0–1, tuned on held-out training articles)."""

    dense: np.ndarray
    sparse: np.ndarray
    bias: np.ndarray
    threshold: float
    lang: str
    noun_threshold: float = 1.0
    meta: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "LearntModel":
        """Read an ``.npz`` written by :meth:`save`. Raises OSError/KeyError on a bad file."""
        with np.load(path, allow_pickle=False) as z:
            meta = {k[5:]: z[k].item() for k in z.files if k.startswith("meta_")}
            return cls(dense=z["dense"].astype(np.float32), sparse=z["sparse"].astype(np.float32),
                       bias=z["bias"].astype(np.float32), threshold=float(z["threshold"]), lang=str(z["lang"]),
                       noun_threshold=float(z["noun_threshold"]) if "noun_threshold" in z.files else 1.0, meta=meta)

    def save(self, path: Path) -> None:
        """Write the weights as float16 (the model file stays well under 1 MB)."""
        extra = {f"meta_{k}": np.asarray(v) for k, v in self.meta.items()}
        np.savez_compressed(path, dense=self.dense.astype(np.float16), sparse=self.sparse.astype(np.float16),
                            bias=self.bias.astype(np.float32), threshold=np.float32(self.threshold),
                            noun_threshold=np.float32(self.noun_threshold), lang=np.asarray(self.lang), **extra)

    def predict(self, dense: np.ndarray, sparse: Sequence[Sequence[int]]) -> np.ndarray:
        """Class probabilities [n, len(LABELS)] for ``n`` candidates (``dense`` [n, 128];
        ``sparse``: per candidate the hashed indices of its features)."""
        scores = dense @ self.dense.T + self.bias
        for row, idx in enumerate(sparse):
            if idx:
                scores[row] += self.sparse[:, list(idx)].sum(axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


@lru_cache(maxsize=4)
def load_model(lang: str) -> Optional[LearntModel]:
    """The shipped model for ``lang`` (``models/events/learnt_<lang>.npz``), or None when
    there is none."""
    path = MODEL_DIR / f"learnt_{lang}.npz"
    if not path.is_file():
        return None
    return LearntModel.load(path)


# -- candidates and features -------------------------------------------------------------------

def candidates(coder, sent, matched, made, keep=None) -> List[Tuple[Any, str]]:  # type: ignore[no-untyped-def]
    """``[(token, "verb"|"noun")]``: the clause predicates and deverbal event nouns of
    ``sent`` that the rules left uncoded -- no pattern of the lexicon has the token's trigger
    key (a trigger whose conditions failed was declined by the rules on purpose), it is no
    reporting, cue or support verb, and no event of ``made`` has it as trigger. ``keep``: a
    cheap test of the token applied before the lexicon look-up (None: every token)."""
    lex = coder.lex
    triggered = {e.trigger_span[0] for e in made or () if e.trigger_span}
    endings = NOUN_ENDINGS.get(coder.lang, ())
    out: List[Tuple[Any, str]] = []
    for tok in sent:
        if tok.i in matched or tok.idx in triggered:
            continue
        if tok.pos_ == "VERB":
            if coder.role(tok) in ("aux", "aux_pass", "cop"):
                continue
            kind = "verb"
        elif tok.pos_ == "NOUN" and len(tok.text) > 5 and tok.lower_.endswith(endings):
            if not any(coder.role(c) in ("poss", "obl") or (coder.role(c) == "prep_head") for c in tok.children):
                continue  # a noun without an argument phrase names no one's act
            kind = "noun"
        else:
            continue
        if keep is not None and not keep(tok):
            continue
        keys = coder.trigger_keys(tok)
        if any(k in lex.patterns or k in lex.reporting or k in lex.cue_verbs or k in lex.support_verbs
               for k in keys):
            continue
        out.append((tok, kind))
    return out


def _actor_kind(coder, doc, tok) -> Tuple[str, str]:  # type: ignore[no-untyped-def]
    """(type, CAMEO agent) of the actor ``tok`` names ("none" when it names none)."""
    # the actor mention over the phrase's head word (a cheap look-up: the coder's full
    # argument resolution with references is left to the events that are built)
    found = coder.mentions_in(doc, tok.idx, tok.idx + len(tok))
    if not found:
        return ("pron" if tok.pos_ == "PRON" else "none"), "none"
    actor_id = found[0].actor_id
    actor = coder._actor_types.get(actor_id)
    kind = getattr(actor, "type", None) or "?"
    return kind, coder.agent_of(actor_id) or "---"


def trigger_key(coder, tok) -> str:  # type: ignore[no-untyped-def]
    """The predicate's lemma with its separable/phrasal particle ("ablehnen", "pull out"),
    else its lemma (not the inflected form that :meth:`EventCoder.trigger_keys` also lists)."""
    lemma = coder.lemma(tok)
    for k in coder.trigger_keys(tok):
        if k != lemma and (k.endswith(lemma) or k.startswith(lemma + " ")) and tok.pos_ != "NOUN":
            return k
    return lemma


def feature_names(coder, doc, tok, kind: str) -> List[str]:  # type: ignore[no-untyped-def]
    """The sparse features of candidate ``tok`` as strings (see the module docstring);
    :func:`features` hashes them."""
    key, lemma = trigger_key(coder, tok), coder.lemma(tok)
    out = [f"kind={kind}", f"key={key}", f"dep={coder.role(tok)}"]
    for n in (3, 4, 5):
        if len(key) > n:
            out.append(f"sfx{n}={key[-n:]}")
            out.append(f"pfx{n}={key[:n]}")
    if key != lemma:
        out.append(f"prt={key[:len(key) - len(lemma)] if key.endswith(lemma) else key[len(lemma):]}")
    m = tok.morph
    for feat in ("Tense", "Mood", "VerbForm", "Number", "Case"):
        for v in m.get(feat):
            out.append(f"{feat}={v}")
    if kind == "verb":
        # voice from the parse alone (a passive auxiliary or a passive subject), not the
        # coder's full is_passive (stative and headline passives): cheaper
        out.append("passive" if any(coder.role(c) in ("aux_pass", "subj_pass") for c in tok.children) else "active")
    lang = coder.lang
    for c in tok.children:
        role = coder.role(c)
        if role in ("subj", "subj_pass", "obj", "iobj", "poss", "agent_obl"):
            out.append(f"arg={role}")
            for v in c.morph.get("Case"):
                out.append(f"case:{role}={v}")
            atype, agent = _actor_kind(coder, doc, c)
            out.append(f"actor:{role}={atype}")
            out.append(f"agent:{role}={agent}")
        elif role in ("obl", "prep_head"):
            preps = [x.lower_ for x in c.children if coder.role(x) == "case"] if role == "obl" else [c.lower_]
            for p in preps:
                out.append(f"pp={p}")
                atype, _ = _actor_kind(coder, doc, c if role == "obl" else next(iter(c.children), c))
                out.append(f"pp:{p}={atype}")
        elif role == "neg" or c.lower_ in ("nicht", "kein", "keine", "not", "never", "n't"):
            out.append("neg")
        elif role in ("aux", "aux_pass") and c.lemma_.lower() in MODALS.get(lang, ()):
            out.append(f"modal={c.lemma_.lower()}")
        elif role in ("ccomp", "xcomp"):
            out.append(f"clause={role}")
        elif role == "expl" or (lang == "de" and c.lower_ == "sich"):
            out.append("reflexive")
    head = tok.head
    if head.i != tok.i:
        out.append(f"headpos={head.pos_}")
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in MODALS.get(lang, ()):
            out.append(f"modal={head.lemma_.lower()}")
    return out


def features(coder, doc, tok, kind: str) -> Tuple[np.ndarray, List[int]]:  # type: ignore[no-untyped-def]
    """``(dense [128] float32, sparse hashed indices)`` of candidate ``tok``: its row of
    ``doc.tensor`` (zeros when the Doc has none of width 128) and :func:`feature_names`
    hashed with :func:`hash_feature`."""
    tensor = doc.tensor
    if tensor is not None and getattr(tensor, "ndim", 0) == 2 and tensor.shape[1] == DENSE_DIM and tok.i < tensor.shape[0]:
        dense = np.asarray(tensor[tok.i], dtype=np.float32)
    else:
        dense = np.zeros(DENSE_DIM, dtype=np.float32)
    return dense, sorted({hash_feature(n) for n in feature_names(coder, doc, tok, kind)})


def usable(doc) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``doc`` carries the tok2vec tensor the model was trained on (width 128)."""
    t = doc.tensor
    return t is not None and getattr(t, "ndim", 0) == 2 and t.shape[1] == DENSE_DIM and t.shape[0] == len(doc)


# -- collection for training -------------------------------------------------------------------

#: when a list, :func:`detect` appends one record per candidate of every coded sentence
#: (training/train_event_detector.py sets it; None at run time)
COLLECT: Optional[List[Dict[str, Any]]] = None


def _collect(coder, doc, sent, matched, made) -> None:  # type: ignore[no-untyped-def]
    """Append the candidates of ``sent`` and the rule-coded triggers (with their roots) to
    :data:`COLLECT` with their features, character spans and argument spans."""
    assert COLLECT is not None
    by_trigger: Dict[int, List[str]] = {}
    for e in made or ():
        if e.trigger_span:
            by_trigger.setdefault(e.trigger_span[0], []).append(e.cameo[:2])
    cands = candidates(coder, sent, matched, made)
    rows = [(tok, kind, False) for tok, kind in cands]
    seen = {tok.i for tok, _ in cands}
    for tok in sent:
        if tok.i not in seen and tok.idx in by_trigger:
            kind = "noun" if tok.pos_ in ("NOUN", "PROPN") else "verb"
            rows.append((tok, kind, True))
    for tok, kind, ruled in rows:
        dense, sparse = features(coder, doc, tok, kind)
        args = []
        for c in tok.children:
            if coder.role(c) in ("subj", "subj_pass", "obj", "iobj", "poss", "agent_obl", "obl", "prep_head"):
                sub = list(c.subtree)
                args.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
        COLLECT.append({"doc": doc, "start": tok.idx, "end": tok.idx + len(tok), "sent": (sent.start_char, sent.end_char),
                        "kind": kind, "ruled": ruled, "roots": by_trigger.get(tok.idx, []), "dense": dense,
                        "sparse": sparse, "args": args, "key": trigger_key(coder, tok)})


# -- detection ---------------------------------------------------------------------------------

def _actor_argument(coder, tok, spans: Sequence[Tuple[int, int]]) -> bool:  # type: ignore[no-untyped-def]
    """Whether an argument phrase of ``tok`` (subject, object, oblique, genitive, agent) holds
    an actor mention of ``spans`` or is a personal pronoun: otherwise the coder's filters
    (:meth:`EventCoder._events`: an event needs an actor) would drop whatever is predicted,
    so the candidate is not scored (speed: ~1 of 3 candidates of news remain)."""
    for c in tok.children:
        if coder.role(c) not in ("subj", "subj_pass", "obj", "iobj", "poss", "agent_obl", "obl", "prep_head"):
            continue
        if c.pos_ == "PRON":
            return True
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
        if any(s < hi and lo < e for s, e in spans):
            return True
    return False


def detect(coder, doc, sent, matched, made, statements, stmt_starts, published,  # type: ignore[no-untyped-def]
           model: Optional[LearntModel]) -> List[Any]:
    """The learnt events of ``sent`` (see the module docstring): for each candidate of
    :func:`candidates` whose best root has probability >= the model's threshold, the events
    the coder builds for a pattern of that root ("<root>0"), marked ``method="learnt"``.
    ``matched``: token index -> patterns of the rules; ``made``: the rules' events of the
    sentence. Returns [] without a model or a tok2vec tensor of width 128."""
    if COLLECT is not None:
        _collect(coder, doc, sent, matched, made)
    if model is None or not usable(doc):
        return []
    spans = [(m.start, m.end) for m in coder.mentions_in(doc, sent.start_char, sent.end_char)]
    if not spans:
        return []  # no actor in the sentence (a pronoun alone resolves to one mentioned before)
    cands = candidates(coder, sent, matched, made, keep=lambda tok: _actor_argument(coder, tok, spans))
    if not cands:
        return []
    from .modality import ModalityInfo, analyse_modality
    from .patterns import Pattern

    feats = [features(coder, doc, tok, kind) for tok, kind in cands]
    probs = model.predict(np.stack([d for d, _ in feats]), [s for _, s in feats])
    out: List[Any] = []
    times = None
    for (tok, kind), p in zip(cands, probs):
        best = int(np.argmax(p[1:])) + 1
        prob = float(p[best])
        if prob < (model.threshold if kind == "verb" else model.noun_threshold):
            continue
        root = LABELS[best]
        key = trigger_key(coder, tok)
        if kind == "noun":
            pat = Pattern(trigger=key, code=root + "0", origin=f"learnt:{root}", nominal=True,
                          target=NOUN_TARGETS.get(coder.lang, ("poss",)))
        else:
            pat = Pattern(trigger=key, code=root + "0", origin=f"learnt:{root}")
        srcs, tgts, issue = coder._resolve(doc, tok, pat)
        if kind == "noun":
            gov = tok.head
            while gov.i != gov.head.i and gov.pos_ not in ("VERB", "AUX"):
                gov = gov.head
            info = analyse_modality(coder, doc, gov, statements, stmt_starts) if gov.pos_ in ("VERB", "AUX") \
                else ModalityInfo(modalities=["asserted"])
            info.negated = False
            _, srcs, tgts, issue = coder._nominal_fallback(doc, tok, pat, srcs, tgts, issue)
        else:
            info = analyse_modality(coder, doc, tok, statements, stmt_starts)
        made_here = coder._events(doc, sent, tok, pat, srcs, tgts, issue, info, None, None)
        if not made_here:
            continue  # no actor passed the coder's filters: no date or place needed
        if times is None:
            times = coder._times(sent, published)
        when = coder._date_for(tok, times, future=coder._future(tok, info))
        where = coder._location(doc, tok, coder._actor_types)
        for e in made_here:
            e.date, e.location = when, where
            e.method = "learnt"
            e.confidence = round(prob, 3)
            out.append(e)
    return out
