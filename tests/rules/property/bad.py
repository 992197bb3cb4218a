class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    #^^^^^^^^ property
    def celsius(self):
        return self._celsius

    @celsius.setter
    #^^^^^^^^^^^^^^ property
    def celsius(self, value):
        self._celsius = value

    @celsius.deleter
    #^^^^^^^^^^^^^^^ property
    def celsius(self):
        del self._celsius

    @property
    #^^^^^^^^ property
    @abstractmethod
    def kelvin(self):
        ...
