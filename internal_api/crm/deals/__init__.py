"""Deals on the stages of a pipeline, their board positions and history."""
