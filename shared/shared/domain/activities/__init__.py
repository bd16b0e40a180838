"""The CRM's activity log, written once for every process: each change to a contact or a deal
is recorded (old value to new) and pushed live to the account's room (`live`)."""
