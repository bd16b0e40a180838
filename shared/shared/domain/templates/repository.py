"""Every query of the library shared by processes: one template offered to an account."""

from beanie import PydanticObjectId

from shared.models.template import Template, TemplateKind
from shared.utilities.repository import object_id


def library_owners(
    account_id: str | PydanticObjectId, agency_id: str | PydanticObjectId | None
) -> list[PydanticObjectId | None]:
    """Whose templates an account is offered: the platform's (None), its agency's, its own."""
    owners = {PydanticObjectId(account_id), PydanticObjectId(agency_id or account_id)}
    return [None, *owners]


async def offered_template(
    account_id: str | PydanticObjectId,
    agency_id: str | PydanticObjectId | None,
    template_id: str,
    kind: TemplateKind,
) -> Template | None:
    """The template of this kind if the account is offered it; None for another's or a
    missing one alike."""
    oid = object_id(template_id)
    if oid is None:
        return None
    owners = library_owners(account_id, agency_id)
    return await Template.find_one({"_id": oid, "kind": kind, "account_id": {"$in": owners}})
