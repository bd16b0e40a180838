"""A custom domain is proven by its TXT record, on its account's request or by the validation
cron; proving it makes the hostname the account's alone and asks for its certificate."""

from datetime import timedelta

import pytest

from shared.domain.domains.errors import DomainNotProven, DomainTaken
from shared.domain.domains.settings import DomainSettings
from shared.domain.domains.verification import recheck_pending, verify_now
from shared.models.base import utc_now
from shared.models.custom_domain import CustomDomain, DomainStatus
from shared.utilities.task_names import (
    LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS,
    PLATFORM_MESSAGES_SEND,
)
from tests.domain_factories import create_domain, create_verified_domain
from tests.factories import create_account, create_membership, create_user

HOST = "www.acme.test"


def settings_for(dns, **overrides) -> DomainSettings:
    fields = {"domains_dns_nameservers": [dns[1]], "domains_dns_timeout_seconds": 2}
    return DomainSettings(**{**fields, **overrides})


def publish(zone, domain: CustomDomain) -> None:
    zone.records.setdefault(domain.record_name, []).append(domain.verification_token)


def jobs_named(outbox, task) -> list:
    return [job for job in outbox.jobs if job.name == task.name]


async def test_a_check_before_the_record_is_published_fails_and_one_after_succeeds(
    outbox, zone, resolver
):
    domain = await create_domain(await create_account(), HOST, verification_token="t-123")

    with pytest.raises(DomainNotProven):
        await verify_now(domain, resolver)
    unchanged = await CustomDomain.get(domain.id)
    publish(zone, domain)
    verified = await verify_now(domain, resolver)

    assert (unchanged.status, unchanged.verified_hostname) == (DomainStatus.PENDING, None)
    stored = await CustomDomain.get(verified.id)
    assert (stored.status, stored.verified_hostname) == (DomainStatus.VERIFIED, HOST)
    assert zone.queries == [domain.record_name, domain.record_name]


async def test_a_verified_domain_asks_for_its_certificate_and_tells_the_dashboard(
    outbox, zone, resolver
):
    domain = await create_domain(await create_account(), HOST)
    publish(zone, domain)

    await verify_now(domain, resolver)

    [job] = jobs_named(outbox, LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS)
    assert job.kwargs == {"domain_id": str(domain.id), "account_id": str(domain.account_id)}
    [emitted] = outbox.emits
    assert (emitted.event, emitted.data["hostname"]) == ("domain:verified", HOST)


async def test_a_token_of_another_account_does_not_prove_the_domain(outbox, zone, resolver):
    squatter = await create_domain(await create_account(), HOST, verification_token="theirs")
    owner = await create_domain(await create_account(), HOST, verification_token="mine")
    publish(zone, owner)

    with pytest.raises(DomainNotProven):
        await verify_now(squatter, resolver)

    assert (await CustomDomain.get(squatter.id)).status is DomainStatus.PENDING


async def test_a_hostname_another_account_verified_is_refused_and_nothing_changes(
    outbox, zone, resolver
):
    await create_verified_domain(await create_account(), HOST)
    second = await create_domain(await create_account(), HOST)
    publish(zone, second)

    with pytest.raises(DomainTaken):
        await verify_now(second, resolver)

    stored = await CustomDomain.get(second.id)
    assert (stored.status, stored.verified_hostname) == (DomainStatus.PENDING, None)
    assert outbox.jobs == []


async def test_a_hostname_serving_an_accounts_dashboard_is_refused(outbox, zone, resolver):
    await create_account(branding={"custom_domain": HOST})
    domain = await create_domain(await create_account(), HOST)
    publish(zone, domain)

    with pytest.raises(DomainTaken):
        await verify_now(domain, resolver)


async def test_the_cron_verifies_a_domain_whose_record_appeared(outbox, dns, zone):
    domain = await create_domain(await create_account(), HOST)
    publish(zone, domain)

    sweep = await recheck_pending(settings_for(dns), batch=10)

    assert sweep.verified == 1
    assert (await CustomDomain.get(domain.id)).status is DomainStatus.VERIFIED


async def test_the_cron_counts_an_unproving_check_and_leaves_the_domain_pending(outbox, dns):
    domain = await create_domain(await create_account(), HOST)

    sweep = await recheck_pending(settings_for(dns), batch=10)

    stored = await CustomDomain.get(domain.id)
    assert (sweep.pending, stored.status, stored.checks) == (1, DomainStatus.PENDING, 1)
    assert stored.last_checked_at is not None


async def test_the_cron_leaves_a_domain_checked_recently_alone(outbox, dns, zone):
    domain = await create_domain(await create_account(), HOST, last_checked_at=utc_now())

    sweep = await recheck_pending(settings_for(dns, domains_recheck_minutes=10), batch=10)

    assert sweep == type(sweep)()
    assert zone.queries == []
    assert (await CustomDomain.get(domain.id)).checks == 0


async def test_a_domain_unproven_past_its_window_fails_and_its_members_are_told_once(outbox, dns):
    account = await create_account()
    await create_membership(account, await create_user())
    long_ago = utc_now() - timedelta(days=8)
    domain = await create_domain(account, HOST, created_at=long_ago)

    sweep = await recheck_pending(settings_for(dns, domains_validation_days=7), batch=10)
    again = await recheck_pending(settings_for(dns, domains_validation_days=7), batch=10)

    stored = await CustomDomain.get(domain.id)
    assert (sweep.failed, again.failed) == (1, 0)
    assert (stored.status, stored.failure) == (DomainStatus.FAILED, "domain_not_proven")
    [told] = jobs_named(outbox, PLATFORM_MESSAGES_SEND)
    assert (told.kwargs["event"], told.kwargs["data"]["hostname"]) == (
        "domain_verification_failed",
        HOST,
    )


async def test_the_cron_stops_when_dns_does_not_answer(outbox, dns, zone):
    zone.silent = True
    domain = await create_domain(await create_account(), HOST)

    sweep = await recheck_pending(settings_for(dns, domains_dns_timeout_seconds=0.2), batch=10)

    assert sweep.pending == 0
    assert (await CustomDomain.get(domain.id)).checks == 0
