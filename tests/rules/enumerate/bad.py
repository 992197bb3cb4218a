for index, item in enumerate(items):
#                  ^^^^^^^^^ enumerate
    print(index, item)

numbered = list(enumerate(lines, start=1))
#               ^^^^^^^^^ enumerate
