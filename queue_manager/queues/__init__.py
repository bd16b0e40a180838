"""The queues' tasks, one module per domain (`webhook`, `hooks`, ...), each task registered on
`queue_manager.celery.app` as `<queue>.<action>`. Which queues exist, and which have no task yet,
is said in `queue_manager.layout`."""
