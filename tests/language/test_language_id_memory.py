"""A short German or English text (under 120 characters: a one-line feed item, a
headline) made the all-languages check load lingua's 1- to 5-gram models of 75
languages: +850 MB of memory and 7 s in every process that met one, so a feed of short
items peaked at 1.42 GB with one worker (issue 15: at most 1 GiB per worker). Main's
trigram screen (``_all_detector_trigrams``) now keeps them out; this holds it. Measured
in a fresh process, since the models stay loaded once loaded."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lagebild.language import detect_language

PROBE = r"""
import json, re, sys
from lagebild.language import detect_language
def hwm():  # VmHWM: ru_maxrss would carry the forking pytest's peak over exec
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1))
before = hwm()
detect_language("Der lange Text über die neue Brücke von Aalen, die am Montag eröffnet wurde, und den Bahnhof. " * 3)
mid = hwm()
answers = [detect_language(t) for t in sys.argv[1:]]
after = hwm()
print(json.dumps({"grown_mb": (after - mid) / 1024, "answers": answers}))
"""

# short texts of our own in the supported languages (a feed's one-line items)
SUPPORTED_SHORT = [
    ("Der Stadtrat von Weiler bewilligte am Dienstag neue Radwege.", "de"),
    ("The council of Elmford approved new cycle lanes on Tuesday.", "en"),
    ("Die Bürgermeisterin von Aalen eröffnete die Brücke.", "de"),
    ("Der Landrat lobte am Freitag die neue Feuerwache in Hof.", "de"),
    ("Police in Dunmore closed the harbour road on Sunday.", "en"),
]
# short texts in other languages: named as such (the high-accuracy check may load models)
SHORT = SUPPORTED_SHORT + [
    ("Pemerintah kota membuka jembatan baru pada hari Senin.", "id"),
    ("Primăria a deschis un pod nou luni dimineață.", "ro"),
    ("Kaupunki avasi uuden sillan maanantaina.", "fi"),
]


def test_short_texts_do_not_load_every_ngram_model():
    out = subprocess.run([sys.executable, "-c", PROBE, *(t for t, _ in SUPPORTED_SHORT)], capture_output=True,
                         text=True, timeout=300, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    # was ~850 MB (all 1- to 5-gram models of 75 languages); the ten-language detector's own
    # models for a short text are ~200-250 MB (212 MB in a fresh-clone CI run)
    assert seen["grown_mb"] < 450, seen
    assert [a[0] for a in seen["answers"]] == [lang for _, lang in SUPPORTED_SHORT], seen["answers"]


@pytest.mark.parametrize("text, lang", SHORT, ids=[lang for _, lang in SHORT])
def test_short_texts_keep_their_language(text, lang):
    assert detect_language(text)[0] == lang
