class Multiplier:
    def call(self, value):
        return value


double = Multiplier()
result = double.call(2)
is_callable = callable(double)
