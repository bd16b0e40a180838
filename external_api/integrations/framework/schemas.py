from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from external_api.integrations.framework.provider import AuthKind
from shared.utilities.schemas import ReadModel, WriteModel


class IntegrationRead(BaseModel):
    name: str
    title: str
    auth: AuthKind
    # connected, reconnect_needed or not_connected for the account; not_configured when the
    # platform has not set the provider up (no app credentials, or not in this build).
    status: str
    category: str = ""
    does: str = ""
    external_id: str = ""
    label: str = ""
    problem: str = ""
    connected_at: datetime | None = None


class IntegrationList(BaseModel):
    data: list[IntegrationRead]


class AuthStartRead(BaseModel):
    authorize_url: str
    expires_in: int  # seconds the link stays valid


class ConnectComplete(WriteModel):
    """What the provider gave the dashboard's callback page, posted on with the user's session."""

    state: str = Field(max_length=4000)
    code: str | None = Field(None, max_length=4000)
    error: str | None = Field(None, max_length=200, description="the provider's, e.g. a refusal")


class ConnectOutcome(BaseModel):
    integration: str
    status: Literal["connected", "error"]
    reason: str | None = None  # why not: the provider's error, `no_code` or `code_refused`
    return_path: str  # the dashboard path the connect started from


class ApiKeyRead(ReadModel):
    """A stored key, as `ApiKeyCredential` holds it: never the key itself."""

    status: str
    masked_key: str
    external_id: str = ""
    label: str = ""
    connected_at: datetime = Field(validation_alias="updated_at")
