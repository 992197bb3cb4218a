total = sum(x * x for x in range(10))
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^ generator-expression
lazy = (line.strip() for line in open("f"))
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generator-expression
found = any(
#          ^ generator-expression
    word.startswith("a")
    for word in words
)
pairs = dict((k, v) for k, v in items)
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^ generator-expression
