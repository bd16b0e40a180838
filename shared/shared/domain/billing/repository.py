"""Every query of the billing domain: the copies of Stripe and Square objects, and the billing of
sub-accounts (plans, invoices, attempts, the accounts' paid-up ends)."""

import re
from datetime import UTC, datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.billing_connection import BillingConnection
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus, Seller
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.billing_plan import RUNNING_SLOT, BillingPlan, PlanStatus
from shared.models.billing_price import BillingPrice
from shared.models.billing_product import BillingProduct
from shared.models.billing_record import BillingRecord
from shared.models.billing_tax_rate import BillingTaxRate
from shared.models.membership import Membership, Role
from shared.models.payment_domain import PaymentDomain
from shared.models.square_record import SquareRecord
from shared.models.square_token import SquareToken
from shared.models.stripe_token import StripeToken
from shared.models.user import User

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


async def upsert_stripe_object(
    model: type[BillingRecord],
    account_id: PydanticObjectId,
    stripe_account_id: str,
    fields: dict[str, Any],
    observed_at: datetime,
) -> bool:
    """Stores the object's fields, keyed on (account, Stripe id), unless a newer view is stored
    already; True when written. One atomic update, so two writers racing (a sync's page and a
    webhook) cannot put an older view over a newer one."""
    now = utc_now()
    values = {
        **fields,
        "stripe_account_id": stripe_account_id,
        "observed_at": observed_at,
        "updated_at": now,
    }
    collection = model.get_motor_collection()
    key = {"account_id": account_id, "stripe_id": fields["stripe_id"]}
    not_newer = {"observed_at": {"$lte": observed_at}}
    try:
        result = await collection.update_one(
            {**key, **not_newer},
            {"$set": values, "$setOnInsert": {"created_at": now}},
            upsert=True,
        )
    except DuplicateKeyError:
        # The copy exists and is newer: the filter missed it and the upsert hit the unique key.
        return False
    return result.matched_count > 0 or result.upserted_id is not None


async def account_connected_to(stripe_account_id: str) -> PydanticObjectId | None:
    """The account that connected this Stripe account (`acct_...`), if one did."""
    token = await StripeToken.find_one({"external_id": stripe_account_id})
    return token.account_id if token else None


# Billing of sub-accounts: plans, invoices and their attempts.


async def connected_account_of(agency_id: PydanticObjectId) -> str | None:
    """The agency's connected Stripe account (acct_...), once it has connected one and its id
    is known."""
    token = await StripeToken.find_one({"account_id": agency_id})
    return token.external_id if token and token.external_id else None


async def stripe_connections_since(moment: datetime | None, limit: int) -> list[StripeToken]:
    """Stripe connections made or renewed after `moment` (every one for None), oldest first."""
    # Bounded by `updated_at` even on the first sweep, so its index serves the scan.
    query = {"updated_at": {"$gt": moment or EARLIEST}, "external_id": {"$ne": None}}
    return await StripeToken.find(query).sort("updated_at").limit(limit).to_list()


async def billing_connection(agency_id: PydanticObjectId) -> BillingConnection | None:
    return await BillingConnection.find_one({"account_id": agency_id})


async def latest_connection_check() -> datetime | None:
    latest = await BillingConnection.find_all().sort("-checked_at").limit(1).to_list()
    return latest[0].checked_at if latest else None


async def save_connection(connection: BillingConnection) -> None:
    await BillingConnection.find_one({"account_id": connection.account_id}).upsert(
        {"$set": connection.model_dump(exclude={"id", "created_at"})},
        on_insert=connection,
    )


async def plan(plan_id: PydanticObjectId) -> BillingPlan | None:
    return await BillingPlan.get(plan_id)


async def running_plan_of(customer_account_id: PydanticObjectId) -> BillingPlan | None:
    return await BillingPlan.find_one(
        {"customer_account_id": customer_account_id, "slot": RUNNING_SLOT}
    )


async def replace_plan(plan: BillingPlan, read_version: int) -> bool:
    """The plan written over the version it was read at; False when another change came
    first (nothing written)."""
    plan.version = read_version + 1
    plan.updated_at = utc_now()
    fields = plan.model_dump(exclude={"id", "created_at"})
    result = await BillingPlan.find_one({"_id": plan.id, "version": read_version}).update(
        {"$set": fields}
    )
    if not (result and result.modified_count):
        plan.version = read_version  # not written: `version` stays the one last stored
        return False
    return True


async def restore_plan(before: BillingPlan, wrote_up_to: int) -> None:
    """The plan put back as `before` (read before a change whose writes failed part-way), if
    what is stored is a version that change wrote (`before.version` < v <= `wrote_up_to`);
    under a newer version, so a copy read in between is stale."""
    fields = before.model_dump(exclude={"id", "created_at"})
    fields.update(version=wrote_up_to + 1, updated_at=utc_now())
    versions = {"$gt": before.version, "$lte": wrote_up_to}
    await BillingPlan.find_one({"_id": before.id, "version": versions}).update({"$set": fields})


