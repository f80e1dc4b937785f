"""``draftcompare --selftest``: passes on a good copy, and fails (or skips) for the right reasons."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from conftest import ROOT
from app import selftest


def run_in_process(capsys, *args: str) -> tuple[int, str]:
    code = selftest.run_selftest(list(args))
    return code, capsys.readouterr().out


def line(out: str, name: str) -> str:
    return next(l for l in out.splitlines() if l[6:].startswith(name))


def test_selftest_passes_headless_with_the_window(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-m", "app", "--selftest", "--gui", "--keep"], cwd=ROOT,
                         capture_output=True, text=True, timeout=180, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "selftest passed: 9/9 checks" in out.stdout and "FAIL" not in out.stdout
    assert "moved ¶9→¶14, split ¶12→2" in line(out.stdout, "compare sample pair")
    # The title names the pair; Qt adds the application's name to it once (issue #16: not twice).
    assert "offscreen" in line(out.stdout, "window") and "title 'draft_en.txt ↔ adopted_en.txt" in line(out.stdout, "window")
    kept = out.stdout.rsplit("outputs in ", 1)[1].strip()
    assert sorted(p.name for p in os.scandir(kept)) == [
        "annotated.docx", "comparison.json", "sheet.docx", "sheet.pdf", "tracked.docx"]


def test_an_exporter_that_raises_fails_the_selftest(capsys, monkeypatch):
    import app.io.export_annotated as annotated

    def broken(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(annotated, "export_annotated", broken)
    code, out = run_in_process(capsys)
    assert code == 1
    assert line(out, "export annotated").startswith("FAIL") and "RuntimeError: boom" in out
    assert line(out, "export tracked").startswith("ok")
    assert "selftest FAILED: 7/8" in out


def test_an_absent_exporter_is_skipped_from_source_but_fails_in_a_bundle(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "app.io.export_sheet_docx", None)   # import raises ModuleNotFoundError
    code, out = run_in_process(capsys)
    assert code == 0 and line(out, "export sheet (.docx)").startswith("skip")
    monkeypatch.setattr(selftest, "frozen", lambda: True)
    code, out = run_in_process(capsys)
    assert code == 1 and line(out, "export sheet (.docx)").startswith("FAIL")


def test_wrong_samples_fail_the_comparison_check(capsys, monkeypatch, tmp_path):
    (tmp_path / "samples").mkdir()
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "draftcompare.svg").write_text("<svg/>")
    for name in ("draft_en.txt", "adopted_en.txt"):   # the same text twice: nothing moved or split
        (tmp_path / "samples" / name).write_text("The General Assembly,\n\n1. Decides to remain seized.\n")
    monkeypatch.setattr(selftest, "resources_dir", lambda: tmp_path)
    code, out = run_in_process(capsys)
    assert code == 1 and "FAIL  compare sample pair" in out and "expected" in out


def test_missing_resources_fail(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "resources_dir", lambda: tmp_path)
    code, out = run_in_process(capsys)
    assert code == 1 and "FAIL  resources" in out and "draft_en.txt" in line(out, "resources")


def test_network_use_during_the_selftest_is_refused_and_reported(capsys, monkeypatch):
    import app.io.json_export as json_export
    real = json_export.write_json

    def phoning_home(c, path):
        try:
            socket.create_connection(("example.org", 80), timeout=1)
        except OSError:
            pass                                  # even a swallowed attempt must be reported
        return real(c, path)
    monkeypatch.setattr(json_export, "write_json", phoning_home)
    code, out = run_in_process(capsys)
    assert code == 1
    assert line(out, "export json").startswith("ok")
    assert line(out, "no network").startswith("FAIL") and "create_connection" in out


def test_network_guard_refuses_everything_and_restores_the_socket_module():
    before = (socket.create_connection, socket.getaddrinfo, socket.socket.__init__)
    with selftest.NetworkGuard() as guard:
        for attempt in (lambda: socket.socket(), lambda: socket.getaddrinfo("localhost", 80),
                        lambda: socket.create_connection(("127.0.0.1", 9)), lambda: socket.gethostbyname("x")):
            with pytest.raises(OSError, match="refused"):
                attempt()
    assert len(guard.attempts) == 4
    assert (socket.create_connection, socket.getaddrinfo, socket.socket.__init__) == before
    assert "connect" not in socket.socket.__dict__          # inherited from _socket.socket again
    a, b = socket.socketpair()                               # sockets work again after the guard
    a.close(), b.close()


def test_application_icon_and_the_generated_icon_files(qapp):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageReader
    from app.ui.application import ensure_application, icons_dir
    icon = ensure_application().windowIcon()
    assert {QSize(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(icon.availableSizes())
    for name, sizes in (("draftcompare.ico", [16, 24, 32, 48, 64, 128, 256]),
                        ("draftcompare.icns", [16, 32, 64, 128, 256, 512, 1024, 32, 64, 256, 512])):
        reader = QImageReader(str(icons_dir() / name))
        found = []
        for i in range(reader.imageCount()):
            reader.jumpToImage(i)
            image = reader.read()
            assert not image.isNull(), (name, i, reader.errorString())
            found.append(image.width())
        assert found == sizes, name
