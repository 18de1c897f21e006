"""Resolvers: each module finds the licence of one kind of component from one place."""
