"""CallRail recordings service."""
