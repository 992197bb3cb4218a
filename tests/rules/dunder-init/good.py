class Point:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

    def init(self):
        pass


def __init__(self):  # module-level function, not a method
    pass
