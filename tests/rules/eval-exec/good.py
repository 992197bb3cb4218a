import ast

value = ast.literal_eval("[1, 2]")
result = model.eval()
cursor.execute("SELECT 1")
compiled = compile("1 + 2", "<string>", "eval")
# eval() is the bug risk eval-call, not this concept.
total = eval(expression)


def run(exec):
    return exec("x")  # a parameter shadows the builtin
