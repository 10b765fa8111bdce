"""Scale-out: both cores of one machine (:mod:`.local`), a cluster through Ray Data
(:mod:`.ray_engine`) and loading Ray's Parquet output into a store (:mod:`.parquet`)."""
from .local import ParallelIngest, analyze_parallel, default_workers, ingest_parallel

__all__ = ["ParallelIngest", "analyze_parallel", "default_workers", "ingest_parallel"]
