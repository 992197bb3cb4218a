class LRUCache:
    """A mapping of at most `capacity` entries that evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def get(self, key: object) -> object | None:
        raise NotImplementedError

    def put(self, key: object, value: object) -> None:
        raise NotImplementedError
