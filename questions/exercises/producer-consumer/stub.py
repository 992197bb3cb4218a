from collections.abc import Callable, Sequence


def process_all(items: Sequence[object], worker: Callable[[object], object], threads: int = 4) -> list[object]:
    """worker(item) for every item on `threads` consumer threads; results in input order."""
    raise NotImplementedError
