"""Reviews, whichever process writes them: the external API's Google sync, the internal API's
inbox (manual reviews, replies, requests), the queue manager's reputation queue (alerts,
auto-replies, digests, requests sent by automations)."""
