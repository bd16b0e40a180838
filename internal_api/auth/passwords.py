"""Password hashing with argon2id. Hashing is slow on purpose, so it runs off the event loop."""

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


@cache
def _hash_of_nobody() -> str:
    return _hasher.hash("not anyone's password")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether the password matches. With no hash (an unknown email) it checks against a dummy
    one and answers False, taking the same time, so the answer's timing tells nothing."""
    try:
        matches = await asyncio.to_thread(
            _hasher.verify, password_hash or _hash_of_nobody(), password
        )
    except (VerificationError, InvalidHashError):
        return False
    return matches and password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)
