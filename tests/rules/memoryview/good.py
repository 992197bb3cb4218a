buffer = bytearray(b"hello world")
chunk = bytes(buffer[:4])
view = buffer.memoryview()
