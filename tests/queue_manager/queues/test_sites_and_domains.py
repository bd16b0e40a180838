"""The queue manager's Duda and Cloudflare work on a real worker, through the external API on a
real port (its providers faked at the transport): a business profile's change reaches the
site's Duda content library, and a verified domain gets its Cloudflare custom hostname."""

import httpx
import pytest

from external_api.app import create_app
from external_api.integrations.cloudflare.settings import CloudflareSettings
from external_api.integrations.duda.settings import DudaSettings
from queue_manager.celery import settings
from shared.domain.domains.verification import claim
from shared.domain.sites.business import update_profile
from shared.models.custom_domain import CustomDomain, TlsStatus
from shared.models.duda_site import DudaSite
from shared.utilities.outbox import collecting
from tests.domain_factories import create_domain
from tests.external_api.conftest import external_settings
from tests.external_api.fakes import FakeProviders, json_answer, json_of
from tests.external_api.fakes.cloudflare import (
    API_TOKEN,
    CUSTOM_HOSTNAMES,
    ZONE_ID,
    custom_hostname,
    envelope,
    listed,
)
from tests.external_api.fakes.duda import PASSWORD, USERNAME, content_url
from tests.factories import create_account
from tests.queue_manager.queues.conftest import eventually


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def external_api(serve, fake, monkeypatch):
    app = create_app(
        external_settings(
            duda=DudaSettings(username=USERNAME, password=PASSWORD),
            cloudflare=CloudflareSettings(api_token=API_TOKEN, zone_id=ZONE_ID),
        ),
        fake.transport(),
    )
    async with serve(app) as url:
        monkeypatch.setattr(settings, "external_api_url", url)
        yield url


async def test_a_profile_change_reaches_the_sites_content_library(
    worker, senders, external_api, fake
):
    account = await create_account()
    site = await DudaSite(account_id=account.id, site_name="s-1", template_id=1).insert()
    fake.on("POST", content_url("s-1"), httpx.Response(204))

    async with collecting(senders):
        await update_profile(account.id, {"name": "Dee's Doughnuts"})

    async def pushed() -> bool:
        return bool(fake.sent("POST", content_url(site.site_name)))

    await eventually(pushed)
    [sent] = fake.sent("POST", content_url("s-1"))
    assert json_of(sent)["business_data"] == {"name": "Dee's Doughnuts"}


async def test_a_verified_domain_gets_its_custom_hostname(worker, senders, external_api, fake):
    domain = await create_domain(await create_account(), "www.acme.test")
    fake.on("GET", CUSTOM_HOSTNAMES, json_answer(listed()))
    fake.on("POST", CUSTOM_HOSTNAMES, json_answer(envelope(custom_hostname("www.acme.test"))))

    async with collecting(senders):
        await claim(domain)

    async def provisioned() -> bool:
        stored = await CustomDomain.get(domain.id)
        return stored.tls_status is TlsStatus.PENDING

    await eventually(provisioned)
    [created] = fake.sent("POST", CUSTOM_HOSTNAMES)
    assert json_of(created)["hostname"] == "www.acme.test"
