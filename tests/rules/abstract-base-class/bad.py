import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
#     ^^^^^ abstract-base-class
    @abstractmethod
    def area(self): ...


class Base(abc.ABC):
#     ^^^^ abstract-base-class
    name: str


class Plugin(metaclass=ABCMeta):
#     ^^^^^^ abstract-base-class
    @abc.abstractmethod
    def run(self): ...


class Store(Base, metaclass=abc.ABCMeta):
#     ^^^^^ abstract-base-class
    pass
