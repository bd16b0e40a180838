"""Yext: the publishers an account's Yext subscription lists on, and its listings' status."""
