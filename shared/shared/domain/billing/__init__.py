"""Billing as the platform keeps it: copies of the Stripe objects of each account's connected
Stripe account (customers, subscriptions, charges), written by the external API's sync and by
the queue manager's webhook handler through the one `store_stripe_object`."""
