class StackQueue:
    """A FIFO queue made of two stacks."""

    def push(self, item: object) -> None:
        raise NotImplementedError

    def pop(self) -> object:
        raise NotImplementedError

    def peek(self) -> object:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
