"""One-token attribute rules applied by table lookup (the ``lagebild_attribute_table``
component), in place of spaCy's ``attribute_ruler`` when every rule allows it.

The shipped German pipeline's ``lemma_rules`` is an ``attribute_ruler`` whose rules all
match ONE token by its lower-case form (and, for pronouns, its part of speech) and set
its lemma ("hätte" → "haben", "mir"/PRON → "ich"; ``models/de/lemma_rules/patterns``).
spaCy runs them through a ``Matcher`` over every token of the document, about 2.5 CPU
ms per news article (``benchmarks/components.py``), for rules that are plain lookups.

This component reads the same rules and applies them with arrays: it reads the token
attributes the rules test in one ``Doc.to_array`` call, finds the tokens whose values
are in each rule's value sets (``numpy.isin``), and sets the rule's attributes on those
tokens only, with spaCy's own ``set_token_attrs``, rules in their order (a later rule
overrides an earlier one on the same token, as the ruler's sort by rule index does).
The result is the ruler's, token for token (``tests/language/test_attribute_table.py``
checks it on a grid of sentences and on random token sequences against the ruler).

A rule it cannot express — more than one token, an ``index`` other than 0/-1, an
operator, a key other than :data:`TABLE_KEYS`, a value that is not a string or
``{"IN": [...]}`` — leaves the ruler in place (:func:`use_attribute_table` returns
False), so a user's own rules keep spaCy's full pattern language.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs  # (what the ruler uses)
from spacy.vocab import Vocab

# token attributes a table rule may test (each a uint64 column of Doc.to_array; the
# Matcher compares the same values: lexeme strings as hashes, POS/TAG/DEP as symbol ids)
TABLE_KEYS = ("ORTH", "LOWER", "NORM", "POS", "TAG")

# one compiled rule: [(attribute name, sorted value ids)], attrs to set
Rule = Tuple[List[Tuple[str, numpy.ndarray]], Dict[str, Any]]


def compile_rules(vocab: Vocab, patterns: Sequence[Dict[str, Any]]) -> Optional[List[Rule]]:
    """The ruler's rules (``AttributeRuler.patterns``: dicts with ``patterns``, ``attrs``,
    ``index``) as table rules, in order, their attrs normalised as the ruler normalises
    them; None when any rule is more than a one-token test of :data:`TABLE_KEYS` by a
    string or ``{"IN": [strings]}``."""
    rules: List[Rule] = []
    for rule in patterns:
        if rule.get("index", 0) not in (0, -1):
            return None
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list) or len(pattern) != 1 or not isinstance(pattern[0], dict):
                return None
            tests: List[Tuple[str, numpy.ndarray]] = []
            for key, value in pattern[0].items():
                key = key.upper() if isinstance(key, str) else key
                if key not in TABLE_KEYS:
                    return None
                if isinstance(value, str):
                    values = [value]
                elif isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list) \
                        and all(isinstance(v, str) for v in value["IN"]):
                    values = value["IN"]
                else:
                    return None
                ids = numpy.array(sorted({get_string_id(v) for v in values}), dtype=numpy.uint64)
                tests.append((key, ids))
            if not tests:
                return None  # ({} matches every token: leave that to the ruler)
            rules.append((tests, normalize_token_attrs(vocab, dict(rule["attrs"]))))
    return rules


class AttributeTable:
    """The ``lagebild_attribute_table`` component: table rules (see module docstring).
    Built empty; :meth:`set_rules` gives it its rules. Serialisation is not supported
    (it is created at load time from the ruler it replaces)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.rules: List[Rule] = []
        self.keys: List[str] = []
        self._first: Dict[str, numpy.ndarray] = {}  # key -> ids some rule's first test accepts
        self._sets: List[Tuple[List[Tuple[int, frozenset]], Dict[str, Any]]] = []
        self._by_first: List[Tuple[int, Dict[int, List[int]]]] = []  # (column, {value: rule numbers})

    def set_rules(self, rules: List[Rule]) -> None:
        self.rules = rules
        self.keys = sorted({key for tests, _ in rules for key, _ in tests})
        first: Dict[str, set] = {}
        for tests, _ in rules:
            first.setdefault(tests[0][0], set()).update(int(v) for v in tests[0][1])
        self._first = {k: numpy.array(sorted(v), dtype=numpy.uint64) for k, v in first.items()}
        self._sets = [
            ([(self.keys.index(key), frozenset(int(v) for v in ids)) for key, ids in tests], attrs)
            for tests, attrs in rules
        ]
        by_first: Dict[int, Dict[int, List[int]]] = {}
        for r, (tests, _) in enumerate(self._sets):
            col, ids = tests[0]
            for v in ids:
                by_first.setdefault(col, {}).setdefault(v, []).append(r)
        self._by_first = sorted(by_first.items())

    def __call__(self, doc: Doc) -> Doc:
        if not self.rules or not len(doc):
            return doc
        cols = doc.to_array([IDS[k] for k in self.keys]).astype(numpy.uint64, copy=False)
        if cols.ndim == 1:
            cols = cols.reshape(-1, 1)
        # tokens that pass the first test of some rule (a few in a hundred), then each rule
        # in order on those tokens only
        cand = None
        for key, ids in self._first.items():
            found = numpy.isin(cols[:, self.keys.index(key)], ids)
            cand = found if cand is None else cand | found
        idx = numpy.flatnonzero(cand)
        if not len(idx):
            return doc
        values = cols[idx].tolist()
        for i, row in zip(idx.tolist(), values):
            hits: List[int] = []
            for col, table in self._by_first:
                hits.extend(table.get(row[col], ()))
            if len(hits) > 1:
                hits = sorted(set(hits))  # (rule order: a later rule overrides)
            token = None
            for r in hits:
                tests, attrs = self._sets[r]
                if all(row[j] in ids for j, ids in tests[1:]):
                    if token is None:
                        token = doc[i]
                    set_token_attrs(token, attrs)
        return doc

    def pipe(self, stream, batch_size: int = 128):  # type: ignore[no-untyped-def]
        for doc in stream:
            yield self(doc)


@Language.factory("lagebild_attribute_table", default_config={}, requires=SimpleFrozenList(), assigns=["token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)


def use_attribute_table(nlp: Language, name: str = "lemma_rules") -> bool:
    """Put a ``lagebild_attribute_table`` with the rules of ``nlp``'s ``attribute_ruler``
    ``name`` in its place (same name, same position). Returns True when replaced, False
    when there is no such ruler or a rule needs the Matcher (the ruler then stays)."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    rules = compile_rules(nlp.vocab, ruler.patterns)
    if rules is None:
        return False
    table = nlp.replace_pipe(name, "lagebild_attribute_table")
    table.set_rules(rules)
    return True
