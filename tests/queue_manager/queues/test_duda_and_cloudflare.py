"""The queue manager's Duda and Cloudflare work on a real worker, through the external API on a
real port (its providers faked at the transport): a business profile's change reaches the
site's Duda content library, a verified domain gets its Cloudflare custom hostname, an
InstaSite is built to its preview link and claimed, and unclaimed ones are purged."""

import os
import uuid
from datetime import timedelta

import anyio
import httpx
import pytest

from external_api.app import create_app
from external_api.integrations.cloudflare.settings import CloudflareSettings
from external_api.integrations.duda.settings import DudaSettings
from queue_manager.celery import app as celery_app
from queue_manager.celery import settings
from shared.domain.domains.verification import claim
from shared.domain.sites.business import update_profile
from shared.models.base import utc_now
from shared.models.custom_domain import CustomDomain, TlsStatus
from shared.models.duda_site import DudaSite
from shared.models.instasite import Instasite, InstasiteStatus
from shared.utilities.outbox import collecting, enqueue_job
from shared.utilities.task_names import INSTASITES_BUILD_BUILD, INSTASITES_BUILD_CLAIM
from shared.utilities.tasks import TaskSender
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
from tests.external_api.fakes.duda import (
    CREATE_ACCOUNT,
    CREATE_SITE,
    NOT_FOUND,
    PASSWORD,
    SITE,
    SITE_NAME,
    USERNAME,
    account_url,
    content_url,
    permissions_url,
    site_url,
)
from tests.factories import create_account
from tests.fixtures import running
from tests.instasite_factories import create_instasite
from tests.queue_manager.queues.conftest import eventually
from tests.worker_in_process import worker_on_this_loop


@pytest.fixture(scope="module")
def module_fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture(scope="module")
async def module_external_api(module_fake):
    """The external API on a real port and the queue manager pointed at it, for the module."""
    app = create_app(
        external_settings(
            duda=DudaSettings(username=USERNAME, password=PASSWORD),
            cloudflare=CloudflareSettings(api_token=API_TOKEN, zone_id=ZONE_ID),
        ),
        module_fake.transport(),
    )
    default_url = settings.external_api_url
    async with running(app) as url:
        settings.external_api_url = url
        yield url
    settings.external_api_url = default_url


@pytest.fixture(scope="module")
async def module_worker(module_external_api):
    async with worker_on_this_loop(celery_app):
        yield


@pytest.fixture
def fake(module_fake) -> FakeProviders:
    module_fake.answers.clear()
    module_fake.requests.clear()
    return module_fake


@pytest.fixture
def external_api(module_worker, module_external_api, mongo, fake):
    """The worker and the external API, both shared by the module's tests."""
    return module_external_api


async def test_a_profile_change_reaches_the_sites_content_library(senders, external_api, fake):
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


async def test_a_verified_domain_gets_its_custom_hostname(senders, external_api, fake):
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


def job_for(instasite: Instasite) -> dict[str, str]:
    return {"instasite_id": str(instasite.id), "account_id": str(instasite.account_id)}


async def status_of(instasite: Instasite) -> InstasiteStatus:
    return (await Instasite.get(instasite.id)).status


async def test_an_instasite_is_built_to_its_preview_link(senders, external_api, fake):
    instasite = await create_instasite(await create_account())
    fake.on("POST", CREATE_SITE, json_answer({"site_name": SITE_NAME}))
    fake.on("POST", content_url(), httpx.Response(204))
    fake.on("GET", site_url(), json_answer(SITE))

    async with collecting(senders):
        enqueue_job(INSTASITES_BUILD_BUILD, **job_for(instasite))

    async def ready() -> bool:
        return await status_of(instasite) is InstasiteStatus.READY

    await eventually(ready)
    stored = await Instasite.get(instasite.id)
    assert (stored.progress, stored.site_name, stored.preview_url) == (
        100,
        SITE_NAME,
        SITE["preview_site_url"],
    )


async def test_an_instasite_duda_refuses_to_build_fails(senders, external_api, fake):
    instasite = await create_instasite(await create_account())
    refused = {"error_code": "InvalidInput", "message": "Template 1000774 does not exist"}
    fake.on("POST", CREATE_SITE, json_answer(refused, 400))

    async with collecting(senders):
        enqueue_job(INSTASITES_BUILD_BUILD, **job_for(instasite))

    async def failed() -> bool:
        return await status_of(instasite) is InstasiteStatus.FAILED

    await eventually(failed)
    assert "Template 1000774" in (await Instasite.get(instasite.id)).failure


async def test_a_claimed_instasite_becomes_the_accounts_site(senders, external_api, fake):
    account = await create_account()
    instasite = await create_instasite(
        account, status=InstasiteStatus.CLAIMING, site_name=SITE_NAME
    )
    customer = f"platform-{account.id}"
    fake.on("GET", account_url(customer), json_answer(NOT_FOUND, 404))
    fake.on("POST", CREATE_ACCOUNT, httpx.Response(204))
    fake.on("POST", permissions_url(customer), httpx.Response(204))

    async with collecting(senders):
        enqueue_job(INSTASITES_BUILD_CLAIM, **job_for(instasite))

    async def claimed() -> bool:
        return await status_of(instasite) is InstasiteStatus.CLAIMED

    await eventually(claimed)
    [site] = await DudaSite.find({"account_id": account.id}).to_list()
    assert (await Instasite.get(instasite.id)).site_id == site.id


async def test_unclaimed_instasites_past_their_end_are_purged(external_api, fake):
    account = await create_account()
    past = utc_now() - timedelta(days=1)
    expired = await create_instasite(
        account, status=InstasiteStatus.READY, site_name=SITE_NAME, expires_at=past
    )
    claimed = await create_instasite(
        account, status=InstasiteStatus.CLAIMED, site_name="kept", expires_at=past
    )
    fake.on("DELETE", site_url(), httpx.Response(204))
    sender = TaskSender(os.environ["REDIS_URL"])

    try:
        task_id = await sender.send("instasites_purge.purge_unclaimed", {}, uuid.uuid4().hex)
        result = celery_app.AsyncResult(task_id)
        purged = await anyio.to_thread.run_sync(lambda: result.get(timeout=30))
    finally:
        sender.close()

    assert purged == 1
    assert await Instasite.get(expired.id) is None
    assert await Instasite.get(claimed.id) is not None
    assert len(fake.sent("DELETE", site_url())) == 1
