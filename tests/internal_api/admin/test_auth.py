"""The admin is the platform operators' alone: a role no account membership grants. The owner
of an agency, an operator viewing as someone else, a caller without a token: each is refused
before anything is read or done."""

import pytest
from beanie import PydanticObjectId

from shared.models.account import Account, AccountStatus
from shared.models.admin_audit_entry import AdminAuditEntry
from shared.models.announcement import Announcement
from shared.models.user import User
from shared.utilities.auth import Principal, TokenKind
from tests.factories import user_token

SOME_ID = str(PydanticObjectId())
REASON = {"reason": "Support ticket 42"}
ADMIN_ROUTES = [
    ("GET", "/v1/admin/accounts", None),
    ("GET", f"/v1/admin/accounts/{SOME_ID}", None),
    ("POST", f"/v1/admin/accounts/{SOME_ID}/suspend", REASON),
    ("POST", f"/v1/admin/accounts/{SOME_ID}/reactivate", REASON),
    ("GET", f"/v1/admin/accounts/{SOME_ID}/feature-flags", None),
    (
        "PUT",
        f"/v1/admin/accounts/{SOME_ID}/feature-flags/asset_proxy",
        {"enabled": False, **REASON},
    ),
    ("POST", "/v1/admin/impersonations", {"user_id": SOME_ID, **REASON}),
    ("GET", "/v1/admin/audit-log", None),
    ("GET", "/v1/admin/queues", None),
    ("GET", "/v1/admin/queues/switches", None),
    ("GET", "/v1/admin/dead-letters", None),
    ("POST", f"/v1/admin/dead-letters/{SOME_ID}/redrive", REASON),
    ("POST", "/v1/admin/announcements", {"title": "New", "body": "Hello", **REASON}),
    ("POST", f"/v1/admin/announcements/{SOME_ID}/withdraw", REASON),
]
ROUTE_IDS = [f"{method} {path.replace(SOME_ID, '{id}')}" for method, path, _ in ADMIN_ROUTES]


@pytest.mark.parametrize(("method", "path", "body"), ADMIN_ROUTES, ids=ROUTE_IDS)
async def test_an_agency_owner_is_refused_every_admin_route(
    api, agency_owner, queue_manager, method, path, body
):
    response = await api.request(method, path, json=body, headers=agency_owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "operator_only"
    assert queue_manager.requests == []
    assert await AdminAuditEntry.find_all().count() == 0


@pytest.mark.parametrize(("method", "path", "body"), ADMIN_ROUTES, ids=ROUTE_IDS)
async def test_a_caller_without_a_token_gets_401(api, method, path, body):
    response = await api.request(method, path, json=body)

    assert response.status_code == 401


async def test_an_owners_suspension_of_another_account_is_refused_and_changes_nothing(
    api, agency_owner
):
    other = await Account(name="Someone else's").insert()

    response = await api.post(
        f"/v1/admin/accounts/{other.id}/suspend", json=REASON, headers=agency_owner.headers
    )

    assert response.json()["error"]["code"] == "operator_only"
    assert (await Account.get(other.id)).status is AccountStatus.ACTIVE


async def test_an_owner_cannot_publish_an_announcement(api, agency_owner):
    response = await api.post(
        "/v1/admin/announcements",
        json={"title": "Free money", "body": "Click", **REASON},
        headers=agency_owner.headers,
    )

    assert response.json()["error"]["code"] == "operator_only"
    assert await Announcement.find_all().count() == 0


async def test_a_token_saying_operator_while_impersonating_is_refused(api, agency_owner):
    """Never minted (a view as someone else carries no operator power), and refused anyway."""
    principal = Principal(
        kind=TokenKind.USER,
        sub=str(agency_owner.user.id),
        account_id=str(agency_owner.account.id),
        operator=True,
        impersonated_by=str(PydanticObjectId()),
    )

    response = await api.get(
        "/v1/admin/accounts", headers={"authorization": f"Bearer {user_token(principal)}"}
    )

    assert response.json()["error"]["code"] == "operator_only"


async def test_an_operator_is_let_in(api, operator):
    response = await api.get("/v1/admin/accounts", headers=operator.headers)

    assert response.status_code == 200


async def test_no_user_can_make_themself_an_operator(api, agency_owner):
    response = await api.patch(
        "/v1/users/me", json={"platform_operator": True}, headers=agency_owner.headers
    )

    assert response.status_code == 422
    assert (await User.get(agency_owner.user.id)).platform_operator is False
