"""What a sync run sends, worked out from the tag's contacts and the members the sync put in
the list, so the consent each side holds is respected:

- a contact new to the list, not opted out, is added as subscribed, without updating an
  address the provider has already (whatever it holds for it stays);
- a known member whose name changed gets its merge fields, never its status;
- a contact opted out on the platform is unsubscribed there (added as unsubscribed if new);
- a member unsubscribed in the provider is never subscribed again by the sync;
- a member whose contact left the tag (or was deleted, or lost the address) leaves the list
  (archived in Mailchimp).
"""

import hashlib
import json
from dataclasses import dataclass, field

from shared.models.contact import Contact
from shared.models.email_list_sync import EmailListMember, MemberStatus


@dataclass(frozen=True)
class Wanted:
    email: str
    status: MemberStatus
    merge_fields: dict[str, str]  # the names, by Mailchimp's merge tags FNAME and LNAME

    @property
    def fields_hash(self) -> str:
        encoded = json.dumps(self.merge_fields, sort_keys=True).encode()
        return hashlib.sha256(encoded).hexdigest()

    @property
    def first_name(self) -> str:
        return self.merge_fields["FNAME"]

    @property
    def last_name(self) -> str:
        return self.merge_fields["LNAME"]


def wanted_of(contacts: list[Contact], tag: str) -> dict[str, Wanted]:
    """Each live contact of the tag with an address, by its first address."""
    wanted: dict[str, Wanted] = {}
    for contact in contacts:
        if contact.deleted_at or tag not in contact.tags or not contact.emails:
            continue
        status = MemberStatus.UNSUBSCRIBED if contact.email_opt_out else MemberStatus.SUBSCRIBED
        names = {
            "FNAME": contact.first_name or contact.name or "",
            "LNAME": contact.last_name or "",
        }
        wanted[contact.emails[0]] = Wanted(contact.emails[0], status, names)
    return wanted


@dataclass
class Plan:
    subscribe: list[Wanted] = field(default_factory=list)
    unsubscribe: list[Wanted] = field(default_factory=list)
    update: list[Wanted] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)


def plan_of(wanted: dict[str, Wanted], known: dict[str, EmailListMember]) -> Plan:
    plan = Plan()
    for email, one in wanted.items():
        member = known.get(email)
        if one.status is MemberStatus.UNSUBSCRIBED:
            if member is None or member.status is MemberStatus.SUBSCRIBED:
                plan.unsubscribe.append(one)
        elif member is None:
            plan.subscribe.append(one)
        elif member.status is MemberStatus.SUBSCRIBED and member.fields_hash != one.fields_hash:
            plan.update.append(one)
    plan.archive = sorted(set(known) - set(wanted))
    return plan
