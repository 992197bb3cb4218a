for name, score in zip(names, scores):
#                  ^^^ zip
    print(name, score)

mapping = dict(zip(keys, values, strict=True))
#              ^^^ zip
transposed = list(zip(*matrix))
#                 ^^^ zip
