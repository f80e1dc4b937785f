"""The test watchdog (tests/conftest.py): a hung test ends the run with every thread's stack."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_a_hung_test_ends_the_run_naming_where_it_hung(tmp_path):
    (tmp_path / "test_hangs.py").write_text(
        "import threading\n\n"
        "def test_waits_forever():\n"
        "    threading.Event().wait()\n\n"
        "def test_never_reached():\n"
        "    pass\n")
    env = dict(os.environ, DRAFTCOMPARE_TEST_TIME_LIMIT="2", PYTHONPATH=str(HERE))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "conftest",
                          "--rootdir", str(tmp_path), str(tmp_path / "test_hangs.py")],
                         capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert "Timeout (0:00:02)!" in output
    assert "in test_waits_forever" in output
    assert "passed" not in output                      # the run ended there: the next test never ran
