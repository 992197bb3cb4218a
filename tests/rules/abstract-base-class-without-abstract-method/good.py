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


# Aliased abstract decorators count as abstract methods.
from abc import ABC as Base, abstractmethod as am


class Exporter(Base):
    @am
    def export(self): ...
