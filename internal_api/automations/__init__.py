"""Automation rules: a trigger and the actions it runs, and the record of each firing."""
