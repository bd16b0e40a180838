"""The platform's product updates on Beamer: shown to agencies' users (a page of posts, their
unread count), and each announcement an operator publishes posted there once."""

from external_api.integrations.beamer import repository
from external_api.integrations.beamer.client import PAGE_SIZE, BeamerClient, BeamerPost
from external_api.integrations.beamer.errors import BeamerNotConfigured
from external_api.integrations.beamer.schemas import (
    AnnouncementPosted,
    ProductUpdateRead,
    ProductUpdates,
    UnreadRead,
)
from shared.utilities.errors import NotFound


def configured(beamer: BeamerClient | None) -> BeamerClient:
    if beamer is None:
        raise BeamerNotConfigured()
    return beamer


def update_of(post: BeamerPost) -> ProductUpdateRead:
    text = post.translations[0] if post.translations else None
    return ProductUpdateRead(
        id=post.id,
        title=text.title if text else "",
        content=text.content if text else "",
        category=post.category,
        date=post.date,
        link_url=text.linkUrl if text else None,
        post_url=text.postUrl if text else None,
    )


async def product_updates(beamer: BeamerClient | None, page: int, language: str) -> ProductUpdates:
    posts = await configured(beamer).posts(page, language)
    next_page = page + 1 if len(posts) == PAGE_SIZE else None
    return ProductUpdates(data=[update_of(post) for post in posts], page=page, next_page=next_page)


async def unread(beamer: BeamerClient | None, user_id: str) -> UnreadRead:
    count = await configured(beamer).unread_count(user_id)
    return UnreadRead(count=count.count, feed_url=count.url)


async def post_announcement(
    beamer: BeamerClient | None, announcement_id: str
) -> AnnouncementPosted:
    """Once per announcement: a run again answers the post made. Nothing is posted while
    Beamer is not configured (the announcement stays the platform's own)."""
    announcement = await repository.announcement(announcement_id)
    if announcement is None:
        raise NotFound(f"Announcement {announcement_id} does not exist.")
    posted = AnnouncementPosted(announcement_id=announcement_id, beamer_post_id=None)
    if beamer is None or announcement.withdrawn_at is not None:
        return posted
    if announcement.beamer_post_id is None:
        post = await beamer.create_post(
            announcement.title, announcement.body, announcement.link_url
        )
        announcement.beamer_post_id = post.id
        await announcement.save()
    return posted.model_copy(update={"beamer_post_id": announcement.beamer_post_id})
