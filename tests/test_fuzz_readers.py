"""Property-based fuzzing of every reader and of the review loader: whatever the bytes, the answer is a
Document or an InputError naming the file (a clean refusal), never another exception, and never an
unexpected error that a reader's safety net turned into "damaged" (those are logged as warnings with
their traceback: any such record fails the test too).

Inputs: random bytes under each suffix (.txt .md .docx .html .odt .pdf), Markdown-ish and HTML-ish text
in several encodings, and mutated bytes and mutated XML of real small .docx, .odt and .pdf files built
at test time (python-docx; LibreOffice converts the .docx to .odt and .pdf when it is installed, else
odfdo writes the .odt and a hand-made PDF stands in). Bounded: max_examples and a per-example deadline
keep the whole file under a minute on two cores.
"""
from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.model import Document
from app.io import review_store
from app.io.errors import InputError
from app.io.readers import read_document

SUFFIXES = [".txt", ".md", ".docx", ".html", ".odt", ".pdf"]
# FUZZ_EXAMPLES=2000 for a longer hunt by hand (about 75 s a thousand on two cores).
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=timedelta(seconds=3),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ----------------------------------------------------------------------------------------- seeds

def _docx_seed() -> bytes:
    import docx
    doc = docx.Document()
    doc.add_paragraph("The Human Rights Council,")
    doc.add_paragraph("Recalling its resolution 61/37 of 4 December 2006,").runs[0].italic = True
    doc.add_paragraph("Decides to remain seized of the matter.", style="List Number")
    doc.add_paragraph("Requests the Secretary-General to report in 2026;", style="List Bullet")
    doc.add_table(rows=1, cols=2).cell(0, 1).text = "In favour: 31"
    doc.sections[0].header.paragraphs[0].text = "A/HRC/RES/61/1"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _odt_seed_odfdo() -> bytes:
    from odfdo import Document as OdfDocument, Paragraph as OdfParagraph
    doc = OdfDocument("text")
    body = doc.body
    for text in ("The Human Rights Council,", "Recalling its resolution 61/37,", "1. Decides to remain seized."):
        body.append(OdfParagraph(text))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf_seed_by_hand() -> bytes:
    """A one-page PDF with three lines of Helvetica text, offsets computed."""
    text = b"BT /F1 12 Tf 72 720 Td (The Human Rights Council,) Tj 0 -16 Td (Recalling its resolution 61/37,) Tj " \
           b"0 -16 Td (1. Decides to remain seized of the matter.) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class _Seeds(dict):
    def __repr__(self) -> str:   # Hypothesis prints the arguments of a failing example: not 50 kB of bytes
        return f"seeds({', '.join(f'{k}: {len(v)} bytes' for k, v in self.items())})"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("seeds")
    out = _Seeds({".docx": _docx_seed()})
    source = folder / "seed.docx"
    source.write_bytes(out[".docx"])
    if shutil.which("soffice"):
        for fmt in ("odt", "pdf"):
            try:
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
                                "--convert-to", fmt, "--outdir", str(folder), str(source)],
                               check=True, capture_output=True, timeout=120)
                out["." + fmt] = (folder / f"seed.{fmt}").read_bytes()
            except (OSError, subprocess.SubprocessError) as exc:
                logging.getLogger(__name__).warning("LibreOffice could not make the .%s seed: %s", fmt, exc)
    out.setdefault(".odt", _odt_seed_odfdo())
    out.setdefault(".pdf", _pdf_seed_by_hand())
    for suffix, data in out.items():          # every seed is itself a readable document
        path = folder / f"check{suffix}"
        path.write_bytes(data)
        assert read_document(path).paragraphs, suffix
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


