"""Beamer on the platform's key: product updates and their unread count for dashboard users,
and announcements posted there once, for the queue manager."""

from beanie import PydanticObjectId

from shared.models.announcement import Announcement
from shared.models.base import utc_now
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.beamer import API_KEY, FEED, POSTS, UNREAD, post, unread
from tests.external_api.platform_app import from_service


def announcement_path(announcement_id) -> str:
    return f"/v1/e/beamer/announcements/{announcement_id}"


async def create_announcement(**overrides) -> Announcement:
    fields = {
        "title": "Reports are faster",
        "body": "Monthly reports now build in seconds.",
        "link_url": "https://agency.test/changelog/reports",
        "published_by": PydanticObjectId(),
        "published_at": utc_now(),
    }
    return await Announcement(**{**fields, **overrides}).insert()


async def test_product_updates_are_read_with_the_platforms_key(beamer_api, beamer, member):
    beamer.fake.on("GET", POSTS, json_answer([post(1), post(2)]))

    response = await beamer_api.get("/v1/e/beamer/posts?page=2", headers=member)

    assert [item["title"] for item in response.json()["data"]] == [
        "Reports are faster 1",
        "Reports are faster 2",
    ]
    (sent,) = beamer.fake.sent("GET", POSTS)
    assert sent.headers["beamer-api-key"] == API_KEY
    assert query_of(sent) == {
        "page": "2",
        "maxResults": "10",
        "published": "true",
        "language": "EN",
    }


async def test_a_full_page_of_updates_says_there_may_be_more(beamer_api, beamer, member):
    beamer.fake.on("GET", POSTS, json_answer([post(n) for n in range(10)]))

    response = await beamer_api.get("/v1/e/beamer/posts", headers=member)

    assert (response.json()["page"], response.json()["next_page"]) == (1, 2)


async def test_a_short_page_of_updates_is_the_last(beamer_api, beamer, member):
    beamer.fake.on("GET", POSTS, json_answer([post(1)]))

    response = await beamer_api.get("/v1/e/beamer/posts", headers=member)

    assert response.json()["next_page"] is None


async def test_the_unread_count_is_the_signed_in_users(beamer_api, beamer, account_id):
    beamer.fake.on("GET", UNREAD, json_answer(unread(3)))

    response = await beamer_api.get(
        "/v1/e/beamer/unread", headers=headers_for(account_id, user_id="user-42")
    )

    assert response.json() == {"count": 3, "feed_url": FEED}
    (sent,) = beamer.fake.sent("GET", UNREAD)
    assert query_of(sent) == {"userId": "user-42"}


async def test_a_429_from_beamer_is_waited_out_for_its_retry_after(beamer_api, beamer, member):
    busy = json_answer("Too many requests.", 429, {"Retry-After": "2"})
    beamer.fake.on("GET", POSTS, busy, json_answer([post(1)]))

    response = await beamer_api.get("/v1/e/beamer/posts", headers=member)

    assert response.status_code == 200
    assert beamer.waits == [2]


async def test_an_announcement_is_posted_to_beamer_once(beamer_api, beamer):
    announcement = await create_announcement()
    beamer.fake.on("POST", POSTS, json_answer(post(7), 201))

    first = await beamer_api.post(announcement_path(announcement.id), headers=from_service())
    again = await beamer_api.post(announcement_path(announcement.id), headers=from_service())

    assert first.json()["beamer_post_id"] == again.json()["beamer_post_id"] == 1007
    (sent,) = beamer.fake.sent("POST", POSTS)
    assert json_of(sent) == {
        "title": ["Reports are faster"],
        "content": ["Monthly reports now build in seconds."],
        "category": "announcement",
        "publish": True,
        "language": ["EN"],
        "linkUrl": ["https://agency.test/changelog/reports"],
        "linkText": ["Read more"],
    }
    assert (await Announcement.get(announcement.id)).beamer_post_id == 1007


async def test_a_withdrawn_announcement_is_not_posted(beamer_api, beamer):
    announcement = await create_announcement(withdrawn_at=utc_now())

    response = await beamer_api.post(announcement_path(announcement.id), headers=from_service())

    assert response.json()["beamer_post_id"] is None
    assert beamer.fake.requests == []


async def test_an_unknown_announcement_answers_404(beamer_api, beamer):
    response = await beamer_api.post(announcement_path(PydanticObjectId()), headers=from_service())

    assert response.status_code == 404
    assert beamer.fake.requests == []


async def test_only_the_queue_manager_posts_announcements(beamer_api, beamer, member):
    announcement = await create_announcement()

    response = await beamer_api.post(announcement_path(announcement.id), headers=member)

    assert response.status_code == 401
    assert (await Announcement.get(announcement.id)).beamer_post_id is None
    assert beamer.fake.requests == []


async def test_without_a_beamer_key_product_updates_are_not_configured(start_external, member):
    async with start_external() as external:
        response = await external.get("/v1/e/beamer/posts", headers=member)

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "beamer_not_configured"


async def test_without_a_beamer_key_an_announcement_stays_unposted(start_external, fake):
    announcement = await create_announcement()
    async with start_external() as external:
        response = await external.post(announcement_path(announcement.id), headers=from_service())

    assert response.json()["beamer_post_id"] is None
    assert fake.requests == []
