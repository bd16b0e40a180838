"""Every background task's name and arguments, declared once.

A task is sent by name from any service (`enqueue_job(WEBHOOK_DELIVER, delivery_id=...)`) and
registered by the worker that runs it (`@platform_task(app, WEBHOOK_DELIVER)`); both sides use
the declaration here, so a typo or a missing argument fails where the job is asked for, not in a
worker hours later. `worker` names the Celery app that registers the task: a test checks that
each declared task is registered there, and that nothing else is.

The name is `<queue>.<action>`; the queue is the one its QM_* switch turns on.
"""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

QUEUE_MANAGER = "queue_manager"
NOTIFICATIONS = "notifications"


class TaskArguments(BaseModel):
    """A task's keyword arguments: JSON values only, nothing more than declared."""

    model_config = ConfigDict(extra="forbid", frozen=True)


ArgumentsT = TypeVar("ArgumentsT", bound=TaskArguments)


@dataclass(frozen=True)
class TaskName(Generic[ArgumentsT]):
    name: str
    arguments: type[ArgumentsT]
    worker: str = QUEUE_MANAGER

    @property
    def queue(self) -> str:
        return self.name.split(".", 1)[0]

    def checked(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The arguments as sent, once they match the declaration (TypeError otherwise)."""
        try:
            self.arguments.model_validate(kwargs)
        except ValidationError as error:
            raise TypeError(f"bad arguments for task {self.name}: {error}") from None
        return kwargs

    def __str__(self) -> str:
        return self.name


TASKS: dict[str, TaskName[Any]] = {}


def declare(name: str, arguments: type[ArgumentsT], worker: str = QUEUE_MANAGER) -> TaskName:
    if name in TASKS:
        raise ValueError(f"task {name} is declared twice")
    task = TaskName(name, arguments, worker)
    TASKS[name] = task
    return task


def declared(name: str) -> TaskName[Any]:
    """The declaration of a task sent by its name alone (a dead letter's redrive)."""
    try:
        return TASKS[name]
    except KeyError:
        raise KeyError(f"no task is declared as {name}") from None


class NoArguments(TaskArguments):
    pass


class AnyArguments(TaskArguments):
    """Whatever keyword arguments are sent: for the probe tasks of tests and benchmarks, which
    are never declared here."""

    model_config = ConfigDict(extra="allow", frozen=True)


class DeliveryArguments(TaskArguments):
    delivery_id: str


class WebhookDeliveryArguments(DeliveryArguments):
    manual: bool = False  # a redelivery asked for by a user: not counted against the retries


class EventArguments(TaskArguments):
    event: dict[str, Any]


class ProviderEventArguments(TaskArguments):
    provider: str
    event: dict[str, Any]


class AutomationRunArguments(TaskArguments):
    log_id: str


class CsvJobArguments(TaskArguments):
    job_id: str


# Outgoing webhooks: an event fanned out to the account's endpoints, each delivery sent.
HOOKS_DISPATCH = declare("hooks.dispatch", EventArguments)
WEBHOOK_DELIVER = declare("webhook.deliver", WebhookDeliveryArguments)
# A provider's webhook event, received and verified by the external API.
INTEGRATIONS_PROCESS_WEBHOOK = declare("integrations.process_webhook", ProviderEventArguments)
# An automation run stored pending by whoever fired it.
TRIGGERS_RUN_AUTOMATION = declare("triggers.run_automation", AutomationRunArguments)
# A CSV job stored queued by the internal API: an import read and written, an export written.
CONTACTS_IMPORT_CSV = declare("contacts.import_csv", CsvJobArguments)
CONTACTS_EXPORT_WRITE_CSV = declare("contacts_export.write_csv", CsvJobArguments)
# Crons, sent by beat (or the embedded scheduler) on their switch's queue.
TRIGGERS_SWEEP_REQUEUE_PENDING = declare("triggers_sweep.requeue_pending", NoArguments)
TASK_RUNS_CLEANUP_DELETE_FINISHED = declare("task_runs_cleanup.delete_finished", NoArguments)
WEBHOOK_RETRIES_SEND_DUE = declare("webhook_retries.send_due", NoArguments)
SCHEDULE_UTILIZATION_MONITORING_RECORD = declare(
    "schedule_utilization_monitoring.record", NoArguments
)
CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED = declare(
    "contacts_export_cleanup.delete_expired", NoArguments
)
ACCOUNTS_PURGE_DELETE_EXPIRED = declare("accounts_purge.delete_expired", NoArguments)
CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED = declare("check_account_active.suspend_ended", NoArguments)
# Clicks on short links, drained from their Redis stream into MongoDB.
SHORT_LINK_CLICKS_RECORD = declare("short_link_clicks.record", NoArguments)
# A notification delivery, sent by the notification service's own worker in queue mode.
NOTIFICATIONS_SEND = declare("notifications.send", DeliveryArguments, NOTIFICATIONS)


class PlatformMessageArguments(TaskArguments):
    event: str  # a name of `shared.domain.notifications.platform.PLATFORM_EVENTS`
    channel: str  # email, sms or push
    account_id: str  # whose branding it carries
    to: str | None = None  # an address, for someone who may be no user yet
    user_id: str | None = None  # a user of the account, at the address the platform holds
    data: dict[str, str] = {}
    # Variables holding links into the dashboard, as paths ("/contacts/123"): made absolute on
    # the account's own domain when it has one.
    links: dict[str, str] = {}
    # Email only: files sent with it, each {"filename", "content_type", "content" (base64)}.
    attachments: list[dict[str, str]] = []


# One of the platform's own emails or pushes, sent through the notification service.
PLATFORM_MESSAGES_SEND = declare("platform_messages.send", PlatformMessageArguments)


class EdocsDocumentArguments(TaskArguments):
    document_id: str
    account_id: str


# E-documents: a completed document's final PDF printed and stored; the cron sending
# reminders to signers who have not signed and expiring what was not signed in time.
EDOCS_RENDER_PDF = declare("edocs.render_pdf", EdocsDocumentArguments)
EDOCS_SWEEP = declare("edocs.sweep", NoArguments)
# Projects' cron: due-date reminders sent, the next occurrences of recurring tasks made.
PROJECTS_SEND_DUE = declare("projects.send_due", NoArguments)
# Scheduling: the bookings' reminders that have come due, swept by a cron.
BOOKING_REMINDERS_SEND_DUE = declare("booking_reminders.send_due", NoArguments)


class SupportMessageStatusArguments(TaskArguments):
    conversation_id: str
    reader_id: str  # who received or read, a user id
    message_id: str  # everything up to it
    status: str  # delivered or read


class SupportMessageArguments(TaskArguments):
    conversation_id: str
    message_id: str


# The support inbox: a receipt moving messages' status forward, the assignee (or the team) told
# of a customer's message; the crons opening snoozed conversations when due and flagging those
# waiting too long for an answer.
SUPPORT_MESSAGE_STATUS_RECORD = declare(
    "support_message_status.record", SupportMessageStatusArguments
)
SUPPORT_NOTIFICATION_NOTIFY = declare("support_notification.notify", SupportMessageArguments)
SUPPORT_SNOOZE_REOPEN_DUE = declare("support_snooze.reopen_due", NoArguments)
SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING = declare(
    "support_communication_check.flag_waiting", NoArguments
)


class CrmSyncArguments(TaskArguments):
    account_id: str
    provider: str  # the CRM integration's name: hubspot, pipedrive, salesforce, ...


class CrmSyncPushArguments(CrmSyncArguments):
    contact_id: str


# Two-way CRM sync (`shared.domain.crm_sync`): a contact's change pushed to one CRM; the CRM's
# records modified since the sync's cursor pulled (the initial import, a webhook's changes).
CRM_SYNC_PUSH = declare("crm_sync.push", CrmSyncPushArguments)
CRM_SYNC_PULL = declare("crm_sync.pull", CrmSyncArguments)
# Its cron: every enabled sync past its import pulled again (what a webhook missed, and the
# deletions a CRM sends no webhook for).
CRM_SYNC_POLL_PULL_ALL = declare("crm_sync_poll.pull_all", NoArguments)
