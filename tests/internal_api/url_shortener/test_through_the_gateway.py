"""Short links the dashboard's way (gateway -> router -> internal_api): an admin makes one with
a session, and anyone follows it without one."""

from datetime import timedelta

from shared.models.base import utc_now
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain
from tests.internal_api.url_shortener.conftest import DESTINATION, LINKS
from tests.internal_api.url_shortener.factories import create_link

__all__ = ["dashboard", "module_chain"]


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
    assert followed.headers["location"] == f"{DESTINATION}&utm_source=qr"


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
