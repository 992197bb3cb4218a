class Timer:
#     ^^^^^ context-manager-class
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False


class Connection:
#     ^^^^^^^^^^ context-manager-class
    async def __aexit__(self, *exc):
        await self.close()

    async def __aenter__(self):
        return self


class Locked:
#     ^^^^^^ context-manager-class
    def __enter__(self):
        return self

    @override
    def __exit__(self, *exc):
        return None
