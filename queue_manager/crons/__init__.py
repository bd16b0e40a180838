"""Periodic tasks, one module per feature; their schedules, by switch, are in
`queue_manager.layout.CRONS`."""