async def delete_plan(plan_id: PydanticObjectId) -> None:
    """A plan just subscribed taken back: what went with it failed."""
    await BillingPlan.find_one({"_id": plan_id}).delete()


async def plans_due(
    statuses: list[PlanStatus], moment: datetime, limit: int, cancelling: bool
) -> list[BillingPlan]:
    """Plans in these statuses whose current period ended by `moment`, set to cancel then or
    not."""
    query = {
        "status": {"$in": statuses},
        "current_period_end": {"$lte": moment},
        "cancel_at_period_end": cancelling,
    }
    return await BillingPlan.find(query).sort("current_period_end").limit(limit).to_list()


async def invoice(invoice_id: PydanticObjectId) -> BillingInvoice | None:
    return await BillingInvoice.get(invoice_id)


async def invoices_due(seller: Seller, moment: datetime, limit: int) -> list[BillingInvoice]:
    """Open invoices whose next attempt is due by `moment`."""
    query = {
        "status": InvoiceStatus.OPEN,
        "seller": seller,
        "next_attempt_at": {"$lte": moment},
    }
    return await BillingInvoice.find(query).sort("next_attempt_at").limit(limit).to_list()


async def invoice_numbered(account_id: PydanticObjectId, number: str) -> BillingInvoice | None:
    return await BillingInvoice.find_one({"account_id": account_id, "number": number})


async def insert_invoice(made: BillingInvoice) -> tuple[BillingInvoice, bool]:
    """The invoice stored, or the one of the same number stored first (a cron run twice)."""
    try:
        await made.insert()
    except DuplicateKeyError:
        first = await invoice_numbered(made.account_id, made.number)
        assert first is not None, "the number clashed with a stored invoice"
        return first, False
    return made, True


async def open_invoices_of_plan(plan_id: PydanticObjectId) -> list[BillingInvoice]:
    return await BillingInvoice.find({"plan_id": plan_id, "status": InvoiceStatus.OPEN}).to_list()


async def set_invoice_if(
    invoice_id: PydanticObjectId, expected: dict[str, Any], update: dict[str, Any]
) -> bool:
    """One conditional write: the invoice changed only if it still matches `expected`."""
    update.setdefault("$set", {})["updated_at"] = utc_now()
    result = await BillingInvoice.find_one({"_id": invoice_id, **expected}).update(update)
    return bool(result and result.modified_count)


async def record_attempt(attempt: BillingPaymentAttempt) -> bool:
    """False when this attempt was recorded already."""
    try:
        await attempt.insert()
    except DuplicateKeyError:
        return False
    return True


async def failed_attempts_between(
    account_id: PydanticObjectId, start: datetime, end: datetime
) -> list[BillingPaymentAttempt]:
    query = {
        "account_id": account_id,
        "succeeded": False,
        "attempted_at": {"$gte": start, "$lt": end},
    }
    return await BillingPaymentAttempt.find(query).to_list()


async def set_active_until(account_id: PydanticObjectId, until: datetime | None) -> None:
    """The sub-account's paid-up end (None: no end, as while its plan is paused)."""
    found = Account.find_one({"_id": account_id})
    if until is None:
        await found.update({"$unset": {"active_until": ""}})
    else:
        await found.update({"$set": {"active_until": until}})


async def extend_active_until(account_id: PydanticObjectId, until: datetime) -> None:
    """Never earlier than it is: a late payment of an older period shortens nothing."""
    await Account.find_one({"_id": account_id}).update({"$max": {"active_until": until}})


async def agencies_with_sub_accounts(after: PydanticObjectId | None, limit: int) -> list:
    """The ids of agencies with active sub-accounts, in id order after `after`."""
    match: dict[str, Any] = {"parent_id": {"$ne": None}, "status": AccountStatus.ACTIVE}
    if after is not None:
        match["parent_id"] = {"$gt": after}
    pipeline = [
        {"$match": match},
        {"$group": {"_id": "$parent_id", "count": {"$sum": 1}}},
        {"$sort": {"_id": 1}},
        {"$limit": limit},
    ]
    return await Account.aggregate(pipeline).to_list()


async def account(account_id: PydanticObjectId) -> Account | None:
    return await Account.get(account_id)


async def agencies_with_domains(after: PydanticObjectId | None, limit: int) -> list[Account]:
    """Agencies with a proven custom domain, in id order after `after`."""
    query: dict[str, Any] = {"parent_id": None, "branding.custom_domain": {"$exists": True}}
    if after is not None:
        query["_id"] = {"$gt": after}
    return await Account.find(query).sort("_id").limit(limit).to_list()


