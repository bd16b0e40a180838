"""The dashboard's CORS proxy (`/v1/cors-proxy`): a signed-in dashboard fetches a third-party
resource it could not read across origins (a webfont, an image for the page builder) through
the platform, from the hosts on INTERNAL_API_CORS_PROXY_ALLOWED_HOSTS only, never as an open
relay."""
