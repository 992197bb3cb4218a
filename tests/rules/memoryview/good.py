buffer = bytearray(b"hello world")
chunk = bytes(buffer[:4])
view = buffer.memoryview()

memoryview = make_view
view = memoryview(buffer)  # module-level rebinding shadows the builtin
