class Point:
#     ^^^^^ eq-without-hash
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)



class Money:
#     ^^^^^ eq-without-hash
    @staticmethod
    def __eq__(a, b):
        return a is b
