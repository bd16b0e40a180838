from shared.utilities.errors import Conflict, NotFound, UpstreamError


class NoProgramme(NotFound):
    """The account has not set up its partner programme."""

    code = "programme_missing"
    message = "This account has no partner programme yet."


class AffiliateExists(Conflict):
    """An affiliate of the programme already has this email."""

    code = "affiliate_exists"
    message = "An affiliate of this programme already has this email."


class PayoutNotPayable(Conflict):
    """Only a pending manual payout is marked paid by hand."""

    code = "payout_not_markable"
    message = "Only a pending payout paid by hand can be marked paid."


class ProgrammeNotFound(NotFound):
    """No active programme has this page (or this referral code)."""

    code = "programme_not_found"
    message = "This partner programme does not exist."


class TipaltiUnavailable(UpstreamError):
    """The external API, or Tipalti behind it, did not answer: nothing was changed."""

    code = "tipalti_unavailable"
    message = "Tipalti cannot be reached now; try again later."
