from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from shared.utilities.schemas import DocumentRead, IdStr, WriteModel

Body = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]


class CommentWrite(WriteModel):
    body: Body = Field(description="plain text; `<@user_id>` mentions a user of the account")


class CommentRead(DocumentRead):
    task_id: IdStr
    author_id: IdStr
    body: str
    mentioned_user_ids: list[IdStr]
    edited_at: datetime | None
