"""The account's business profile (`/v1/business-profile`), which its websites show."""
