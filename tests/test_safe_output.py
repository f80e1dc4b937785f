"""Safe output (issue #17, part A): every exporter writes through ``app.io.atomic.atomic_write``.

Each case runs on the bundled sample pair through the command line (a subprocess with a timeout) and
through the functions, and asserts: exit 0 with a valid output, or exit 2 with exactly one stderr line
naming the file and the reason; never a traceback; the old output intact when a write fails; devices,
FIFOs and symbolic links stay what they were.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from app.io import atomic
from app.io.atomic import atomic_write, atomic_write_text, display_path, export_guard
from app.io.errors import ExportError
from conftest import ROOT, SAMPLES

DRAFT, ADOPTED = SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
EXPORT_FLAGS = {"--json": "json", "--sheet-docx": "docx", "--tracked": "docx", "--annotated": "docx",
                "--sheet": "pdf"}


def cli(*args, umask: int | None = None, env: dict | None = None, timeout: float = 30):
    """Run the command line; returns the CompletedProcess (bytes stdout/stderr: names may be non-UTF-8)."""
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "app", *map(os.fsencode, map(str, args))], cwd=ROOT,
                          capture_output=True, timeout=timeout, env=full_env, preexec_fn=preexec)


def ok(out) -> None:
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 0, err
    assert "Traceback" not in err


def refused(out, *fragments: str) -> str:
    """Exit 2, exactly one stderr line, naming every fragment (the file, the reason); no traceback."""
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 2, (out.returncode, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def valid(path: Path, kind: str) -> None:
    data = Path(path).read_bytes()
    if kind == "json":
        assert json.loads(data.decode("utf-8"))["schema"] == "draftcompare.comparison"
    elif kind == "docx":
        assert "word/document.xml" in zipfile.ZipFile(path).namelist()
    else:
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".part"))


@pytest.fixture(scope="module")
def sample():
    from app.io.pipeline import compare_files
    return compare_files(DRAFT, ADOPTED)


@pytest.fixture(scope="module")
def qt():
    from app.ui.sheet_print import ensure_qt_app
    return ensure_qt_app()


def exporters(sample, qt_needed: bool = True):
    """name -> (function writing ``sample`` to a path, kind of file)."""
    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    from app.io.export_tracked import export_tracked
    from app.io.json_export import write_json
    out = {
        "json": (lambda p: write_json(sample, p), "json"),
        "sheet_docx": (lambda p: export_sheet_docx(sample, p), "docx"),
        "tracked": (lambda p: export_tracked(sample, p, author="T"), "docx"),
        "annotated": (lambda p: export_annotated(sample, p, author="T"), "docx"),
    }
    if qt_needed:
        from app.ui.sheet_print import export_sheet_pdf
        out["sheet_pdf"] = (lambda p: export_sheet_pdf(sample, p), "pdf")
    return out


EXPORTERS = ["json", "sheet_docx", "tracked", "annotated", "sheet_pdf"]


def export(sample, name: str):
    if name == "sheet_pdf":
        from app.ui.sheet_print import ensure_qt_app
        ensure_qt_app()
    return exporters(sample, name == "sheet_pdf")[name]


# ---- 1. non-regular targets: devices, FIFOs, symbolic links ------------------------------------------

@contextlib.contextmanager
def system_device(path: str):
    """A device of the machine (/dev/null, /dev/full), checked after use; as root it is recreated if a
    regression replaced it with a regular file, so a failing test does not break the machine."""
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    before = os.stat(path)
    assert stat.S_ISCHR(before.st_mode)
    try:
        yield path
    finally:
        after = os.lstat(path)
        if not stat.S_ISCHR(after.st_mode) and IS_ROOT:     # repair the machine before failing
            os.unlink(path)
            os.mknod(path, 0o666 | stat.S_IFCHR, before.st_rdev)
            os.chmod(path, stat.S_IMODE(before.st_mode))
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


@pytest.fixture
def dev_null():
    with system_device("/dev/null") as path:
        yield path


class FifoReader:
    """Reads a FIFO on a thread, as `cat fifo` would, and unblocks itself when nothing writes to it."""

    def __init__(self, path: Path) -> None:
        self.path, self.data = path, b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as fh:
            self.data = fh.read()

    def join(self, timeout: float = 5) -> bytes:
        self.thread.join(timeout)
        if self.thread.is_alive():          # the writer never opened the FIFO: let the reader go
            fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
            self.thread.join(1)
        return self.data


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_routine_writes_through_dev_null_and_a_fifo(dev_null, fifo):
    assert atomic_write(dev_null, lambda fh: fh.write(b"x" * 1000)) == Path(dev_null)
    reader = FifoReader(fifo)
    atomic_write_text(fifo, "through the pipe\n")
    assert reader.join() == b"through the pipe\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert parts(fifo.parent) == [] and parts("/dev") == []


@pytest.mark.parametrize("name", EXPORTERS)
def test_every_exporter_writes_through_dev_null_and_a_fifo(sample, name, dev_null, fifo):
    function, kind = export(sample, name)
    function(dev_null)
    reader = FifoReader(fifo)
    function(fifo)
    data = reader.join()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    copy = fifo.parent / f"copy.{kind}"
    copy.write_bytes(data)
    valid(copy, kind)


@pytest.mark.parametrize("flag", list(EXPORT_FLAGS))
def test_cli_writes_through_dev_null_and_a_fifo(flag, tmp_path, dev_null, fifo):
    ok(cli("export", DRAFT, ADOPTED, flag, dev_null))
    reader = FifoReader(fifo)
    ok(cli("export", DRAFT, ADOPTED, flag, fifo))
    data = reader.join()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    (tmp_path / "got").write_bytes(data)
    valid(tmp_path / "got", EXPORT_FLAGS[flag])
    assert parts(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="mknod needs root")
def test_cli_writes_every_export_through_a_device_node(tmp_path):
    node = tmp_path / "null"                            # a character device of our own, as /dev/null is
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = os.lstat(node)
    ok(cli("export", DRAFT, ADOPTED, *[a for flag in EXPORT_FLAGS for a in (flag, node)]))
    after = os.lstat(node)                              # a device may be named by several outputs
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_cli_device_that_is_full_reports_failure():
    with system_device("/dev/full") as full:
        refused(cli("compare", DRAFT, ADOPTED, "--json", full), "/dev/full", "the disk is full")


def test_symlink_stays_a_link_and_its_target_is_replaced(sample, tmp_path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "out.json"
    target.write_text("old")
    link = link_dir / "out.json"
    link.symlink_to(target)
    export(sample, "json")[0](link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    valid(target, "json")
    assert parts(real_dir) == [] and parts(link_dir) == []
    ok(cli("export", DRAFT, ADOPTED, "--sheet-docx", link))           # the command line too
    assert link.is_symlink() and os.readlink(link) == str(target)
    valid(target, "docx")


def test_dangling_symlink_is_refused(sample, tmp_path):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere" / "x.json")
    with pytest.raises(ExportError, match="symbolic link .* does not exist"):
        export(sample, "json")[0](link)
    refused(cli("compare", DRAFT, ADOPTED, "--json", link), str(link), "symbolic link")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(not hasattr(__import__("socket"), "AF_UNIX"), reason="no Unix sockets")
def test_socket_is_refused(tmp_path):
    import socket
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        refused(cli("compare", DRAFT, ADOPTED, "--json", path), str(path), "socket")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


# ---- 2. outputs that are inputs, the review file, folders, names given twice -------------------------

def inputs_copy(tmp_path: Path) -> tuple[Path, Path]:
    draft, adopted = tmp_path / "draft.txt", tmp_path / "adopted.txt"
    shutil.copy(DRAFT, draft)
    shutil.copy(ADOPTED, adopted)
    return draft, adopted


@pytest.mark.parametrize("which", ["draft", "adopted", "review", "journal", "link to adopted", "hard link"])
def test_inputs_and_the_review_file_are_refused(tmp_path, which):
    draft, adopted = inputs_copy(tmp_path)
    review = tmp_path / "adopted.dcreview"
    review.write_text('{"schema": "draftcompare.review"}')
    journal = tmp_path / "adopted.dcreview.autosave"
    journal.write_text("{}")
    link, hard = tmp_path / "link.txt", tmp_path / "hard.txt"
    link.symlink_to(adopted)
    os.link(adopted, hard)
    target = {"draft": draft, "adopted": adopted, "review": review, "journal": journal,
              "link to adopted": link, "hard link": hard}[which]
    before = {p: p.read_bytes() for p in (draft, adopted, review, journal)}
    reason = "review journal" if which == "journal" else "review file" if which == "review" else "input document"
    guard = export_guard(draft, adopted)
    with pytest.raises(ExportError, match=reason):
        atomic_write_text(target, "x", **guard)
    for flag in ("--json", "--tracked"):
        refused(cli("export", draft, adopted, flag, target), str(target), reason)
    refused(cli("compare", draft, adopted, "--json", target), str(target), reason)
    assert {p: p.read_bytes() for p in before} == before
    assert parts(tmp_path) == []


def test_a_review_file_given_on_the_command_line_is_refused(tmp_path):
    draft, adopted = inputs_copy(tmp_path)
    review = tmp_path / "notes.dcreview"
    review.write_text("keep")
    refused(cli("export", draft, adopted, "--review", review, "--sheet-docx", review), str(review), "review file")
    assert review.read_text() == "keep"


@pytest.mark.parametrize("name", EXPORTERS)
def test_every_exporter_refuses_inputs_and_the_review_file(sample, tmp_path, name):
    from app.io.pipeline import compare_files
    draft, adopted = inputs_copy(tmp_path)
    c = compare_files(draft, adopted)
    function = export(c, name)[0]
    for target in (draft, adopted, tmp_path / "adopted.dcreview", tmp_path / "adopted.dcreview.autosave"):
        with pytest.raises(ExportError, match="refusing to overwrite"):
            function(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adopted.txt", "draft.txt"]


def test_trailing_slash_and_folders_are_refused(sample, tmp_path):
    with pytest.raises(ExportError, match="ends with '/'"):
        export(sample, "json")[0](str(tmp_path / "out.json") + "/")
    with pytest.raises(ExportError, match="folder"):
        export(sample, "json")[0](tmp_path)
    refused(cli("compare", DRAFT, ADOPTED, "--json", f"{tmp_path}/out.json/"), "out.json/", "ends with '/'")
    refused(cli("export", DRAFT, ADOPTED, "--sheet-docx", tmp_path), str(tmp_path), "folder")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("first,second", [("--json", "--sheet-docx"), ("--tracked", "--annotated"),
                                          ("--sheet", "--json")])
def test_the_same_output_given_twice_is_refused(tmp_path, first, second):
    out = tmp_path / "x"
    line = refused(cli("export", DRAFT, ADOPTED, first, out, second, f"{tmp_path}/./x"), "two outputs")
    assert first in line and second in line and (f"{out}:" in line or f"{tmp_path}/./x:" in line)
    assert list(tmp_path.iterdir()) == []                # refused before anything is written


# ---- 3. temporary files ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", EXPORTERS)
def test_temporary_file_is_removed_when_the_export_fails(sample, tmp_path, monkeypatch, name):
    function, _ = export(sample, name)
    target = tmp_path / "out"
    target.write_bytes(b"old good output")

    def broken(fd):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(ExportError, match="cannot write: input/output error"):
        function(target)
    assert target.read_bytes() == b"old good output" and parts(tmp_path) == []


def test_temporary_file_is_removed_when_the_writer_raises(tmp_path):
    target = tmp_path / "out.json"

    def half(fh):
        fh.write(b"{")
        raise RuntimeError("the builder failed")
    with pytest.raises(RuntimeError):
        atomic_write(target, half)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, lambda fh: (_ for _ in ()).throw(KeyboardInterrupt()))
    assert list(tmp_path.iterdir()) == []


def stale_parts(folder: Path, name: str) -> tuple[Path, Path, Path]:
    old = folder / f".{name}.ab12cd34.part"
    fresh = folder / f".{name}.ef56gh78.part"
    other = folder / ".another.json.ab12cd34.part"
    for p in (old, fresh, other):
        p.write_bytes(b"left by a crash")
    hours_ago = time.time() - 2 * 3600
    for p in (old, other):
        os.utime(p, (hours_ago, hours_ago))
    return old, fresh, other


@pytest.mark.parametrize("name", EXPORTERS)
def test_stale_temporary_files_of_the_target_are_removed(sample, tmp_path, name):
    old, fresh, other = stale_parts(tmp_path, "out.bin")
    export(sample, name)[0](tmp_path / "out.bin")
    assert not old.exists() and fresh.exists() and other.exists()


def test_cli_removes_stale_temporary_files(tmp_path):
    old, fresh, other = stale_parts(tmp_path, "c.json")
    ok(cli("compare", DRAFT, ADOPTED, "--json", tmp_path / "c.json"))
    assert not old.exists() and fresh.exists() and other.exists()
    valid(tmp_path / "c.json", "json")


# ---- 4. full disk, read-only folder ------------------------------------------------------------------

@pytest.mark.parametrize("name", EXPORTERS)
def test_full_disk_keeps_the_old_output(sample, tmp_path, monkeypatch, name):
    function, _ = export(sample, name)
    target = tmp_path / "out"
    target.write_bytes(b"old good output")

    def full_fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full_fsync)
    with pytest.raises(ExportError, match="the disk is full") as info:
        function(target)
    assert str(target) in info.value.message and "\n" not in info.value.message
    assert target.read_bytes() == b"old good output" and parts(tmp_path) == []


def test_full_disk_while_writing_keeps_the_old_output(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")

    def write(fh):
        fh.write(b"{" * 100)
        raise OSError(errno.ENOSPC, "No space left on device")   # what fh.write does on a full disk
    with pytest.raises(ExportError, match="out.json: cannot write: the disk is full"):
        atomic_write(target, write)
    assert target.read_text() == "old" and parts(tmp_path) == []


def test_incomplete_pdf_is_not_renamed_into_place(sample, tmp_path, qt, monkeypatch):
    from app.ui import sheet_print
    from app.ui.stepped import drain
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF-1.4 old good sheet %%EOF")
    good = drain(sheet_print.render_pdf_steps(sample))
    for cut in (b"", good[: len(good) // 2]):             # what Qt leaves on a full disk
        def rendered(*_a, _cut=cut, **_k):
            yield 1.0
            return _cut
        monkeypatch.setattr(sheet_print, "render_pdf_steps", rendered)
        with pytest.raises(ExportError, match="sheet.pdf: cannot write: the PDF came out"):
            sheet_print.export_sheet_pdf(sample, target)
        assert target.read_bytes() == b"%PDF-1.4 old good sheet %%EOF" and parts(tmp_path) == []


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 64 KiB tmpfs (root only), or skip."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    got = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if got.returncode:
        pytest.skip(f"cannot mount a tmpfs: {got.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    if free > leave:
        with open(folder / "filler", "wb") as fh:
            try:
                fh.write(b"\0" * (free - leave))
            except OSError:
                pass


@pytest.mark.parametrize("flag,name", [("--json", "c.json"), ("--sheet", "s.pdf"), ("--tracked", "t.docx")])
def test_real_full_disk_keeps_the_old_output_and_fails(small_tmpfs, flag, name):
    target = small_tmpfs / name
    target.write_bytes(b"old good output")
    fill(small_tmpfs, 8 * 1024)                            # every output here is over 20 KB
    line = refused(cli("export", DRAFT, ADOPTED, flag, target), str(target), "cannot write")
    assert "disk is full" in line or "incomplete" in line or "empty" in line
    assert target.read_bytes() == b"old good output" and parts(small_tmpfs) == []


def test_real_full_disk_through_the_functions(small_tmpfs, sample, qt):
    target = small_tmpfs / "s.pdf"
    target.write_bytes(b"old")
    fill(small_tmpfs, 8 * 1024)
    for name in EXPORTERS:
        with pytest.raises(ExportError, match="cannot write"):
            export(sample, name)[0](target)
        assert target.read_bytes() == b"old" and parts(small_tmpfs) == []


def test_read_only_folder_is_one_line(small_tmpfs, sample, qt):
    target = small_tmpfs / "s.pdf"
    target.write_bytes(b"old")
    got = subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], capture_output=True)
    if got.returncode:
        pytest.skip("cannot remount read-only")
    for flag in EXPORT_FLAGS:
        refused(cli("export", DRAFT, ADOPTED, flag, target), str(target), "read-only")
    with pytest.raises(ExportError, match="read-only"):
        export(sample, "sheet_pdf")[0](target)
    assert target.read_bytes() == b"old"


def test_read_only_folder_without_root(sample, tmp_path, monkeypatch, qt):
    import tempfile

    def denied(*a, **k):                                   # what a read-only folder does to any user but root
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    for name in EXPORTERS:
        with pytest.raises(ExportError, match="out.pdf: cannot write: permission denied"):
            export(sample, name)[0](tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []


# ---- 5. file names that are not UTF-8 ----------------------------------------------------------------

@pytest.fixture
def odd_names(tmp_path):
    folder = os.fsencode(tmp_path)
    draft = os.path.join(folder, b"draft\xff.txt")
    try:
        with open(draft, "wb") as fh:
            fh.write(DRAFT.read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    return draft, os.path.join(folder, b"out\xfe")


@pytest.mark.parametrize("encoding_env", [{}, {"PYTHONIOENCODING": "utf-8"}])
def test_cli_with_a_file_name_that_is_not_utf8(odd_names, encoding_env):
    draft, out = odd_names
    json_out, docx_out, pdf_out = out + b".json", out + b".docx", out + b".pdf"
    got = cli("export", os.fsdecode(draft), ADOPTED, "--json", os.fsdecode(json_out),
              "--sheet-docx", os.fsdecode(docx_out), "--sheet", os.fsdecode(pdf_out), env=encoding_env)
    ok(got)
    got.stdout.decode("utf-8")                              # what is printed is valid UTF-8
    data = json.loads(Path(os.fsdecode(json_out)).read_bytes().decode("utf-8"))
    assert data["draft"]["path"].endswith("draft\ufffd.txt")
    valid(Path(os.fsdecode(docx_out)), "docx")
    valid(Path(os.fsdecode(pdf_out)), "pdf")
    ok(cli("compare", os.fsdecode(draft), ADOPTED, "--text", env=encoding_env))
    got = cli("compare", os.fsdecode(draft), ADOPTED, "--json", os.fsdecode(draft), env=encoding_env)
    refused(got, "draft\ufffd.txt", "input document")
    assert "draft\ufffd.txt" in got.stderr.decode("utf-8")      # U+FFFD itself, not the raw byte


def test_functions_with_a_file_name_that_is_not_utf8(odd_names, qt):
    from app.io.pipeline import compare_files
    draft, out = odd_names
    c = compare_files(os.fsdecode(draft), ADOPTED)
    for name in EXPORTERS:
        function, kind = export(c, name)
        written = function(os.fsdecode(out + b"." + name.encode()))
        valid(written, kind)
    data = json.loads(Path(os.fsdecode(out + b".json")).read_bytes().decode("utf-8"))
    assert "\ufffd" in data["draft"]["path"]
    assert display_path(draft) == display_path(os.fsdecode(draft)) and "\ufffd" in display_path(draft)
    assert display_path("a\nb") == "a\\nb"


# ---- 6. a closed pipe on stdout ----------------------------------------------------------------------

@pytest.mark.parametrize("args", [("compare", DRAFT, ADOPTED, "--text"), ("compare", DRAFT, ADOPTED)])
def test_closed_stdout_ends_quietly(args):
    proc = subprocess.Popen([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()                                     # as `| head -1` does once it has its line
    _, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, 141), err
    assert err == b""


def test_head_takes_the_first_line_quietly():
    if shutil.which("head") is None or shutil.which("bash") is None:
        pytest.skip("no shell")
    cmd = f"{sys.executable} -m app compare {DRAFT} {ADOPTED} --text | head -1"
    out = subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, timeout=30)
    assert out.returncode == 0 and out.stdout.startswith(b"=== 1 ") and out.stderr == b""


# ---- 7. file modes follow the umask -----------------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_cli_exports_follow_the_umask(tmp_path, umask):
    outs = {flag: tmp_path / f"out{n}.{kind}" for n, (flag, kind) in enumerate(EXPORT_FLAGS.items())}
    outs["--sheet"].write_bytes(b"old")
    os.chmod(outs["--sheet"], 0o600)                        # an old sheet written 0600 by an earlier version
    args = [a for flag, path in outs.items() for a in (flag, path)]
    ok(cli("export", DRAFT, ADOPTED, *args, umask=umask))
    for flag, path in outs.items():
        valid(path, EXPORT_FLAGS[flag])
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o666 & ~umask, flag


def test_function_exports_follow_the_umask(sample, tmp_path, qt):
    mask = os.umask(0o027)
    try:
        for name in EXPORTERS:
            function, kind = export(sample, name)
            path = function(tmp_path / f"out-{name}")
            valid(path, kind)
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o640, name
    finally:
        os.umask(mask)


def test_routine_reads_the_umask_without_changing_it():
    mask = os.umask(0o027)
    try:
        assert atomic._umask() == 0o027
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(mask)


def test_the_review_lock_file_is_protected_too(sample, tmp_path):
    """An export never replaces the lock file of the review beside the adopted text."""
    from app.io.atomic import export_guard
    guard = export_guard(sample.draft.path, sample.adopted.path)
    assert any(str(p).endswith(".dcreview.lock") for p in guard["protect"])
