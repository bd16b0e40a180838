"""An email of the templates library (`/v1/templates`, kind `email`) as a notification's
template: sent instead of the event's when a send names its `template_id`.

The account must be offered it (the platform's, its agency's or its own; another account's
answers 404 like a missing one). Its HTML is sanitised again (`shared.domain.funnels.
sanitising`, as when it was stored) and framed in the branded layout; its merge fields are the
send's `data` and `brand`, rendered in the same sandbox as every template (variables escaped).
The plain-text part is the HTML's text, a line per block.
"""

import html
import re

import nh3

from notifications.templates.errors import TemplateNotFound
from notifications.templates.sources import TemplateSource, email_html
from shared.domain.funnels.sanitising import sanitised_html
from shared.domain.templates.repository import offered_template
from shared.models.account import Account
from shared.models.template import TemplateKind

# Where a block of sanitised HTML ends: a line break in the text part.
BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|tr|blockquote|pre|figure)>", re.I)


def text_of(markup: str) -> str:
    """The words of sanitised HTML, a line per block."""
    text = html.unescape(nh3.clean(BLOCK_END.sub("\n", markup), tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


async def library_email(account: Account, template_id: str) -> TemplateSource:
    found = await offered_template(account.id, account.agency_id, template_id, TemplateKind.EMAIL)
    if found is None:
        raise TemplateNotFound(f"There is no email template {template_id} in the library.")
    body = sanitised_html(found.html)
    return TemplateSource(subject=found.subject, text=text_of(body), html=email_html(body))
