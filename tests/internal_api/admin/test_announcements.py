"""Operators publish platform-wide announcements: pushed at once to every connected dashboard,
listed for every user, withdrawn; each audited."""

import pytest

from general_socket.app import create_app as create_general_socket
from general_socket.settings import GeneralSocketSettings
from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from shared.models.announcement import Announcement
from tests.factories import create_signed_in
from tests.general_socket.clients import SocketClient
from tests.internal_api.self_service import RecordedJobs, record_jobs

NEWS = {"title": "Reports are faster", "body": "Monthly reports now build in seconds."}


async def publish(api, operator, **body):
    return await api.post(
        "/v1/admin/announcements",
        json={**NEWS, "reason": "Release 3.2", **body},
        headers=operator.headers,
    )


@pytest.fixture
async def dashboard_socket(serve):
    """A dashboard user's tab on a general socket of its own, and the user."""
    async with serve(create_general_socket(GeneralSocketSettings())) as url:
        user = await create_signed_in()
        tab = SocketClient()
        assert await tab.connect(url, {"session_id": user.session_id}) is None
        yield tab, user
        await tab.disconnect()


async def test_a_published_announcement_reaches_every_connected_dashboard(
    api, operator, dashboard_socket
):
    tab, _ = dashboard_socket

    response = await publish(api, operator)

    assert response.status_code == 201
    pushed = await tab.next("announcement:new")
    assert (pushed["id"], pushed["title"], pushed["body"]) == (
        response.json()["id"],
        NEWS["title"],
        NEWS["body"],
    )


async def test_every_user_lists_the_announcements_newest_first(api, operator):
    await publish(api, operator, title="First")
    await publish(api, operator, title="Second")
    user = await create_signed_in()

    listed = await api.get("/v1/announcements", headers=user.headers)

    assert [a["title"] for a in listed.json()["data"]] == ["Second", "First"]


async def test_a_publication_is_audited(api, operator):
    response = await publish(api, operator)

    entry = await AdminAuditEntry.find_one()
    assert (entry.action, entry.target_id, entry.reason) == (
        AdminAction.ANNOUNCEMENT_PUBLISHED,
        response.json()["id"],
        "Release 3.2",
    )


async def test_a_withdrawn_announcement_is_no_longer_listed_and_dashboards_are_told(
    api, operator, dashboard_socket
):
    tab, user = dashboard_socket
    published = (await publish(api, operator)).json()

    withdrawn = await api.post(
        f"/v1/admin/announcements/{published['id']}/withdraw",
        json={"reason": "Published by mistake"},
        headers=operator.headers,
    )

    assert withdrawn.status_code == 204
    assert await tab.next("announcement:withdrawn") == {"id": published["id"]}
    listed = await api.get("/v1/announcements", headers=user.headers)
    assert listed.json()["data"] == []


async def test_withdrawing_twice_answers_409(api, operator):
    published = (await publish(api, operator)).json()
    path = f"/v1/admin/announcements/{published['id']}/withdraw"
    await api.post(path, json={"reason": "Mistake"}, headers=operator.headers)

    again = await api.post(path, json={"reason": "Mistake"}, headers=operator.headers)

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "announcement_withdrawn"


async def test_a_link_that_is_not_http_is_refused_and_nothing_is_published(api, operator):
    response = await publish(api, operator, link_url="javascript:alert(1)")

    assert response.status_code == 422
    assert await Announcement.find_all().count() == 0


async def test_a_published_announcement_is_queued_for_beamer(api, operator):
    jobs = RecordedJobs()
    had = record_jobs(api.app, jobs)
    jobs.through = None
    try:
        response = await publish(api, operator)
    finally:
        api.app.state.senders = had

    announcement_id = response.json()["id"]
    assert jobs.sent == [("beamer.post", {"announcement_id": announcement_id}, None)]
