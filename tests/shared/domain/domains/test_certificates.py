"""A custom domain's certificate expiring within the alert window tells its account, once per
certificate: a renewed certificate (a new expiry) may alert again."""

from datetime import timedelta

from shared.domain.domains.certificates import alert_expiring
from shared.models.base import utc_now
from shared.models.custom_domain import CustomDomain, TlsStatus
from shared.utilities.task_names import PLATFORM_MESSAGES_SEND
from tests.domain_factories import create_verified_domain
from tests.factories import create_account, create_membership, create_user


async def member_of_new_account():
    account = await create_account()
    await create_membership(account, await create_user())
    return account


def told(outbox) -> list[str]:
    return [
        job.kwargs["data"]["hostname"]
        for job in outbox.jobs
        if job.name == PLATFORM_MESSAGES_SEND.name
    ]


async def test_a_certificate_expiring_soon_alerts_once(outbox):
    now = utc_now()
    account = await member_of_new_account()
    soon = await create_verified_domain(
        account,
        "soon.acme.test",
        tls_status=TlsStatus.ACTIVE,
        certificate_expires_at=now + timedelta(days=3),
    )
    await create_verified_domain(
        account,
        "later.acme.test",
        tls_status=TlsStatus.ACTIVE,
        certificate_expires_at=now + timedelta(days=60),
    )

    first = await alert_expiring(now, alert_days=14, batch=10)
    second = await alert_expiring(now, alert_days=14, batch=10)

    assert (first, second) == (1, 0)
    assert told(outbox) == ["soon.acme.test"]
    assert (await CustomDomain.get(soon.id)).expiry_alert_sent is True


async def test_a_certificate_still_being_issued_does_not_alert(outbox):
    now = utc_now()
    await create_verified_domain(
        await member_of_new_account(),
        tls_status=TlsStatus.PENDING,
        certificate_expires_at=now + timedelta(days=3),
    )

    assert await alert_expiring(now, alert_days=14, batch=10) == 0
