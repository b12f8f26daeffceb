"""What changes postings: adds (with repost detection), fixes, removal, reparse, bulk import, and the
summaries and band keys every write keeps up to date. Each function runs in the caller's transaction."""
