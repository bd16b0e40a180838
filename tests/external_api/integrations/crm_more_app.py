"""One external API per test module for the Zoho CRM, Keap, ActiveCampaign, Mailchimp and
Constant Contact tests, with their platform settings: starting the app (and its database) once
per module rather than per test is most of what these tests would cost. The fake providers,
the recorded retry waits and the recorded jobs are the module's too, emptied before each test;
the database is emptied after each (`mongo`).

A module's conftest takes its fixtures in place of `external`, `fake`, `waits` and `jobs`:

    from tests.external_api.integrations.crm_more_app import crm_api, crm_app, fake, jobs, waits
"""

import pytest

from external_api.integrations.activecampaign.settings import ActiveCampaignSettings
from external_api.integrations.constant_contact.settings import ConstantContactSettings
from external_api.integrations.keap.settings import KeapSettings
from external_api.integrations.mailchimp.settings import MailchimpSettings
from external_api.integrations.zoho.settings import ZohoSettings
from tests.external_api.conftest import RecordingTasks
from tests.external_api.fakes import (
    FakeProviders,
    activecampaign,
    constant_contact,
    keap,
    mailchimp,
    zoho,
)
from tests.external_api.recorded_app import Recorded, recorded_api

CRM_SETTINGS = {
    "zoho": ZohoSettings(
        accounts_url=zoho.ACCOUNTS,
        client_id=zoho.CLIENT_ID,
        client_secret=zoho.CLIENT_SECRET,
        webhook_key=zoho.WEBHOOK_KEY,
    ),
    "keap": KeapSettings(
        client_id=keap.CLIENT_ID, client_secret=keap.CLIENT_SECRET, webhook_key=keap.WEBHOOK_KEY
    ),
    "activecampaign": ActiveCampaignSettings(webhook_key=activecampaign.WEBHOOK_KEY),
    "mailchimp": MailchimpSettings(
        client_id=mailchimp.CLIENT_ID,
        client_secret=mailchimp.CLIENT_SECRET,
        webhook_key=mailchimp.WEBHOOK_KEY,
    ),
    "constant_contact": ConstantContactSettings(
        client_id=constant_contact.CLIENT_ID, client_secret=constant_contact.CLIENT_SECRET
    ),
}


@pytest.fixture(scope="module")
def module_recorded() -> Recorded:
    return Recorded()


@pytest.fixture(scope="module")
def module_fake(module_recorded) -> FakeProviders:
    return module_recorded.fake


@pytest.fixture(scope="module")
def module_waits(module_recorded) -> list[float]:
    return module_recorded.waits


@pytest.fixture(scope="module")
def module_jobs(module_recorded) -> RecordingTasks:
    return module_recorded.tasks


@pytest.fixture(scope="module")
async def crm_app(module_recorded):
    async with recorded_api(module_recorded, **CRM_SETTINGS) as client:
        yield client


@pytest.fixture
def fake(module_recorded) -> FakeProviders:
    return module_recorded.clear().fake


@pytest.fixture
def waits(module_recorded, fake) -> list[float]:
    return module_recorded.waits


@pytest.fixture
def jobs(module_recorded, fake) -> RecordingTasks:
    return module_recorded.tasks


@pytest.fixture
def crm_api(crm_app, fake, waits, jobs, mongo):
    """The module's app, its fakes emptied, on a database emptied after the test."""
    return crm_app
