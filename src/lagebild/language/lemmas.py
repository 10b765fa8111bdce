"""Dictionary lemmatisation with ``simplemma`` (the ``lagebild_lemmatizer`` component).

The German pipeline that lagebild trains (``models/de``) lemmatises with spaCy's lookup
table from spacy-lookups-data: one lemma per surface form, no part of speech, many gaps
("habe", "müsste", pronouns). ``simplemma`` (Barbaresi 2021, MIT) ships a much larger
German form→lemma lexicon plus suffix rules for unknown compounds ("Sicherheitsgründen"
→ "Sicherheitsgrund"); on UD German GSD with gold parts of speech it lemmatises 95.5 %
of tokens right against 85.8 % for the lookup table (``training/README.md``, measured
on GSD test, the training part; GSD dev stays for ``lagebild eval syntax``).

The component uses the part of speech the tagger predicted:

* a lemma already set before it (the ``lemma_rules`` attribute ruler of the shipped
  model: auxiliaries, modals incl. Konjunktiv, personal pronouns) is kept;
* punctuation, symbols, numbers in digits, URLs and whitespace keep their form;
* preposition + article contractions ("zum", "im") get the preposition
  (``data/<lang>/contractions.tsv``, the treebank convention for merged tokens);
* nouns and proper nouns are looked up as written (capitalised), every other word in
  lower case ("Die" at a sentence start → "der");
* otherwise ``simplemma.lemmatize(form, lang)``, in greedy mode (which also splits
  unknown compounds, "Sicherheitsgründen" → "Sicherheitsgrund") for nouns and proper
  nouns only: on GSD test it helps nouns (0.953 → 0.960) and hurts adjectives
  (0.896 → 0.876) and verbs. A form it does not know comes back unchanged.

``load_base`` puts this component in place of the lookup ``lemmatizer`` of the shipped
German pipeline (``REPLACES_LOOKUP``); a user-chosen pipeline (``model=``) is left as it is.
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Dict, Iterable, Iterator, Optional

import numpy
from spacy.attrs import LEMMA, ORTH, POS
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from ..datafiles import data_path, iter_tsv

# Languages whose shipped pipeline gets this component instead of its lookup lemmatizer.
REPLACES_LOOKUP = ("de",)
_KEEP_FORM_POS = frozenset({"PUNCT", "SYM", "SPACE", "X"})
_CASED_POS = frozenset({"NOUN", "PROPN"})


@lru_cache(maxsize=8)
def contractions(lang: str) -> Dict[str, str]:
    """``{lower-case contraction: lemma}`` from ``data/<lang>/contractions.tsv``
    (empty when the language has no such file)."""
    path = data_path(lang, "contractions.tsv")
    if not path.is_file():
        return {}
    return {row["form"].lower(): row["lemma"] for row in iter_tsv(path, required=("form", "lemma"))}


@lru_cache(maxsize=4)
def _lemmatizer(greedy: bool) -> Any:
    """A ``simplemma.Lemmatizer`` whose lexicons are MARISA tries cached on disk.

    simplemma's default dictionary factory decompresses and decodes the whole German
    lexicon (1.1 M forms) on first use: ~2 s of every cold start, ~150 MB per process.
    ``TrieDictionaryFactory`` (simplemma's own, extra ``marisa-trie``) builds a trie of
    the same form→lemma pairs once (~6 s) and stores it; later processes open it in
    milliseconds. Same lexicon, same strategies, so the same lemmas. The trie lives under
    :func:`lagebild.actors.surface_matcher.cache_dir` (keyed by the simplemma version)
    and is written atomically (a temporary file renamed into place), so worker processes
    starting together never read a half-written file. Without ``marisa-trie`` (or when
    the cache is unusable) the default factory is used: slower to start, same results.
    """
    import simplemma
    from simplemma.strategies import DefaultStrategy

    factory = _trie_factory()
    if factory is None:
        return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=greedy))
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory, greedy=greedy))


@lru_cache(maxsize=1)
def _trie_factory() -> Any:
    try:
        from simplemma.__metadata__ import __version__
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory
    except ImportError:
        return None
    from ..actors.surface_matcher import cache_dir

    class AtomicTrieFactory(TrieDictionaryFactory):
        def _write_trie_to_disk(self, lang: str, trie: Any) -> None:
            import os
            import tempfile

            self._cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{lang}-", suffix=".tmp", dir=self._cache_dir)
            os.close(fd)
            try:
                trie.save(tmp)
                os.replace(tmp, self._cache_dir / f"{lang}.dic")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)

    try:
        return AtomicTrieFactory(disk_cache_dir=str(cache_dir() / "simplemma" / __version__))
    except ImportError:  # marisa-trie / platformdirs missing
        return None


#: entries of each text-level lemma cache (least recently used dropped first); about 220
#: bytes an entry (measured with tracemalloc), so at most ~11 MiB each per process. A
#: thousand news-de articles bring ~60,000 (form, part of speech) pairs, most of them seen once.
LEMMA_CACHE_SIZE = 50_000


@lru_cache(maxsize=LEMMA_CACHE_SIZE)
def _dictionary_lemma(form: str, lang: str, greedy: bool) -> str:
    if "\x00" not in form:  # the MARISA trie mis-reads keys with NUL (garbage, errors)
        try:
            return _lemmatizer(greedy).lemmatize(form, lang=lang)
        except (UnicodeDecodeError, SystemError):  # pragma: no cover - same guard, other bytes
            pass
    import simplemma  # the plain dictionary: the same lexicon, decoded in full on first use

    return simplemma.lemmatize(form, lang=lang, greedy=greedy)


@lru_cache(maxsize=LEMMA_CACHE_SIZE)
def lemma_for(form: str, pos: str, lang: str = "de") -> str:
    """The lemma of the word ``form`` with the universal part of speech ``pos`` (UPOS;
    "" when unknown), by the rules in the module docstring. Pure function of its
    arguments (so cached: a news article repeats most of its words and their tags);
    never raises on odd input (an empty form gives "")."""
    if not form.strip() or pos in _KEEP_FORM_POS:
        return form
    if form.isdigit() or "://" in form or form.startswith("www."):
        return form
    low = form.lower()
    contracted = contractions(lang).get(low)
    if contracted is not None:
        return contracted
    query = form if pos in _CASED_POS else low
    if not any(c.isalpha() for c in query):
        return form
    return _dictionary_lemma(query, lang, pos in _CASED_POS)


class DictionaryLemmatizer:
    """spaCy component: sets ``token.lemma_`` with :func:`lemma_for` (``overwrite``:
    also replace lemmas set by earlier components)."""

    def __init__(self, nlp: Language, name: str, overwrite: bool = False) -> None:
        self.name = name
        self.lang = nlp.lang
        self.overwrite = overwrite
        # (ORTH, POS) ids -> LEMMA id: lemma_for is a pure function of the text and the
        # part of speech, so the ids answer without building a string per token. Valid
        # only while the lemma strings are in the StringStore: emptied when a spaCy memory
        # zone ends (its strings are freed then) and when it passes ID_CACHE_MAX entries
        self._ids: Dict[tuple, int] = {}

    #: most (ORTH, POS) -> LEMMA id entries before the cache is emptied (a process that uses
    #: no memory zones; with zones it is emptied after every batch)
    ID_CACHE_MAX = 100_000

    @contextmanager
    def memory_zone(self, mem: Optional[Any] = None) -> Iterator[None]:
        """Called by ``nlp.memory_zone()`` (spaCy >= 3.8) around a block of documents: the
        strings added in the block (lemmas of new words among them) are freed at its end,
        so the id cache is emptied then; the text-level :func:`lemma_for` cache is kept.
        Same lemmas, with or without a zone."""
        try:
            yield
        finally:
            self._ids.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # read and write the lemmas as one array (Doc.to_array / from_array) instead of
        # through each token's setters: the same lemmas, about 3x cheaper
        rows = doc.to_array([ORTH, POS, LEMMA]).tolist()
        strings, ids, lang = doc.vocab.strings, self._ids, self.lang
        if len(ids) > self.ID_CACHE_MAX:
            ids.clear()
        lemmas = []
        for orth, pos, lemma in rows:
            if lemma != 0 and not self.overwrite:
                lemmas.append(lemma)
                continue
            new = ids.get((orth, pos))
            if new is None:
                new = strings.add(lemma_for(strings[orth], strings[pos] if pos else "", lang))
                ids[(orth, pos)] = new
            lemmas.append(new)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64"))
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        """``{"lemma_acc": …}`` like spaCy's own lemmatizer (for ``nlp.evaluate``)."""
        return Scorer.score_token_attr(examples, "lemma", **kwargs)


@Language.factory(
    "lagebild_lemmatizer",
    default_config={"overwrite": False},
    assigns=["token.lemma"],
    requires=["token.pos"],
)
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> DictionaryLemmatizer:
    """The ``lagebild_lemmatizer`` factory (see module docstring)."""
    return DictionaryLemmatizer(nlp, name, overwrite)


def use_dictionary_lemmatizer(nlp: Language) -> Language:
    """Replace the ``lemmatizer`` pipe of ``nlp`` by ``lagebild_lemmatizer`` (in place,
    same position); a pipeline without a ``lemmatizer`` pipe gets none. Returns ``nlp``."""
    if "lemmatizer" in nlp.pipe_names:
        nlp.replace_pipe("lemmatizer", "lagebild_lemmatizer")
    return nlp


def add_dictionary_lemmatizer(nlp: Language, order: Iterable[str]) -> Language:
    """Add ``lagebild_lemmatizer`` where ``order`` (the pipeline's configured component
    names) has ``lemmatizer``, for a pipeline loaded without its ``lemmatizer``; the same
    pipeline as :func:`use_dictionary_lemmatizer` gives, without loading the lookup
    tables first. Returns ``nlp``."""
    order = list(order)
    if "lemmatizer" not in order or "lemmatizer" in nlp.pipe_names:
        return nlp
    later = [n for n in order[order.index("lemmatizer") + 1:] if n in nlp.pipe_names]
    # named "lemmatizer", as replace_pipe leaves it: code that disables or finds the
    # lemmatizer by name keeps working
    if later:
        nlp.add_pipe("lagebild_lemmatizer", name="lemmatizer", before=later[0])
    else:
        nlp.add_pipe("lagebild_lemmatizer", name="lemmatizer")
    return nlp


@lru_cache(maxsize=20_000)
def is_known(form: str, lang: str = "de") -> bool:
    """True if ``form``, as written, is a form in simplemma's ``lang`` lexicon (the same
    lexicon and MARISA trie as :func:`lemma_for`; simplemma's plain dictionary without
    ``marisa-trie``). Case matters: German nouns are listed capitalised. False for an
    unsupported language, a form with NUL, or when simplemma cannot load the lexicon."""
    if not form or "\x00" in form:
        return False
    try:
        factory = _trie_factory()
        if factory is None:
            factory = _plain_factory()
        return form in factory.get_dictionary(lang)
    except (ImportError, ValueError, OSError, KeyError):
        return False


@lru_cache(maxsize=1)
def _plain_factory() -> Any:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory()
