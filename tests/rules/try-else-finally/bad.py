def parse(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    else:
   #^^^^ try-else-finally
        print(value)
    finally:
   #^^^^^^^ try-else-finally
        print("done")
    return value


def read(path):
    try:
        handle = open(path)
    finally:
   #^^^^^^^ try-else-finally
        cleanup()
