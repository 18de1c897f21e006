"""Input sources: each module reads one kind of file and yields declared Components."""
