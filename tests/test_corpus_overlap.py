"""No article text from ../shared in the repository (the corpus licences forbid shipping it).

Every tracked text file is compared with the news corpora by ``scripts/corpus_overlap.py``
(7-word runs); a failure names the file and line and the sha1 of the shared run, never
the text. Run ``python scripts/corpus_overlap.py --show-text`` locally to see it, then
rewrite the line in your own words (or, for a name, title or formula, add its key to
``tests/data/corpus_overlap_allow.tsv`` with the reason)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from repo_scripts import load_script

co = load_script("scripts/corpus_overlap.py")
SHARED = co.REPO.parent / "shared"


def _is_checkout() -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=co.REPO,
                          capture_output=True, text=True)
    return done.returncode == 0


@pytest.mark.skipif(not (SHARED / "data" / "news-de").is_dir(), reason="needs ../shared/data (the corpora)")
@pytest.mark.skipif(not _is_checkout(), reason="needs a git checkout to list the tracked files")
def test_no_tracked_line_repeats_corpus_text():
    hits = co.find_overlaps(co.tracked_files(), co.corpus_grams(SHARED), co.load_allow())
    shown = [f"{f}:{n}: {doc}: {co.run_key(run)}" for f, n, doc, run in hits]
    assert not hits, "lines that repeat corpus text:\n" + "\n".join(shown)


def test_a_copied_clause_is_found_and_a_set_phrase_can_be_allowed(tmp_path: Path):
    grams = co.grams_of([("article", "Am Dienstag hat der Stadtrat von Linz nach langer Debatte "
                                     "den neuen Haushalt mit knapper Mehrheit beschlossen.")])
    (tmp_path / "a.py").write_text(
        "# own words: the council passed a budget\n"
        'GRID = ["Der Stadtrat von Linz hat nach langer Debatte den neuen Haushalt beschlossen."]\n'
        'COPY = ["NACH LANGER DEBATTE, den neuen Haushalt mit Freude!"]\n',
        encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\xff\xfe\x00binary")
    hits = co.find_overlaps(["a.py", "b.bin"], grams, set(), root=tmp_path)
    assert [(f, n) for f, n, _, _ in hits] == [("a.py", 3)]  # case and punctuation do not hide it
    allowed = {co.run_key(hits[0][3])}
    assert co.find_overlaps(["a.py"], grams, allowed, root=tmp_path) == []


def test_numbers_alone_are_no_overlap(tmp_path: Path):
    grams = co.grams_of([("table", "1 2 3 4 5 6 7 8 9")])
    (tmp_path / "t.md").write_text("| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n", encoding="utf-8")
    assert co.find_overlaps(["t.md"], grams, set(), root=tmp_path) == []


def test_allowlist_errors_name_file_and_line(tmp_path: Path):
    bad = tmp_path / "allow.tsv"
    bad.write_text("# comment\n" + "a" * 40 + "\ta title\nnot-a-key\twhy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"allow\.tsv:3:"):
        co.load_allow(bad)
    assert co.load_allow(co.ALLOW)  # the shipped allowlist parses
