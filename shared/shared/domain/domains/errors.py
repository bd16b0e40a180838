"""What adding, checking and routing a custom domain may refuse, each with its own code."""

from shared.utilities.errors import Conflict, InvalidInput


class DomainTaken(Conflict):
    """Another account proved this hostname first (for a site or funnel, or as its dashboard's
    domain): a hostname is served for one account only."""

    code, message = "domain_taken", "Another account already uses this domain."


class DomainNotProven(Conflict):
    """DNS does not (yet) show the domain's token at its verification record."""

    code, message = (
        "domain_not_proven",
        "The verification TXT record was not found; DNS changes may take a while to show.",
    )


class DomainExists(Conflict):
    """The account already has this hostname."""

    code, message = "domain_exists", "This account already has this domain."


class DomainAlreadyVerified(Conflict):
    """A verified domain needs no check."""

    code, message = "domain_already_verified", "This domain is already verified."


class DomainTargetMismatch(InvalidInput):
    """The target is a funnel where a site was named, or the reverse."""

    code, message = "domain_target_mismatch", "The target is not of the type named."
