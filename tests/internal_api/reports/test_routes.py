"""/v1/reports: a report defined, read back, changed and scheduled; its page shows its figures;
another account's report answers 404; a client reads but does not define; share links open
the page without a session until they are changed, expired or revoked (404)."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from shared.domain.reports.settings import ReportSettings
from shared.domain.reports.sharing import CLIENT_REPORT, link_key, share_token
from shared.models.client_report import ClientReport
from tests.report_factories import store_ads_week

REPORTS = "/v1/reports"
BODY = {
    "name": "March results",
    "date_range": "custom",
    "start_date": "2026-03-01",
    "end_date": "2026-03-07",
    "widgets": [
        {
            "kind": "kpi",
            "title": "Paid search",
            "metrics": [{"source": "google-ads", "metric": "clicks", "label": "Clicks"}],
        },
        {
            "kind": "top_n",
            "title": "Top campaigns",
            "metrics": [{"source": "google-ads", "metric": "clicks"}],
            "entity_type": "campaign",
        },
    ],
    "branding": {"title": "Bakery, March", "primary_color": "#aa3300"},
}


async def create(api, who, **overrides) -> dict:
    response = await api.post(REPORTS, json={**BODY, **overrides}, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_report_is_defined_and_read_back(api, owner):
    created = await create(api, owner)

    response = await api.get(f"{REPORTS}/{created['id']}", headers=owner.headers)

    report = response.json()
    assert (report["name"], report["comparison"], report["schedule"]) == (
        "March results",
        "previous_period",
        None,
    )
    assert [widget["kind"] for widget in report["widgets"]] == ["kpi", "top_n"]


async def test_a_schedule_gets_its_next_run_in_its_time_zone(api, owner):
    schedule = {
        "frequency": "monthly",
        "day_of_month": 1,
        "hour": 9,
        "time_zone": "Europe/Paris",
        "recipients": ["client@bakery.example"],
    }
    created = await create(api, owner)

    response = await api.patch(
        f"{REPORTS}/{created['id']}", json={"schedule": schedule}, headers=owner.headers
    )

    next_run = datetime.fromisoformat(response.json()["schedule"]["next_run_at"])
    local = next_run.astimezone(ZoneInfo("Europe/Paris"))
    assert (local.day, local.hour, local.minute) == (1, 9, 0)


async def test_a_custom_range_without_its_dates_is_refused_and_nothing_changes(api, owner):
    created = await create(api, owner, date_range="last_7_days", start_date=None, end_date=None)

    response = await api.patch(
        f"{REPORTS}/{created['id']}", json={"date_range": "custom"}, headers=owner.headers
    )

    assert response.json()["error"]["code"] == "report_invalid"
    stored = await ClientReport.get(created["id"])
    assert stored.date_range == "last_7_days"


async def test_a_widget_with_the_wrong_number_of_metrics_is_refused(api, owner):
    funnel = {"kind": "funnel", "title": "Funnel", "metrics": [BODY["widgets"][0]["metrics"][0]]}

    response = await api.post(REPORTS, json={**BODY, "widgets": [funnel]}, headers=owner.headers)

    assert response.status_code == 422
    assert await ClientReport.find_all().count() == 0


async def test_another_accounts_report_answers_404(api, owner, stranger):
    created = await create(api, owner)

    for path in ("", "/preview", "/pdf"):
        response = await api.get(f"{REPORTS}/{created['id']}{path}", headers=stranger.headers)
        assert (path, response.json()["error"]["code"]) == (path, "not_found")
    deleted = await api.delete(f"{REPORTS}/{created['id']}", headers=stranger.headers)
    assert deleted.status_code == 404
    assert await ClientReport.get(created["id"]) is not None


async def test_a_client_reads_reports_but_defines_none(api, owner, client_user):
    created = await create(api, owner)

    read = await api.get(f"{REPORTS}/{created['id']}", headers=client_user.headers)
    refused = await api.post(REPORTS, json=BODY, headers=client_user.headers)

    assert (read.status_code, refused.status_code) == (200, 403)


async def test_the_preview_shows_the_figures_and_their_change(api, owner):
    await store_ads_week(owner.account, date(2026, 3, 1), [10, 20, 30], cost=0)
    await store_ads_week(owner.account, date(2026, 2, 22), [10, 10, 10], cost=0)
    created = await create(api, owner)

    response = await api.get(f"{REPORTS}/{created['id']}/preview", headers=owner.headers)

    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "Bakery, March" in page and "2026-03-01 to 2026-03-07" in page
    assert ">60<" in page and "+100.0% vs 30" in page
    assert "<svg" in page and "<script" not in page


async def test_a_share_link_opens_the_page_without_a_session(api, owner):
    created = await create(api, owner)
    shared = (
        await api.post(f"{REPORTS}/{created['id']}/share", json={}, headers=owner.headers)
    ).json()

    response = await api.get(shared["path"])

    assert response.status_code == 200
    assert "Bakery, March" in response.text
    assert response.headers["cache-control"] == "private, no-store"


async def test_a_changed_share_link_answers_404(api, owner):
    created = await create(api, owner)
    shared = (
        await api.post(f"{REPORTS}/{created['id']}/share", json={}, headers=owner.headers)
    ).json()
    report_id, expires, mac = shared["path"].rsplit("/", 1)[1].split(".")
    later = str(int(expires) + 86_400)

    for token in (f"{report_id}.{later}.{mac}", f"{report_id}.{expires}.{'0' * 32}"):
        response = await api.get(f"{REPORTS}/public/{token}")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "share_link_invalid"


async def test_an_expired_share_link_answers_404(api, owner):
    created = await create(api, owner)
    report = await ClientReport.get(created["id"])
    key = link_key(ReportSettings())
    expired = share_token(
        key, CLIENT_REPORT, report, report.share_nonce, datetime.now(UTC) - timedelta(seconds=1)
    )

    response = await api.get(f"{REPORTS}/public/{expired}")

    assert response.json()["error"]["code"] == "share_link_invalid"


async def test_a_revoked_share_link_answers_404(api, owner):
    created = await create(api, owner)
    shared = (
        await api.post(f"{REPORTS}/{created['id']}/share", json={}, headers=owner.headers)
    ).json()

    await api.post(f"{REPORTS}/{created['id']}/share/revoke", headers=owner.headers)

    assert (await api.get(shared["path"])).status_code == 404
