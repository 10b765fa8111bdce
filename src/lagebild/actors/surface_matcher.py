"""The linker's surface-form matcher, built once and cached on disk.

The knowledge base yields about 45,000 surface forms per language (names, genitives,
adjective inflections, role-noun compounds …). Matching them needs each form split into
tokens exactly as the pipeline's tokenizer splits text. Tokenizing them with spaCy and
adding them to a ``PhraseMatcher`` created ~90,000 lexemes and took 5–12 s at every
start — most of the time to the first result of ``lagebild analyze``.

:class:`SurfaceMatcher` matches the same thing — every (possibly overlapping) token
sequence whose lower-cased token texts equal those of a surface form, as
``PhraseMatcher(vocab, attr="LOWER")`` does — with a token trie over plain strings. The
trie is stored (``marshal``) under the user cache directory (``$LAGEBILD_CACHE``, else
``$XDG_CACHE_HOME/lagebild``, else ``~/.cache/lagebild``), keyed by a SHA-256 of

* the surface forms themselves (so any change to the KB files, built-in or user, that
  changes a form invalidates it),
* the tokenizer's serialised rules (a retrained or different model), and
* the spaCy and lagebild versions.

A missing, stale, corrupt or unwritable cache only costs the build (with a scratch copy
of ``nlp.tokenizer``); it never fails the pipeline. The build runs under a file lock
(``surfaces-LANG-KEY.lock``), so the workers of a parallel ingest that start on an empty
cache build it once, not once each.

Compound families (German "PREFIX-FORM" compounds of every prefix with every form, see
:class:`.gazetteer.CompoundFamily`) are matched without listing their cross product: the
tokenizer writes such a compound as the prefix's tokens and the form's tokens with the
prefix's last and the form's first token joined by the hyphen ("SPÖ-Chef" is one token
"spö-chef"), so a token with a hyphen is split at each hyphen and both halves looked up
in a prefix table and a form table. That this holds for every compound is checked when
the cache is built (the compounds are tokenized then, as the listed forms are); a
compound the tokenizer splits otherwise is matched through the trie instead. The label of
a compound match is the compound, lower-cased and white space normalised.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import spacy
from spacy.attrs import LOWER
from spacy.tokens import Doc

from ..about import __version__
from ..diskcache import read_keyed, write_atomic

# a trie node: token (lower-cased) -> child node; the key _END holds the pattern ids ending here
Trie = Dict[object, object]
_END = 0  # an int never collides with a token string
_FORMAT = 3  # bump when the stored layout changes


def cache_dir() -> Path:
    """Where lagebild keeps rebuildable caches: ``$LAGEBILD_CACHE``, else
    ``$XDG_CACHE_HOME/lagebild``, else ``~/.cache/lagebild``."""
    env = os.environ.get("LAGEBILD_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lagebild"


class SurfaceMatcher:
    """Finds every occurrence of the pattern token sequences in a Doc (case-insensitive).

    ``patterns`` maps a label (any hashable, here the lower-cased surface form) to the
    token sequences (tuples of lower-cased token texts) that match it. Calling the
    matcher on a Doc returns ``[(label, start, end)]`` token offsets, sorted by start,
    then end — overlapping and nested matches included, like spaCy's PhraseMatcher.
    """

    def __init__(self, trie: Trie, compounds: Optional["CompoundIndex"] = None) -> None:
        self.trie = trie
        self.compounds = compounds

    @classmethod
    def from_patterns(cls, patterns: Dict[str, Iterable[Tuple[str, ...]]]) -> "SurfaceMatcher":
        trie: Trie = {}
        for label, seqs in patterns.items():
            for seq in seqs:
                if not seq:
                    continue
                node = trie
                for tok in seq:
                    node = node.setdefault(tok, {})  # type: ignore[assignment]
                ends = node.setdefault(_END, [])
                if label not in ends:  # type: ignore[operator]
                    ends.append(label)  # type: ignore[union-attr]
        return cls(trie)

    def __call__(self, doc: Doc) -> List[Tuple[str, int, int]]:
        strings = doc.vocab.strings  # (t.lower_ of every token, read as one array: no Token objects)
        lowers = [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []
        trie = self.trie
        n = len(lowers)
        out: List[Tuple[str, int, int]] = []
        for start in range(n):
            node = trie.get(lowers[start])
            end = start + 1
            while node is not None:
                ends = node.get(_END)  # type: ignore[union-attr]
                if ends:
                    out.extend((label, start, end) for label in ends)  # type: ignore[union-attr]
                if end >= n:
                    break
                node = node.get(lowers[end])  # type: ignore[union-attr]
                end += 1
        if self.compounds is not None:
            extra = self.compounds.find(lowers)
            if extra:
                seen = set(out)
                out.extend(m for m in dict.fromkeys(extra) if m not in seen)
                out.sort(key=lambda m: (m[1], m[2]))  # stable: the trie's order within a span
        return out


Seq = Tuple[str, ...]
# one family's pieces: (piece lower-cased and white space normalised, its token sequence)
Pieces = List[Tuple[str, Seq]]


class CompoundIndex:
    """Finds "PREFIX-FORM" compounds of families of prefixes x forms in a token sequence.

    ``families``: per family ``(prefixes, forms)``, each a list of ``(piece lower-cased,
    token sequence of the piece as written, lower-cased)``; ``skip``: ``(family, prefix
    key, prefix tokens, form key, form tokens)`` combinations the tokenizer does not
    write as prefix tokens + joined token + form tokens (those are in the trie).
    """

    def __init__(self, families: Sequence[Tuple[Pieces, Pieces]], skip: Iterable[tuple] = ()) -> None:
        self.skip = {tuple(x) for x in skip}
        self.by_last: Dict[str, List[Tuple[int, str, Seq]]] = {}
        self.by_first: Dict[str, List[Tuple[int, str, Seq]]] = {}
        for k, (prefixes, forms) in enumerate(families):
            for key, seq in dict.fromkeys((key, tuple(seq)) for key, seq in prefixes):
                if seq:
                    self.by_last.setdefault(seq[-1], []).append((k, key, seq))
            for key, seq in dict.fromkeys((key, tuple(seq)) for key, seq in forms):
                if seq:
                    self.by_first.setdefault(seq[0], []).append((k, key, seq))

    def find(self, lowers: Sequence[str]) -> List[Tuple[str, int, int]]:
        """``[(label, start, end)]`` of every compound in the lower-cased tokens."""
        out: List[Tuple[str, int, int]] = []
        by_last, by_first, n = self.by_last, self.by_first, len(lowers)
        for i, low in enumerate(lowers):
            at = low.find("-")
            while at >= 0:
                left = by_last.get(low[:at]) if at else None
                right = by_first.get(low[at + 1:]) if left else None
                if right:
                    for k, pkey, pseq in left:
                        start = i - len(pseq) + 1
                        if start < 0 or tuple(lowers[start:i]) != pseq[:-1]:
                            continue
                        for k2, fkey, fseq in right:
                            end = i + len(fseq)
                            if k2 != k or end > n or tuple(lowers[i + 1:end]) != fseq[1:]:
                                continue
                            if self.skip and (k, pkey, pseq, fkey, fseq) in self.skip:
                                continue
                            out.append((" ".join(f"{pkey}-{fkey}".split()), start, end))
                at = low.find("-", at + 1)
        return out

    def to_data(self) -> list:
        return [sorted(self.by_last.items()), sorted(self.by_first.items()), sorted(self.skip)]

    @classmethod
    def from_data(cls, data: list) -> "CompoundIndex":
        self = cls.__new__(cls)
        self.by_last = {k: [tuple(x) for x in v] for k, v in data[0]}
        self.by_first = {k: [tuple(x) for x in v] for k, v in data[1]}
        self.skip = {tuple(x) for x in data[2]}
        return self


Family = Tuple[Sequence[str], Sequence[str]]  # (prefixes, forms) as written


def cache_key(nlp, surfaces: Iterable[str], families: Sequence[Family] = ()) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 over the (sorted) surface forms, the compound families' (sorted) prefixes
    and forms, the tokenizer rules and the versions."""
    h = hashlib.sha256()
    # marshal's format is specific to the Python version
    h.update(f"{_FORMAT}|{spacy.__version__}|{__version__}|{nlp.lang}|{sys.version_info[:2]}\n".encode())
    h.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    for s in sorted(surfaces):
        h.update(s.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    for prefixes, forms in families:
        for part in (prefixes, forms):
            h.update(b"\x01")
            for s in sorted(set(part)):
                h.update(s.encode("utf-8", "surrogatepass"))
                h.update(b"\x00")
    return h.hexdigest()


def _scratch_tokenizer(nlp):  # type: ignore[no-untyped-def]
    """A copy of ``nlp.tokenizer`` (same special cases, prefix, suffix and infix rules,
    token and URL matches) over a vocabulary of its own that computes only LOWER: it
    splits every text as ``nlp.tokenizer`` does and gives the same ``Token.lower_`` (the
    same LOWER function), but its lexemes go when it goes. Tokenizing the ~450,000
    compounds of the German families with ``nlp.tokenizer`` itself spent most of its time
    creating a lexeme per compound with every lexical attribute (shape, like_url,
    like_num, …; cProfile: 77 of 137 s) and left them all in the pipeline's vocabulary
    for the life of the process (``benchmarks/cold_start.py``, first run: 33.0 -> 24.1 s
    CPU, peak 908 -> 809 MiB). A tokenizer of another class (a custom one) is returned
    as it is."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    tok = nlp.tokenizer
    if type(tok) is not Tokenizer:
        return tok
    getter = nlp.vocab.lex_attr_getters.get(LOWER)
    return Tokenizer(
        Vocab(lex_attr_getters={LOWER: getter} if getter is not None else {}),
        rules=tok.rules, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match,
        faster_heuristics=tok.faster_heuristics,
    )


def _compound_index(nlp, families: Sequence[Family]) -> Tuple[CompoundIndex, Dict[str, List[Seq]]]:  # type: ignore[no-untyped-def]
    """The :class:`CompoundIndex` of the families and the trie patterns of the compounds the
    tokenizer does not write as the pieces' tokens with the middle ones joined by the
    hyphen (checked by tokenizing every compound: as costly as listing them, once per cache)."""
    tokenizer = _scratch_tokenizer(nlp)
    pieces = sorted({p for prefixes, forms in families for part in (prefixes, forms) for p in part})
    seqs = {p: tuple(t.lower_ for t in doc) for p, doc in zip(pieces, tokenizer.pipe(pieces, batch_size=1000))}
    index_families = []
    regular: set = set()
    irregular: Dict[tuple, List[Tuple[str, Seq]]] = {}
    for k, (prefixes, forms) in enumerate(families):
        prefixes, forms = sorted(set(prefixes)), sorted(set(forms))
        index_families.append(([(" ".join(p.split()).lower(), seqs[p]) for p in prefixes],
                               [(" ".join(f.split()).lower(), seqs[f]) for f in forms]))
        pairs = [(p, f) for f in forms for p in prefixes if seqs[p] and seqs[f]]
        texts = [f"{p}-{f}" for p, f in pairs]
        for (p, f), text, doc in zip(pairs, texts, tokenizer.pipe(texts, batch_size=1000)):
            got = tuple(t.lower_ for t in doc)
            ps, fs = seqs[p], seqs[f]
            combo = (k, " ".join(p.split()).lower(), ps, " ".join(f.split()).lower(), fs)
            if got == ps[:-1] + (f"{ps[-1]}-{fs[0]}",) + fs[1:]:
                regular.add(combo)
            else:
                irregular.setdefault(combo, []).append((" ".join(text.split()).lower(), got))
    patterns: Dict[str, List[Seq]] = {}
    for combo, found in irregular.items():
        for label, got in found:
            if got and got not in patterns.setdefault(label, []):
                patterns[label].append(got)
    return CompoundIndex(index_families, [c for c in irregular if c not in regular]), patterns


def _tokenize(nlp, surfaces: Sequence[str]) -> Dict[str, List[Tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """lower-cased form -> the distinct lower-cased token sequences of its spellings."""
    out: Dict[str, List[Tuple[str, ...]]] = {}
    for surface, doc in zip(surfaces, _scratch_tokenizer(nlp).pipe(surfaces, batch_size=1000)):
        seq = tuple(t.lower_ for t in doc)
        seqs = out.setdefault(surface.lower(), [])
        if seq and seq not in seqs:
            seqs.append(seq)
    return out


KEEP = 6  # cached matchers kept per language (other KBs, versions); older ones are removed


def _prune(directory: Path, lang: str) -> None:
    for stale in directory.glob(f"surfaces-{lang}-*.pickle"):  # the format before marshal
        try:
            stale.unlink()
        except OSError:
            pass
    files = sorted(directory.glob(f"surfaces-{lang}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        for gone in (old, old.with_name(old.name[: -len(".marshal")] + ".lock")):
            try:
                gone.unlink()
            except OSError:
                pass


def build_surface_matcher(
    nlp, surfaces: Iterable[str], *, families: Sequence[Family] = (),  # type: ignore[no-untyped-def]
    use_cache: bool = True, directory: Optional[Path] = None,
) -> Tuple[SurfaceMatcher, str]:
    """A :class:`SurfaceMatcher` for ``surfaces`` (each labelled with its lower-cased
    form) and the compounds of ``families`` (``(prefixes, forms)``: every "PREFIX-FORM",
    labelled with the compound lower-cased, white space normalised), loaded from the disk
    cache when it is current, else built (tokenized with a scratch copy of
    ``nlp.tokenizer``, :func:`_scratch_tokenizer`) and written to the cache. Processes that miss the same cache file together build it once: the build runs
    under a file lock beside the cache (:func:`_build_lock`), and a process that waited
    for it reads what the first one wrote ("cache"). Returns ``(matcher, how)`` with
    ``how`` one of ``"cache"``, ``"built"``, ``"built (cache not writable)"``."""
    surfaces = sorted(set(surfaces))
    families = [(list(p), list(f)) for p, f in families]
    key = cache_key(nlp, surfaces, families)
    path = (directory or cache_dir()) / f"surfaces-{nlp.lang}-{key[:32]}.marshal"
    if not use_cache:
        return _build(nlp, surfaces, families), "built"
    cached = _read_cache(path, key)
    if cached is not None:
        return cached, "cache"
    # Not cached: build it under a lock, so that processes starting together (the workers
    # of a parallel ingest) build it once -- the others wait, then read what it wrote.
    with _build_lock(path):
        cached = _read_cache(path, key)
        if cached is not None:
            return cached, "cache"
        matcher = _build(nlp, surfaces, families)
        return matcher, _write_cache(path, key, matcher, nlp.lang)


def _read_cache(path: Path, key: str) -> Optional[SurfaceMatcher]:
    """The matcher stored at ``path`` under ``key``; None when it is missing, stale or
    unreadable."""
    data = read_keyed(path, key)
    if data is None:
        return None
    try:
        compounds = CompoundIndex.from_data(data["compounds"]) if data.get("compounds") else None
        return SurfaceMatcher(data["trie"], compounds)
    except (KeyError, TypeError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` + ".lock" (``fcntl.flock``, POSIX) while the
    block runs: a second process asking for the same cache file waits until the first
    has written it. The operating system releases the lock when its holder exits, so a
    crashed builder never blocks the others; where the lock cannot be taken (no
    ``fcntl``, a cache directory that cannot be created or written) the block runs
    unlocked, as before."""
    try:
        import fcntl
    except ImportError:  # Windows: every process builds its own, as before
        yield
        return
    lock = path.with_name(path.name[: -len(".marshal")] + ".lock")
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks
            pass
        yield
    finally:
        os.close(fd)  # releases the lock


def _build(nlp, surfaces: Sequence[str], families: Sequence[Tuple[List[str], List[str]]]) -> SurfaceMatcher:  # type: ignore[no-untyped-def]
    patterns = _tokenize(nlp, surfaces)
    compounds = None
    if any(p and f for p, f in families):
        compounds, irregular = _compound_index(nlp, families)
        for label, seqs in irregular.items():
            known = patterns.setdefault(label, [])
            known.extend(seq for seq in seqs if seq not in known)
    matcher = SurfaceMatcher.from_patterns(patterns)
    matcher.compounds = compounds
    return matcher


def _write_cache(path: Path, key: str, matcher: SurfaceMatcher, lang: str) -> str:
    """Store ``matcher`` at ``path``; ``"built"``, or ``"built (cache not writable)"``."""
    compounds = matcher.compounds
    try:
        write_atomic(path, {"key": key, "trie": matcher.trie,
                            "compounds": compounds.to_data() if compounds is not None else None})
        _prune(path.parent, lang)
    except OSError:
        return "built (cache not writable)"
    return "built"
