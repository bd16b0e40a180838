"""Yext publishers service."""