async def save_payment_domain(domain: PaymentDomain) -> None:
    await PaymentDomain.find_one({"account_id": domain.account_id, "domain": domain.domain}).upsert(
        {"$set": domain.model_dump(exclude={"id", "created_at"})},
        on_insert=domain,
    )


async def payment_domain(account_id: PydanticObjectId, domain: str) -> PaymentDomain | None:
    return await PaymentDomain.find_one({"account_id": account_id, "domain": domain})


async def mark_plan_paid(plan_id: PydanticObjectId) -> None:
    """A past-due or unpaid plan active again (a paused or canceled one stays as it is)."""
    await BillingPlan.find_one(
        {"_id": plan_id, "status": {"$in": [PlanStatus.PAST_DUE, PlanStatus.UNPAID]}}
    ).update(
        {
            "$set": {"status": PlanStatus.ACTIVE, "past_due_since": None, "updated_at": utc_now()},
            "$inc": {"version": 1},
        }
    )


async def mark_plan_failing(plan_id: PydanticObjectId, at: datetime, unpaid: bool) -> None:
    """A running plan past due since its first failed payment, or unpaid once its invoice's
    retries are used up."""
    running = [PlanStatus.TRIALING, PlanStatus.ACTIVE, PlanStatus.PAST_DUE]
    status = PlanStatus.UNPAID if unpaid else PlanStatus.PAST_DUE
    found = BillingPlan.find_one({"_id": plan_id, "status": {"$in": running}})
    await found.update({"$set": {"status": status, "updated_at": at}, "$inc": {"version": 1}})
    await BillingPlan.find_one({"_id": plan_id, "past_due_since": None}).update(
        {"$set": {"past_due_since": at}}
    )


async def price(price_id: PydanticObjectId) -> BillingPrice | None:
    return await BillingPrice.get(price_id)


async def product(product_id: PydanticObjectId) -> BillingProduct | None:
    return await BillingProduct.get(product_id)


async def coupon(coupon_id: PydanticObjectId | None) -> BillingCoupon | None:
    return await BillingCoupon.get(coupon_id) if coupon_id else None


async def tax_rate(tax_rate_id: PydanticObjectId | None) -> BillingTaxRate | None:
    return await BillingTaxRate.get(tax_rate_id) if tax_rate_id else None


async def insert_plan(made: BillingPlan) -> BillingPlan | None:
    """None when the sub-account has a running plan already (two subscribed at once)."""
    try:
        return await made.insert()
    except DuplicateKeyError:
        return None


async def invoice_paid_by(payment_reference: str) -> BillingInvoice | None:
    if not payment_reference:
        return None
    return await BillingInvoice.find_one({"payment_reference": payment_reference})


async def owner_of(account_id: PydanticObjectId) -> User | None:
    """The account's first owner, whom its bills reach."""
    owner = await Membership.find_one({"account_id": account_id, "role": Role.OWNER})
    return await User.get(owner.user_id) if owner else None


async def suspended_for_their_period_paid_up(
    reason: str, now: datetime, limit: int
) -> list[Account]:
    """Sub-accounts suspended with a reason starting with `reason` and paid up past now."""
    query = {
        "status": AccountStatus.SUSPENDED,
        "active_until": {"$gt": now},
        "parent_id": {"$ne": None},
        "status_reason": {"$regex": f"^{re.escape(reason)}"},
    }
    return await Account.find(query).limit(limit).to_list()


# The copies of Square objects (`shared.domain.billing.square_objects`).


async def upsert_square_object(
    model: type[SquareRecord],
    account_id: PydanticObjectId,
    fields: dict[str, Any],
    updated_at: datetime,
) -> bool:
    """One atomic update keyed on (account, Square id), applied only over an older view, so a
    sync's page and a webhook racing cannot put an older view over a newer one. A view as new
    as the stored one writes nothing (a redelivered webhook, a second sync)."""
    now = utc_now()
    values = {**fields, "square_updated_at": updated_at, "updated_at": now}
    key = {"account_id": account_id, "square_id": fields["square_id"]}
    older = {"square_updated_at": {"$lt": updated_at}}
    try:
        result = await model.get_motor_collection().update_one(
            {**key, **older},
            {"$set": values, "$setOnInsert": {"created_at": now}},
            upsert=True,
        )
    except DuplicateKeyError:
        # The copy exists and is as new or newer: the filter missed it, the upsert hit the key.
        return False
    return result.modified_count > 0 or result.upserted_id is not None


async def accounts_connected_to(merchant_id: str) -> list[PydanticObjectId]:
    """The accounts that connected this Square seller."""
    tokens = await SquareToken.find({"external_id": merchant_id}).to_list()
    return [token.account_id for token in tokens]
