def load(rows):
    list = [1, 2, 3]
   #^^^^ builtin-variable-shadowing
    for id, (name, type) in rows:
       #^^ builtin-variable-shadowing
       #           ^^^^ builtin-variable-shadowing
        pass
    return list


def input(prompt):
#   ^^^^^ builtin-variable-shadowing
    return prompt


class Warning:
#     ^^^^^^^ builtin-variable-shadowing
    pass


try:
    pass
except ValueError as filter:
#                    ^^^^^^ builtin-variable-shadowing
    pass
squares = [sum for sum in range(3)]
#                  ^^^ builtin-variable-shadowing
with open(path) as (file, hash):
#                         ^^^^ builtin-variable-shadowing
    pass
if (max := compute()) > 3:
#   ^^^ builtin-variable-shadowing
    pass
