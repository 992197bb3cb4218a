import abc
from abc import ABC, ABCMeta


class Shape(ABC):
#     ^^^^^ abstract-base-class
    pass


class Base(abc.ABC):
#     ^^^^ abstract-base-class
    pass


class Plugin(metaclass=ABCMeta):
#     ^^^^^^ abstract-base-class
    pass


class Store(Base, metaclass=abc.ABCMeta):
#     ^^^^^ abstract-base-class
    pass
