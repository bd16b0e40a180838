"""Signing keys. Distributed mode reads PEMs from settings; embedded mode, when none are set,
makes a development pair once under .cache/dev-keys so every local process agrees on it."""

import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

DEV_KEYS_DIR = Path(".cache") / "dev-keys"


def generate_key_pair() -> tuple[str, str]:
    """A fresh Ed25519 pair as (private PEM, public PEM)."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private_pem, public_pem


def development_key_pair(name: str, directory: Path = DEV_KEYS_DIR) -> tuple[str, str]:
    """The local pair called `name`, made on first use. Never used in distributed mode."""
    private_path, public_path = directory / f"{name}.pem", directory / f"{name}.pub.pem"
    if not private_path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        private_pem, public_pem = generate_key_pair()
        # Written under a temporary name and renamed, so concurrent starters never read half a key.
        for path, pem in ((public_path, public_pem), (private_path, private_pem)):
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(pem)
            temporary.chmod(0o600)
            temporary.replace(path)
    return private_path.read_text(), public_path.read_text()


def development_secret(name: str, directory: Path = DEV_KEYS_DIR) -> str:
    """The local random secret called `name` (32 bytes, URL-safe), made on first use like the
    development pairs. Never used in distributed mode."""
    path = directory / f"{name}.secret"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(secrets.token_urlsafe(32))
        temporary.chmod(0o600)
        temporary.replace(path)
    return path.read_text()
