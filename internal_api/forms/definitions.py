"""A form's definition checked as a whole, before it is stored: what each field alone must be
is the schemas'; here, what holds across fields (keys used once, each contact field written by
one field, some field reaching the lead by email or phone, the honeypot named like no field)
and what the form names in the account (its custom fields, users, pipeline stage).

Each problem names the field at fault by its path (`steps.0.fields.2.maps_to`); every one is
reported at once.
"""

from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.pipelines.repository import PipelineRepository
from internal_api.forms.errors import InvalidDefinition
from internal_api.forms.public_body import CAPTCHA_FIELDS, CLIENT_ID_FIELDS, STAMP_FIELD
from shared.domain.accounts.users import require_users
from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.forms.mapping import custom_key, mapping_problem
from shared.models.custom_field import CustomField
from shared.models.form import Form

REACHING = ("emails", "phones")
# What a public submission carries beside the answers.
RESERVED_KEYS = frozenset({*CLIENT_ID_FIELDS, STAMP_FIELD, *CAPTCHA_FIELDS})


async def check_form(account_id: PydanticObjectId, form: Form) -> None:
    keys = {key for field in form.fields if (key := custom_key(field.maps_to))}
    custom_fields = await CustomFieldRepository(account_id).keyed(keys) if keys else {}
    if details := problems(form, custom_fields):
        fields = ", ".join(dict.fromkeys(detail["field"] for detail in details))
        raise InvalidDefinition(f"The form's definition is invalid: {fields}.", details=details)
    if form.notify_user_ids:
        await require_users(account_id, map(str, form.notify_user_ids), "notify_user_ids")
    if form.deal:
        await PipelineRepository(account_id).get_stage(form.deal.pipeline_id, form.deal.stage_id)


def problems(form: Form, custom_fields: dict[str, CustomField]) -> list[dict[str, Any]]:
    details = []
    keys: set[str] = set()
    targets: set[str] = set()
    for step_index, step in enumerate(form.steps):
        for index, field in enumerate(step.fields):
            at = f"steps.{step_index}.fields.{index}"
            if field.key in keys:
                details.append({"field": f"{at}.key", "message": "another field has this key"})
            if field.key == form.honeypot_field or field.key in RESERVED_KEYS:
                details.append({"field": f"{at}.key", "message": "a name the form keeps"})
            keys.add(field.key)
            if problem := mapping_problem(field, custom_fields):
                details.append({"field": f"{at}.maps_to", "message": problem})
            elif field.maps_to in targets:
                details.append({"field": f"{at}.maps_to", "message": "another field maps there"})
            targets |= {field.maps_to} if field.maps_to else set()
    if not targets & set(REACHING):
        message = "map a field to emails or phones: a lead is reached by one of them"
        details.append({"field": "steps", "message": message})
    return details
