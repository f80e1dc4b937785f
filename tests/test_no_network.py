"""No comparison and no export ever touches the network: no socket, connection or name lookup.

In process (socket layer patched to refuse and record), and in a fresh interpreter with the same guard
installed before anything is imported, so import-time network use would be caught as well.
"""
from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SAMPLES, SEEDS


@pytest.fixture
def refused(monkeypatch):
    """Every way into the network raises and is recorded; the test asserts the record stays empty."""
    calls: list[tuple] = []

    def refuse(name):
        def f(*args, **kwargs):
            calls.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"network refused by the test ({name})")
        return f
    monkeypatch.setattr(socket.socket, "__init__", refuse("socket.__init__"))
    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return calls


def test_the_guard_catches_real_network_use(refused):
    import urllib.request
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.org/", timeout=1)
    assert refused, "the guard missed an HTTP request: the other tests would prove nothing"


def test_comparison_and_every_export_open_no_socket(refused, tmp_path, qapp):
    from app.io.pipeline import compare_files
    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    from app.io.export_tracked import export_tracked
    from app.io.json_export import write_json
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    written = [export_tracked(c, tmp_path / "t.docx", author="Test"), export_annotated(c, tmp_path / "a.docx"),
               export_sheet_docx(c, tmp_path / "s.docx"), write_json(c, tmp_path / "c.json")]
    if importlib.util.find_spec("app.ui.sheet_print"):
        from app.ui.sheet_print import export_sheet_pdf
        written.append(export_sheet_pdf(c, tmp_path / "s.pdf"))
    assert all(p.stat().st_size > 0 for p in written)
    # the exports read back, also under the guard (python-docx resolves no external entity or URL)
    import docx
    assert docx.Document(str(tmp_path / "t.docx")).paragraphs
    assert refused == []


def test_the_window_on_a_comparison_opens_no_socket(refused, qapp):
    from app.io.pipeline import compare_files
    from app.ui.main_window import MainWindow
    w = MainWindow()
    w.show_comparison(compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"))
    qapp.processEvents()
    assert not w.grab().isNull()
    w.hide()           # not close(): that would save this window's geometry in the user's settings
    assert refused == []


# Installed before the application is imported: import-time network use is recorded too. Attempts go to a
# file at exit because the application might catch the OSError and carry on.
BOOTSTRAP = textwrap.dedent("""
    import atexit, json, runpy, socket, sys
    LOG, calls = sys.argv.pop(1), []
    def refuse(name):
        def f(*args, **kwargs):
            calls.append(name)
            raise OSError("network refused (" + name + ")")
        return f
    for name in ("__init__", "connect", "connect_ex"):
        setattr(socket.socket, name, refuse("socket." + name))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        setattr(socket, name, refuse(name))
    atexit.register(lambda: open(LOG, "w").write(json.dumps(calls)))
    sys.argv[0] = "draftcompare"
    runpy.run_module(sys.argv.pop(1), run_name="__main__", alter_sys=True)
""")


def guarded(tmp_path, target: str, *args: str) -> tuple[subprocess.CompletedProcess, list]:
    log = tmp_path / "network.json"
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", BOOTSTRAP, str(log), target, *map(str, args)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, env=env)
    return out, json.loads(log.read_text())


def test_bootstrap_guard_records_an_attempt_in_the_child(tmp_path):
    (tmp_path / "phone.py").write_text("import urllib.request\n"
                                       "try:\n    urllib.request.urlopen('http://example.org/', timeout=1)\n"
                                       "except OSError:\n    pass\n")
    sys_path = f"import sys; sys.path.insert(0, {str(tmp_path)!r})"
    out = subprocess.run([sys.executable, "-c", sys_path + "\n" + BOOTSTRAP, str(tmp_path / "n.json"), "phone"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads((tmp_path / "n.json").read_text()), "the bootstrap guard missed a request"


def test_cli_export_of_everything_opens_no_socket_from_import_on(tmp_path):
    out, calls = guarded(tmp_path, "app", "export", SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt",
                         "--tracked", tmp_path / "t.docx", "--annotated", tmp_path / "a.docx",
                         "--sheet", tmp_path / "s.pdf", "--sheet-docx", tmp_path / "s.docx",
                         "--json", tmp_path / "c.json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert {p.name for p in tmp_path.iterdir()} >= {"t.docx", "a.docx", "s.pdf", "s.docx", "c.json"}
    assert calls == []


def test_cross_language_comparison_opens_no_socket(tmp_path):
    draft, adopted = SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt"
    if not draft.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    out, calls = guarded(tmp_path, "app", "compare", draft, adopted, "--json", tmp_path / "c.json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads((tmp_path / "c.json").read_text())["mode"] == "cross-language"
    assert calls == []


def test_selftest_with_window_opens_no_socket_from_import_on(tmp_path):
    out, calls = guarded(tmp_path, "app", "--selftest", "--gui")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ok    no network" in out.stdout
    assert calls == []
