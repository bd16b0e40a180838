"""An operator's read-only view as a user, as the dashboard uses it through the gateway and the
router: it reads, every write answers 403 `impersonation_read_only` from the router (nothing
reaches the service), and signing out ends it."""

from shared.models.contact import Contact
from shared.models.user import User
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]


async def start_view(dashboard, operator, user) -> dict[str, str]:
    response = await dashboard.post(
        "/v1/admin/impersonations",
        json={"user_id": str(user.id), "reason": "Ticket 77: contacts look wrong"},
        headers=operator.session_headers,
    )
    assert response.status_code == 201, response.text
    return {"x-session-id": response.json()["session_id"]}


async def test_a_view_reads_as_the_user_with_the_banner(dashboard):
    operator = await create_signed_in(platform_operator=True)
    member = await create_signed_in()
    view = await start_view(dashboard, operator, member.user)

    me = await dashboard.get("/v1/users/me", headers=view)

    assert me.status_code == 200
    assert (me.json()["user"]["email"], me.json()["impersonated_by"]["id"]) == (
        member.user.email,
        str(operator.user.id),
    )


async def test_every_write_of_a_view_is_refused_and_changes_nothing(dashboard):
    operator = await create_signed_in(platform_operator=True)
    member = await create_signed_in()
    view = await start_view(dashboard, operator, member.user)

    created = await dashboard.post("/v1/crm/contacts", json={"first_name": "Mallory"}, headers=view)
    renamed = await dashboard.patch("/v1/users/me", json={"name": "Changed"}, headers=view)

    for refused in (created, renamed):
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "impersonation_read_only"
    assert await Contact.find_all().count() == 0
    assert (await User.get(member.user.id)).name == member.user.name


async def test_signing_out_ends_the_view(dashboard):
    operator = await create_signed_in(platform_operator=True)
    member = await create_signed_in()
    view = await start_view(dashboard, operator, member.user)

    ended = await dashboard.post("/v1/auth/logout", headers=view)
    after = await dashboard.get("/v1/users/me", headers=view)

    assert ended.status_code == 204
    assert after.status_code == 401


async def test_an_agency_owner_reaches_no_admin_route_through_the_router(dashboard):
    owner = await create_signed_in()

    response = await dashboard.get("/v1/admin/accounts", headers=owner.session_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "operator_only"
