import string

ALPHABET = string.digits + string.ascii_lowercase + string.ascii_uppercase


def encode(number: int) -> str:
    if number == 0:
        return ALPHABET[0]
    digits = []
    while number:
        number, digit = divmod(number, 62)
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


class Shortener:
    """Maps URLs to short base-62 codes and back."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._urls: dict[str, str] = {}

    def shorten(self, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {url!r}")
        code = self._codes.get(url)
        if code is None:
            code = encode(len(self._urls))
            self._codes[url] = code
            self._urls[code] = url
        return code

    def expand(self, code: str) -> str:
        return self._urls[code]
