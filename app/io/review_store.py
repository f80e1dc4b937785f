"""Review files (.dcreview, JSON): notes kept in the user's profile (or where the officer chose, or beside
the adopted text where older versions wrote them), their format, where they are kept
(``review_location``), and how they are read and written. The journal that autosaves every edit
and lets several windows share one review is app.io.review_journal.

Reading is bounded: a file over ``MAX_BYTES`` is refused before it is read, the JSON nesting depth, the
keys of an object and the number of notes are limited, and every field has a strict type.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import sys
import time
from dataclasses import asdict
from pathlib import Path

from app.core.review import EXCERPT, PairKey, Review, ReviewNote
from app.io.atomic import atomic_write_text
from app.io.errors import InputError
from app.io.review_lock import STALE_AFTER, ReviewBusy

log = logging.getLogger(__name__)

SCHEMA, VERSION = "draftcompare.review", 1
SUFFIX = ".dcreview"
JOURNAL = ".autosave"

MAX_BYTES = 20 * 1024 * 1024       # refused before reading: a review of a long resolution is far smaller
MAX_DEPTH = 16                     # the format nests 5 deep
MAX_KEYS = 64                      # keys in any one JSON object
MAX_NOTES = 50_000                 # notes, unplaced notes, journal sessions and their pending pairs, each
MAX_PARTS = 1_000                  # paragraph indexes on one side of a pair
MAX_INDEX = 10_000_000             # no document has this many paragraphs
MAX_PRINT = 64
JOURNAL_STALE_AFTER = 3600.0       # a section not rewritten for an hour belongs to no running session

PairId = tuple[tuple[int, ...], tuple[int, ...]]


class ReviewTooNew(InputError):
    """Written by a newer Draft Compare: never moved aside nor overwritten by this version."""


def review_path_for(adopted_path: str | os.PathLike) -> Path:
    p = Path(adopted_path)
    return p.with_name(p.stem + SUFFIX)


def pair_hash(draft_path: str | os.PathLike, adopted_path: str | os.PathLike) -> str:
    """A stable name for a draft/adopted pair (its two absolute paths), for reviews kept in the profile."""
    text = f"{_absolute(draft_path)}\n{_absolute(adopted_path)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def profile_review_path(folder: str | os.PathLike, draft_path: str | os.PathLike,
                        adopted_path: str | os.PathLike) -> Path:
    """Where a pair's review is kept in the user's profile (the default place), named after the pair's two
    paths: a revised document saved under the same name keeps its notes, which re-attach to it."""
    return Path(folder) / f"{pair_hash(draft_path, adopted_path)}{SUFFIX}"


ORGANIZATION = APPLICATION = "Draft Compare"      # the names the window gives Qt (app.ui.application)
LOCATION = ".location"


def profile_reviews_folder() -> Path:
    """``<the user's application data>/reviews``, without Qt: where the window keeps reviews (its
    QStandardPaths.AppDataLocation: ``$XDG_DATA_HOME`` or ``~/.local/share``, ``~/Library/Application
    Support``, ``%APPDATA%``, then the organisation and application names), so the command line finds them."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION / "reviews"


def location_file(folder: str | os.PathLike, draft_path: str | os.PathLike, adopted_path: str | os.PathLike) -> Path:
    """The note, in the profile's folder, of where the officer chose to keep a pair's review."""
    return Path(folder) / f"{pair_hash(draft_path, adopted_path)}{LOCATION}"


def chosen_location(folder: str | os.PathLike, draft_path: str | os.PathLike,
                    adopted_path: str | os.PathLike) -> Path | None:
    """The review file the officer chose for a pair ("Save review as"), when that file still exists."""
    note = location_file(folder, draft_path, adopted_path)
    try:
        text = note.read_text(encoding="utf-8").strip() if note.is_file() else ""
    except (OSError, UnicodeError):
        log.warning("cannot read %s", note, exc_info=True)
        return None
    where = Path(text) if text else None
    return where if where is not None and where.is_absolute() and where.is_file() else None


