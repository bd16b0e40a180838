"""Billing on the queue manager's real worker and Redis, with the test payment provider the
worker gets without a Stripe key: a new plan's charge task pays its invoice, the provider's
`payment_intent.succeeded` comes back through the Stripe handler like a webhook, and the paying
sub-account becomes its agency's customer contact."""

from shared.domain.payments.local_provider import TestPaymentProvider
from shared.models.base import utc_now
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.contact import Contact
from shared.models.membership import Role
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.outbox import collecting
from shared.utilities.settings import RunMode
from tests.billing_factories import create_payer, create_plan
from tests.factories import create_membership, create_user
from tests.queue_manager.queues.conftest import eventually


async def test_a_new_plan_is_charged_told_back_and_its_payer_recorded(worker, senders):
    local = TestPaymentProvider(RunMode.EMBEDDED)
    async with collecting(senders):
        agency, sub_account, _ = await create_payer(local)
        owner = await create_user(email="dana@acme.example", name="Dana Scully")
        await create_membership(sub_account, owner, Role.OWNER)
        plan = await create_plan(local, agency, sub_account, utc_now())

    async def payer_recorded() -> bool:
        return await Contact.find({"account_id": agency.id, "tags": "customer"}).count() == 1

    await eventually(payer_recorded)
    invoice = await BillingInvoice.find_one({"plan_id": plan.id})
    assert invoice.status is InvoiceStatus.PAID
    assert await BillingPaymentAttempt.find({"invoice_id": invoice.id}).count() == 1

    async def event_handled() -> bool:
        runs = await TaskRun.find({"name": "integrations.process_webhook"}).to_list()
        return any(run.status is TaskStatus.COMPLETED for run in runs)

    await eventually(event_handled)
    [run] = await TaskRun.find({"name": "integrations.process_webhook"}).to_list()
    assert run.result == {"invoice_id": str(invoice.id), "status": "paid"}
