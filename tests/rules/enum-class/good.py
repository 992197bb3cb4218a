from graphene import Enum


class Color(Enum):
    RED = 1


class Level(Base):
    LOW = 1


class Status(enum):
    pass
