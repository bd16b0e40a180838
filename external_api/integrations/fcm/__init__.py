"""Firebase Cloud Messaging: push to the mobile apps on the platform's own Firebase project
(a platform provider), asked for by the notifications service alone."""
