def main(argv: list[str]) -> int:
    """Print line, word and character counts of each file; 1 if one could not be read."""
    raise NotImplementedError
