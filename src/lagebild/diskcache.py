"""Keyed ``marshal`` files in lagebild's cache directory: what the surface matcher, the
event patterns and the language-ID word lists store between runs to save start-up time.

A cache file holds a dict with a ``"key"`` (a hash of what it was built from); a reader
takes it only under the same key, so a stale, corrupt or missing file just means a
rebuild. Writes are atomic (a temporary file beside the target, then ``os.replace``): a
concurrent reader sees the old file or the new one, never half of one.
"""
from __future__ import annotations

import contextlib
import gc
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterator, Optional


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the garbage collector off (restored after, also when nested):
    loading tens of thousands of small objects, collections during it only cost time."""
    gc_was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc_was:
            gc.enable()


def read_keyed(path: Path, key: str) -> Optional[Dict[str, Any]]:
    """The dict stored at ``path`` when its ``"key"`` is ``key``; None when the file is
    missing, unreadable, not a marshal dict or built under another key. The garbage
    collector is off during the load (:func:`gc_paused`)."""
    try:
        with gc_paused():
            data = marshal.loads(Path(path).read_bytes())
    except (OSError, EOFError, TypeError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("key") == key else None


def write_atomic(path: Path, data: Dict[str, Any]) -> None:
    """Store ``data`` (marshal-able, with its ``"key"``) at ``path``, creating the folder.

    Raises:
        OSError: the folder or file cannot be written (no temporary file is left behind).
        ValueError: ``data`` holds something marshal cannot store."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
