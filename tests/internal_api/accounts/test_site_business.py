"""Renaming an account through the API asks for its Duda sites' business data to follow."""

from shared.models.duda_site import DudaSite
from shared.utilities.task_names import SITE_UPDATE_BUSINESS_PUSH
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.self_service import jobs, module_app, start_api

__all__ = ["jobs", "module_app", "start_api"]


def site_pushes(jobs) -> list[str]:
    return [
        kwargs["site_id"] for name, kwargs, _ in jobs.sent if name == SITE_UPDATE_BUSINESS_PUSH.name
    ]


async def create_site(account) -> DudaSite:
    return await DudaSite(account_id=account.id, site_name="site-a", template_id=1).insert()


async def test_renaming_the_current_account_pushes_to_its_sites(start_api, jobs):
    owner = await create_signed_in()
    site = await create_site(owner.account)

    async with start_api() as api:
        response = await api.patch(
            "/v1/accounts/current", json={"name": "Renamed"}, headers=owner.headers
        )

    assert response.status_code == 200, response.text
    assert site_pushes(jobs) == [str(site.id)]


async def test_the_agency_renaming_a_sub_account_pushes_to_its_sites(start_api, jobs):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    site = await create_site(client)

    async with start_api() as api:
        response = await api.patch(
            f"/v1/accounts/sub-accounts/{client.id}",
            json={"name": "Renamed"},
            headers=owner.headers,
        )

    assert response.status_code == 200, response.text
    assert site_pushes(jobs) == [str(site.id)]


async def test_a_change_of_colours_pushes_nothing(start_api, jobs):
    owner = await create_signed_in()
    await create_site(owner.account)

    async with start_api() as api:
        response = await api.patch(
            "/v1/accounts/current",
            json={"branding": {"primary_color": "#112233"}},
            headers=owner.headers,
        )

    assert response.status_code == 200, response.text
    assert site_pushes(jobs) == []
