"""Which of the queue manager's queues and crons run: one QM_* switch each, all on by default.

Ops turn one off (`QM_CONTACTS=false`) to stop its consumer or cron without a new release.
"""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def switch(description: str):
    return Field(True, description=description)


class QueueSwitches(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QM_", env_file=".env", extra="ignore")

    subscription_cancel: bool = switch("cancels subscriptions whose period ended")
    subscription_activate: bool = switch("activates subscriptions whose start date has come")
    subscription_pending_subaccount_charge: bool = switch(
        "charges sub-accounts for subscriptions left pending payment"
    )
    subscription_charge_mainaccount: bool = switch(
        "charges agencies (main accounts) for their subscriptions when due"
    )
    contacts: bool = switch("imports and bulk-updates contacts in the background")
    contacts_export: bool = switch("builds CSV exports of contacts")
    contacts_export_cleanup: bool = switch(
        "deletes finished CSV exports after their retention time"
    )
    deals: bool = switch("imports and bulk-updates deals in the background")
    deals_automations: bool = switch("runs the automations of a pipeline when a deal moves")
    instasites_build: bool = switch("builds InstaSites from a business's public data")
    instasites_purge: bool = switch("deletes InstaSites that expired unclaimed")
    instareport_build: bool = switch("builds InstaReports, the prospect audit reports")
    sites_build_thumbnails: bool = switch("renders thumbnails of site pages")
    funnels_build_thumbnails: bool = switch("renders thumbnails of funnel pages")
    funnels_cloning: bool = switch("copies funnels into another account")
    onebalance_balance_reload: bool = switch(
        "tops up OneBalance wallets that fell below their threshold"
    )
    onebalance_balance_reload_stream: bool = switch(
        "consumes the stream of OneBalance top-up requests"
    )
    onebalance_balance_charge: bool = switch("charges usage to OneBalance wallets")
    onebalance_balance_charge_stream: bool = switch(
        "consumes the stream of OneBalance usage charges"
    )
    billing_new_auth: bool = switch("sets up billing for newly authorised payment methods")
    billing_contacts: bool = switch("syncs contacts' billing records with the payment provider")
    support_snooze: bool = switch("reopens snoozed support conversations when the snooze ends")
    support_message_status: bool = switch("records delivery status of support messages")
    support_notification: bool = switch("notifies support staff of new support messages")
    support_communication_check: bool = switch(
        "flags support conversations left waiting for a reply"
    )
    hooks: bool = switch("runs the platform's internal event hooks")
    webhook: bool = switch("delivers outgoing webhooks to customers' URLs")
    integrations: bool = switch("processes third-party webhook events received by the external API")
    triggers: bool = switch("runs automation triggers fired by events")
    triggers_sweep: bool = switch("sends again automation runs left pending (a lost job)")
    task_runs_cleanup: bool = switch("deletes finished task records past their retention")
    webhook_retries: bool = switch("sends the webhook retries that have come due")
    projects: bool = switch("runs projects' background work (task reminders, updates)")
    affiliates: bool = switch("computes affiliate commissions")
    reputation: bool = switch("fetches reviews for reputation management")
    lightning_domain_validation: bool = switch("checks the DNS of custom domains being connected")
    lightning_domain_renewal: bool = switch("renews TLS certificates of custom domains")
    verify_stripe_domains: bool = switch("registers and verifies custom domains with Stripe")
    site_update_business: bool = switch("updates sites when their business details change")
    check_account_active: bool = switch("suspends accounts whose subscription lapsed")
    schedule_utilization_monitoring: bool = switch("records each account's usage of its plan")
