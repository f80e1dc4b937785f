"""Tracked-change export: real OOXML revisions; LibreOffice accept-all = adopted, reject-all = draft."""
from __future__ import annotations

import random
from dataclasses import replace
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from app.core.compare import compare_documents
from app.core.model import CompareOptions, Document, Kind, PairKind, Paragraph, Run
from app.io.errors import ExportError
from app.io.pipeline import compare_files, load_document
from app.io.docx_reader import read_docx
from app.io.export_tracked import export_tracked
from conftest import LO_TRACKED, SAMPLES, SEEDS, requires_libreoffice
from docx_fixtures import NUM_ID, resolution_docx
from synthetic import edit, make_pair

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 4, 3, 10, 30, tzinfo=timezone.utc)


def doc(texts, name, lang="en", kind=Kind.OPERATIVE, runs=None, prefixes=None) -> Document:
    prefixes = prefixes or {}
    paras = tuple(Paragraph(i, prefixes.get(i, "") + t, kind, prefix=prefixes.get(i, ""), ordinal=i + 1,
                            runs=(runs or {}).get(i, ())) for i, t in enumerate(texts))
    return Document(name, paras, language=lang)


def body_xml(path: Path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))


def assert_well_formed_revisions(root) -> None:
    ids = [el.get(W + "id") for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo",
                                                 W + "moveFromRangeStart", W + "moveToRangeStart",
                                                 W + "pPrChange")]
    assert len(ids) == len(set(ids)), "revision ids must be unique"
    for tag in ("del", "moveFrom"):
        for el in root.iter(W + tag):
            assert not list(el.iter(W + "t")), "deleted runs hold w:delText, never w:t"
    for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"):
        assert not list(el.iter(W + "hyperlink")) and not list(el.iter(W + "ins", W + "del"))[1:]
    for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo", W + "moveFromRangeStart",
                        W + "moveToRangeStart", W + "pPrChange"):
        assert el.get(W + "author") == "Reviewer" and el.get(W + "date") == "2026-04-03T10:30:00Z"
    for start in root.iter(W + "moveFromRangeStart", W + "moveToRangeStart"):
        end_tag = start.tag.replace("Start", "End")
        assert [e for e in root.iter(end_tag) if e.get(W + "id") == start.get(W + "id")]


def export(c, tmp_path, name="out.docx") -> Path:
    return export_tracked(c, tmp_path / name, author="Reviewer", date=WHEN)


def test_one_word_change_is_one_deletion_and_one_insertion(tmp_path):
    c = compare_documents(doc(["Requests a report within two years;"], "d.txt"),
                          doc(["Requests a report within three years;"], "a.txt"))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    dels = ["".join(el.itertext()).strip() for el in root.iter(W + "del")]
    ins = ["".join(el.itertext()).strip() for el in root.iter(W + "ins")]
    assert (dels, ins) == (["two"], ["three"])
    kept = "".join(t.text for t in root.iter(W + "t"))
    assert kept == "Requests a report within three years;"


