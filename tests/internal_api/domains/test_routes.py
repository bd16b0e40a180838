"""/v1/domains: a custom domain added pending with the TXT record to publish, verified once DNS
shows it, pointed elsewhere, removed; another tenant's domain is not found."""

from shared.models.custom_domain import CustomDomain, DomainStatus
from shared.models.funnel import FunnelKind
from tests.domain_factories import create_verified_domain
from tests.factories import create_account, create_signed_in
from tests.funnel_factories import create_funnel

DOMAINS = "/v1/domains"


async def add(api, signed_in, hostname="WWW.Acme.test.", **overrides):
    """The domain added for a hosted site of the account, unless the target is given."""
    if "target_id" not in overrides:
        site = await create_funnel(signed_in.account, kind=FunnelKind.SITE)
        overrides = {"target_type": "site", "target_id": str(site.id), **overrides}
    body = {"hostname": hostname, **overrides}
    return await api.post(DOMAINS, json=body, headers=signed_in.headers)


async def test_a_domain_added_is_pending_with_the_record_to_publish(api):
    owner = await create_signed_in()

    response = await add(api, owner)

    assert response.status_code == 201
    answer = response.json()
    assert (answer["hostname"], answer["status"]) == ("www.acme.test", "pending")
    assert answer["record_name"] == "_platform-verify.www.acme.test"
    stored = await CustomDomain.get(answer["id"])
    assert stored.verification_token == answer["verification_token"]


async def test_a_hostname_that_is_no_dns_name_is_refused(api):
    owner = await create_signed_in()

    response = await add(api, owner, hostname="10.0.0.1")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.hostname"
    assert await CustomDomain.find({"account_id": owner.account.id}).count() == 0


async def test_a_hostname_another_account_verified_is_refused(api):
    await create_verified_domain(await create_account(), "www.acme.test")
    owner = await create_signed_in()

    response = await add(api, owner)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "domain_taken"
    assert await CustomDomain.find({"account_id": owner.account.id}).count() == 0


async def test_the_same_hostname_twice_in_one_account_is_refused(api):
    owner = await create_signed_in()
    await add(api, owner)

    response = await add(api, owner)

    assert response.json()["error"]["code"] == "domain_exists"


async def test_verification_fails_until_the_record_is_published_then_succeeds(api, zone):
    owner = await create_signed_in()
    added = (await add(api, owner)).json()
    path = f"{DOMAINS}/{added['id']}/verification"

    refused = await api.post(path, headers=owner.headers)
    zone.records[added["record_name"]] = [added["verification_token"]]
    verified = await api.post(path, headers=owner.headers)

    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "domain_not_proven"
    assert verified.status_code == 200
    assert verified.json()["status"] == "verified"
    assert (await CustomDomain.get(added["id"])).verified_hostname == "www.acme.test"


async def test_a_target_of_another_account_is_not_found(api):
    theirs = await create_funnel(await create_account(), kind=FunnelKind.SITE)
    owner = await create_signed_in()

    response = await add(api, owner, target_type="site", target_id=str(theirs.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "funnel_not_found"
    assert await CustomDomain.find({"account_id": owner.account.id}).count() == 0


async def test_a_funnel_named_as_a_site_is_refused(api):
    owner = await create_signed_in()
    funnel = await create_funnel(owner.account, kind=FunnelKind.FUNNEL)

    response = await add(api, owner, target_type="site", target_id=str(funnel.id))

    assert response.json()["error"]["code"] == "domain_target_mismatch"


async def test_a_domain_is_pointed_at_another_funnel(api):
    owner = await create_signed_in()
    added = (await add(api, owner)).json()
    funnel_id = str((await create_funnel(owner.account)).id)

    response = await api.patch(
        f"{DOMAINS}/{added['id']}",
        json={"target_type": "funnel", "target_id": funnel_id},
        headers=owner.headers,
    )

    assert response.status_code == 200
    stored = await CustomDomain.get(added["id"])
    assert (stored.target_type, stored.target_id) == ("funnel", funnel_id)


async def test_another_tenants_domain_is_not_found_and_stays(api):
    other = await create_signed_in()
    theirs = (await add(api, other)).json()
    owner = await create_signed_in()

    read = await api.get(f"{DOMAINS}/{theirs['id']}", headers=owner.headers)
    verify = await api.post(f"{DOMAINS}/{theirs['id']}/verification", headers=owner.headers)
    removed = await api.delete(f"{DOMAINS}/{theirs['id']}", headers=owner.headers)

    assert [read.status_code, verify.status_code, removed.status_code] == [404, 404, 404]
    assert (await CustomDomain.get(theirs["id"])).status is DomainStatus.PENDING


async def test_a_removed_domain_is_gone(api):
    owner = await create_signed_in()
    added = (await add(api, owner)).json()

    response = await api.delete(f"{DOMAINS}/{added['id']}", headers=owner.headers)

    assert response.status_code == 204
    assert await CustomDomain.get(added["id"]) is None


async def test_a_member_cannot_add_a_domain(api):
    member = await create_signed_in(role="member")

    response = await add(api, member)

    assert response.status_code == 403
