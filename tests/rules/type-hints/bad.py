def greet(name: str) -> str:
#   ^^^^^ type-hints
    return "hi " + name


def scale(values, factor: float = 2.0):
#   ^^^^^ type-hints
    return [v * factor for v in values]


def now() -> "datetime":
#   ^^^ type-hints
    pass


class Repo:
    async def get(self, key: int, *, default: str | None = None) -> str | None:
    #         ^^^ type-hints
        return default
