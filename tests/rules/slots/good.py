__slots__ = ("x",)  # module level: no effect


class Point:
    slots = ("x", "y")

    def __init__(self):
        self.__slots__ = ()
