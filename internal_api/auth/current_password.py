"""Asking a signed-in user for their password again before a step that cannot be taken back
(handing an account's ownership on, changing their password or email). Attempts count on the
login throttle of their email and address, so guessing a password here is no faster than at
login."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from internal_api.auth.errors import WrongPassword
from internal_api.auth.passwords import PasswordHashing, Passwords
from internal_api.auth.service import SignIn
from internal_api.auth.throttle import LoginThrottle, ThrottlePolicy
from internal_api.dependencies import ClientInfo, Settings
from shared.models.user import User
from shared.utilities.app import RedisClient


@dataclass(frozen=True)
class PasswordCheck:
    passwords: Passwords
    throttle: LoginThrottle
    address: str

    @classmethod
    def signing_in(cls, context: SignIn) -> "PasswordCheck":
        throttle = LoginThrottle(context.redis, ThrottlePolicy.from_settings(context.settings))
        return cls(context.passwords, throttle, context.client.ip)

    async def confirm(self, user: User, password: str, field: str = "password") -> None:
        """Raises WrongPassword unless `password` is the user's (LoginThrottled when early);
        `field` names the input that held it."""
        await self.throttle.reserve(user.email, self.address)
        if not await self.passwords.verify(user.password_hash, password):
            raise WrongPassword(details=[{"field": field, "message": "wrong password"}])
        await self.throttle.succeeded(user.email, self.address)


def password_check(
    passwords: PasswordHashing, redis: RedisClient, settings: Settings, client: ClientInfo
) -> PasswordCheck:
    throttle = LoginThrottle(redis, ThrottlePolicy.from_settings(settings))
    return PasswordCheck(passwords, throttle, client.ip)


CurrentPassword = Annotated[PasswordCheck, Depends(password_check)]
