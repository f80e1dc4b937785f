"""Bounded work in the readers (issue #17, part C): list numbers, Markdown links, package sizes; and a
check that cannot be imported fails the comparison instead of reporting no findings.

The time bounds catch runaway (quadratic, backtracking) work, several times what the work takes: they are
CPU seconds of the test's own thread (time.thread_time), so a busy machine does not fail them."""
from __future__ import annotations

import ast
import importlib
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.model import Document, Paragraph
from app.io import docx_parts, docx_reader, wordml
from app.io.docx_reader import read_docx
from app.io.errors import InputError
from app.io.readers import read_document
from app.io.text_reader import _Links, _format_block
from app.io.wordml import Numbering, Styles, StyleDef, format_number

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from make_bad_files import (document_xml, hostile_texts, minimal_docx, numbered_paragraphs,  # noqa: E402
                            numbering_xml)

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------------------- list numbering

def test_letters_and_roman_numerals_are_bounded_and_fall_back_to_decimal():
    assert format_number(1, "lowerLetter") == "a" and format_number(28, "lowerLetter") == "bb"
    assert format_number(780, "lowerLetter") == "z" * 30
    assert format_number(781, "lowerLetter") == "781"
    assert format_number(26_000_000_000, "upperLetter") == "26000000000"
    assert format_number(3999, "lowerRoman") == "mmmcmxcix" and format_number(4000, "upperRoman") == "4000"
    assert format_number(0, "lowerLetter") == "0" and format_number(-5, "lowerRoman") == "-5"
    for fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimal", "decimalZero", "ordinal"):
        for n in (1, 26, 27, 780, 781, 3999, 4000, 32767, 2**31 - 1, 26_000_000_000, 10**100):
            assert len(format_number(n, fmt)) <= max(30, len(str(n)) + 1), (n, fmt)


def _numbering(fmt: str, start: str, **kw) -> Numbering:
    from lxml import etree
    return Numbering(etree.fromstring(numbering_xml(fmt, start, **kw)))


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimal"])
@pytest.mark.parametrize("start", ["26000000000", "9" * 4000, "-26000000000", "x"])
def test_labels_stay_short_whatever_the_start(fmt, start):
    numbering = _numbering(fmt, start)
    t = time.thread_time()
    labels = [numbering.label("1", k % 9) for k in range(2000)]
    assert time.thread_time() - t < 1.0
    assert max(map(len, labels)) <= 9 * (len(str(wordml.MAX_START)) + 1)
    assert labels[0] in (f"{format_number(wordml.MAX_START, fmt)}.", "0.", f"{format_number(0, fmt)}.",
                         f"{format_number(1, fmt)}.")


def test_start_override_and_counter_are_clamped():
    numbering = _numbering("decimal", "1", override="26000000000")
    assert numbering.label("1", 0) == f"{wordml.MAX_START}."
    numbering.counters["1"][0] = wordml.MAX_COUNTER
    assert numbering.label("1", 0) == f"{wordml.MAX_COUNTER}."      # never past the bound


def test_a_huge_level_text_is_cut():
    numbering = _numbering("decimal", "1", text="%1." * 100_000)
    label = numbering.label("1", 0)
    assert len(label) <= wordml.MAX_LEVEL_TEXT and label.startswith("1.1.1.")


def test_ordinary_list_numbers_are_unchanged():
    numbering = _numbering("lowerLetter", "1")
    assert [numbering.label("1", 0) for _ in range(3)] == ["a.", "b.", "c."]
    assert numbering.label("1", 1) == "c.a."


def test_a_long_style_chain_is_walked_once_and_only_so_deep():
    styles = Styles(styles={f"s{i}": StyleDef(f"s{i}", f"s{i + 1}", {"bold": True} if i == 5000 else {}, None)
                            for i in range(10_000)})
    t = time.thread_time()
    for _ in range(10_000):
        styles.props("s0")
    assert time.thread_time() - t < 1.0
    assert styles.props("s0") == {}                          # past MAX_STYLE_DEPTH: not reached
    assert styles.props("s4990") == {"bold": True}
    styles.props("s4990")["italic"] = True                   # callers get a copy
    assert styles.props("s4990") == {"bold": True}


# ------------------------------------------------------------------------------ Markdown links

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")     # what the reader matched at every "[" before


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]()a \n\t\u00a0*\\", max_size=40))
def test_links_are_found_as_the_pattern_found_them(text):
    links = _Links(text)
    for i, ch in enumerate(text):
        if ch == "[":
            m = _LINK.match(text, i)
            assert links.match(i) == ((m.group(1), m.end()) if m else None), (text, i)


