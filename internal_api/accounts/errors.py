"""What managing an account, its sub-accounts, members and invitations may refuse, each case
with its own code."""

from shared.utilities.errors import Conflict, Forbidden, PaymentRequired


class DomainTaken(Conflict):
    """The custom domain is another account's."""

    code = "domain_taken"


class NoPendingDomain(Conflict):
    """There is no custom domain waiting to be proven."""

    code, message = "no_pending_domain", "Ask for a custom domain first (branding.custom_domain)."


class DomainNotProven(Conflict):
    """DNS does not (yet) show the account's token for its pending domain."""

    code = "domain_not_proven"


class NotAnAgency(Forbidden):
    """Only an agency has sub-accounts."""

    code, message = "not_an_agency", "Only an agency has sub-accounts; switch to the agency first."


class SubAccountLimitReached(PaymentRequired):
    """The agency has as many sub-accounts as it may."""

    code = "sub_account_limit_reached"


class SubAccountsBusy(Conflict):
    """Another sub-account of the agency is being created and took too long."""

    code, message = "sub_accounts_busy", "Another sub-account is being created; try again."


class OwnerRoleReserved(Forbidden):
    """Only an owner grants or takes away the owner role."""

    code, message = "owner_role_reserved", "Only an owner can grant or take away the owner role."


class LastOwner(Conflict):
    """The account's last owner stays one."""

    code, message = "last_owner", "An account keeps at least one owner."


class AlreadyMember(Conflict):
    """The person is a member of the account already."""

    code = "already_member"


class InvitationPending(Conflict):
    """Another invitation for the email was being made at the same moment."""

    code, message = (
        "invitation_pending",
        "An invitation for this email was just made; withdraw it or try again.",
    )


class OwnerOnly(Forbidden):
    """Only an owner of the account hands its ownership on."""

    code, message = "owner_only", "Only an owner of the account can hand its ownership on."


class AlreadyOwner(Conflict):
    """The member is an owner of the account already."""

    code, message = "already_owner", "This member is an owner of the account already."


class RoleChanged(Conflict):
    """The member's role changed while the request was being handled."""

    code, message = "role_changed", "The member's role changed meanwhile; try again."
