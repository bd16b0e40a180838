from datetime import datetime

from pydantic import BaseModel

from shared.providers.yext import Publisher


class PublisherList(BaseModel):
    publishers: list[Publisher]
    fetched_at: datetime  # when this copy was fetched from Yext
