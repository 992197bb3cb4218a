import abc
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    #^^^^^^^^^^^^^^ abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    #^^^^^^^^^^^^^^^^^^ abstractmethod
    def name(self): ...

    @abc.abstractproperty
    #^^^^^^^^^^^^^^^^^^^^ abstractmethod
    def sides(self): ...
