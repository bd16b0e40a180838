"""/v1/instareports: ordering one answers 202 queued; another account's answers 404; the
prospect's link opens the page without a session and records their lead once; a changed link
answers 404."""

from shared.models.instareport import InstaReport, InstaReportStatus
from shared.models.lead import Lead, LeadSource
from tests.instareport_factories import create_instareport

INSTAREPORTS = "/v1/instareports"
ORDER = {
    "business": {"name": "Dee's Doughnuts", "website": "https://dees.example"},
    "prospect_email": "dee@dees.example",
}


async def test_an_order_is_queued(api, owner):
    response = await api.post(INSTAREPORTS, json=ORDER, headers=owner.headers)

    assert response.status_code == 202, response.text
    stored = await InstaReport.get(response.json()["id"])
    assert (stored.status, stored.business.website) == (
        InstaReportStatus.QUEUED,
        "https://dees.example/",
    )


async def test_a_business_with_nothing_to_audit_is_refused(api, owner):
    body = {"business": {"name": "Dee's Doughnuts"}}

    response = await api.post(INSTAREPORTS, json=body, headers=owner.headers)

    assert response.status_code == 422
    assert await InstaReport.find_all().count() == 0


async def test_another_accounts_instareport_answers_404(api, owner, stranger):
    report = await create_instareport(owner.account, "https://dees.example")

    for path in ("", "/preview", "/pdf"):
        response = await api.get(f"{INSTAREPORTS}/{report.id}{path}", headers=stranger.headers)
        assert (path, response.status_code) == (path, 404)


async def test_the_prospects_link_shows_the_report_and_records_one_lead(api, owner):
    report = await create_instareport(
        owner.account, "https://dees.example", prospect_email="dee@dees.example", grade="B"
    )
    shared = await api.post(f"{INSTAREPORTS}/{report.id}/share", json={}, headers=owner.headers)
    path = shared.json()["path"]

    first = await api.get(path)
    await api.get(path)

    assert first.status_code == 200
    assert "Dee&#39;s Doughnuts" in first.text and "Bakery" in first.text
    [lead] = await Lead.find({"account_id": owner.account.id}).to_list()
    assert (lead.source, lead.source_ref) == (LeadSource.INSTAREPORT, str(report.id))
    assert (await InstaReport.get(report.id)).contact_id == lead.contact_id


async def test_a_changed_link_answers_404_and_records_nothing(api, owner):
    report = await create_instareport(owner.account, "https://dees.example")
    shared = await api.post(f"{INSTAREPORTS}/{report.id}/share", json={}, headers=owner.headers)
    forged = shared.json()["path"][:-4] + "0000"

    response = await api.get(forged)

    assert response.json()["error"]["code"] == "share_link_invalid"
    assert await Lead.find_all().count() == 0
