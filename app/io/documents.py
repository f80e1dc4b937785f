"""Which files are documents, and their natural order: one answer for the batch's folders, a trail's
folder and what is dropped on the window.

``DOCUMENT_SUFFIXES`` are the files a reader takes (or refuses with a reason, .doc and .rtf); Word's
``~$`` lock files and hidden files are never documents. Natural order sorts the numbers in names as
numbers: L.2 before L.12, rev.9 before rev.10.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

DOCUMENT_SUFFIXES = frozenset((".docx", ".docm", ".dotx", ".pdf", ".odt", ".html", ".htm", ".xhtml", ".txt",
                               ".md", ".markdown", ".text", ".doc", ".rtf"))


def natural_key(name: str) -> list:
    """Sort key of a name with its numbers compared as numbers ("L.2" < "L.12"), case ignored."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", name)]


def is_document(path: str | Path) -> bool:
    """Whether a file name is a document's (by its suffix), not a Word lock file or a hidden file."""
    p = Path(path)
    return p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(("~$", "."))


def natural_order(paths: Iterable[str | Path]) -> list[Path]:
    """Paths sorted by their file names in natural order."""
    return sorted((Path(p) for p in paths), key=lambda p: natural_key(p.name))
