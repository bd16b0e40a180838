"""Short links the dashboard's way (gateway -> router -> internal_api): an admin makes one with
a session, and anyone follows it without one."""

from datetime import timedelta

from queue_manager.short_links.drain import drain
from shared.models.base import utc_now
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain
from tests.internal_api.url_shortener.conftest import DESTINATION, LINKS
from tests.internal_api.url_shortener.factories import create_link

__all__ = ["dashboard", "module_chain"]

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


async def test_a_link_made_in_the_dashboard_redirects_a_visitor_without_a_session(
    dashboard, clicks
):
    owner = await create_signed_in()
    made = await dashboard.post(
        LINKS,
        json={"destination": DESTINATION, "slug": "through-the-chain", "utm": {"source": "qr"}},
        headers=owner.session_headers,
    )
    assert made.status_code == 201

    followed = await dashboard.get("/v1/s/through-the-chain")

    assert followed.status_code == 302
    assert followed.headers["location"] == (
        f"{DESTINATION}&utm_source=qr&short_link=through-the-chain"
    )


async def test_expired_and_unknown_codes_answer_410_and_404_without_a_session(dashboard, clicks):
    owner = await create_signed_in()
    expired = await create_link(owner.account, expires_at=utc_now() - timedelta(days=1))

    gone = await dashboard.get(f"/v1/s/{expired.code}")
    unknown = await dashboard.get("/v1/s/never-made")

    assert (gone.status_code, gone.json()["error"]["code"]) == (410, "short_link_expired")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")


async def test_another_accounts_link_answers_404_in_the_dashboard(dashboard):
    owner = await create_signed_in()
    elsewhere = await create_link((await create_signed_in()).account)

    response = await dashboard.get(f"{LINKS}/{elsewhere.id}", headers=owner.session_headers)

    assert response.status_code == 404


async def test_a_visitors_click_is_counted_and_a_bots_kept_apart_in_the_stats(
    dashboard, clicks, redis
):
    owner = await create_signed_in()
    link = await create_link(owner.account)
    person = {"user-agent": IPHONE, "referer": "https://news.example/", "cf-ipcountry": "NL"}
    await dashboard.get(f"/v1/s/{link.code}", headers=person)
    await dashboard.get(f"/v1/s/{link.code}", headers={"user-agent": GOOGLEBOT})

    await drain(redis)  # what the queue manager's short_link_clicks cron runs

    stats = await dashboard.get(f"{LINKS}/{link.id}/stats", headers=owner.session_headers)
    body = stats.json()
    assert (body["clicks"], body["bots"]) == (1, 1)
    assert body["countries"] == [{"value": "NL", "clicks": 1}]
    assert body["devices"] == [{"value": "mobile", "clicks": 1}]
    assert body["referrers"] == [{"value": "news.example", "clicks": 1}]
