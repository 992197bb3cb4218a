class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
    #   ^^^^^^^^ callable-object
        return value * self.factor
