from shared.utilities.errors import DomainError, Gone, ServiceUnavailable


class FcmNotConfigured(ServiceUnavailable):
    """The platform has no Firebase service account: no push is sent."""

    code, message = (
        "fcm_not_configured",
        "FCM is not configured: set EXTERNAL_API_FCM_PROJECT_ID and "
        "EXTERNAL_API_FCM_SERVICE_ACCOUNT_JSON.",
    )


class PushTokenInvalid(Gone):
    """FCM says no app instance is behind the token (UNREGISTERED) or it is no FCM token."""

    code, message = "push_token_invalid", "FCM says the device token is dead."


class PushRejected(DomainError):
    """FCM (or Google's token endpoint) refused the message; sending it again fails the same."""

    status_code, code, message = 422, "push_rejected", "FCM refused the message."
