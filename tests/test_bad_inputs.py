"""Broken and hostile inputs end in an InputError naming the file and the reason, fast and in bounded
memory; fuzzed packages never raise anything else.

The corpus is generated once per session by tests/data/make_bad_files.py (nothing big is committed).
"""
from __future__ import annotations

import io
import os
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml as docx_parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.model import Document
from app.io import docx_reader
from app.io.docx_reader import read_docx
from app.io.errors import InputError
from app.io.readers import read_document
from app.io.safe_xml import open_zip, parse_xml, read_part

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from make_bad_files import LAUGHS, VALID, XXE, document_xml, make_bad_files, minimal_docx  # noqa: E402

TIME_LIMIT = 2.0
MEMORY_LIMIT = 50 * 2**20
DAMAGED = "not a valid Word document (the file is damaged or truncated)"
BOMB = "possible zip bomb); refused"
ENTITIES = "word/document.xml contains XML entity declarations (possible attack); refused"


@pytest.fixture(scope="session")
def bad(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = make_bad_files(folder)
    yield files
    os.chmod(files["unreadable.docx"], 0o600)   # let pytest clean up


CASES = [
    ("empty.docx", "the file is empty"),
    ("junk.docx", "not a valid Word document"),
    ("legacy_doc.docx", "Word 97-2003 (.doc)"),
    ("rtf.docx", "this is an RTF file"),
    ("truncated.docx", DAMAGED),
    ("corrupt.docx", DAMAGED),
    ("bomb_entries.docx", "too many parts (10,001; possible zip bomb); refused"),
    ("bomb_ratio.docx", BOMB),
    ("bomb_total.docx", BOMB),
    ("bomb_lying_header.docx", DAMAGED),
    ("encrypted.docx", "password-protected (encrypted)"),
    ("xxe.docx", ENTITIES),
    ("billion_laughs.docx", ENTITIES),
    ("xxe_in_styles.docx", "word/styles.xml contains XML entity declarations"),
    ("no_document_xml.docx", "word/document.xml is missing"),
    ("malformed_xml.docx", "word/document.xml is not well-formed XML"),
    ("undecodable.txt", "cannot be decoded"),
    ("binary.txt", "binary data, not text"),
    ("huge_200mb.docx", "too large (200 MB"),
    ("folder.docx", "this is a folder"),
    ("unreadable.docx", "permission denied"),
]


def _refused(call):
    """Run ``call``; return (InputError, seconds, peak traced bytes). Fails if it does not raise."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(InputError) as info:
            call()
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value, elapsed, peak


@pytest.mark.parametrize("name,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_quickly_with_the_reason(bad, name, fragment):
    if name == "unreadable.docx" and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    path = bad[name]
    error, elapsed, peak = _refused(lambda: read_document(path))
    assert fragment in error.reason, error.reason
    assert error.path == str(path) and str(path) in str(error)
    assert elapsed < TIME_LIMIT, f"{name} took {elapsed:.2f} s"
    assert peak < MEMORY_LIMIT, f"{name} peaked at {peak / 2**20:.1f} MB"


ZIP_CASES = [c for c in CASES if c[0] in {
    "truncated.docx", "corrupt.docx", "bomb_entries.docx", "bomb_ratio.docx", "bomb_total.docx",
    "bomb_lying_header.docx", "xxe.docx", "billion_laughs.docx", "xxe_in_styles.docx",
    "no_document_xml.docx", "malformed_xml.docx"}]


@pytest.mark.parametrize("name,fragment", ZIP_CASES, ids=[c[0] for c in ZIP_CASES])
def test_docx_reader_alone_refuses_packages(bad, name, fragment):
    path = bad[name]
    error, elapsed, peak = _refused(lambda: read_docx(path, path.read_bytes()))
    assert fragment in error.reason and error.path == str(path)
    assert elapsed < TIME_LIMIT and peak < MEMORY_LIMIT


def test_bad_corpus_is_small_on_disk(bad):
    # The 200 MB case must be sparse and nothing else big, or the suite would fill CI disks.
    used = sum(p.stat().st_blocks * 512 for p in bad.values() if p.is_file())
    assert bad["huge_200mb.docx"].stat().st_size == 200 * 2**20
    assert used < 10 * 2**20


def test_lying_header_never_inflates_past_the_limit():
    # The central directory says 4 kB; the deflate stream holds 64 MB of zeros.
    from make_bad_files import _patch_sizes, _zeros_entry
    data = _patch_sizes(_zeros_entry("word/document.xml", 64 * 2**20), 4096)
    zf = open_zip("x.docx", data)
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            read_part(zf, "word/document.xml", "x.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20
    honest = open_zip("y.docx", minimal_docx(VALID))
    with pytest.raises(InputError, match="possible zip bomb"):
        read_part(honest, "word/document.xml", "y.docx", limit=10)


def test_entities_refused_in_utf16_too():
    utf16 = XXE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    with pytest.raises(InputError, match="entity declarations"):
        parse_xml(utf16, "u.docx", "word/document.xml")
    with pytest.raises(InputError, match="entity declarations"):
        parse_xml(LAUGHS, "l.docx", "word/document.xml")


def test_doctype_without_entities_and_utf16_parts_are_read(tmp_path):
    plain = document_xml('<w:p><w:r><w:t>Plain.</w:t></w:r></w:p>', prolog="<!DOCTYPE w:document>")
    assert parse_xml(plain, "p.docx", "word/document.xml") is not None
    utf16 = VALID.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    result = read_docx(Path("u.docx"), minimal_docx(utf16))
    assert [p.text for p in result.paragraphs] == ["Recalling its resolution 61/37,"]


def test_zip_level_password_is_reported():
    from make_bad_files import _entry_offsets
    data = bytearray(minimal_docx(VALID))
    for local, central in _entry_offsets(bytes(data)):
        data[local + 6] |= 0x1        # general-purpose flag bit 0: entry is encrypted
        data[central + 8] |= 0x1
    with pytest.raises(InputError, match="password-protected"):
        read_docx(Path("p.docx"), bytes(data))


# ------------------------------------------------------------------------------------------ fuzzing

def _valid_docx() -> bytes:
    doc = docx.Document()
    doc.add_paragraph("The Human Rights Council,")
    p = doc.add_paragraph("Decides ")
    W = nsdecls("w")
    for xml in (f'<w:ins {W} w:id="1" w:author="A"><w:r><w:t>to remain </w:t></w:r></w:ins>',
                f'<w:del {W} w:id="2" w:author="A"><w:r><w:delText>to stay </w:delText></w:r></w:del>',
                f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {W}><w:instrText>PAGE</w:instrText></w:r>',
                f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {W}><w:t>3</w:t></w:r>', f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(docx_parse_xml(xml))
    doc.add_paragraph("Item", style="List Number")
    doc.add_table(rows=1, cols=2).cell(0, 1).text = "cell"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


VALID_DOCX = _valid_docx()
_DOC_XML = zipfile.ZipFile(io.BytesIO(VALID_DOCX)).read("word/document.xml").decode()


def _read_strict(data: bytes) -> None:
    """read_docx with the catch-all safety net off: only a Document or InputError is acceptable."""
    docx_reader._STRICT = True
    try:
        result = read_docx(Path("fuzz.docx"), data)
    except InputError as exc:
        assert exc.path == "fuzz.docx" and exc.reason
        return
    finally:
        docx_reader._STRICT = False
    assert isinstance(result, Document)
    for i, para in enumerate(result.paragraphs):
        assert para.index == i and para.text.strip() and "\n" not in para.text
        assert "".join(r.text for r in para.runs) == para.text


def test_valid_fuzz_seeds_read():
    _read_strict(VALID_DOCX)
    texts = [p.text for p in read_docx(Path("v.docx"), VALID_DOCX).paragraphs]
    assert texts == ["The Human Rights Council,", "Decides to remain 3", "Item", "cell"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(VALID_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.one_of(st.none(), st.integers(0, len(VALID_DOCX))))
def test_fuzz_package_bytes(edits, cut):
    data = bytearray(VALID_DOCX)
    for pos, value in edits:
        data[pos] = value
    _read_strict(bytes(data[:cut] if cut is not None else data))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_DOC_XML) - 1), st.integers(0, 6),
                          st.sampled_from(["<", ">", "/", '"', "&", "w:", "x", "", " ", "\x00", "é", "<!DOCTYPE a>",
                                           "<w:fldChar w:fldCharType=\"end\"/>"])),
                min_size=1, max_size=6))
def test_fuzz_document_xml_text(edits):
    text = _DOC_XML
    for pos, length, insert in edits:
        pos = min(pos, len(text))
        text = text[:pos] + insert + text[pos + length:]
    _read_strict(minimal_docx(text.encode("utf-8", errors="surrogatepass")))


# Structured fuzz: random but well-formed WordprocessingML, to reach the reader's logic rather than
# the XML parser: stray field chars, unknown numbering ids and levels, dangling footnote references,
# nested tables, revisions everywhere.
_INLINE = st.deferred(lambda: st.one_of(
    st.text("ab ;,.", max_size=6).map(lambda t: f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>'),
    st.sampled_from(['<w:r><w:tab/></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:sym w:char="zz"/></w:r>',
                     '<w:r><w:sym w:char="F0B7"/></w:r>', '<w:r><w:sym w:char="0"/></w:r>',
                     '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:r><w:instrText>REF x</w:instrText></w:r>',
                     '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:footnoteReference w:id="77"/></w:r>',
                     '<w:r><w:footnoteReference/></w:r>', '<w:r><w:endnoteReference w:id="1"/></w:r>',
                     '<w:r><w:delText>gone</w:delText></w:r>', '<w:r><w:rPr><w:b w:val="nonsense"/><w:u/></w:rPr>'
                     '<w:t>x</w:t></w:r>']),
    st.lists(_INLINE, max_size=3).map(lambda xs: f'<w:ins w:id="1">{"".join(xs)}</w:ins>'),
    st.lists(_INLINE, max_size=3).map(lambda xs: f'<w:del w:id="2">{"".join(xs)}</w:del>'),
    st.lists(_INLINE, max_size=3).map(lambda xs: f'<w:hyperlink>{"".join(xs)}</w:hyperlink>'),
    st.lists(_INLINE, max_size=3).map(lambda xs: f'<w:sdt><w:sdtContent>{"".join(xs)}</w:sdtContent></w:sdt>'),
))
_PPR = st.sampled_from([
    "", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="12"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="999"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>',
    '<w:pPr><w:pStyle w:val="Loop"/><w:rPr><w:del w:id="3"/></w:rPr></w:pPr>',
    '<w:pPr><w:rPr><w:ins w:id="4"/></w:rPr></w:pPr>'])
_PARA = st.tuples(_PPR, st.lists(_INLINE, max_size=5)).map(lambda t: f"<w:p>{t[0]}{''.join(t[1])}</w:p>")
_BLOCK = st.deferred(lambda: st.one_of(
    _PARA,
    st.lists(st.lists(st.lists(_BLOCK, max_size=2), max_size=2), max_size=2).map(
        lambda rows: "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{''.join(c)}</w:tc>" for c in row) + "</w:tr>"
                                         for row in rows) + "</w:tbl>"),
    st.lists(_BLOCK, max_size=2).map(lambda xs: f"<w:sdt><w:sdtContent>{''.join(xs)}</w:sdtContent></w:sdt>"),
))
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NUMBERING = (f'<w:numbering {_W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="x"/>'
              '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%9"/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"/></w:numbering>')
_STYLES = (f'<w:styles {_W}><w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/>'
           '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
_NOTES = (f'<w:footnotes {_W}><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Note</w:t></w:r>'
          '</w:p></w:footnote><w:footnote w:id="0" w:type="separator"><w:p/></w:footnote></w:footnotes>')


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, max_size=6), st.sampled_from(["accepted", "original"]))
def test_fuzz_wordprocessingml_structure(blocks, view):
    data = minimal_docx(document_xml("".join(blocks)), {
        "word/numbering.xml": _NUMBERING.encode(), "word/styles.xml": _STYLES.encode(),
        "word/footnotes.xml": _NOTES.encode()})
    docx_reader._STRICT = True
    try:
        result = read_docx(Path("s.docx"), data, tracked=view)
    except InputError as exc:      # no text at all: refused as an empty .txt is
        assert exc.reason == "the file is empty (it contains no text)"
        return
    finally:
        docx_reader._STRICT = False
    for i, para in enumerate(result.paragraphs):
        assert para.index == i and para.text.strip() and "\n" not in para.text
        assert "".join(r.text for r in para.runs) == para.text
