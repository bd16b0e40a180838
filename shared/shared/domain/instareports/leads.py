"""A prospect opening their InstaReport's link becomes a lead of the account: the contact found
or made from the prospect's email (or the business's phone), named after the business, with
an `instareport` touch keyed by the report, so however often the link is opened, one lead."""

from shared.domain.contacts.callers import contact_for
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import platform_author
from shared.domain.leads.recording import Touch
from shared.models.instareport import InstaReport
from shared.models.lead import LeadSource
from shared.utilities.settings import ServiceSettings

SOURCE = "instareport"


async def record_view(report: InstaReport, settings: ServiceSettings) -> None:
    if report.contact_id is not None:
        return
    author = await platform_author(report.account_id, settings)
    touch = Touch(LeadSource.INSTAREPORT, source_ref=str(report.id), touch_id=str(report.id))
    try:
        contact, _ = await contact_for(
            author,
            SOURCE,
            email=report.prospect_email,
            phone=report.business.phone,
            first_name=report.business.name[:100],
            touch=touch,
        )
    except Unreachable:
        return  # neither an email nor a phone to reach the prospect by: no lead to record
    report.contact_id = contact.id
    await report.save()
