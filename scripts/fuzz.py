"""Fuzz every HTTP service's OpenAPI with schemathesis, looking for server errors.

`./scripts/fuzz` runs this: it starts the platform in embedded mode (`scripts.supervisor`, the
in-memory database), and for each HTTP service signs up an agency owner through the gateway,
exchanges the session at the router for a user token, then runs `schemathesis run
<service>/openapi.json` with it and the `not_a_server_error` check. It prints one line per
service and exits non-zero when any service answered a 500 (a deliberate 5xx, such as 503 for
a provider that is not configured, is counted apart), or schemathesis could not run. A JSON
summary is kept in `.cache/fuzz/summary.json`, the JUnit reports beside it.

    ./scripts/fuzz                         every service, 25 examples per operation
    ./scripts/fuzz --only internal_api     one service
    ./scripts/fuzz --max-examples 100
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.etree import ElementTree

import httpx

from scripts.services import SERVICES, Service

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".cache" / "fuzz"
# Services whose HTTP face is not an OpenAPI app: the outbound proxy (HTTP and CONNECT) and the
# two Socket.IO services (their events are probed by their own tests).
NOT_FUZZED = {"misc.proxy_server", "general_socket", "conversation_socket"}
START_TIMEOUT_SECONDS = 60


@dataclass
class Outcome:
    service: str
    operations: int
    server_errors: int  # operations that answered a 500: a bug
    other_5xx: int  # operations that answered a deliberate 5xx (not configured, provider down)
    exit_code: int
    seconds: float


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="./scripts/fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated services to fuzz")
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--workers", default="2")
    return parser.parse_args(argv)


def fuzzed_services(only: str) -> list[Service]:
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    return [
        service
        for service in SERVICES
        if service.module not in NOT_FUZZED
        and (not wanted or {service.module, service.compose_name} & wanted)
    ]


def start_platform() -> subprocess.Popen:
    environment = {**os.environ, "PLATFORM_MODE": "embedded", "MONGO_URL": "", "REDIS_URL": ""}
    environment.setdefault("LOG_LEVEL", "ERROR")
    OUT.mkdir(parents=True, exist_ok=True)
    log = (OUT / "platform.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts.supervisor"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the platform stopped at start; see {OUT / 'platform.log'}")
        try:
            if httpx.get(url_of("gateway") + "/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("the platform did not start in time")


def url_of(module: str) -> str:
    service = next(
        service for service in SERVICES if module in (service.module, service.compose_name)
    )
    return f"http://127.0.0.1:{service.port}"


def sign_up() -> str:
    """A fresh agency owner's session id."""
    answer = httpx.post(
        url_of("gateway") + "/v1/auth/signup",
        json={
            "email": f"fuzz-{secrets.token_hex(4)}@agency.example",
            "password": secrets.token_urlsafe(16),
            "name": "Fuzz Owner",
            "account_name": "Fuzz Agency",
        },
        timeout=10,
    )
    answer.raise_for_status()
    return answer.json()["session_id"]


def user_token(session_id: str) -> str:
    answer = httpx.get(
        url_of("router") + "/v1/auth/exchange",
        headers={"x-session-id": session_id, "x-forwarded-uri": "/v1/users/me"},
        timeout=10,
    )
    answer.raise_for_status()
    return answer.headers["authorization"]


def fuzz(service: Service, session_id: str, max_examples: int, workers: str) -> Outcome:
    junit = OUT / f"{service.compose_name}.xml"
    started = time.monotonic()
    run = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "schemathesis"),
            "run",
            f"http://127.0.0.1:{service.port}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            str(max_examples),
            "--workers",
            workers,
            "--header",
            f"Authorization: {user_token(session_id)}",
            "--report",
            "junit",
            "--report-junit-path",
            str(junit),
            "--suppress-health-check",
            "all",
            "--no-color",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    (OUT / f"{service.compose_name}.log").write_text(run.stdout + run.stderr)
    operations, server_errors, other_5xx = junit_counts(junit)
    seconds = time.monotonic() - started
    return Outcome(service.module, operations, server_errors, other_5xx, run.returncode, seconds)


def junit_counts(path: Path) -> tuple[int, int, int]:
    """Operations tested, those that answered a 500 and those that answered another 5xx, from
    schemathesis's JUnit report (`not_a_server_error` flags every 5xx; a 503 for a provider
    that is not configured, or a 502 for one that failed, is the documented answer)."""
    if not path.exists():
        return 0, 0, 0
    cases = list(ElementTree.parse(path).getroot().iter("testcase"))
    failures = [case.find("failure") for case in cases]
    texts = [failure.text or "" for failure in failures if failure is not None]
    server_errors = sum("[500]" in text for text in texts)
    return len(cases), server_errors, len(texts) - server_errors


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    platform = start_platform()
    try:
        outcomes = []
        for service in fuzzed_services(args.only):
            # A user of its own per service: fuzzing internal_api signs its user out.
            outcome = fuzz(service, sign_up(), args.max_examples, args.workers)
            outcomes.append(outcome)
            print(
                f"{outcome.service:28} {outcome.operations:4} operations  "
                f"{outcome.server_errors:3} answering 500  "
                f"{outcome.other_5xx:3} answering a documented 5xx  "
                f"(schemathesis exit {outcome.exit_code}, {outcome.seconds:.0f} s)",
                flush=True,
            )
    finally:
        platform.terminate()
        platform.wait(timeout=30)
    (OUT / "summary.json").write_text(json.dumps([asdict(o) for o in outcomes], indent=2))
    errors = sum(o.server_errors for o in outcomes)
    broken = [o.service for o in outcomes if o.exit_code not in (0, 1)]
    print(f"{sum(o.operations for o in outcomes)} operations, {errors} answering 500")
    if broken:
        print(f"schemathesis could not run on: {', '.join(broken)}")
    return 1 if errors or broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
