"""Article extraction quality on the Article Extraction Benchmark (../shared/data/html-aeb):
token-level precision/recall/F1 of our body text against the ground truth, as in the
benchmark's own evaluate.py, and ms per page (median).

    python benchmarks/html_extraction.py [--limit 181]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Tuple

REPO = Path(__file__).resolve().parent.parent
AEB = REPO.parent / "shared" / "data" / "html-aeb"


def tokens(text: str) -> Counter:
    return Counter(text.split())


def prf(pred: str, gold: str) -> Tuple[float, float, float]:
    p_tok, g_tok = tokens(pred), tokens(gold)
    common = sum((p_tok & g_tok).values())
    if not p_tok or not g_tok:
        return (1.0, 1.0, 1.0) if p_tok == g_tok else (0.0, 0.0, 0.0)
    precision, recall = common / sum(p_tok.values()), common / sum(g_tok.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not AEB.exists():
        print(f"{AEB} is absent", file=sys.stderr)
        return 2
    from lagebild.errors import LagebildError
    from lagebild.ingest import article_from_html
    from lagebild.ingest.decode import decode_bytes

    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    scores, times, failed = [], [], 0
    for key, item in list(truth.items())[: args.limit]:
        raw = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        t = time.perf_counter()
        try:
            html, _ = decode_bytes(raw)
            body = article_from_html(html, url=item.get("url")).text
        except LagebildError:
            body, failed = "", failed + 1
        times.append(time.perf_counter() - t)
        scores.append(prf(body, item["articleBody"]))

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"article extraction, {len(scores)} pages of html-aeb (token-level, mean over pages)")
    for col in ("precision", "recall", "F1", "ms/page (median)", "no text"):
        table.add_column(col, justify="right")
    table.add_row(
        *(f"{statistics.mean(s[i] for s in scores):.3f}" for i in range(3)),
        f"{statistics.median(times) * 1000:.1f}",
        str(failed),
    )
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
