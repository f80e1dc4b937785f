"""Open any supported input: check the path, sniff the content (never trust the extension), dispatch.

Every refusal is an InputError naming the file and the reason in words a drafting officer can act on.
"""
from __future__ import annotations

import logging
import hashlib
import os
from dataclasses import replace
from pathlib import Path

from app.core.model import Document
from app.io.errors import InputError

log = logging.getLogger(__name__)

MAX_BYTES = 100 * 1024 * 1024       # a resolution is well under 1 MB; 100 MB is generous
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED = ".docx, .pdf, .odt, .html, .txt and .md"


def read_document(path: str | os.PathLike, *, tracked: str = "accepted", max_bytes: int = MAX_BYTES) -> Document:
    """Read a .docx, .pdf, .odt, .html, .txt or .md file into an unstructured Document (see app.core.structure); its
    ``digest`` is the SHA-256 of the bytes read, so an export can tell whether the file changed since."""
    if tracked not in ("accepted", "original"):
        raise ValueError("tracked must be 'accepted' or 'original'")
    p = Path(path)
    data = _read_bytes(p, max_bytes)
    return replace(_read(p, data, tracked), digest=hashlib.sha256(data).hexdigest())


def _read(p: Path, data: bytes, tracked: str) -> Document:
    suffix = p.suffix.lower()
    head = data[:16]
    if head.startswith(OLE_MAGIC):
        raise InputError(str(p), _ole_reason(data, suffix))
    if head.lstrip().startswith(b"{\\rtf"):
        raise InputError(str(p), "this is an RTF file, not a Word .docx document; "
                                  "open it in Word or LibreOffice and save it as .docx")
    if data[:1024].lstrip().startswith(b"%PDF") or head.startswith(b"%PDF"):
        from app.io.pdf_reader import read_pdf
        return read_pdf(p, data)
    if head.startswith(ZIP_MAGICS):
        if _is_odf(data) or _holds_odf_content(p, data):
            from app.io.odt_reader import read_odt
            return read_odt(p, data)
        from app.io.docx_reader import read_docx
        return read_docx(p, data, tracked=tracked)
    if suffix in (".docx", ".docm", ".dotx"):
        raise InputError(str(p), "this is not a valid Word document (the file is not a .docx package; "
                                  "it may be damaged or have the wrong extension)")
    if suffix in (".odt", ".pdf"):
        raise InputError(str(p), f"this is not a valid {suffix} file (it may be damaged or have the wrong extension)")
    if suffix in (".doc", ".rtf"):
        raise InputError(str(p), f"{suffix} files are not supported; supported formats are {SUPPORTED}")
    if suffix in HTML_SUFFIXES or _sniff_html(data):
        from app.io.html_reader import read_html
        return read_html(p, data)
    from app.io.text_reader import read_text
    return read_text(p, data)


def _is_odf(data: bytes) -> bool:
    """An OpenDocument package stores its ``mimetype`` first and uncompressed (ODF 1.2, part 3, 3.3)."""
    return data[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument" in data[38:120]


def _holds_odf_content(p: Path, data: bytes) -> bool:
    """A package with an OpenDocument ``content.xml`` and no Word document part, whose ``mimetype``
    is compressed, misplaced or missing (LibreOffice opens those too)."""
    from app.io.safe_xml import open_zip
    try:
        names = set(open_zip(str(p), data).namelist())
    except InputError as exc:
        log.info("%s: not a readable package (%s); the Word reader will say why", p, exc.reason)
        return False                     # the Word reader will say what is wrong with the package
    return "content.xml" in names and "word/document.xml" not in names


def _sniff_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_bytes(p: Path, max_bytes: int) -> bytes:
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(str(p), "the file does not exist") from None
    except OSError as exc:
        raise InputError(str(p), f"the file cannot be opened ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(str(p), "this is a folder, not a document")
    if st.st_size == 0:
        raise InputError(str(p), "the file is empty")
    if st.st_size > max_bytes:
        raise InputError(str(p), f"the file is too large ({st.st_size / 2**20:.0f} MB; "
                                  f"the limit is {max_bytes / 2**20:.0f} MB)")
    try:
        with open(p, "rb") as fh:
            data = fh.read(min(st.st_size, max_bytes) + 1)   # never a 100 MB buffer for a 50 kB file
    except PermissionError:
        raise InputError(str(p), "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise InputError(str(p), f"the file cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(str(p), f"the file is too large (the limit is {max_bytes / 2**20:.0f} MB)")
    if not data:
        raise InputError(str(p), "the file is empty")
    return data


def _ole_reason(data: bytes, suffix: str) -> str:
    """An OLE compound file: an encrypted .docx (Office wraps those in OLE) or a Word 97-2003 file."""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return ("the document is password-protected (encrypted); open it in Word, remove the password "
                "(File > Info > Protect Document) and save it again")
    return ("this is a Word 97-2003 (.doc) or other legacy Office file, not a .docx; open it in Word or "
            "LibreOffice and save it as .docx")
