"""The parent of a parallel ingest imports pyarrow and pandas in a background thread while
its workers start (scale.local._warm_arrow): pyarrow imports pandas at its first
conversion, which the first multi-row commit otherwise paid while the workers waited."""
import subprocess
import sys

CODE = """
import sys, time
from lagebild.scale.local import _warm_arrow
import duckdb
assert "pandas" not in sys.modules, "imported before: the warm-up has nothing to do"
_warm_arrow().join(timeout=120)
before = set(sys.modules)
# what Store._insert_rows does with a batch of more than 8 rows
import pyarrow as pa
rows = [[i, f"name {i}", None if i % 2 else 0.5] for i in range(20)]
_lagebild_rows = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(zip(*rows))})
con = duckdb.connect()
con.execute("CREATE TABLE t (a INTEGER, b VARCHAR, c DOUBLE)")
con.execute("INSERT INTO t (a, b, c) SELECT * FROM _lagebild_rows")
assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 20
new = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in ("pandas", "pyarrow"))
assert not new, f"{len(new)} modules imported by the first batch, e.g. {new[:3]}"
print("ok")
"""


def test_warm_arrow_leaves_nothing_for_the_first_batch_to_import():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
