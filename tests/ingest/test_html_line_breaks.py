"""HTML with line breaks and inline elements outside a paragraph, as feed entries and JSON
Lines ``html`` fields carry it: a bare fragment lost everything after its first ``<br>``
(only the text before it was read), and ``<br>`` inside a paragraph glued two lines into
one word ("Montag.Er"). All sentences are written for this test."""
from __future__ import annotations

import json

import pytest

from lagebild.ingest import read_paths
from lagebild.ingest.html import parse_html

# (construction, HTML, the text expected)
CASES = [
    ("fragment with line breaks", "Der Kreistag von Celle tagte am Montag.<br>Er vertagte die Wahl.<br/>Die Opposition protestierte.",
     "Der Kreistag von Celle tagte am Montag. Er vertagte die Wahl. Die Opposition protestierte."),
    ("line break inside a paragraph", "<p>Der Kreistag von Celle tagte am Montag.<br>Er vertagte die Wahl.</p>",
     "Der Kreistag von Celle tagte am Montag. Er vertagte die Wahl."),
    ("fragment with bold in the middle", "Die Ministerin lobte am Montag <b>die Einigung</b> mit Island und Norwegen.",
     "Die Ministerin lobte am Montag die Einigung mit Island und Norwegen."),
    ("fragment text before a paragraph", "Vorweg ein Satz über die Wahl. <p>Der Absatz über die Wahl.</p>",
     "Vorweg ein Satz über die Wahl.\n\nDer Absatz über die Wahl."),
    ("page with a line break", "<html><body><article><p>Der Kreistag von Celle tagte am Montag.<br>Er vertagte "
     "die Wahl auf den Herbst.</p><p>Die Opposition protestierte gegen den Beschluss.</p></article></body></html>",
     "Der Kreistag von Celle tagte am Montag. Er vertagte die Wahl auf den Herbst.\n\n"
     "Die Opposition protestierte gegen den Beschluss."),
]


@pytest.mark.parametrize("construction,html,expected", CASES, ids=[c[0] for c in CASES])
def test_line_breaks_and_inline_elements_keep_the_text(construction, html, expected):
    assert parse_html(html).text == expected, construction


def test_a_jsonl_html_field_with_line_breaks_keeps_every_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"html": "Der Rat von Verden tagte am Montag.<br>Er lehnte den Antrag ab.<br>"
                                        "Der Bürgermeister bedauerte das."}) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert item.text == "Der Rat von Verden tagte am Montag. Er lehnte den Antrag ab. Der Bürgermeister bedauerte das."
