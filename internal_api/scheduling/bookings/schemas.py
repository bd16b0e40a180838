from typing import Annotated

from pydantic import Field

from shared.utilities.schemas import WriteModel

Reason = Annotated[str, Field(max_length=500)]


class CancelBody(WriteModel):
    reason: Reason = Field("", description="told to the invitee")
