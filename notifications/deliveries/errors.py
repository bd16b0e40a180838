"""Why a send is refused, each with its code. A refused send stores and sends nothing."""

from datetime import datetime

from shared.utilities.errors import Forbidden, InvalidInput, NotFound, RateLimited


class AccountRequired(InvalidInput):
    """A service sends for an account it names."""

    code, message = "account_required", "A service must name the account it sends for."

    def __init__(self) -> None:
        super().__init__(details=[{"field": "account_id", "message": "required for services"}])


class NotYourAccount(Forbidden):
    """Users send for their active account only."""

    code, message = "not_your_account", "Users send notifications for their active account only."


class AddressForServices(Forbidden):
    """A free-form address (`to`) is for services; users name a user or a contact."""

    code, message = (
        "address_for_services",
        "Send to one of the account's users or contacts (user_id or contact_id); "
        "an address of your own (to) is for the platform's services.",
    )

    def __init__(self) -> None:
        super().__init__(details=[{"field": "to", "message": "services only"}])


class OneRecipient(InvalidInput):
    """A send names its recipient once: `user_id`, `contact_id` or (services) `to`."""

    code = "one_recipient"

    def __init__(self, fields: list[str]) -> None:
        message = "Name one recipient: user_id, contact_id, or (for services) to."
        details = [{"field": field, "message": "one recipient only"} for field in fields]
        super().__init__(message, details=details or [{"field": "user_id", "message": message}])


class ContactNotFound(NotFound):
    """No such contact in the account (another account's contact answers the same)."""

    code = "contact_not_found"


class NoAddress(InvalidInput):
    """The recipient has no address on this channel (a contact without a phone number)."""

    code = "no_address"

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message, details=[{"field": field, "message": message}])


class CountryNotAllowed(Forbidden):
    """The platform sends SMS to the countries of its allow-list only."""

    code = "sms_country_not_allowed"

    def __init__(self, country: str, allowed: list[str], field: str) -> None:
        super().__init__(
            f"SMS are not sent to numbers of {country or 'an unknown country'}; "
            f"they go to {', '.join(allowed)}.",
            details=[{"field": field, "country": country, "allowed": allowed}],
        )


class DailyLimitReached(RateLimited):
    """The account sent as many of these as it may today (UTC); `Retry-After` says when the
    next day starts."""

    code = "daily_limit_reached"

    def __init__(self, channel: str, limit: int, resets_at: datetime, retry_after: int) -> None:
        super().__init__(
            f"This account has sent its {limit:,} {channel} messages for today; "
            f"more can be sent from {resets_at:%Y-%m-%d %H:%M} UTC.",
            details=[{"channel": channel, "limit": limit, "resets_at": resets_at.isoformat()}],
            headers={"Retry-After": str(retry_after)},
        )


class MarketingNeedsUser(InvalidInput):
    """Marketing email goes to a user, whose unsubscribe link it carries."""

    code = "marketing_needs_user"

    def __init__(self) -> None:
        super().__init__(
            "Marketing email needs the recipient's user_id, for its unsubscribe link.",
            details=[{"field": "user_id", "message": "required for marketing email"}],
        )
