"""An adopted resolution as Word makes it, built from a .txt resolution for tests of the Word exports.

The document has what UN templates have and a plain-text export loses: named paragraph styles per part
(header, title, preamble, operative), operative paragraphs numbered by Word through their style (the
"1." is drawn, not typed), italic opening words, a real footnote, and a page header and footer.
"""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt

W = nsdecls("w")
HEADER_TEXT = "A/HRC/RES/62/15"
NUM_ID = "42"
_OPERATIVE = re.compile(r"^(\d+)\.\s+")
_EMPHASIS = re.compile(r"\*([^*]+)\*")
_NOTE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹])\s+(.*)$")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
_PREAMBLE_OPENERS = ("Guided", "Reaffirming", "Recalling", "Taking", "Welcoming", "Recognizing", "Deeply",
                     "Noting", "Concerned", "Bearing", "Acknowledging", "Expressing", "Stressing")


def _styles(doc) -> None:
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))
    for name, size, bold in (("UN Header", 10, False), ("UN Title", 12, True)):
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = doc.styles["Normal"]
        st.font.size, st.font.bold = Pt(size), bold
    pre = doc.styles.add_style("UN Preamble", WD_STYLE_TYPE.PARAGRAPH)
    pre.base_style = doc.styles["Normal"]
    pre.paragraph_format.first_line_indent = Cm(1.0)
    op = doc.styles.add_style("UN Operative", WD_STYLE_TYPE.PARAGRAPH)
    op.base_style = doc.styles["Normal"]
    op.element.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{NUM_ID}"/></w:numPr>'))


def _add_runs(p, text: str, italic_opening: bool = False) -> None:
    if italic_opening:
        first, _, rest = text.partition(" ")
        if first in _PREAMBLE_OPENERS:
            p.add_run(first).italic = True
            text = " " + rest
    pos = 0
    for m in _EMPHASIS.finditer(text):
        _plain_with_notes(p, text[pos:m.start()])
        p.add_run(m.group(1)).italic = True
        pos = m.end()
    _plain_with_notes(p, text[pos:])


def _plain_with_notes(p, text: str) -> None:
    """Plain text; a superscript digit becomes a reference to the footnote of that number."""
    pos = 0
    for k, ch in enumerate(text):
        if ch in _SUPERSCRIPTS:
            if text[pos:k]:
                p.add_run(text[pos:k])
            p._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{_SUPERSCRIPTS.index(ch) + 1}"/></w:r>'))
            pos = k + 1
    if text[pos:]:
        p.add_run(text[pos:])


def add_footnotes(doc, notes: dict[int, str]) -> None:
    """A footnotes part holding each note id's runs (raw WordprocessingML), after the Word separators."""
    items = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             '</w:r></w:p></w:footnote>']
    for note_id, body in notes.items():
        items.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                     f'</w:rPr><w:footnoteRef/></w:r>{body}</w:p></w:footnote>')
    blob = f'<w:footnotes {W}>{"".join(items)}</w:footnotes>'.encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def resolution_docx(txt: Path, out: Path) -> Path:
    """``txt`` (one paragraph per block, typed "1." operative numbers, *italic* verbs) as a Word file."""
    lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = docx.Document()
    _styles(doc)
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = "GE.26-05123(E)"
    notes: dict[int, str] = {}
    part = "header"
    for line in lines:
        note = _NOTE.match(line)
        if note:
            notes[_SUPERSCRIPTS.index(note.group(1)) + 1] = note.group(2)
            continue
        if part == "header" and re.match(r"^\d+/\d+\.", line):
            part = "title"
            doc.add_paragraph(line, style="UN Title")
            continue
        if line.startswith("The Human Rights Council") or line.startswith("The General Assembly"):
            part = "preamble"
            doc.add_paragraph(line)
            continue
        m = _OPERATIVE.match(line)
        if m and part in ("preamble", "operative"):
            part = "operative"
            _add_runs(doc.add_paragraph(style="UN Operative"), line[m.end():])
        elif part == "preamble":
            _add_runs(doc.add_paragraph(style="UN Preamble"), line, italic_opening=True)
        elif part == "header":
            doc.add_paragraph(line, style="UN Header")
        else:
            part = "footer" if part == "operative" else part
            if line.count("*") == 1:          # emphasis spanning lines ("*41st meeting / 3 April 2026*")
                doc.add_paragraph().add_run(line.replace("*", "")).italic = True
            else:
                _add_runs(doc.add_paragraph(), line)
    if notes:
        add_footnotes(doc, {n: f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r>' for n, text in notes.items()})
    doc.save(out)
    return out


ANNEX_TEXT = """Annex

Declaration on the protection of human rights defenders in Examplia

I. Commitments

1. We, the States Members of the Human Rights Council, reaffirm our commitment to the protection of every human rights defender in Examplia and to the implementation of the recommendations of the universal periodic review;

2. We call for the release of all defenders detained for their peaceful work, and for investigations into the 42 cases documented since 2024;

II. Follow-up

3. We decide to review the implementation of the present declaration at the sixty-fifth session of the Council.
"""


def un_resolution_docx(txt: Path, out: Path, job: str = "GE.26-05123(E)") -> Path:
    """A resolution as the UN publishes it: ``txt`` as :func:`resolution_docx` lays it out, followed by an
    annex with its own headings and numbered paragraphs, the document symbol as page header, and a page
    footer holding the job number and "page X/Y" (PAGE and NUMPAGES fields)."""
    source = out.with_suffix(".txt")
    source.write_text(txt.read_text(encoding="utf-8").rstrip() + "\n\n" + ANNEX_TEXT, encoding="utf-8")
    resolution_docx(source, out)
    doc = docx.Document(str(out))
    footer = doc.sections[0].footer
    footer.paragraphs[0].text = job
    page = footer.add_paragraph()
    page._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    page.add_run("/")
    page._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    doc.save(str(out))
    return out


def libreoffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """``source`` converted by headless LibreOffice to ``fmt`` ("pdf", "odt") in ``outdir``."""
    import subprocess
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{outdir}/lo-profile",
                    "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return outdir / f"{source.stem}.{fmt}"
