"""CallTrackingMetrics: the account's calls and a call's details read with its API key pair
(HTTP basic auth), and CTM's signed call webhook recording each call on the caller's CRM
contact; recordings stream through misc/callrail_recordings."""
