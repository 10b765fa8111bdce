"""Markdown inline markup in plain text: links, images, emphasis, code spans.

A ``.md`` file (or a text pasted from one) kept ``[Text](https://…)``, ``**fett**`` and
``*kursiv*`` in the article text: the URL and the marks were analysed as words and shown in
every view. :func:`strip_inline` keeps what a reader sees (CommonMark, the spec at
https://spec.commonmark.org/0.31.2/, sections 6.1-6.7):

- ``[text](url "title")`` and ``[text][ref]`` become ``text``; ``![alt](src)`` (an image)
  is dropped; ``<https://…>`` (an autolink) becomes the URL;
- ``***x***``, ``**x**``, ``__x__``, ``*x*``, ``_x_``, ``~~x~~`` become ``x`` -- only where CommonMark
  would see emphasis: the opening mark after a space, punctuation or the line start and
  before a non-space, the closing one the other way round; so ``Lehrer*innen``,
  ``snake_case`` and ``5 * 3 * 2`` stay as they are;
- ```code``` becomes ``code``; a backslash escape (``\\*``) becomes the character.

:func:`is_link_definition` tells a reference definition line (``[1]: https://…``), which
is not article text. Headings (``# Titel``) are handled by :mod:`lagebild.ingest.text`.
Every pattern is bounded (at most a few hundred characters inside one mark), so a long
line costs linear time.
"""
from __future__ import annotations

import re

# an image: dropped (its alt text describes a picture, it is not part of the article)
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\((?:<[^<>\n]{0,2000}>|[^()\s]{0,2000})(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?\s*\)")
# an inline link [text](url "title"), the URL possibly in <>; and a reference link [text][ref]
_LINK = re.compile(
    r"(?<!\\)\[(?P<text>[^\[\]\n]{1,500})\]"
    r"(?:\((?:<[^<>\n]{0,2000}>|[^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500})?)"
    r"(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?\s*\)|\[[^\[\]\n]{0,100}\])"
)
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]{1,2000})>")
_CODE = re.compile(r"(?<!`)(?P<ticks>`{1,3})(?!`)(?P<code>[^`\n]{1,500}?)(?<!`)(?P=ticks)(?!`)")
# the left side of an opening mark and the right side of a closing one: start/end, a
# space or punctuation (CommonMark's flanking rules, simplified; "_" never inside a word)
_OPEN_LEFT = r"(?:^|(?<=[\s(\[{\"'„“‚‘«»—–/-]))"
_CLOSE_RIGHT = r"(?=$|[\s)\]}\"'“”‘’«».,;:!?—–/-])"
_EMPHASIS = [
    re.compile(_OPEN_LEFT + re.escape(mark) + r"(?=[^\s" + re.escape(mark[0]) + r"])"
               r"(?P<inner>[^\n]{1,500}?)(?<=[^\s" + re.escape(mark[0]) + r"])" + re.escape(mark) + _CLOSE_RIGHT)
    for mark in ("***", "___", "**", "__", "~~", "*", "_")
]
_ESCAPE = re.compile(r"\\(?P<char>[!\"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])")
_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]{1,100}\]:\s*\S+(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*$")
_MARKS = re.compile(r"[\[*_`~<\\]")


def strip_inline(text: str) -> str:
    """``text`` without Markdown's inline markup (see the module docstring); text with
    none of ``[ * _ ` ~ < \\`` is returned as it is."""
    if not _MARKS.search(text):
        return text
    original = text
    text = _CODE.sub(lambda m: m.group("code"), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(lambda m: m.group("url"), text)
    for pattern in _EMPHASIS:
        # nested marks (***x***, **_x_**) lose one layer per pass
        for _ in range(3):
            new = pattern.sub(lambda m: m.group("inner"), text)
            if new == text:
                break
            text = new
    text = _ESCAPE.sub(lambda m: m.group("char"), text)
    # a dropped image leaves two spaces, or one at the start
    return text if text == original else " ".join(text.split())


def is_link_definition(line: str) -> bool:
    """True for a Markdown link reference definition (``[1]: https://example.org "Titel"``)."""
    return bool(_DEFINITION.match(line))
