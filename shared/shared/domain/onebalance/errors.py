"""OneBalance's named errors."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound, PaymentRequired


class InsufficientBalance(PaymentRequired):
    """The wallet cannot pay for the action: it is refused before anything leaves."""

    code, message = "insufficient_balance", "The OneBalance wallet cannot cover this."


class WalletNotFound(NotFound):
    code, message = "wallet_not_found", "This account has no OneBalance wallet."


class WalletExists(Conflict):
    code, message = "wallet_exists", "This account already has a OneBalance wallet."


class UnpricedCurrency(InvalidInput):
    """The platform's rate card has no prices in this currency."""

    code, message = "unpriced_currency", "OneBalance has no rate card in this currency."


class UnbalancedMovement(ValueError):
    """A movement whose entries do not sum to zero: a bug, never stored."""


class CardRequired(PaymentRequired):
    """A card top-up with no card saved for the account (billing's payment methods)."""

    code, message = "card_required", "Save a card for this account first."


class CardDeclined(PaymentRequired):
    code, message = "card_declined", "The card was declined."
