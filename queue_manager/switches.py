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
        "sends the reminders of bookings before their meetings, by email and SMS, and completes "
        "the bookings whose meeting has ended (firing `appointment.completed` automations)"
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
    subscription_activate: bool = switch(
        "starts each sub-account plan's next period when its period or trial ends, and invoices "
        "it (its charge queued at once); reactivates sub-accounts suspended for an ended period "
        "once they are paid up again"
    )
    subscription_cancel: bool = switch(
        "cancels the plans set to cancel at their period's end once it comes, voiding their open "
        "invoices"
    )
    subscription_pending_subaccount_charge: bool = switch(
        "charges sub-accounts' invoices through their agency's connected Stripe account: each "
        "first attempt, and the dunning retries as they come due"
    )
    subscription_charge_mainaccount: bool = switch(
        "invoices each agency the platform's monthly fee per active sub-account "
        "(BILLING_PLATFORM_FEE) and charges it, retries included"
    )
    billing_new_auth: bool = switch(
        "checks each new or renewed Stripe connection of an agency: whether it can take charges"
    )
    billing_contacts: bool = switch(
        "records a sub-account that paid an invoice as a contact of its agency, tagged customer"
    )
    verify_stripe_domains: bool = switch(
        "registers agencies' custom domains with their Stripe accounts for Apple Pay and Google "
        "Pay, and checks them again until validated"
    )
    lightning_domain_validation: bool = switch(
        "re-checks pending custom domains' DNS records, and provisions or releases verified "
        "domains' TLS through Cloudflare"
    )
    lightning_domain_renewal: bool = switch(
        "follows custom domains' certificates at Cloudflare and alerts accounts of those "
        "expiring soon"
    )
    site_update_business: bool = switch(
        "pushes accounts' business data (name, address, hours, phone, logo) to their Duda sites"
    )
    instasites_build: bool = switch("builds InstaSites on Duda from prospects' business data")
    instasites_purge: bool = switch("deletes the InstaSites left unclaimed past their lifetime")
    funnels_build_thumbnails: bool = switch(
        "shoots a PNG thumbnail of each funnel page version published, with headless Chromium"
    )
    sites_build_thumbnails: bool = switch(
        "shoots a PNG thumbnail of each hosted site page version published"
    )
    funnels_cloning: bool = switch(
        "copies funnels and hosted sites into accounts of the agency, undoing a failed copy"
    )
    onebalance_balance_reload: bool = switch(
        "reloads by card every OneBalance wallet still below its auto-reload threshold once its "
        "window has passed"
    )
    onebalance_balance_reload_stream: bool = switch(
        "reloads by card a OneBalance wallet whose balance has just crossed its threshold"
    )
    onebalance_balance_charge: bool = switch(
        "finishes OneBalance charges a dead worker left half-way and charges the month's "
        "phone-number rentals"
    )
    onebalance_balance_charge_stream: bool = switch(
        "charges to OneBalance wallets the usage that goes through the queue (AI tokens)"
    )

    reputation: bool = switch(
        "syncs Google Business reviews incrementally, alerts on low reviews, auto-replies, sends "
        "review requests and the weekly reviews digest"
    )
    affiliates: bool = switch(
        "accrues and reverses affiliates' commissions on referred accounts' invoices, batches "
        "payouts over the programmes' minimum and pays them through Tipalti"
    )
    client_reports: bool = switch(
        "mails scheduled client reports as PDFs to their recipients when their time comes"
    )
    analytics_sync: bool = switch(
        "pulls every connected analytics source's last days into the analytics store nightly, "
        "and the months a back-fill asks for"
    )
    instareport_build: bool = switch(
        "builds InstaReports: a prospect's website fetched through the outbound proxy and scored"
    )
    crm_sync: bool = switch(
        "pushes contacts' changes to the accounts' CRMs and pulls the CRMs' changes (the "
        "initial import included), through the external API"
    )
    crm_sync_poll: bool = switch(
        "pulls every enabled CRM sync's changes since its cursor, for what webhooks missed"
    )
    lead_finder: bool = switch(
        "runs LeadFinder searches (businesses by category and area) through the external API"
    )
    beamer: bool = switch("posts the announcements operators publish to the platform's Beamer")

    email_lists: bool = switch(
        "keeps the accounts' email-marketing lists (Mailchimp audiences, Constant Contact "
        "lists) in sync with their CRM tags, through the external API, and polls Constant "
        "Contact's unsubscribes"
    )

    def with_unset_switched_on(self) -> "QueueSwitches":
        """Every switch not set explicitly switched on (embedded mode runs everything)."""
        unset = set(type(self).model_fields) - self.model_fields_set
        return self.model_copy(update=dict.fromkeys(unset, True))
