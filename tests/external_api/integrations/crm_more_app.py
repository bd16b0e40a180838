"""One external API per test module for the Zoho CRM, Keap, ActiveCampaign, Mailchimp and
Constant Contact tests, with their platform settings: starting the app (and its database) once
per module rather than per test is most of what these tests would cost. The fake providers,
the recorded retry waits and the recorded jobs are the module's too, emptied before each test;
the database is emptied after each (`mongo`).

A module's conftest takes its fixtures in place of `external`, `fake`, `waits` and `jobs`:

    from tests.external_api.integrations.crm_more_app import crm_api, crm_app, fake, jobs, waits
"""

import pytest

from external_api.app import create_app
from external_api.integrations.activecampaign.settings import ActiveCampaignSettings
from external_api.integrations.constant_contact.settings import ConstantContactSettings
from external_api.integrations.keap.settings import KeapSettings
from external_api.integrations.mailchimp.settings import MailchimpSettings
from external_api.integrations.zoho.settings import ZohoSettings
from shared.utilities.outbox import Senders
from tests.external_api.conftest import RecordingEmitter, RecordingTasks, external_settings
from tests.external_api.fakes import (
    FakeProviders,
    activecampaign,
    constant_contact,
    keap,
    mailchimp,
    zoho,
)
from tests.fixtures import asgi_client


def crm_settings():
    return external_settings(
        zoho=ZohoSettings(
            accounts_url=zoho.ACCOUNTS,
            client_id=zoho.CLIENT_ID,
            client_secret=zoho.CLIENT_SECRET,
            webhook_key=zoho.WEBHOOK_KEY,
        ),
        keap=KeapSettings(
            client_id=keap.CLIENT_ID, client_secret=keap.CLIENT_SECRET, webhook_key=keap.WEBHOOK_KEY
        ),
        activecampaign=ActiveCampaignSettings(webhook_key=activecampaign.WEBHOOK_KEY),
        mailchimp=MailchimpSettings(
            client_id=mailchimp.CLIENT_ID,
            client_secret=mailchimp.CLIENT_SECRET,
            webhook_key=mailchimp.WEBHOOK_KEY,
        ),
        constant_contact=ConstantContactSettings(
            client_id=constant_contact.CLIENT_ID, client_secret=constant_contact.CLIENT_SECRET
        ),
    )


@pytest.fixture(scope="module")
def module_fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture(scope="module")
def module_waits() -> list[float]:
    return []


@pytest.fixture(scope="module")
def module_jobs() -> RecordingTasks:
    return RecordingTasks()


@pytest.fixture(scope="module")
async def crm_app(module_fake, module_waits, module_jobs):
    async def sleep(seconds: float) -> None:
        module_waits.append(seconds)

    app = create_app(crm_settings(), module_fake.transport(), sleep=sleep)
    async with asgi_client(app) as client:
        app.state.senders = Senders(tasks=module_jobs, emitter=RecordingEmitter())
        client.app = app
        yield client


@pytest.fixture
def fake(module_fake) -> FakeProviders:
    module_fake.answers.clear()
    module_fake.requests.clear()
    return module_fake


@pytest.fixture
def waits(module_waits) -> list[float]:
    module_waits.clear()
    return module_waits


@pytest.fixture
def jobs(module_jobs) -> RecordingTasks:
    module_jobs.sent.clear()
    return module_jobs


@pytest.fixture
def crm_api(crm_app, fake, waits, jobs, mongo):
    """The module's app, its fakes emptied, on a database emptied after the test."""
    return crm_app
