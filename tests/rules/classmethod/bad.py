class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    #^^^^^^^^^^^ classmethod
    def from_string(cls, text):
        return cls(*map(int, text.split("-")))

    @classmethod
    #^^^^^^^^^^^ classmethod
    @functools.cache
    def today(cls):
        return cls(2024, 1, 1)
