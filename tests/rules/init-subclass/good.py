class Plugin:
    def __init__(self):
        super().__init__()


class Csv(Plugin, name="csv"):
    pass


def __init_subclass__(cls):
    pass
