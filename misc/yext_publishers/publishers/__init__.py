"""The publishers Yext lists businesses on, fetched with the platform's key and cached."""
