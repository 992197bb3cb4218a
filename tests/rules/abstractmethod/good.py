from abc import ABC


class Shape(ABC):
    def area(self):
        raise NotImplementedError

    @staticmethod
    def abstract():
        pass
