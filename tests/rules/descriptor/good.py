class Config:
    def get(self, key):
        return key

    def __getattr__(self, name):
        return name

    def __getattribute__(self, name):
        return object.__getattribute__(self, name)


def __get__(self, obj, objtype=None):  # not in a class body
    return self
