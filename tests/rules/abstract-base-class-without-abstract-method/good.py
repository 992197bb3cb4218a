import abc
from abc import ABC, abstractmethod


class Plugin(ABC):
    @abstractmethod
    def run(self): ...


class Named(ABC):
    name: str


class Mixin(ABC, Base):
    def helper(self):
        pass


class Storage(metaclass=abc.ABCMeta):
    @abc.abstractproperty
    def path(self): ...


class Plain(Base):
    def run(self):
        pass
