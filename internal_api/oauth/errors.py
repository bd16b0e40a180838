"""What the oauth module may refuse, each case with its own code. The token, revocation and
introspection endpoints answer in RFC 6749's own shape instead (`{"error", "error_description"}`),
as OAuth client libraries read it."""

from shared.utilities.errors import BadRequest, Conflict, Forbidden, InvalidInput


class SessionRequired(Forbidden):
    """Managing apps, grants and API keys, and authorizing an app, takes the user's own session:
    an app's token or an API key may not mint more credentials."""

    code, message = "session_required", "Sign in to the dashboard to do this."


class ScopesNotAllowed(InvalidInput):
    """Some scopes asked for are not the platform's, or not the caller's in this account:
    `details` names each."""

    code, message = "scopes_not_allowed", "Some scopes cannot be given."


class AuthorizationRequestInvalid(BadRequest):
    """The app's authorization request is wrong (an unknown client, a redirect URI it did not
    register, a missing PKCE challenge, a scope it may not ask for): `details` carries the
    OAuth error and, when the app may be told, `redirect_to`, the URL sending the user back
    to it with the error."""

    code, message = "invalid_authorization_request", "The app's authorization request is invalid."


class AccountNotInstallable(Forbidden):
    """The app cannot be installed on this account by this user: they are no user of it."""

    code, message = "account_not_installable", "You cannot install apps on this account."


class PublicClientHasNoSecret(Conflict):
    """A public client authenticates with PKCE, never with a secret."""

    code, message = "public_client_has_no_secret", "A public client has no client secret."
