class Plain:
    def get(self, name):
        return getattr(self, name)


def __getattr__(name):
    return name


value = getattr(obj, "x")
setattr(obj, "x", 1)
