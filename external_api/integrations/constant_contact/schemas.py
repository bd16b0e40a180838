from pydantic import BaseModel, Field


class PollCreate(BaseModel):
    """The queue manager's poll of one list's unsubscribes."""

    account_id: str = Field(pattern=r"^[0-9a-f]{24}$")


class PollRead(BaseModel):
    unsubscribed: int = 0  # the list's members found unsubscribed since the last poll
    opted_out: int = 0  # the platform's contacts opted out of marketing email for them
