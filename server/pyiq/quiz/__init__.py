"""The quiz engine (work in progress): see the modules for the pieces."""