def remember_location(folder: str | os.PathLike, draft_path: str | os.PathLike, adopted_path: str | os.PathLike,
                      review_path: str | os.PathLike | None) -> None:
    """Note where a pair's review is kept now (None, or the profile's own file: forget the choice).
    OSError when the profile cannot be written."""
    note = location_file(folder, draft_path, adopted_path)
    default = profile_review_path(folder, draft_path, adopted_path)
    if review_path is None or Path(_absolute(review_path)) == Path(_absolute(default)):
        if note.exists():
            note.unlink()
        return
    note.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(note, _absolute(review_path) + "\n")


def review_location(folder: str | os.PathLike, draft_path: str | os.PathLike,
                    adopted_path: str | os.PathLike) -> Path:
    """Where the review of a pair is read and written: the file the officer chose (Save review as), else
    the one an older version kept beside the adopted text, else the profile's (the default: nothing is
    written beside the documents without asking)."""
    chosen = chosen_location(folder, draft_path, adopted_path)
    if chosen is not None:
        return chosen
    beside = review_path_for(adopted_path)
    try:
        if beside.is_file():
            return beside
    except OSError:
        log.warning("cannot look for %s", beside, exc_info=True)
    return profile_review_path(folder, draft_path, adopted_path)


def _absolute(path: str | os.PathLike) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        log.warning("cannot resolve %s", path, exc_info=True)
        return str(path)


