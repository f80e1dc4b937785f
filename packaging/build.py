"""Build the one-folder bundle and smoke-test it: `python packaging/build.py [--no-test]`.

The smoke test runs the bundled binary's --selftest headless, with networking refused, and an export of
the sample pair; the bundle must start and work with nothing but itself.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "draftcompare"


def build() -> Path:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "draftcompare.spec")], check=True, cwd=ROOT)
    size = sum(f.stat().st_size for f in DIST.rglob("*") if f.is_file())
    print(f"bundle: {DIST} ({size / 2**20:.0f} MB) built in {time.perf_counter() - t:.0f} s")
    return DIST / ("draftcompare.exe" if os.name == "nt" else "draftcompare")


def smoke_test(binary: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_proxy") and not k.endswith("_PROXY")}
    env.update(QT_QPA_PLATFORM="offscreen", http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    subprocess.run([str(binary), "--selftest", "--gui"], check=True, env=env, timeout=300)
    out = ROOT / "build" / "smoke"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    samples = ROOT / "resources" / "samples"
    subprocess.run([str(binary), "export", str(samples / "draft_en.txt"), str(samples / "adopted_en.txt"),
                    "--tracked", str(out / "tracked.docx"), "--sheet", str(out / "sheet.pdf")],
                   check=True, env=env, timeout=300)
    print("smoke test passed:", ", ".join(p.name for p in sorted(out.iterdir())))


if __name__ == "__main__":
    binary = build()
    if "--no-test" not in sys.argv:
        smoke_test(binary)
