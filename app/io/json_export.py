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
from typing import Any

from app.core.model import CompareOptions, Comparison, Document, Finding, ParaPair
from app.core.options import options_to_dict
from app.io.atomic import atomic_write_text, export_guard

SCHEMA = "draftcompare.comparison"
VERSION = 1


def _document(doc: Document) -> dict[str, Any]:
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
        "paragraphs": [
            {
                "index": p.index, "kind": p.kind.value, "label": p.label, "display_label": p.display_label,
                "number": p.number, "suffix": p.suffix, "ordinal": p.ordinal, "prefix": p.prefix,
                "text": p.text, "source": p.source, "numbering": p.numbering,
            }
            for p in doc.paragraphs
        ],
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
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "mode": c.mode,
        "compared_at": c.compared_at.isoformat() if c.compared_at else None,
        "options": options_dict(c.options),
        "draft": _document(c.draft),
        "adopted": _document(c.adopted),
        "pairs": [_pair(n, p, c) for n, p in enumerate(c.pairs)],
        "findings": [_finding(f) for f in c.findings],
        "statistics": statistics(c),
    }


def dumps(data: Any, *, pretty: bool = False) -> str:
    """``data`` as JSON text with no final newline: compact (C encoder) by default, indented with
    ``pretty``. Non-ASCII characters are kept as they are (the file is UTF-8). Raises TypeError for
    data that is not JSON-serialisable and ValueError for a circular reference."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=1)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_json(c: Comparison, path: str | Path, *, review: str | Path | None = None, pretty: bool = False) -> Path:
    """Write the JSON through the safe-output routine (``app.io.atomic``): never over an input, the
    review file (beside the adopted text, or ``review``) or its journal. Bytes of a file name that are
    not UTF-8 are written as U+FFFD, so the file is always valid UTF-8. Compact unless ``pretty``; one
    final newline. Returns the path as given; raises ExportError (file and reason) when it cannot write."""
    text = dumps(comparison_to_dict(c), pretty=pretty)
    return atomic_write_text(path, text + "\n", **export_guard(c.draft.path, c.adopted.path, review))
