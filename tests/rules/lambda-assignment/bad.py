def build():
    square = lambda x: x * x
#   ^^^^^^ lambda-assignment
    double = (lambda x: 2 * x)
#   ^^^^^^ lambda-assignment
    key: object = lambda item: item[0]
#   ^^^ lambda-assignment
    return square, double, key


class Shapes:
    area = lambda self: 0
#   ^^^^ lambda-assignment
