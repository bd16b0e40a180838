"""Secrets at rest (third-party tokens and API keys), sealed with Fernet keys from settings.

`SecretBox` holds a list of keys: the first encrypts, every one decrypts, so a key is rotated by
putting a new one first and dropping the old one once everything has been re-sealed
(`SecretBox.rotate`). Embedded mode without keys uses a development key kept in .cache/dev-keys,
like the development signing keys; distributed mode refuses to start without one.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from shared.utilities.keys import DEV_KEYS_DIR
from shared.utilities.settings import RunMode


class SecretUnreadable(Exception):
    """A sealed value none of the keys opens (a removed key, or a forged value)."""


@dataclass(frozen=True)
class SecretBox:
    fernet: MultiFernet

    @classmethod
    def from_keys(cls, keys: list[str]) -> "SecretBox":
        if not keys:
            raise ValueError("at least one encryption key is needed")
        return cls(MultiFernet([Fernet(key.strip().encode()) for key in keys]))

    def seal(self, value: str) -> str:
        return self.fernet.encrypt(value.encode()).decode()

    def open(self, sealed: str, max_age_seconds: int | None = None) -> str:
        """The value; `max_age_seconds` also refuses one sealed longer ago than that."""
        try:
            return self.fernet.decrypt(sealed.encode(), ttl=max_age_seconds).decode()
        except InvalidToken:
            raise SecretUnreadable(
                "the value is forged, too old, or sealed with a removed key"
            ) from None

    def seal_at(self, value: str, issued_at: int) -> str:
        """Sealed as if at `issued_at` (seconds since the epoch): for tests of expiry."""
        return self.fernet.encrypt_at_time(value.encode(), issued_at).decode()

    def rotate(self, sealed: str) -> str:
        """The same value sealed with the first key."""
        return self.fernet.rotate(sealed.encode()).decode()


def parse_keys(value: str) -> list[str]:
    """Keys as written in settings: comma-separated, the encrypting one first."""
    return [key.strip() for key in value.split(",") if key.strip()]


def configured_box(keys: str, mode: RunMode, name: str = "integrations") -> SecretBox:
    """The box for keys as written in settings; embedded mode without any uses the development
    key `name` (distributed mode requires keys: its settings refuse to start without)."""
    parsed = parse_keys(keys)
    if not parsed and mode is RunMode.EMBEDDED:
        parsed = [development_encryption_key(name)]
    return SecretBox.from_keys(parsed)


def development_encryption_key(name: str, directory: Path = DEV_KEYS_DIR) -> str:
    """The local Fernet key called `name`, made on first use. Never used in distributed mode."""
    path = directory / f"{name}.fernet"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        # Written under a temporary name and renamed, so concurrent starters never read half a key.
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(Fernet.generate_key().decode())
        temporary.chmod(0o600)
        temporary.replace(path)
    return path.read_text().strip()
