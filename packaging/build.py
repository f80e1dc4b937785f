"""Build the one-folder bundle and smoke-test it: ``python packaging/build.py [--reuse] [--no-test] [--icons]``.

Installs nothing. Steps: compile missing or stale translation catalogues (.ts -> .qm, pyside6-lrelease),
run PyInstaller on packaging/draftcompare.spec into dist/draftcompare/, then run the bundled binary:
``--selftest --gui`` and an ``export`` of the sample pair, headless (offscreen Qt), with no network at
all where the kernel allows it (a private, empty network namespace via ``unshare -rn``) and with proxies
pointed at a closed port otherwise. The bundle must start and work with nothing but itself.

``--icons`` regenerates resources/icons/ (PNG 16-256 px, .ico, .icns) from draftcompare.svg with Qt;
the generated files are committed, so a build never needs it.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "draftcompare"
BINARY = DIST / ("draftcompare.exe" if os.name == "nt" else "draftcompare")
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
SOURCES = ("app", "widgets", "resources", "packaging")


# ---------------------------------------------------------------- translations
def compile_translations() -> list[Path]:
    """Build each resources/i18n/*.ts into .qm beside it when missing or older (what `make i18n` does)."""
    exe = "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    lrelease = Path(sys.executable).parent / exe
    built = []
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if not lrelease.exists():
            print(f"warning: {exe} not found beside {sys.executable}: {qm.name} not built", file=sys.stderr)
            continue
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


# ---------------------------------------------------------------- build
def bundle_size(folder: Path) -> int:
    # PyInstaller 6 links duplicate libraries with symlinks on Linux/macOS: count each file once.
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def up_to_date() -> bool:
    """The bundle exists and is newer than every source, resource and packaging file."""
    if not BINARY.exists():
        return False
    built = BINARY.stat().st_mtime
    return all(f.stat().st_mtime <= built for sub in SOURCES for f in (ROOT / sub).rglob("*")
               if f.is_file() and "__pycache__" not in f.parts)


def build() -> Path:
    compile_translations()
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "draftcompare.spec")], check=True, cwd=ROOT)
    print(f"bundle: {DIST} ({bundle_size(DIST) / 2**20:.0f} MB) built in {time.perf_counter() - t:.0f} s")
    return BINARY


# ---------------------------------------------------------------- offline run
def offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    # A proxy on a closed port: anything that does try the network fails fast instead of hanging.
    env.update(QT_QPA_PLATFORM="offscreen", http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9",
               no_proxy="")
    return env


def offline_prefix() -> list[str]:
    """`unshare -rn` (new user + network namespace: only a downed loopback) when the kernel allows it."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare:
        if subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
            return [unshare, "-rn"]
    return []


def run_offline(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(offline_prefix() + [str(a) for a in args], env=offline_env(), timeout=300, **kw)


def smoke_test(binary: Path) -> None:
    prefix = offline_prefix()
    print("network:", "none (unshare -rn)" if prefix else "proxies to a closed port (no unshare)")
    run_offline([binary, "--selftest", "--gui"], check=True)
    out = ROOT / "build" / "smoke"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    samples = ROOT / "resources" / "samples"
    run_offline([binary, "export", samples / "draft_en.txt", samples / "adopted_en.txt",
                 "--tracked", out / "tracked.docx", "--annotated", out / "annotated.docx",
                 "--sheet", out / "sheet.pdf", "--json", out / "comparison.json"], check=True)
    print("smoke test passed:", ", ".join(p.name for p in sorted(out.iterdir())))


# ---------------------------------------------------------------- icons
def _png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Windows .ico holding PNG-compressed images (read by Windows Vista+, PyInstaller and Qt)."""
    sizes = sorted(pngs)
    head = struct.pack("<HHH", 0, 1, len(sizes))
    offset, entries, body = 6 + 16 * len(sizes), b"", b""
    for s in sizes:
        data = pngs[s]
        # width/height 0 means 256; 0 colours, 1 plane, 32 bits per pixel
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return head + entries + body


# Apple icon types that hold PNG data: (type, pixel size)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode() + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for kind, s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(svg: Path = ICONS / "draftcompare.svg", folder: Path = ICONS) -> list[Path]:
    """Render the SVG at every size with Qt and write the PNGs, the .ico and the .icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    sys.path.insert(0, str(ROOT))
    from app.io.atomic import atomic_write_bytes
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    pngs = {}
    for size in sorted({*PNG_SIZES, 512, 1024}):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        pngs[size] = _png_bytes(image)
    written = []
    for size in PNG_SIZES:
        written.append(folder / f"draftcompare-{size}.png")
        atomic_write_bytes(written[-1], pngs[size], inputs=(svg,))
    written.append(folder / "draftcompare.ico")
    atomic_write_bytes(written[-1], ico_bytes({s: pngs[s] for s in (16, 24, 32, 48, 64, 128, 256)}), inputs=(svg,))
    written.append(folder / "draftcompare.icns")
    atomic_write_bytes(written[-1], icns_bytes(pngs), inputs=(svg,))
    return written


def main(argv: list[str]) -> int:
    if "--icons" in argv:
        for path in make_icons():
            print("wrote", path.relative_to(ROOT))
        return 0
    if "--reuse" in argv and up_to_date():
        print(f"bundle: {DIST} is up to date ({bundle_size(DIST) / 2**20:.0f} MB), not rebuilt")
        binary = BINARY
    else:
        binary = build()
    if "--no-test" not in argv:
        smoke_test(binary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
