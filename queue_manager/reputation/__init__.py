"""The reputation queue's work (QM_REPUTATION): syncs through the external API, alerts and
auto-replies on new reviews, review requests through the notification service, digests."""