def test_whole_paragraphs_have_tracked_marks_and_moves_use_move_ranges(tmp_path):
    base = [f"Paragraph {w} speaks of {w} matters at some length, with several words of text;" for w in
            ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")]
    draft = base[:2] + ["A paragraph the adopted text dropped entirely, never to return;"] + base[2:]
    adopted = base[:5] + [base[6], "A new paragraph only in the adopted text, quite different;", base[7]]
    adopted.insert(1, base[5])     # foxtrot moved up
    c = compare_documents(doc(draft, "d.txt"), doc(adopted, "a.txt"))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    marks = [el.tag for el in root.iter(W + "rPr") if el.getparent().tag == W + "pPr" for el in el]
    assert W + "del" in marks and W + "ins" in marks
    runs_of = lambda tag: ["".join(el.itertext()) for el in root.iter(W + tag) if el.getparent().tag == W + "p"]
    assert runs_of("moveFrom") == runs_of("moveTo") == [base[5]]
    names = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart", W + "moveToRangeStart")}
    assert names == {"move1"}
    settings = zipfile.ZipFile(tmp_path / "out.docx").read("word/settings.xml")
    assert b"trackRevisions" in settings


def test_neighbouring_moves_keep_their_draft_order_and_the_last_mark_is_untracked(tmp_path):
    base = [f"Paragraph {w} speaks of {w} matters at some length, with several words of text;" for w in
            ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india")]
    adopted = base[2:8] + base[:2] + [base[8], "A new closing paragraph only in the adopted text."]
    c = compare_documents(doc(base, "d.txt"), doc(adopted, "a.txt"))
    moved = [c.draft.paragraphs[p.draft[0]].text for p in c.pairs if p.kind is PairKind.MOVED]
    assert len(moved) == 2
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    assert revised(root, "moveFrom") == sorted(moved, key=base.index)
    assert mark_kinds(root)[-1] == ""         # Word cannot track the document's last paragraph mark
    assert revised(root, "ins")[-1] == "A new closing paragraph only in the adopted text."

def test_adopted_formatting_is_kept(tmp_path):
    text = "1. Strongly condemns all violations;"
    runs = {0: (Run("1. "), Run("Strongly condemns", italic=True), Run(" all violations;"))}
    c = compare_documents(doc(["1. Condemns all violations;"], "d.txt"), doc([text], "a.txt", runs=runs))
    root = body_xml(export(c, tmp_path))
    italic = ["".join(r.itertext()) for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}i") is not None]
    assert "".join(italic) == "Strongly condemns"


def revised(root, tag: str) -> list[str]:
    """Texts of the revision wrappers around runs (not the paragraph-mark ones inside w:rPr)."""
    return ["".join(el.itertext()) for el in root.iter(W + tag) if el.getparent().tag == W + "p"]


def mark_kinds(root) -> list[str]:
    """Per paragraph: the tracked state of its mark ("" untracked, "ins", "del", ...)."""
    out = []
    for p in root.iter(W + "p"):
        rpr = p.find(f"{W}pPr/{W}rPr")
        out.append("".join(el.tag[len(W):] for el in rpr) if rpr is not None else "")
    return out


def test_label_change_is_a_deleted_and_inserted_label(tmp_path):
    c = compare_documents(doc(["Requests a report;"], "d.txt", prefixes={0: "3.\t"}),
                          doc(["Requests a report;"], "a.txt", prefixes={0: "OP3bis. "}))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    assert (revised(root, "del"), revised(root, "ins")) == (["3."], ["OP3bis. "])
    assert "".join(t.text for t in root.iter(W + "t")) == "OP3bis. Requests a report;"


def test_words_equal_only_under_ignore_case_are_still_tracked(tmp_path):
    c = compare_documents(doc(["Calls upon all States to act;"], "d.txt"),
                          doc(["calls upon all States to act;"], "a.txt"), CompareOptions(ignore_case=True))
    assert c.pairs[0].kind is PairKind.EQUAL      # the engine calls them equal ...
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)            # ... the Word file still shows the real change
    assert (revised(root, "del"), revised(root, "ins")) == (["Calls"], ["calls"])


def test_split_and_merge_track_the_paragraph_marks(tmp_path):
    draft = ["Decides to act now, and requests a report on the matter at its next session;",
             "Welcomes the report", "of the Secretary-General on the situation;", "Decides to remain seized."]
    adopted = ["Decides to act now,", "and requests a report on the matter at its next session;",
               "Welcomes the report of the Secretary-General on the situation;", "Decides to remain seized."]
    c = compare_documents(doc(draft, "d.txt"), doc(adopted, "a.txt"))
    assert {p.kind for p in c.pairs} >= {PairKind.SPLIT, PairKind.MERGED}
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    assert mark_kinds(root) == ["ins", "", "del", "", ""]
    assert revised(root, "ins") == revised(root, "del") == [" "]   # the breaks and the spaces beside them


def test_cross_language_pairs_are_whole_deletions_and_insertions(tmp_path):
    c = compare_documents(doc(["Décide de rester saisi de la question."], "d.txt", lang="fr"),
                          doc(["Decides to remain seized of the matter."], "a.txt"),
                          CompareOptions(cross_language="always"))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    assert revised(root, "del") == ["Décide de rester saisi de la question."]
    assert revised(root, "ins") == ["Decides to remain seized of the matter."]


def test_deleted_text_keeps_the_draft_formatting(tmp_path):
    runs = {0: (Run("Strongly ", bold=True), Run("condemns all violations;"))}
    c = compare_documents(doc(["Strongly condemns all violations;"], "d.txt", runs=runs),
                          doc(["Condemns all violations;"], "a.txt"))
    root = body_xml(export(c, tmp_path))
    bold_deleted = ["".join(r.itertext()) for d in root.iter(W + "del") for r in d.iter(W + "r")
                    if r.find(f"{W}rPr/{W}b") is not None]
    assert "".join(bold_deleted).strip() == "Strongly"


def test_default_author_is_the_user_and_every_revision_is_dated(tmp_path, monkeypatch):
    import getpass
    monkeypatch.setattr(getpass, "getuser", lambda: "jdoe")
    c = compare_documents(doc(["Requests a report within two years;", "Old paragraph, now gone entirely;"],
                              "d.txt"), doc(["Requests a report within three years;"], "a.txt"))
    root = body_xml(export_tracked(c, tmp_path / "o.docx", date=WHEN))
    revisions = list(root.iter(W + "ins", W + "del"))
    assert len(revisions) >= 3
    assert {(r.get(W + "author"), r.get(W + "date")) for r in revisions} == {("jdoe", "2026-04-03T10:30:00Z")}


def test_export_refuses_to_overwrite_an_input(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("1. Decides to remain seized of the matter.\n")
    c = compare_files(draft, SAMPLES / "adopted_en.txt")
    with pytest.raises(ExportError, match="overwrite an input"):
        export_tracked(c, draft)
    assert draft.read_text() == "1. Decides to remain seized of the matter.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


# ---- LibreOffice: accept-all gives the adopted text, reject-all the draft text ------------------------
# One soffice session for all cases (lo_tracked.py starts one per call, ~2 s each).

BATCH = r"""
import os, sys, shutil, tempfile
sys.path.insert(0, os.path.dirname(sys.argv[1]))
import lo_tracked as L
import uno
profile = tempfile.mkdtemp(prefix="lo_profile_")
proc, ctx, desktop = L.start_office(profile, 120)
try:
    disp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    for path in sys.argv[2:]:
        for mode in ("accept", "reject"):
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, L.props(Hidden=True))
            cmd = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
            disp.executeDispatch(doc.getCurrentController().getFrame(), cmd, "", 0, ())
            if L.count_redlines(doc):
                print("redlines left", path, mode)
            out = uno.systemPathToFileUrl(os.path.abspath(path[:-len(".docx")] + "." + mode + ".txt"))
            doc.storeToURL(out, L.props(FilterName="Text (encoded)", FilterOptions="UTF8,LF", Overwrite=True))
            doc.close(True)
finally:
    L.stop_office(proc, desktop)
    shutil.rmtree(profile, ignore_errors=True)
"""


def lo_paragraphs(path: Path) -> list[str]:
    """LibreOffice's text export: one line per paragraph, each ended by LF (and a BOM first)."""
    text = path.read_text(encoding="utf-8-sig")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def texts(d: Document) -> list[str]:
    """The body texts (page headers and footers are checked by test_redline_cases: a text draft has
    none, so reject-all keeps the adopted file's)."""
    return [p.text for p in d.paragraphs if not p.kind.is_page]


SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def printed(d: Document, real_footnotes: bool = False) -> list[str]:
    """Paragraphs as LibreOffice's text export prints them: a list label Word draws comes first,
    after the paragraph's indent (so "    1. Strongly condemns ..."). Word footnotes are left out and
    their references print as plain digits."""
    body = [p for p in d.paragraphs if not p.kind.is_page]     # LibreOffice prints no page header or footer
    if real_footnotes:
        return [(f"    {p.numbering} " if p.numbering else "") + p.text.translate(SUPERSCRIPT_DIGITS)
                for p in body if p.kind is not Kind.FOOTNOTE]
    return [f"    {p.numbering} {p.text}" if p.numbering else p.text for p in body]


def _mutated(seed: int) -> tuple[Document, Document, CompareOptions]:
    """A generated pair with moves, word edits, label changes, quote/case/space variants, a split, a merge
    and paragraphs inserted and deleted at both ends of the document."""
    rng = random.Random(seed)
    sp = make_pair(30, words_per_paragraph=rng.choice([6, 30]), edit_rate=0.15, n_moves=5, seed=seed)
    draft, adopted = list(sp.draft), list(sp.adopted)
    for k in rng.sample(range(len(adopted)), 8):
        adopted[k] = rng.choice([adopted[k][:1].lower() + adopted[k][1:], adopted[k].replace(" ", "  ", 2),
                                 "\u201c" + adopted[k] + "\u201d"])
    k = rng.randrange(len(adopted) - 1)
    adopted[k:k + 2] = [adopted[k] + " " + adopted[k + 1]]
    words = adopted[3].split(" ")
    adopted[3:4] = [" ".join(words[:len(words) // 2]), " ".join(words[len(words) // 2:])]
    draft.insert(0, "Dropped first paragraph;")
    draft.append("Dropped last paragraph.")
    adopted.insert(0, "New first paragraph;")
    adopted += ["New last paragraph;", "Another new last paragraph."]
    pre_d = {i: f"{i + 1}.\t" for i in range(len(draft))}
    pre_a = {i: f"{i + 1}.\t" if rng.random() < 0.7 else f"OP{i + 1}bis. " for i in range(len(adopted))}
    return doc(draft, "d.txt", prefixes=pre_d), doc(adopted, "a.txt", prefixes=pre_a), CompareOptions(ignore_case=True)


def _case_generated_edits(seed: int):
    def build(tmp):
        bodies = [p.body for p in load_document(SEEDS / "adopted_en.txt").paragraphs if p.kind.is_body]
        e = edit(bodies, seed)
        c = compare_documents(doc(e.draft, "draft.txt"), doc(e.adopted, "adopted.txt"),
                              CompareOptions(ignore_case=True))
        assert {p.kind.value for p in c.pairs} >= {"moved", "split", "merged", "inserted", "deleted", "changed"}
        return c
    return build


def _case_mutated(seed: int, ignore_labels: bool):
    def build(tmp):
        d, a, options = _mutated(seed)
        c = compare_documents(d, a, CompareOptions(ignore_case=True, ignore_labels=ignore_labels))
        assert {p.kind.value for p in c.pairs} >= {"moved", "inserted", "deleted", "changed"}
        return c
    return build


def _case_files(draft: Path, adopted: Path, **options):
    return lambda tmp: compare_files(draft, adopted, CompareOptions(**options))


def _case_insertions_meeting_across_a_kept_break(tmp):
    # LibreOffice joins an insertion ending one paragraph with one starting the next, swallowing the
    # break between them on reject, unless the exporter lays them out differently.
    draft = ["Notes the report of the Secretary-General", "decides to continue its work on the matter",
             "Requests further information on the issue", "Remains seized"]
    adopted = ["Notes the report of the Secretary-General on Mali", "and decides to continue its work on the matter",
               "Entirely new paragraph with nothing in common whatsoever", "Requests further information on the issue",
               "Remains actively seized"]
    return compare_documents(doc(draft, "d.txt"), doc(adopted, "a.txt"))


def _case_adopted_docx(tmp):
    """The sample draft (.txt, typed PP/OP labels) against the adopted text as Word makes it (styles,
    operative paragraphs numbered by Word, italic verbs, a real footnote)."""
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted_numbered.docx")
    return compare_files(SAMPLES / "draft_en.txt", adopted)


def _case_both_docx(tmp):
    """Both sides numbered by Word: an operative paragraph deleted, one inserted, one changed."""
    lines = (SAMPLES / "adopted_en.txt").read_text(encoding="utf-8").split("\n\n")
    draft_lines = [line.replace("112", "120").replace("3. *Also calls upon*", "3. *Further calls upon*")
                   for line in lines if not line.startswith("6. ")]
    draft_lines.insert(-4, "9. *Decides* to consider the matter again at its next session;")
    (tmp / "draft_numbered.txt").write_text("\n\n".join(draft_lines), encoding="utf-8")
    draft = resolution_docx(tmp / "draft_numbered.txt", tmp / "draft_numbered.docx")
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted_numbered2.docx")
    c = compare_files(draft, adopted)
    assert {p.kind.value for p in c.pairs} >= {"inserted", "deleted", "changed"}
    return c


def _case_adopted_docx_with_its_own_revisions(tmp):
    """An adopted .docx still holding tracked changes (read accepted): a revised run, a tracked paragraph
    mark and a tracked numbering change must not leak their ids or marks into the export."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    path = resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted_revised.docx")
    d = docx.Document(path)
    rev = 'w:id="{}" w:author="Secretariat" w:date="2026-04-03T09:00:00Z"'
    op = next(p for p in d.paragraphs if p.text.startswith("Urges"))
    op._p.append(parse_xml(f'<w:ins {nsdecls("w")} {rev.format(1)}><w:r><w:t xml:space="preserve"> and fairness'
                           '</w:t></w:r></w:ins>'))
    op._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:ins {rev.format(2)}/></w:rPr>'))
    numbered = next(p for p in d.paragraphs if p.text.startswith("Encourages"))
    numbered._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{NUM_ID}"/><w:ins {rev.format(3)}/></w:numPr>'))
    d.save(path)
    c = compare_files(SAMPLES / "draft_en.txt", path)
    assert c.adopted.had_tracked_changes
    return c


def _case_seed_adopted_docx(tmp):
    """The French draft against the English adopted text as a Word-numbered .docx: whole-paragraph
    replacements whose kept marks carry Word numbering the draft did not have."""
    adopted = resolution_docx(SEEDS / "adopted_en.txt", tmp / "seed_adopted.docx")
    c = compare_files(SEEDS / "draft_fr.txt", adopted)
    assert c.cross_language and sum(1 for p in c.adopted.paragraphs if p.numbering) == 31
    return c


def _case_mutated_word(seed: int):
    """A generated pair whose adopted side is a Word file: paragraphs randomly numbered by Word (their
    typed label dropped) or not, opening words in italics; new paragraphs at both ends."""
    def build(tmp):
        import docx
        rng = random.Random(seed)
        d, a, options = _mutated(seed)
        word = docx.Document()
        for p in a.paragraphs:
            numbered = rng.random() < 0.6
            para = word.add_paragraph(style="List Number" if numbered else None)
            first, _, rest = (p.body if numbered else p.text).partition(" ")
            para.add_run(first).italic = True
            para.add_run(" " + rest if rest else "")
        word.save(tmp / f"word_{seed}.docx")
        (tmp / f"typed_{seed}.txt").write_text("\n".join(texts(d)) + "\n", encoding="utf-8")
        c = compare_files(tmp / f"typed_{seed}.txt", tmp / f"word_{seed}.docx", options)
        assert sum(1 for p in c.adopted.paragraphs if p.numbering) > 10
        return c
    return build


def _case_footnotes_on_both_sides(tmp):
    """Word files on both sides with real footnotes: one note's text changed (A/HRC/62/40 -> 41), one
    note only in the draft (its reference deleted with it)."""
    text = (SAMPLES / "adopted_en.txt").read_text(encoding="utf-8")
    draft_text = text.replace("A/HRC/62/41.", "A/HRC/62/40.").replace("in January 2026,", "in January 2026,²")
    draft_text = draft_text.replace("¹ A/HRC/62/40.", "¹ A/HRC/62/40.\n\n² See A/HRC/61/2.")
    (tmp / "draft_notes.txt").write_text(draft_text, encoding="utf-8")
    c = compare_files(resolution_docx(tmp / "draft_notes.txt", tmp / "draft_notes.docx"),
                      resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted_notes.docx"))
    assert [p.text for p in c.draft.paragraphs if p.kind is Kind.FOOTNOTE] == ["¹ A/HRC/62/40.", "² See A/HRC/61/2."]
    return c


LO_CASES = {
    "sample": _case_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"),
    "sample_case_labels": _case_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt", ignore_case=True,
                                      ignore_labels=False),
    "seed_cross_language": _case_files(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt"),
    "generated_edits_3": _case_generated_edits(3),
    "generated_edits_5": _case_generated_edits(5),
    "generated_pair_1": _case_mutated(1, True),
    "generated_pair_2": _case_mutated(2, False),
    "generated_pair_6": _case_mutated(6, True),
    "insertions_meeting": _case_insertions_meeting_across_a_kept_break,
    "adopted_docx_numbered_by_word": _case_adopted_docx,
    "both_docx_numbered_by_word": _case_both_docx,
    "adopted_docx_with_its_own_revisions": _case_adopted_docx_with_its_own_revisions,
    "seed_cross_language_adopted_docx": _case_seed_adopted_docx,
    "generated_word_numbered_0": _case_mutated_word(0),
    "footnotes_on_both_sides": _case_footnotes_on_both_sides,
    "generated_word_numbered_7": _case_mutated_word(7),
    "only_paragraph_replaced": lambda tmp: compare_documents(doc(["Totally different text number one here;"], "d.txt"),
                                                         doc(["Nothing in common whatsoever with it."], "a.txt")),
}


@pytest.fixture(scope="module")
def lo_results(tmp_path_factory):
    """Export every case, then accept-all and reject-all each in one LibreOffice session."""
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    tmp = tmp_path_factory.mktemp("lo")
    comparisons, paths = {}, []
    for name, build in LO_CASES.items():
        c = comparisons[name] = build(tmp)
        paths.append(str(export(c, tmp, f"{name}.docx")))
    script = tmp / "batch.py"
    script.write_text(BATCH, encoding="utf-8")
    run = subprocess.run(["/usr/bin/python3", str(script), str(LO_TRACKED), *paths], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr
    return tmp, comparisons


@requires_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(LO_CASES))
def test_libreoffice_accept_all_is_adopted_and_reject_all_is_draft(lo_results, name):
    tmp, comparisons = lo_results
    c = comparisons[name]
    assert_well_formed_revisions(body_xml(tmp / f"{name}.docx"))
    root = body_xml(tmp / f"{name}.docx")
    notes = next(root.iter(W + "footnoteReference"), None) is not None
    assert lo_paragraphs(tmp / f"{name}.accept.txt") == printed(c.adopted, notes)
    assert lo_paragraphs(tmp / f"{name}.reject.txt") == printed(c.draft, notes)
    # Our reader sees the same texts in the file itself, footnotes placed after their paragraph.
    out = tmp / f"{name}.docx"
    assert texts(read_docx(out, out.read_bytes(), tracked="accepted")) == texts(c.adopted)
    assert texts(read_docx(out, out.read_bytes(), tracked="original")) == texts(c.draft)


def test_read_only_folder_is_reported_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import errno
    import tempfile
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")

    def refused(*a, **k):       # what a read-only folder does to any user but root
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(ExportError, match="cannot write: permission denied"):
        export_tracked(c, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_is_reported_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import os
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full"):
        export_tracked(c, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_new_footnote_marker_stays_in_its_paragraph(tmp_path):
    """The adopted text adds "¹" to PP4 and the note after it: the marker stays at the end of PP4 (a
    split-off "¹" paragraph would also be exact, but reads badly); the kept mark moves to the note."""
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    texts_ = ["".join(t.text or "" for t in p.iter(W + "t", W + "delText")) for p in root.iter(W + "p")]
    pp4 = next(n for n, t in enumerate(texts_) if "Taking note of the report" in t)
    assert texts_[pp4].endswith("Examplia,¹") and texts_[pp4 + 1] == "¹ A/HRC/62/41."
    assert mark_kinds(root)[pp4:pp4 + 2] == ["ins", ""]
    note = list(root.iter(W + "p"))[pp4 + 1]
    old = note.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle")
    assert old is not None and old.get(W + "val") == "DCPreamble"   # reject-all: PP4 keeps its style


def test_revisions_carry_the_comparison_date_by_default(tmp_path):
    from datetime import timedelta
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    compared = datetime(2026, 3, 31, 18, 5, tzinfo=timezone.utc)
    c = replace(c, compared_at=compared)
    root = body_xml(export_tracked(c, tmp_path / "t.docx", author="R"))
    assert {el.get(W + "date") for el in root.iter(W + "ins", W + "del")} == {"2026-03-31T18:05:00Z"}
    fresh = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    assert abs(fresh.compared_at - datetime.now(timezone.utc)) < timedelta(minutes=5)
