"""Wasabi (S3-compatible object storage): presigned upload and download URLs for the platform's
bucket, each account confined to its own prefix."""
