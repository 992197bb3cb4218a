import queue
import threading
from collections.abc import Callable, Sequence


def process_all(items: Sequence[object], worker: Callable[[object], object], threads: int = 4) -> list[object]:
    """worker(item) for every item on `threads` consumer threads; results in input order."""
    if threads < 1:
        raise ValueError("threads must be at least 1")
    jobs: queue.Queue[tuple[int, object] | None] = queue.Queue()
    results: list[object] = [None] * len(items)

    def consume() -> None:
        while (job := jobs.get()) is not None:
            index, item = job
            try:
                results[index] = worker(item)
            except Exception as exc:
                results[index] = exc

    pool = [threading.Thread(target=consume) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for job in enumerate(items):
        jobs.put(job)
    for _ in pool:
        jobs.put(None)
    for thread in pool:
        thread.join()
    return results
