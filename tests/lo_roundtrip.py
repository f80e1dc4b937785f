"""Round trip through LibreOffice: accept-all and reject-all of tracked files, compared in text and in
LibreOffice's object model with the documents they must give back.

For each case (draft, adopted, tracked) the references are LibreOffice's own reading of the inputs (a
document that holds revisions of its own is taken with them accepted, as the comparison reads it), so
list labels and field results are laid out by the same client on both sides. One soffice serves every
document of a batch (``../shared/tools/lo_tracked.py --batch``).
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import LO_TRACKED

# Inventory items compared: LibreOffice's object model after accept-all / reject-all.
# LibreOffice 7.4 puts a zero-width joiner into each empty cell of a tracked table row, so that the
# row's change has a character to hold, and accept-all can leave it there. It is LibreOffice's, never in
# our files (a test checks that no export writes U+200D), so it is not counted as text.
ZWJ = "\u200d"
COMPARED = ("tables", "table_cells", "graphics", "objects", "shapes", "frames", "footnotes", "endnotes",
            "fields", "hyperlinks")


@dataclass
class Case:
    name: str
    draft: Path
    adopted: Path
    tracked: Path
    problems: list[str] = field(default_factory=list)
    revisions: int = -1              # LibreOffice's count of revisions in the tracked file
    inputs_differ: bool = True       # LibreOffice reads the draft and the adopted file differently


def _lines(text: str) -> list[str]:
    """Text as compared: lines with their ends stripped, blank lines dropped."""
    return [line.rstrip() for line in text.replace("\r", "").split("\n") if line.strip()]


def _norm_inventory(inv: dict) -> dict:
    out = {}
    for key in COMPARED:
        value = inv.get(key)
        if isinstance(value, list) and key in ("footnotes", "endnotes", "frames", "fields"):
            value = sorted(" ".join(v.split()) for v in value)
        elif key == "table_cells" and isinstance(value, list):
            value = sorted([" ".join(c.split()) for c in table] for table in value)
        out[key] = value
    return out


def run_batch(cases: list[Case], work: Path, timeout: float = 1800) -> list[Case]:
    """Fill each case's ``problems`` (empty when accept-all gives the adopted document and reject-all
    the draft, in text and in every COMPARED inventory item)."""
    work.mkdir(parents=True, exist_ok=True)
    jobs, refs = [], {}
    for doc in {c.draft for c in cases} | {c.adopted for c in cases}:
        refs[doc] = work / ("ref_%d.txt" % len(refs))
        jobs.append({"input": str(doc), "op": "accept", "out": str(refs[doc])})
    for k, c in enumerate(cases):
        jobs.append({"input": str(c.tracked), "op": "accept", "out": str(work / ("acc_%d.txt" % k))})
        jobs.append({"input": str(c.tracked), "op": "reject", "out": str(work / ("rej_%d.txt" % k))})
    (work / "jobs.jsonl").write_text("".join(json.dumps(j) + "\n" for j in jobs))
    proc = subprocess.run(["/usr/bin/python3", str(LO_TRACKED), "--batch", str(work / "jobs.jsonl"),
                           "--profile", str(work / "profile")],
                          capture_output=True, text=True, timeout=timeout)
    results = {}
    for line in proc.stdout.splitlines():
        res = json.loads(line)
        results[(res["input"], res["op"])] = res
    for k, c in enumerate(cases):
        d_ref, a_ref = results.get((str(c.draft), "accept")), results.get((str(c.adopted), "accept"))
        if d_ref and a_ref and d_ref.get("ok") and a_ref.get("ok"):
            c.inputs_differ = (_lines(refs[c.draft].read_text(encoding="utf-8"))
                               != _lines(refs[c.adopted].read_text(encoding="utf-8"))
                               or _norm_inventory(d_ref["inventory"]) != _norm_inventory(a_ref["inventory"]))
        for op, ref, out in (("accept", c.adopted, work / ("acc_%d.txt" % k)),
                             ("reject", c.draft, work / ("rej_%d.txt" % k))):
            got, want = results.get((str(c.tracked), op)), results.get((str(ref), "accept"))
            if got and got.get("ok"):
                c.revisions = got.get("count", -1)
            if not got or not got.get("ok") or not want or not want.get("ok"):
                c.problems.append("%s: LibreOffice failed: %s" % (op, (got or {}).get("error") or proc.stderr[-300:]))
                continue
            if got.get("left"):
                c.problems.append("%s: %d revisions left" % (op, got["left"]))
            text, want_text = out.read_text(encoding="utf-8"), refs[ref].read_text(encoding="utf-8")
            if ZWJ not in want_text:
                text = text.replace(ZWJ, "")
            if _lines(text) != _lines(want_text):
                c.problems.append("%s: text differs" % op)
            g, w = _norm_inventory(got["inventory"]), _norm_inventory(want["inventory"])
            if ZWJ not in json.dumps(w["table_cells"]):
                g["table_cells"] = json.loads(json.dumps(g["table_cells"]).replace("\\u200d", ""))
            for key in COMPARED:
                if g[key] != w[key]:
                    c.problems.append("%s: %s %s != %s" % (op, key, _short(g[key]), _short(w[key])))
    return cases


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 160 else text[:157] + "..."


if __name__ == "__main__":      # python -m tests.lo_roundtrip WORKDIR DRAFT ADOPTED TRACKED ...
    work = Path(sys.argv[1])
    args = sys.argv[2:]
    cases = [Case(Path(t).stem, Path(d), Path(a), Path(t)) for d, a, t in zip(args[::3], args[1::3], args[2::3])]
    for c in run_batch(cases, work):
        print(c.name, "OK" if not c.problems else "; ".join(c.problems))
