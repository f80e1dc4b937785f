"""The self test passes, and no comparison or export ever opens a network connection."""
from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

from conftest import ROOT, SAMPLES

GUARD = """
import socket
def _refuse(*a, **k):
    raise AssertionError("network access attempted")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def test_selftest_passes_headless_and_offline(tmp_path):
    script = GUARD + textwrap.dedent("""
        import sys
        from app.cli import main
        sys.exit(main(["--selftest", "--gui"]))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "selftest passed: 7/7" in out.stdout and "FAIL" not in out.stdout


def test_no_socket_is_created_during_comparison_and_exports(tmp_path, monkeypatch, qapp):
    opened = []

    class Recorder(socket.socket):
        def __init__(self, *a, **k):
            opened.append(a)
            super().__init__(*a, **k)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: opened.append((_n, a)))
    monkeypatch.setattr(socket, "socket", Recorder)
    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    from app.io.export_tracked import export_tracked
    from app.io.json_export import write_json
    from app.io.pipeline import compare_files
    from app.ui.sheet_print import export_sheet_pdf
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    export_tracked(c, tmp_path / "t.docx")
    export_annotated(c, tmp_path / "a.docx")
    export_sheet_docx(c, tmp_path / "s.docx")
    write_json(c, tmp_path / "c.json")
    export_sheet_pdf(c, tmp_path / "s.pdf")
    assert opened == []
