handle = open("data.txt")
try:
    data = handle.read()
finally:
    handle.close()

without = "with"
