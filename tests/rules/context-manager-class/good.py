class OnlyEnter:
    def __enter__(self):
        return self


class OnlyExit:
    def __exit__(self, *exc):
        return False


class Mixed:
    def __enter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


def __enter__():
    pass


def __exit__():
    pass
