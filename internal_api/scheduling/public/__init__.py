"""The public side of scheduling, without a session: an event type's page and slots, a
booking made, and a booking viewed, cancelled or moved through its signed link."""
