class Temperature:
    @functools.cached_property
    def fahrenheit(self):
        return 0

    def get_celsius(self):
        return self._celsius

    @staticmethod
    def unit():
        return "C"

    celsius = property(get_celsius)  # the call form is not decorator syntax
