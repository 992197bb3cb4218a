from abc import ABCMeta


class Shape(metaclass=ABCMeta):
    pass


class Plugin(Base):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)


kind = type("Dynamic", (), {})
