"""QM_SUBSCRIPTION_CHARGE_MAINACCOUNT: the platform bills each agency (the main account) its fee
per active sub-account (BILLING_PLATFORM_FEE a month), charged to the agency's card in the
platform's own Stripe account. One invoice per agency and month, numbered `PLT-<yyyymm>`, so the
cron run any number of times in a month makes it once; its attempts and dunning are those of
every invoice (`charging`)."""

from datetime import datetime

from dateutil.relativedelta import relativedelta

from shared.domain.billing import repository
from shared.domain.billing.charging import queue_next_attempt
from shared.domain.billing.invoicing import Billed, make_invoice
from shared.models.billing_invoice import InvoiceLine, InvoiceStatus, Seller


def month_of(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def invoice_platform_fees(
    fee: int, currency: str, provider: str, now: datetime, batch: int
) -> int:
    """Returns how many agencies were invoiced this run."""
    if fee == 0:
        return 0
    month = month_of(now)
    number = f"PLT-{month:%Y%m}"
    made, after = 0, None
    while groups := await repository.agencies_with_sub_accounts(after, batch):
        for group in groups:
            agency_id, count = group["_id"], group["count"]
            if await repository.invoice_numbered(agency_id, number) is not None:
                continue
            line = InvoiceLine(
                description=f"Platform fee: {count} active sub-accounts, {month:%B %Y}",
                amount=fee * count,
                quantity=count,
                period_start=month,
                period_end=month + relativedelta(months=1),
            )
            billed = Billed(agency_id, agency_id, provider, None, Seller.PLATFORM)
            invoice = await make_invoice(billed, [line], currency, now, number=number)
            if invoice.status is InvoiceStatus.OPEN:
                queue_next_attempt(invoice)
            made += 1
        after = groups[-1]["_id"]
    return made
