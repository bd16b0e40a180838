"""CallRail: the account's calls, a call's details and recording, and the post-call webhook
that records each new call on the caller's CRM contact."""
