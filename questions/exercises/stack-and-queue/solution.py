class StackQueue:
    """A FIFO queue made of two stacks."""

    def __init__(self) -> None:
        self._in: list[object] = []
        self._out: list[object] = []

    def push(self, item: object) -> None:
        self._in.append(item)

    def _settle(self) -> None:
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        if not self._out:
            raise IndexError("pop from an empty queue")

    def pop(self) -> object:
        self._settle()
        return self._out.pop()

    def peek(self) -> object:
        self._settle()
        return self._out[-1]

    def __len__(self) -> int:
        return len(self._in) + len(self._out)
