"""CSV imports and exports of contacts: what the internal API (which receives the upload and
answers the job) and the queue manager (whose `contacts*` tasks do the work) share."""