def file_digest(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


# -- writing -----------------------------------------------------------------------------------------

def key_json(pair: PairId) -> dict:
    return {"draft": list(pair[0]), "adopted": list(pair[1])}


def note_json(n: ReviewNote) -> dict:
    d = asdict(n)
    d["key"]["draft"], d["key"]["adopted"] = list(n.key.draft), list(n.key.adopted)
    return d


def header_json(review: Review) -> dict:
    return {"schema": SCHEMA, "version": VERSION,
            "draft": {"path": review.draft_path, "sha256": review.draft_digest},
            "adopted": {"path": review.adopted_path, "sha256": review.adopted_digest}}


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """``text`` without lone surrogates (a JSON ``\\ud800`` read, a paste gone wrong): UTF-8 cannot hold them."""
    return _SURROGATE.sub("\ufffd", text)


def to_json(review: Review) -> str:
    data = header_json(review)
    data["notes"] = [note_json(n) for n in review.notes]
    data["unplaced"] = [note_json(n) for n in review.unplaced]
    return utf8_safe(json.dumps(data, ensure_ascii=False, indent=1))


# -- bounded, strict reading -------------------------------------------------------------------------

def read_bounded(path: str | os.PathLike, what: str = "review file") -> str:
    """The text of a review (or journal) file: refused when it is not a regular file or is larger than
    ``MAX_BYTES`` (checked before reading a byte); a UTF-8 byte-order mark is accepted."""
    p = Path(path)
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(str(p), f"the {what} is not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(str(p), f"the {what} is too large ({st.st_size / 2**20:.0f} MB; "
                                     f"the limit is {MAX_BYTES // 2**20} MB)")
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)       # it may have grown since the stat
    except OSError as exc:
        raise InputError(str(p), f"the {what} cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(str(p), f"the {what} is too large (the limit is {MAX_BYTES // 2**20} MB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(p), f"the {what} is damaged (it is not UTF-8 text)") from None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")
MAX_CONTAINERS = 1_000_000         # objects and arrays in one file: a note has four


def _structure_problem(text: str, limit: int = MAX_DEPTH) -> str | None:
    """Why the JSON's shape is refused before parsing it (too deep, too many objects), else None.
    Linear: strings removed, then only the brackets kept, then one innermost level removed at a time,
    ``limit`` times (a bracket inside a string is text, not nesting)."""
    brackets = _STRING.sub("", text).encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    if brackets.count(b"[") + brackets.count(b"{") > MAX_CONTAINERS:
        return f"it holds more than {MAX_CONTAINERS} objects and lists"
    brackets = brackets.translate(_SQUARE)
    for _ in range(limit):
        if not brackets:
            return None
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    if not brackets:
        return None
    if brackets.count(b"[") != brackets.count(b"]"):
        return "it is not valid JSON"
    return "it is nested too deeply"


class Damaged(ValueError):
    pass


def _bounded_object(pairs: list) -> dict:
    if len(pairs) > MAX_KEYS:
        raise Damaged(f"an object has more than {MAX_KEYS} keys")
    return dict(pairs)


def _no_constant(name: str):
    raise Damaged(f"it holds {name}, which JSON does not allow")


def parse(text: str, path: str, what: str = "review file") -> dict:
    """The JSON object of a review or journal file, within the limits; InputError names what is wrong."""
    problem = _structure_problem(text)
    if problem:
        raise InputError(path, f"the {what} is damaged ({problem})")
    try:
        data = json.loads(text, object_pairs_hook=_bounded_object, parse_constant=_no_constant)
    except Damaged as exc:
        raise InputError(path, f"the {what} is damaged ({exc})") from None
    except (ValueError, RecursionError):
        raise InputError(path, f"the {what} is damaged (it is not valid JSON)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(path, "this is not a Draft Compare review file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(path, f"the {what} is damaged (its format version is missing)")
    if version > VERSION:
        raise ReviewTooNew(path, f"the review file was written by a newer version of Draft Compare "
                                 f"(format {version}; this version reads format {VERSION})")
    return data


def _str(d: dict, name: str, where: str, limit: int | None = None) -> str:
    value = d.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Damaged(f"{where}: '{name}' is not a JSON string")
    return utf8_safe(value[:limit] if limit is not None else value)


def _indexes(value, side: str, where: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise Damaged(f"{where}: the {side} paragraphs are not a list")
    if len(value) > MAX_PARTS:
        raise Damaged(f"{where}: the {side} side names more than {MAX_PARTS} paragraphs")
    for i in value:
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < MAX_INDEX:
            raise Damaged(f"{where}: a {side} paragraph index is not a whole number from 0")
    return tuple(value)


def pair_from_json(d, where: str) -> PairId:
    if not isinstance(d, dict):
        raise Damaged(f"{where}: its pair is missing")
    if "draft" not in d or "adopted" not in d:
        raise Damaged(f"{where}: its pair is incomplete")
    pair = _indexes(d["draft"], "draft", where), _indexes(d["adopted"], "adopted", where)
    if not pair[0] and not pair[1]:
        raise Damaged(f"{where}: its pair names no paragraph")
    return pair


def _note(d, where: str) -> ReviewNote:
    if not isinstance(d, dict):
        raise Damaged(f"{where} is not an object")
    k = d.get("key")
    draft, adopted = pair_from_json(k, where)
    key = PairKey(draft, adopted, _str(k, "draft_print", where, MAX_PRINT), _str(k, "adopted_print", where, MAX_PRINT),
                  # a file may hold longer excerpts (hand-edited, older versions): only EXCERPT are ever used
                  _str(k, "draft_excerpt", where, EXCERPT), _str(k, "adopted_excerpt", where, EXCERPT),
                  _str(k, "draft_label", where, 200), _str(k, "adopted_label", where, 200))
    checked = d.get("checked", False)
    if not isinstance(checked, bool):
        log.warning("%s: checked is %r, not true or false: read as not checked", where, checked)
    # Control characters are kept as typed: every Word export drops what XML cannot hold.
    return ReviewNote(key, _str(d, "text", where), checked is True,
                      _str(d, "created", where, 64), _str(d, "modified", where, 64))


def notes_from_json(data: dict, name: str) -> tuple[ReviewNote, ...]:
    items = data.get(name, [])
    if items is None:
        return ()
    if not isinstance(items, list):
        raise Damaged(f"{name} is not a list")
    if len(items) > MAX_NOTES:
        raise Damaged(f"more than {MAX_NOTES} {name}")
    label = "note" if name == "notes" else "unplaced note"
    return tuple(_note(d, f"{label} {i + 1}") for i, d in enumerate(items))


def _document(data: dict, role: str) -> tuple[str, str]:
    d = data.get(role)
    if not isinstance(d, dict):
        raise Damaged(f"the {role} document is missing")
    path, digest = d.get("path"), d.get("sha256", "")
    if not isinstance(path, str) or not isinstance(digest, (str, type(None))):
        raise Damaged(f"the {role} document's path is not text")
    return path, digest or ""


def review_from_json(data: dict) -> Review:
    draft, draft_digest = _document(data, "draft")
    adopted, adopted_digest = _document(data, "adopted")
    return Review(draft, adopted, draft_digest, adopted_digest, notes_from_json(data, "notes"), notes_from_json(data, "unplaced"))


def from_json(text: str, path: str) -> Review:
    data = parse(text, path)
    try:
        return review_from_json(data)
    except Damaged as exc:
        raise InputError(path, f"the review file is damaged ({exc})") from None


def load(path: str | os.PathLike) -> Review:
    p = Path(path)
    return from_json(read_bounded(p), str(p))


def is_review_file(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def documents_of(path: str | os.PathLike) -> tuple[Path, Path]:
    """The draft and adopted files a review file belongs to: where it says they were, else beside it
    (a folder copied to another laptop or renamed keeps working). InputError names what is missing."""
    review = load(path)
    folder = Path(path).resolve().parent

    def find(stored: str, role: str) -> Path:
        p = Path(stored)
        for candidate in ((p,) if p.is_absolute() else (folder / p,)) + (folder / p.name,):
            if candidate.is_file():
                return candidate
        raise InputError(str(path), f"the {role} it belongs to ({p.name}) is neither at {stored} nor in "
                                    f"the review file's folder")

    return find(review.draft_path, "draft"), find(review.adopted_path, "adopted text")


def keep_aside(path: str | os.PathLike, tag: str) -> Path:
    """Move ``path`` to ``<name>.<tag>-<timestamp>`` (never over an existing file, never deleting
    anything) and return the new name. OSError when it cannot be moved."""
    p = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = p.with_name(f"{p.name}.{tag}-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(p, target)                  # fails when the target exists: nothing is overwritten
        except FileExistsError:
            log.debug("%s exists; trying another name", target)
            continue
        except OSError:                         # no hard links here (FAT, some shares): check, then rename
            log.info("no hard link for %s; renaming", p, exc_info=True)
            if target.exists():
                continue
            os.rename(p, target)
            return target
        try:
            os.unlink(p)
        except OSError:
            log.warning("kept %s as %s but could not remove the original", p, target, exc_info=True)
        return target
    raise FileExistsError(f"{p}: too many files kept aside already")


def keep_corrupt(path: str | os.PathLike) -> Path:
    """Move a damaged review file aside as ``<name>.damaged-<timestamp>`` (never delete the officer's work)."""
    return keep_aside(path, "damaged")


def save(path: str | os.PathLike, review: Review) -> Path:
    return atomic_write_text(path, to_json(review), inputs=(review.draft_path, review.adopted_path))


__all__ = ["Damaged", "ReviewBusy", "ReviewTooNew", "STALE_AFTER", "documents_of", "file_digest", "from_json",
           "header_json", "is_review_file", "keep_aside", "keep_corrupt", "key_json", "load", "note_json",
           "notes_from_json", "pair_from_json", "pair_hash", "parse", "profile_review_path", "read_bounded",
           "chosen_location", "location_file", "profile_reviews_folder", "remember_location", "review_location",
           "review_from_json", "review_path_for", "save", "to_json", "utf8_safe"]
