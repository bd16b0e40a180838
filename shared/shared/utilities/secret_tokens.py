"""The random secrets the platform hands out once (session ids, invitation and reset links,
login challenges) and the SHA-256 under which alone they are stored and looked up."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
