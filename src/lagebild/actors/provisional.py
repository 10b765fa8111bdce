"""Provisional actors: people and organisations a model found that the KB does not know.

They get the id ``prov:<normalised name>`` and live in a process-wide registry, so that a
name seen in one document keeps its id in the next ones. The store persists them (actors
with ``provisional=True``); ingest/analyze can preload them with
``register_provisional(store.provisional_actors())``.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from contextlib import contextmanager
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from ..schemas import Actor
from .build import slug

class _Registry(dict):
    """The registry dict; within :func:`record_learning` it notes every id looked up
    (``get``, ``in``), so that a parallel ingest knows which registered actors a
    document's analysis consulted."""

    def get(self, key, default=None):  # type: ignore[no-untyped-def,override]
        if _lookups[0] is not None:
            _lookups[0].add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:  # type: ignore[no-untyped-def,override]
        if _lookups[0] is not None:
            _lookups[0].add(key)
        return super().__contains__(key)


_lookups: List[Optional[set]] = [None]  # ids looked up since the last learn_provisional call
_registry: Dict[str, Actor] = _Registry()
_registry_lock = threading.Lock()
_registry_version = [0]  # bumped by clear_provisional(): linkers then start over
_registry_rewrites = [0]  # bumped when a registered id gets a new record (ProvisionalIndex rebuilds)
_order: List[str] = []  # ids in the order they were registered (linkers sync incrementally)
_frozen = [False]  # True: documents do not teach later documents new provisional actors
#: ``doc.user_data`` key where the linker puts the records (:func:`actor_record`) of the
#: Doc's provisional actors as it teaches them to later documents (weak codes removed),
#: taken when it learns them: ``Document.learnt_actors``
LEARNT_KEY = "lagebild_learnt_actors"


def provisional_id(name: str) -> str:
    """``"Vitaly Portnikov"`` -> ``"prov:vitaly_portnikov"``."""
    return "prov:" + slug(name)


def register_provisional(actors: Iterable[Actor | dict]) -> int:
    """Make provisional actors (e.g. loaded from the store) known to every linker: their
    names are matched in later documents and they keep their id. Returns how many were new."""
    added = 0
    with _registry_lock:
        for actor in actors:
            if isinstance(actor, dict):
                actor = Actor.from_dict(actor)
            if not actor.id or not actor.name:
                continue
            if actor.id not in _registry:
                added += 1
                _order.append(actor.id)
            else:
                _registry_rewrites[0] += 1
            _registry[actor.id] = Actor(
                id=actor.id, name=actor.name, type=actor.type, country=actor.country,
                role=actor.role, code=actor.code, provisional=True, wikidata=actor.wikidata,
            )
    return added


_recording: List[Optional["Learning"]] = [None]


class Learning:
    """What :func:`record_learning` records, per document (``id(article)``): ``calls``,
    the actors of each :func:`learn_provisional` call (registry records, in order), and
    ``lookups``, the ids the linker looked up in the registry while analysing it."""

    def __init__(self) -> None:
        self.calls: Dict[int, List[List[dict]]] = {}
        self.lookups: Dict[int, set] = {}


def learn_provisional(actors: Iterable[Actor], key: Any = None) -> int:
    """What the linker calls with the provisional actors a document (``key``: its
    article) found, in order of first mention: those not registered yet are registered
    for the following documents, unless :func:`freeze_provisional` is in force. Within
    :func:`record_learning` every call is also recorded (all the actors, as registry
    records), so that another process can replay the learning exactly."""
    actors = list(actors)
    rec = _recording[0]
    added = 0
    if not _frozen[0]:
        with _registry_lock:
            fresh = [a for a in actors if a.id not in _registry]
        added = register_provisional(fresh) if fresh else 0
    if rec is not None:
        if actors:
            rec.calls.setdefault(id(key), []).append([actor_record(a) for a in actors])
        rec.lookups.setdefault(id(key), set()).update(_lookups[0] or ())
        _lookups[0] = set()
    return added


def actor_record(actor: Actor | dict) -> dict:
    """The fields of a provisional actor the registry keeps, as a plain dict."""
    if isinstance(actor, dict):
        actor = Actor.from_dict(actor)
    return {
        "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
        "role": actor.role, "code": actor.code, "wikidata": actor.wikidata,
    }


