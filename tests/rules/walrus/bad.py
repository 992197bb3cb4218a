while (chunk := stream.read(1024)):
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^ walrus
    process(chunk)

if (match := pattern.search(text)) is not None:
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ walrus
    print(match.group())

results = [y for x in data if (y := transform(x))]
#                              ^^^^^^^^^^^^^^^^^ walrus
