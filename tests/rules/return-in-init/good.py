class Account:
    def __init__(self, owner):
        if owner is None:
            return
        self.owner = owner
        return None

    def save(self):
        return self

    def __init_subclass__(cls):
        return None


class Lazy:
    def __init__(self, compute):
        def helper():
            return compute()

        self.helper = helper

    @staticmethod
    def __init__(value):
        return value


def __init__(self):
    return 1
