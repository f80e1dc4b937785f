"""The lossless round trip on real Word files: every pair of the WmlComparer corpus
(../shared/corpora/wmlcomparer/pairs.csv, 106 pairs with tables, pictures, SmartArt, equations, text
boxes, fields, links, notes and revisions of their own) goes through the comparison and
``export --tracked``'s code path; LibreOffice's accept-all must give the revised file and reject-all the
original, in text and in its object model (lo_roundtrip.COMPARED), and every file must validate as
well as its inputs do."""
from __future__ import annotations

import csv
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from conftest import SHARED, requires_libreoffice
from lo_roundtrip import Case, run_batch

CORPUS = SHARED / "corpora" / "wmlcomparer"
WHEN = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
_REVISION = re.compile(rb"<w:(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange)\b[^>]*\bw:id=\"(\d+)\"")

pytestmark = pytest.mark.skipif(not (CORPUS / "pairs.csv").exists(), reason="corpus not beside this checkout")


def _pairs() -> list[dict]:
    with open(CORPUS / "pairs.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> list[Case]:
    tmp = tmp_path_factory.mktemp("corpus")
    cases = []
    for row in _pairs():
        draft, adopted = CORPUS / row["original"], CORPUS / row["revised"]
        comparison = compare_files(draft, adopted)
        out = export_tracked(comparison, tmp / f"{row['test_id']}.docx", author="Reviewer", date=WHEN)
        cases.append(Case(row["test_id"], draft, adopted, Path(out)))
    return cases


def test_every_pair_is_exported(exported):
    assert len(exported) == len(_pairs()) == 106


def test_revision_ids_are_unique_in_every_part(exported):
    for case in exported:
        with zipfile.ZipFile(case.tracked) as zf:
            ids = [i for name in zf.namelist() if name.startswith("word/") and name.endswith(".xml")
                   for i in _REVISION.findall(zf.read(name))]
        assert len(ids) == len(set(ids)), case.name


@requires_libreoffice
def test_libreoffice_accept_all_gives_the_revised_file_and_reject_all_the_original(exported, tmp_path):
    # A control case: the revised file given as the "tracked" one has no revisions, so its reject-all
    # is not the original; the checker must say so, or it proves nothing.
    control = Case("control", exported[1].draft, exported[1].adopted, exported[1].adopted)
    run_batch(exported + [control], tmp_path)
    assert control.problems, "the round-trip checker accepted a file without the draft's changes"
    failed = {c.name: c.problems for c in exported if c.problems}
    assert not failed, f"{len(failed)} of {len(exported)} pairs fail: {failed}"
    untracked = [c.name for c in exported if c.revisions == 0 and c.inputs_differ]
    assert not untracked, f"differences with no revision: {untracked}"


def test_every_file_validates_as_well_as_its_inputs(exported):
    audit = pytest.importorskip("openxml_audit", reason="openxml-audit is a test extra")

    cache: dict[Path, set[str]] = {}

    def errors(path: Path) -> set[str]:
        if path not in cache:
            result = audit.OpenXmlValidator(file_format=audit.FileFormat.OFFICE_2016, max_errors=0).validate(str(path))
            cache[path] = {e.description for e in result.errors}
        return cache[path]

    new = {c.name: sorted(errors(c.tracked) - errors(c.adopted) - errors(c.draft)) for c in exported}
    assert not {k: v for k, v in new.items() if v}
