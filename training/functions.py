"""Training-time helpers, registered for `spacy train --code training/functions.py`.

The tokenizer change made here is serialised with the tokenizer (suffix pattern), so the
packaged models load with plain `spacy.load(path)` -- no custom code at run time.
"""
from __future__ import annotations

import spacy
from spacy.util import compile_suffix_regex


def fix_tokenizer(nlp):
    """Split a final period off tokens that end in four digits ("2025." -> "2025" ".",
    "19.04.2025." -> "19.04.2025" "."): a year or full date is never an ordinal, so the
    period ends the sentence. Ordinals like "18." (as in "18. April 2025") stay one token,
    as in UD German GSD, so they do not end a sentence."""
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[0-9]{4})\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


@spacy.registry.callbacks("lagebild.fix_tokenizer.v1")
def make_fix_tokenizer():
    return fix_tokenizer
