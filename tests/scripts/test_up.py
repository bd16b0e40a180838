"""`./scripts/up`: one command from a clone to every service running, in one process."""

import signal
import subprocess

import httpx

from scripts.services import SERVICES
from tests.scripts.supervised import ROOT, TABLE_PRINTED, supervised

UP = (str(ROOT / "scripts" / "up"),)
STARTED = ("gateway", "router")


def test_help_prints_the_usage_line():
    result = subprocess.run([*UP, "--help"], capture_output=True, text=True, timeout=10)

    assert result.returncode == 0
    assert result.stdout.startswith("usage: ./scripts/up [--only SERVICE,...]")


def test_up_serves_the_services_in_its_own_process_until_sigterm(tmp_path):
    with supervised(tmp_path / "out", "--only", ",".join(STARTED), command=UP) as run:
        run.wait_for(TABLE_PRINTED, timeout=60)
        answers = [
            httpx.get(f"{run.url(s)}/health", timeout=2) for s in SERVICES if s.module in STARTED
        ]
        # The script execs the supervisor, so the signal reaches it and not a waiting shell.
        run.process.send_signal(signal.SIGTERM)
        returncode = run.process.wait(timeout=5)

    assert [a.status_code for a in answers] == [200, 200]
    assert returncode == 0
    assert "Traceback" not in run.output()
