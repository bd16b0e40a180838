"""Cloudflare for SaaS (the platform's zone): a custom hostname per verified custom domain, so
Cloudflare issues and renews its TLS certificate and proxies it to the platform's origin."""
