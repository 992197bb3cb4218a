import ast

value = ast.literal_eval("[1, 2, 3]")
exec("print(1)")
model.eval()


def run(eval):
    return eval("x")


score = evaluate(expression)


# A parameter named like an alias of the builtin is not the builtin.
from builtins import eval as evaluate


def compute(evaluate):
    return evaluate(source)
