"""Chat with the model: one answer, or the answer streamed as server-sent events."""
