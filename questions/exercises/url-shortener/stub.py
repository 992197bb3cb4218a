class Shortener:
    """Maps URLs to short base-62 codes and back."""

    def shorten(self, url: str) -> str:
        raise NotImplementedError

    def expand(self, code: str) -> str:
        raise NotImplementedError
