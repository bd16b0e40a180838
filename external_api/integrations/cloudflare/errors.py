from shared.utilities.errors import Conflict


class DomainNotVerified(Conflict):
    """Only a verified domain gets a certificate: its hostname is proven the account's."""

    code, message = "domain_not_verified", "The domain is not verified."
