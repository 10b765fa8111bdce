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

A missing, stale, corrupt or unwritable cache only costs the build (with
``nlp.tokenizer.pipe``); it never fails the pipeline.
"""
from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import spacy
from spacy.tokens import Doc

from ..about import __version__

# a trie node: token (lower-cased) -> child node; the key _END holds the pattern ids ending here
Trie = Dict[object, object]
_END = 0  # an int never collides with a token string
_FORMAT = 2  # bump when the stored layout changes


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

    def __init__(self, trie: Trie) -> None:
        self.trie = trie

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
        lowers = [t.lower_ for t in doc]
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
        return out


def cache_key(nlp, surfaces: Iterable[str]) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 over the (sorted) surface forms, the tokenizer rules and the versions."""
    h = hashlib.sha256()
    # marshal's format is specific to the Python version
    h.update(f"{_FORMAT}|{spacy.__version__}|{__version__}|{nlp.lang}|{sys.version_info[:2]}\n".encode())
    h.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    for s in sorted(surfaces):
        h.update(s.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _tokenize(nlp, surfaces: Sequence[str]) -> Dict[str, List[Tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """lower-cased form -> the distinct lower-cased token sequences of its spellings."""
    out: Dict[str, List[Tuple[str, ...]]] = {}
    for surface, doc in zip(surfaces, nlp.tokenizer.pipe(surfaces, batch_size=1000)):
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
        try:
            old.unlink()
        except OSError:
            pass


def build_surface_matcher(
    nlp, surfaces: Iterable[str], *, use_cache: bool = True, directory: Optional[Path] = None  # type: ignore[no-untyped-def]
) -> Tuple[SurfaceMatcher, str]:
    """A :class:`SurfaceMatcher` for ``surfaces`` (each labelled with its lower-cased
    form), loaded from the disk cache when it is current, else built with
    ``nlp.tokenizer.pipe`` and written to the cache. Returns ``(matcher, how)`` with
    ``how`` one of ``"cache"``, ``"built"``, ``"built (cache not writable)"``."""
    surfaces = sorted(set(surfaces))
    key = cache_key(nlp, surfaces)
    path = (directory or cache_dir()) / f"surfaces-{nlp.lang}-{key[:32]}.marshal"
    if use_cache:
        try:
            gc_was = gc.isenabled()
            gc.disable()  # ~45k small dicts: collections during the load only cost time
            try:
                data = marshal.loads(path.read_bytes())
            finally:
                if gc_was:
                    gc.enable()
            if isinstance(data, dict) and data.get("key") == key:
                return SurfaceMatcher(data["trie"]), "cache"
        except (OSError, EOFError, KeyError, TypeError, ValueError):
            pass
    matcher = SurfaceMatcher.from_patterns(_tokenize(nlp, surfaces))
    if not use_cache:
        return matcher, "built"
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # atomic: write a temporary file beside it, then rename (parallel workers may race)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps({"key": key, "trie": matcher.trie}))
        os.replace(tmp, path)
        _prune(path.parent, nlp.lang)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return matcher, "built (cache not writable)"
    return matcher, "built"
