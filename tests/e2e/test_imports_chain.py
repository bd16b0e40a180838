"""A CSV import the way the dashboard makes one: gateway -> router -> internal_api, the rows
written by the queue manager's worker."""

from tests.e2e.test_chain import sign_up
from tests.internal_api.chain import dashboard, dashboard_jobs, module_chain
from tests.internal_api.crm.csv_jobs import finished, worker

__all__ = ["dashboard", "dashboard_jobs", "module_chain", "worker"]

LATIN1_CSV = "First,Last,Email\nJosé,Núñez,jose@example.com\nFrançois,Müller,bad\n".encode(
    "latin-1"
)
MAPPING = '{"First": "first_name", "Last": "last_name", "Email": "emails"}'


async def test_an_agency_owner_in_a_sub_account_imports_a_latin1_file_through_the_chain(
    dashboard, dashboard_jobs, worker
):
    session = await sign_up(dashboard, "Agency", dashboard_jobs)
    me = (await dashboard.get("/v1/users/me", headers=session)).json()["user"]["id"]
    client = await dashboard.post(
        "/v1/accounts/sub-accounts", json={"name": "Client Co"}, headers=session
    )
    await dashboard.post(
        "/v1/auth/switch-account", json={"account_id": client.json()["id"]}, headers=session
    )

    response = await dashboard.post(
        "/v1/crm/imports",
        files={"file": ("contacts.csv", LATIN1_CSV, "text/csv")},
        data={"mapping": MAPPING},
        headers=session,
    )
    job = await finished(dashboard, f"/v1/crm/imports/{response.json()['id']}", session)

    assert response.status_code == 202, response.text
    assert (job["status"], job["rows_imported"], job["rows_failed"]) == ("done", 1, 1)
    assert job["errors"][0]["row"] == 2 and job["errors"][0]["field"] == "Email"
    [jose] = (await dashboard.get("/v1/crm/contacts", headers=session)).json()["data"]
    assert (jose["first_name"], jose["last_name"], jose["owner_id"]) == ("José", "Núñez", me)
