"""The extracts of real repositories are scanned, never run: their own test files are not ours."""

collect_ignore = ["real"]
