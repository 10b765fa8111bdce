"""Cluster scale-out on Ray Data: files -> articles -> analysed documents -> Parquet.

    ray.data.read_binary_files(files)          # any filesystem pyarrow reads (local, NFS, S3 …)
      .flat_map(parse_file)                    # lagebild's readers: text, HTML, JSONL, feeds, WARC
      .map_batches(Analyzer, concurrency=N)    # a stateful actor per worker holds the pipeline
      .write_parquet(out)                      # one row per document (ok or failed)

Each Parquet row holds the document's id, source, status and the whole JSON contract
(``document``), so that :func:`lagebild.scale.parquet.load_parquet` (``lagebild
load-parquet DIR``) can put the results into DuckDB or PostgreSQL with the same rows
the local path writes, with the same sources (the path as the user gave it). Workers
analyse with provisional-actor learning frozen, with the provisional actors known at the
start: unlike the local ``ingest`` (:class:`lagebild.scale.local.ExactParallelIngest`),
a document does not learn from the documents before it in the same run, so one that
names such an actor can differ from the local record.

Needs the ``ray`` extra (``pip install 'lagebild[ray]'``); on a cluster, every node
needs lagebild installed (or a Ray ``runtime_env``) — see the README recipe.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from ..errors import Errors

PARQUET_COLUMNS = ("id", "source", "ok", "error", "partial", "document")


def _require_ray():  # type: ignore[no-untyped-def]
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError("the Ray engine needs Ray: pip install 'lagebild[ray]'") from e
    return ray


def input_names(paths: Iterable[Union[str, Path]]) -> Dict[str, str]:
    """``{path Ray reads: the document source the local path stores}`` for the files under
    ``paths`` (folders walked as the local path walks them: sorted, hidden files skipped),
    in the order the local path reads them: the absolute path (every node must
    find it) mapped to the path as the user gave it (``corpus/a.txt``, as
    :func:`lagebild.ingest.readers.iter_items` names it), so that the records of both
    paths name the same source. URIs map to themselves. Raises FileNotFoundError for a
    path that is missing."""
    from ..ingest.decode import display_path
    from ..ingest.readers import IngestFailure, iter_files

    out: Dict[str, str] = {}
    for p in paths:
        if "://" in str(p):
            out[str(p)] = str(p)
            continue
        for f in iter_files([p]):
            if isinstance(f, IngestFailure):
                raise FileNotFoundError(f.reason)
            out[str(Path(f).absolute())] = display_path(f)
    return out


def parse_file(row: Dict[str, Any], names: Optional[Dict[str, str]] = None) -> List[Dict[str, Any]]:
    """A Ray ``flat_map`` function: one file's bytes -> one row per document in it, with
    the article as JSON (``article``) or the reason it could not be read (``error``).
    names: :func:`input_names` (the source each read path is stored under); a path not
    in it is its own name."""
    from ..ingest.readers import IngestFailure, iter_items

    path = (names or {}).get(str(row["path"]), str(row["path"]))
    tmpdir = tempfile.mkdtemp(prefix="lagebild-ray-")
    try:
        local = Path(tmpdir) / (Path(path).name or "input")
        local.write_bytes(row["bytes"])
        out: List[Dict[str, Any]] = []
        for _, item in iter_items([local]):
            if isinstance(item, IngestFailure):
                # "path" of a failed row is where it failed ("batch.jsonl:2"), as locally
                source = (item.source or "").replace(str(local), path) or path
                out.append({"path": source, "article": None, "error": item.reason.replace(str(local), path)})
                continue
            data = item.to_dict()
            data["source"] = (data.get("source") or "").replace(str(local), path) or path
            data["warnings"] = [w.replace(str(local), path) for w in data.get("warnings") or []]
            out.append({"path": path, "article": json.dumps(data, ensure_ascii=False), "error": None})
        return out
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


class Analyzer:
    """The stateful Ray actor: loads the pipeline once, analyses batches of articles."""

    def __init__(self, language: Optional[str] = None, model: Optional[str] = None,
                 provisional: Optional[List[dict]] = None, setup: Optional[str] = None) -> None:
        from ..actors.provisional import register_provisional
        from ..pipeline import load
        from .local import run_setup

        register_provisional(provisional or [])
        self.language, self.model = language, model
        if language:
            load(language, model)
        run_setup(setup)

    def __call__(self, batch: Dict[str, Any]) -> Dict[str, List[Any]]:
        from ..actors.provisional import freeze_provisional
        from ..batch import analysis_failure
        from ..pipeline import analyze_batch
        from ..schemas import Article

        out: Dict[str, List[Any]] = {c: [] for c in PARQUET_COLUMNS}
        rows = list(zip(batch["path"], batch["article"], batch["error"]))
        articles = [Article.from_dict(json.loads(a)) for _, a, _ in rows if a is not None]
        with freeze_provisional():
            results = iter(analyze_batch(articles, language=self.language, model=self.model))
        for path, article, error in rows:
            if article is None:
                out["id"].append(None)
                out["source"].append(str(path))
                out["ok"].append(False)
                out["error"].append(error)
                out["partial"].append(False)
                out["document"].append(None)
                continue
            result = next(results)
            art = json.loads(article)
            if isinstance(result, Exception):
                out["id"].append(art.get("id"))
                out["source"].append(art.get("source") or str(path))
                out["ok"].append(False)
                out["error"].append(analysis_failure(result))
                out["partial"].append(bool(art.get("partial")))
                out["document"].append(None)
            else:
                out["id"].append(result.id)
                out["source"].append(result.source)
                out["ok"].append(True)
                out["error"].append(None)
                out["partial"].append(bool(result.partial))
                out["document"].append(json.dumps(result.to_dict(), ensure_ascii=False))
        return out


@dataclass
class RayReport:
    out: str
    files: int = 0
    rows: int = 0
    seconds: float = 0.0
    details: Dict[str, Any] = field(default_factory=dict)


def run_ray(
    paths: Sequence[Union[str, Path]],
    out: Union[str, Path],
    *,
    address: Optional[str] = None,
    workers: int = 0,
    language: Optional[str] = None,
    model: Optional[str] = None,
    provisional: Optional[List[dict]] = None,
    batch_size: int = 16,
    setup: Optional[str] = None,
    quiet: bool = False,
) -> RayReport:
    """Analyse ``paths`` on Ray and write Parquet partitions to the folder ``out``.

    address: a Ray cluster (``ray://host:10001`` or ``auto``); None starts a local Ray
        with ``workers`` CPUs (default: all cores). An already initialised Ray is reused.
    workers: analysis actors (default: the cluster's CPUs).
    quiet: Ray's own output of the run (its C++ core's ERROR lines, its Python loggers'
        notices) goes to a temporary log file, removed after a successful run
        (:func:`ray_output_to_file`). Off by default: it points file descriptor 2 of the
        whole process at that file during the run, so a caller's own writes to stderr
        (other threads, logging) would go there too; ``lagebild ingest --quiet`` turns it on.
    Returns a :class:`RayReport`; raises RuntimeError without Ray installed, and
    RuntimeError E056 (naming the kept log file) when a quiet run fails inside Ray.
    """
    ray = _require_ray()
    with ray_output_to_file(quiet) as log:
        try:
            report = _run_on_ray(ray, paths, out, address=address, workers=workers, language=language,
                                 model=model, provisional=provisional, batch_size=batch_size, setup=setup,
                                 quiet=quiet)
        except ray.exceptions.RayError as e:
            if log is None:
                raise
            first = (str(e).strip().splitlines() or [""])[0][:300]
            raise RuntimeError(Errors.E056.format(kind=type(e).__name__, msg=first, log=log)) from e
        except BaseException:  # a usage error or an interrupt: reported as it is, no log left behind
            if log is not None:
                Path(log).unlink(missing_ok=True)
            raise
    if log is not None:
        Path(log).unlink(missing_ok=True)
    return report


@contextmanager
def ray_output_to_file(quiet: bool) -> Iterator[Optional[str]]:
    """With ``quiet``: while the block runs, file descriptor 2 (stderr, where Ray's C++
    core and Ray's Python loggers write) points at a new temporary file
    ``lagebild-ray-*.log``, whose path is yielded; lagebild prints nothing meanwhile (its
    failures and summary come after the run). Yields None (and changes nothing) without
    ``quiet`` or without a file descriptor 2.

    Why: a successful quiet run printed Ray's ``core_worker.cc … has constructor arguments
    in the object store and max_restarts > 0`` ERROR line (Ray Data causes it on every
    actor pool, ray-project/ray#53727) and notices such as "Progress bars disabled";
    ``$RAY_BACKEND_LOG_LEVEL`` cannot hide the former without a line of its own."""
    if not quiet:
        yield None
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield None
        return
    handle, log = tempfile.mkstemp(prefix="lagebild-ray-", suffix=".log")
    os.dup2(handle, 2)
    try:
        yield log
    finally:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)
        os.close(saved)
        os.close(handle)


def _run_on_ray(ray: Any, paths: Sequence[Union[str, Path]], out: Union[str, Path], *, address: Optional[str],
                workers: int, language: Optional[str], model: Optional[str], provisional: Optional[List[dict]],
                batch_size: int, setup: Optional[str], quiet: bool) -> RayReport:
    """The body of :func:`run_ray` (same arguments), with Ray imported as ``ray``."""
    import time

    from .local import default_workers

    started = time.perf_counter()
    if quiet:
        import logging

        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if not ray.is_initialized():
        kwargs: Dict[str, Any] = dict(
            include_dashboard=False, log_to_driver=not quiet, configure_logging=not quiet,
        )
        if address:
            kwargs["address"] = address
        else:
            kwargs["num_cpus"] = workers or default_workers()
            kwargs["object_store_memory"] = 256 * 1024 * 1024
        import os

        if os.environ.get("LAGEBILD_PIPELINE"):  # --pipeline reaches the workers, also on a cluster
            kwargs["runtime_env"] = {"env_vars": {"LAGEBILD_PIPELINE": os.environ["LAGEBILD_PIPELINE"]}}
        ray.init(**kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = not quiet
    if quiet:
        import logging

        # Ray Data configures its loggers on first use: quiet them after that
        for name in ("ray.data", "ray.data._internal.execution.streaming_executor"):
            logging.getLogger(name).setLevel(logging.WARNING)
        for handler in logging.getLogger("ray.data").handlers:
            handler.setLevel(logging.WARNING)
    ctx.execution_options.preserve_order = False  # rows carry their ids: order is not needed, stalls are
    n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    names = input_names(paths)
    files = list(names)
    out = str(Path(out).absolute()) if "://" not in str(out) else str(out)
    if not files:
        Path(out).mkdir(parents=True, exist_ok=True)
        return RayReport(out=out)
    # The analysers hold one CPU each; reading, parsing and writing are light and reserve
    # none, or with every CPU held by an analyser they could never be scheduled.
    # (with a bounded concurrency: zero-CPU tasks would otherwise each get a Python worker).
    light = max(1, n // 4)
    ds = ray.data.read_binary_files(
        files, include_paths=True, override_num_blocks=min(len(files), 8 * n), num_cpus=0, concurrency=light,
    )
    ds = ds.flat_map(parse_file, fn_kwargs={"names": names}, num_cpus=0, compute=ray.data.TaskPoolStrategy(size=light))
    ds = ds.map_batches(
        Analyzer, batch_size=batch_size, batch_format="numpy", num_cpus=1,
        compute=ray.data.ActorPoolStrategy(size=n),
        fn_constructor_kwargs=dict(language=language, model=model, provisional=list(provisional or []), setup=setup),
    )
    ds.write_parquet(out, ray_remote_args={"num_cpus": 0}, concurrency=light)
    report = RayReport(out=out, files=len(files), seconds=time.perf_counter() - started)
    report.details["workers"] = n
    return report


def shutdown() -> None:
    """Stop the local Ray this process started (a no-op without Ray)."""
    try:
        import ray
    except ImportError:  # pragma: no cover
        return
    if ray.is_initialized():
        ray.shutdown()


def env_address() -> Optional[str]:
    """``$RAY_ADDRESS`` when set (Ray's own convention)."""
    return os.environ.get("RAY_ADDRESS") or None
