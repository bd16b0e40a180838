from datetime import datetime

from pydantic import BaseModel

from internal_api.accounts.schemas import AccountRead
from internal_api.users.service import Me
from shared.models.membership import Role
from shared.models.user import User


class UserRead(BaseModel):
    id: str
    email: str
    name: str
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> "UserRead":
        return cls(id=str(user.id), email=user.email, name=user.name, created_at=user.created_at)


class MeRead(BaseModel):
    """The caller, the account they act in, and what they may do there."""

    user: UserRead
    account: AccountRead
    role: Role
    scopes: list[str]

    @classmethod
    def of(cls, me: Me) -> "MeRead":
        return cls(
            user=UserRead.of(me.user),
            account=AccountRead.of(me.account),
            role=me.role,
            scopes=me.scopes,
        )
