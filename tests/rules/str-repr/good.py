class Money:
    def __format__(self, spec):
        return "money"

    def to_string(self):
        return repr(self)


text = str(Money())
