class Duck(Bird):
    pass


class Plugin(Base, metaclass=Meta):
    pass


class Empty:
    pass


result = combine(Flyer, Swimmer)
