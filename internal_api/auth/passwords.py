"""Password hashing with argon2id. Hashing is slow on purpose (tens of milliseconds of CPU and
memory each), so it runs off the event loop, and only a few hashes at once per process: a burst
of logins queues for the hasher instead of taking every core from the other requests."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import cached_property
from typing import Annotated, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, FastAPI, Request

ResultT = TypeVar("ResultT")


class Passwords:
    def __init__(self, at_once: int, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()
        self.slots = asyncio.Semaphore(at_once)

    @cached_property
    def hash_of_nobody(self) -> str:
        return self.hasher.hash("not anyone's password")

    async def run(self, work: Callable[..., ResultT], *args: str | None) -> ResultT:
        async with self.slots:
            return await asyncio.to_thread(work, *args)

    async def hash(self, password: str) -> str:
        return await self.run(self.hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether the password matches. With no hash (an unknown email) it checks against a
        dummy one and answers False, taking the same time, so the answer's timing tells nothing."""
        return await self.run(self.matches, password_hash, password)

    def matches(self, password_hash: str | None, password: str) -> bool:
        try:
            self.hasher.verify(password_hash or self.hash_of_nobody, password)
        except (VerificationError, InvalidHashError):
            return False
        return password_hash is not None

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with weaker parameters than today's."""
        return self.hasher.check_needs_rehash(password_hash)


def password_hashing(at_once: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part making its `Passwords` (its semaphore belongs to the app's loop)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.passwords = Passwords(at_once)
        yield

    return lifespan


def get_passwords(request: Request) -> Passwords:
    return request.app.state.passwords


PasswordHashing = Annotated[Passwords, Depends(get_passwords)]
