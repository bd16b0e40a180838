"""Automation rules: when a trigger happens in an account, run a list of actions.

The trigger and each action are tagged by `type`, so a stored rule reads back as the right
class and a query can match on `trigger.type` and the trigger's fields.
"""

from typing import Annotated, Literal

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, HttpUrl
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument

Tag = Annotated[str, Field(min_length=1, max_length=100)]


class DealStageEntered(BaseModel):
    type: Literal["deal.stage_entered"] = "deal.stage_entered"
    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId


class ContactTagAdded(BaseModel):
    type: Literal["contact.tag_added"] = "contact.tag_added"
    tag: Tag


class FormSubmitted(BaseModel):
    """A form of the account submitted; the run's subject is the submission's contact."""

    type: Literal["form.submitted"] = "form.submitted"
    form_id: PydanticObjectId


class DocumentSigned(BaseModel):
    """A document of the account signed by every signer; the run's subject is its contact."""

    type: Literal["document.signed"] = "document.signed"


class AppointmentCompleted(BaseModel):
    """A booking of the account completed (its meeting ended without being cancelled, or a
    user marked it so); the run's subject is the booking's contact."""

    type: Literal["appointment.completed"] = "appointment.completed"


Trigger = Annotated[
    DealStageEntered | ContactTagAdded | FormSubmitted | DocumentSigned | AppointmentCompleted,
    Field(discriminator="type"),
]


class AddTag(BaseModel):
    type: Literal["add_tag"] = "add_tag"
    tag: Tag


class AssignOwner(BaseModel):
    type: Literal["assign_owner"] = "assign_owner"
    user_id: PydanticObjectId


class CreateTask(BaseModel):
    """A project task linked to the run's contact or deal (`shared.domain.projects`)."""

    type: Literal["create_task"] = "create_task"
    title: str = Field(min_length=1, max_length=200)
    due_in_days: int | None = Field(None, ge=0, le=365)
    project_id: PydanticObjectId | None = Field(
        None, description="none: the account's default project (Tasks), made when missing"
    )
    board_id: PydanticObjectId | None = Field(
        None,
        description="a board of the project; none: its first (the task goes in its first column)",
    )
    assignee_id: PydanticObjectId | None = Field(
        None, description="a user of the account; none: the contact's or the deal's owner"
    )


class SendWebhook(BaseModel):
    type: Literal["send_webhook"] = "send_webhook"
    url: HttpUrl


class SendReviewRequest(BaseModel):
    """Ask the run's contact (a deal's first contact) to review a location, by email or SMS
    (`shared.domain.reviews.requests`: never twice inside the account's window)."""

    type: Literal["send_review_request"] = "send_review_request"
    location_id: PydanticObjectId
    channel: Literal["email", "sms"] = "email"


Action = Annotated[
    AddTag | AssignOwner | CreateTask | SendWebhook | SendReviewRequest,
    Field(discriminator="type"),
]


class Automation(TenantDocument):
    name: str
    enabled: bool = True
    trigger: Trigger
    actions: list[Action]

    class Settings:
        name = "automations"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # What `fire` asks on every deal move and tag: the account's enabled rules of a kind.
            IndexModel(
                [("account_id", ASCENDING), ("trigger.type", ASCENDING), ("enabled", ASCENDING)]
            ),
        ]
