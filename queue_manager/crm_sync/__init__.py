"""The CRM sync's side in the queue manager: it asks the external API, which alone holds the
accounts' CRM tokens, to pull, push and apply webhook changes (`client`)."""
