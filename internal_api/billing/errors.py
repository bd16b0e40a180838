"""The billing module's own errors (the billing rules' are in `shared.domain.billing.errors`)."""

from shared.utilities.errors import Forbidden, InvalidInput


class AgencyOnly(Forbidden):
    """A catalogue, plans and reports are an agency's: act in the agency's own account."""

    code, message = "agency_only", "Only an agency sells plans: act in the agency's account."


class BadPrice(InvalidInput):
    code, message = "bad_price", "A recurring price needs an interval; a one-off price has none."


class BadCoupon(InvalidInput):
    code, message = (
        "bad_coupon",
        "A coupon is a percentage or an amount with its currency, and a repeating one says for "
        "how many months.",
    )


class BadReportRange(InvalidInput):
    code, message = "bad_report_range", "Ask for at most 36 months, from the first to the last."


class PlatformInvoice(Forbidden):
    """The platform's fee invoice of an agency is refunded by the platform, not the agency."""

    code, message = "platform_invoice", "The platform's invoices are refunded by the platform."