def test_link_reduction_is_unchanged():
    assert _format_block("See [A/HRC/61/76](#) and *Invites* [x] (y) [a](b c)")[0] == \
        "See A/HRC/61/76 and Invites [x] (y) [a](b c)"


@pytest.mark.parametrize("size", [50_000, 200_000])
def test_adversarial_texts_read_in_bounded_time(tmp_path, size):
    slowest = []
    for name, text in hostile_texts(size).items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        t = time.thread_time()
        try:
            read_document(path)
        except InputError as exc:          # a line of "*" alone is a Markdown rule: nothing left
            assert "empty" in exc.reason
        slowest.append((time.thread_time() - t, name))
    assert max(slowest)[0] < 5.0, sorted(slowest)[-3:]


def test_format_block_is_linear():
    for unit in ("[", "[[[(", "[a](", "\\", "*a ", "**a "):
        t = time.thread_time()
        _format_block(unit * (400_000 // len(unit)))
        assert time.thread_time() - t < 2.0, unit


# ------------------------------------------------------------------------------- .docx bounds

def _docx(tmp_path: Path, body: str, parts=None, name="x.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(minimal_docx(document_xml(body), parts))
    return path


def test_a_docx_with_no_text_is_refused_as_empty_but_one_with_objects_is_read(tmp_path):
    path = _docx(tmp_path, "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.reason == "the file is empty (it contains no text)" and info.value.path == str(path)
    shapes = _docx(tmp_path, '<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>In a box</w:t></w:r></w:p>'
                             '</w:txbxContent></w:drawing></w:r></w:p>', name="shapes.docx")
    # a picture, a text box, a table or an equation is content the redline carries: read, with a note
    doc = read_document(shapes)
    assert doc.paragraphs == () and any("no text, only pictures" in w for w in doc.warnings)
    assert any("text box" in w for w in doc.warnings)


def test_too_many_elements_or_paragraphs_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_parts, "MAX_ELEMENTS", 1000)
    with pytest.raises(InputError, match="too large to be read \\(over 1,000 XML elements\\)"):
        read_document(_docx(tmp_path, "<w:p/>" * 1000))
    monkeypatch.setattr(docx_parts, "MAX_ELEMENTS", 10**6)
    monkeypatch.setattr(docx_reader, "MAX_PARAGRAPHS", 100)
    with pytest.raises(InputError, match="too large to be compared \\(over 100 paragraphs\\)"):
        read_document(_docx(tmp_path, "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 101, name="p.docx"))
    assert len(read_document(_docx(tmp_path, "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 100, name="q.docx")).paragraphs) == 100


def test_the_element_estimate_is_an_upper_bound():
    from lxml import etree
    for xml in (document_xml(numbered_paragraphs(50)), numbering_xml("lowerLetter", "1"),
                document_xml("<w:p/>").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")):
        assert docx_parts.element_estimate(xml) >= sum(1 for _ in etree.fromstring(xml).iter())


def test_open_fields_and_removed_marks_are_linear(tmp_path):
    for body in ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>x</w:t></w:r></w:p>' * 20_000,
                 '<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>x </w:t></w:r></w:p>' * 20_000):
        path = _docx(tmp_path, body + '<w:p><w:r><w:t>End.</w:t></w:r></w:p>')
        t = time.thread_time()
        read_document(path)
        assert time.thread_time() - t < 3.0


def test_paragraphs_joined_over_removed_marks_keep_their_text_and_fields_end(tmp_path):
    body = ('<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">One </w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">two </w:t></w:r></w:p>'
            '<w:p><w:r><w:t>three.</w:t></w:r></w:p>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText>more</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> after</w:t></w:r></w:p>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>open</w:instrText></w:r></w:p>'
            '<w:p><w:r><w:t>Next paragraph.</w:t></w:r></w:p>')
    doc = read_docx(Path("m.docx"), minimal_docx(document_xml(body)))
    # The inner field stands in the outer one's instruction: only the outer result is printed.
    assert [p.text for p in doc.paragraphs] == ["One two three.", "3 after", "Next paragraph."]
    again = read_docx(Path("m.docx"), minimal_docx(document_xml(body)))   # nothing read is changed in place
    assert [p.text for p in again.paragraphs] == [p.text for p in doc.paragraphs]


def test_an_import_failure_inside_the_reader_is_not_a_damaged_file(tmp_path, monkeypatch):
    def broken(*_):
        raise ImportError("cannot import name 'x' from 'app.io.wordml'")
    monkeypatch.setattr(docx_reader, "parse_styles", broken)
    with pytest.raises(ImportError):
        read_document(_docx(tmp_path, "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))


# --------------------------------------------------------------- checks that cannot be imported

def _pair() -> tuple[Document, Document]:
    from app.core.structure import recognise
    draft = Document(path="d.txt", paragraphs=(Paragraph(0, "1. Decides to hold 3 meetings in 2025;"),))
    adopted = Document(path="a.txt", paragraphs=(Paragraph(0, "1. Decides to hold 4 meetings in 2026;"),))
    return recognise(draft), recognise(adopted)


@pytest.fixture
def core_modules():
    """Put back every app.core module, in sys.modules and as attributes of the package, as it was: a failed
    import leaves half-made modules behind that later tests must not see."""
    import app.core as core
    saved = {name: mod for name, mod in sys.modules.items() if name.startswith("app.core.")}
    attrs = {name: getattr(core, name.rsplit(".", 1)[1]) for name in saved
             if hasattr(core, name.rsplit(".", 1)[1])}
    yield
    for name in [n for n in sys.modules if n.startswith("app.core.")]:
        if name not in saved:
            del sys.modules[name]
    sys.modules.update(saved)
    for name, mod in attrs.items():
        setattr(core, name.rsplit(".", 1)[1], mod)


def test_the_checks_find_the_changed_numbers():
    from app.core.compare import compare_documents
    assert compare_documents(*_pair()).stats.findings >= 2


@pytest.mark.parametrize("broken", ["app.core.values", "app.core.crosscheck", "app.core.openings",
                                    "app.core.structure_checks"])
def test_a_check_that_cannot_be_imported_fails_the_comparison(monkeypatch, core_modules, broken):
    from app.core.compare import compare_documents
    draft, adopted = _pair()
    monkeypatch.setitem(sys.modules, broken, None)          # "import app.core.values" now raises ImportError
    for name in ("app.core.checks", "app.core.crosscheck"):
        if name != broken:
            monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ImportError):
        compare_documents(draft, adopted)
    with pytest.raises(ImportError):
        importlib.import_module("app.core.checks")


def test_reloading_the_cross_check_without_its_helpers_raises(monkeypatch, core_modules):
    crosscheck = sys.modules["app.core.crosscheck"]
    monkeypatch.setitem(sys.modules, "app.core.values", None)
    with pytest.raises(ImportError):
        importlib.reload(crosscheck)


def test_the_cli_fails_loudly_when_a_check_cannot_be_imported(tmp_path):
    import subprocess
    draft, adopted = tmp_path / "d.txt", tmp_path / "a.txt"
    draft.write_text("1. Decides to hold 3 meetings in 2025;\n")
    adopted.write_text("1. Decides to hold 4 meetings in 2026;\n")
    code = ("import sys; sys.modules['app.core.values'] = None\n"
            "from app.cli import main; sys.exit(main(sys.argv[1:]))")
    out = subprocess.run([sys.executable, "-c", code, "compare", str(draft), str(adopted)], capture_output=True,
                         text=True, timeout=60, cwd=ROOT)
    assert out.returncode not in (0, 2) and "app.core.values" in out.stderr and "Findings: 0" not in out.stdout


# ----------------------------------------------------------- caught exceptions are all logged

OWN = ["app/io/wordml.py", "app/io/docx_reader.py", "app/io/text_reader.py", "app/core/checks.py",
       "app/core/crosscheck.py", "app/logsetup.py", "app/ui/application.py"]


def _silent_handlers(path: Path) -> list[int]:
    """Line numbers of except blocks that neither log nor raise."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ExceptHandler):
            continue
        body = ast.Module(body=node.body, type_ignores=[])
        raises = any(isinstance(n, ast.Raise) for n in ast.walk(body))
        logs = any(isinstance(n, ast.Call) and ast.unparse(n.func).startswith(("logger.", "logging."))
                   for n in ast.walk(body))
        if not (raises or logs):
            out.append(node.lineno)
    return out


@pytest.mark.parametrize("name", OWN)
def test_no_exception_is_swallowed_silently(name):
    assert _silent_handlers(ROOT / name) == []