@contextmanager
def record_learning() -> Iterator[Learning]:
    """Within the block, what each document taught the registry and which ids its
    analysis looked up are recorded (:class:`Learning`; the linker calls
    :func:`learn_provisional` once per Doc it links). Parallel ingest uses it to replay,
    in input order, what the one-process registry would have learnt, and to tell which
    registered actors could have changed a document's analysis."""
    before, before_lookups = _recording[0], _lookups[0]
    _recording[0], _lookups[0] = Learning(), set()
    try:
        yield _recording[0]
    finally:
        _recording[0], _lookups[0] = before, before_lookups


def _fold(text: str) -> str:
    # the character-wise folding of build.slug (NFKD, ASCII, lower case): the folding of
    # a substring is a substring of the folding
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


_PARTS_CACHE: Dict[Tuple[str, str], Tuple[Tuple[str, ...], Tuple[str, ...]]] = {}
_PART = re.compile(r"[a-z]+|[0-9]+")


def _parts(actor_id: str, name: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    hit = _PARTS_CACHE.get((actor_id, name))
    if hit is None:
        hit = (
            tuple(_PART.findall(actor_id[5:] if actor_id.startswith("prov:") else actor_id)),
            tuple(_PART.findall(_fold(name or ""))),
        )
        if len(_PARTS_CACHE) > 200_000:
            _PARTS_CACHE.clear()
        _PARTS_CACHE[(actor_id, name)] = hit
    return hit


def relevant_provisional(actors: Sequence[Actor | dict], text: str) -> List[dict]:
    """The records (:func:`actor_record`) of those ``actors`` that can influence the
    analysis of ``text``, in the given order; the others cannot change its result.

    The linker consults the registry only for provisional ids it derives from spans of
    the text (``prov:`` + slug of the span, or of the span minus a genitive "s") and for
    registered full names it finds in the text's tokens. Either way every letter run and
    digit run of the actor's id, or of its folded name, occurs in the folded text
    (folding is character-wise, so it keeps substrings). An actor with a run that does
    not occur is irrelevant — a conservative test: it may keep an actor that cannot
    match, never drops one that can.
    """
    test, _ = _relevance_test(text)
    return [actor_record(actor) for actor in actors if test(actor)]


def _id_name(actor: Actor | dict) -> Tuple[str, str]:
    if isinstance(actor, dict):
        return actor["id"] or "", actor["name"] or ""
    return actor.id or "", actor.name or ""


def _relevance_test(text: str) -> Tuple[Any, set]:
    """``(actor -> bool, trigrams of the folded text)``: the test of
    :func:`relevant_provisional` for ``text``."""
    folded = _fold(text)
    # a run of 3+ characters is in the text only if its first and last trigram are: a
    # set lookup rules out most actors before a scan of the text (parallel ingest tests
    # every registered actor against every chunk of 8 documents)
    grams = {folded[i:i + 3] for i in range(len(folded) - 2)}

    def has(part: str) -> bool:
        if len(part) >= 3 and (part[:3] not in grams or part[-3:] not in grams):
            return False
        return part in folded

    def test(actor: Actor | dict) -> bool:
        id_parts, name_parts = _parts(*_id_name(actor))
        return all(has(p) for p in id_parts) or all(has(p) for p in name_parts)

    return test, grams


class ProvisionalIndex:
    """Indexed, exact forms of :func:`relevant_provisional` and :func:`influencing` over
    the whole registry (``provisional_actors()``), for the parent of a parallel ingest,
    which asks them for every chunk and every document: the plain functions test every
    registered actor each time, so their cost grew with the registry, i.e. with the corpus
    (quadratic in it). The index maps each actor to what it needs to be found -- the
    first trigram of a 3+ character run of its id and of its name, the first token of its
    name -- and only actors whose key is in the text are tested, with the same tests, in
    registry order. It follows the registry incrementally (new ids are appended) and
    starts over when the registry is cleared or an id gets a new record.

    The results equal the plain functions' for every registry and text (property test in
    tests/actors/test_provisional_index.py)."""

    def __init__(self) -> None:
        self._key: Any = None
        self._actors: List[Actor] = []
        self._pos: Dict[str, int] = {}
        self._by_gram: Dict[str, List[int]] = {}
        self._any_gram: List[int] = []  # an id or a name without a 3+ character run
        self._df: Dict[str, int] = getattr(self, "_df", {})  # trigram -> texts asked that had it
        self._tokens: Any = None  # the name_tokens function the token index was built with
        self._by_first: Dict[str, List[int]] = {}
        self._any_token: List[int] = []  # names with no tokens
        self._tokenised = 0  # actors in the token index

    def _sync(self) -> None:
        with _registry_lock:
            key = (_registry_version[0], _registry_rewrites[0])
            if key != self._key:
                self.__init__()  # type: ignore[misc]
                self._key = key
            fresh = [dict.__getitem__(_registry, i) for i in _order[len(self._actors):]]
        for actor in fresh:
            p = len(self._actors)
            self._actors.append(actor)
            self._pos[actor.id] = p
            id_parts, name_parts = _parts(actor.id or "", actor.name or "")
            keys = []
            for parts in (id_parts, name_parts):
                # a test passes only if each 3+ character run is in the text, so each of
                # their trigrams is: the key is the one seen in the fewest texts so far
                grams = [q[i:i + 3] for q in parts for i in range(len(q) - 2)]
                if not grams:  # this test passes without any trigram: always a candidate
                    keys = []
                    self._any_gram.append(p)
                    break
                keys.append(min(grams, key=lambda g: self._df.get(g, 0)))
            for k in dict.fromkeys(keys):
                self._by_gram.setdefault(k, []).append(p)

    def relevant(self, text: str) -> List[dict]:
        """``relevant_provisional(provisional_actors(), text)``."""
        self._sync()
        test, grams = _relevance_test(text)
        df = self._df
        for g in grams:
            df[g] = df.get(g, 0) + 1
        by_gram = self._by_gram
        cands = set(self._any_gram)
        for g in grams if len(grams) < len(by_gram) else [k for k in by_gram if k in grams]:
            hit = by_gram.get(g)
            if hit:
                cands.update(hit)
        return [actor_record(self._actors[p]) for p in sorted(cands) if test(self._actors[p])] if self._actors else []

    def influencing(
        self, lookups: set, text: str, name_tokens: Optional[Any], sequences: Optional[Sequence[Sequence[str]]],
    ) -> List[dict]:
        """``influencing(provisional_actors(), lookups, set(), text, name_tokens, sequences)``
        (without ``name_tokens`` or ``sequences``: that call itself)."""
        if name_tokens is None or sequences is None:
            return influencing(provisional_actors(), lookups, set(), text, name_tokens, sequences)
        self._sync()
        if name_tokens is not self._tokens:
            self._tokens, self._by_first, self._any_token, self._tokenised = name_tokens, {}, [], 0
        for p in range(self._tokenised, len(self._actors)):
            toks = name_tokens(self._actors[p].name or "")
            if toks:
                self._by_first.setdefault(toks[0], []).append(p)
            else:
                self._any_token.append(p)
        self._tokenised = len(self._actors)
        cands = set(self._any_token)
        cands.update(self._pos[i] for i in lookups if i in self._pos)
        for t in set().union(*sequences):
            hit = self._by_first.get(t)
            if hit:
                cands.update(hit)
        return influencing([self._actors[p] for p in sorted(cands)], lookups, set(), text, name_tokens, sequences)


@contextmanager
def freeze_provisional() -> Iterator[None]:
    """Within the block, each document sees the provisional actors registered before it
    (e.g. preloaded from the store) but none that another document of the block found.

    Parallel ingest runs its workers frozen so that a document's analysis does not depend
    on which worker analysed which earlier documents: results are the same for any number
    of workers and for the Ray engine. The store still keeps every provisional actor,
    and the next run preloads them.
    """
    before = _frozen[0]
    _frozen[0] = True
    try:
        yield
    finally:
        _frozen[0] = before


@contextmanager
def forget_learnt() -> Iterator[None]:
    """At the end of the block, forget every provisional actor registered inside it (by
    :func:`learn_provisional` or :func:`register_provisional`); those registered before
    it stay, with the records they have then. Inside the block, learning works as usual
    (a long text analysed window by window links a name its earlier windows taught).

    :func:`lagebild.analyze_batch` (and so :func:`lagebild.analyze`) analyses each long
    document inside such a block, so that a call does not change what later calls see:
    the same text gives the same result whichever texts the process analysed before.
    Linkers notice the change (the registry's version is bumped, only when something was
    forgotten) and rebuild their provisional-name matcher from the registry.
    """
    with _registry_lock:
        kept = len(_order)
    try:
        yield
    finally:
        with _registry_lock:
            if len(_order) > kept:
                for actor_id in _order[kept:]:
                    dict.pop(_registry, actor_id, None)
                del _order[kept:]
                _registry_version[0] += 1


def provisional_actors() -> List[Actor]:
    """Every provisional actor known in this process."""
    with _registry_lock:
        return list(_registry.values())


def registered_since(index: int) -> List[Actor]:
    """Provisional actors registered after the first ``index`` ones."""
    with _registry_lock:
        return [_registry[i] for i in _order[index:]]


def clear_provisional() -> None:
    """Forget every provisional actor (tests; a new corpus)."""
    with _registry_lock:
        _registry.clear()
        _order.clear()
        _registry_version[0] += 1


def _occurs_in(sequences: Sequence[Sequence[str]]) -> Any:
    """``tokens -> bool``: does the token-text sequence ``tokens`` occur contiguously in
    one of ``sequences`` (the token texts of a Doc, or of each window of a long text)?
    That is when a PhraseMatcher on ORTH with the pattern ``tokens`` matches. An empty
    ``tokens`` counts as occurring.

    Nothing is indexed up front (the parent of a parallel ingest asks this for a few
    names per document; a Python loop over every token of the document cost ~1 ms per
    news article): a name's first token is looked up in each window's token set (a C
    ``set(seq)``, built on first use) and only windows holding it are scanned, by
    ``tuple.index``."""
    seqs = [seq if isinstance(seq, tuple) else tuple(seq) for seq in sequences]
    vocab: List[Optional[set]] = [None] * len(seqs)

    def occurs(tokens: Sequence[str]) -> bool:
        if not tokens:
            return True
        tokens = tuple(tokens)
        n, first = len(tokens), tokens[0]
        for w, seq in enumerate(seqs):
            words = vocab[w]
            if words is None:
                words = vocab[w] = set(seq)
            if first not in words:
                continue
            i = seq.index(first)
            while True:
                if seq[i:i + n] == tokens:
                    return True
                try:
                    i = seq.index(first, i + 1)
                except ValueError:
                    break
        return False

    return occurs


def influencing(
    actors: Sequence[Actor | dict], lookups: set, orths: set, text: str,
    name_tokens: Optional[Any] = None, sequences: Optional[Sequence[Sequence[str]]] = None,
) -> List[dict]:
    """The records of those ``actors`` that could have changed an analysis of ``text``
    that looked up the registry ids ``lookups`` and whose Docs had the token texts
    ``orths`` (both from :func:`record_learning`), in the given order.

    The registry reaches an analysis only through ids the linker looks up and through
    the full names its phrase matcher finds (on ORTH: the name's tokens, contiguous). An
    actor whose id was not looked up and whose name's tokens (``name_tokens(name)``, the
    pipeline's tokenizer) do not occur changed nothing: the analysis with or without it
    takes the same path. With ``sequences`` (the Docs' token texts in order, one list
    per Doc or window) a name occurs where its tokens occur contiguously, as the phrase
    matcher requires; without them, where each of its tokens is among ``orths`` (a
    coarser test, which also keeps names whose tokens are scattered over the text).
    Without ``name_tokens`` the name is tested as in :func:`relevant_provisional`.
    Exact for the analysis that produced ``lookups``.
    """
    folded = None
    occurs = _occurs_in(sequences) if sequences is not None and name_tokens is not None else None
    out = []
    for actor in actors:
        rec = actor if isinstance(actor, dict) else None
        aid = rec["id"] if rec is not None else actor.id  # type: ignore[union-attr]
        name = (rec["name"] if rec is not None else actor.name) or ""  # type: ignore[union-attr]
        if aid in lookups:
            out.append(actor_record(actor))
            continue
        if occurs is not None:
            hit = occurs(name_tokens(name))
        elif name_tokens is not None:
            hit = all(t in orths for t in name_tokens(name))
        else:
            if folded is None:
                folded = _fold(text)
            hit = all(p in folded for p in _parts(aid or "", name)[1])
        if hit:
            out.append(actor_record(actor))
    return out
