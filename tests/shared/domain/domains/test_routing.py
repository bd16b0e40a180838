"""A Host routes to the site or funnel of its verified custom domain, and to nothing else."""

import pytest
from pymongo.errors import DuplicateKeyError

from shared.domain.domains.routing import verified_target
from tests.domain_factories import create_domain, create_verified_domain
from tests.factories import create_account


async def test_a_verified_domain_routes_whatever_the_host_headers_case_and_port(mongo):
    account = await create_account()
    domain = await create_verified_domain(account, "www.acme.test", target_id="funnel-7")

    found = await verified_target("WWW.Acme.test.:443")

    assert (found.id, found.target_id) == (domain.id, "funnel-7")


async def test_a_pending_domain_routes_nowhere(mongo):
    await create_domain(await create_account(), "www.acme.test")

    assert await verified_target("www.acme.test") is None


async def test_several_accounts_may_hold_one_hostname_pending(mongo):
    await create_domain(await create_account(), "www.acme.test")

    second = await create_domain(await create_account(), "www.acme.test")

    assert second.id is not None


async def test_a_hostname_verified_by_one_account_cannot_be_verified_by_another(mongo):
    await create_verified_domain(await create_account(), "www.acme.test")

    with pytest.raises(DuplicateKeyError):
        await create_verified_domain(await create_account(), "www.acme.test")
