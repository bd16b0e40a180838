"""Every query of the accounts module: the active account, an agency's sub-accounts, an
account's memberships and its invitations."""

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities.repository import OwnedRepository, TenantRepository, object_id


async def account(account_id: str | PydanticObjectId) -> Account | None:
    oid = object_id(account_id)
    return await Account.get(oid) if oid else None


async def custom_domain_holder(domain: str, other_than: PydanticObjectId | None) -> Account | None:
    """The account other than `other_than` whose branding uses the domain."""
    return await Account.find_one({"branding.custom_domain": domain, "_id": {"$ne": other_than}})


class SubAccountRepository(OwnedRepository[Account]):
    """An agency's sub-accounts (owned through their `parent_id`)."""

    noun = "Sub-account"

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(Account, "parent_id", agency_id)


class MembershipRepository(TenantRepository[Membership]):
    noun = "Member"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Membership, account_id)

    async def of_user(self, user_id: str | PydanticObjectId | None) -> Membership | None:
        oid = object_id(user_id)
        return await self.find_one({"user_id": oid}) if oid else None

    async def count_owners(self) -> int:
        return await self.count({"role": Role.OWNER.value})

    async def change_role_from(self, user_id: PydanticObjectId, current: Role, new: Role) -> bool:
        """Gives the member `new` (with its scopes) in place of `current`, in one conditional
        write; False when their role is no longer `current`, or they left."""
        changed = await Membership.find_one(
            self.scoped({"user_id": user_id, "role": current.value})
        ).update({"$set": {"role": new.value, "scopes": ROLE_SCOPES[new], "updated_at": utc_now()}})
        return bool(changed) and changed.modified_count == 1


class InvitationRepository(TenantRepository[Invitation]):
    noun = "Invitation"
    # Invitations not yet accepted, expired or not.
    OPEN = {"accepted_at": None}

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Invitation, account_id)

    async def withdraw_open_for(self, email: str) -> None:
        await Invitation.find(self.scoped({**self.OPEN, "email": email})).delete()
