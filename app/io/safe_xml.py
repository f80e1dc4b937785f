"""Hostile-input guards for .docx packages: a zip opener with bomb limits and an XML parser that
never expands or fetches entities.

A .docx comes from e-mail and shared drives, so it is treated as untrusted: a zip whose headers
lie, a part that inflates to gigabytes, an XML part with a billion-laughs or XXE DOCTYPE must all
end in an InputError within a second and a few MB of memory, never in a hang or a crash.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from lxml import etree

from app.io.errors import InputError

MAX_ENTRIES = 10_000                   # a real .docx has a few dozen parts
MAX_TOTAL_UNCOMPRESSED = 500 * 2**20   # sum of the sizes the central directory declares
MAX_RATIO = 200                        # deflate on real XML gives 5-20:1 ...
RATIO_MIN_SIZE = 50 * 2**20            # ... so a >50 MB part at >200:1 is a bomb
MAX_PART_BYTES = 64 * 2**20            # no part of a resolution is near this; read never goes past it
_CHUNK = 1 << 20

DAMAGED = "this is not a valid Word document (the file is damaged or truncated)"
BOMB = "the file expands to an unreasonable size when unpacked (possible zip bomb); refused"

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not thread-safe and documents are read on a worker thread.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        dtd_validation=False, remove_blank_text=False, collect_ids=False,
    )


def _ascii_view(data: bytes) -> bytes:
    """The bytes to scan for markup keywords: UTF-16 parts are narrowed so ``<!ENTITY`` is findable."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) == 4 and (head[1] == 0 or head[0] == 0)):
        for enc in ("utf-16",) if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc, errors="ignore").encode("ascii", errors="ignore")
            except (UnicodeError, LookupError):
                continue
    return data


def parse_xml(data: bytes, path, part_name: str) -> etree._Element:
    """Parse one package part. Entity declarations are refused outright: Word never writes a DOCTYPE,
    so one that declares entities is an attack (billion laughs, XXE), not a document."""
    view = _ascii_view(data)
    if _DOCTYPE.search(view) and _ENTITY.search(view):
        raise InputError(str(path), f"{part_name} contains XML entity declarations (possible attack); refused")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():      # lxml: "Excessive depth in document: 256, use XML_PARSE_HUGE"
            raise InputError(str(path), f"{part_name} is nested too deeply to be read; refused") from None
        raise InputError(str(path), f"{DAMAGED[:-1]}: {part_name} is not well-formed XML, {_short(exc)})") from None
    except (ValueError, UnicodeError) as exc:   # e.g. an unknown encoding declaration
        raise InputError(str(path), f"{DAMAGED[:-1]}: {part_name} cannot be decoded, {_short(exc)})") from None
    if root is None:
        raise InputError(str(path), f"{DAMAGED[:-1]}: {part_name} is empty)")
    # Belt and braces for encodings the byte scan cannot see through.
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(str(path), f"{part_name} contains XML entity declarations (possible attack); refused")
    return root


def _short(exc: Exception) -> str:
    text = (getattr(exc, "msg", None) or str(exc)).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def open_zip(path, data: bytes) -> zipfile.ZipFile:
    """Open the package and check its central directory against bomb limits before anything is inflated."""
    declared = _declared_entries(data)
    if declared is not None and declared > MAX_ENTRIES:
        # Refuse before zipfile builds one ZipInfo per entry.
        raise InputError(str(path), f"the file holds too many parts ({declared:,}; possible zip bomb); refused")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, struct.error,
            IndexError, KeyError, UnicodeError, NotImplementedError):
        raise InputError(str(path), DAMAGED) from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(str(path), f"the file holds too many parts ({len(infos):,}; possible zip bomb); refused")
    total = 0
    for info in infos:
        total += max(info.file_size, 0)
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise InputError(str(path), BOMB)
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(str(path), BOMB)
    return zf


def _declared_entries(data: bytes) -> int | None:
    """Entry count from the end-of-central-directory record, None when absent or zip64."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, eocd + 10)[0]
    return None if count == 0xFFFF else count


def has_part(zf: zipfile.ZipFile, name: str) -> bool:
    try:
        zf.getinfo(name)
        return True
    except KeyError:
        return False


def read_part(zf: zipfile.ZipFile, name: str, path, limit: int = MAX_PART_BYTES) -> bytes:
    """Inflate one part, never more than ``limit`` bytes, whatever its header claims."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise InputError(str(path), f"this is not a valid Word document ({name} is missing)") from None
    if info.flag_bits & 0x1:
        raise InputError(str(path), "the document is password-protected (encrypted); remove the password "
                                    "in Word and save it again")
    if info.file_size > limit:
        raise InputError(str(path), BOMB)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(min(_CHUNK, limit + 1 - len(out)))
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    raise InputError(str(path), BOMB)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error,
            NotImplementedError, RuntimeError, IndexError, KeyError):
        # Bad CRC, truncated deflate stream, unsupported compression, zip-level password ...
        raise InputError(str(path), DAMAGED) from None
    return bytes(out)
