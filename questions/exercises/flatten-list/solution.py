from collections.abc import Iterator


def flatten(items: list) -> Iterator[object]:
    """Yield the non-list values of a nested list, depth first (no recursion limit)."""
    stack = [iter(items)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            yield item
        else:
            stack.pop()
