"""Billing's crons: plans' next periods started and invoiced (QM_SUBSCRIPTION_ACTIVATE),
plans cancelled at their period's end (QM_SUBSCRIPTION_CANCEL), the attempts of invoices that
have come due queued (QM_SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE; QM_SUBSCRIPTION_CHARGE_MAINACCOUNT
also makes the month's platform-fee invoices), new Stripe connections checked
(QM_BILLING_NEW_AUTH) and agencies' domains registered with Stripe (QM_VERIFY_STRIPE_DOMAINS).
Each is safe to run twice: what one run did, the next finds done."""

from queue_manager import payments
from queue_manager.celery import app, settings
from shared.domain.billing import subscriptions
from shared.domain.billing.charging import queue_due_charges
from shared.domain.billing.connections import check_new_connections
from shared.domain.billing.domains import register_domains
from shared.domain.billing.platform_fee import invoice_platform_fees
from shared.models.base import utc_now
from shared.models.billing_invoice import Seller
from shared.utilities.task_names import (
    BILLING_NEW_AUTH_CHECK,
    SUBSCRIPTION_ACTIVATE_START_DUE,
    SUBSCRIPTION_CANCEL_END_DUE,
    SUBSCRIPTION_CHARGE_MAINACCOUNT_SWEEP,
    SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_SWEEP,
    VERIFY_STRIPE_DOMAINS_REGISTER,
)
from shared.utilities.worker import platform_task

BATCH = 200


@platform_task(app, SUBSCRIPTION_ACTIVATE_START_DUE)
async def start_due_periods() -> int:
    return await subscriptions.start_due_periods(utc_now(), BATCH)


@platform_task(app, SUBSCRIPTION_CANCEL_END_DUE)
async def cancel_ended() -> int:
    return await subscriptions.cancel_ended(utc_now(), BATCH)


@platform_task(app, SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_SWEEP)
async def queue_sub_account_charges() -> int:
    return await queue_due_charges(Seller.AGENCY, utc_now(), BATCH)


@platform_task(app, SUBSCRIPTION_CHARGE_MAINACCOUNT_SWEEP)
async def charge_main_accounts() -> dict[str, int]:
    now = utc_now()
    invoiced = await invoice_platform_fees(
        settings.billing_platform_fee,
        settings.billing_platform_fee_currency,
        payments.provider().name,
        now,
        BATCH,
    )
    return {"invoiced": invoiced, "queued": await queue_due_charges(Seller.PLATFORM, now, BATCH)}


@platform_task(app, BILLING_NEW_AUTH_CHECK)
async def check_connections() -> int:
    return await check_new_connections(payments.provider(), utc_now(), BATCH)


@platform_task(app, VERIFY_STRIPE_DOMAINS_REGISTER)
async def register_payment_domains() -> int:
    return await register_domains(payments.provider(), utc_now(), BATCH)
