"""Files in, Comparison out: the one entry point the CLI, the window and the exporters share."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from app.core.compare import Cancelled, compare_documents
from app.core.gcpause import cyclic_gc_paused
from app.core.model import CompareOptions, Comparison, Document
from app.core.structure import recognise
from app.io.readers import read_document

Progress = Callable[[str, float], None]


def load_document(path: str | Path, *, tracked: str = "accepted") -> Document:
    """Read a file and recognise its resolution structure. Raises InputError with a user message."""
    return recognise(read_document(path, tracked=tracked))


def compare_files(
    draft_path: str | Path,
    adopted_path: str | Path,
    options: CompareOptions = CompareOptions(),
    *,
    tracked: str = "accepted",
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    """Read, structure and compare two files. ``progress(stage, fraction)`` is called between stages;
    ``is_cancelled()`` is polled and raises Cancelled when it returns True."""
    def step(stage: str, fraction: float) -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if progress is not None:
            progress(stage, fraction)

    with cyclic_gc_paused():             # many small objects, no cycles (app.core.gcpause)
        step("Reading draft", 0.0)
        draft = load_document(draft_path, tracked=tracked)
        step("Reading adopted text", 0.15)
        adopted = load_document(adopted_path, tracked=tracked)
        step("Aligning paragraphs", 0.3)
        result = compare_documents(draft, adopted, options, is_cancelled=is_cancelled)
    step("Done", 1.0)
    return result
