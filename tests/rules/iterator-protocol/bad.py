class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
    #   ^^^^^^^^ iterator-protocol
        return self

    def __next__(self):
    #   ^^^^^^^^ iterator-protocol
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current


class Stream:
    def __aiter__(self):
    #   ^^^^^^^^^ iterator-protocol
        return self

    async def __anext__(self):
    #         ^^^^^^^^^ iterator-protocol
        raise StopAsyncIteration


it = iter([1, 2, 3])
#    ^^^^ iterator-protocol
first = next(it, None)
#       ^^^^ iterator-protocol
