"""The full comparison as JSON, in a documented and versioned schema (docs/json-schema.md).

Version 1. Readers should check ``schema`` and ``version``; fields are only ever added within a major
version, never renamed or removed.

The text is compact by default (no spaces or line breaks between tokens), which lets ``json.dumps`` use
Python's C encoder: an indent turns it off and costs about 3× the time on a 2,000-paragraph pair.
``pretty=True`` indents (one space a level, as the files written before compact output were); the
content is the same either way.
"""
from __future__ import annotations

import json
from pathlib import Path
from itertools import chain
from typing import Any, Iterator

from app.core.gcpause import cyclic_gc_paused
from app.core.model import CompareOptions, Comparison, Document, Finding, ParaPair
from app.core.options import options_to_dict
from app.io.atomic import atomic_write, atomic_write_text, display_text, export_guard

SCHEMA = "draftcompare.comparison"
VERSION = 1


def _document(doc: Document, sequence=list) -> dict[str, Any]:
    """A document's object of the schema; its paragraphs made by ``sequence`` from a generator."""
    return {
        "path": doc.path,
        "format": doc.format,
        "language": doc.language,
        "language_confidence": doc.language_confidence,
        "encoding": doc.encoding,
        "resolution_number": doc.resolution_number,
        "had_tracked_changes": doc.had_tracked_changes,
        "tracked_view": doc.tracked_view,
        "warnings": list(doc.warnings),
        "metadata": dict(doc.metadata),
        "paragraphs": sequence(
            {
                "index": p.index, "kind": p.kind.value, "label": p.label, "display_label": p.display_label,
                "number": p.number, "suffix": p.suffix, "ordinal": p.ordinal, "prefix": p.prefix,
                "text": p.text, "source": p.source, "numbering": p.numbering,
            }
            for p in doc.paragraphs
        ),
    }


def _finding(f: Finding) -> dict[str, Any]:
    """A finding: its English sentence in ``message`` and, beside its code, the ``params`` it is made of."""
    return {
        "code": f.code, "params": dict(f.params), "severity": f.severity.value, "message": f.message,
        "draft_value": f.draft_value, "adopted_value": f.adopted_value,
        "draft_span": list(f.draft_span) if f.draft_span else None,
        "adopted_span": list(f.adopted_span) if f.adopted_span else None,
        "pair": f.pair_index,
    }


def _pair(n: int, pair: ParaPair, c: Comparison) -> dict[str, Any]:
    def labels(doc: Document, idx):
        return [doc.paragraphs[i].display_label for i in idx]

    return {
        "index": n,
        "kind": pair.kind.value,
        "draft": list(pair.draft),
        "adopted": list(pair.adopted),
        "draft_labels": labels(c.draft, pair.draft),
        "adopted_labels": labels(c.adopted, pair.adopted),
        "similarity": pair.similarity,
        "label_changed": pair.label_changed,
        "formatting_changed": pair.formatting_changed,
        "ops": [[op.op.value, op.a, op.b] for op in pair.ops],
        "findings": [_finding(f) for f in pair.findings],
    }


def options_dict(o: CompareOptions) -> dict[str, Any]:
    """The comparison options, as the ``options`` object of the schema (also used by the batch report):
    every option declared in app.core.options, by its field name."""
    return options_to_dict(o)


def statistics(c: Comparison) -> dict[str, int]:
    """The comparison's counts, as the ``statistics`` object of the schema (also used by the batch report)."""
    s = c.stats
    return {
        "pairs": s.pairs, "equal": s.equal, "changed": s.changed, "inserted": s.inserted,
        "deleted": s.deleted, "moved": s.moved, "split": s.split, "merged": s.merged,
        "words_deleted": s.words_deleted, "words_inserted": s.words_inserted, "findings": s.findings,
        "formatting": s.formatting,
    }


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    """The whole comparison as plain data in the schema of docs/json-schema.md (JSON-serialisable)."""
    return _data(c, list)


def _data(c: Comparison, sequence) -> dict[str, Any]:
    """The schema's object, its long arrays (paragraphs, pairs) made by ``sequence`` from a generator:
    ``list`` for plain data, ``_Items`` to write them item by item."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "mode": c.mode,
        "compared_at": c.compared_at.isoformat() if c.compared_at else None,
        "options": options_dict(c.options),
        "draft": _document(c.draft, sequence),
        "adopted": _document(c.adopted, sequence),
        "pairs": sequence(_pair(n, p, c) for n, p in enumerate(c.pairs)),
        "findings": [_finding(f) for f in c.findings],
        "statistics": statistics(c),
    }


class _Items:
    """A long JSON array (a document's paragraphs, the pairs) made and written one item at a time, so
    that neither the whole data nor the whole text is ever held (a 20,000-paragraph comparison's JSON
    is 44 MB of text)."""

    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _compact_chunks(value: Any) -> Iterator[str]:
    """The compact JSON text of ``value`` in pieces, the same text ``dumps(value)`` gives: objects and
    ``_Items`` arrays are opened here, everything else is one piece from the C encoder."""
    if isinstance(value, dict):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + _COMPACT.encode(key) + ":"
            yield from _compact_chunks(item)
        yield "}"
    elif isinstance(value, _Items):
        yield "["
        for n, item in enumerate(value.items):
            yield ("," if n else "") + _COMPACT.encode(item)
        yield "]"
    else:
        yield _COMPACT.encode(value)


def dumps(data: Any, *, pretty: bool = False) -> str:
    """``data`` as JSON text with no final newline: compact (C encoder) by default, indented with
    ``pretty``. Non-ASCII characters are kept as they are (the file is UTF-8). Raises TypeError for
    data that is not JSON-serialisable and ValueError for a circular reference."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=1)
    return _COMPACT.encode(data)


def write_json(c: Comparison, path: str | Path, *, review: str | Path | None = None, pretty: bool = False) -> Path:
    """Write the JSON through the safe-output routine (``app.io.atomic``): never over an input, the
    review file (beside the adopted text, or ``review``) or its journal. Bytes of a file name that are
    not UTF-8 are written as U+FFFD, so the file is always valid UTF-8. Compact unless ``pretty``; one
    final newline. Compact text is written piece by piece (``_compact_chunks``: the same bytes as
    ``dumps``), so memory stays flat however long the comparison. Returns the path as given; raises
    ExportError (file and reason) when it cannot write."""
    guard = export_guard(c.draft.path, c.adopted.path, review)
    if pretty:
        return atomic_write_text(path, dumps(comparison_to_dict(c), pretty=True) + "\n", **guard)

    def write(fh) -> None:
        batch: list[str] = []
        size = 0
        for chunk in chain(_compact_chunks(_data(c, _Items)), ("\n",)):
            batch.append(chunk)
            size += len(chunk)
            if size >= 1 << 16:
                fh.write(display_text("".join(batch)).encode("utf-8"))
                batch, size = [], 0
        fh.write(display_text("".join(batch)).encode("utf-8"))

    with cyclic_gc_paused():             # a dict per paragraph and pair, no cycles (app.core.gcpause)
        return atomic_write(path, write, **guard)
