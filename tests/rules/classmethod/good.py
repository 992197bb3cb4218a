class Date:
    @staticmethod
    def is_leap(year):
        return year % 4 == 0

    def iso(self):
        return f"{self.year}"

    @property
    def classmethod_like(self):
        return type(self)
