"""Billing's queued work: an invoice's next payment attempt (a sub-account's to its agency on
`subscription_pending_subaccount_charge`, an agency's platform fee on
`subscription_charge_mainaccount`), each task id the attempt's idempotency key, so a task run
twice or taken over after its worker died charges once (`shared.domain.billing.charging`); and
a paying sub-account recorded as its agency's contact (`billing_contacts`)."""

from queue_manager import payments
from queue_manager.celery import app, settings
from shared.domain.billing.charging import charge_invoice
from shared.domain.billing.contacts import record_payer
from shared.utilities.task_names import (
    BILLING_CONTACTS_RECORD,
    SUBSCRIPTION_CHARGE_MAINACCOUNT_INVOICE,
    SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_INVOICE,
)
from shared.utilities.worker import platform_task


@platform_task(app, SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_INVOICE)
async def charge_sub_account_invoice(invoice_id: str) -> str:
    return await charge_invoice(payments.provider(), invoice_id, settings.billing_retry_days)


@platform_task(app, SUBSCRIPTION_CHARGE_MAINACCOUNT_INVOICE)
async def charge_main_account_invoice(invoice_id: str) -> str:
    return await charge_invoice(payments.provider(), invoice_id, settings.billing_retry_days)


@platform_task(app, BILLING_CONTACTS_RECORD)
async def record_billing_contact(invoice_id: str) -> dict:
    return await record_payer(invoice_id, settings)
