from pydantic import BaseModel, Field


class ProductUpdateRead(BaseModel):
    id: int
    title: str
    content: str = Field(description="Beamer's text of the post")
    category: str
    date: str = Field(description="when published, as Beamer gives it (ISO 8601)")
    link_url: str | None
    post_url: str | None = Field(description="the post on the platform's Beamer feed")


class ProductUpdates(BaseModel):
    """A page of posts, newest first; Beamer gives no total, so only whether there may be more."""

    data: list[ProductUpdateRead]
    page: int
    next_page: int | None


class UnreadRead(BaseModel):
    count: int
    feed_url: str


class AnnouncementPosted(BaseModel):
    announcement_id: str
    beamer_post_id: int | None = Field(description="null while Beamer is not configured")
