"""Given names: the one list every part of lagebild uses to tell that a capitalised word
starts a person's name.

Three mechanisms read a name after a role noun or a title and need it: the post-NER span
repair (:mod:`lagebild.language.ner_roles`: "[Landesrätin Anna Berger]LOC" -> PER "Anna
Berger"), the actor linker's unseen names (:mod:`lagebild.actors.linker`: a given name +
a capitalised word is a provisional person; a KB surname after another given name is
somebody else) and the post-linker role persons (:mod:`lagebild.language.role_names`).
They read the same words from :func:`given_names`, the union of

* ``data/kb/given_names.txt`` -- lagebild's own hand-made list (names frequent in
  international politics news: "Wolodymyr", "Annalena"), and
* ``data/language/given_names_<lang>.txt`` -- first words of multi-word PER spans in the
  open NER training sets, written by ``training/given_names.py`` (sources, thresholds and
  licences in the file's header).

A user extends the lists by adding words to either file (whitespace-separated, ``#``
comments); the loader is :func:`lagebild.datafiles.word_list`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..datafiles import data_path, word_list

KB_FILE = ("kb", "given_names.txt")
LANG_FILE = "given_names_{lang}.txt"  # under data/language/


@lru_cache(maxsize=8)
def given_names(lang: Optional[str] = None) -> frozenset:
    """Given names (case-sensitive words, e.g. ``"Anna"``) known for ``lang`` (``"de"``,
    ``"en"``), or for every language with a list when ``lang`` is None (the actor KB is
    shared by the languages). Read once per process. Errors: OSError when the KB file is
    missing (it ships with the package)."""
    names = set(word_list(str(data_path(*KB_FILE))))
    lang_dir = data_path("language")
    if lang is None:
        paths = sorted(lang_dir.glob(LANG_FILE.format(lang="*")))
    else:
        paths = [lang_dir / LANG_FILE.format(lang=lang)]
    for path in paths:
        if path.is_file():
            names.update(word_list(str(path)))
    return frozenset(names)
