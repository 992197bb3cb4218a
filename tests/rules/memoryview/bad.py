buffer = bytearray(b"hello world")
view = memoryview(buffer)
#      ^^^^^^^^^^ memoryview
header = memoryview(data)[:4]
#        ^^^^^^^^^^ memoryview
