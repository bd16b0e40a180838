"""Models and utilities every service of the platform shares."""
