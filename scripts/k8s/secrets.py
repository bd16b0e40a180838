"""Fresh secrets for an overlay: `.env.d/<container>.env` beside its kustomization, one per
container with only what it holds (scripts/keys.py's split), and `.env.d/redis.env` with Redis'
URL, address and password. Kustomize's secretGenerator reads them; they never enter git.

Kustomize takes an env file's value as written (quotes included, unlike compose), so a PEM is
written unquoted on one line, its line breaks as \\n, which the settings undo."""

import secrets
from pathlib import Path

from scripts.keys import EVERYONE, SECRETS_FOR, fresh_secrets

REDIS_HOST = "redis:6379"


def env_line(name: str, value: str) -> str:
    one_line = value.strip().replace("\n", "\\n")
    return f"{name}={one_line}"


def redis_values(password: str) -> dict[str, str]:
    return {
        "REDIS_URL": f"redis://:{password}@{REDIS_HOST}/0",
        "REDIS_ADDRESS": REDIS_HOST,
        "REDIS_PASSWORD": password,
    }


def write_overlay_secrets(overlay: Path) -> None:
    directory = overlay / ".env.d"
    directory.mkdir(exist_ok=True)
    values = fresh_secrets()
    files = {
        container: {name: values[name] for name in (*EVERYONE, *names)}
        for container, names in SECRETS_FOR.items()
    }
    files["redis"] = redis_values(secrets.token_urlsafe(32))
    for container, entries in files.items():
        path = directory / f"{container}.env"
        path.write_text("".join(env_line(name, value) + "\n" for name, value in entries.items()))
        path.chmod(0o600)
