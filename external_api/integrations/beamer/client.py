"""Beamer's API v0 with the platform's key in `Beamer-Api-Key`: `GET /posts` (a JSON array
of posts, `page` from 1 and `maxResults` at most 10 a page, each post's text in its
`translations`), `GET /unread/count` (`{"count", "url"}` for a `userId`) and `POST /posts`
(every text field an array, one item per translation; answers 201 with the post). Errors come as
a bare JSON string; 429 past 30 requests a second, which the framework's HTTP waits out."""

from typing import Any

from pydantic import BaseModel, ValidationError

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp

TITLE = "Beamer"
PAGE_SIZE = 10  # Beamer's most posts a page


class Translation(BaseModel):
    title: str = ""
    content: str = ""
    language: str = ""
    linkUrl: str | None = None  # Beamer's names
    postUrl: str | None = None


class BeamerPost(BaseModel):
    id: int
    date: str
    category: str = ""
    translations: list[Translation] = []


def checked(model: type[BaseModel], answer: Any) -> Any:
    try:
        return model.model_validate(answer)
    except ValidationError as error:
        raise ProviderFailed(f"{TITLE} answered something unexpected.") from error


class UnreadCount(BaseModel):
    count: int
    url: str = ""


class BeamerClient:
    def __init__(self, http: ProviderHttp, api_key: str, category: str) -> None:
        self.http = http
        self.headers = {"Beamer-Api-Key": api_key}
        self.category = category

    async def posts(self, page: int, language: str) -> list[BeamerPost]:
        params = {"page": page, "maxResults": PAGE_SIZE, "published": "true", "language": language}
        answer = await self.http.json("GET", "posts", headers=self.headers, params=params)
        if not isinstance(answer, list):
            raise ProviderFailed(f"{TITLE} answered no list of posts.")
        return [checked(BeamerPost, post) for post in answer]

    async def unread_count(self, user_id: str) -> UnreadCount:
        params = {"userId": user_id}
        answer = await self.http.json("GET", "unread/count", headers=self.headers, params=params)
        return checked(UnreadCount, answer)

    async def create_post(self, title: str, content: str, link_url: str | None) -> BeamerPost:
        body: dict[str, Any] = {
            "title": [title],
            "content": [content],
            "category": self.category,
            "publish": True,
            "language": ["EN"],
        }
        if link_url:
            body |= {"linkUrl": [link_url], "linkText": ["Read more"]}
        answer = await self.http.json("POST", "posts", headers=self.headers, json=body)
        return checked(BeamerPost, answer)
