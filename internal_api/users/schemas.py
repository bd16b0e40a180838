from internal_api.accounts.schemas import AccountRead
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, ReadModel


class UserRead(DocumentRead):
    email: str
    name: str


class MeRead(ReadModel):
    """The caller, the account they act in, and what they may do there."""

    user: UserRead
    account: AccountRead
    role: Role
    scopes: list[str]
