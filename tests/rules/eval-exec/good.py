import ast

value = ast.literal_eval("[1, 2]")
result = model.eval()
cursor.execute("SELECT 1")
compiled = compile("1 + 2", "<string>", "eval")


def run(eval):
    return eval("x")  # a parameter shadows the builtin
