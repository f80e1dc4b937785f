"""Every Word export passes an ECMA-376 schema and semantic validation (openxml-audit), the check that
found settings.xml children out of schema order and comment styles referenced but never defined.

One finding is accepted: "Numbering definition '0' referenced but not found". ECMA-376 §17.9.18
(numId) reserves the value 0 to remove numbering inherited from a style, which the tracked export
records as the draft form of paragraphs Word numbers through their style; Word writes it the same way.
"""
from __future__ import annotations

import pytest

from app.io.export_annotated import export_annotated
from app.io.export_sheet_docx import export_sheet_docx
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from conftest import SAMPLES, SEEDS
from docx_fixtures import resolution_docx

audit = pytest.importorskip("openxml_audit", reason="openxml-audit is a test extra: pip install -e .[test]")

ACCEPTED = ("Numbering definition '0' referenced but not found",)


def errors(path) -> list[str]:
    result = audit.OpenXmlValidator(file_format=audit.FileFormat.OFFICE_2016, max_errors=0).validate(str(path))
    return sorted({f"{e.part_uri}: {e.description}" for e in result.errors
                   if not any(e.description.startswith(a) for a in ACCEPTED)})


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("valid")
    adopted_docx = resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted_numbered.docx")
    pairs = {"sample": (SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"),
             "adopted_docx": (SAMPLES / "draft_en.txt", adopted_docx)}
    if SEEDS.exists():
        pairs["seed"] = (SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt")
    out = {}
    for name, (draft, adopted) in pairs.items():
        c = compare_files(draft, adopted)
        notes = {0: "Reviewer's note on the first pair."}
        out[f"{name}-tracked"] = export_tracked(c, tmp / f"{name}-tracked.docx", author="R")
        out[f"{name}-annotated"] = export_annotated(c, tmp / f"{name}-annotated.docx", author="R", notes=notes)
        out[f"{name}-sheet"] = export_sheet_docx(c, tmp / f"{name}-sheet.docx", notes=notes)
    return out


@pytest.mark.parametrize("name", [f"{pair}-{kind}" for pair in ("sample", "adopted_docx", "seed")
                                  for kind in ("tracked", "annotated", "sheet")])
def test_word_exports_are_valid_office_open_xml(exports, name):
    if name not in exports:
        pytest.skip("../shared/seeds is not beside this checkout")
    assert errors(exports[name]) == []


def test_the_validator_does_catch_settings_out_of_schema_order(exports, tmp_path):
    """The check is real: the first version appended w:trackRevisions after w:compat."""
    import zipfile
    source = exports["sample-tracked"]
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/settings.xml":
                data = data.replace(b"<w:trackRevisions/>", b"").replace(b"</w:settings>",
                                                                          b"<w:trackRevisions/></w:settings>")
            zout.writestr(item, data)
    assert any("trackRevisions" in e for e in errors(broken))