class _Unexpected(logging.Handler):
    """Warnings with a traceback from app.io: a safety net caught a bug and called the file damaged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


@pytest.fixture(scope="module", autouse=True)
def unexpected():
    handler = _Unexpected()
    logger = logging.getLogger("app.io")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def read_any(folder: Path, data: bytes, suffix: str, unexpected: _Unexpected) -> Document | None:
    """Read ``data`` saved as ``fuzz<suffix>``: a Document or a clean refusal, nothing else."""
    path = folder / f"fuzz{suffix}"
    path.write_bytes(data)
    unexpected.records.clear()
    try:
        doc = read_document(path)
    except InputError as exc:
        # (A reason may hold lxml's "\n, line 2, column 9": the CLI and the window show it on one line.)
        assert exc.path == str(path) and exc.reason.strip() and "Traceback" not in exc.message, exc
        doc = None
    assert not unexpected.records, [(r.getMessage(), logging.Formatter().formatException(r.exc_info))
                                    for r in unexpected.records]
    if doc is not None:
        assert isinstance(doc, Document) and doc.paragraphs
        for i, para in enumerate(doc.paragraphs):
            assert para.index == i and para.text.strip(), para
    return doc


# -------------------------------------------------------------------------------------- any bytes

@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_every_suffix(folder, unexpected, data, suffix):
    read_any(folder, data, suffix, unexpected)


_MARKUP = list("[]()*_\\#^!`~>|-+:.,;'\"&<>/=\t\n  aAzZ019") + ["¹", "²", "\u00a0", "\u2028", "\x0c", "é", "—",
                                                               "[^1]", "](", "**", "\n\n", "---\n", "1. ", "PP1 "]
_TEXT = st.lists(st.sampled_from(_MARKUP) | st.text(max_size=3), max_size=400).map("".join)


@FUZZ
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       suffix=st.sampled_from([".txt", ".md", ""]))
def test_markdown_like_text(folder, unexpected, text, encoding, suffix):
    read_any(folder, text.encode(encoding, errors="ignore"), suffix, unexpected)


_TAGS = ["p", "div", "span", "ol", "ul", "li", "table", "tr", "td", "sup", "a", "b", "i", "em", "br", "h1",
         "section", "aside", "footer", "header", "nav", "pre", "script", "style", "hr", "body", "html", "head"]
_ATTRS = ['', ' start="26000000000"', ' type="a"', ' type="I"', ' reversed', ' value="-5"', ' class="footnote"',
          ' id="fn1"', ' href="#fn1"', ' style="list-style:none"', ' lang="fr"', ' start="x"', ' colspan="99999"']
_HTML = st.recursive(
    st.text(alphabet="ab 1.\n[]*¹&;<", max_size=8),
    lambda inner: st.tuples(st.sampled_from(_TAGS), st.sampled_from(_ATTRS), st.lists(inner, max_size=4),
                            st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")),
    max_leaves=40)


@FUZZ
@given(html=_HTML, doctype=st.booleans(), suffix=st.sampled_from([".html", ".htm", ".txt"]))
def test_html_like_text(folder, unexpected, html, doctype, suffix):
    text = ("<!DOCTYPE html>" if doctype else "") + "<html><body>" + html
    read_any(folder, text.encode("utf-8"), suffix, unexpected)


# ----------------------------------------------------------------------------- mutated documents

@FUZZ
@given(kind=st.sampled_from([".docx", ".odt", ".pdf"]),
       edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.floats(0, 1)), suffix=st.sampled_from([None, ".txt", ".html"]))
def test_mutated_bytes_of_real_documents(seeds, folder, unexpected, kind, edits, cut, suffix):
    data = bytearray(seeds[kind])
    for where, value in edits:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[:int(cut * len(data))]
    read_any(folder, bytes(data), suffix or kind, unexpected)


_FRAGMENTS = ["<", ">", "/", '"', "&", "&amp;", "x", "", " ", "\x00", "é", "<!DOCTYPE a>", "<!-- c -->", "<?pi x?>",
              '<w:fldChar w:fldCharType="begin"/>', '<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>',
              '<w:footnoteReference w:id="9"/>', "<text:note-citation>1</text:note-citation>",
              '<text:list-item>', '<text:s text:c="99999999"/>', '<text:span>', '</text:p>', "]]>", "<![CDATA[",
              "</w:body>", "<w:tbl>", "<w:p>", "</w:p>"]


def _mutate_part(package: bytes, part: str, edits) -> bytes:
    """``package`` with the text of ``part`` edited (positions as fractions), the zip otherwise intact and
    the mimetype entry still first and stored."""
    src = zipfile.ZipFile(io.BytesIO(package))
    text = src.read(part).decode("utf-8")
    for where, length, insert in edits:
        pos = int(where * len(text))
        text = text[:pos] + insert + text[pos + length:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = text.encode("utf-8", errors="surrogatepass") if info.filename == part else src.read(info)
            out.writestr(info, data, compress_type=info.compress_type)
    return buf.getvalue()


@FUZZ
@given(kind=st.sampled_from([(".docx", "word/document.xml"), (".docx", "word/styles.xml"),
                             (".docx", "word/numbering.xml"), (".odt", "content.xml"), (".odt", "styles.xml")]),
       edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 6), st.sampled_from(_FRAGMENTS)),
                      min_size=1, max_size=6))
def test_mutated_xml_inside_real_packages(seeds, folder, unexpected, kind, edits):
    suffix, part = kind
    if part not in zipfile.ZipFile(io.BytesIO(seeds[suffix])).namelist():
        return
    read_any(folder, _mutate_part(seeds[suffix], part, edits), suffix, unexpected)


# ---------------------------------------------------------------------------------- review files

def _load(folder: Path, data: bytes):
    path = folder / "fuzz.dcreview"
    path.write_bytes(data)
    try:
        review = review_store.load(path)
    except InputError as exc:
        assert exc.path == str(path) and exc.reason.strip(), exc
        return None
    assert review is not None
    return review


@FUZZ
@given(data=st.binary(max_size=2000))
def test_review_loader_on_random_bytes(folder, data):
    _load(folder, data)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["draft", "adopted", "path", "sha256", "notes", "unplaced", "key", "text", "checked", "created",
         "modified", "draft_print", "adopted_excerpt", "draft_label", "x"]), inner, max_size=5)),
    max_leaves=30)


@FUZZ
@given(body=st.dictionaries(st.sampled_from(["draft", "adopted", "notes", "unplaced", "extra"]), _JSON, max_size=5),
       version=st.sampled_from([1, 2, 0, "1", None, True, 1.0]),
       note=st.fixed_dictionaries({"key": st.fixed_dictionaries({"draft": st.lists(st.integers(-3, 2**40), max_size=3),
                                                                 "adopted": _JSON}),
                                   "text": _JSON, "checked": _JSON}),
       cut=st.one_of(st.none(), st.integers(0, 400)))
def test_review_loader_on_review_like_json(folder, body, version, note, cut):
    data = {"schema": review_store.SCHEMA, "version": version,
            "draft": {"path": "d.txt", "sha256": ""}, "adopted": {"path": "a.txt"}, "notes": [note], **body}
    text = json.dumps(data, ensure_ascii=False)
    _load(folder, text[:cut].encode() if cut is not None else text.encode())


def test_review_loader_on_hostile_shapes(folder):
    for text in ("[" * 100_000, "{\"a\":" * 50_000, '{"schema": "draftcompare.review", "version": 1' + ", \"x\": 1" * 100,
                 '{"schema": "draftcompare.review", "version": 1e999}', "1" * 5000,
                 '{"schema": "draftcompare.review", "version": 1, "draft": {"path": "' + "a" * 2**20 + '"}}'):
        _load(folder, text.encode())
