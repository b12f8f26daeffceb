"""The questions the commands ask, one module each: salary, compare, skills, digest, postings, export,
guild settings. Every function is scoped to one guild and runs in the caller's read transaction."""
