"""Billing's named errors, each with its stable code."""

from shared.utilities.errors import Conflict, InvalidInput


class PriceNotRecurring(InvalidInput):
    code, message = "price_not_recurring", "A plan is a recurring price."


class PriceArchived(InvalidInput):
    code, message = "price_archived", "The price is archived: choose an active one."


class PriceMismatch(InvalidInput):
    """A plan changes to a price of its currency and interval only."""

    code, message = (
        "price_mismatch",
        "The new price must be in the plan's currency and bill at its interval.",
    )


class AlreadySubscribed(Conflict):
    code, message = "already_subscribed", "The sub-account has a plan already: change it instead."


class PlanCanceled(Conflict):
    code, message = "plan_canceled", "The plan is canceled."


class PlanNotPaused(Conflict):
    code, message = "plan_not_paused", "Only a paused plan is resumed."


class PlanNotRunning(Conflict):
    code, message = "plan_not_running", "The plan is not running: resume it first."


class PlanChanged(Conflict):
    code, message = "plan_changed", "The plan changed meanwhile: read it again and retry."


class StripeNotConnected(Conflict):
    code, message = (
        "stripe_not_connected",
        "The agency must connect its Stripe account (and be able to take charges) first.",
    )


class NotASubAccount(InvalidInput):
    code, message = "not_a_sub_account", "Plans are for the agency's own sub-accounts."


class InvoiceNotPaid(Conflict):
    code, message = "invoice_not_paid", "Only a paid invoice is refunded."


class RefundTooLarge(InvalidInput):
    code, message = "refund_too_large", "The refund is more than what is left of the payment."


class InvoiceNotOpen(Conflict):
    code, message = "invoice_not_open", "Only an open invoice is voided or paid again."
