#!/usr/bin/python3
"""Accept the tracked changes of some authors and reject the others, in headless LibreOffice (UNO).

Used on the cumulative file of a trail (``app.io.export_cumulative``): accepting the revisions of the
authors of versions 1..k and rejecting the rest must give version k. LibreOffice has no call that
accepts one author's changes, so each redline is resolved on its own: the view cursor is put at the
redline's start (collapsed, so only that redline is meant) and ``.uno:AcceptTrackedChange`` or
``.uno:RejectTrackedChange`` is dispatched, which acts on the redline at the cursor. Redlines are taken
first to last, again and again, until none is left.

Text one round inserted and a later one deleted (``<w:ins><w:del>`` in the file) is one *stacked*
redline in LibreOffice: a Delete by the later author whose ``RedlineSuccessorData`` is the Insert by the
earlier one. It is resolved by its top (the deletion): accepted when that author is, which removes the
text; rejected otherwise, after which the insertion, when LibreOffice keeps it, is resolved by its own
author on the next pass. The report counts what LibreOffice did with them. A redline is told from
the one that replaces it by LibreOffice's RedlineIdentifier, type, author and stacked data, never by
its text: a text cursor spanning RedlineStart..RedlineEnd crashed soffice 7.4 now and then.

Usage (system Python with python3-uno: /usr/bin/python3):
  python3 tests/lo_authors.py FILE.docx --accept "rev.1,rev.2"     # prints the paragraphs, one a line
  python3 tests/lo_authors.py --batch jobs.jsonl                     # one soffice for every job
Batch: each line is {"input": PATH, "accept": [AUTHOR, ...], "key": ANY} (or "all": "accept" | "reject"
instead of "accept": LibreOffice's own Accept All / Reject All); each result is printed as
one JSON line {"input", "key", "ok", "paragraphs", "redlines", "left", "accepted", "rejected",
"stacked", "stacked_kept", "error"}, in order. From pytest, ``run_jobs`` does that through a subprocess.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LO_TOOLS = HERE.parent.parent / "shared" / "tools"      # lo_tracked.py: starting and stopping soffice
TRACE = bool(os.environ.get("LO_AUTHORS_TRACE"))        # print every action to stderr
PASSES = 4                                              # a stacked redline takes two; more is a loop


# -- from pytest (any interpreter) ----------------------------------------------------------------------

def run_jobs(jobs: list[dict], work: Path, timeout: float = 900) -> list[dict]:
    """Run ``jobs`` ({"input", "accept" or "all", "key"}) in one LibreOffice; return the results in order.
    Raises RuntimeError when LibreOffice gives no result for a job (its stderr in the message)."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "author_jobs.jsonl"
    path.write_text("".join(json.dumps(j) + "\n" for j in jobs), encoding="utf-8")
    proc = subprocess.run(["/usr/bin/python3", str(Path(__file__).resolve()), "--batch", str(path),
                           "--profile", str(work / "lo_profile")],
                          capture_output=True, text=True, timeout=timeout)
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if len(results) != len(jobs):
        raise RuntimeError(f"LibreOffice gave {len(results)} results for {len(jobs)} jobs: {proc.stderr[-800:]}")
    return results


# -- inside LibreOffice (system Python with uno) --------------------------------------------------------

def _office():
    sys.path.insert(0, str(LO_TOOLS))
    import lo_tracked                                    # noqa: E402 - needs uno, found at run time
    return lo_tracked


def paragraphs(doc) -> list[str]:
    """The body's paragraph texts in order (tables' cells are not walked: the files have none)."""
    out, en = [], doc.getText().createEnumeration()
    while en.hasMoreElements():
        p = en.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            out.append(p.getString())
    return out


def _signature(redline) -> tuple:
    """What tells a redline from the one that takes its place: LibreOffice's identifier for it, its type,
    author and stacked data."""
    successor = redline.getPropertyValue("RedlineSuccessorData")
    below = tuple(sorted((p.Name, str(p.Value)) for p in successor)) if successor else ()
    return (redline.getPropertyValue("RedlineType"), redline.getPropertyValue("RedlineAuthor"), below,
            redline.getPropertyValue("RedlineIdentifier"))


