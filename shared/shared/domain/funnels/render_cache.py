"""Rendered pages kept in Redis, shared by every replica: a published version's HTML and its
ETag, under the version (and the links it was rendered with: a step's next one moves when the
funnel's steps are reordered). Publishing drops the page's previous version's renders at once
(`forget`), and a render is kept `ttl_seconds` at most."""

import hashlib

from beanie import PydanticObjectId
from pydantic import BaseModel
from redis.asyncio import Redis

from shared.domain.funnels.rendering import PageLinks

PREFIX = "pages:render"


class RenderedPage(BaseModel):
    html: str
    etag: str

    @classmethod
    def of(cls, html: str) -> "RenderedPage":
        digest = hashlib.sha256(html.encode()).hexdigest()[:32]
        return cls(html=html, etag=f'"{digest}"')


def version_key(version_id: PydanticObjectId) -> str:
    return f"{PREFIX}:{version_id}"


def links_field(links: PageLinks) -> str:
    return f"{links.steps_base}|{links.next_step or ''}"


class RenderCache:
    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self.redis = redis
        self.ttl_seconds = ttl_seconds

    async def get(self, version_id: PydanticObjectId, links: PageLinks) -> RenderedPage | None:
        stored = await self.redis.hget(version_key(version_id), links_field(links))
        return RenderedPage.model_validate_json(stored) if stored else None

    async def put(
        self, version_id: PydanticObjectId, links: PageLinks, rendered: RenderedPage
    ) -> None:
        key = version_key(version_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, links_field(links), rendered.model_dump_json())
            pipe.expire(key, self.ttl_seconds)
            await pipe.execute()

    async def forget(self, version_id: PydanticObjectId | None) -> None:
        if version_id is not None:
            await self.redis.delete(version_key(version_id))
