"""The platform's operators: users with the platform flag, which no membership grants and no
API sets (`python -m scripts.operators` does). A change holds from the user's next request:
their sessions read their state anew, and the router mints their tokens with or without the
`operator` claim."""

from redis.asyncio import Redis

from shared.domain.accounts import repository
from shared.models.user import User
from shared.utilities import sessions


class UnknownUser(LookupError):
    pass


async def set_operator(redis: Redis, email: str, operator: bool) -> User:
    """Grant (or revoke) the flag of the user with this email; UnknownUser if nobody has it."""
    user = await repository.user_by_email(email.strip().lower())
    if user is None or user.id is None:
        raise UnknownUser(f"No user has the email {email}.")
    await user.set({User.platform_operator: operator})
    await sessions.refresh(redis, await repository.unrevoked_sessions(user.id))
    return user


async def operators() -> list[User]:
    return await repository.platform_operators()
