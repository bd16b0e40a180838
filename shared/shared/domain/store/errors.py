"""The store's named errors."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class UnknownCatalogueItem(InvalidInput):
    code, message = "unknown_catalogue_item", "The platform's catalogue has no such item."


class ProductUnavailable(NotFound):
    """Not a live product of the caller's agency (another agency's answers the same)."""

    code, message = "product_unavailable", "The product is not in your agency's store."


class OrderNotPaid(Conflict):
    code, message = "order_not_paid", "The order has not been paid."


class RefundTooLarge(InvalidInput):
    code, message = "refund_too_large", "The refund is more than what is left of the payment."


class OfferClosed(NotFound):
    code, message = "offer_closed", "This checkout link is not open."


class PurchaseMismatch(Conflict):
    """A checkout's event whose amount, currency or Stripe account is not its purchase's."""

    code, message = "purchase_mismatch", "The checkout does not match its purchase."
