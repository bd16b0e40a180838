from datetime import datetime

from pydantic import BaseModel

from external_api.integrations.framework.provider import AuthKind


class IntegrationRead(BaseModel):
    name: str
    title: str
    auth: AuthKind
    status: str  # not_connected, connected or reconnect_needed
    external_id: str = ""
    label: str = ""
    problem: str = ""
    connected_at: datetime | None = None


class IntegrationList(BaseModel):
    data: list[IntegrationRead]


class AuthStartRead(BaseModel):
    authorize_url: str
    expires_in: int  # seconds the link stays valid


class ApiKeyRead(BaseModel):
    provider: str
    status: str
    masked_key: str
    external_id: str = ""
    label: str = ""
    connected_at: datetime
