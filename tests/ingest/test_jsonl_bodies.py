"""JSON Lines bodies as producers write them: an ``html`` field holding a body fragment
(one short paragraph gave ``[E005]`` before: trafilatura found no page around it), and
numbers where strings belong (stored as their digits with a ``W152`` note: ``text`` and
``title`` had none). Own sentences."""
from __future__ import annotations

import json

import pytest

from lagebild.ingest.html import is_fragment, parse_html
from lagebild.ingest.jsonl import article_from_record, parse_record

SENT = "Putin droht der Ukraine mit neuen Angriffen."


def _article(record: dict):
    line = json.dumps(record).encode()
    return article_from_record(parse_record(line, lineno=1, path="x.jsonl", warnings=[]), source="x.jsonl:1")


@pytest.mark.parametrize(
    "html",
    [
        f"<p>{SENT}</p>",  # one short paragraph
        f"<div>{SENT}</div>",  # no paragraph element at all
        f"{SENT.replace('Ukraine', '<b>Ukraine</b>')}",  # inline markup only
        f"<p>{SENT}</p><p>Kiew bittet um Hilfe.</p>",  # two paragraphs (worked before too)
        f"<article><h2>Lage</h2><p>{SENT}</p></article>",  # a heading and a paragraph
        f"<p>{SENT}<script>alert('x')</script></p>",  # a script inside: never text
    ],
    ids=["one-p", "div", "inline", "two-p", "heading", "script"],
)
def test_jsonl_html_fragment_gives_its_text(html):
    article = _article({"html": html, "published": "2025-04-19"})
    assert SENT in article.text
    assert "alert" not in article.text and "<" not in article.text
    assert not article.partial  # a fragment is no truncated page (no W005)
    assert not any(w.startswith("[W005]") for w in article.warnings), article.warnings


@pytest.mark.parametrize(
    "html,fragment",
    [
        ("<p>x</p>", True),
        ("plain <b>bold</b>", True),
        ("<!DOCTYPE html><p>x</p>", False),
        ("<html><body><p>x</p>", False),  # a page cut before </html>: truncated, not a fragment
        ("<BODY><p>x</p></BODY>", False),
        ("<head><title>t</title></head><p>x</p>", False),
    ],
)
def test_is_fragment(html, fragment):
    assert is_fragment(html) is fragment


def test_truncated_page_is_still_partial():
    parsed = parse_html(f"<html><body><p>{SENT}</p><p>Kiew bittet")
    assert parsed.partial and "[W005]" in parsed.warnings[0]


@pytest.mark.parametrize(
    "record,field,text",
    [
        ({"text": 5}, "text", "5"),
        ({"text": 2.5}, "text", "2.5"),
        ({"html": 7}, "html", "7"),
        ({"text": SENT, "title": 2025}, "title", None),
        ({"text": SENT, "url": 12}, "url", None),
        ({"text": SENT, "source": 3}, "source", None),
    ],
    ids=["text-int", "text-float", "html-int", "title-int", "url-int", "source-int"],
)
def test_jsonl_number_in_a_string_field_is_noted(record, field, text):
    article = _article(record)
    notes = [w for w in article.warnings if w.startswith("[W152]") and repr(field) in w]
    assert notes and "digits" in notes[0], article.warnings
    if text is not None:
        assert article.text == text


def test_jsonl_number_as_date_is_no_coercion_note():
    article = _article({"text": SENT, "published": 20250419})
    assert not any(w.startswith("[W152]") for w in article.warnings), article.warnings
