"""A negotiation trail as JSON: schema ``draftcompare.trail`` version 1 (docs/json-schema.md, "Trail").

The versions are described as in the comparison schema (``_document``), each consecutive comparison
keeps its pairs (``_pair``), and the threads say, version by version, where each paragraph is, what
happened to it and its label. Fields are only ever added within a major version.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.trail import Thread, Trail
from app.io.atomic import atomic_write_text
from app.io.json_export import _document, _finding, _pair, dumps, options_dict, statistics

SCHEMA = "draftcompare.trail"
VERSION = 1


def _thread(n: int, thread: Thread, trail: Trail) -> dict[str, Any]:
    return {
        "index": n,
        "appeared": thread.appeared,
        "dropped_in": thread.dropped_in,
        "stages": [
            {
                "version": s.version, "paragraphs": list(s.paragraphs), "event": s.event.value,
                "label": s.label, "pair": s.pair, "edited": s.edited, "text": trail.text(s),
            }
            for s in thread.stages
        ],
    }


def trail_to_dict(trail: Trail) -> dict[str, Any]:
    """The whole trail as plain data (JSON-serialisable): versions, comparisons, threads."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "names": list(trail.names),
        "options": options_dict(trail.comparisons[0].options),
        "versions": [_document(d) for d in trail.versions],
        "comparisons": [
            {
                "draft": k, "adopted": k + 1, "mode": c.mode,
                "compared_at": c.compared_at.isoformat() if c.compared_at else None,
                "pairs": [_pair(n, p, c) for n, p in enumerate(c.pairs)],
                "findings": [_finding(f) for f in c.findings],
                "statistics": statistics(c),
            }
            for k, c in enumerate(trail.comparisons)
        ],
        "threads": [_thread(n, t, trail) for n, t in enumerate(trail.threads)],
    }


def write_trail_json(trail: Trail, path: str | Path, *, pretty: bool = False) -> Path:
    """Write the trail's JSON through the safe-output routine (never over one of the versions). Compact
    unless ``pretty``. Returns the path; raises ExportError (file and reason) when it cannot write."""
    text = dumps(trail_to_dict(trail), pretty=pretty)
    return atomic_write_text(path, text + "\n", inputs=tuple(d.path for d in trail.versions if d.path))
