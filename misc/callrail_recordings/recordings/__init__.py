"""Call recordings, streamed from CallRail with the caller's account's own CallRail key."""
