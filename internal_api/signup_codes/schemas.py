from datetime import datetime

from pydantic import AwareDatetime, Field, field_validator

from internal_api.fields import Name
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class SignupCodeCreate(WriteModel):
    role: Role = Field(Role.OWNER, description="the client's role in their new sub-account")
    sub_account_name: Name | None = Field(
        None,
        description="the new sub-account's name, `{name}` standing for the name the client "
        "gives (`account_name`); without it, that name as it is",
        examples=["{name} (Acme clients)"],
    )
    max_uses: int | None = Field(None, ge=1, le=1_000_000, description="null: no limit")
    expires_at: AwareDatetime | None = Field(None, description="null: never expires")

    @field_validator("expires_at")
    @classmethod
    def in_the_future(cls, value: datetime | None) -> datetime | None:
        if value is not None and value <= utc_now():
            raise ValueError("must be in the future")
        return value


class SignupCodeRead(DocumentRead):
    hint: str = Field(description="the code's last four characters")
    role: Role
    sub_account_name: str | None
    max_uses: int | None
    uses: int
    expires_at: datetime | None
    revoked_at: datetime | None
    created_by: IdStr


class SignupCodeCreated(SignupCodeRead):
    # Shown to its creator this once: only its hash is stored.
    code: str = Field(examples=["7K3M-9QXA-V2DP-4HRT"])
