"""The platform as an OAuth 2.0 authorization server, the part more than one process needs:
the credentials it hands out (`credentials`), the queries both the authorization server
(internal_api's `oauth` module) and the router make (`repository`), what an access token or a
personal API key lets its holder be (`states`, which the router exchanges for a JWT), and
revoking grants (`revocation`)."""
