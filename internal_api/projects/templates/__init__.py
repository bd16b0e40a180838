"""Project templates ("SEO onboarding"), instantiated for the account or a client sub-account."""