def resolve(ctx, doc, accept: set[str]) -> dict:
    """Accept the redlines whose author is in ``accept``, reject the others, one at a time. Returns
    counts: accepted, rejected, stacked (stacked redlines resolved), stacked_kept (stacked redlines
    whose insertion LibreOffice kept after the deletion on top was rejected), left (redlines that did
    not go)."""
    dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    frame = doc.getCurrentController().getFrame()
    cursor = doc.getCurrentController().getViewCursor()
    stats = {"accepted": 0, "rejected": 0, "stacked": 0, "stacked_kept": 0}
    skip = 0                                             # redlines before this index would not resolve
    for _ in range(PASSES * max(1, doc.getRedlines().getCount()) + 10):
        redlines = doc.getRedlines()
        count = redlines.getCount()
        if count <= skip:
            break
        redline = redlines.getByIndex(skip)
        before = _signature(redline)
        kind, author, below, _ = before
        take = author in accept
        if TRACE:
            print(f"lo_authors: {'accept' if take else 'reject'} #{skip}/{count} {kind} {author} "
                  f"{dict(below).get('RedlineAuthor', '')}", file=sys.stderr, flush=True)
        cursor.gotoRange(redline.getPropertyValue("RedlineStart"), False)
        dispatcher.executeDispatch(frame, ".uno:AcceptTrackedChange" if take else ".uno:RejectTrackedChange",
                                   "", 0, ())
        redlines = doc.getRedlines()
        now = _signature(redlines.getByIndex(skip)) if redlines.getCount() > skip else None
        if redlines.getCount() == count and now == before:
            skip += 1                                    # nothing happened: leave it, counted as left
            continue
        stats["accepted" if take else "rejected"] += 1
        if below:
            stats["stacked"] += 1
            if not take and redlines.getCount() == count and now is not None \
                    and now[:2] == ("Insert", dict(below).get("RedlineAuthor")):
                stats["stacked_kept"] += 1
    stats["left"] = doc.getRedlines().getCount()
    return stats


def run_one(lo, ctx, desktop, path: str, accept: list[str], every: str | None = None) -> dict:
    """Load ``path``, resolve its redlines (by author, or all at once with LibreOffice's own
    Accept All / Reject All when ``every`` is "accept" or "reject"), return the result dict."""
    import uno
    res = {"input": path, "ok": False}
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                       lo.props(Hidden=True, ReadOnly=False))
    if doc is None:
        res["error"] = "could not load " + path
        return res
    try:
        res["redlines"] = doc.getRedlines().getCount()
        if every in ("accept", "reject"):
            command = ".uno:AcceptAllTrackedChanges" if every == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            res["left"] = doc.getRedlines().getCount()
        else:
            res.update(resolve(ctx, doc, set(accept)))
        res["paragraphs"] = paragraphs(doc)
        res["ok"] = True
    finally:
        doc.close(True)
    return res


def main(argv: list[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?")
    ap.add_argument("--accept", default="", help="comma-separated authors whose changes are accepted")
    ap.add_argument("--batch", metavar="JOBS")
    ap.add_argument("--profile", help="LibreOffice user profile folder (default: a fresh temporary one)")
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args(argv)
    if not a.batch and not a.input:
        ap.error("give a .docx or --batch JOBS")
    lo = _office()
    profile = a.profile or tempfile.mkdtemp(prefix="lo_authors_")
    proc, ctx, desktop = lo.start_office(os.path.abspath(profile), a.timeout)
    try:
        if a.batch:
            with open(a.batch, encoding="utf-8") as f:
                jobs = [json.loads(line) for line in f if line.strip()]
            for job in jobs:
                try:
                    res = run_one(lo, ctx, desktop, job["input"], job.get("accept", []), job.get("all"))
                except Exception as exc:                 # record it and go on with the next job
                    res = {"input": job["input"], "ok": False, "error": f"{type(exc).__name__}: {exc}"}
                res["key"] = job.get("key")
                print(json.dumps(res, ensure_ascii=False), flush=True)
        else:
            res = run_one(lo, ctx, desktop, a.input, [x for x in a.accept.split(",") if x])
            for text in res.get("paragraphs", []):
                print(text)
            print(json.dumps({k: v for k, v in res.items() if k != "paragraphs"}), file=sys.stderr)
    finally:
        lo.stop_office(proc, desktop)
        if not a.profile:
            import shutil
            shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    import importlib.util
    if importlib.util.find_spec("uno") is None and \
            os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        # started from a venv: hand over to the system Python that has python3-uno
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit(main(sys.argv[1:]))
