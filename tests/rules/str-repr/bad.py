class Money:
    def __init__(self, amount):
        self.amount = amount

    def __repr__(self):
    #   ^^^^^^^^ str-repr
        return f"Money({self.amount!r})"

    def __str__(self):
    #   ^^^^^^^ str-repr
        return f"${self.amount:.2f}"
