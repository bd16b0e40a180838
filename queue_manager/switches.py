"""Which of the queue manager's queues and crons run: one QM_* switch each, every one off by
default except QM_SCHEDULE_UTILIZATION_MONITORING, as in the original platform.

A deployment switches on what each worker container runs (`QM_WEBHOOK=true`), so a new queue
never starts consuming anywhere by surprise; embedded mode switches on every one it has not been
told about (`QueueManagerSettings`). Each switch declared here has a task or a cron behind it
(`queue_manager.layout`): a feature adds its switch with its task.
"""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def switch(description: str, on: bool = False):
    return Field(on, description=description)


class QueueSwitches(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QM_", env_file=".env", extra="ignore")

    contacts: bool = switch("imports and bulk-updates contacts in the background")
    contacts_export: bool = switch("builds CSV exports of contacts")
    contacts_export_cleanup: bool = switch(
        "deletes finished CSV exports after their retention time"
    )
    hooks: bool = switch("fans platform events out to the accounts' webhook endpoints")
    webhook: bool = switch("delivers outgoing webhooks to customers' URLs")
    integrations: bool = switch("processes third-party webhook events received by the external API")
    triggers: bool = switch("runs automation triggers fired by events")
    triggers_sweep: bool = switch("sends again automation runs left pending (a lost job)")
    task_runs_cleanup: bool = switch("deletes finished task records past their retention")
    webhook_retries: bool = switch("sends the webhook retries that have come due")
    platform_messages: bool = switch(
        "sends the platform's own emails and pushes (invitations, password resets, new leads) "
        "through the notification service"
    )
    accounts_purge: bool = switch(
        "purges the accounts deleted longer ago than their restore period, with all their data"
    )
    check_account_active: bool = switch(
        "suspends the sub-accounts whose active period ended more than the grace period ago"
    )
    short_link_clicks: bool = switch(
        "stores the clicks on short links the redirect recorded, and counts them by day"
    )
    schedule_utilization_monitoring: bool = switch(
        "records each queue's depth and oldest waiting task, and each worker's utilisation",
        on=True,
    )
    edocs: bool = switch(
        "prints signed documents' final PDFs, reminds signers and expires unsigned documents"
    )
    projects: bool = switch(
        "sends projects' due-date reminders and makes recurring tasks' next occurrences"
    )
    booking_reminders: bool = switch(
        "sends the reminders of bookings before their meetings, by email and SMS"
    )
    support_snooze: bool = switch("opens snoozed support conversations again when their time comes")
    support_message_status: bool = switch(
        "moves support messages' status to delivered or read as their recipients report it"
    )
    support_notification: bool = switch(
        "tells a support conversation's assignee (or its team) of the customer's new message"
    )
    support_communication_check: bool = switch(
        "flags support conversations waiting too long for an answer and tells the assignee or "
        "the team, once per wait"
    )
    crm_sync: bool = switch(
        "pushes contacts' changes to the accounts' CRMs and pulls the CRMs' changes (the "
        "initial import included), through the external API"
    )
    crm_sync_poll: bool = switch(
        "pulls every enabled CRM sync's changes since its cursor, for what webhooks missed"
    )

    def with_unset_switched_on(self) -> "QueueSwitches":
        """Every switch not set explicitly switched on (embedded mode runs everything)."""
        unset = set(type(self).model_fields) - self.model_fields_set
        return self.model_copy(update=dict.fromkeys(unset, True))
