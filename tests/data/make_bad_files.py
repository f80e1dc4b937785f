"""Generate the corpus of hostile and broken inputs (tests/data/bad/*) into any folder.

Nothing big is committed: tests call ``make_bad_files(tmp_dir)`` from a session fixture, and
``python tests/data/make_bad_files.py [dest]`` writes the same files by hand (default tests/data/bad).
The 200 MB file is sparse (``truncate``) and the zip bombs are built streaming, so generation takes
well under a second and almost no disk.
"""
from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def document_xml(body: str, prolog: str = "") -> bytes:
    """A word/document.xml whose w:body holds ``body`` (raw WordprocessingML)."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def minimal_docx(document: bytes | None, parts: dict[str, bytes] | None = None) -> bytes:
    """A hand-made .docx package; ``document=None`` leaves word/document.xml out."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        if document is not None:
            zf.writestr("word/document.xml", document)
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


VALID = document_xml('<w:p><w:r><w:t>Recalling its resolution 61/37,</w:t></w:r></w:p>')

XXE = document_xml(
    '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>',
    prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')

LAUGHS = document_xml(
    '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>',
    prolog='<!DOCTYPE w:document [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10))
           + "]>")


def _cfb(stream_names: tuple[str, ...]) -> bytes:
    """A minimal OLE compound file: header, one FAT sector, one directory sector naming the streams."""
    header = bytearray(512)
    header[0:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)            # FAT sectors
    struct.pack_into("<I", header, 48, 1)            # first directory sector
    struct.pack_into("<I", header, 56, 4096)         # mini stream cutoff
    struct.pack_into("<IIII", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<I", header, 76, 0)            # DIFAT[0]: FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray(512)
    entries = [("Root Entry", 5)] + [(n, 2) for n in stream_names][:3]
    for i, (name, kind) in enumerate(entries):
        entry = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(raw)] = raw
        struct.pack_into("<HBB", entry, 64, len(raw), kind, 1)
        right = i + 1 if 0 < i < len(entries) - 1 else 0xFFFFFFFF   # streams chained as right siblings
        child = 1 if i == 0 and len(entries) > 1 else 0xFFFFFFFF
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<I", entry, 116, 0xFFFFFFFE)
        directory[128 * i:128 * (i + 1)] = entry
    return bytes(header + fat + directory)


def _entry_offsets(data: bytes) -> list[tuple[int, int]]:
    """(local header offset, central header offset) of each entry."""
    eocd = data.rfind(b"PK\x05\x06")
    count, _, cd_offset = struct.unpack_from("<HII", data, eocd + 10)
    out, pos = [], cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        local = struct.unpack_from("<I", data, pos + 42)[0]
        out.append((local, pos))
        pos += 46 + name_len + extra_len + comment_len
    return out


def _patch_sizes(data: bytes, file_size: int) -> bytes:
    """Make every header lie about the uncompressed size."""
    buf = bytearray(data)
    for local, central in _entry_offsets(data):
        struct.pack_into("<I", buf, local + 22, file_size)
        struct.pack_into("<I", buf, central + 24, file_size)
    return bytes(buf)


def _zeros_entry(name: str, size: int) -> bytes:
    """One deflated entry of ``size`` zero bytes, written streaming (memory stays at one chunk)."""
    buf = io.BytesIO()
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open(name, "w") as fh:
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


def make_bad_files(dest: Path) -> dict[str, Path]:
    """Write every bad input into ``dest``; return name -> path. The unreadable file is chmod 000."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1961)
    files: dict[str, bytes] = {}
    files["empty.docx"] = b""
    files["junk.docx"] = b"\x13\x37" + rng.randbytes(4094)
    files["legacy_doc.docx"] = _cfb(("WordDocument", "1Table"))
    files["encrypted.docx"] = _cfb(("EncryptionInfo", "EncryptedPackage"))
    files["rtf.docx"] = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Recalling its resolution 61/37,\par }"
    valid = minimal_docx(VALID)
    files["truncated.docx"] = valid[: len(valid) // 2]
    # Corrupt the deflate stream of word/document.xml only: the central directory stays readable.
    info = zipfile.ZipFile(io.BytesIO(valid)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    corrupt = bytearray(valid)
    for i in range(start + 2, start + min(info.compress_size, 40)):
        corrupt[i] ^= 0xA5
    files["corrupt.docx"] = bytes(corrupt)
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as zf:
        for i in range(10_001):
            zf.writestr(f"word/media/p{i}.xml", b"")
    files["bomb_entries.docx"] = many.getvalue()
    files["bomb_ratio.docx"] = _zeros_entry("word/document.xml", 64 * 2**20)
    files["bomb_lying_header.docx"] = _patch_sizes(_zeros_entry("word/document.xml", 64 * 2**20), 4096)
    total = io.BytesIO()
    with zipfile.ZipFile(total, "w", zipfile.ZIP_STORED) as zf:
        for i in range(11):
            zf.writestr(f"word/p{i}.xml", b"<a/>")
    files["bomb_total.docx"] = _patch_sizes(total.getvalue(), 50 * 2**20)   # 11 x 50 MB claimed
    files["xxe.docx"] = minimal_docx(XXE)
    files["billion_laughs.docx"] = minimal_docx(LAUGHS)
    files["xxe_in_styles.docx"] = minimal_docx(VALID, {"word/styles.xml": XXE.replace(b"w:document", b"w:styles")})
    files["no_document_xml.docx"] = minimal_docx(None)
    files["malformed_xml.docx"] = minimal_docx(b"<w:document><w:body><w:p>")
    files["undecodable.txt"] = b"\x81\x8d\x8f\x90\x9d" + bytes(rng.randrange(0x80, 0x100) for _ in range(2043))
    files["binary.txt"] = bytes(rng.randrange(0, 256) for _ in range(2048)) + b"\0"
    paths = {}
    for name, data in files.items():
        path = dest / name
        path.write_bytes(data)
        paths[name] = path
    huge = dest / "huge_200mb.docx"
    with open(huge, "wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(200 * 2**20)          # sparse: no 200 MB is written
    paths["huge_200mb.docx"] = huge
    folder = dest / "folder.docx"
    folder.mkdir(exist_ok=True)
    paths["folder.docx"] = folder
    unreadable = dest / "unreadable.docx"
    unreadable.write_bytes(valid)
    os.chmod(unreadable, 0)
    paths["unreadable.docx"] = unreadable
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "bad"
    for key, p in make_bad_files(target).items():
        print(p)
