"""The external API as the queue manager's tasks call it: the only process holding the
platform's Duda and Cloudflare credentials does their calls; a task asks it, with the queue
manager's service token, on a pooled client per event loop."""
